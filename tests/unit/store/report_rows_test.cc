#include "store/report_rows.h"

#include <gtest/gtest.h>

#include "store/transaction.h"
#include "store_test_util.h"
#include "support/sealed_report_fixture.h"
#include "support/temp_dir.h"

namespace pillarbox::store {
namespace {

using test::QueryInt;

class ReportRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = test::OpenMigratedDatabase(dir_.File("test.db"));
    ASSERT_NE(db_, nullptr);
    ASSERT_TRUE(InsertDesk(*db_, test::MakeDesk("test_desk", {"voice_cloning"})).ok());
  }
  int64_t CountFor(const char* sql, const std::string& report_id) {
    Result<Statement*> count = db_->Prepare(sql);
    EXPECT_TRUE(count.ok());
    if (!count.ok()) return -1;
    (*count)->BindText(1, report_id);
    Result<bool> row = (*count)->Step();
    const int64_t value = (row.ok() && *row) ? (*count)->ColumnInt64(0) : -1;
    (*count)->Reset();
    return value;
  }
  int64_t RowsOf(const std::string& report_id) {
    return CountFor(
        "SELECT (SELECT COUNT(*) FROM reports WHERE id = ?1) + "
        "(SELECT COUNT(*) FROM report_fields WHERE report_id = ?1) + "
        "(SELECT COUNT(*) FROM report_clear_answers WHERE report_id = ?1) + "
        "(SELECT COUNT(*) FROM report_blind_indexes WHERE report_id = ?1)",
        report_id);
  }

  pillarbox::testing::TempDir dir_;
  std::unique_ptr<Database> db_;
};

TEST_F(ReportRowsTest, ReportRowRoundTrips) {
  const intake::SealedReport report = pillarbox::testing::MakeSealedReport();
  ASSERT_TRUE(InsertSealedReport(*db_, report).ok());
  static constexpr char kSelectSql[] =
      "SELECT id, kind, desk_id, desk_key_version, received_day, region, sector, status, "
      "desk_sealed_data_key, reporter_wrapped_data_key, lookup_id FROM reports";
  Result<Statement*> select = db_->Prepare(kSelectSql);
  ASSERT_TRUE(select.ok());
  Result<bool> row = (*select)->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ((*select)->ColumnText(0), report.id);
  EXPECT_EQ((*select)->ColumnText(1), report.kind);
  EXPECT_EQ((*select)->ColumnText(2), report.desk_id);
  EXPECT_EQ((*select)->ColumnInt64(3), 1);
  EXPECT_EQ((*select)->ColumnText(4), report.received_day);
  EXPECT_EQ((*select)->ColumnText(5), report.region);
  EXPECT_EQ((*select)->ColumnText(6), report.sector);
  EXPECT_EQ((*select)->ColumnText(7), "new");
  EXPECT_EQ((*select)->ColumnBlob(8), report.desk_sealed_data_key);
  EXPECT_EQ((*select)->ColumnBlob(9), report.reporter_wrapped_data_key);
  EXPECT_EQ((*select)->ColumnBlob(10), report.lookup_id);
  row = (*select)->Step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);  // exactly one report
}

