#include "app/master_rotation_command.h"

#include <iostream>

#include "app/master_key_rotation.h"
#include "app/secret_text_file.h"
#include "privacy/wipe.h"

namespace pillarbox::app {

int RunRotateMaster(const RotateMasterOptions& options) {
  Result<std::string> password = ReadSecretTextFile(options.password_file, "password file");
  if (!password.ok()) {
    std::cerr << "pillarbox instance rotate-master: " << password.status().message() << "\n";
    return 1;
  }
  SystemClock clock;
  MasterKeyRotationOptions rotation{{options.data_dir, options.secret_file}, options.username, *password,
                                    options.batch_size};
  const Status status = RotateMasterKey(rotation, clock, std::cout);
  privacy::Wipe({reinterpret_cast<uint8_t*>(password->data()), password->size()});
  privacy::Wipe({reinterpret_cast<uint8_t*>(rotation.password.data()), rotation.password.size()});
  if (!status.ok()) {
    std::cerr << "pillarbox instance rotate-master: " << status.message() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace pillarbox::app
