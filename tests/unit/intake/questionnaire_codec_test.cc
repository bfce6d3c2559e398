#include "http/questionnaire_codec.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox::http {
namespace {

using intake::FieldType;
using intake::Storage;

constexpr char kValid[] = R"({
  "kind": "sample", "title": "Sample", "description": "A sample.",
  "fields": [
    {"name": "summary", "label": "Summary", "help": "One line.", "type": "short_text",
     "storage": "sealed", "required": true, "max_length": 200},
    {"name": "organization", "label": "Who", "type": "short_text", "storage": "sealed+index", "max_length": 100},
    {"name": "region", "label": "Where", "type": "enum", "storage": "clear", "required": true,
     "options": [{"value": "europe", "label": "Europe"}, {"value": "africa", "label": "Africa"}]},
    {"name": "harms", "label": "What", "type": "multi_enum", "storage": "clear",
     "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]},
    {"name": "occurred", "label": "When", "type": "year_month", "storage": "sealed"}
  ]})";

// kValid with the first occurrence of `from` replaced by `to`.
std::string Edited(const std::string& from, const std::string& to) {
  std::string text = kValid;
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

void ExpectInvalidAt(const std::string& json, const std::string& field) {
  const auto result = DecodeQuestionnaire(json);
  EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument) << field;
  EXPECT_EQ(result.status().field(), field);
}

TEST(QuestionnaireCodecTest, DecodesEveryAttribute) {
  const auto questionnaire = DecodeQuestionnaire(kValid);
  ASSERT_TRUE(questionnaire.ok()) << questionnaire.status().ToString();
  EXPECT_EQ(questionnaire->kind, "sample");
  EXPECT_EQ(questionnaire->title, "Sample");
  EXPECT_EQ(questionnaire->description, "A sample.");
  ASSERT_EQ(questionnaire->fields.size(), 5u);
  const intake::QuestionField& summary = questionnaire->fields[0];
  EXPECT_EQ(summary.name, "summary");
  EXPECT_EQ(summary.label, "Summary");
  EXPECT_EQ(summary.help, "One line.");
  EXPECT_EQ(summary.type, FieldType::kShortText);
  EXPECT_EQ(summary.storage, Storage::kSealed);
  EXPECT_TRUE(summary.required);
  EXPECT_EQ(summary.max_length, 200u);
  EXPECT_EQ(questionnaire->fields[1].storage, Storage::kSealedIndexed);
  EXPECT_FALSE(questionnaire->fields[1].required);
  EXPECT_EQ(questionnaire->fields[1].help, "");
  const intake::QuestionField& region = questionnaire->fields[2];
  EXPECT_EQ(region.type, FieldType::kEnum);
  EXPECT_EQ(region.storage, Storage::kClear);
  ASSERT_EQ(region.options.size(), 2u);
  EXPECT_EQ(region.options[1].value, "africa");
  EXPECT_EQ(region.options[1].label, "Africa");
  EXPECT_EQ(questionnaire->fields[3].type, FieldType::kMultiEnum);
  EXPECT_EQ(questionnaire->fields[3].max_choices, 2u);  // defaults to the number of options
  EXPECT_EQ(questionnaire->fields[4].type, FieldType::kYearMonth);
}

TEST(QuestionnaireCodecTest, NamesTheBadKey) {
  ExpectInvalidAt(Edited(R"("required": true, "max_length": 200)", R"("requried": true, "max_length": 200)"),
                  "fields.0.requried");
  ExpectInvalidAt(Edited(R"("type": "short_text")", R"("type": "text")"), "fields.summary.type");
  ExpectInvalidAt(Edited(R"("storage": "sealed")", R"("storage": "secret")"), "fields.summary.storage");
  ExpectInvalidAt(Edited(R"("required": true)", R"("required": "yes")"), "fields.summary.required");
  ExpectInvalidAt(Edited(R"("max_length": 200)", R"("max_length": -1)"), "fields.summary.max_length");
  ExpectInvalidAt(Edited(R"("label": "Summary", )", ""), "fields.summary.label");
  ExpectInvalidAt(Edited(R"("name": "summary", )", ""), "fields.0.name");
  ExpectInvalidAt(Edited(R"({"value": "europe", "label": "Europe"})", R"({"value": "europe"})"),
                  "fields.region.options.0.label");
  ExpectInvalidAt(Edited(R"("title": "Sample")", R"("titel": "Sample")"), "titel");
  ExpectInvalidAt(Edited(R"("kind": "sample")", R"("kind": 7)"), "kind");
  ExpectInvalidAt(R"({"kind": "sample", "title": "x", "fields": {}})", "fields");
}

TEST(QuestionnaireCodecTest, RejectsMalformedJson) {
  EXPECT_EQ(DecodeQuestionnaire("{").status(), Status::InvalidArgument("questionnaire is not valid JSON"));
  EXPECT_EQ(DecodeQuestionnaire("[]").status().code(), StatusCode::kInvalidArgument);
}

TEST(QuestionnaireCodecTest, LoadsTheEmbeddedQuestionnaires) {
  const auto catalog = LoadEmbeddedQuestionnaires();
  ASSERT_TRUE(catalog.ok()) << catalog.status().ToString();
  EXPECT_EQ(catalog->Kinds(),
            (std::vector<std::string>{"algorithmic_injustice", "voice_cloning", "workplace_ai_harm"}));
}

}  // namespace
}  // namespace pillarbox::http
