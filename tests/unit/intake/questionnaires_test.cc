// Checks the shipped schema/questionnaires/*.json against what the service and
// the statistics rely on.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/embedded_file.h"
#include "http/questionnaire_codec.h"

namespace pillarbox::intake {
namespace {

std::vector<std::string> OptionValues(const QuestionField& field) {
  std::vector<std::string> values;
  for (const FieldOption& option : field.options) values.push_back(option.value);
  return values;
}

std::vector<std::string> TaxonomyValues(const std::string& list) {
  const auto files = EmbeddedTaxonomy();
  EXPECT_EQ(files.size(), 1u);
  const auto taxonomy = nlohmann::json::parse(files.at(0).content, nullptr, false);
  EXPECT_FALSE(taxonomy.is_discarded());
  std::vector<std::string> values;
  for (const auto& entry : taxonomy.at(list)) values.push_back(entry.at("value").get<std::string>());
  return values;
}

class QuestionnairesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto loaded = http::LoadEmbeddedQuestionnaires();
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    catalog_ = new QuestionnaireCatalog(std::move(loaded).value());
  }
  static void TearDownTestSuite() { delete catalog_; }

  static const QuestionField& FieldOf(const std::string& kind, const std::string& name) {
    const QuestionField* field = catalog_->Find(kind)->FindField(name);
    EXPECT_NE(field, nullptr) << kind << "." << name;
    return *field;
  }

  static QuestionnaireCatalog* catalog_;
};

QuestionnaireCatalog* QuestionnairesTest::catalog_ = nullptr;

TEST_F(QuestionnairesTest, KindsMatchTheTaxonomy) { EXPECT_EQ(catalog_->Kinds(), TaxonomyValues("kinds")); }

TEST_F(QuestionnairesTest, RegionAndSectorOptionsAreExactlyTheTaxonomy) {
  for (const std::string& kind : catalog_->Kinds()) {
    EXPECT_EQ(OptionValues(FieldOf(kind, "region")), TaxonomyValues("regions")) << kind;
    EXPECT_EQ(OptionValues(FieldOf(kind, "sector")), TaxonomyValues("sectors")) << kind;
  }
}

struct Expected {
  std::string name;
  FieldType type;
  Storage storage;
  bool required;
  size_t max_length;
};

TEST_F(QuestionnairesTest, CommonFieldsComeFirstInEveryKind) {
  const std::vector<Expected> common = {
      {"summary", FieldType::kShortText, Storage::kSealed, true, 200},
      {"narrative", FieldType::kLongText, Storage::kSealed, true, 10000},
      {"region", FieldType::kEnum, Storage::kClear, true, 0},
      {"sector", FieldType::kEnum, Storage::kClear, true, 0},
      {"occurred", FieldType::kYearMonth, Storage::kSealed, false, 0},
      {"organization", FieldType::kShortText, Storage::kSealedIndexed, false, 200},
      {"ai_system", FieldType::kShortText, Storage::kSealedIndexed, false, 200},
      {"contact", FieldType::kShortText, Storage::kSealed, false, 300},
  };
  for (const std::string& kind : catalog_->Kinds()) {
    const Questionnaire& questionnaire = *catalog_->Find(kind);
    ASSERT_GT(questionnaire.fields.size(), common.size());
    for (size_t i = 0; i < common.size(); ++i) {
      const QuestionField& field = questionnaire.fields[i];
      EXPECT_EQ(field.name, common[i].name) << kind;
      EXPECT_EQ(field.type, common[i].type) << kind << "." << field.name;
      EXPECT_EQ(field.storage, common[i].storage) << kind << "." << field.name;
      EXPECT_EQ(field.required, common[i].required) << kind << "." << field.name;
      EXPECT_EQ(field.max_length, common[i].max_length) << kind << "." << field.name;
      EXPECT_FALSE(field.label.empty()) << kind << "." << field.name;
    }
    EXPECT_NE(FieldOf(kind, "contact").help.find("work email"), std::string::npos) << kind;
  }
}

TEST_F(QuestionnairesTest, KindSpecificChoicesAreTheAgreedValues) {
  using Values = std::vector<std::string>;
  const std::map<std::string, Values> expected = {
      {"algorithmic_injustice.decision_area",
       {"hiring", "wages", "benefits", "credit", "housing", "policing", "education", "health", "other"}},
      {"algorithmic_injustice.outcome", {"denied", "reduced", "flagged", "delayed", "other"}},
      {"algorithmic_injustice.explanation_given", {"yes", "no", "partial", "unsure"}},
      {"algorithmic_injustice.appealed", {"yes", "no", "tried_blocked"}},
      {"voice_cloning.likeness_type", {"voice", "face", "body", "name", "style"}},
      {"voice_cloning.consent", {"never_asked", "refused", "given_other_purpose", "unsure"}},
      {"voice_cloning.commercial_use", {"yes", "no", "unsure"}},
      {"workplace_ai_harm.harm_types",
       {"surveillance", "wage_setting", "scheduling", "layoffs", "deskilling", "discipline", "hiring", "other"}},
      {"workplace_ai_harm.workers_affected", {"one", "2_10", "11_50", "51_250", "251_1000", "over_1000", "unsure"}},
      {"workplace_ai_harm.union_present", {"yes", "no", "unsure"}},
      {"workplace_ai_harm.consulted_before", {"yes", "no", "unsure"}},
  };
  for (const auto& [path, values] : expected) {
    const size_t dot = path.find('.');
    const QuestionField& field = FieldOf(path.substr(0, dot), path.substr(dot + 1));
    EXPECT_EQ(OptionValues(field), values) << path;
    EXPECT_EQ(field.storage, Storage::kClear) << path;
  }
  EXPECT_EQ(FieldOf("workplace_ai_harm", "harm_types").max_choices, 8u);
  EXPECT_EQ(FieldOf("voice_cloning", "likeness_type").type, FieldType::kMultiEnum);
  EXPECT_EQ(FieldOf("voice_cloning", "platform").storage, Storage::kSealed);
  EXPECT_EQ(FieldOf("voice_cloning", "how_discovered").type, FieldType::kLongText);
  EXPECT_EQ(FieldOf("voice_cloning", "how_discovered").storage, Storage::kSealed);
  EXPECT_EQ(FieldOf("voice_cloning", "how_discovered").max_length, 2000u);
}

TEST_F(QuestionnairesTest, OnlyClosedChoicesAreClear) {
  for (const std::string& kind : catalog_->Kinds()) {
    for (const QuestionField& field : catalog_->Find(kind)->fields) {
      if (field.storage != Storage::kClear) continue;
      EXPECT_TRUE(field.type == FieldType::kEnum || field.type == FieldType::kMultiEnum) << kind << "." << field.name;
    }
  }
}

}  // namespace
}  // namespace pillarbox::intake
