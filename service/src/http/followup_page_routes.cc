#include "http/followup_page_routes.h"

#include <pistache/router.h>

#include <chrono>
#include <functional>
#include <memory>
#include <utility>

#include "common/logging.h"
#include "common/worker_pool.h"
#include "http/html_response.h"
#include "http/page_request.h"
#include "http/query_parameter.h"
#include "http/reporter_cookie.h"
#include "http/reporter_deletion.h"
#include "http/worker_json.h"
#include "http/router_guards.h"
#include "intake/form_tokens.h"
#include "intake/reporter_sessions.h"
#include "intake/text_body.h"
#include "pages/reporter_pages.h"
#include "privacy/wipe.h"
#include "reporter/evidence_service.h"
#include "reporter/reporter_followup.h"

namespace pillarbox::http {
namespace {

using Pistache::Http::ResponseWriter;
using Pistache::Rest::Request;
using SessionPtr = std::shared_ptr<const intake::ReporterSession>;
using Started = std::chrono::steady_clock::time_point;

constexpr size_t kMaxSignInBody = 4 * 1024;
constexpr size_t kMaxReplyBody = 64 * 1024;  // 10,000 characters of up to 4 bytes, form-encoded

std::string Purpose(const intake::ReporterSession& session) { return "followup:" + session.report_id; }

// One follow-up request: the page language and when it started.
struct PageCall {
  const RouteContext& context;
  std::string language;
  const char* route;
  Started started;

