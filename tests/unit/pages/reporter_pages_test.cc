// Rendering the reporter pages: escaping, labels bound to inputs, errors next
// to their fields, required written out, no script and no other origin.
#include "pages/reporter_pages.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "common/embedded_file.h"
#include "support/manual_clock.h"

namespace pillarbox::pages {
namespace {

using intake::FieldType;
using intake::QuestionField;
using intake::Storage;

QuestionField Field(std::string name, FieldType type, bool required, Storage storage = Storage::kSealed) {
  QuestionField field;
  field.name = std::move(name);
  field.label = "Label of " + field.name;
  field.type = type;
  field.storage = storage;
  field.required = required;
  if (type == FieldType::kShortText || type == FieldType::kLongText) field.max_length = 200;
  return field;
}

QuestionField Choice(std::string name, FieldType type, bool required, std::vector<std::string> values) {
  QuestionField field = Field(std::move(name), type, required, Storage::kClear);
  for (const std::string& value : values) field.options.push_back({value, "Option " + value});
  return field;
}

intake::Questionnaire EveryFieldType() {
  intake::Questionnaire questionnaire;
  questionnaire.kind = "test_kind";
  questionnaire.title = "A test form";
  questionnaire.description = "Describes <the> form";
  questionnaire.fields.push_back(Field("summary", FieldType::kShortText, true));
  questionnaire.fields.back().help = "One line.";
  questionnaire.fields.push_back(Field("narrative", FieldType::kLongText, false));
  questionnaire.fields.push_back(Choice("region", FieldType::kEnum, true, {"europe", "africa"}));
  questionnaire.fields.push_back(Choice("sector", FieldType::kEnum, true, {"retail", "other"}));
  questionnaire.fields.push_back(Choice("harms", FieldType::kMultiEnum, false, {"pay", "hours", "safety"}));
  questionnaire.fields.back().max_choices = 2;
  questionnaire.fields.push_back(Field("when", FieldType::kYearMonth, false));
  return questionnaire;
}

class ReporterPagesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(questionnaires_.Add(EveryFieldType()).ok());
    auto pages = ReporterPages::Create(questionnaires_, clock_, EmbeddedReporterAssets());
    ASSERT_TRUE(pages.ok()) << pages.status().message() << " " << pages.status().field();
    pages_ = std::move(*pages);
  }

  std::string Form(const FormState& state) {
    auto html = pages_->ReportForm("en", "test_kind", state, "0123456789abcdef0123456789abcdef");
    EXPECT_TRUE(html.ok());
    return html.ok() ? *html : "";
  }

  testing::ManualClock clock_;
  intake::QuestionnaireCatalog questionnaires_;
  std::unique_ptr<ReporterPages> pages_;
};

std::set<std::string> Matches(const std::string& html, const std::string& pattern) {
  std::set<std::string> found;
  const std::regex regex(pattern);
  for (auto it = std::sregex_iterator(html.begin(), html.end(), regex); it != std::sregex_iterator(); ++it) {
    found.insert((*it)[1].str());
  }
  return found;
}

// The opening tag of the element with id `id`, or "".
std::string TagWithId(const std::string& html, const std::string& id) {
  const size_t at = html.find("id=\"" + id + "\"");
  if (at == std::string::npos) return "";
  const size_t start = html.rfind('<', at);
  return html.substr(start, html.find('>', at) - start + 1);
}

void ExpectSafePage(const std::string& html) {
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(\son[a-z]+=)"))) << "an inline event handler";
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(html.find("href=\"/static/reporter.css\""), std::string::npos);
}

TEST_F(ReporterPagesTest, AScriptAnswerIsRenderedEscaped) {
  FormState state;
  state.values["summary"] = {"<script>alert(1)</script>"};
  state.values["narrative"] = {"</textarea><script>alert(2)</script>"};
  state.values["region"] = {"\"><script>alert(3)</script>"};
  const std::string html = Form(state);
  ExpectSafePage(html);
  EXPECT_NE(html.find("value=\"&lt;script&gt;alert(1)&lt;&#x2F;script&gt;\""), std::string::npos);
  EXPECT_NE(html.find("&lt;&#x2F;textarea&gt;&lt;script&gt;alert(2)"), std::string::npos);
  EXPECT_NE(html.find("Describes &lt;the&gt; form"), std::string::npos);
}

