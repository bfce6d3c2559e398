#include "cases/case_notebook.h"

#include <gtest/gtest.h>

#include "case_test_fixture.h"

namespace pillarbox::cases::test {
namespace {

using CaseNotebookTest = CaseServicesTest;

TEST_F(CaseNotebookTest, NotesAreSealedListedInOrderAndAudited) {
  const std::string id = CreateCase(*alice_, kVoice);
  auto carol = MakeSession("carol", "reviewer", {kVoice});
  auto first = services_->notebook.Add(*alice_, id, "CANARY-NOTE-one\r\nline two");
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  clock_.Advance(60);
  ASSERT_TRUE(services_->notebook.Add(*carol, id, "CANARY-NOTE-two").ok());

  auto notes = services_->notebook.List(*alice_, id);
  ASSERT_TRUE(notes.ok());
  ASSERT_EQ(notes->size(), 2u);
  EXPECT_EQ((*notes)[0].body, "CANARY-NOTE-one\nline two");
  EXPECT_EQ((*notes)[0].author_username, "alice");
  EXPECT_EQ((*notes)[1].author_username, "carol");
  EXPECT_EQ((*notes)[1].created_at, (*notes)[0].created_at + 60);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE action = 'case.notes.viewed' AND object_id = ?", id), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM case_events WHERE case_id = ? AND event = 'case.note.added'", id), 2);
  EXPECT_EQ(Count("SELECT revision FROM cases WHERE id = ?", id), 2);

  writer_->Stop();
  const std::string bytes = DatabaseBytes();
  ASSERT_NE(bytes.find("carol"), std::string::npos) << "the bytes read hold the clear columns";
  EXPECT_EQ(bytes.find("CANARY-NOTE"), std::string::npos);
}

TEST_F(CaseNotebookTest, RefusalsStoreNothing) {
  const std::string id = CreateCase(*alice_, kVoice);
  EXPECT_EQ(services_->notebook.Add(*alice_, id, "").status().field(), "body");
  EXPECT_EQ(services_->notebook.Add(*alice_, id, std::string(20001, 'n')).status().field(), "body");
  EXPECT_EQ(services_->notebook.Add(*bob_, id, "hello").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->notebook.List(*bob_, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(services_->notebook.Add(*partner_, id, "hello").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(services_->notebook.List(*researcher_, id).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Count("SELECT count(*) FROM case_notes"), 0);
}

}  // namespace
}  // namespace pillarbox::cases::test
