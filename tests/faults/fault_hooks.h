// The hooks that put FaultPlan::Global() between SQLite and the system, in
// this test process only (never in the production binary):
// - a VFS shim "pillarbox_fault" wrapping the default unix VFS, registered as
//   the default VFS, so every store::Database opened afterwards goes through
//   it: xWrite and xSync consult the plan (SQLITE_IOERR_WRITE or SQLITE_FULL,
//   SQLITE_IOERR_FSYNC; a failed call does nothing), every other method
//   passes through;
// - an SQLITE_CONFIG_MALLOC wrapper around SQLite's allocator whose xMalloc
//   and xRealloc return null when the plan says so (SQLite's allocations
//   only, as SQLite's own OOM tests do).
#pragma once

namespace pillarbox::testing {

// Installs both hooks, once per process (later calls do nothing). Must run
// before any SQLite connection is opened: it calls sqlite3_shutdown() to set
// the allocator. Aborts the test process when SQLite refuses.
void InstallFaultHooks();

}  // namespace pillarbox::testing
