#include "intake/validator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pillarbox::intake {
namespace {

constexpr char kToday[] = "2024-06-15";
constexpr char kCanary[] = "canary-71f3";

QuestionField Field(std::string name, FieldType type, Storage storage, bool required, size_t max_length = 0) {
  QuestionField field;
  field.name = std::move(name);
  field.type = type;
  field.storage = storage;
  field.required = required;
  field.max_length = max_length;
  return field;
}

QuestionField Choice(std::string name, FieldType type, Storage storage, bool required,
                     std::vector<std::string> values) {
  QuestionField field = Field(std::move(name), type, storage, required);
  for (std::string& value : values) field.options.push_back({value, value});
  return field;
}

// One field of every type and storage.
Questionnaire Sample() {
  Questionnaire q;
  q.kind = "sample";
  q.fields = {
      Field("summary", FieldType::kShortText, Storage::kSealed, true, 20),
      Field("narrative", FieldType::kLongText, Storage::kSealed, true, 50),
      Choice("region", FieldType::kEnum, Storage::kClear, true, {"europe", "africa"}),
      Choice("sector", FieldType::kEnum, Storage::kClear, true, {"health_care", "other"}),
      Field("occurred", FieldType::kYearMonth, Storage::kSealed, false),
      Field("organization", FieldType::kShortText, Storage::kSealedIndexed, false, 30),
      Choice("harms", FieldType::kMultiEnum, Storage::kClear, false, {"a_one", "b_two", "c_three"}),
      Choice("tags", FieldType::kMultiEnum, Storage::kSealed, false, {"x", "y"}),
      Choice("mood", FieldType::kEnum, Storage::kClear, false, {"calm", "upset"}),
  };
  q.fields[6].max_choices = 2;
  return q;
}

class ValidatorTest : public ::testing::Test {
 protected:
  ValidatorTest() {
    submission_.kind = "sample";
    submission_.answers = {{"summary", std::string("Short")},
                           {"narrative", std::string("Long story")},
                           {"region", std::string("africa")},
                           {"sector", std::string("other")}};
  }

  Result<Report> Validate() const { return ValidateSubmission(questionnaire_, submission_, kToday); }

  // Sets answer `name` to `value`, validates, and expects InvalidArgument on
  // "answers.<name>" with `message` (when not empty) that does not echo `value`.
  void ExpectRejected(const std::string& name, AnswerValue value, const std::string& message = "") {
    submission_.answers[name] = value;
    const Result<Report> result = Validate();
    ASSERT_FALSE(result.ok()) << name;
    EXPECT_EQ(result.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(result.status().field(), "answers." + name);
    if (!message.empty()) {
      EXPECT_EQ(result.status().message(), message);
    }
    if (const auto* text = std::get_if<std::string>(&value); text != nullptr && text->size() > 3) {
      EXPECT_EQ(result.status().message().find(*text), std::string::npos);
      EXPECT_EQ(result.status().field().find(*text), std::string::npos);
    }
  }

  void ExpectAccepted(const std::string& name, AnswerValue value) {
    submission_.answers[name] = std::move(value);
    const Result<Report> result = Validate();
    EXPECT_TRUE(result.ok()) << name << ": " << result.status().ToString();
  }

  std::string SealedValue(const Report& report, const std::string& field) const {
    for (const PlainAnswer& answer : report.sealed_answers) {
      if (answer.field == field) return answer.value;
    }
    ADD_FAILURE() << "no sealed answer " << field;
    return {};
  }

  Questionnaire questionnaire_ = Sample();
  Submission submission_;
};

std::vector<std::string> FieldNames(const std::vector<PlainAnswer>& answers) {
  std::vector<std::string> names;
  for (const PlainAnswer& answer : answers) names.push_back(answer.field);
  return names;
}

TEST_F(ValidatorTest, MinimalReportListsEverySealedFieldInOrder) {
  const Result<Report> report = Validate();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->kind, "sample");
  EXPECT_EQ(report->region, "africa");
  EXPECT_EQ(report->sector, "other");
  EXPECT_TRUE(report->clear_answers.empty());
  EXPECT_EQ(FieldNames(report->sealed_answers),
            (std::vector<std::string>{"summary", "narrative", "occurred", "organization", "tags"}));
  EXPECT_EQ(SealedValue(*report, "summary"), "Short");
  EXPECT_EQ(SealedValue(*report, "narrative"), "Long story");
  EXPECT_EQ(SealedValue(*report, "occurred"), "");
  EXPECT_EQ(SealedValue(*report, "organization"), "");
  EXPECT_TRUE(report->indexed_answers.empty());
}

TEST_F(ValidatorTest, FullReportPlacesEachAnswer) {
  submission_.answers["occurred"] = std::string("2024-06");
  submission_.answers["organization"] = std::string("ACME Inc.");
  submission_.answers["harms"] = std::vector<std::string>{"c_three", "a_one"};
  submission_.answers["tags"] = std::vector<std::string>{"y", "x"};
  submission_.answers["mood"] = std::string("upset");
  const Result<Report> report = Validate();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->clear_answers,
            (std::vector<ClearAnswer>{{"harms", "a_one"}, {"harms", "c_three"}, {"mood", "upset"}}));
  EXPECT_EQ(SealedValue(*report, "occurred"), "2024-06");
  EXPECT_EQ(SealedValue(*report, "tags"), "x\ny");
  ASSERT_EQ(report->indexed_answers.size(), 1u);
  EXPECT_EQ(report->indexed_answers[0].field, "organization");
  EXPECT_EQ(report->indexed_answers[0].value, "ACME Inc.");
}

