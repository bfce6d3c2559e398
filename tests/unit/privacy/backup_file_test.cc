#include "privacy/backup_file.h"

#include <gtest/gtest.h>

#include <string>

#include "privacy/instance_secret.h"
#include "privacy/signing_key.h"

namespace pillarbox::privacy {
namespace {

// One instance's keys, as `pillarbox backup` uses them.
struct TestInstance {
  InstanceKeys keys = InstanceKeys::Derive(SecretKey::Random());
  SigningKey signer = SigningKey::FromSeed(keys.signing_seed());
};

Bytes Content(size_t size) {
  Bytes content(size);
  for (size_t i = 0; i < size; ++i) content[i] = static_cast<uint8_t>((i * 131 + 7) % 251);
  return content;
}

Result<Bytes> Write(const TestInstance& instance, ByteView content, std::optional<std::string_view> passphrase = {}) {
  Bytes file;
  auto sink = [&file](ByteView bytes) {
    file.insert(file.end(), bytes.begin(), bytes.end());
    return Status::Ok();
  };
  const BackupKeySource key{instance.keys.backup_key(), passphrase, MinimalKdfParams()};
  PB_ASSIGN_OR_RETURN(BackupWriter writer, BackupWriter::Start(sink, BackupHeader{8, "2026-11-22"}, key, instance.signer));
  // Uneven pieces, so chunking inside the writer is exercised.
  for (size_t offset = 0; offset < content.size(); offset += 10007) {
    PB_RETURN_IF_ERROR(writer.Append(content.subspan(offset, std::min<size_t>(10007, content.size() - offset))));
  }
  PB_RETURN_IF_ERROR(writer.Finish());
  EXPECT_EQ(writer.bytes_written(), file.size());
  return file;
}

// Opens `file` as `instance`; the plaintext goes to `plaintext`.
Result<BackupHeader> Open(const TestInstance& instance, ByteView file, Bytes& plaintext,
                          std::optional<std::string_view> passphrase = {}) {
  plaintext.clear();
  auto sink = [&plaintext](ByteView piece) {
    plaintext.insert(plaintext.end(), piece.begin(), piece.end());
    return Status::Ok();
  };
  return OpenBackup(file, BackupKeySource{instance.keys.backup_key(), passphrase}, instance.signer.public_key(), sink);
}

// The error message of opening `file` as `instance` ("" when it opens).
std::string Problem(const TestInstance& instance, ByteView file, std::optional<std::string_view> passphrase = {}) {
  Bytes plaintext;
  Result<BackupHeader> header = Open(instance, file, plaintext, passphrase);
  return header.ok() ? "" : header.status().message();
}

bool StartsWith(const std::string& text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

class BackupFileTest : public ::testing::Test {
 protected:
  TestInstance instance_;
  // Three full chunks and a partial one.
  Bytes content_ = Content(3 * kBackupChunkBytes + 12345);
};

TEST_F(BackupFileTest, RoundTripGivesTheSnapshotAndTheHeader) {
  Result<Bytes> file = Write(instance_, content_);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  EXPECT_EQ(file->size(), kBackupHeaderBytes + content_.size() + 4 * 17 + kBackupTrailerBytes);
  Bytes plaintext;
  Result<BackupHeader> header = Open(instance_, *file, plaintext);
  ASSERT_TRUE(header.ok()) << header.status().ToString();
  EXPECT_EQ(plaintext, content_);
  EXPECT_EQ(header->schema_version, 8);
  EXPECT_EQ(header->created_day, "2026-11-22");
  EXPECT_EQ(header->key_mode, BackupKeyMode::kInstance);
}

TEST_F(BackupFileTest, RoundTripOfExactChunkMultipleAndOfOneByte) {
  for (size_t size : {2 * kBackupChunkBytes, size_t{1}}) {
    const Bytes content = Content(size);
    Result<Bytes> file = Write(instance_, content);
    ASSERT_TRUE(file.ok());
    Bytes plaintext;
    ASSERT_TRUE(Open(instance_, *file, plaintext).ok()) << size;
    EXPECT_EQ(plaintext, content);
  }
}

TEST_F(BackupFileTest, FileHoldsNeitherPlaintextNorKeys) {
  const std::string canary = "CANARY-plaintext-0123456789";
  Bytes content = Content(100000);
  std::copy(canary.begin(), canary.end(), content.begin() + 5000);
  Result<Bytes> file = Write(instance_, content);
  ASSERT_TRUE(file.ok());
  const std::string text(file->begin(), file->end());
  EXPECT_EQ(text.find(canary), std::string::npos);
  for (const SecretKey* key : {&instance_.keys.backup_key(), &instance_.keys.signing_seed()}) {
    EXPECT_EQ(text.find(std::string(key->bytes().begin(), key->bytes().end())), std::string::npos);
  }
}

TEST_F(BackupFileTest, FlippedHeaderByteFailsTheSignature) {
  Result<Bytes> file = Write(instance_, content_);
  ASSERT_TRUE(file.ok());
  for (size_t offset : {size_t{12}, size_t{16}, size_t{60}, size_t{100}}) {  // schema, day, key check, stream header
    Bytes altered = *file;
    altered[offset] ^= 0x01;
    const std::string problem = Problem(instance_, altered);
    EXPECT_FALSE(problem.empty()) << offset;
    if (offset < 92) {
      EXPECT_TRUE(StartsWith(problem, "signature:")) << offset << ": " << problem;
    }
  }
}

TEST_F(BackupFileTest, FlippedSignatureByteFailsTheSignature) {
  Result<Bytes> file = Write(instance_, content_);
  ASSERT_TRUE(file.ok());
  (*file)[file->size() - kBackupTrailerBytes + 10] ^= 0x80;
  EXPECT_TRUE(StartsWith(Problem(instance_, *file), "signature:"));
}

TEST_F(BackupFileTest, FlippedMiddleByteNamesTheChunk) {
  Result<Bytes> file = Write(instance_, content_);
  ASSERT_TRUE(file.ok());
  (*file)[kBackupHeaderBytes + kBackupChunkBytes + 17 + 500] ^= 0x01;  // inside chunk 1
  Bytes plaintext;
  Result<BackupHeader> header = Open(instance_, *file, plaintext);
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.status().code(), StatusCode::kDataLoss);
  EXPECT_TRUE(StartsWith(header.status().message(), "chunk 1:")) << header.status().message();
  EXPECT_EQ(plaintext.size(), kBackupChunkBytes);  // only chunk 0 was handed over
}

TEST_F(BackupFileTest, TruncationIsNamed) {
  Result<Bytes> file = Write(instance_, content_);
  ASSERT_TRUE(file.ok());
  Bytes cut(file->begin(), file->end() - 1);
  EXPECT_TRUE(StartsWith(Problem(instance_, cut), "truncated:")) << Problem(instance_, cut);
  Bytes half(file->begin(), file->begin() + static_cast<long>(file->size() / 2));
  EXPECT_TRUE(StartsWith(Problem(instance_, half), "truncated:"));
  Bytes header_only(file->begin(), file->begin() + 50);
  EXPECT_TRUE(StartsWith(Problem(instance_, header_only), "truncated:"));
  // The last chunk removed but the trailer kept: the FINAL tag is missing.
  const size_t last_chunk = 12345 + 17;
  Bytes without_last(file->begin(), file->end() - static_cast<long>(kBackupTrailerBytes + last_chunk));
  without_last.insert(without_last.end(), file->end() - static_cast<long>(kBackupTrailerBytes), file->end());
  EXPECT_TRUE(StartsWith(Problem(instance_, without_last), "truncated:")) << Problem(instance_, without_last);
}

TEST_F(BackupFileTest, NotABackupIsRefused) {
  const Bytes other = Content(5000);
  Bytes plaintext;
  Result<BackupHeader> header = Open(instance_, other, plaintext);
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(BackupFileTest, AnotherInstancesBackupIsRefused) {
  TestInstance other;
  Result<Bytes> file = Write(other, content_);
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(StartsWith(Problem(instance_, *file), "signature:"));
  // Even with the same passphrase, the signature is another instance's.
  Result<Bytes> protected_file = Write(other, content_, "same passphrase for both");
  ASSERT_TRUE(protected_file.ok());
  EXPECT_TRUE(StartsWith(Problem(instance_, *protected_file, "same passphrase for both"), "signature:"));
}

TEST_F(BackupFileTest, PassphraseRoundTripAndWrongPassphrase) {
  Result<Bytes> file = Write(instance_, content_, "correct horse battery staple");
  ASSERT_TRUE(file.ok());
  Bytes plaintext;
  Result<BackupHeader> header = Open(instance_, *file, plaintext, "correct horse battery staple");
  ASSERT_TRUE(header.ok()) << header.status().ToString();
  EXPECT_EQ(header->key_mode, BackupKeyMode::kPassphrase);
  EXPECT_EQ(plaintext, content_);
  EXPECT_EQ(Problem(instance_, *file, "wrong horse battery staple"), "passphrase: wrong passphrase");
  Result<BackupHeader> without = Open(instance_, *file, plaintext);
  ASSERT_FALSE(without.ok());
  EXPECT_EQ(without.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(BackupFileTest, InstanceBackupRefusesAPassphrase) {
  Result<Bytes> file = Write(instance_, content_);
  ASSERT_TRUE(file.ok());
  Bytes plaintext;
  EXPECT_EQ(Open(instance_, *file, plaintext, "a passphrase here").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace pillarbox::privacy
