#include "app/stats_services.h"

#include <algorithm>
#include <map>

#include <nlohmann/json.hpp>

#include "common/embedded_file.h"

namespace pillarbox::app {
namespace {

// Two: a query reads its reports and link rows on both in parallel (two
// threads; store::CountSubsetsPerMonth), or two queries run side by side.
constexpr size_t kStatsReaderConnections = 2;

bool TaxonomyValues(const nlohmann::json& taxonomy, const char* name, std::vector<std::string>& values) {
  const auto list = taxonomy.find(name);
  if (list == taxonomy.end() || !list->is_array()) return false;
  for (const auto& entry : *list) {
    const auto value = entry.find("value");
    if (value == entry.end() || !value->is_string()) return false;
    values.push_back(value->get<std::string>());
  }
  return !values.empty();
}

stats::StatsDimensionSpec Single(const std::string& name, std::vector<std::string> values,
                                 store::StatsSource source) {
  return {name, std::move(values), false, 1, {source, ""}};
}

stats::StatsDimensionSpec Multi(const std::string& name, std::vector<std::string> values,
                                store::StatsSource source) {
  const auto count = static_cast<int64_t>(values.size());
  return {name, std::move(values), true, count, {source, ""}};
}

}  // namespace

Result<stats::StatsVocabulary> LoadStatsVocabulary(const intake::QuestionnaireCatalog& catalog) {
  const auto files = EmbeddedTaxonomy();
  if (files.empty()) return Status::FailedPrecondition("no taxonomy is embedded");
  const auto taxonomy = nlohmann::json::parse(files.front().content, nullptr, false);
  std::vector<std::string> kinds, regions, sectors, pillars, ways;
  if (!taxonomy.is_object() || !TaxonomyValues(taxonomy, "kinds", kinds) ||
      !TaxonomyValues(taxonomy, "regions", regions) || !TaxonomyValues(taxonomy, "sectors", sectors) ||
      !TaxonomyValues(taxonomy, "pillars", pillars) || !TaxonomyValues(taxonomy, "ways_to_act", ways)) {
    return Status::FailedPrecondition("the embedded taxonomy is malformed");
  }
  stats::StatsVocabulary vocabulary;
  auto& dims = vocabulary.dimensions;
  dims.push_back(Single("kind", kinds, store::StatsSource::kKind));
  dims.push_back(Single("region", regions, store::StatsSource::kRegion));
  dims.push_back(Single("sector", sectors, store::StatsSource::kSector));
  dims.push_back(Single("status", {"new", "acknowledged", "in_review", "linked_to_case", "closed"},
                        store::StatsSource::kStatus));
  dims.push_back(Multi("pillar", pillars, store::StatsSource::kPillar));
  dims.push_back(Multi("action_kind", ways, store::StatsSource::kActionKind));
  dims.push_back(Multi("case_status", {"open", "closed", "merged"}, store::StatsSource::kCaseStatus));

  // Clear enumerated answers; a field name used by several kinds is one
  // dimension (its options merged).
  std::map<std::string, stats::StatsDimensionSpec> answers;
  for (const auto& kind : catalog.Kinds()) {
    for (const auto& field : catalog.Find(kind)->fields) {
      if (field.storage != intake::Storage::kClear || field.name == "region" || field.name == "sector") continue;
      if (field.type != intake::FieldType::kEnum && field.type != intake::FieldType::kMultiEnum) continue;
      auto& spec = answers[field.name];
      spec.name = "answer." + field.name;
      spec.multi_valued = true;  // optional or several choices: never a partition of the reports
      spec.column = {store::StatsSource::kAnswer, field.name};
      for (const auto& option : field.options) {
        if (std::find(spec.values.begin(), spec.values.end(), option.value) == spec.values.end()) {
          spec.values.push_back(option.value);
        }
      }
      const int64_t per_report =
          field.type == intake::FieldType::kEnum
              ? 1
              : static_cast<int64_t>(std::min(field.max_choices == 0 ? field.options.size() : field.max_choices,
                                              field.options.size()));
      spec.max_values_per_report = std::max(spec.max_values_per_report, per_report);
    }
  }
  for (auto& [name, spec] : answers) dims.push_back(std::move(spec));
  return vocabulary;
}

Result<std::unique_ptr<StatsServices>> StatsServices::Start(const std::string& database_path,
                                                            store::GroupCommitWriter& writer,
                                                            const intake::QuestionnaireCatalog& catalog,
                                                            const privacy::InstanceKeys& keys, const Clock& clock,
                                                            stats::StatsOptions options) {
  PB_ASSIGN_OR_RETURN(auto vocabulary, LoadStatsVocabulary(catalog));
  std::unique_ptr<StatsServices> services(new StatsServices());
  PB_ASSIGN_OR_RETURN(services->readers_, store::ReaderPool::Open(database_path, kStatsReaderConnections));
  PB_ASSIGN_OR_RETURN(services->service_,
                      stats::StatsService::Make(*services->readers_, writer, keys.audit_key(), clock,
                                                std::move(vocabulary), options, services->random_));
  return services;
}

}  // namespace pillarbox::app
