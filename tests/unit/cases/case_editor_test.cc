#include "cases/case_editor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "cases/case_access.h"
#include "case_test_fixture.h"
#include "store/case_rows.h"

namespace pillarbox::cases::test {
namespace {

using CaseEditorTest = CaseServicesTest;

TEST_F(CaseEditorTest, TitleAndSummaryAreSealedAndOpenOnlyWithTheDeskKey) {
  const std::string id = CreateCase(*alice_, kVoice, "CANARY-TITLE-7f3a", "CANARY-SUMMARY-91bc\nsecond line");
  writer_->Stop();  // everything committed and the WAL left as it is
  const std::string bytes = DatabaseBytes();
  ASSERT_NE(bytes.find("Voice"), std::string::npos) << "the bytes read hold the clear columns";
  EXPECT_EQ(bytes.find("CANARY-TITLE"), std::string::npos);
  EXPECT_EQ(bytes.find("CANARY-SUMMARY"), std::string::npos);

  auto lease = readers_->Acquire();
  auto record = store::LoadCase(lease.db(), id);
  ASSERT_TRUE(record.ok() && record->has_value());
  EXPECT_EQ((*record)->desk_id, kVoice);
  EXPECT_EQ((*record)->desk_key_version, 1u);
  EXPECT_EQ((*record)->status, "open");
  EXPECT_EQ((*record)->revision, 0);
  auto fields = store::LoadCaseFields(lease.db(), id);
  ASSERT_TRUE(fields.ok());
  ASSERT_EQ(fields->size(), 2u);
  EXPECT_EQ((*fields)[1].field, "title");

  auto data_key = privacy::OpenSealedKey(voice_key_, (*record)->desk_sealed_data_key);
  ASSERT_TRUE(data_key.ok());
  EXPECT_EQ(*OpenCaseField(*data_key, id, "title", (*fields)[1].ciphertext), "CANARY-TITLE-7f3a");
  EXPECT_EQ(*OpenCaseField(*data_key, id, "summary", (*fields)[0].ciphertext), "CANARY-SUMMARY-91bc\nsecond line");
  EXPECT_EQ(privacy::OpenSealedKey(work_key_, (*record)->desk_sealed_data_key).status().code(), StatusCode::kDataLoss);
  // Moved to another field or case, a ciphertext does not open.
  EXPECT_FALSE(OpenCaseField(*data_key, id, "summary", (*fields)[1].ciphertext).ok());
  EXPECT_FALSE(OpenCaseField(*data_key, std::string(32, 'a'), "title", (*fields)[1].ciphertext).ok());
}

TEST_F(CaseEditorTest, CreateIsAuditedAndStartsTheTimeline) {
  const std::string id = CreateCase(*alice_, kVoice);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'case.created' AND object_id = ?", id), 1);
  EXPECT_EQ(Text("SELECT event || '|' || detail FROM case_events WHERE case_id = ? AND seq = 1", id),
            "case.created|desk=voice_cloning");
}

TEST_F(CaseEditorTest, BadRequestsNameTheFieldAndStoreNothing) {
  struct Bad {
    NewCase request;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {{kWork, "title", ""}, "desk"},  // alice is not a member
      {{"no_such_desk", "title", ""}, "desk"},
      {{kVoice, "", ""}, "title"},
      {{kVoice, "   ", ""}, "title"},
      {{kVoice, std::string(201, 'x'), ""}, "title"},
      {{kVoice, "two\nlines", ""}, "title"},
      {{kVoice, std::string("bad \xff utf8"), ""}, "title"},
      {{kVoice, "ok", std::string(20001, 'y')}, "summary"},
      {{kVoice, "ok", "bell \a"}, "summary"},
  };
  for (const Bad& each : bad) {
    auto created = services_->editor.Create(*alice_, each.request);
    EXPECT_EQ(created.status().code(), StatusCode::kInvalidArgument) << each.field;
    EXPECT_EQ(created.status().field(), each.field);
  }
  EXPECT_TRUE(services_->editor.Create(*alice_, {kVoice, std::string(200, 'x'), std::string(20000, 'y')}).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM cases"), 1);
  EXPECT_EQ(services_->editor.Create(*partner_, {kVoice, "t", ""}).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services_->editor.Create(*researcher_, {kVoice, "t", ""}).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(CaseEditorTest, UpdateResealsChangedFieldsAndChecksTheRevision) {
  const std::string id = CreateCase(*alice_, kVoice, "first", "summary");
  const std::string old_title = Text("SELECT hex(ciphertext) FROM case_fields WHERE case_id = ? AND field = 'title'", id);
  const std::string old_summary =
      Text("SELECT hex(ciphertext) FROM case_fields WHERE case_id = ? AND field = 'summary'", id);
  auto revision = services_->editor.Update(*alice_, id, {0, "second", "summary", std::nullopt});
  ASSERT_TRUE(revision.ok()) << revision.status().ToString();
  EXPECT_EQ(*revision, 1);
  EXPECT_NE(Text("SELECT hex(ciphertext) FROM case_fields WHERE case_id = ? AND field = 'title'", id), old_title);
  EXPECT_EQ(Text("SELECT hex(ciphertext) FROM case_fields WHERE case_id = ? AND field = 'summary'", id), old_summary)
      << "an unchanged summary is not rewritten";
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ? AND event = 'case.title.changed'", id), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ? AND event = 'case.summary.changed'", id), 0);

  auto stale = services_->editor.Update(*alice_, id, {0, "third", std::nullopt, std::nullopt});
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(stale.status().field(), "revision");
  EXPECT_EQ(services_->editor.Update(*alice_, id, {1, std::nullopt, std::nullopt, "closed"}).value(), 2);
  EXPECT_EQ(Text("SELECT status FROM cases WHERE id = ?", id), "closed");
  EXPECT_EQ(Text("SELECT detail FROM case_events WHERE case_id = ? AND event = 'case.status.changed'", id),
            "from=open;to=closed");
  EXPECT_EQ(services_->editor.Update(*alice_, id, {2, std::nullopt, std::nullopt, "open"}).value(), 3);

  auto view = services_->reader.Open(*alice_, id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->title, "second");
  EXPECT_EQ(view->record.status, "open");
}

TEST_F(CaseEditorTest, UpdateRefusesBadInputAndOtherDesks) {
  const std::string id = CreateCase(*alice_, kVoice);
  EXPECT_EQ(services_->editor.Update(*alice_, id, {0, std::nullopt, std::nullopt, "merged"}).status().field(),
            "status");
  EXPECT_EQ(services_->editor.Update(*alice_, id, {0, "", std::nullopt, std::nullopt}).status().field(), "title");
  EXPECT_EQ(services_->editor.Update(*alice_, id, {-1, "x", std::nullopt, std::nullopt}).status().field(),
            "revision");
  EXPECT_EQ(services_->editor.Update(*bob_, id, {0, "x", std::nullopt, std::nullopt}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(services_->editor.Update(*partner_, id, {0, "x", std::nullopt, std::nullopt}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(services_->editor.Update(*alice_, std::string(32, 'b'), {0, "x", std::nullopt, std::nullopt})
                .status()
                .code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Count("SELECT revision FROM cases WHERE id = ?", id), 0);
}

// Four reviewers append to the summary at once, each re-reading and retrying
// on a stale revision: every append survives.
TEST_F(CaseEditorTest, ConcurrentEditsNeverLoseAnUpdate) {
  const std::string id = CreateCase(*both_, kVoice, "title", "start");
  constexpr int kWriters = 4, kAppends = 5;
  std::atomic<int> conflicts{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int a = 0; a < kAppends; ++a) {
        for (;;) {
          auto view = services_->reader.Open(*both_, id);
          ASSERT_TRUE(view.ok());
          const std::string summary = view->summary + " w" + std::to_string(w) + "a" + std::to_string(a);
          auto updated = services_->editor.Update(*both_, id, {view->record.revision, std::nullopt, summary, std::nullopt});
          if (updated.ok()) break;
          ASSERT_EQ(updated.status().code(), StatusCode::kConflict);
          ++conflicts;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  auto view = services_->reader.Open(*both_, id);
  ASSERT_TRUE(view.ok());
  for (int w = 0; w < kWriters; ++w) {
    for (int a = 0; a < kAppends; ++a) {
      EXPECT_NE(view->summary.find(" w" + std::to_string(w) + "a" + std::to_string(a)), std::string::npos);
    }
  }
  EXPECT_EQ(view->record.revision, kWriters * kAppends);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ? AND event = 'case.summary.changed'", id),
            kWriters * kAppends);
}

}  // namespace
}  // namespace pillarbox::cases::test
