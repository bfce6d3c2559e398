// DeskDirectory: which desk (reviewer team) receives each kind of report, and
// the desk's current public key. The intake path holds only public keys.
#pragma once

#include <cstdint>
#include <string>

#include "common/status.h"
#include "privacy/bytes.h"

namespace pillarbox::intake {

struct DeskKey {
  std::string desk_id;
  uint32_t key_version = 1;
  privacy::BoxPublicKey public_key;
};

class DeskDirectory {
 public:
  virtual ~DeskDirectory() = default;
  // The desk that receives reports of `kind`. NotFound when none does.
  // Thread-safe.
  virtual Result<DeskKey> DeskForKind(const std::string& kind) const = 0;
};

}  // namespace pillarbox::intake
