// CaseEnvironment: what every case service shares: reader connections, the
// group-commit writer (every change), the audit recorder (views), the audit
// key (entries written inside a change's own write) and the clock. The
// referenced objects must outlive every service built on it.
#pragma once

#include "audit/audit_recorder.h"
#include "common/clock.h"
#include "privacy/bytes.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::cases {

struct CaseEnvironment {
  store::ReaderPool& readers;
  store::GroupCommitWriter& writer;
  audit::AuditRecorder& audit;
  const privacy::SecretKey& audit_key;
  const Clock& clock;
};

}  // namespace pillarbox::cases
