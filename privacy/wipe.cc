// Wipe (declared in privacy/wipe.h).
#include "privacy/wipe.h"

#include "privacy/internal.h"

namespace pillarbox::privacy {

void Wipe(std::span<uint8_t> buffer) { internal::Wipe(buffer); }

}  // namespace pillarbox::privacy
