// cases/action_catalogue.h lists the ways to act and the regions by hand
// (cases/ parses no JSON); this keeps them equal to schema/taxonomy.json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cases/action_catalogue.h"
#include "common/embedded_file.h"

namespace pillarbox {
namespace {

std::vector<std::string> TaxonomyValues(const char* name) {
  const auto taxonomy = nlohmann::json::parse(EmbeddedTaxonomy().front().content, nullptr, false);
  std::vector<std::string> values;
  if (taxonomy.is_discarded()) return values;
  for (const auto& entry : taxonomy.at(name)) values.push_back(entry.at("value").get<std::string>());
  return values;
}

TEST(TaxonomyActionsTest, ActionKindsEqualTheWaysToAct) {
  const std::vector<std::string> listed(cases::kActionKinds.begin(), cases::kActionKinds.end());
  EXPECT_EQ(listed, TaxonomyValues("ways_to_act"));
}

TEST(TaxonomyActionsTest, RegionsEqualTheTaxonomy) {
  const std::vector<std::string> listed(cases::kRegions.begin(), cases::kRegions.end());
  EXPECT_EQ(listed, TaxonomyValues("regions"));
}

}  // namespace
}  // namespace pillarbox
