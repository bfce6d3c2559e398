// Helpers shared by the store unit tests: a migrated database, a desk to
// attach reports to, single-value queries, and small synchronization tools for
// the writer tests. Header-only (only *_test.cc files are compiled here).
#pragma once

#include <gtest/gtest.h>

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/embedded_file.h"
#include "common/status.h"
#include "store/database.h"
#include "store/desk_repository.h"
#include "store/group_commit_writer.h"
#include "store/migrations.h"
#include "store/reader_pool.h"
#include "support/temp_dir.h"

namespace pillarbox::store::test {

// Opens (creating) `path` and applies the embedded migrations; nullptr (and a
// test failure) when either fails.
inline std::unique_ptr<Database> OpenMigratedDatabase(const std::string& path) {
  Result<std::unique_ptr<Database>> db = Database::Open(path, OpenMode::kReadWriteCreate);
  if (!db.ok()) {
    ADD_FAILURE() << db.status().ToString();
    return nullptr;
  }
  const Status migrated = ApplyMigrations(**db, EmbeddedMigrations());
  if (!migrated.ok()) {
    ADD_FAILURE() << migrated.ToString();
    return nullptr;
  }
  return std::move(db).value();
}

// What a service test runs on: the group-commit writer, a pool of two reader
// connections, and one more connection to set up and check stored rows.
struct StoreConnections {
  std::unique_ptr<GroupCommitWriter> writer;
  std::unique_ptr<ReaderPool> readers;
  std::unique_ptr<Database> check;
};

// Opens the StoreConnections of the (migrated) database at `path`; a test
// failure and null members when one fails to open.
inline StoreConnections OpenStoreConnections(const std::string& path) {
  StoreConnections connections;
  auto writer_db = Database::Open(path, OpenMode::kReadWrite);
  auto readers = ReaderPool::Open(path, 2);
  auto check = Database::Open(path, OpenMode::kReadWrite);
  if (!writer_db.ok() || !readers.ok() || !check.ok()) {
    ADD_FAILURE() << "cannot open the connections of " << path;
    return connections;
  }
  connections.writer = std::make_unique<GroupCommitWriter>(std::move(writer_db).value(), GroupCommitWriter::Options{});
  connections.readers = std::move(readers).value();
  connections.check = std::move(check).value();
  return connections;
}

// A desk whose public key bytes are `seed`, seed+1, ...
inline DeskRecord MakeDesk(const std::string& id, std::vector<std::string> kinds, uint8_t seed = 1) {
  DeskRecord desk{id, "Desk " + id, 1, {}, std::move(kinds)};
  for (uint8_t& b : desk.public_key.bytes) b = seed++;
  return desk;
}

// The integer in the first column of the first row of `sql`; -1 (and a test
// failure) when the query fails or returns no row. `sql` must be a literal.
inline int64_t QueryInt(Database& db, const char* sql) {
  Result<Statement*> statement = db.Prepare(sql);
  if (!statement.ok()) {
    ADD_FAILURE() << statement.status().ToString();
    return -1;
  }
  Result<bool> row = (*statement)->Step();
  const int64_t value = (row.ok() && *row) ? (*statement)->ColumnInt64(0) : -1;
  (*statement)->Reset();
  if (value == -1) ADD_FAILURE() << "no row for: " << sql;
  return value;
}

// The text in the first column of the first row of `sql` ("" when none).
inline std::string QueryText(Database& db, const char* sql) {
  Result<Statement*> statement = db.Prepare(sql);
  if (!statement.ok()) return "";
  Result<bool> row = (*statement)->Step();
  std::string value = (row.ok() && *row) ? (*statement)->ColumnText(0) : std::string();
  (*statement)->Reset();
  return value;
}

// A one-shot gate: Wait() blocks until Open().
class Gate {
 public:
  void Open() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      open_ = true;
    }
    cv_.notify_all();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [this] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

// Collects the statuses given to completions, keyed by the caller's index.
class CompletionLog {
 public:
  explicit CompletionLog(size_t size) : statuses_(size), called_(size, 0) {}
  // A completion that records its status under `index`.
  std::function<void(Status)> Completion(size_t index) {
    return [this, index](Status status) {
      std::lock_guard<std::mutex> lock(mutex_);
      statuses_[index] = std::move(status);
      ++called_[index];
      ++total_;
      cv_.notify_all();
    };
  }
  // Blocks until `count` completions in all have been called.
  void WaitForCalls(size_t count) {
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait(lock, [&] { return total_ >= count; });
  }
  Status status(size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    return statuses_[index];
  }
  int calls(size_t index) {
    std::lock_guard<std::mutex> lock(mutex_);
    return called_[index];
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<Status> statuses_;
  std::vector<int> called_;
  size_t total_ = 0;
};

// A fixture holding a freshly migrated database in a temporary folder.
class MigratedDatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = OpenMigratedDatabase(dir_.File("test.db"));
    ASSERT_NE(db_, nullptr);
  }
  pillarbox::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

}  // namespace pillarbox::store::test
