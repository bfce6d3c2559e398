#include "http/security_headers.h"

#include <pistache/http.h>
#include <pistache/http_header.h>

#include <ostream>

namespace pillarbox::http {
namespace {

// A header with a fixed name and a value given at construction.
template <const char* kName>
class ValueHeader final : public Pistache::Http::Header::Header {
 public:
  static constexpr uint64_t Hash = Pistache::Http::Header::detail::hash(kName);
  static constexpr const char* Name = kName;
  uint64_t hash() const override { return Hash; }
  const char* name() const override { return Name; }

  ValueHeader() = default;
  explicit ValueHeader(std::string value) : value_(std::move(value)) {}
  void parse(const std::string& data) override { value_ = data; }
  void write(std::ostream& stream) const override { stream << value_; }

 private:
  std::string value_;
};

constexpr char kCsp[] = "Content-Security-Policy";
constexpr char kContentTypeOptions[] = "X-Content-Type-Options";
constexpr char kReferrerPolicy[] = "Referrer-Policy";
constexpr char kCacheControl[] = "Cache-Control";
constexpr char kOpenerPolicy[] = "Cross-Origin-Opener-Policy";
constexpr char kResourcePolicy[] = "Cross-Origin-Resource-Policy";
constexpr char kFrameOptions[] = "X-Frame-Options";
constexpr char kRetryAfter[] = "Retry-After";

}  // namespace

void AddSecurityHeaders(Pistache::Http::ResponseWriter& response, const std::string& csp) {
  auto& headers = response.headers();
  headers.add<ValueHeader<kCsp>>(csp);
  headers.add<ValueHeader<kContentTypeOptions>>("nosniff");
  headers.add<ValueHeader<kReferrerPolicy>>("no-referrer");
  headers.add<ValueHeader<kCacheControl>>("no-store");
  headers.add<ValueHeader<kOpenerPolicy>>("same-origin");
  headers.add<ValueHeader<kResourcePolicy>>("same-origin");
  headers.add<ValueHeader<kFrameOptions>>("DENY");
}

void AddRetryAfter(Pistache::Http::ResponseWriter& response, int seconds) {
  response.headers().add<ValueHeader<kRetryAfter>>(std::to_string(seconds));
}

}  // namespace pillarbox::http
