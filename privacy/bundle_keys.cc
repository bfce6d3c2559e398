// Keys of one evidence bundle (declared in privacy/bundle_keys.h).
#include "privacy/bundle_keys.h"

#include <sodium.h>

#include "privacy/internal.h"

namespace pillarbox::privacy {
namespace {

static_assert(kSealedKeyBytes == kKeyBytes + crypto_box_SEALBYTES);

SecretKey Subkey(const SecretKey& bundle_key, uint64_t id) {
  internal::KeyBuffer subkey;
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), id, "pbxbundl", internal::KeyData(bundle_key));
  return internal::TakeKey(subkey);
}

}  // namespace

BundleKeys BundleKeys::Derive(const SecretKey& bundle_key) {
  internal::EnsureSodiumInitialized();
  return BundleKeys{Subkey(bundle_key, 1), Subkey(bundle_key, 2)};
}

}  // namespace pillarbox::privacy
