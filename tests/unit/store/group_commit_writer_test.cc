#include "store/group_commit_writer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <future>
#include <thread>
#include <vector>

#include "store/report_rows.h"
#include "store_test_util.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::CompletionLog;
using test::Gate;
using test::QueryInt;

// An operation that inserts `x` into items (created by the fixture).
GroupCommitWriter::WriteOp InsertItem(int64_t x) {
  return [x](Database& db) -> Status {
    static constexpr char kInsertItemSql[] = "INSERT INTO items (x) VALUES (?)";
    PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertItemSql));
    insert->BindInt64(1, x);
    return insert->Run();
  };
}

// An operation that announces it runs, then waits for `gate` (holding the writer).
GroupCommitWriter::WriteOp Blocker(Gate& started, Gate& gate) {
  return [&started, &gate](Database&) {
    started.Open();
    gate.Wait();
    return Status::Ok();
  };
}

class GroupCommitWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::unique_ptr<Database> db = test::OpenMigratedDatabase(path());
    ASSERT_NE(db, nullptr);
    ASSERT_TRUE(InsertDesk(*db, test::MakeDesk("test_desk", {"voice_cloning"})).ok());
    ASSERT_TRUE(db->Execute("CREATE TABLE items (x INTEGER NOT NULL UNIQUE) STRICT; "
                            "CREATE TABLE children (parent INTEGER NOT NULL "
                            "REFERENCES items (x) DEFERRABLE INITIALLY DEFERRED) STRICT;")
                    .ok());
    writer_db_ = std::move(db);
  }
  std::unique_ptr<GroupCommitWriter> StartWriter(GroupCommitWriter::Options options = {}) {
    return std::make_unique<GroupCommitWriter>(std::move(writer_db_), options);
  }
  // A second connection, as a reader would have.
  std::unique_ptr<Database> OpenReader() {
    Result<std::unique_ptr<Database>> db = Database::Open(path(), OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(db).value() : nullptr;
  }
  std::string path() const { return dir_.File("test.db"); }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<Database> writer_db_;
};

TEST_F(GroupCommitWriterTest, ConcurrentSubmissionsAreBatched) {
  constexpr int kThreads = 64;
  constexpr int kPerThread = 50;
  std::unique_ptr<GroupCommitWriter> writer = StartWriter();
  std::atomic<int> ok{0};
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {  // like a request: submit, then wait for the outcome
        std::promise<Status> outcome;
        const intake::SealedReport report = pillarbox::testing::MakeSealedReport();
        const Status submitted = writer->Submit([report](Database& db) { return InsertSealedReport(db, report); },
                                                [&outcome](Status status) { outcome.set_value(std::move(status)); });
        if (submitted.ok() && outcome.get_future().get().ok()) ++ok;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  writer->Stop();

  const GroupCommitWriter::Stats stats = writer->GetStats();
  EXPECT_EQ(ok.load(), kThreads * kPerThread);
  EXPECT_EQ(stats.committed_ops, static_cast<uint64_t>(kThreads * kPerThread));
  EXPECT_EQ(stats.failed_ops, 0u);
  EXPECT_LT(stats.transactions, stats.committed_ops);
  std::unique_ptr<Database> reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM reports"), kThreads * kPerThread);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM report_fields"), 3 * kThreads * kPerThread);
  std::printf("[ measured ] %d ops in %.3f s = %.0f ops/s; %llu transactions, %.1f ops per batch\n",
              kThreads * kPerThread, elapsed.count(), kThreads * kPerThread / elapsed.count(),
              static_cast<unsigned long long>(stats.transactions),
              static_cast<double>(stats.committed_ops) / static_cast<double>(stats.transactions));
}

