#include "http/reporter_page_routes.h"

#include <pistache/router.h>

#include <chrono>
#include <memory>
#include <utility>

#include "common/logging.h"
#include "http/followup_page_routes.h"
#include "http/html_response.h"
#include "http/page_request.h"
#include "http/router_guards.h"
#include "intake/form_tokens.h"
#include "intake/intake_service.h"
#include "intake/submission_quota.h"
#include "pages/reporter_pages.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;

constexpr char kSubmitRoute[] = "POST /report/:kind";

std::string ReportPurpose(const std::string& kind) { return "report:" + kind; }

// What one questionnaire submission carries through its handling.
struct ReportPost {
  const RouteContext& context;
  std::string language;
  std::string kind;
  const intake::Questionnaire* questionnaire = nullptr;
  pages::FormState state;
  std::chrono::steady_clock::time_point started;
};

// Sends the questionnaire of `post` again (answers and errors kept) with a
// fresh form token.
void SendForm(ResponseWriter& response, const ReportPost& post, int code) {
  const std::string token = post.context.form_tokens->Issue(ReportPurpose(post.kind));
  auto html = post.context.reporter_pages->ReportForm(post.language, post.kind, post.state, token);
  if (code == 503) {
    SendBusyHtml(response, html.ok() ? *html : "", 1);
  } else {
    SendHtml(response, code, html.ok() ? *html : "");
  }
  LogRequest(kSubmitRoute, code, post.started);
}

void SendFormError(ResponseWriter& response, ReportPost& post, std::string_view key, int code) {
  post.state.form_error = post.context.reporter_pages->Text(post.language, key);
  SendForm(response, post, code);
}

// The form's answers as the validator expects them: lists for checkbox
// fields, single strings otherwise. InvalidArgument naming "answers.<name>"
// when a single-valued field came more than once.
Result<intake::Submission> BuildSubmission(const ReportPost& post, const FormFields& fields) {
  intake::Submission submission;
  submission.kind = post.kind;
  for (const auto& [name, values] : fields) {
    if (name == kFormTokenField) continue;
    const intake::QuestionField* field = post.questionnaire->FindField(name);
    if (field != nullptr && field->type == intake::FieldType::kMultiEnum) {
      submission.answers[name] = values;
    } else if (values.size() == 1) {
      submission.answers[name] = values.front();
    } else {
      return Status::InvalidArgument("must be a single value", "answers." + name);
    }
  }
  return submission;
}

// Errors for every required question left empty, so the reporter sees them
// all at once (the validator stops at the first).
std::map<std::string, std::string> MissingAnswers(const ReportPost& post) {
  std::map<std::string, std::string> missing;
  for (const intake::QuestionField& field : post.questionnaire->fields) {
    if (!field.required) continue;
    const auto values = post.state.values.find(field.name);
    bool answered = false;
    if (values != post.state.values.end()) {
      for (const std::string& value : values->second) {
        answered = answered || value.find_first_not_of(" \t\r\n") != std::string::npos;
      }
    }
    if (!answered) missing[field.name] = post.context.reporter_pages->Text(post.language, "error.required");
  }
  return missing;
}

// Shows `status` (from the validator, the quota or the store) on the form.
void SendRefusal(ResponseWriter& response, ReportPost& post, const Status& status) {
  const bool busy = status.code() == StatusCode::kResourceExhausted || status.code() == StatusCode::kUnavailable;
  if (busy) return SendFormError(response, post, "busy.text", 503);
  const std::string prefix = "answers.";
  if (status.code() == StatusCode::kInvalidArgument && status.field().rfind(prefix, 0) == 0 &&
      post.questionnaire->FindField(status.field().substr(prefix.size())) != nullptr) {
    const std::string name = status.field().substr(prefix.size());
    post.state.field_errors[name] = post.context.reporter_pages->FieldError(post.language, post.kind, name, status);
    return SendForm(response, post, 400);
  }
  if (status.code() == StatusCode::kInvalidArgument) return SendFormError(response, post, "error.form_unreadable", 400);
  SendFormError(response, post, "failure.text", 500);
}

