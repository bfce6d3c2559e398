// TOTP codes through liboath (declared in privacy/totp.h). The decoded secret
// is wiped before it is freed; codes are compared in constant time.
#include "privacy/totp.h"

#include <liboath/oath.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <mutex>
#include <span>

#include "privacy/bytes.h"
#include "privacy/internal.h"
#include "privacy/password_kdf.h"

namespace pillarbox::privacy {
namespace {

Status EnsureOathInitialized() {
  static std::once_flag once;
  static int result = OATH_OK;
  std::call_once(once, [] { result = oath_init(); });
  return result == OATH_OK ? Status::Ok() : Status::Internal("liboath failed to initialize");
}

// The secret's raw bytes, decoded by liboath; wiped and freed on destruction.
class DecodedSecret {
 public:
  DecodedSecret() = default;
  DecodedSecret(const DecodedSecret&) = delete;
  DecodedSecret& operator=(const DecodedSecret&) = delete;
  ~DecodedSecret() {
    if (data_ == nullptr) return;
    internal::Wipe(std::span<uint8_t>(reinterpret_cast<uint8_t*>(data_), size_));
    std::free(data_);
  }

  // InvalidArgument unless `base32` decodes to at least one byte.
  Status Decode(std::string_view base32) {
    if (base32.empty()) return Status::InvalidArgument("TOTP secret is empty");
    if (oath_base32_decode(base32.data(), base32.size(), &data_, &size_) != OATH_OK || size_ == 0) {
      return Status::InvalidArgument("TOTP secret is not valid base32");
    }
    return Status::Ok();
  }
  const char* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  char* data_ = nullptr;
  size_t size_ = 0;
};

// The code of time step `step` (>= 0) under `secret`.
Result<std::string> CodeForStep(const DecodedSecret& secret, int64_t step) {
  std::array<char, kTotpDigits + 1> output{};
  const auto now = static_cast<time_t>(step * kTotpStepSeconds);
  if (oath_totp_generate(secret.data(), secret.size(), now, kTotpStepSeconds, OATH_TOTP_DEFAULT_START_TIME,
                         kTotpDigits, output.data()) != OATH_OK) {
    return Status::Internal("TOTP generation failed");
  }
  return std::string(output.data(), kTotpDigits);
}

bool IsSixDigits(std::string_view code) {
  return code.size() == kTotpDigits && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Result<std::string> TotpCode(std::string_view secret_base32, int64_t unix_time) {
  PB_RETURN_IF_ERROR(EnsureOathInitialized());
  if (unix_time < 0) return Status::InvalidArgument("time is before the Unix epoch");
  DecodedSecret secret;
  PB_RETURN_IF_ERROR(secret.Decode(secret_base32));
  return CodeForStep(secret, unix_time / kTotpStepSeconds);
}

Result<int64_t> VerifyTotp(std::string_view secret_base32, std::string_view code, int64_t unix_time,
                           int64_t last_used_step) {
  PB_RETURN_IF_ERROR(EnsureOathInitialized());
  DecodedSecret secret;
  PB_RETURN_IF_ERROR(secret.Decode(secret_base32));
  if (!IsSixDigits(code) || unix_time < 0) return Status::Unauthenticated("invalid code");
  const int64_t current = unix_time / kTotpStepSeconds;
  for (int64_t step = current - kTotpDriftSteps; step <= current + kTotpDriftSteps; ++step) {
    if (step < 0 || step <= last_used_step) continue;
    PB_ASSIGN_OR_RETURN(std::string expected, CodeForStep(secret, step));
    if (ConstantTimeEquals(AsBytes(expected), AsBytes(code))) return step;
  }
  return Status::Unauthenticated("invalid code");
}

}  // namespace pillarbox::privacy
