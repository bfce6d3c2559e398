#include "intake/intake_service.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "http/questionnaire_codec.h"
#include "intake/report_opener.h"
#include "support/fake_report_store.h"

namespace pillarbox::intake {
namespace {

constexpr int64_t kNoonJune15 = 1718452800;  // 2024-06-15 12:00:00 UTC

class FixedClock final : public Clock {
 public:
  int64_t NowUnixSeconds() const override { return kNoonJune15; }
};

// Every kind goes to "desk_<kind>" except those listed as unserved.
class FakeDeskDirectory final : public DeskDirectory {
 public:
  explicit FakeDeskDirectory(privacy::BoxPublicKey key) : key_(key) {}
  Result<DeskKey> DeskForKind(const std::string& kind) const override {
    if (unserved_.count(kind) != 0) return Status::NotFound("no desk");
    return DeskKey{"desk_" + kind, 2, key_};
  }
  std::set<std::string> unserved_;

 private:
  privacy::BoxPublicKey key_;
};

// What a Done callback received, if it was called.
struct Outcome {
  int calls = 0;
  std::optional<Result<std::string>> result;
};

class IntakeServiceTest : public ::testing::Test {
 protected:
  IntakeServiceTest()
      : catalog_(http::LoadEmbeddedQuestionnaires().value()),
        keys_(privacy::InstanceKeys::Derive(privacy::SecretKey::Random())),
        desks_(privacy::BoxKeyPair::Generate().public_key),
        service_(catalog_, desks_, keys_, store_, clock_) {}

  static Submission Valid() {
    Submission submission;
    submission.kind = "workplace_ai_harm";
    submission.answers = {{"summary", std::string("Pay set by an app")},
                          {"narrative", std::string("Our wages are now set by a model.")},
                          {"region", std::string("asia_oceania")},
                          {"sector", std::string("technology")},
                          {"organization", std::string("Example Systems")},
                          {"harm_types", std::vector<std::string>{"wage_setting", "surveillance"}}};
    return submission;
  }

  IntakeService::Done Record(Outcome& outcome) {
    return [&outcome](Result<std::string> result) {
      ++outcome.calls;
      outcome.result.emplace(std::move(result));
    };
  }

