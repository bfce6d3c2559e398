// ReporterPages: renders each server-rendered reporter page to a complete
// HTML document (no script, no resource from another origin: the stylesheet
// is /static/reporter.css). Every value is HTML-escaped by the templates.
// Strings come from the message catalog in the page's language, English
// where that language lacks a key; questionnaire texts are English.
// Immutable after Create; const methods are safe to call from several threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <mstch/mstch.hpp>

#include "common/clock.h"
#include "common/embedded_file.h"
#include "common/status.h"
#include "intake/questionnaire_catalog.h"
#include "pages/followup_view.h"
#include "pages/form_state.h"
#include "pages/message_catalog.h"
#include "pages/template_set.h"

namespace pillarbox::pages {

// The simple pages: a title, a sentence and an optional link.
enum class MessagePage {
  kBusy,       // 503: too many submissions right now
  kNotFound,   // 404
  kFailure,    // 500: the request failed, nothing stored
  kSignedOut,  // after sign-out
  kDeleted,    // after the report was deleted
  kExpired,    // a follow-up page without a live session
};

class ReporterPages {
 public:
  // Loads the templates, the catalog and the stylesheet from `assets` (the
  // files of admin-ui/reporter/: EmbeddedReporterAssets()). `questionnaires`
  // and `clock` must outlive the pages. InvalidArgument (naming the file)
  // when an asset is broken or missing.
  static Result<std::unique_ptr<ReporterPages>> Create(const intake::QuestionnaireCatalog& questionnaires,
                                                       const Clock& clock, const std::vector<EmbeddedFile>& assets);

  // GET /: what Pillarbox is, one link per kind, the way back for reporters.
  std::string Home(const std::string& language) const;

  // The questionnaire of `kind` with `state` (answers kept, errors next to
  // their fields) and the hidden `form_token`. NotFound naming "kind" when no
  // questionnaire has that kind.
  Result<std::string> ReportForm(const std::string& language, const std::string& kind, const FormState& state,
                                 const std::string& form_token) const;

  // The receipt page: `receipt` large, in its groups, with advice on keeping it.
  std::string Receipt(const std::string& language, const std::string& receipt) const;

  // GET /followup: the receipt sign-in form; `error` ("" for none) is shown
  // at the top and on the field.
  std::string SignIn(const std::string& language, const std::string& error) const;

  // The signed-in reporter's report: status in plain words (catalog
  // "status.<code>"), the conversation, the reply form (with `reply`), the
  // evidence files with what was removed from each and the upload form (when
  // view.files_enabled and the report has room), the answers, and the delete
  // and sign-out forms, each carrying `form_token`.
  // `reply_max_chars` bounds the reply box.
  std::string FollowupReport(const std::string& language, const FollowupView& view, const ReplyState& reply,
                             const std::string& form_token, size_t reply_max_chars) const;

  // The confirmation asked before a report is deleted.
  std::string DeleteConfirmation(const std::string& language, const std::string& form_token) const;

  // One of the simple pages.
  std::string Message(const std::string& language, MessagePage page) const;

  // The catalog text of an error on `field` of `kind` (see FieldErrorText);
  // the generic error text when the field is unknown.
  std::string FieldError(const std::string& language, const std::string& kind, const std::string& field,
                         const Status& status) const;

  // The catalog text of `key` in `language` (English fallback).
  const std::string& Text(const std::string& language, std::string_view key) const {
    return messages_.Text(language, key);
  }

  // The language to answer in for an Accept-Language header value: the first
  // listed language (by primary subtag, in the order given) that has a
  // catalog file, else "en". Quality values are ignored.
  std::string PickLanguage(std::string_view accept_language) const;

  // style.css, served as /static/reporter.css.
  const std::string& Stylesheet() const { return stylesheet_; }

  const MessageCatalog& messages() const { return messages_; }
  const TemplateSet& templates() const { return templates_; }

  // Renders template `name` with `view` plus the page's common values (lang,
  // page_title, the catalog as "t"). For the follow-up pages' renderers.
  std::string RenderPage(const std::string& name, const std::string& language, const std::string& page_title,
                         mstch::map view) const;

 private:
  // One evidence file of the report page: its facts and the catalog texts of
  // what was removed and of its warnings.
  mstch::map FileMap(const std::string& language, const FollowupFile& file) const;

  ReporterPages(const intake::QuestionnaireCatalog& questionnaires, const Clock& clock, MessageCatalog messages,
                TemplateSet templates, std::string stylesheet);

  const intake::QuestionnaireCatalog& questionnaires_;
  const Clock& clock_;
  MessageCatalog messages_;
  TemplateSet templates_;
  std::string stylesheet_;
  std::map<std::string, mstch::node> catalog_views_;  // language -> nested "t" map
};

}  // namespace pillarbox::pages
