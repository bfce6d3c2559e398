#include "app/instance_command.h"

#include <iostream>

#include "app/instance_layout.h"
#include "privacy/init.h"
#include "privacy/instance_secret.h"
#include "privacy/signing_key.h"

namespace pillarbox::app {
namespace {

Result<privacy::SigningPublicKey> SigningPublicKeyOf(const InstanceLayout& layout) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(auto keys, privacy::InstanceKeys::LoadFile(layout.instance_secret()));
  return privacy::SigningKey::FromSeed(keys.signing_seed()).public_key();
}

}  // namespace

int RunInstanceSigningKey(const InstanceSigningKeyOptions& options) {
  const Result<privacy::SigningPublicKey> key = SigningPublicKeyOf(InstanceLayout{options.data_dir, options.secret_file});
  if (!key.ok()) {
    std::cerr << "pillarbox instance signing-key: " << key.status().message() << "\n";
    return 1;
  }
  std::cout << privacy::ToHex(*key) << std::endl;
  return 0;
}

}  // namespace pillarbox::app
