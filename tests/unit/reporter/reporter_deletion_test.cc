#include <gtest/gtest.h>

#include <deque>
#include <string>
#include <vector>

#include "reporter_fixture.h"

namespace pillarbox::reporter {
namespace {

class ReporterDeletionTest : public test::ReporterTest {
 protected:
  // Runs `sql` with `report_id` bound to every ?1 (fails the test otherwise).
  void Exec(const char* sql, const std::string& report_id) {
    auto statement = check_->Prepare(sql);
    ASSERT_TRUE(statement.ok()) << statement.status().ToString();
    (*statement)->BindText(1, report_id);
    ASSERT_TRUE((*statement)->Run().ok()) << sql;
  }

  // Hangs a row off `report_id` in every table that refers to reports:
  // a note, a tag, a pillar, a case link, an evidence file with a chunk (the
  // fields, clear answers, blind indexes and messages come with the report).
  void DecorateReport(const std::string& report_id, const std::string& reviewer, const std::string& tag) {
    Exec("INSERT INTO report_notes (id, report_id, author_id, created_at, desk_key_version, desk_sealed_data_key, "
         "ciphertext) VALUES (lower(hex(randomblob(16))), ?1, (SELECT id FROM users LIMIT 1), 1, 1, x'01', x'02')",
         report_id);
    Exec("INSERT INTO report_tags (tag_id, received_day, report_id) VALUES ((SELECT id FROM tags), '2024-06-01', ?1)",
         report_id);
    Exec("INSERT INTO report_pillars (pillar, received_day, report_id) VALUES ('labor', '2024-06-01', ?1)", report_id);
    Exec("INSERT INTO case_reports (case_id, report_id, added_day) VALUES ((SELECT id FROM cases), ?1, '2024-06-02')",
         report_id);
    Exec("INSERT INTO evidence_files (id, report_id, created_day, sealed_key, sealed_meta, stream_header, chunk_count) "
         "VALUES (substr(?1, 1, 31) || 'f', ?1, '2024-06-03', x'01', x'02', zeroblob(24), 1)",
         report_id);
    Exec("INSERT INTO evidence_chunks (file_id, seq, ciphertext) VALUES (substr(?1, 1, 31) || 'f', 0, x'0304')",
         report_id);
    ReviewerSays(report_id, reviewer, "A question for " + tag);
  }

  // Rows that name `report_id` in each table with a report_id column, plus
  // the evidence chunks of its files; "" when there is none.
  std::string RowsOf(const std::string& report_id) {
    static constexpr char kTablesSql[] =
        "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p "
        "WHERE m.type = 'table' AND p.name = 'report_id' ORDER BY m.name";
    std::vector<std::string> tables;
    auto list = check_->Prepare(kTablesSql);
    EXPECT_TRUE(list.ok());
    while (*(*list)->Step()) tables.push_back((*list)->ColumnText(0));
    (*list)->Reset();
    EXPECT_GE(tables.size(), 9u);  // fields, clear answers, blind indexes, tags, pillars, notes, messages, cases, files
    std::string found;
    for (const std::string& table : tables) found += CountIn("SELECT count(*) FROM " + table + " WHERE report_id = ?1", table, report_id);
    found += CountIn("SELECT count(*) FROM evidence_chunks WHERE file_id = substr(?1, 1, 31) || 'f'", "evidence_chunks",
                     report_id);
    found += CountIn("SELECT count(*) FROM reports WHERE id = ?1", "reports", report_id);
    return found;
  }

  std::string CountIn(std::string sql, const std::string& table, const std::string& report_id) {
    const char* text = sql_.emplace_back(std::move(sql)).c_str();  // Prepare caches by pointer
    auto statement = check_->Prepare(text);
    EXPECT_TRUE(statement.ok());
    (*statement)->BindText(1, report_id);
    EXPECT_TRUE(*(*statement)->Step());
    const int64_t count = (*statement)->ColumnInt64(0);
    (*statement)->Reset();
    return count == 0 ? "" : table + "=" + std::to_string(count) + " ";
  }

