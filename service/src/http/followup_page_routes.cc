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
#include "http/reporter_cookie.h"
#include "http/reporter_deletion.h"
#include "http/worker_json.h"
#include "http/router_guards.h"
#include "intake/form_tokens.h"
#include "intake/reporter_sessions.h"
#include "intake/text_body.h"
#include "pages/reporter_pages.h"
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
  pages::FollowupView page{view.title, view.received_day, view.status.code, {}, {}};
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

// Renders the report page (on a worker thread) with `reply` in the reply box.
void SendReport(const PageCall& call, ResponseWriter& response, const SessionPtr& session,
                const pages::ReplyState& reply, int code) {
  auto view = call.context.reporter_followup->View(*session);
  if (!view.ok()) {
    if (view.status().code() == StatusCode::kUnauthenticated) return call.Page(response, 401, pages::MessagePage::kExpired);
    return call.Page(response, 500, pages::MessagePage::kFailure);
  }
  const std::string token = call.context.form_tokens->Issue(Purpose(*session));
  call.Html(response, code,
            call.pages().FollowupReport(call.language, ToPage(*view), reply, token, intake::kMaxBodyChars));
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
  const bool sent = request.query().get("sent").value_or("") == "1";
  OnWorkers(call, response, [call, session, sent](ResponseWriter& pending) {
    pages::ReplyState reply;
    if (sent) reply.notice = call.pages().Text(call.language, "followup.reply_sent");
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
  Post(router, "/followup/delete", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleDelete(context, request, response);
       }));
  Post(router, "/followup/signout", Guard([&context](const Request& request, ResponseWriter& response) {
         HandleSignOut(context, request, response);
       }));
}

}  // namespace pillarbox::http
