#include "cases/action_catalogue.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "cases/action_fields.h"

namespace pillarbox::cases {
namespace {

TEST(ActionCatalogueTest, EveryKindHasSubtypesAndEachSubtypeOneKind) {
  std::set<std::string_view> seen;
  for (std::string_view kind : kActionKinds) {
    EXPECT_TRUE(IsActionKind(kind));
    EXPECT_FALSE(SubtypesOf(kind).empty()) << kind;
    for (std::string_view subtype : SubtypesOf(kind)) {
      EXPECT_TRUE(IsSubtypeOf(kind, subtype));
      EXPECT_TRUE(seen.insert(subtype).second) << subtype << " belongs to two kinds";
    }
  }
  EXPECT_TRUE(IsSubtypeOf("legal_action", "class_action"));
  EXPECT_TRUE(IsSubtypeOf("protest_campaign", "union_petition"));
  EXPECT_TRUE(IsSubtypeOf("alternatives", "mutual_aid"));
  EXPECT_FALSE(IsSubtypeOf("legal_action", "union_petition"));
  EXPECT_FALSE(IsSubtypeOf("picnic", "lawsuit"));
  EXPECT_TRUE(SubtypesOf("picnic").empty());
  EXPECT_FALSE(IsActionKind("Legal_action"));
  EXPECT_TRUE(IsRegion("latin_america"));
  EXPECT_FALSE(IsRegion("mars"));
  EXPECT_TRUE(IsActionStatus("settled"));
  EXPECT_FALSE(IsActionStatus("open"));
}

store::ActionRecord Valid() {
  store::ActionRecord action;
  action.kind = "legal_action";
  action.subtype = "labor_board_complaint";
  action.name = "Complaint to the labour relations commission";
  action.organization = "A union";
  action.jurisdiction = "Ontario";
  action.region = "us_canada";
  action.status = "active";
  action.start_day = "2025-01-31";
  action.end_day = "2025-02-01";
  return action;
}

// The field CheckActionFields names for `action` ("" when accepted).
std::string FieldOf(const store::ActionRecord& action) {
  const Status status = CheckActionFields(action);
  if (status.ok()) return "";
  EXPECT_EQ(status.code(), StatusCode::kInvalidArgument);
  return status.field();
}

TEST(ActionFieldsTest, AcceptsAValidActionAndOptionalColumnsEmpty) {
  EXPECT_EQ(FieldOf(Valid()), "");
  store::ActionRecord minimal = Valid();
  minimal.organization = minimal.jurisdiction = minimal.start_day = minimal.end_day = "";
  EXPECT_EQ(FieldOf(minimal), "");
  minimal.end_day = "2025-03-01";  // an end without a start
  EXPECT_EQ(FieldOf(minimal), "");
  store::ActionRecord same_day = Valid();
  same_day.end_day = same_day.start_day;
  EXPECT_EQ(FieldOf(same_day), "");
  store::ActionRecord longest = Valid();
  longest.name = std::string(200, 'n');
  longest.organization = std::string(100, 'o') + std::string(50, '\xC3');  // not UTF-8
  EXPECT_EQ(FieldOf(longest), "organization");
  longest.organization = "";
  for (int i = 0; i < 200; ++i) longest.organization += "\xC3\xA9";  // 200 code points, 400 bytes
  EXPECT_EQ(FieldOf(longest), "");
}

TEST(ActionFieldsTest, NamesEachBadField) {
  const auto with = [](void (*change)(store::ActionRecord&)) {
    store::ActionRecord action = Valid();
    change(action);
    return FieldOf(action);
  };
  EXPECT_EQ(with([](store::ActionRecord& a) { a.kind = "picnic"; }), "kind");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.subtype = "union_petition"; }), "subtype");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.subtype = ""; }), "subtype");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.name = ""; }), "name");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.name = " "; }), "name");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.name = std::string(201, 'n'); }), "name");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.name = "tab\there"; }), "name");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.organization = std::string(201, 'o'); }), "organization");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.jurisdiction = std::string(201, 'j'); }), "jurisdiction");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.region = "Europe"; }), "region");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.status = "open"; }), "status");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.start_day = "2025-02-29"; }), "start_day");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.start_day = "2025-1-31"; }), "start_day");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.end_day = "tomorrow"; }), "end_day");
  EXPECT_EQ(with([](store::ActionRecord& a) { a.end_day = "2025-01-30"; }), "end_day");
}

}  // namespace
}  // namespace pillarbox::cases
