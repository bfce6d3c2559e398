#include "app/user_command.h"

#include <iostream>

#include <nlohmann/json.hpp>

#include "accounts/account_admin.h"
#include "accounts/login_service.h"
#include "app/instance.h"
#include "app/storage_pipeline.h"
#include "audit/audit_recorder.h"
#include "common/clock.h"

namespace pillarbox::app {
namespace {

void PrintCredentials(const accounts::AccountCredentials& created, bool json) {
  if (json) {
    std::cout << nlohmann::json{{"id", created.user_id},           {"username", created.username},
                                {"role", created.role},             {"password", created.password},
                                {"totp_secret", created.totp_secret}, {"totp_uri", created.totp_uri},
                                {"recovery_code", created.recovery_code}}
                     .dump(2)
              << std::endl;
    return;
  }
  std::cout << "Created " << created.role << " " << created.username << " (shown only this once):\n"
            << "  password:      " << created.password << "\n"
            << "  TOTP URI:      " << created.totp_uri << "\n"
            << "  recovery code: " << created.recovery_code << std::endl;
}

Result<accounts::AccountCredentials> SignInAndCreate(const UserAddOptions& options, Instance& instance,
                                                     StoragePipeline& storage, const Clock& clock) {
  std::string password, totp;
  if (!std::getline(std::cin, password) || !std::getline(std::cin, totp)) {
    return Status::InvalidArgument("expected the admin's password and a TOTP code on standard input, one per line");
  }
  PB_ASSIGN_OR_RETURN(auto reader, store::Database::Open(instance.layout.database(), store::OpenMode::kReadWrite));
  accounts::SessionStore sessions(clock, {});
  accounts::LoginBackoff backoff(clock, {});
  accounts::LoginService login(std::move(reader), storage.writer(), sessions, backoff, clock, {});
  audit::AuditRecorder audit(storage.writer(), instance.keys->audit_key(), clock);
  auto signed_in = login.Login({options.admin, password, totp});
  if (!signed_in.ok()) {
    (void)audit.Record({"cli", "auth.login.failed", "user", "", ""});
    return signed_in.status();
  }
  PB_RETURN_IF_ERROR(audit.Record({signed_in->user_id, "auth.login.succeeded", "user", signed_in->user_id, "via=cli"}));
  PB_ASSIGN_OR_RETURN(auto session, sessions.Authenticate(signed_in->token));
  accounts::AccountAdmin admin(storage.writer(), instance.keys->audit_key(), clock, privacy::ModerateKdfParams());
  return admin.Create(*session, {options.username, options.role, options.desks, ""});
}

}  // namespace

int RunUserAdd(const UserAddOptions& options) {
  auto instance = OpenInstance(options.data_dir, options.secret_file);
  if (!instance.ok()) {
    std::cerr << "pillarbox user add: " << instance.status().message() << "\n";
    return 1;
  }
  auto storage = StoragePipeline::Start(std::move(instance->database), instance->layout.database(), {});
  if (!storage.ok()) {
    std::cerr << "pillarbox user add: " << storage.status().message() << "\n";
    return 1;
  }
  SystemClock clock;
  auto created = SignInAndCreate(options, *instance, **storage, clock);
  (*storage)->Drain();
  if (!created.ok()) {
    const Status& error = created.status();
    std::cerr << "pillarbox user add: " << error.message() << (error.field().empty() ? "" : " (" + error.field() + ")")
              << "\n";
    return 1;
  }
  PrintCredentials(*created, options.json_output);
  return 0;
}

}  // namespace pillarbox::app