TEST_F(GroupCommitWriterTest, FailingOpRollsBackAloneInItsBatch) {
  std::unique_ptr<GroupCommitWriter> writer = StartWriter();
  Gate started, gate;
  CompletionLog log(4);
  ASSERT_TRUE(writer->Submit(Blocker(started, gate), log.Completion(0)).ok());
  started.Wait();  // the next three are queued together behind the blocker
  ASSERT_TRUE(writer->Submit(InsertItem(1), log.Completion(1)).ok());
  auto half_done = [](Database& db) -> Status {
    PB_RETURN_IF_ERROR(InsertItem(2)(db));  // undone with the failure below
    return InsertItem(1)(db);               // duplicate: Conflict
  };
  ASSERT_TRUE(writer->Submit(half_done, log.Completion(2)).ok());
  ASSERT_TRUE(writer->Submit(InsertItem(3), log.Completion(3)).ok());
  EXPECT_EQ(writer->QueueDepth(), 3u);
  gate.Open();
  log.WaitForCalls(4);
  writer->Stop();

  EXPECT_TRUE(log.status(1).ok()) << log.status(1).ToString();
  EXPECT_EQ(log.status(2).code(), StatusCode::kConflict) << log.status(2).ToString();
  EXPECT_TRUE(log.status(3).ok()) << log.status(3).ToString();
  const GroupCommitWriter::Stats stats = writer->GetStats();
  EXPECT_EQ(stats.committed_ops, 3u);  // blocker, 1 and 3
  EXPECT_EQ(stats.failed_ops, 1u);
  EXPECT_EQ(stats.transactions, 2u);  // the blocker's batch, then the other three
  std::unique_ptr<Database> reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM items"), 2);
  EXPECT_EQ(QueryInt(*reader, "SELECT SUM(x) FROM items"), 4);
}

TEST_F(GroupCommitWriterTest, FailedCommitFailsWholeBatch) {
  std::unique_ptr<GroupCommitWriter> writer = StartWriter();
  Gate started, gate;
  CompletionLog log(5);
  ASSERT_TRUE(writer->Submit(Blocker(started, gate), log.Completion(0)).ok());
  started.Wait();
  ASSERT_TRUE(writer->Submit(InsertItem(1), log.Completion(1)).ok());
  auto orphan = [](Database& db) -> Status {  // breaks a deferred foreign key: only COMMIT fails
    static constexpr char kInsertOrphanSql[] = "INSERT INTO children (parent) VALUES (99)";
    PB_ASSIGN_OR_RETURN(Statement * insert, db.Prepare(kInsertOrphanSql));
    return insert->Run();
  };
  ASSERT_TRUE(writer->Submit(orphan, log.Completion(2)).ok());
  ASSERT_TRUE(writer->Submit(InsertItem(3), log.Completion(3)).ok());
  gate.Open();
  log.WaitForCalls(4);
  for (size_t i = 1; i <= 3; ++i) {
    EXPECT_EQ(log.status(i), Status::Unavailable("could not commit")) << i << ": " << log.status(i).ToString();
  }
  ASSERT_TRUE(writer->Submit(InsertItem(4), log.Completion(4)).ok());  // the writer goes on
  log.WaitForCalls(5);
  EXPECT_TRUE(log.status(4).ok()) << log.status(4).ToString();
  writer->Stop();
  const GroupCommitWriter::Stats stats = writer->GetStats();
  EXPECT_EQ(stats.committed_ops, 2u);  // blocker and 4
  EXPECT_EQ(stats.failed_ops, 3u);
  EXPECT_EQ(stats.transactions, 2u);
  std::unique_ptr<Database> reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM children"), 0);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM items"), 1);
  EXPECT_EQ(QueryInt(*reader, "SELECT x FROM items"), 4);
}

TEST_F(GroupCommitWriterTest, FullQueueIsResourceExhausted) {
  std::unique_ptr<GroupCommitWriter> writer = StartWriter({.queue_capacity = 2, .max_batch = 8});
  Gate started, gate;
  CompletionLog log(4);
  ASSERT_TRUE(writer->Submit(Blocker(started, gate), log.Completion(0)).ok());
  started.Wait();
  ASSERT_TRUE(writer->Submit(InsertItem(1), log.Completion(1)).ok());
  ASSERT_TRUE(writer->Submit(InsertItem(2), log.Completion(2)).ok());
  const Status refused = writer->Submit(InsertItem(3), log.Completion(3));
  EXPECT_EQ(refused.code(), StatusCode::kResourceExhausted) << refused.ToString();
  gate.Open();
  writer->Stop();
  EXPECT_EQ(log.calls(1), 1);
  EXPECT_EQ(log.calls(2), 1);
  EXPECT_EQ(log.calls(3), 0);  // a refused op never completes
  std::unique_ptr<Database> reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM items WHERE x = 3"), 0);
}

