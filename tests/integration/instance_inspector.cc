#include "instance_inspector.h"

#include "intake/report_opener.h"
#include "privacy/init.h"
#include "privacy/instance_secret.h"
#include "privacy/receipt.h"
#include "store/database.h"
#include "support/temp_dir.h"

namespace pillarbox::testing {
namespace {

constexpr char kFindByLookupSql[] = "SELECT id, reporter_wrapped_data_key FROM reports WHERE lookup_id = ?";
constexpr char kFieldsSql[] = "SELECT field, ciphertext FROM report_fields WHERE report_id = ? ORDER BY field";

}  // namespace

Result<std::vector<intake::SealedField>> ReadSealedFields(store::Database& db, const std::string& report_id) {
  PB_ASSIGN_OR_RETURN(store::Statement * fields, db.Prepare(kFieldsSql));
  fields->BindText(1, report_id);
  std::vector<intake::SealedField> sealed;
  while (true) {
    PB_ASSIGN_OR_RETURN(bool row, fields->Step());
    if (!row) break;
    sealed.push_back({fields->ColumnText(0), fields->ColumnBlob(1)});
  }
  return sealed;
}


int64_t CountRows(const std::string& db_path, const std::string& table) {
  auto db = store::Database::Open(db_path, store::OpenMode::kReadOnly);
  if (!db.ok()) return -1;
  const std::string sql = "SELECT count(*) FROM " + table;
  auto statement = (*db)->Prepare(sql.c_str());
  if (!statement.ok() || !(*statement)->Step().ok()) return -1;
  return (*statement)->ColumnInt64(0);
}

std::string ReadDatabaseFiles(const std::string& db_path) {
  return ReadFileBytes(db_path) + ReadFileBytes(db_path + "-wal") + ReadFileBytes(db_path + "-shm");
}

struct ReceiptOpener::State {
  privacy::InstanceKeys keys;
  std::unique_ptr<store::Database> db;
};

Result<std::unique_ptr<ReceiptOpener>> ReceiptOpener::Create(const std::string& data_dir) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(auto keys, privacy::InstanceKeys::LoadFile(data_dir + "/instance.key"));
  PB_ASSIGN_OR_RETURN(auto db, store::Database::Open(data_dir + "/pillarbox.db", store::OpenMode::kReadOnly));
  return std::unique_ptr<ReceiptOpener>(new ReceiptOpener(std::make_unique<State>(State{std::move(keys), std::move(db)})));
}

ReceiptOpener::ReceiptOpener(std::unique_ptr<State> state) : state_(std::move(state)) {}
ReceiptOpener::~ReceiptOpener() = default;

Result<std::map<std::string, std::string>> ReceiptOpener::Open(const std::string& receipt_text) {
  const privacy::SecretKey& pepper = state_->keys.receipt_pepper();
  PB_ASSIGN_OR_RETURN(auto receipt, privacy::Receipt::Parse(receipt_text));
  PB_ASSIGN_OR_RETURN(store::Statement * find, state_->db->Prepare(kFindByLookupSql));
  find->BindBlob(1, privacy::ReceiptLookupId(pepper, receipt));
  PB_ASSIGN_OR_RETURN(bool found, find->Step());
  if (!found) return Status::NotFound("no report for this receipt");
  const std::string report_id = find->ColumnText(0);
  PB_ASSIGN_OR_RETURN(auto data_key, intake::UnwrapReporterDataKey(find->ColumnBlob(1), report_id, receipt, pepper));
  PB_ASSIGN_OR_RETURN(auto sealed, ReadSealedFields(*state_->db, report_id));
  PB_ASSIGN_OR_RETURN(auto answers, intake::OpenSealedFields(sealed, report_id, data_key));
  std::map<std::string, std::string> by_field;
  for (auto& answer : answers) by_field[answer.field] = std::move(answer.value);
  return by_field;
}

Result<std::map<std::string, std::string>> OpenReportWithReceipt(const std::string& data_dir,
                                                                 const std::string& receipt) {
  PB_ASSIGN_OR_RETURN(auto opener, ReceiptOpener::Create(data_dir));
  return opener->Open(receipt);
}

}  // namespace pillarbox::testing
