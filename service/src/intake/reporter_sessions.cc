#include "intake/reporter_sessions.h"

namespace pillarbox::intake {

ReporterSessions::ReporterSessions(const Clock& clock, Options options)
    : clock_(clock), sessions_({options.idle_timeout_seconds, options.absolute_timeout_seconds, options.max_sessions}) {}

Result<std::string> ReporterSessions::Create(std::string report_id, privacy::SecretKey data_key) {
  const int64_t now = clock_.NowUnixSeconds();
  return sessions_.Insert(std::make_shared<ReporterSession>(ReporterSession{std::move(report_id), std::move(data_key), now}),
                          now);
}

Result<std::shared_ptr<const ReporterSession>> ReporterSessions::Authenticate(std::string_view token) {
  return sessions_.Find(token, clock_.NowUnixSeconds());
}

void ReporterSessions::Revoke(std::string_view token) { sessions_.Erase(token); }

size_t ReporterSessions::RevokeReport(std::string_view report_id) {
  return sessions_.EraseIf([&](const ReporterSession& session) { return session.report_id == report_id; });
}

size_t ReporterSessions::PurgeExpired() { return sessions_.PurgeExpired(clock_.NowUnixSeconds()); }

size_t ReporterSessions::size() const { return sessions_.size(); }

}  // namespace pillarbox::intake
