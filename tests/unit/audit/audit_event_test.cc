#include "audit/audit_event.h"

#include <gtest/gtest.h>

#include <string>

namespace pillarbox::audit {
namespace {

AuditEvent Valid() { return {"0123abcd", "report.status.changed", "report", "9f8e7d", "from=new;to=triaged"}; }

TEST(AuditEventTest, AcceptsIdsDottedActionsAndClosedDetails) {
  EXPECT_TRUE(ValidateAuditEvent(Valid()).ok());
  EXPECT_TRUE(ValidateAuditEvent({"cli", "instance.created", "instance", "", ""}).ok());
  EXPECT_TRUE(ValidateAuditEvent({"system", "auth.login.failed", "user", "", "reason=bad_totp"}).ok());
}

// The field ValidateAuditEvent names for `event`, or "" when it accepts it.
std::string RefusedField(const AuditEvent& event) {
  const Status status = ValidateAuditEvent(event);
  if (status.ok()) return "";
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  return status.field();
}

TEST(AuditEventTest, RefusesEachMalformedField) {
  const auto with = [](auto change) {
    AuditEvent event = Valid();
    change(event);
    return RefusedField(event);
  };
  EXPECT_EQ(with([](AuditEvent& e) { e.actor = ""; }), "actor");
  EXPECT_EQ(with([](AuditEvent& e) { e.actor = "a b"; }), "actor");
  EXPECT_EQ(with([](AuditEvent& e) { e.actor = std::string(65, 'a'); }), "actor");
  EXPECT_EQ(with([](AuditEvent& e) { e.action = "viewed"; }), "action");
  EXPECT_EQ(with([](AuditEvent& e) { e.action = "Report.Viewed"; }), "action");
  EXPECT_EQ(with([](AuditEvent& e) { e.action = "report..viewed"; }), "action");
  EXPECT_EQ(with([](AuditEvent& e) { e.action = "report.viewed."; }), "action");
  EXPECT_EQ(with([](AuditEvent& e) { e.action = "a.b.c.d.e.f.g.h.i"; }), "action");
  EXPECT_EQ(with([](AuditEvent& e) { e.object_type = ""; }), "object_type");
  EXPECT_EQ(with([](AuditEvent& e) { e.object_type = "report1"; }), "object_type");
  EXPECT_EQ(with([](AuditEvent& e) { e.object_id = "id with space"; }), "object_id");
  EXPECT_EQ(with([](AuditEvent& e) { e.object_id = std::string(129, 'a'); }), "object_id");
  EXPECT_EQ(with([](AuditEvent& e) { e.detail = "free text"; }), "detail");
  EXPECT_EQ(with([](AuditEvent& e) { e.detail = "note=hello world"; }), "detail");
  EXPECT_EQ(with([](AuditEvent& e) { e.detail = "a=b;"; }), "detail");
  EXPECT_EQ(with([](AuditEvent& e) { e.detail = "=b"; }), "detail");
  EXPECT_EQ(with([](AuditEvent& e) { e.detail = "a=b=c"; }), "detail");
  EXPECT_EQ(with([](AuditEvent& e) { e.detail = "a=\"quoted\""; }), "detail");
  EXPECT_EQ(with([](AuditEvent& e) { e.detail = "k=" + std::string(300, 'v'); }), "detail");
}

}  // namespace
}  // namespace pillarbox::audit