  const pages::ReporterPages& pages() const { return *context.reporter_pages; }
  void Html(ResponseWriter& response, int code, const std::string& html) const {
    SendHtml(response, code, html);
    LogRequest(route, code, started);
  }
  void Page(ResponseWriter& response, int code, pages::MessagePage page) const {
    Html(response, code, pages().Message(language, page));
  }
};

PageCall Call(const RouteContext& context, const Request& request, const char* route) {
  return PageCall{context, PageLanguage(context, request), route, std::chrono::steady_clock::now()};
}

// Runs `task` on the worker pool with the response; a busy page when full.
void OnWorkers(const PageCall& call, ResponseWriter& response, std::function<void(ResponseWriter&)> task) {
  PostWithResponse(*call.context.workers, response, std::move(task), [call](ResponseWriter& pending, const Status&) {
    SendBusyHtml(pending, call.pages().Message(call.language, pages::MessagePage::kBusy), 1);
    LogRequest(call.route, 503, call.started);
  });
}

pages::FollowupView ToPage(const reporter::ReporterView& view) {
  pages::FollowupView page;
  page.title = view.title;
  page.received_day = view.received_day;
  page.status_code = view.status.code;
  for (const auto& answer : view.answers) page.answers.push_back({answer.label, answer.value});
  for (const auto& message : view.messages) page.messages.push_back({message.from, message.created_day, message.body});
  return page;
}

// The session of the request's cookie; answers "sign in again" (401) and
// returns null when there is none.
SessionPtr SessionOrSignIn(const PageCall& call, const Request& request, ResponseWriter& response) {
  auto session = call.context.reporter_sessions->Authenticate(ReporterCookieToken(request));
  if (session.ok()) return *session;
  ClearReporterCookie(response);
  call.Page(response, 401, pages::MessagePage::kExpired);
  return nullptr;
}

// The session's evidence files into `page` (nothing when the instance takes
// no files).
Status AddFiles(const RouteContext& context, const intake::ReporterSession& session, pages::FollowupView& page) {
  if (context.evidence == nullptr) return Status::Ok();
  PB_ASSIGN_OR_RETURN(const auto files, context.evidence->List(session.report_id, session.data_key));
  page.files_enabled = true;
  page.file_limits = {.max_file_mib = context.evidence->limits().max_file_bytes / (1024 * 1024),
                      .max_files = context.evidence->limits().max_files_per_report};
  for (const auto& file : files) {
    page.files.push_back({file.meta.name, file.meta.media_type, file.meta.size, file.created_day, file.meta.removed,
                          file.meta.warnings});
  }
  return Status::Ok();
}

// Renders the report page (on a worker thread) with `reply` in the reply box.
void SendReport(const PageCall& call, ResponseWriter& response, const SessionPtr& session,
                const pages::ReplyState& reply, int code) {
  auto view = call.context.reporter_followup->View(*session);
  if (!view.ok()) {
    if (view.status().code() == StatusCode::kUnauthenticated) return call.Page(response, 401, pages::MessagePage::kExpired);
    return call.Page(response, 500, pages::MessagePage::kFailure);
  }
  pages::FollowupView page = ToPage(*view);
  if (!AddFiles(call.context, *session, page).ok()) return call.Page(response, 500, pages::MessagePage::kFailure);
  const std::string token = call.context.form_tokens->Issue(Purpose(*session));
  call.Html(response, code, call.pages().FollowupReport(call.language, page, reply, token, intake::kMaxBodyChars));
}

void HandleSignIn(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const PageCall call = Call(context, request, "POST /followup");
  auto fields = ReadFormBody(request, kMaxSignInBody);
  auto receipt = fields.ok() ? SingleValue(*fields, "receipt") : Result<std::string>(fields.status());
  if (!receipt.ok()) {
    return call.Html(response, 400, call.pages().SignIn(call.language, call.pages().Text(call.language, "followup.signin_error")));
  }
  OnWorkers(call, response, [call, receipt = std::move(*receipt)](ResponseWriter& pending) {
    auto signed_in = call.context.reporter_followup->SignIn(receipt);
    if (signed_in.ok()) {
      SetReporterCookie(pending, signed_in->token, signed_in->expires_in);
      SendSeeOther(pending, "/followup/report");
      return LogRequest(call.route, 303, call.started);
    }
    const StatusCode code = signed_in.status().code();
    if (code == StatusCode::kResourceExhausted || code == StatusCode::kUnavailable) {
      SendBusyHtml(pending, call.pages().Message(call.language, pages::MessagePage::kBusy), 1);
      return LogRequest(call.route, 503, call.started);
    }
    call.Html(pending, 401, call.pages().SignIn(call.language, call.pages().Text(call.language, "followup.signin_error")));
  });
}

void HandleReport(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const PageCall call = Call(context, request, "GET /followup/report");
  const SessionPtr session = SessionOrSignIn(call, request, response);
  if (session == nullptr) return;
  const bool sent = QueryParameter(request, "sent").value_or("") == "1";
  const bool added = QueryParameter(request, "added").value_or("") == "1";
  OnWorkers(call, response, [call, session, sent, added](ResponseWriter& pending) {
    pages::ReplyState reply;
    if (sent) reply.notice = call.pages().Text(call.language, "followup.reply_sent");
    if (added) reply.notice = call.pages().Text(call.language, "evidence.added");
    SendReport(call, pending, session, reply, 200);
  });
}

void HandleReply(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const PageCall call = Call(context, request, "POST /followup/messages");
  const SessionPtr session = SessionOrSignIn(call, request, response);
  if (session == nullptr) return;
  auto fields = ReadFormBody(request, kMaxReplyBody);
  pages::ReplyState reply;
  Status checked = fields.ok() ? Status::Ok() : fields.status();
  if (checked.ok()) {
    auto body = SingleValue(*fields, "body");
    auto token = SingleValue(*fields, kFormTokenField);
    reply.value = body.ok() ? *body : "";
    checked = body.ok() && token.ok() ? context.form_tokens->Redeem(*token, Purpose(*session)) : body.status();
    if (!token.ok()) checked = token.status();
  }
  OnWorkers(call, response, [call, session, reply, checked](ResponseWriter& pending) mutable {
    if (!checked.ok()) {
      reply.error = call.pages().Text(call.language, checked.field() == kFormTokenField ? "error.form_token"
                                                                                       : "error.form_unreadable");
      return SendReport(call, pending, session, reply, 400);
    }
    auto stored = call.context.reporter_followup->Reply(*session, reply.value);
    if (stored.ok()) {
      SendSeeOther(pending, "/followup/report?sent=1");
      return LogRequest(call.route, 303, call.started);
    }
    if (stored.status().code() == StatusCode::kUnauthenticated) return call.Page(pending, 401, pages::MessagePage::kExpired);
    if (stored.status().code() != StatusCode::kInvalidArgument) return call.Page(pending, 503, pages::MessagePage::kBusy);
    reply.error = call.pages().messages().Format(call.language, "followup.reply_error",
                                                 {{"n", std::to_string(intake::kMaxBodyChars)}});
    SendReport(call, pending, session, reply, 400);
  });
}

// The catalog key of the text shown next to the file field for `refused`.
std::string UploadErrorKey(const Status& refused) {
  if (refused.field() == kFormTokenField) return "error.form_token";
  switch (refused.code()) {
    case StatusCode::kPayloadTooLarge: return "evidence.error_size";
    case StatusCode::kConflict: return "evidence.error_full";
    case StatusCode::kInvalidArgument: return refused.field() == "file" ? "evidence.error_type" : "evidence.error_unreadable";
    default: return "evidence.error_unreadable";
  }
}

// The file of an upload form and whether its form token was good. The file's
// bytes are copied once into wiped memory, so they can leave the I/O thread.
struct UploadForm {
  Status checked;  // the first problem found, or OK
  std::string name;
  privacy::SensitiveBytes content;
};

UploadForm ReadUploadForm(const RouteContext& context, const Request& request, const intake::ReporterSession& session) {
  UploadForm form;
  auto parts = ReadMultipartForm(request);
  if (!parts.ok()) {
    form.checked = parts.status();
    return form;
  }
  const FormPart* token = nullptr;
  const FormPart* file = nullptr;
  for (const FormPart& part : *parts) {
    if (part.name == kFormTokenField && !part.filename.has_value()) token = &part;
    if (part.name == "file" && part.filename.has_value()) file = &part;
  }
  form.checked = token == nullptr ? Status::InvalidArgument("form token missing", kFormTokenField)
                                  : context.form_tokens->Redeem(std::string(token->content), Purpose(session));
  if (!form.checked.ok()) return form;
  if (file == nullptr || file->content.empty()) {
    form.checked = Status::InvalidArgument("no file chosen", "file_missing");
    return form;
  }
  // The browser sends the file's own name; a name we cannot keep is replaced
  // rather than refused (a reporter cannot rename a file without script).
  form.name = reporter::ValidateEvidenceName(*file->filename).ok() ? *file->filename : "file";
  form.content = privacy::SensitiveBytes(privacy::Bytes(file->content.begin(), file->content.end()));
  return form;
}

void HandleUpload(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const PageCall call = Call(context, request, "POST /followup/files");
  const SessionPtr session = SessionOrSignIn(call, request, response);
  if (session == nullptr) return;
  auto form = std::make_shared<UploadForm>(ReadUploadForm(context, request, *session));
  OnWorkers(call, response, [call, session, form](ResponseWriter& pending) {
    Status stored = form->checked;
    if (stored.ok()) {
      stored = call.context.evidence->Attach(session->report_id, session->data_key, form->name, form->content.view())
                   .status();
      form->content = privacy::SensitiveBytes();  // wiped as soon as it is sealed
    }
    if (stored.ok()) {
      SendSeeOther(pending, "/followup/report?added=1");
      return LogRequest(call.route, 303, call.started);
    }
    const StatusCode code = stored.code();
    if (code == StatusCode::kUnauthenticated || code == StatusCode::kNotFound) {
      return call.Page(pending, 401, pages::MessagePage::kExpired);
    }
    if (code == StatusCode::kResourceExhausted || code == StatusCode::kUnavailable) {
      return call.Page(pending, 503, pages::MessagePage::kBusy);
    }
    pages::ReplyState reply;
    if (stored.field() == "file_missing") {
      reply.upload_error = call.pages().Text(call.language, "evidence.error_missing");
    } else {
      const uint64_t max_mib = call.context.evidence->limits().max_file_bytes / (1024 * 1024);
      reply.upload_error =
          call.pages().messages().Format(call.language, UploadErrorKey(stored), {{"mib", std::to_string(max_mib)}});
    }
    SendReport(call, pending, session, reply, code == StatusCode::kPayloadTooLarge ? 413 : 400);
  });
}

void HandleDelete(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const PageCall call = Call(context, request, "POST /followup/delete");
  const SessionPtr session = SessionOrSignIn(call, request, response);
  if (session == nullptr) return;
  auto fields = ReadFormBody(request, kMaxSignInBody);
  auto token = fields.ok() ? SingleValue(*fields, kFormTokenField) : Result<std::string>(fields.status());
  auto confirm = fields.ok() ? SingleValue(*fields, "confirm") : Result<std::string>(fields.status());
  const Status redeemed = token.ok() ? context.form_tokens->Redeem(*token, Purpose(*session),
                                                                   intake::FormTokens::Pace::kConfirmation)
                                     : token.status();
  if (!redeemed.ok()) {
    return OnWorkers(call, response, [call, session](ResponseWriter& pending) {
      pages::ReplyState reply;
      reply.error = call.pages().Text(call.language, "error.form_token");
      SendReport(call, pending, session, reply, 400);
    });
  }
  if (!confirm.ok() || *confirm != "yes") {
    const std::string fresh = context.form_tokens->Issue(Purpose(*session));
    return call.Html(response, 200, call.pages().DeleteConfirmation(call.language, fresh));
  }
  OnWorkers(call, response, [call, session](ResponseWriter& pending) {
    const Status deleted = DeleteReporterReport(call.context, *session);
    if (!deleted.ok() && deleted.code() != StatusCode::kUnauthenticated) {
      return call.Page(pending, 503, pages::MessagePage::kBusy);
    }
    ClearReporterCookie(pending);
    call.Page(pending, 200, pages::MessagePage::kDeleted);
  });
}

void HandleSignOut(const RouteContext& context, const Request& request, ResponseWriter& response) {
  const PageCall call = Call(context, request, "POST /followup/signout");
  const std::string token = ReporterCookieToken(request);
  if (!token.empty()) context.reporter_followup->SignOut(token);
  ClearReporterCookie(response);
  call.Page(response, 200, pages::MessagePage::kSignedOut);
}

}  // namespace

void RegisterFollowupPageRoutes(Pistache::Rest::Router& router, const RouteContext& context) {
  if (context.reporter_pages == nullptr || context.form_tokens == nullptr || context.reporter_followup == nullptr ||
      context.reporter_sessions == nullptr || context.workers == nullptr) {
    return;
  }
  using Pistache::Rest::Routes::Get;
  using Pistache::Rest::Routes::Post;
  Get(router, "/followup", Guard([&context](const Request& request, ResponseWriter& response) {
        const PageCall call = Call(context, request, "GET /followup");
        call.Html(response, 200, call.pages().SignIn(call.language, ""));
      }));
  Post(router, "/followup", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleSignIn(context, request, response);
       }));
  Get(router, "/followup/report", Guard([&context](const Request& request, ResponseWriter& response) {
        HandleReport(context, request, response);
      }));
  Post(router, "/followup/messages", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleReply(context, request, response);
       }));
  if (context.evidence != nullptr) {
    Post(router, "/followup/files", Guard([&context](const Request& request, ResponseWriter& response) {
           HandleUpload(context, request, response);
         }));
  }
  Post(router, "/followup/delete", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleDelete(context, request, response);
       }));
  Post(router, "/followup/signout", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleSignOut(context, request, response);
       }));
}

}  // namespace pillarbox::http
