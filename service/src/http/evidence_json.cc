#include "http/evidence_json.h"

namespace pillarbox::http {

nlohmann::json EvidenceJson(const reporter::EvidenceSummary& file) {
  return {{"id", file.id},
          {"name", file.meta.name},
          {"type", file.meta.media_type},
          {"size", file.meta.size},
          {"removed", file.meta.removed},
          {"warnings", file.meta.warnings},
          {"created_day", file.created_day}};
}

nlohmann::json EvidenceListJson(const std::vector<reporter::EvidenceSummary>& files) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& file : files) list.push_back(EvidenceJson(file));
  return {{"files", std::move(list)}};
}

}  // namespace pillarbox::http
