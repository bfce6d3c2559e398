// The message catalog: English complete for every key the templates and the
// code use, other languages only known keys, English fallback per key.
#include "pages/message_catalog.h"

#include <gtest/gtest.h>

#include "common/embedded_file.h"
#include "intake/evidence_cleaner.h"
#include "pages/template_set.h"

namespace pillarbox::pages {
namespace {

MessageCatalog Shipped() {
  auto catalog = MessageCatalog::Load(EmbeddedReporterAssets());
  EXPECT_TRUE(catalog.ok()) << catalog.status().message() << " " << catalog.status().field();
  return catalog.ok() ? *catalog : MessageCatalog();
}

bool HasEnglish(const MessageCatalog& catalog, const std::string& key) {
  const auto keys = catalog.Keys("en");
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

TEST(MessageCatalogTest, EveryKeyTheTemplatesUseIsInEnglish) {
  const MessageCatalog catalog = Shipped();
  auto templates = TemplateSet::Load(EmbeddedReporterAssets());
  ASSERT_TRUE(templates.ok()) << templates.status().message();
  const auto used = templates->CatalogKeysUsed();
  EXPECT_GT(used.size(), 30u);  // the scan finds the templates' keys at all
  for (const std::string& key : used) EXPECT_TRUE(HasEnglish(catalog, key)) << key;
}

TEST(MessageCatalogTest, EveryKeyTheCodeUsesIsInEnglish) {
  const MessageCatalog catalog = Shipped();
  for (const char* key :
       {"error.required", "error.too_long", "error.not_a_choice", "error.too_many_choices", "error.month_format",
        "error.month_too_early", "error.month_in_future", "error.bad_text", "error.invalid", "error.form_token",
        "error.form_unreadable", "form.month_format", "form.choose_up_to", "busy.title", "busy.text",
        "not_found.title", "not_found.text", "failure.title", "failure.text", "home.title", "receipt.title",
        "followup.signed_out_title", "followup.signed_out_text", "followup.deleted_title", "followup.deleted_text",
        "followup.expired_title", "followup.expired_text", "followup.signin_title", "followup.signin_error",
        "followup.report_title", "followup.reply_error", "followup.reply_sent", "followup.delete_confirm_title",
        "nav.home", "status.received", "status.acknowledged", "status.in_review", "status.grouped",
        "status.closed", "evidence.limits", "evidence.size_kib", "evidence.added_on", "evidence.added",
        "evidence.error_missing", "evidence.error_type", "evidence.error_size", "evidence.error_full",
        "evidence.error_unreadable"}) {
    EXPECT_TRUE(HasEnglish(catalog, key)) << key;
  }
}

TEST(MessageCatalogTest, EveryCodeTheCleanerReportsHasAText) {
  const MessageCatalog catalog = Shipped();
  for (std::string_view code : intake::kRemovalCodes) {
    EXPECT_TRUE(HasEnglish(catalog, "evidence.removed." + std::string(code))) << code;
  }
  for (std::string_view code : intake::kWarningCodes) {
    EXPECT_TRUE(HasEnglish(catalog, "evidence.warning." + std::string(code))) << code;
  }
}

TEST(MessageCatalogTest, EveryLanguageFileHasOnlyKnownKeys) {
  const MessageCatalog catalog = Shipped();
  ASSERT_FALSE(catalog.Languages().empty());
  for (const std::string& language : catalog.Languages()) {
    for (const std::string& key : catalog.Keys(language)) EXPECT_TRUE(HasEnglish(catalog, key)) << language << " " << key;
  }
}

TEST(MessageCatalogTest, MissingKeysFallBackToEnglishPerKey) {
  const std::vector<EmbeddedFile> files = {
      {"messages/en.json", R"({"a.one": "One", "a.two": "Two"})"},
      {"messages/fr.json", R"({"a.one": "Un"})"},
      {"templates/ignored.mustache", "x"},
  };
  auto catalog = MessageCatalog::Load(files);
  ASSERT_TRUE(catalog.ok()) << catalog.status().message();
  EXPECT_EQ(catalog->Text("fr", "a.one"), "Un");
  EXPECT_EQ(catalog->Text("fr", "a.two"), "Two");
  EXPECT_EQ(catalog->Text("de", "a.one"), "One");
  EXPECT_EQ(catalog->Text("en", "a.three"), "");
  EXPECT_EQ(catalog->Merged("fr"), (std::map<std::string, std::string>{{"a.one", "Un"}, {"a.two", "Two"}}));
  EXPECT_EQ(catalog->Languages(), (std::vector<std::string>{"en", "fr"}));
}

TEST(MessageCatalogTest, ALanguageWithAKeyEnglishLacksIsRefused) {
  auto catalog = MessageCatalog::Load({{"messages/en.json", R"({"a": "A"})"}, {"messages/fr.json", R"({"b": "B"})"}});
  ASSERT_FALSE(catalog.ok());
  EXPECT_EQ(catalog.status().field(), "messages/fr.json");
}

TEST(MessageCatalogTest, BrokenFilesAreRefused) {
  EXPECT_FALSE(MessageCatalog::Load({{"messages/fr.json", R"({"a": "A"})"}}).ok());  // no English
  EXPECT_FALSE(MessageCatalog::Load({{"messages/en.json", "[1]"}}).ok());
  EXPECT_FALSE(MessageCatalog::Load({{"messages/en.json", "{"}}).ok());
  EXPECT_FALSE(MessageCatalog::Load({{"messages/en.json", R"({"a": 1})"}}).ok());
  EXPECT_FALSE(MessageCatalog::Load({{"messages/en.json", R"({"a": ""})"}}).ok());
  EXPECT_FALSE(MessageCatalog::Load({{"messages/en.json", R"({"A.b": "x"})"}}).ok());
  EXPECT_FALSE(MessageCatalog::Load({{"messages/en.json", R"({"a..b": "x"})"}}).ok());
  EXPECT_FALSE(MessageCatalog::Load({{"messages/en.json", R"({"a.b": "x", "a.b.c": "y"})"}}).ok());
  EXPECT_TRUE(MessageCatalog::Load({{"messages/en.json", R"({"a.b": "x", "a.b_c": "y"})"}}).ok());
}

TEST(MessageCatalogTest, FormatFillsPlaceholders) {
  auto catalog = MessageCatalog::Load({{"messages/en.json", R"({"a": "At most {n} of {n}, {m}."})"}});
  ASSERT_TRUE(catalog.ok());
  EXPECT_EQ(catalog->Format("en", "a", {{"n", "5"}}), "At most 5 of 5, {m}.");
}

}  // namespace
}  // namespace pillarbox::pages