TEST_F(ValidatorTest, UnknownFieldIsNamed) {
  ExpectRejected("shoe_size", std::string("42"), "is not a question of this form");
}

TEST_F(ValidatorTest, UnknownFieldWithAnOddNameIsNotEchoed) {
  submission_.answers[std::string(kCanary) + " <b>"] = std::string("x");
  const Result<Report> result = Validate();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().field(), "answers");
  EXPECT_EQ(result.status().ToString().find(kCanary), std::string::npos);
}

TEST_F(ValidatorTest, MissingRequiredFieldsAreNamed) {
  submission_.answers.erase("narrative");
  Result<Report> result = Validate();
  EXPECT_EQ(result.status(), Status::InvalidArgument("is required", "answers.narrative"));
  submission_.answers["narrative"] = std::string("ok");
  submission_.answers.erase("sector");
  result = Validate();
  EXPECT_EQ(result.status(), Status::InvalidArgument("is required", "answers.sector"));
}

TEST_F(ValidatorTest, WhitespaceOnlyOrEmptyRequiredAnswersCountAsMissing) {
  ExpectRejected("summary", std::string("   "), "is required");
  submission_.answers["summary"] = std::string("fine");
  ExpectRejected("narrative", std::string(" \n\t \r\n "), "is required");
  submission_.answers["narrative"] = std::string("fine");
  ExpectRejected("region", std::string(""), "is required");
}

TEST_F(ValidatorTest, EmptyOptionalAnswersAreStoredAsUnanswered) {
  submission_.answers["organization"] = std::string("  ");
  submission_.answers["harms"] = std::vector<std::string>{};
  submission_.answers["mood"] = std::string("");
  const Result<Report> report = Validate();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(SealedValue(*report, "organization"), "");
  EXPECT_TRUE(report->indexed_answers.empty());
  EXPECT_TRUE(report->clear_answers.empty());
}

TEST_F(ValidatorTest, WrongTypesAreNamed) {
  ExpectRejected("summary", std::vector<std::string>{"a"}, "must be text");
  submission_.answers["summary"] = std::string("fine");
  ExpectRejected("region", OtherType{"number"}, "must be a single choice");
  submission_.answers["region"] = std::string("europe");
  ExpectRejected("harms", std::string("a_one"), "must be a list of choices");
  ExpectRejected("harms", OtherType{"array of non-strings"}, "must be a list of choices");
  submission_.answers.erase("harms");
  ExpectRejected("occurred", OtherType{"boolean"}, "must be text");
  submission_.answers.erase("occurred");
  ExpectRejected("narrative", OtherType{"object"}, "must be text");
}

