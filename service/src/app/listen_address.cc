#include "app/listen_address.h"

#include <arpa/inet.h>

#include <charconv>

namespace pillarbox::app {

Result<ListenAddress> ParseListenAddress(std::string_view text) {
  const Status bad = Status::InvalidArgument("expected HOST:PORT with an IPv4 host, e.g. 127.0.0.1:8080", "--listen");
  const size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return bad;
  ListenAddress address{std::string(text.substr(0, colon)), 0};
  in_addr parsed{};
  if (inet_pton(AF_INET, address.host.c_str(), &parsed) != 1) return bad;
  const std::string_view port = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (port.empty() || error != std::errc() || end != port.data() + port.size() || value > 65535) return bad;
  address.port = static_cast<uint16_t>(value);
  return address;
}

}  // namespace pillarbox::app
