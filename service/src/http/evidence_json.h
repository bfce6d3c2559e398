// JSON of evidence files (schema/openapi.yaml, EvidenceFile): metadata only,
// never content. Pure functions; thread-safe.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "reporter/evidence_service.h"

namespace pillarbox::http {

// {"id","name","type","size","removed","warnings","created_day"}.
nlohmann::json EvidenceJson(const reporter::EvidenceSummary& file);

// {"files":[EvidenceJson...]}.
nlohmann::json EvidenceListJson(const std::vector<reporter::EvidenceSummary>& files);

}  // namespace pillarbox::http
