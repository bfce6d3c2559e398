// Reads an instance's data folder the way an attacker holding a copy, or an
// auditor, would: raw file bytes, row counts, and (with the instance secret
// and a receipt) the report a receipt opens. For integration tests.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "common/status.h"

namespace pillarbox::testing {

// Rows in `table` of the database at `db_path` (opened read-only); `table` may
// be followed by a WHERE clause, e.g. "reports WHERE region = 'europe'".
int64_t CountRows(const std::string& db_path, const std::string& table);

// The bytes of the database file and of its -wal and -shm files, concatenated.
std::string ReadDatabaseFiles(const std::string& db_path);

// The plaintext answers (field to value) of the report `receipt` opens, using
// the instance secret in `data_dir`. NotFound when no report matches.
Result<std::map<std::string, std::string>> OpenReportWithReceipt(const std::string& data_dir,
                                                                 const std::string& receipt);

}  // namespace pillarbox::testing