TEST_F(ReporterPagesTest, TheReceiptIsEscapedAndShownInGroups) {
  const std::string html = pages_->Receipt("en", "ABCD-EFGH-<b>");
  ExpectSafePage(html);
  EXPECT_NE(html.find("<span class=\"group\">ABCD</span> <span class=\"group\">EFGH</span>"), std::string::npos);
  EXPECT_NE(html.find("&lt;b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_NE(html.find(pages_->Text("en", "receipt.keep_no_screenshot")), std::string::npos);
  EXPECT_NE(html.find(pages_->Text("en", "receipt.keep_no_recovery")), std::string::npos);
}

TEST_F(ReporterPagesTest, EveryFieldTypeRendersWithItsLabelBoundToItsInput) {
  const std::string html = Form({});
  ExpectSafePage(html);
  EXPECT_NE(TagWithId(html, "field-summary").find("<input type=\"text\""), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-narrative").find("<textarea"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-when").find("<input type=\"month\""), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-region").find("<fieldset"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-region-europe").find("type=\"radio\""), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-harms").find("<fieldset"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-harms-pay").find("type=\"checkbox\""), std::string::npos);
  EXPECT_EQ(Matches(html, R"(<legend>(Label of [a-z]+))"),
            (std::set<std::string>{"Label of region", "Label of sector", "Label of harms"}));
  // Every visible input has a label naming its id, and every label names an input.
  const auto labelled = Matches(html, R"re(<label for="([^"]+)")re");
  const auto inputs = Matches(html, R"re(<(?:input|textarea) type="(?:text|month|radio|checkbox)" id="([^"]+)")re");
  const auto textareas = Matches(html, R"re(<textarea id="([^"]+)")re");
  std::set<std::string> all_inputs = inputs;
  all_inputs.insert(textareas.begin(), textareas.end());
  EXPECT_EQ(labelled, all_inputs);
  EXPECT_EQ(all_inputs.size(), 3u + 2 + 2 + 3);
  // The token travels in a hidden field; the form posts to this origin.
  EXPECT_NE(html.find("<input type=\"hidden\" name=\"form_token\" value=\"0123456789abcdef0123456789abcdef\">"),
            std::string::npos);
  EXPECT_NE(html.find("<form method=\"post\" action=\"/report/test_kind\""), std::string::npos);
}

TEST_F(ReporterPagesTest, RequiredIsWrittenInTheLabelAndHelpIsLinked) {
  const std::string html = Form({});
  EXPECT_NE(html.find("Label of summary <span class=\"required\">(required)</span></label>"), std::string::npos);
  EXPECT_NE(html.find("Label of region <span class=\"required\">(required)</span></legend>"), std::string::npos);
  EXPECT_NE(html.find("Label of narrative</label>"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-summary").find("aria-describedby=\"field-summary-help\""), std::string::npos);
  EXPECT_NE(html.find("<p class=\"help\" id=\"field-summary-help\">One line.</p>"), std::string::npos);
  EXPECT_NE(html.find("Choose up to 2."), std::string::npos);
  EXPECT_EQ(TagWithId(html, "field-narrative").find("aria-describedby"), std::string::npos);
  EXPECT_EQ(html.find("aria-invalid"), std::string::npos);
  EXPECT_EQ(html.find("error-summary"), std::string::npos);
}

TEST_F(ReporterPagesTest, AnErrorIsShownNextToItsFieldAndInTheSummary) {
  FormState state;
  state.values["summary"] = {"kept answer"};
  state.values["harms"] = {"pay", "safety"};
  state.values["region"] = {"africa"};
  state.field_errors["summary"] = "Please shorten this.";
  state.field_errors["sector"] = "Please answer this question.";
  const std::string html = Form(state);
  ExpectSafePage(html);
  const std::string summary = TagWithId(html, "field-summary");
  EXPECT_NE(summary.find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(summary.find("aria-describedby=\"field-summary-help field-summary-error\""), std::string::npos);
  EXPECT_NE(summary.find("value=\"kept answer\""), std::string::npos);
  EXPECT_NE(html.find("<p class=\"error\" id=\"field-summary-error\">"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-sector").find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_EQ(TagWithId(html, "field-narrative").find("aria-invalid"), std::string::npos);
  // The summary links to each field in questionnaire order.
  const size_t summary_at = html.find("id=\"error-summary\"");
  ASSERT_NE(summary_at, std::string::npos);
  const size_t first = html.find("<a href=\"#field-summary\">Label of summary: Please shorten this.</a>");
  const size_t second = html.find("<a href=\"#field-sector-retail\">Label of sector: Please answer this question.</a>");
  EXPECT_LT(summary_at, first);
  EXPECT_LT(first, second);
  EXPECT_LT(second, html.find("<form"));
  // Choices are kept.
  EXPECT_NE(TagWithId(html, "field-harms-pay").find(" checked"), std::string::npos);
  EXPECT_EQ(TagWithId(html, "field-harms-hours").find(" checked"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-harms-safety").find(" checked"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-region-africa").find(" checked"), std::string::npos);
}

TEST_F(ReporterPagesTest, AFormErrorIsShownAtTheTop) {
  FormState state;
  state.form_error = pages_->Text("en", "error.form_token");
  const std::string html = Form(state);
  EXPECT_NE(html.find("role=\"alert\" id=\"form-error\""), std::string::npos);
  EXPECT_LT(html.find(state.form_error), html.find("<form"));
}

TEST_F(ReporterPagesTest, ValidatorErrorsBecomeCatalogTexts) {
  const auto text = [&](const std::string& field, const std::string& message) {
    return pages_->FieldError("en", "test_kind", field, Status::InvalidArgument(message, "answers." + field));
  };
  EXPECT_EQ(text("summary", "is required"), "Please answer this question.");
  EXPECT_EQ(text("summary", "is longer than 200 characters"), "Please shorten this answer to at most 200 characters.");
  EXPECT_EQ(text("harms", "has more than 2 choices"), "Please choose at most 2 answers.");
  EXPECT_EQ(text("when", "must not be after the current month"), pages_->Text("en", "error.month_in_future"));
  EXPECT_EQ(text("summary", "something new"), pages_->Text("en", "error.invalid"));
  EXPECT_EQ(text("no_such_field", "is required"), pages_->Text("en", "error.invalid"));
}

TEST_F(ReporterPagesTest, HomeListsEveryKindAndTheWayBack) {
  const std::string html = pages_->Home("en");
  ExpectSafePage(html);
  EXPECT_NE(html.find("<a href=\"/report/test_kind\">A test form</a>"), std::string::npos);
  EXPECT_NE(html.find("href=\"/followup\""), std::string::npos);
}

TEST_F(ReporterPagesTest, MessagePagesAndUnknownKinds) {
  for (MessagePage page : {MessagePage::kBusy, MessagePage::kNotFound, MessagePage::kFailure, MessagePage::kSignedOut,
                           MessagePage::kDeleted, MessagePage::kExpired}) {
    const std::string html = pages_->Message("en", page);
    ExpectSafePage(html);
    EXPECT_NE(html.find("<h1>"), std::string::npos);
  }
  EXPECT_EQ(pages_->ReportForm("en", "nope", {}, "t").status().code(), StatusCode::kNotFound);
}

TEST_F(ReporterPagesTest, TheLanguageComesFromAcceptLanguageWithEnglishAsDefault) {
  EXPECT_EQ(pages_->PickLanguage(""), "en");
  EXPECT_EQ(pages_->PickLanguage("xx-YY, zz;q=0.5"), "en");
  EXPECT_EQ(pages_->PickLanguage("en-US,en;q=0.5"), "en");
  EXPECT_EQ(pages_->Home("xx").find("<html lang=\"en\">") != std::string::npos, true);
}

TEST_F(ReporterPagesTest, TheStylesheetIsServedFromTheAssets) {
  EXPECT_NE(pages_->Stylesheet().find("max-width"), std::string::npos);
  EXPECT_EQ(pages_->Stylesheet().find("http"), std::string::npos);  // no font or image from elsewhere
  EXPECT_EQ(pages_->Stylesheet().find("@import"), std::string::npos);
}

}  // namespace
}  // namespace pillarbox::pages

namespace pillarbox::pages {
namespace {

TEST_F(ReporterPagesTest, TheFollowupReportShowsStatusWordsAndEscapesTheConversation) {
  FollowupView view;
  view.title = "A test form";
  view.received_day = "2024-06-15";
  view.status_code = "grouped";
  view.answers.push_back({"Label of summary", "<img src=x>"});
  view.messages.push_back({"reviewer", "2024-06-16", "Could you <b>say</b> more?"});
  view.messages.push_back({"reporter", "2024-06-17", "Yes </textarea>"});
  ReplyState reply;
  reply.value = "draft <script>";
  reply.error = "Please write an answer.";
  const std::string html = pages_->FollowupReport("en", view, reply, "feedfacefeedfacefeedfacefeedface", 10000);
  ExpectSafePage(html);
  EXPECT_NE(html.find(pages_->Text("en", "status.grouped")), std::string::npos);
  EXPECT_NE(html.find("Could you &lt;b&gt;say&lt;&#x2F;b&gt; more?"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=x&gt;"), std::string::npos);
  EXPECT_NE(html.find(">draft &lt;script&gt;</textarea>"), std::string::npos);
  EXPECT_NE(TagWithId(html, "field-body").find("aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(html.find("<label for=\"field-body\">"), std::string::npos);
  // Reply, delete and sign-out forms each carry the token.
  size_t forms = 0;
  for (size_t at = html.find("value=\"feedfacefeedfacefeedfacefeedface\""); at != std::string::npos;
       at = html.find("value=\"feedfacefeedfacefeedfacefeedface\"", at + 1)) {
    ++forms;
  }
  EXPECT_EQ(forms, 3u);
  EXPECT_EQ(html.find("EVIDENCE UPLOAD"), std::string::npos);  // the marker is a template comment only
}

TEST_F(ReporterPagesTest, AnUnknownStatusCodeNeverShowsAnInternalName) {
  FollowupView view;
  view.status_code = "secret_internal";
  const std::string html = pages_->FollowupReport("en", view, {}, "t", 10000);
  EXPECT_EQ(html.find("secret_internal"), std::string::npos);
  EXPECT_NE(html.find(pages_->Text("en", "status.in_review")), std::string::npos);
}

TEST_F(ReporterPagesTest, SignInAndDeleteConfirmation) {
  const std::string plain = pages_->SignIn("en", "");
  ExpectSafePage(plain);
  EXPECT_EQ(plain.find("aria-invalid"), std::string::npos);
  EXPECT_NE(plain.find("<label for=\"field-receipt\">"), std::string::npos);
  const std::string refused = pages_->SignIn("en", pages_->Text("en", "followup.signin_error"));
  EXPECT_NE(TagWithId(refused, "field-receipt").find("aria-invalid=\"true\""), std::string::npos);
  const std::string confirm = pages_->DeleteConfirmation("en", "abc");
  ExpectSafePage(confirm);
  EXPECT_NE(confirm.find("name=\"confirm\" value=\"yes\""), std::string::npos);
  EXPECT_NE(confirm.find("name=\"form_token\" value=\"abc\""), std::string::npos);
}

}  // namespace
}  // namespace pillarbox::pages
