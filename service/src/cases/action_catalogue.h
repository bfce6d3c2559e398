// The closed vocabulary of actions (schema/004 `actions`): their kinds (the
// "ways_to_act" of schema/taxonomy.json), the subtypes each kind allows, the
// regions (taxonomy "regions") and the statuses. cases/ parses no JSON, so
// kinds and regions are listed here by hand; a unit test keeps them equal to
// the taxonomy. Pure; thread-safe.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace pillarbox::cases {

// The taxonomy's ways_to_act, in taxonomy order.
inline constexpr std::array<std::string_view, 5> kActionKinds = {
    "protest_campaign", "alternatives", "track_abuse", "weaken_systems", "legal_action",
};

// The taxonomy's regions, in taxonomy order.
inline constexpr std::array<std::string_view, 6> kRegions = {
    "global", "europe", "us_canada", "latin_america", "africa", "asia_oceania",
};

// An action's lifecycle: planned, then active, then one of the outcomes.
inline constexpr std::array<std::string_view, 6> kActionStatuses = {
    "planned", "active", "won", "lost", "settled", "ended",
};

// The subtypes a kind allows (each subtype belongs to exactly one kind).
inline constexpr std::array<std::string_view, 5> kLegalActionSubtypes = {
    "lawsuit", "class_action", "regulator_complaint", "labor_board_complaint", "data_protection_complaint",
};
inline constexpr std::array<std::string_view, 5> kProtestCampaignSubtypes = {
    "union_petition", "grievance", "strike", "public_campaign", "public_comment",
};
inline constexpr std::array<std::string_view, 3> kAlternativesSubtypes = {
    "mutual_aid", "cooperative_tool", "community_fund",
};
inline constexpr std::array<std::string_view, 3> kTrackAbuseSubtypes = {
    "incident_tracking", "research", "freedom_of_information_request",
};
inline constexpr std::array<std::string_view, 3> kWeakenSystemsSubtypes = {
    "procurement_challenge", "audit_demand", "moratorium_demand",
};

// The subtypes of `kind`; empty when `kind` is not one of kActionKinds.
std::span<const std::string_view> SubtypesOf(std::string_view kind);

// True when `value` is one of kActionKinds / kRegions / kActionStatuses.
bool IsActionKind(std::string_view value);
bool IsRegion(std::string_view value);
bool IsActionStatus(std::string_view value);

// True when `subtype` is one of SubtypesOf(kind).
bool IsSubtypeOf(std::string_view kind, std::string_view subtype);

}  // namespace pillarbox::cases