  QuestionnaireCatalog catalog_;
  privacy::InstanceKeys keys_;
  FakeDeskDirectory desks_;
  testing::FakeReportStore store_;
  FixedClock clock_;
  IntakeService service_;
};

TEST_F(IntakeServiceTest, ReceiptArrivesOnlyAfterTheStoreCommits) {
  Outcome outcome;
  ASSERT_TRUE(service_.Submit(Valid(), Record(outcome)).ok());
  EXPECT_EQ(outcome.calls, 0);
  EXPECT_EQ(store_.pending_count(), 1u);
  EXPECT_EQ(store_.CompletePending(), 1u);
  ASSERT_EQ(outcome.calls, 1);
  ASSERT_TRUE(outcome.result->ok()) << outcome.result->status().ToString();
  const auto receipt = privacy::Receipt::Parse(outcome.result->value());
  ASSERT_TRUE(receipt.ok()) << receipt.status().ToString();

  const std::vector<SealedReport> committed = store_.committed();
  ASSERT_EQ(committed.size(), 1u);
  const SealedReport& report = committed[0];
  EXPECT_EQ(report.lookup_id, privacy::ReceiptLookupId(keys_.receipt_pepper(), *receipt));
  auto data_key = UnwrapReporterDataKey(report.reporter_wrapped_data_key, report.id, *receipt, keys_.receipt_pepper());
  ASSERT_TRUE(data_key.ok()) << data_key.status().ToString();
  const auto opened = OpenSealedFields(report.sealed_fields, report.id, *data_key);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ((*opened)[0].field, "summary");
  EXPECT_EQ((*opened)[0].value, "Pay set by an app");
}

TEST_F(IntakeServiceTest, StoresTheClockDayKindDeskAndARandomId) {
  Outcome first;
  Outcome second;
  ASSERT_TRUE(service_.Submit(Valid(), Record(first)).ok());
  ASSERT_TRUE(service_.Submit(Valid(), Record(second)).ok());
  store_.CompletePending();
  const std::vector<SealedReport> committed = store_.committed();
  ASSERT_EQ(committed.size(), 2u);
  for (const SealedReport& report : committed) {
    EXPECT_EQ(report.received_day, "2024-06-15");
    EXPECT_EQ(report.kind, "workplace_ai_harm");
    EXPECT_EQ(report.desk_id, "desk_workplace_ai_harm");
    EXPECT_EQ(report.desk_key_version, 2u);
    EXPECT_EQ(report.region, "asia_oceania");
    EXPECT_EQ(report.sector, "technology");
    EXPECT_EQ(report.clear_answers,
              (std::vector<ClearAnswer>{{"harm_types", "surveillance"}, {"harm_types", "wage_setting"}}));
    ASSERT_EQ(report.id.size(), 32u);
    EXPECT_EQ(report.id.find_first_not_of("0123456789abcdef"), std::string::npos) << report.id;
  }
  EXPECT_NE(committed[0].id, committed[1].id);
  EXPECT_NE(committed[0].lookup_id, committed[1].lookup_id);
  EXPECT_NE(first.result->value(), second.result->value());
}

TEST_F(IntakeServiceTest, UnknownKindIsNamedAndNothingIsStored) {
  Submission submission = Valid();
  submission.kind = "weather";
  Outcome outcome;
  EXPECT_EQ(service_.Submit(submission, Record(outcome)),
            Status::InvalidArgument("is not a known kind of report", "kind"));
  EXPECT_EQ(store_.pending_count(), 0u);
  EXPECT_EQ(outcome.calls, 0);
}

TEST_F(IntakeServiceTest, InvalidAnswersAreReturnedAndNothingIsStored) {
  Submission submission = Valid();
  submission.answers["occurred"] = std::string("2024-07");  // after the clock's month
  Outcome outcome;
  EXPECT_EQ(service_.Submit(submission, Record(outcome)),
            Status::InvalidArgument("must not be after the current month", "answers.occurred"));
  EXPECT_EQ(store_.pending_count(), 0u);
  EXPECT_EQ(outcome.calls, 0);
}

TEST_F(IntakeServiceTest, KindWithoutDeskIsAFailedPrecondition) {
  desks_.unserved_.insert("workplace_ai_harm");
  Outcome outcome;
  EXPECT_EQ(service_.Submit(Valid(), Record(outcome)).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(store_.pending_count(), 0u);
  EXPECT_EQ(outcome.calls, 0);
}

TEST_F(IntakeServiceTest, RefusedStoreReturnsItsStatusAndNeverCallsDone) {
  store_.Refuse(Status::ResourceExhausted("store is busy"));
  Outcome outcome;
  EXPECT_EQ(service_.Submit(Valid(), Record(outcome)), Status::ResourceExhausted("store is busy"));
  EXPECT_EQ(store_.CompletePending(), 0u);
  EXPECT_EQ(outcome.calls, 0);
}

TEST_F(IntakeServiceTest, FailedCompletionGivesTheErrorNotAReceipt) {
  store_.FailCompletions(Status::Unavailable("disk failed"));
  Outcome outcome;
  ASSERT_TRUE(service_.Submit(Valid(), Record(outcome)).ok());
  store_.CompletePending();
  ASSERT_EQ(outcome.calls, 1);
  EXPECT_EQ(outcome.result->status(), Status::Unavailable("disk failed"));
  EXPECT_TRUE(store_.committed().empty());
}

TEST_F(IntakeServiceTest, ConcurrentSubmissionsEachGetTheirOwnReport) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([this] {
      for (int i = 0; i < kPerThread; ++i) {
        EXPECT_TRUE(service_.Submit(Valid(), [](Result<std::string> receipt) { EXPECT_TRUE(receipt.ok()); }).ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(store_.CompletePending(), static_cast<size_t>(kThreads * kPerThread));
  std::set<std::string> ids;
  for (const SealedReport& report : store_.committed()) ids.insert(report.id);
  EXPECT_EQ(ids.size(), static_cast<size_t>(kThreads * kPerThread));
}

}  // namespace
}  // namespace pillarbox::intake
