// Fuzz target: opening a sealed field (privacy/envelope.h) from bytes an
// attacker with write access to the database chose. Any bytes must open to
// nothing (DataLoss) without a crash or an over-read; the input's first half
// also goes through a seal/open round trip that must give it back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "privacy/envelope.h"
#include "privacy/init.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace pillarbox::privacy;
  static const bool initialized = InitializeAndSelfTest().ok();
  if (!initialized) std::abort();
  static const SecretKey key = SecretKey::Random();
  const FieldContext context{"report_fields", "0123456789abcdef0123456789abcdef", "narrative", 1};
  const auto opened = OpenField(key, context, ByteView(data, size));
  if (opened.ok()) std::abort();  // forging needs the key: never
  if (opened.status().code() != pillarbox::StatusCode::kDataLoss) std::abort();
  const std::string plaintext(reinterpret_cast<const char*>(data), size / 2);
  const Bytes sealed = SealField(key, context, plaintext);
  const auto round_trip = OpenField(key, context, sealed);
  if (!round_trip.ok() || *round_trip != plaintext) std::abort();
  return 0;
}
