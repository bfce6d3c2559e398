#include "app/cli.h"

#include <sys/stat.h>

#include <iostream>

#include <CLI/CLI.hpp>

#include "app/audit_command.h"
#include "app/backup_command.h"
#include "app/bundle_command.h"
#include "app/init_command.h"
#include "app/instance_command.h"
#include "app/master_rotation_command.h"
#include "app/purge_command.h"
#include "app/serve_command.h"
#include "app/user_command.h"
#include "common/logging.h"

namespace pillarbox::app {
namespace {

constexpr char kVersion[] = "0.1.0";

// Adds --secret-file to `command`: the instance secret's path when it is not
// <data>/instance.key (e.g. /etc/pillarbox/instance.key, docs/OPERATIONS.md).
void AddSecretFileOption(CLI::App* command, std::string& secret_file) {
  command->add_option("--secret-file", secret_file,
                      "The instance secret, when not <data>/instance.key (e.g. a systemd credential: %d/instance.key)");
}

void AddInit(CLI::App& cli, InitOptions& options, int& exit_code) {
  CLI::App* init = cli.add_subcommand("init", "Create a new instance in a data folder");
  init->add_option("--data", options.data_dir, "Data folder (created with mode 0700)")->required();
  init->add_option("--admin", options.admin_username, "Username of the first admin")->capture_default_str();
  init->add_flag("--json", options.json_output, "Print the admin's credentials as JSON");
  init->add_flag("--demo", options.demo, "Also load demo actions and generated demo reports (marked demo)");
  init->callback([&options, &exit_code] { exit_code = RunInit(options); });
}

void AddServe(CLI::App& cli, ServeOptions& options, std::string& listen, int& exit_code) {
  CLI::App* serve = cli.add_subcommand("serve", "Serve an initialized instance");
  serve->add_option("--data", options.data_dir, "Data folder made by `pillarbox init`")->required();
  AddSecretFileOption(serve, options.secret_file);
  serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
  serve->add_option("--threads", options.http_threads, "HTTP I/O threads")->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve->add_option("--queue-capacity", options.queue_capacity, "Pending submissions before answering 503")
      ->check(CLI::Range(1, 1000000))->capture_default_str();
  serve->add_option("--max-batch", options.max_batch, "Submissions per commit at most")
      ->check(CLI::Range(1, 10000))->capture_default_str();
  serve->add_option("--submissions-per-minute", options.submissions_per_minute,
                    "Reports accepted per minute, all clients together (0: no quota)")
      ->check(CLI::Range(int64_t{0}, int64_t{1000000}))->capture_default_str();
  serve->add_option("--submission-burst", options.submission_burst,
                    "Reports accepted at once after a quiet spell")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}))->capture_default_str();
  serve->add_option("--pow-bits", options.pow_bits,
                    "Proof-of-work difficulty (leading zero bits) for API submissions and sign-ins (0: off)")
      ->check(CLI::Range(0, 32))->capture_default_str();
  serve->add_option("--log-level", options.log_level, "debug, info, warn or error")->capture_default_str();
  serve->add_option("--log-format", options.log_format, "text, or json: one JSON object per line")
      ->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  serve->add_option("--max-file-mib", options.max_file_mib, "Largest evidence file, in MiB")
      ->check(CLI::Range(1, 100))->capture_default_str();
  serve->add_option("--max-files-per-report", options.max_files_per_report, "Evidence files of one report at most")
      ->check(CLI::Range(1, 1000))->capture_default_str();
  serve->add_option("--max-staged-mib", options.max_staged_mib,
                    "Evidence uploads in progress, all reporters together, in MiB (held in memory)")
      ->check(CLI::Range(1, 65536))->capture_default_str();
  serve->add_option("--key-reseal-batch", options.key_reseal_batch,
                    "Desk key rotation: records re-sealed per commit (smaller holds the writer for less time)")
      ->check(CLI::Range(1, 10000))->capture_default_str();
  serve->add_option("--session-idle-minutes", options.session_idle_minutes,
                    "Staff sessions end after this many minutes without a request (the web app warns first)")
      ->check(CLI::Range(1, 120))->capture_default_str();
  serve->add_option("--form-min-seconds", options.form_min_seconds,
                    "Reporter pages: seconds a form must be open before it is accepted")
      ->check(CLI::Range(0, 600))->capture_default_str();
  serve->add_option("--stats-threshold", options.stats_threshold,
                    "Statistics: counts under this k are suppressed (at least 5)")
      ->check(CLI::Range(int64_t{5}, int64_t{1000000}))->capture_default_str();
  serve->add_option("--researcher-epsilon-budget", options.researcher_epsilon_budget,
                    "Statistics: each researcher's differential-privacy budget (a decimal epsilon)")
      ->capture_default_str();
  serve->callback([&options, &listen, &exit_code] {
    auto address = ParseListenAddress(listen);
    if (!address.ok()) {
      std::cerr << "pillarbox serve: --listen: " << address.status().message() << "\n";
      exit_code = 2;
      return;
    }
    options.listen = *address;
    exit_code = RunServe(options);
  });
}

