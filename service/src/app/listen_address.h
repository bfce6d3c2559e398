// Parsing of --listen values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace pillarbox::app {

struct ListenAddress {
  std::string host;  // an IPv4 address, e.g. "127.0.0.1"
  uint16_t port = 0;
};

// Parses "HOST:PORT" where HOST is a dotted IPv4 address and PORT 0-65535
// (0 asks the system for a free port). InvalidArgument naming "--listen"
// otherwise.
Result<ListenAddress> ParseListenAddress(std::string_view text);

}  // namespace pillarbox::app
