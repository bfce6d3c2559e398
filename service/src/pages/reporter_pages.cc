#include "pages/reporter_pages.h"

#include <utility>

#include "pages/form_view.h"

namespace pillarbox::pages {
namespace {

constexpr char kStylesheetName[] = "style.css";

// Puts `text` at the dotted `key` inside nested maps ("a.b" -> root[a][b]).
void PutNested(mstch::map& root, const std::string& key, const std::string& text) {
  mstch::map* level = &root;
  size_t start = 0;
  for (size_t dot = key.find('.'); dot != std::string::npos; dot = key.find('.', start)) {
    const std::string part = key.substr(start, dot - start);
    auto [it, inserted] = level->emplace(part, mstch::map{});
    level = &boost::get<mstch::map>(it->second);
    start = dot + 1;
  }
  (*level)[key.substr(start)] = text;
}

mstch::node CatalogView(const MessageCatalog& messages, const std::string& language) {
  mstch::map root;
  for (const auto& [key, text] : messages.Merged(language)) PutNested(root, key, text);
  return root;
}

std::vector<std::string> SplitGroups(const std::string& receipt) {
  std::vector<std::string> groups;
  size_t start = 0;
  while (start <= receipt.size()) {
    const size_t dash = receipt.find('-', start);
    const size_t end = dash == std::string::npos ? receipt.size() : dash;
    if (end > start) groups.push_back(receipt.substr(start, end - start));
    if (dash == std::string::npos) break;
    start = dash + 1;
  }
  return groups;
}

std::string FindStylesheet(const std::vector<EmbeddedFile>& assets) {
  for (const EmbeddedFile& file : assets) {
    if (file.name == kStylesheetName) return std::string(file.content);
  }
  return "";
}

struct MessagePageKeys {
  const char* title;
  const char* text;
  const char* link_href;  // nullptr: no link
  const char* link_text;
};

MessagePageKeys KeysOf(MessagePage page) {
  switch (page) {
    case MessagePage::kBusy:
      return {"busy.title", "busy.text", "/", "nav.home"};
    case MessagePage::kNotFound:
      return {"not_found.title", "not_found.text", "/", "nav.home"};
    case MessagePage::kFailure:
      return {"failure.title", "failure.text", "/", "nav.home"};
    case MessagePage::kSignedOut:
      return {"followup.signed_out_title", "followup.signed_out_text", "/", "nav.home"};
    case MessagePage::kDeleted:
      return {"followup.deleted_title", "followup.deleted_text", "/", "nav.home"};
    case MessagePage::kExpired:
      return {"followup.expired_title", "followup.expired_text", "/followup", "followup.signin_title"};
  }
  return {"failure.title", "failure.text", "/", "nav.home"};
}

}  // namespace

ReporterPages::ReporterPages(const intake::QuestionnaireCatalog& questionnaires, const Clock& clock,
                             MessageCatalog messages, TemplateSet templates, std::string stylesheet)
    : questionnaires_(questionnaires),
      clock_(clock),
      messages_(std::move(messages)),
      templates_(std::move(templates)),
      stylesheet_(std::move(stylesheet)) {
  for (const std::string& language : messages_.Languages()) catalog_views_[language] = CatalogView(messages_, language);
}

Result<std::unique_ptr<ReporterPages>> ReporterPages::Create(const intake::QuestionnaireCatalog& questionnaires,
                                                             const Clock& clock,
                                                             const std::vector<EmbeddedFile>& assets) {
  PB_ASSIGN_OR_RETURN(MessageCatalog messages, MessageCatalog::Load(assets));
  PB_ASSIGN_OR_RETURN(TemplateSet templates, TemplateSet::Load(assets));
  for (const char* name :
       {"home", "report_form", "receipt", "message", "followup_signin", "followup_report", "followup_delete"}) {
    if (!templates.Has(name)) return Status::InvalidArgument("missing", std::string("templates/") + name + ".mustache");
  }
  std::string stylesheet = FindStylesheet(assets);
  if (stylesheet.empty()) return Status::InvalidArgument("missing", kStylesheetName);
  return std::unique_ptr<ReporterPages>(
      new ReporterPages(questionnaires, clock, std::move(messages), std::move(templates), std::move(stylesheet)));
}

std::string ReporterPages::RenderPage(const std::string& name, const std::string& language,
                                      const std::string& page_title, mstch::map view) const {
  const auto catalog = catalog_views_.find(language);
  view["t"] = catalog != catalog_views_.end() ? catalog->second : catalog_views_.at(MessageCatalog::kDefaultLanguage);
  view["lang"] = messages_.HasLanguage(language) ? language : MessageCatalog::kDefaultLanguage;
  view["page_title"] = page_title;
  return templates_.Render(name, view);
}

std::string ReporterPages::Home(const std::string& language) const {
  mstch::array kinds;
  for (const std::string& kind : questionnaires_.Kinds()) {
    const intake::Questionnaire* questionnaire = questionnaires_.Find(kind);
    kinds.push_back(mstch::map{
        {"kind", kind}, {"title", questionnaire->title}, {"description", questionnaire->description}});
  }
  return RenderPage("home", language, Text(language, "home.title"), mstch::map{{"kinds", std::move(kinds)}});
}

Result<std::string> ReporterPages::ReportForm(const std::string& language, const std::string& kind,
                                              const FormState& state, const std::string& form_token) const {
  const intake::Questionnaire* questionnaire = questionnaires_.Find(kind);
  if (questionnaire == nullptr) return Status::NotFound("no such kind of report").WithFieldPrefix("kind");
  mstch::map view{{"kind", kind},
                  {"title", questionnaire->title},
                  {"description", questionnaire->description},
                  {"form_token", form_token}};
  const std::string max_month = UtcDay(clock_.NowUnixSeconds()).substr(0, 7);
  AddFormFields(*questionnaire, state, messages_, language, max_month, view);
  return RenderPage("report_form", language, questionnaire->title, std::move(view));
}

std::string ReporterPages::Receipt(const std::string& language, const std::string& receipt) const {
  mstch::array groups;
  for (std::string& group : SplitGroups(receipt)) groups.push_back(std::move(group));
  return RenderPage("receipt", language, Text(language, "receipt.title"),
                    mstch::map{{"receipt", receipt}, {"receipt_groups", std::move(groups)}});
}

std::string ReporterPages::Message(const std::string& language, MessagePage page) const {
  const MessagePageKeys keys = KeysOf(page);
  mstch::map view{{"title", Text(language, keys.title)}, {"text", Text(language, keys.text)}};
  if (keys.link_href != nullptr) {
    view["link_href"] = std::string(keys.link_href);
    view["link_text"] = Text(language, keys.link_text);
  }
  return RenderPage("message", language, Text(language, keys.title), std::move(view));
}

std::string ReporterPages::SignIn(const std::string& language, const std::string& error) const {
  return RenderPage("followup_signin", language, Text(language, "followup.signin_title"),
                    mstch::map{{"signin_error", error}});
}

std::string ReporterPages::FollowupReport(const std::string& language, const FollowupView& view,
                                          const ReplyState& reply, const std::string& form_token,
                                          size_t reply_max_chars) const {
  mstch::array answers;
  for (const FollowupAnswer& answer : view.answers) {
    answers.push_back(mstch::map{{"label", answer.label}, {"value", answer.value}});
  }
  mstch::array messages;
  for (const FollowupMessage& message : view.messages) {
    const bool mine = message.from == "reporter";
    messages.push_back(mstch::map{{"from", std::string(mine ? "reporter" : "reviewer")},
                                  {"from_label", Text(language, mine ? "followup.from_you" : "followup.from_reviewer")},
                                  {"created_day", message.created_day},
                                  {"body", message.body}});
  }
  mstch::array files;
  for (const FollowupFile& file : view.files) files.push_back(FileMap(language, file));
  const std::string& status_text = Text(language, "status." + view.status_code);
  mstch::map page{{"title", view.title},
                  {"received_day", view.received_day},
                  {"status_text", status_text.empty() ? Text(language, "status.in_review") : status_text},
                  {"has_messages", !messages.empty()},
                  {"messages", std::move(messages)},
                  {"answers", std::move(answers)},
                  {"reply_value", reply.value},
                  {"reply_error", reply.error},
                  {"notice", reply.notice},
                  {"files_enabled", view.files_enabled},
                  {"has_files", !files.empty()},
                  {"files", std::move(files)},
                  {"can_upload", static_cast<int64_t>(view.files.size()) < view.file_limits.max_files},
                  {"upload_error", reply.upload_error},
                  {"file_limits", messages_.Format(language, "evidence.limits",
                                                   {{"mib", std::to_string(view.file_limits.max_file_mib)},
                                                    {"n", std::to_string(view.file_limits.max_files)}})},
                  {"reply_max", std::to_string(reply_max_chars)},
                  {"form_token", form_token}};
  return RenderPage("followup_report", language, Text(language, "followup.report_title"), std::move(page));
}

mstch::map ReporterPages::FileMap(const std::string& language, const FollowupFile& file) const {
  mstch::array removed;
  for (const std::string& code : file.removed) removed.push_back(Text(language, "evidence.removed." + code));
  mstch::array warnings;
  for (const std::string& code : file.warnings) warnings.push_back(Text(language, "evidence.warning." + code));
  constexpr uint64_t kKibibyte = 1024;
  return mstch::map{{"name", file.name},
                    {"media_type", file.media_type},
                    {"size", messages_.Format(language, "evidence.size_kib",
                                              {{"n", std::to_string((file.size + kKibibyte - 1) / kKibibyte)}})},
                    {"created_day", messages_.Format(language, "evidence.added_on", {{"day", file.created_day}})},
                    {"has_removed", !removed.empty()},
                    {"removed", std::move(removed)},
                    {"warnings", std::move(warnings)}};
}

std::string ReporterPages::DeleteConfirmation(const std::string& language, const std::string& form_token) const {
  return RenderPage("followup_delete", language, Text(language, "followup.delete_confirm_title"),
                    mstch::map{{"form_token", form_token}});
}

std::string ReporterPages::FieldError(const std::string& language, const std::string& kind, const std::string& field,
                                      const Status& status) const {
  const intake::Questionnaire* questionnaire = questionnaires_.Find(kind);
  const intake::QuestionField* question = questionnaire == nullptr ? nullptr : questionnaire->FindField(field);
  if (question == nullptr) return Text(language, "error.invalid");
  return FieldErrorText(status, *question, messages_, language);
}

std::string ReporterPages::PickLanguage(std::string_view accept_language) const {
  while (!accept_language.empty()) {
    const size_t comma = accept_language.find(',');
    std::string_view item = accept_language.substr(0, comma);
    item = item.substr(0, item.find(';'));
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    std::string primary;
    for (char c : item.substr(0, item.find('-'))) {
      if (c == ' ') break;
      primary.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    }
    if (!primary.empty() && messages_.HasLanguage(primary)) return primary;
    if (comma == std::string_view::npos) break;
    accept_language.remove_prefix(comma + 1);
  }
  return MessageCatalog::kDefaultLanguage;
}

}  // namespace pillarbox::pages
