#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "reporter_fixture.h"

namespace pillarbox::reporter {
namespace {

class ReporterSignInTest : public test::ReporterTest {};

TEST_F(ReporterSignInTest, TheReceiptOfASealedReportOpensASessionHoldingItsKey) {
  const auto report = AddReport();
  auto signed_in = followup_->SignIn(report.receipt.Display());
  ASSERT_TRUE(signed_in.ok()) << signed_in.status().ToString();
  EXPECT_EQ(signed_in->token.size(), 64u);
  EXPECT_EQ(signed_in->expires_in, 30 * 60);
  auto session = sessions_.Authenticate(signed_in->token);
  ASSERT_TRUE(session.ok());
  EXPECT_EQ((*session)->report_id, report.id);
  // The key in the session is the report's data key: it opens the sealed answers.
  auto view = followup_->View(**session);
  ASSERT_TRUE(view.ok()) << view.status().ToString();
}

TEST_F(ReporterSignInTest, TheReceiptIsForgivenCaseSpacesAndDashes) {
  const auto report = AddReport();
  std::string typed = report.receipt.canonical();
  std::transform(typed.begin(), typed.end(), typed.begin(), [](unsigned char c) { return std::tolower(c); });
  typed = "  " + typed.substr(0, 8) + " " + typed.substr(8) + " ";
  auto signed_in = followup_->SignIn(typed);
  ASSERT_TRUE(signed_in.ok()) << signed_in.status().ToString();
  EXPECT_EQ((*sessions_.Authenticate(signed_in->token))->report_id, report.id);
}

TEST_F(ReporterSignInTest, EveryRefusalIsTheSameStatusWhateverWentWrong) {
  const auto kept = AddReport();
  const auto deleted = AddReport();
  auto session = SignInWith(deleted.receipt);
  ASSERT_NE(session, nullptr);
  ASSERT_TRUE(followup_->RequestDeletion(*session).ok());

  std::string typo = kept.receipt.Display();
  typo[0] = typo[0] == '7' ? '8' : '7';  // the check symbols catch it
  const std::vector<std::string> refused = {
      privacy::Receipt::Generate().Display(),  // well-formed, never issued
      deleted.receipt.Display(),               // its report was deleted
      typo,                                    // one symbol mistyped
      "hello",                                 // not a receipt at all
      "",
      std::string(1000, 'A'),
  };
  const size_t open_before = sessions_.size();
  for (const std::string& typed : refused) {
    const Status status = followup_->SignIn(typed).status();
    EXPECT_EQ(status.code(), StatusCode::kUnauthenticated) << typed;
    EXPECT_EQ(status.message(), kReceiptNotRecognised) << typed;
    EXPECT_EQ(status.field(), "") << typed;
    EXPECT_EQ(status.ToString(), Status::Unauthenticated(kReceiptNotRecognised).ToString()) << typed;
  }
  EXPECT_EQ(sessions_.size(), open_before) << "a refused sign-in opened a session";
  EXPECT_TRUE(followup_->SignIn(kept.receipt.Display()).ok()) << "the kept report's receipt still works";
}

TEST_F(ReporterSignInTest, SignOutEndsTheSession) {
  const auto report = AddReport();
  auto signed_in = followup_->SignIn(report.receipt.Display());
  ASSERT_TRUE(signed_in.ok());
  followup_->SignOut(signed_in->token);
  EXPECT_EQ(sessions_.Authenticate(signed_in->token).status().code(), StatusCode::kUnauthenticated);
  followup_->SignOut("not-a-token");  // ignored
}

TEST_F(ReporterSignInTest, SessionsEndWhenIdleOrOld) {
  const auto report = AddReport();
  auto signed_in = followup_->SignIn(report.receipt.Display());
  ASSERT_TRUE(signed_in.ok());
  clock_.Advance(11 * 60);
  EXPECT_EQ(sessions_.Authenticate(signed_in->token).status().code(), StatusCode::kUnauthenticated);
}

}  // namespace
}  // namespace pillarbox::reporter
