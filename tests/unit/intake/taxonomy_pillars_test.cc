// cases/pillars.h lists the nine pillars by hand (cases/ parses no JSON);
// this keeps it equal to schema/taxonomy.json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cases/pillars.h"
#include "common/embedded_file.h"

namespace pillarbox {
namespace {

TEST(TaxonomyPillarsTest, CasesPillarListEqualsTheTaxonomy) {
  const auto taxonomy = nlohmann::json::parse(EmbeddedTaxonomy().front().content, nullptr, false);
  ASSERT_FALSE(taxonomy.is_discarded());
  std::vector<std::string> expected;
  for (const auto& entry : taxonomy.at("pillars")) expected.push_back(entry.at("value").get<std::string>());
  const std::vector<std::string> listed(cases::kPillars.begin(), cases::kPillars.end());
  EXPECT_EQ(listed, expected);
}

}  // namespace
}  // namespace pillarbox