TEST_F(ValidatorTest, ChoicesMustBeOptions) {
  ExpectRejected("region", std::string("atlantis"), "is not one of the choices");
  submission_.answers["region"] = std::string("europe");
  ExpectRejected("region", std::string("Europe"), "is not one of the choices");
  submission_.answers["region"] = std::string("europe");
  ExpectRejected("harms", std::vector<std::string>{"a_one", "z_nope"}, "is not one of the choices");
}

TEST_F(ValidatorTest, MultiChoicesMustBeDistinctAndFew) {
  ExpectRejected("harms", std::vector<std::string>{"a_one", "a_one"}, "lists the same choice twice");
  ExpectRejected("harms", std::vector<std::string>{"a_one", "b_two", "c_three"}, "has more than 2 choices");
  ExpectAccepted("harms", std::vector<std::string>{"a_one", "b_two"});
}

TEST_F(ValidatorTest, TextLengthIsCountedInCodePoints) {
  std::string twenty_accents;
  for (int i = 0; i < 20; ++i) twenty_accents += "\xC3\xA9";
  ExpectAccepted("summary", twenty_accents);
  ExpectRejected("summary", twenty_accents + "e", "is longer than 20 characters");
  submission_.answers["summary"] = std::string("fine");
  ExpectRejected("narrative", std::string(51, 'n'), "is longer than 50 characters");
}

TEST_F(ValidatorTest, InvalidUtf8IsRejected) {
  ExpectRejected("summary", std::string("bad \xC0\xAF byte"), "is not valid UTF-8 text");
  submission_.answers["summary"] = std::string("fine");
  ExpectRejected("narrative", std::string("surrogate \xED\xA0\x80"), "is not valid UTF-8 text");
}

TEST_F(ValidatorTest, ShortTextAllowsNoControlCharacters) {
  for (const std::string& bad :
       std::vector<std::string>{"a\nb", "a\tb", std::string("a\0b", 3), "a\x7F", "a\xC2\x85"}) {
    ExpectRejected("summary", bad, "contains a control character");
  }
}

TEST_F(ValidatorTest, LongTextAllowsOnlyNewlineAndTab) {
  ExpectAccepted("narrative", std::string("line one\n\tline two"));
  for (const std::string bad : {"a\x01", "a\x1B[31m", "a\rb", "a\x7F", "a\xC2\x9F"}) {
    ExpectRejected("narrative", bad, "contains a control character");
  }
}

TEST_F(ValidatorTest, LongTextLineBreaksFromFormsBecomeNewlines) {
  submission_.answers["narrative"] = std::string("one\r\ntwo\r\n");
  const Result<Report> report = Validate();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(SealedValue(*report, "narrative"), "one\ntwo\n");
}

TEST_F(ValidatorTest, YearMonthMustBeWellFormedAndInRange) {
  for (const char* bad : {"2024-6", "2024-13", "2024-00", "24-06", "2024/06", "2024-06-01", "abcd-ef"}) {
    ExpectRejected("occurred", std::string(bad), "must be a year and month written YYYY-MM");
  }
  ExpectRejected("occurred", std::string("1989-12"), "must not be before 1990-01");
  ExpectRejected("occurred", std::string("2024-07"), "must not be after the current month");
  ExpectRejected("occurred", std::string("2025-01"), "must not be after the current month");
  ExpectAccepted("occurred", std::string("1990-01"));
  ExpectAccepted("occurred", std::string("2024-06"));
}

TEST_F(ValidatorTest, MessagesNeverContainTheValue) {
  const std::string canary(kCanary);
  ExpectRejected("summary", canary + std::string(30, 'x'));
  submission_.answers["summary"] = std::string("fine");
  ExpectRejected("narrative", canary + "\x01");
  submission_.answers["narrative"] = std::string("fine");
  ExpectRejected("region", canary);
  submission_.answers["region"] = std::string("europe");
  ExpectRejected("occurred", canary);
}

}  // namespace
}  // namespace pillarbox::intake