  std::deque<std::string> sql_;
};

TEST_F(ReporterDeletionTest, DeletionRemovesEveryRowOfTheReportAndNothingElse) {
  const auto doomed = AddReport();
  const auto other = AddReport();
  const std::string reviewer = AddReviewer("rev-a");
  ASSERT_TRUE(check_->Execute("INSERT INTO tags (id, name) VALUES ('0123456789abcdef0123456789abcdef', 'wages')").ok());
  ASSERT_TRUE(check_->Execute("INSERT INTO cases (id, desk_id, desk_key_version, desk_sealed_data_key, created_day) "
                              "VALUES ('fedcba9876543210fedcba9876543210', 'voice', 1, x'01', '2024-06-02')")
                  .ok());
  DecorateReport(doomed.id, reviewer, "doomed");
  DecorateReport(other.id, reviewer, "other");
  auto session = SignInWith(doomed.receipt);
  ASSERT_NE(session, nullptr);
  ASSERT_TRUE(followup_->Reply(*session, "my answer").ok());
  auto second_device = SignInWith(doomed.receipt);
  ASSERT_NE(second_device, nullptr);
  const std::string before = RowsOf(doomed.id);
  ASSERT_NE(before.find("report_notes=1"), std::string::npos) << before;
  ASSERT_NE(before.find("evidence_chunks=1"), std::string::npos) << before;
  ASSERT_NE(before.find("report_messages=2"), std::string::npos) << before;
  const std::string other_before = RowsOf(other.id);

  ASSERT_TRUE(followup_->RequestDeletion(*session).ok());

  EXPECT_EQ(RowsOf(doomed.id), "") << "rows of the deleted report remain";
  EXPECT_EQ(RowsOf(other.id), other_before) << "another report lost rows";
  EXPECT_EQ(Count("SELECT count(*) FROM cases"), 1);  // the case stays, without the report
  EXPECT_EQ(Count("SELECT count(*) FROM audit_deferred WHERE actor = 'reporter' AND action = 'report.deleted' "
                  "AND detail = 'by=reporter'"),
            1);
  EXPECT_EQ(sessions_.size(), 0u) << "every session of the deleted report ends";
  const Status again = followup_->SignIn(doomed.receipt.Display()).status();
  EXPECT_EQ(again.ToString(), followup_->SignIn(privacy::Receipt::Generate().Display()).status().ToString());
  EXPECT_TRUE(followup_->SignIn(other.receipt.Display()).ok());
}

TEST_F(ReporterDeletionTest, NothingOfTheDeletedReportRemainsInTheDatabaseFile) {
  const auto doomed = AddReport();
  auto session = SignInWith(doomed.receipt);
  ASSERT_NE(session, nullptr);
  ASSERT_TRUE(followup_->Reply(*session, "SHRED-CANARY-d1e2 in a reply").ok());
  ASSERT_TRUE(followup_->RequestDeletion(*session).ok());
  writer_->Stop();
  readers_.reset();
  ASSERT_TRUE(check_->Checkpoint(store::CheckpointMode::kTruncate).ok());
  // secure_delete zeroes freed cells and the WAL is truncated: neither the
  // lookup id derived from the receipt nor the report's received day (no
  // other row holds that day) survives in the file.
  const privacy::Bytes lookup_id = privacy::ReceiptLookupId(keys_.receipt_pepper(), doomed.receipt);
  const std::string bytes = StoredBytes();
  EXPECT_NE(bytes.find("voice_cloning"), std::string::npos) << "the scan does not see the stored rows";  // desk_kinds
  EXPECT_EQ(bytes.find(std::string(lookup_id.begin(), lookup_id.end())), std::string::npos);
  EXPECT_EQ(bytes.find("2024-06-01"), std::string::npos);
  EXPECT_EQ(bytes.find("SHRED-CANARY"), std::string::npos);
}

}  // namespace
}  // namespace pillarbox::reporter
