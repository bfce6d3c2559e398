// RandomBytes (declared in privacy/bytes.h).
#include <sodium.h>

#include "privacy/bytes.h"
#include "privacy/internal.h"

namespace pillarbox::privacy {

Bytes RandomBytes(size_t size) {
  internal::EnsureSodiumInitialized();
  Bytes out(size);
  randombytes_buf(out.data(), out.size());
  return out;
}

}  // namespace pillarbox::privacy
