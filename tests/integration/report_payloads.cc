#include "report_payloads.h"

namespace pillarbox::testing {

nlohmann::json BuildReport(const nlohmann::json& questionnaire, const std::string& canary_prefix,
                           std::vector<std::string>* canaries) {
  nlohmann::json answers = nlohmann::json::object();
  for (const auto& field : questionnaire["fields"]) {
    const std::string name = field["name"];
    const std::string type = field["type"];
    if (type == "short_text" || type == "long_text") {
      const std::string canary = canary_prefix + "-" + name + "-";
      answers[name] = canary + " a reporter's words";
      if (canaries != nullptr) canaries->push_back(canary);
    } else if (type == "enum") {
      answers[name] = field["options"][0]["value"];
    } else if (type == "multi_enum") {
      answers[name] = {field["options"][0]["value"], field["options"][1]["value"]};
    } else if (type == "year_month") {
      answers[name] = "2025-03";
    }
  }
  return {{"kind", questionnaire["kind"]}, {"answers", answers}};
}

}  // namespace pillarbox::testing
