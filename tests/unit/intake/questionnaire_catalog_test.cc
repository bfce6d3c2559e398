#include "intake/questionnaire_catalog.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

namespace pillarbox::intake {
namespace {

QuestionField Enum(std::string name, bool required = true) {
  QuestionField field;
  field.name = std::move(name);
  field.type = FieldType::kEnum;
  field.storage = Storage::kClear;
  field.required = required;
  field.options = {{"one", "One"}, {"two", "Two"}};
  return field;
}

QuestionField Text(std::string name, size_t max_length = 100) {
  QuestionField field;
  field.name = std::move(name);
  field.type = FieldType::kShortText;
  field.storage = Storage::kSealed;
  field.max_length = max_length;
  return field;
}

Questionnaire Valid(std::string kind = "sample") {
  Questionnaire questionnaire;
  questionnaire.kind = std::move(kind);
  questionnaire.fields = {Text("summary"), Enum("region"), Enum("sector")};
  return questionnaire;
}

// Adds Valid() changed by `edit` and returns the status.
Status AddEdited(const std::function<void(Questionnaire&)>& edit) {
  Questionnaire questionnaire = Valid();
  edit(questionnaire);
  QuestionnaireCatalog catalog;
  return catalog.Add(questionnaire);
}

void ExpectInvalid(const Status& status, const std::string& field) {
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << status.ToString();
  EXPECT_EQ(status.field(), field);
}

TEST(QuestionnaireCatalogTest, FindsAddedQuestionnairesAndListsKindsSorted) {
  QuestionnaireCatalog catalog;
  ASSERT_TRUE(catalog.Add(Valid("zeta")).ok());
  ASSERT_TRUE(catalog.Add(Valid("alpha")).ok());
  EXPECT_EQ(catalog.Kinds(), (std::vector<std::string>{"alpha", "zeta"}));
  ASSERT_NE(catalog.Find("zeta"), nullptr);
  EXPECT_EQ(catalog.Find("zeta")->kind, "zeta");
  EXPECT_EQ(catalog.Find("zeta")->fields.size(), 3u);
  EXPECT_EQ(catalog.Find("missing"), nullptr);
}

TEST(QuestionnaireCatalogTest, RejectsADuplicateOrMalformedKind) {
  QuestionnaireCatalog catalog;
  ASSERT_TRUE(catalog.Add(Valid("alpha")).ok());
  ExpectInvalid(catalog.Add(Valid("alpha")), "alpha");
  ExpectInvalid(catalog.Add(Valid("Alpha")), "Alpha");
  EXPECT_EQ(catalog.Kinds(), (std::vector<std::string>{"alpha"}));
}

TEST(QuestionnaireCatalogTest, ClearStorageOnlyForEnums) {
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields[0].storage = Storage::kClear; }), "sample.fields.summary");
  QuestionField occurred = Text("occurred");
  occurred.type = FieldType::kYearMonth;
  occurred.storage = Storage::kClear;
  ExpectInvalid(AddEdited([&](Questionnaire& q) { q.fields.push_back(occurred); }), "sample.fields.occurred");
  QuestionField multi = Enum("multi", false);
  multi.type = FieldType::kMultiEnum;
  EXPECT_TRUE(AddEdited([&](Questionnaire& q) { q.fields.push_back(multi); }).ok());
}

TEST(QuestionnaireCatalogTest, EnumsNeedDistinctOptions) {
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields[1].options.clear(); }), "sample.fields.region");
  ExpectInvalid(AddEdited([](Questionnaire& q) {
                  q.fields[2].options.push_back({"one", "Again"});
                }),
                "sample.fields.sector");
  ExpectInvalid(AddEdited([](Questionnaire& q) {
                  q.fields[2].options.push_back({"", "Empty"});
                }),
                "sample.fields.sector");
}

TEST(QuestionnaireCatalogTest, TextNeedsMaxLength) {
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields[0].max_length = 0; }), "sample.fields.summary");
  ExpectInvalid(AddEdited([](Questionnaire& q) {
                  q.fields.push_back(Text("story", 0));
                  q.fields.back().type = FieldType::kLongText;
                }),
                "sample.fields.story");
}

TEST(QuestionnaireCatalogTest, RegionAndSectorMustBeRequiredClearEnums) {
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields.erase(q.fields.begin() + 1); }), "sample.fields.region");
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields.pop_back(); }), "sample.fields.sector");
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields[1].required = false; }), "sample.fields.region");
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields[2].storage = Storage::kSealed; }), "sample.fields.sector");
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields[2].type = FieldType::kMultiEnum; }), "sample.fields.sector");
}

TEST(QuestionnaireCatalogTest, FieldNamesMatchThePatternAndAreUnique) {
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields.push_back(Text("Bad-Name")); }), "sample.fields.Bad-Name");
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields.push_back(Text("with1digit")); }),
                "sample.fields.with1digit");
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields.push_back(Text("")); }), "sample.fields.");
  ExpectInvalid(AddEdited([](Questionnaire& q) { q.fields.push_back(Text("summary")); }), "sample.fields.summary");
}

TEST(QuestionnaireTest, FindFieldAndHasOption) {
  const Questionnaire questionnaire = Valid();
  ASSERT_NE(questionnaire.FindField("region"), nullptr);
  EXPECT_EQ(questionnaire.FindField("region")->name, "region");
  EXPECT_EQ(questionnaire.FindField("nothing"), nullptr);
  EXPECT_TRUE(questionnaire.FindField("region")->HasOption("two"));
  EXPECT_FALSE(questionnaire.FindField("region")->HasOption("Two"));
  EXPECT_FALSE(questionnaire.FindField("summary")->HasOption(""));
}

}  // namespace
}  // namespace pillarbox::intake
