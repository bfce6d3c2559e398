#include "reporter/evidence_sealer.h"

#include "privacy/envelope.h"
#include "privacy/file_stream.h"

namespace pillarbox::reporter {
namespace {

constexpr char kFileKeyField[] = "file_key";
constexpr char kMetaField[] = "meta";

privacy::FieldContext ContextOf(std::string_view file_id, const char* field) {
  return {kEvidenceFilesTable, file_id, field, kEvidenceKeyVersion};
}

std::string_view KeyText(const privacy::SecretKey& key) {
  const privacy::ByteView bytes = key.bytes();
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// The file key of `record`, opened under `data_key`.
Result<privacy::SecretKey> OpenFileKey(const privacy::SecretKey& data_key, const store::EvidenceFileRecord& record) {
  Result<std::string> key_text = privacy::OpenField(data_key, ContextOf(record.id, kFileKeyField), record.sealed_key);
  if (!key_text.ok()) return Status::DataLoss("evidence file key failed to open");
  Result<privacy::SecretKey> key = privacy::SecretKey::FromBytes(privacy::AsBytes(*key_text));
  privacy::Wipe({reinterpret_cast<uint8_t*>(key_text->data()), key_text->size()});
  if (!key.ok()) return Status::DataLoss("evidence file key has a wrong length");
  return key;
}

}  // namespace

SealedEvidence SealEvidence(const privacy::SecretKey& data_key, std::string_view report_id, std::string_view file_id,
                            std::string_view day, const EvidenceMeta& meta, privacy::ByteView content) {
  const privacy::SecretKey file_key = privacy::SecretKey::Random();
  privacy::SealedFileStream stream = privacy::SealFileStream(file_key, content);
  SealedEvidence sealed;
  store::EvidenceFileRecord& record = sealed.record;
  record.id = std::string(file_id);
  record.report_id = std::string(report_id);
  record.created_day = std::string(day);
  record.sealed_key = privacy::SealField(data_key, ContextOf(file_id, kFileKeyField), KeyText(file_key));
  std::string meta_json = EncodeEvidenceMeta(meta);
  record.sealed_meta = privacy::SealField(data_key, ContextOf(file_id, kMetaField), meta_json);
  privacy::Wipe({reinterpret_cast<uint8_t*>(meta_json.data()), meta_json.size()});
  record.stream_header.assign(stream.header.begin(), stream.header.end());
  record.chunk_count = static_cast<int64_t>(stream.chunks.size());
  sealed.chunks = std::move(stream.chunks);
  return sealed;
}

Result<EvidenceMeta> OpenEvidenceMeta(const privacy::SecretKey& data_key, const store::EvidenceFileRecord& record) {
  Result<std::string> json = privacy::OpenField(data_key, ContextOf(record.id, kMetaField), record.sealed_meta);
  if (!json.ok()) return Status::DataLoss("evidence metadata failed to open");
  Result<EvidenceMeta> meta = DecodeEvidenceMeta(*json);
  privacy::Wipe({reinterpret_cast<uint8_t*>(json->data()), json->size()});
  return meta;
}

Result<privacy::SensitiveBytes> OpenEvidenceContent(const privacy::SecretKey& data_key,
                                                    const store::EvidenceFileRecord& record,
                                                    const std::vector<std::vector<uint8_t>>& chunks) {
  if (static_cast<int64_t>(chunks.size()) != record.chunk_count) {
    return Status::DataLoss("evidence file has a wrong number of chunks");
  }
  PB_ASSIGN_OR_RETURN(const privacy::SecretKey file_key, OpenFileKey(data_key, record));
  return privacy::OpenFileStream(file_key, record.stream_header, chunks);
}

}  // namespace pillarbox::reporter
