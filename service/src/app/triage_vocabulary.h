// The closed values the triage filters accept (kinds, regions, sectors,
// pillars), read from the embedded schema/taxonomy.json. Thread-safe.
#pragma once

#include "cases/triage_filter.h"
#include "common/status.h"

namespace pillarbox::app {

// The vocabulary of the embedded taxonomy. FailedPrecondition when the
// taxonomy is malformed (a build error: it is compiled in).
Result<cases::TriageVocabulary> LoadTriageVocabulary();

}  // namespace pillarbox::app
