// ReporterSessions: reporters who came back with their receipt.
//
// Signing in with a receipt (intake/reporter_followup.h) unwraps the report's
// data key; the session holds that key in locked memory and is reached by a
// bearer token (the JSON API's Authorization header, or the reporter pages'
// HttpOnly cookie). Sessions are short (10 minutes idle, 30 minutes at most
// by default: a reporter on a shared device should not stay signed in), live
// in memory only and are never tied to an address or a device. Tokens are kept
// only as keyed digests (privacy/bearer_token_table.h). Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"
#include "privacy/bearer_token_table.h"
#include "privacy/bytes.h"

namespace pillarbox::intake {

// One signed-in reporter: which report, and its data key.
struct ReporterSession {
  std::string report_id;
  privacy::SecretKey data_key;
  int64_t created_at = 0;  // unix seconds
};

class ReporterSessions {
 public:
  struct Options {
    int64_t idle_timeout_seconds = 10 * 60;
    int64_t absolute_timeout_seconds = 30 * 60;
    size_t max_sessions = 20000;
  };

  ReporterSessions(const Clock& clock, Options options);

  // Starts a session for report `report_id` holding `data_key`; returns its
  // token (64 lowercase hex digits), to give the reporter once.
  // ResourceExhausted when max_sessions are open (after purging expired ones).
  Result<std::string> Create(std::string report_id, privacy::SecretKey data_key);

  // The live session of `token`, refreshing its idle timer. Unauthenticated
  // ("invalid or expired session") otherwise.
  Result<std::shared_ptr<const ReporterSession>> Authenticate(std::string_view token);

  // Ends the session of `token` (sign out). Unknown tokens are ignored.
  void Revoke(std::string_view token);
  // Ends every session of report `report_id` (it was deleted); returns how many.
  size_t RevokeReport(std::string_view report_id);
  // Removes expired sessions; returns how many.
  size_t PurgeExpired();
  // Open sessions, expired ones included until purged.
  size_t size() const;
  // How long a session lives at most, in seconds.
  int64_t absolute_timeout_seconds() const { return sessions_.options().absolute_timeout_seconds; }

 private:
  const Clock& clock_;
  privacy::BearerTokenTable<ReporterSession> sessions_;
};

}  // namespace pillarbox::intake
