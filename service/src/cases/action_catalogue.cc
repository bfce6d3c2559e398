#include "cases/action_catalogue.h"

#include <algorithm>

namespace pillarbox::cases {
namespace {

bool Contains(std::span<const std::string_view> values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

std::span<const std::string_view> SubtypesOf(std::string_view kind) {
  if (kind == "legal_action") return kLegalActionSubtypes;
  if (kind == "protest_campaign") return kProtestCampaignSubtypes;
  if (kind == "alternatives") return kAlternativesSubtypes;
  if (kind == "track_abuse") return kTrackAbuseSubtypes;
  if (kind == "weaken_systems") return kWeakenSystemsSubtypes;
  return {};
}

bool IsActionKind(std::string_view value) { return Contains(kActionKinds, value); }
bool IsRegion(std::string_view value) { return Contains(kRegions, value); }
bool IsActionStatus(std::string_view value) { return Contains(kActionStatuses, value); }
bool IsSubtypeOf(std::string_view kind, std::string_view subtype) { return Contains(SubtypesOf(kind), subtype); }

}  // namespace pillarbox::cases
