// Demo data for `pillarbox init --demo`: a handful of example actions (the
// kinds of undertaking DOMAIN.md names) and generated reports about clearly
// fictitious organizations ("... (demo)"), so a new instance shows triage,
// cases and aggregation with something in them. Every row is marked demo=1
// (actions.demo, reports.demo) and reports go through the real intake
// validation and sealing (intake::ValidateSubmission, intake::SealReport):
// they are encrypted exactly like real ones. Not thread-safe (init runs alone).
#pragma once

#include <cstddef>

#include "common/clock.h"
#include "common/status.h"
#include "intake/questionnaire_catalog.h"
#include "privacy/instance_secret.h"
#include "store/database.h"

namespace pillarbox::app {

struct DemoCounts {
  size_t actions = 0;
  size_t reports = 0;
};

// In one transaction on `db` (an instance just created by init: desks exist):
// inserts the example actions (each audited "action.created" by "cli" with
// "demo=1") and `report_count` reports spread over the kinds of `catalog`,
// received on the days before the clock's day, with an audit entry
// "demo.loaded". Nothing is written when any step fails (the validator's or
// the store's error).
Result<DemoCounts> LoadDemoData(store::Database& db, const intake::QuestionnaireCatalog& catalog,
                                const privacy::InstanceKeys& keys, const Clock& clock, size_t report_count = 30);

}  // namespace pillarbox::app