// Called by the writer thread once the report is committed (or refused).
void AnswerCommitted(const std::shared_ptr<ResponseWriter>& pending, ReportPost& post,
                     const Result<std::string>& receipt) {
  if (!receipt.ok()) return SendRefusal(*pending, post, receipt.status());
  SendHtml(*pending, 200, post.context.reporter_pages->Receipt(post.language, *receipt));
  LogRequest(kSubmitRoute, 200, post.started);
}

Status Admit(const RouteContext& context) {
  if (context.submission_quota == nullptr) return Status::Ok();
  return context.submission_quota->Admit();
}

void HandleSubmit(const RouteContext& context, const Request& request, ResponseWriter& response) {
  auto post = std::make_shared<ReportPost>(ReportPost{context, PageLanguage(context, request),
                                                      request.param(":kind").as<std::string>(), nullptr, {},
                                                      std::chrono::steady_clock::now()});
  post->questionnaire = context.catalog->Find(post->kind);
  if (post->questionnaire == nullptr) {
    SendHtml(response, 404, context.reporter_pages->Message(post->language, pages::MessagePage::kNotFound));
    return LogRequest(kSubmitRoute, 404, post->started);
  }
  auto fields = ReadFormBody(request, context.max_report_bytes);
  if (!fields.ok()) return SendFormError(response, *post, "error.form_unreadable", 400);
  for (const auto& [name, values] : *fields) {
    if (post->questionnaire->FindField(name) != nullptr) post->state.values[name] = values;
  }
  auto token = SingleValue(*fields, kFormTokenField);
  if (!token.ok() || !context.form_tokens->Redeem(*token, ReportPurpose(post->kind)).ok()) {
    return SendFormError(response, *post, "error.form_token", 400);
  }
  post->state.field_errors = MissingAnswers(*post);
  if (!post->state.field_errors.empty()) return SendForm(response, *post, 400);
  auto submission = BuildSubmission(*post, *fields);
  if (!submission.ok()) return SendRefusal(response, *post, submission.status());
  if (Status admitted = Admit(context); !admitted.ok()) {
    post->state.form_error = context.reporter_pages->Text(post->language, "busy.text");
    const std::string html = *context.reporter_pages->ReportForm(
        post->language, post->kind, post->state, context.form_tokens->Issue(ReportPurpose(post->kind)));
    SendBusyHtml(response, html, context.submission_quota->RetryAfterSeconds());
    return LogRequest(kSubmitRoute, 503, post->started);
  }
  auto pending = std::make_shared<ResponseWriter>(std::move(response));
  const Status queued = context.intake->Submit(
      *submission, [pending, post](Result<std::string> receipt) { AnswerCommitted(pending, *post, receipt); });
  if (!queued.ok()) SendRefusal(*pending, *post, queued);
}

void HandleForm(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const auto started = std::chrono::steady_clock::now();
  const std::string language = PageLanguage(context, request);
  const std::string kind = request.param(":kind").as<std::string>();
  if (context.catalog->Find(kind) == nullptr) {
    SendHtml(response, 404, context.reporter_pages->Message(language, pages::MessagePage::kNotFound));
    return LogRequest("GET /report/:kind", 404, started);
  }
  const std::string token = context.form_tokens->Issue(ReportPurpose(kind));
  SendHtml(response, 200, *context.reporter_pages->ReportForm(language, kind, {}, token));
  LogRequest("GET /report/:kind", 200, started);
}

}  // namespace

void RegisterReporterPageRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.reporter_pages == nullptr || context.form_tokens == nullptr) return;
  using Pistache::Rest::Routes::Get;
  using Pistache::Rest::Routes::Post;
  Get(router, "/", Guard([&context](const Request& request, ResponseWriter& response) {
        const auto started = std::chrono::steady_clock::now();
        SendHtml(response, 200, context.reporter_pages->Home(PageLanguage(context, request)));
        LogRequest("GET /", 200, started);
      }));
  Get(router, "/static/reporter.css", Guard([&context](const Request&, ResponseWriter& response) {
        const auto started = std::chrono::steady_clock::now();
        SendCss(response, context.reporter_pages->Stylesheet());
        LogRequest("GET /static/reporter.css", 200, started);
      }));
  Get(router, "/report/:kind", Guard([&context](const Request& request, ResponseWriter& response) {
        HandleForm(context, request, response);
      }));
  Post(router, "/report/:kind", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleSubmit(context, request, response);
       }));
  RegisterFollowupPageRoutes(router, context);
}

}  // namespace pillarbox::http