void AddUser(CLI::App& cli, UserAddOptions& options, int& exit_code) {
  CLI::App* user = cli.add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  CLI::App* add = user->add_subcommand(
      "add", "Create an account; reads the signing-in admin's password and TOTP code from stdin, one per line");
  add->add_option("--data", options.data_dir, "Data folder of the instance")->required();
  AddSecretFileOption(add, options.secret_file);
  add->add_option("--as", options.admin, "Username of the admin who signs in")->required();
  add->add_option("--username", options.username, "The new account's username")->required();
  add->add_option("--role", options.role, "admin, reviewer, partner or researcher")->required();
  add->add_option("--desk", options.desks, "A desk the account joins (repeatable)");
  add->add_flag("--json", options.json_output, "Print the new credentials as JSON");
  add->callback([&options, &exit_code] { exit_code = RunUserAdd(options); });
}

void AddAudit(CLI::App& cli, AuditVerifyOptions& options, int& exit_code) {
  CLI::App* audit = cli.add_subcommand("audit", "Work with the audit log");
  audit->require_subcommand(1);
  CLI::App* verify = audit->add_subcommand("verify", "Check that no audit entry was edited, deleted or reordered");
  verify->add_option("--data", options.data_dir, "Data folder made by `pillarbox init`")->required();
  AddSecretFileOption(verify, options.secret_file);
  verify->add_flag("--json", options.json_output, "Print the result as JSON");
  verify->callback([&options, &exit_code] { exit_code = RunAuditVerify(options); });
}

// Options of the offline bundle tools and `instance signing-key`.
struct BundleToolOptions {
  BundleKeygenOptions keygen;
  BundleVerifyOptions verify;
  BundleOpenOptions open;
  InstanceSigningKeyOptions signing_key;
};

void AddBundle(CLI::App& cli, BundleToolOptions& options, int& exit_code) {
  CLI::App* bundle = cli.add_subcommand("bundle", "A partner organization's offline tools for evidence bundles");
  bundle->require_subcommand(1);
  CLI::App* keygen = bundle->add_subcommand("keygen", "Create the organization's key file; prints the public key");
  keygen->add_option("--out", options.keygen.out, "Key file to create (mode 0600, never overwritten)")->required();
  keygen->callback([&options, &exit_code] { exit_code = RunBundleKeygen(options.keygen); });
  CLI::App* verify =
      bundle->add_subcommand("verify", "Check a bundle's signature and every entry; names what is altered");
  verify->add_option("file", options.verify.file, "Bundle file")->required();
  verify->add_option("--key", options.verify.key, "The organization's key file")->required();
  verify->add_option("--signer", options.verify.signer, "The instance's signing public key to pin (64 hex digits)");
  verify->add_flag("--json", options.verify.json_output, "Print the result as JSON");
  verify->callback([&options, &exit_code] { exit_code = RunBundleVerify(options.verify); });
  CLI::App* open = bundle->add_subcommand("open", "Verify a bundle, then write its entries under a folder");
  open->add_option("file", options.open.file, "Bundle file")->required();
  open->add_option("--key", options.open.key, "The organization's key file")->required();
  open->add_option("--signer", options.open.signer, "The instance's signing public key to pin (64 hex digits)");
  open->add_option("--out", options.open.out, "Folder to write the entries under")->required();
  open->callback([&options, &exit_code] { exit_code = RunBundleOpen(options.open); });
}

void AddInstance(CLI::App& cli, InstanceSigningKeyOptions& options, RotateMasterOptions& rotate, int& exit_code) {
  CLI::App* instance = cli.add_subcommand("instance", "Facts about an instance, and its master key");
  instance->require_subcommand(1);
  CLI::App* signing_key = instance->add_subcommand("signing-key", "Print the instance's signing public key (hex)");
  signing_key->add_option("--data", options.data_dir, "Data folder made by `pillarbox init`")->required();
  AddSecretFileOption(signing_key, options.secret_file);
  signing_key->callback([&options, &exit_code] { exit_code = RunInstanceSigningKey(options); });
  CLI::App* rotate_master = instance->add_subcommand(
      "rotate-master", "Replace the instance master key (serve must be stopped); run again to resume");
  rotate_master->add_option("--data", rotate.data_dir, "Data folder made by `pillarbox init`")->required();
  AddSecretFileOption(rotate_master, rotate.secret_file);
  rotate_master->add_option("--user", rotate.username, "An admin who holds every desk key in use")->required();
  rotate_master->add_option("--password-file", rotate.password_file, "File whose first line is that admin's password")
      ->required();
  rotate_master->add_option("--batch-size", rotate.batch_size, "Reports re-indexed per transaction")
      ->check(CLI::Range(1, 100000))->capture_default_str();
  rotate_master->callback([&rotate, &exit_code] { exit_code = RunRotateMaster(rotate); });
}

