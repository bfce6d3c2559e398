// Builds valid report bodies from a served questionnaire, so tests follow
// the questionnaires instead of repeating them.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pillarbox::testing {

// A POST /api/v1/reports body for `questionnaire` (as served by
// GET /api/v1/questionnaires/{kind}) answering every field: each text field
// gets "<canary_prefix>-<field>-" plus filler, each enum its first option,
// each multi-enum its first two options, each year-month "2025-03". The text
// canaries are appended to `canaries` when it is not null.
nlohmann::json BuildReport(const nlohmann::json& questionnaire, const std::string& canary_prefix,
                           std::vector<std::string>* canaries = nullptr);

}  // namespace pillarbox::testing