TEST_F(ReportRowsTest, ChildRowsRoundTrip) {
  const intake::SealedReport report = pillarbox::testing::MakeSealedReport();
  ASSERT_TRUE(InsertSealedReport(*db_, report).ok());

  Result<Statement*> fields =
      db_->Prepare("SELECT field, ciphertext FROM report_fields WHERE report_id = ? ORDER BY field");
  ASSERT_TRUE(fields.ok());
  (*fields)->BindText(1, report.id);
  std::vector<intake::SealedField> stored_fields;
  while (*(*fields)->Step()) stored_fields.push_back({(*fields)->ColumnText(0), (*fields)->ColumnBlob(1)});
  ASSERT_EQ(stored_fields.size(), 3u);
  EXPECT_EQ(stored_fields[0].field, "contact");  // ordered by field
  EXPECT_EQ(stored_fields[0].ciphertext, report.sealed_fields[2].ciphertext);
  EXPECT_EQ(stored_fields[1].ciphertext, report.sealed_fields[0].ciphertext);
  EXPECT_EQ(stored_fields[2].ciphertext, report.sealed_fields[1].ciphertext);

  Result<Statement*> answers =
      db_->Prepare("SELECT field, value FROM report_clear_answers WHERE report_id = ? ORDER BY field, value DESC");
  ASSERT_TRUE(answers.ok());
  (*answers)->BindText(1, report.id);
  std::vector<intake::ClearAnswer> stored_answers;
  while (*(*answers)->Step()) stored_answers.push_back({(*answers)->ColumnText(0), (*answers)->ColumnText(1)});
  EXPECT_EQ(stored_answers, report.clear_answers);

  Result<Statement*> digests = db_->Prepare("SELECT field, digest FROM report_blind_indexes WHERE report_id = ?");
  ASSERT_TRUE(digests.ok());
  (*digests)->BindText(1, report.id);
  ASSERT_TRUE(*(*digests)->Step());
  EXPECT_EQ((*digests)->ColumnText(0), "organization");
  EXPECT_EQ((*digests)->ColumnBlob(1), report.blind_indexes[0].digest);
  EXPECT_FALSE(*(*digests)->Step());
}

TEST_F(ReportRowsTest, DuplicateLookupIdIsConflictAndKeepsFirst) {
  const intake::SealedReport first = pillarbox::testing::MakeSealedReport();
  ASSERT_TRUE(InsertSealedReport(*db_, first).ok());
  intake::SealedReport second = pillarbox::testing::MakeSealedReport();
  second.lookup_id = first.lookup_id;
  const Status status = InsertSealedReport(*db_, second);
  EXPECT_EQ(status.code(), StatusCode::kConflict) << status.ToString();
  EXPECT_EQ(RowsOf(first.id), 1 + 3 + 2 + 1);
  EXPECT_EQ(RowsOf(second.id), 0);
  EXPECT_EQ(
      CountFor("SELECT COUNT(*) FROM reports WHERE lookup_id = (SELECT lookup_id FROM reports WHERE id = ?)", first.id),
      1);
}

TEST_F(ReportRowsTest, FailureInChildRowsStoresNothing) {
  intake::SealedReport report = pillarbox::testing::MakeSealedReport();
  report.blind_indexes[0].digest.resize(31);  // breaks CHECK (length(digest) = 32), after the other rows
  EXPECT_EQ(InsertSealedReport(*db_, report).code(), StatusCode::kConflict);
  EXPECT_EQ(RowsOf(report.id), 0);
  EXPECT_EQ(QueryInt(*db_, "SELECT COUNT(*) FROM report_fields"), 0);
}

TEST_F(ReportRowsTest, UnknownDeskIsConflict) {
  const intake::SealedReport report = pillarbox::testing::MakeSealedReport("no_such_desk");
  EXPECT_EQ(InsertSealedReport(*db_, report).code(), StatusCode::kConflict);
  EXPECT_EQ(RowsOf(report.id), 0);
}

TEST_F(ReportRowsTest, InsideTransactionFollowsIt) {
  const intake::SealedReport report = pillarbox::testing::MakeSealedReport();
  {
    Transaction transaction(*db_);
    ASSERT_TRUE(transaction.Begin().ok());
    ASSERT_TRUE(InsertSealedReport(*db_, report).ok());
  }  // rolled back
  EXPECT_EQ(RowsOf(report.id), 0);
  Transaction transaction(*db_);
  ASSERT_TRUE(transaction.Begin().ok());
  ASSERT_TRUE(InsertSealedReport(*db_, report).ok());
  ASSERT_TRUE(transaction.Commit().ok());
  EXPECT_EQ(RowsOf(report.id), 7);
}

}  // namespace
}  // namespace pillarbox::store
