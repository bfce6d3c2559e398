// Reads an instance's data folder the way an attacker holding a copy, or an
// auditor, would: raw file bytes, row counts, and (with the instance secret
// and a receipt) the report a receipt opens. For integration tests.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "intake/report.h"
#include "store/database.h"

namespace pillarbox::testing {

// Rows in `table` of the database at `db_path` (opened read-only); `table` may
// be followed by a WHERE clause, e.g. "reports WHERE region = 'europe'".
int64_t CountRows(const std::string& db_path, const std::string& table);

// The bytes of the database file and of its -wal and -shm files, concatenated.
std::string ReadDatabaseFiles(const std::string& db_path);

// The sealed fields of report `report_id` in `db`, ordered by field name.
Result<std::vector<intake::SealedField>> ReadSealedFields(store::Database& db, const std::string& report_id);

// The plaintext answers (field to value) of the report `receipt` opens, using
// the instance secret in `data_dir`. NotFound when no report matches.
Result<std::map<std::string, std::string>> OpenReportWithReceipt(const std::string& data_dir,
                                                                 const std::string& receipt);

// OpenReportWithReceipt for many receipts: the instance secret is read and
// the database opened (read-only) once, which matters after a kill -9, when
// every new connection rebuilds the WAL index. Not thread-safe.
class ReceiptOpener {
 public:
  // Errors of reading the instance secret or opening the database.
  static Result<std::unique_ptr<ReceiptOpener>> Create(const std::string& data_dir);
  ~ReceiptOpener();

  // As OpenReportWithReceipt.
  Result<std::map<std::string, std::string>> Open(const std::string& receipt);

 private:
  struct State;
  explicit ReceiptOpener(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace pillarbox::testing
