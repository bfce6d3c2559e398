// Fuzz target: the privacy decoders not covered by sealed_field_open and
// keyring_parse: OpenSealedKey (a report's data key sealed to a desk),
// UnwrapKey (a data key wrapped under the reporter key) and OpenBackup (a
// backup file handed to `pillarbox backup restore`). The first input byte
// picks the decoder, the rest is its input. The keys are fixed (derived
// from constants), so committed seeds are real, valid sealed keys, wrapped
// keys and a backup file and the fuzzer mutates from there. Properties:
// - every decoder fails only with DataLoss or InvalidArgument, never
//   crashes or over-reads;
// - whatever opens is authentic: changing any one byte of an input that
//   opened makes it fail;
// - sealing/wrapping the input's first 32 bytes as a key opens to the same
//   key; an opened backup's plaintext is what the seed writer put in.
// PILLARBOX_FUZZ_WRITE_SEEDS=<dir> writes the seeds instead (see
// docs/notes/fuzz2.md).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "privacy/backup_file.h"
#include "privacy/bytes.h"
#include "privacy/envelope.h"
#include "privacy/init.h"
#include "privacy/signing_key.h"

namespace {

using namespace pillarbox;
using namespace pillarbox::privacy;

constexpr std::string_view kPurpose = "reporter-data-key";
constexpr std::string_view kBackupText = "pillarbox fuzz backup plaintext\n";

void Require(bool condition) {
  if (!condition) std::abort();
}

SecretKey FixedKey(uint8_t fill) {
  Bytes bytes(kKeyBytes, fill);
  auto key = SecretKey::FromBytes(bytes);
  Require(key.ok());
  return std::move(*key);
}

struct Keys {
  BoxKeyPair desk = BoxKeyPair::FromSecretKey(FixedKey(0x11));
  SecretKey reporter = FixedKey(0x22);
  SecretKey backup = FixedKey(0x33);
  SigningKey signer = SigningKey::FromSeed(FixedKey(0x44));
};

const Keys& TheKeys() {
  static const Keys* keys = [] {
    Require(InitializeAndSelfTest().ok());
    return new Keys;
  }();
  return *keys;
}

bool Rejection(const Status& status) {
  return status.code() == StatusCode::kDataLoss || status.code() == StatusCode::kInvalidArgument;
}

// 0: OK; 1: refused; aborts on any other outcome.
int Open(uint8_t target, ByteView input) {
  const Keys& keys = TheKeys();
  switch (target % 3) {
    case 0: {
      const auto key = OpenSealedKey(keys.desk, input);
      Require(key.ok() || Rejection(key.status()));
      return key.ok() ? 0 : 1;
    }
    case 1: {
      const auto key = UnwrapKey(keys.reporter, kPurpose, input);
      Require(key.ok() || Rejection(key.status()));
      return key.ok() ? 0 : 1;
    }
    default: {
      std::string plaintext;
      const auto header = OpenBackup(input, BackupKeySource{keys.backup}, keys.signer.public_key(),
                                     [&plaintext](ByteView piece) {
                                       plaintext.append(piece.begin(), piece.end());
                                       return Status::Ok();
                                     });
      Require(header.ok() || Rejection(header.status()));
      if (header.ok()) Require(plaintext == kBackupText);
      return header.ok() ? 0 : 1;
    }
  }
}

void CheckRoundTrips(ByteView input) {
  if (input.size() < kKeyBytes) return;
  const Keys& keys = TheKeys();
  const auto key = SecretKey::FromBytes(input.first(kKeyBytes));
  Require(key.ok());
  const auto opened = OpenSealedKey(keys.desk, SealKeyTo(keys.desk.public_key, *key));
  Require(opened.ok() && std::equal(opened->bytes().begin(), opened->bytes().end(), input.begin()));
  const auto unwrapped = UnwrapKey(keys.reporter, kPurpose, WrapKey(keys.reporter, kPurpose, *key));
  Require(unwrapped.ok() && std::equal(unwrapped->bytes().begin(), unwrapped->bytes().end(), input.begin()));
}

void WriteSeeds(const std::string& dir) {
  const Keys& keys = TheKeys();
  auto write = [&dir](const std::string& name, uint8_t target, const Bytes& bytes) {
    std::ofstream out(dir + "/" + name, std::ios::binary);
    out.put(static_cast<char>(target));
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  };
  const SecretKey data_key = FixedKey(0x55);
  write("sealed_key", 0, SealKeyTo(keys.desk.public_key, data_key));
  write("wrapped_key", 1, WrapKey(keys.reporter, kPurpose, data_key));
  Bytes file;
  auto writer = BackupWriter::Start(
      [&file](ByteView piece) {
        file.insert(file.end(), piece.begin(), piece.end());
        return Status::Ok();
      },
      BackupHeader{.schema_version = 9, .created_day = "2026-11-23"}, BackupKeySource{keys.backup}, keys.signer);
  Require(writer.ok());
  const ByteView text(reinterpret_cast<const uint8_t*>(kBackupText.data()), kBackupText.size());
  Require(writer->Append(text).ok() && writer->Finish().ok());
  write("backup", 2, file);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  if (const char* dir = std::getenv("PILLARBOX_FUZZ_WRITE_SEEDS")) {
    WriteSeeds(dir);
    std::exit(0);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t target = data[0];
  const ByteView input(data + 1, size - 1);
  CheckRoundTrips(input);
  if (Open(target, input) != 0 || input.empty()) return 0;
  // It opened: every single-byte change must be refused.
  Bytes altered(input.begin(), input.end());
  const size_t position = (altered.size() * 7919 + altered.back()) % altered.size();
  altered[position] ^= static_cast<uint8_t>(1 + (altered.front() % 255));
  Require(Open(target, altered) == 1);
  return 0;
}