TEST_F(GroupCommitWriterTest, SubmitAfterStopIsUnavailable) {
  std::unique_ptr<GroupCommitWriter> writer = StartWriter();
  writer->Stop();
  writer->Stop();  // idempotent
  bool called = false;
  const Status status = writer->Submit(InsertItem(1), [&called](const Status&) { called = true; });
  EXPECT_EQ(status.code(), StatusCode::kUnavailable);
  EXPECT_FALSE(called);
}

TEST_F(GroupCommitWriterTest, StopDrainsQueuedOps) {
  constexpr size_t kQueued = 20;
  std::unique_ptr<GroupCommitWriter> writer = StartWriter({.queue_capacity = 64, .max_batch = 4});
  Gate started, gate;
  CompletionLog log(kQueued + 1);
  ASSERT_TRUE(writer->Submit(Blocker(started, gate), log.Completion(kQueued)).ok());
  started.Wait();
  for (size_t i = 0; i < kQueued; ++i) {
    ASSERT_TRUE(writer->Submit(InsertItem(static_cast<int64_t>(i)), log.Completion(i)).ok());
  }
  std::thread stopper([&] { writer->Stop(); });
  const GroupCommitWriter::WriteOp nothing = [](Database&) { return Status::Ok(); };
  while (writer->Submit(nothing, nullptr).code() != StatusCode::kUnavailable) {  // until Stop() has begun
    std::this_thread::yield();
  }
  gate.Open();
  stopper.join();
  for (size_t i = 0; i <= kQueued; ++i) {
    EXPECT_EQ(log.calls(i), 1) << i;
    EXPECT_TRUE(log.status(i).ok()) << i << ": " << log.status(i).ToString();
  }
  EXPECT_GE(writer->GetStats().transactions, 1u + kQueued / 4);  // max_batch respected
  std::unique_ptr<Database> reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM items"), static_cast<int64_t>(kQueued));
}

TEST_F(GroupCommitWriterTest, DestructorDrainsToo) {
  CompletionLog log(10);
  {
    std::unique_ptr<GroupCommitWriter> writer = StartWriter();
    for (size_t i = 0; i < 10; ++i) {
      ASSERT_TRUE(writer->Submit(InsertItem(static_cast<int64_t>(i)), log.Completion(i)).ok());
    }
  }
  for (size_t i = 0; i < 10; ++i) EXPECT_TRUE(log.status(i).ok() && log.calls(i) == 1) << i;
  std::unique_ptr<Database> reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(QueryInt(*reader, "SELECT COUNT(*) FROM items"), 10);
}

}  // namespace
}  // namespace pillarbox::store

namespace pillarbox::store {
namespace {

TEST_F(GroupCommitWriterTest, SubmitAndWaitReturnsOnlyAfterTheCommit) {
  auto writer = StartWriter();
  ASSERT_TRUE(writer->SubmitAndWait([](Database& db) { return db.Execute("INSERT INTO items (x) VALUES (7)"); }).ok());
  auto reader = OpenReader();
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(test::QueryInt(*reader, "SELECT count(*) FROM items WHERE x = 7"), 1) << "visible once the call returns";
  const Status duplicate =
      writer->SubmitAndWait([](Database& db) { return db.Execute("INSERT INTO items (x) VALUES (7)"); });
  EXPECT_FALSE(duplicate.ok()) << "the operation's own failure comes back";
  writer->Stop();
  EXPECT_EQ(writer->SubmitAndWait([](Database&) { return Status::Ok(); }).code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace pillarbox::store
