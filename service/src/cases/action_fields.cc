#include "cases/action_fields.h"

#include "cases/action_catalogue.h"
#include "cases/calendar_day.h"
#include "cases/case_text.h"

namespace pillarbox::cases {
namespace {

Status CheckDay(const std::string& day, const char* field) {
  if (!day.empty() && !IsCalendarDay(day)) return Status::InvalidArgument("must be a day, YYYY-MM-DD", field);
  return Status::Ok();
}

}  // namespace

Status CheckActionFields(const store::ActionRecord& action) {
  if (!IsActionKind(action.kind)) return Status::InvalidArgument("is not one of the ways to act", "kind");
  if (!IsSubtypeOf(action.kind, action.subtype)) {
    return Status::InvalidArgument("is not a subtype of this kind of action", "subtype");
  }
  PB_RETURN_IF_ERROR(CheckCaseText(action.name, "name", 1, kMaxActionNameChars, false).status());
  PB_RETURN_IF_ERROR(CheckCaseText(action.organization, "organization", 0, kMaxActionOrganizationChars, false).status());
  PB_RETURN_IF_ERROR(CheckCaseText(action.jurisdiction, "jurisdiction", 0, kMaxActionJurisdictionChars, false).status());
  if (!IsRegion(action.region)) return Status::InvalidArgument("is not one of the regions", "region");
  if (!IsActionStatus(action.status)) {
    return Status::InvalidArgument("must be planned, active, won, lost, settled or ended", "status");
  }
  PB_RETURN_IF_ERROR(CheckDay(action.start_day, "start_day"));
  PB_RETURN_IF_ERROR(CheckDay(action.end_day, "end_day"));
  if (!action.start_day.empty() && !action.end_day.empty() && action.end_day < action.start_day) {
    return Status::InvalidArgument("must not be before start_day", "end_day");
  }
  return Status::Ok();
}

}  // namespace pillarbox::cases
