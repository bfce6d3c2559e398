#include "reporter/evidence_meta.h"

#include <nlohmann/json.hpp>

#include "intake/utf8.h"

namespace pillarbox::reporter {
namespace {

// `value` as a list of strings; false when it is not one.
bool ReadStringList(const nlohmann::json& value, std::vector<std::string>& out) {
  if (!value.is_array()) return false;
  for (const auto& item : value) {
    if (!item.is_string()) return false;
    out.push_back(item.get<std::string>());
  }
  return true;
}

}  // namespace

Status ValidateEvidenceName(std::string_view name) {
  if (!intake::IsValidUtf8(name)) return Status::InvalidArgument("the file name is not valid UTF-8", "name");
  const size_t length = intake::CodePointCount(name);
  if (length == 0 || length > kMaxEvidenceNameCodePoints) {
    return Status::InvalidArgument("the file name must have 1 to 200 characters", "name");
  }
  if (intake::HasForbiddenControl(name, false)) {
    return Status::InvalidArgument("the file name must not contain control characters", "name");
  }
  return Status::Ok();
}

std::string EncodeEvidenceMeta(const EvidenceMeta& meta) {
  const nlohmann::json json = {{"name", meta.name},       {"type", meta.media_type},
                               {"ext", meta.extension},   {"size", meta.size},
                               {"removed", meta.removed}, {"warnings", meta.warnings}};
  return json.dump();
}

Result<EvidenceMeta> DecodeEvidenceMeta(std::string_view text) {
  const Status corrupt = Status::DataLoss("evidence metadata is malformed");
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return corrupt;
  for (const char* key : {"name", "type", "ext"}) {
    if (!json.contains(key) || !json[key].is_string()) return corrupt;
  }
  if (!json.contains("size") || !json["size"].is_number_unsigned()) return corrupt;
  EvidenceMeta meta;
  meta.name = json["name"].get<std::string>();
  meta.media_type = json["type"].get<std::string>();
  meta.extension = json["ext"].get<std::string>();
  meta.size = json["size"].get<uint64_t>();
  if (!json.contains("removed") || !ReadStringList(json["removed"], meta.removed)) return corrupt;
  if (!json.contains("warnings") || !ReadStringList(json["warnings"], meta.warnings)) return corrupt;
  return meta;
}

}  // namespace pillarbox::reporter
