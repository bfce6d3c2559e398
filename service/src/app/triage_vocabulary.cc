#include "app/triage_vocabulary.h"

#include <nlohmann/json.hpp>

#include "common/embedded_file.h"

namespace pillarbox::app {
namespace {

// The "value" of each entry of taxonomy[name]; false when malformed.
bool ReadValues(const nlohmann::json& taxonomy, const char* name, std::set<std::string>& values) {
  const auto list = taxonomy.find(name);
  if (list == taxonomy.end() || !list->is_array()) return false;
  for (const auto& entry : *list) {
    const auto value = entry.find("value");
    if (value == entry.end() || !value->is_string()) return false;
    values.insert(value->get<std::string>());
  }
  return !values.empty();
}

}  // namespace

Result<cases::TriageVocabulary> LoadTriageVocabulary() {
  const auto files = EmbeddedTaxonomy();
  if (files.empty()) return Status::FailedPrecondition("no taxonomy is embedded");
  const auto taxonomy = nlohmann::json::parse(files.front().content, nullptr, false);
  cases::TriageVocabulary vocabulary;
  if (!taxonomy.is_object() || !ReadValues(taxonomy, "kinds", vocabulary.kinds) ||
      !ReadValues(taxonomy, "regions", vocabulary.regions) || !ReadValues(taxonomy, "sectors", vocabulary.sectors) ||
      !ReadValues(taxonomy, "pillars", vocabulary.pillars)) {
    return Status::FailedPrecondition("the embedded taxonomy is malformed");
  }
  return vocabulary;
}

}  // namespace pillarbox::app
