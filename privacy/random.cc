// RandomBytes (declared in privacy/bytes.h).
#include <sodium.h>

#include "privacy/bytes.h"
#include "privacy/internal.h"

namespace pillarbox::privacy {

Bytes RandomBytes(size_t size) {
  internal::EnsureSodiumInitialized();
  Bytes out(size);
  if (size == 0) return out;  // randombytes_buf must not see an empty vector's null data
  randombytes_buf(out.data(), out.size());
  return out;
}

}  // namespace pillarbox::privacy