void AddPurge(CLI::App& cli, PurgeOptions& options, int& exit_code) {
  CLI::App* purge = cli.add_subcommand("purge", "Run the retention purge now and print what it removed");
  purge->add_option("--data", options.data_dir, "Data folder made by `pillarbox init`")->required();
  AddSecretFileOption(purge, options.secret_file);
  purge->add_flag("--json", options.json_output, "Print the counts as JSON");
  purge->callback([&options, &exit_code] { exit_code = RunPurge(options); });
}

// Options of `backup`, `backup verify` and `restore`.
struct BackupToolOptions {
  BackupOptions backup;
  BackupVerifyOptions verify;
  RestoreOptions restore;
};

void AddPassphraseFileOption(CLI::App* command, std::string& passphrase_file) {
  command->add_option("--passphrase-file", passphrase_file,
                      "A file (mode 0600) holding a passphrase that protects the backup instead of the instance key");
}

void AddBackupVerify(CLI::App* backup, BackupVerifyOptions& options, int& exit_code) {
  CLI::App* verify = backup->add_subcommand(
      "verify", "Check a backup: signature, every chunk, and the integrity of the database inside");
  verify->add_option("--in", options.in, "The backup file")->required();
  verify->add_option("--data", options.data_dir, "Data folder of the instance (its instance.key; scratch space)");
  AddSecretFileOption(verify, options.secret_file);
  AddPassphraseFileOption(verify, options.passphrase_file);
  verify->callback([&options, &exit_code] { exit_code = RunBackupVerify(options); });
}

void AddBackup(CLI::App& cli, BackupToolOptions& options, int& exit_code) {
  CLI::App* backup = cli.add_subcommand(
      "backup", "Write an encrypted, signed online backup of the database (or `backup verify` one)");
  backup->add_option("--data", options.backup.data_dir, "Data folder of the running or stopped instance");
  AddSecretFileOption(backup, options.backup.secret_file);
  backup->add_option("--out", options.backup.out, "The backup file to write (replaced atomically)");
  AddPassphraseFileOption(backup, options.backup.passphrase_file);
  AddBackupVerify(backup, options.verify, exit_code);
  backup->callback([backup, &options, &exit_code] {
    if (backup->get_subcommands().size() > 0) return;  // `backup verify` ran
    if (options.backup.data_dir.empty() || options.backup.out.empty()) {
      std::cerr << "pillarbox backup: --data and --out are required\n";
      exit_code = 2;
      return;
    }
    exit_code = RunBackup(options.backup);
  });
  CLI::App* restore = cli.add_subcommand("restore", "Restore a backup into a new, empty data folder");
  restore->add_option("--in", options.restore.in, "The backup file")->required();
  restore->add_option("--data", options.restore.data_dir, "The new data folder (created with mode 0700)")->required();
  AddSecretFileOption(restore, options.restore.secret_file);
  AddPassphraseFileOption(restore, options.restore.passphrase_file);
  restore->callback([&options, &exit_code] { exit_code = RunRestore(options.restore); });
}

}  // namespace

int RunCli(int argc, char** argv) {
  umask(077);  // Every file an instance writes is for its owner only.
  // Log lines go to stderr from the start, so no command's output (e.g. the
  // JSON of `user add --json`) can ever carry one; serve sets its own level.
  ConfigureLogging("warn");
  CLI::App cli("Pillarbox: anonymous, encrypted reports of harm from AI systems", "pillarbox");
  cli.require_subcommand(1);
  int exit_code = 0;
  InitOptions init_options;
  ServeOptions serve_options;
  AuditVerifyOptions audit_options;
  std::string listen = "127.0.0.1:8080";
  AddInit(cli, init_options, exit_code);
  AddServe(cli, serve_options, listen, exit_code);
  AddAudit(cli, audit_options, exit_code);
  UserAddOptions user_options;
  AddUser(cli, user_options, exit_code);
  BundleToolOptions bundle_options;
  AddBundle(cli, bundle_options, exit_code);
  RotateMasterOptions rotate_options;
  AddInstance(cli, bundle_options.signing_key, rotate_options, exit_code);
  PurgeOptions purge_options;
  AddPurge(cli, purge_options, exit_code);
  BackupToolOptions backup_options;
  AddBackup(cli, backup_options, exit_code);
  cli.add_subcommand("version", "Print the version")->callback([] { std::cout << "pillarbox " << kVersion << "\n"; });
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return cli.exit(error) == 0 ? 0 : 2;
  }
  return exit_code;
}

}  // namespace pillarbox::app
