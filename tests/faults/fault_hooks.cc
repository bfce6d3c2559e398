#include "fault_hooks.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "fault_plan.h"

namespace pillarbox::testing {
namespace {

// ---- the allocator wrapper ----

sqlite3_mem_methods g_system_malloc;

void* FaultMalloc(int bytes) {
  if (FaultPlan::Global().ShouldFail(FaultKind::kAlloc)) return nullptr;
  return g_system_malloc.xMalloc(bytes);
}

void* FaultRealloc(void* old, int bytes) {
  if (FaultPlan::Global().ShouldFail(FaultKind::kAlloc)) return nullptr;
  return g_system_malloc.xRealloc(old, bytes);
}

void FaultFree(void* p) { g_system_malloc.xFree(p); }
int FaultSize(void* p) { return g_system_malloc.xSize(p); }
int FaultRoundup(int bytes) { return g_system_malloc.xRoundup(bytes); }
int FaultMemInit(void* app) { return g_system_malloc.xInit(app); }
void FaultMemShutdown(void* app) { g_system_malloc.xShutdown(app); }

// ---- the VFS shim ----

sqlite3_vfs* g_real_vfs = nullptr;

// Our file: the methods pointer SQLite sees, then the real VFS's file.
struct ShimFile {
  sqlite3_file base;
  sqlite3_file* real;
};

sqlite3_file* Real(sqlite3_file* file) { return reinterpret_cast<ShimFile*>(file)->real; }

int ShimClose(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int ShimRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  return Real(f)->pMethods->xRead(Real(f), buffer, amount, offset);
}
int ShimWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  FaultPlan& plan = FaultPlan::Global();
  if (plan.ShouldFail(FaultKind::kWrite)) return plan.full() ? SQLITE_FULL : SQLITE_IOERR_WRITE;
  return Real(f)->pMethods->xWrite(Real(f), buffer, amount, offset);
}
int ShimTruncate(sqlite3_file* f, sqlite3_int64 size) { return Real(f)->pMethods->xTruncate(Real(f), size); }
int ShimSync(sqlite3_file* f, int flags) {
  if (FaultPlan::Global().ShouldFail(FaultKind::kSync)) return SQLITE_IOERR_FSYNC;
  return Real(f)->pMethods->xSync(Real(f), flags);
}
int ShimFileSize(sqlite3_file* f, sqlite3_int64* size) { return Real(f)->pMethods->xFileSize(Real(f), size); }
int ShimLock(sqlite3_file* f, int level) { return Real(f)->pMethods->xLock(Real(f), level); }
int ShimUnlock(sqlite3_file* f, int level) { return Real(f)->pMethods->xUnlock(Real(f), level); }
int ShimCheckReservedLock(sqlite3_file* f, int* out) { return Real(f)->pMethods->xCheckReservedLock(Real(f), out); }
int ShimFileControl(sqlite3_file* f, int op, void* arg) { return Real(f)->pMethods->xFileControl(Real(f), op, arg); }
int ShimSectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int ShimDeviceCharacteristics(sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); }
int ShimShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  if (Real(f)->pMethods->iVersion < 2) return SQLITE_IOERR_SHMMAP;
  return Real(f)->pMethods->xShmMap(Real(f), page, size, extend, out);
}
int ShimShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags);
}
void ShimShmBarrier(sqlite3_file* f) {
  if (Real(f)->pMethods->iVersion >= 2) Real(f)->pMethods->xShmBarrier(Real(f));
}
int ShimShmUnmap(sqlite3_file* f, int delete_flag) {
  if (Real(f)->pMethods->iVersion < 2) return SQLITE_OK;
  return Real(f)->pMethods->xShmUnmap(Real(f), delete_flag);
}
int ShimFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  *out = nullptr;  // no memory-mapped reads: every page goes through xRead
  (void)f;
  (void)offset;
  (void)amount;
  return SQLITE_OK;
}
int ShimUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
  (void)f;
  (void)offset;
  (void)p;
  return SQLITE_OK;
}

const sqlite3_io_methods kShimMethods = {
    3,           ShimClose,         ShimRead,   ShimWrite,       ShimTruncate,          ShimSync,
    ShimFileSize, ShimLock,         ShimUnlock, ShimCheckReservedLock, ShimFileControl, ShimSectorSize,
    ShimDeviceCharacteristics, ShimShmMap, ShimShmLock, ShimShmBarrier, ShimShmUnmap, ShimFetch, ShimUnfetch,
};

int ShimOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  (void)vfs;
  auto* shim = reinterpret_cast<ShimFile*>(file);
  shim->real = reinterpret_cast<sqlite3_file*>(shim + 1);
  const int rc = g_real_vfs->xOpen(g_real_vfs, name, shim->real, flags, out_flags);
  // SQLite calls xClose only when pMethods is set.
  shim->base.pMethods = (rc == SQLITE_OK && shim->real->pMethods != nullptr) ? &kShimMethods : nullptr;
  return rc;
}

int ShimDelete(sqlite3_vfs*, const char* name, int sync_dir) { return g_real_vfs->xDelete(g_real_vfs, name, sync_dir); }
int ShimAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
  return g_real_vfs->xAccess(g_real_vfs, name, flags, out);
}
int ShimFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return g_real_vfs->xFullPathname(g_real_vfs, name, size, out);
}
void* ShimDlOpen(sqlite3_vfs*, const char* name) { return g_real_vfs->xDlOpen(g_real_vfs, name); }
void ShimDlError(sqlite3_vfs*, int size, char* out) { g_real_vfs->xDlError(g_real_vfs, size, out); }
void (*ShimDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return g_real_vfs->xDlSym(g_real_vfs, handle, symbol);
}
void ShimDlClose(sqlite3_vfs*, void* handle) { g_real_vfs->xDlClose(g_real_vfs, handle); }
int ShimRandomness(sqlite3_vfs*, int size, char* out) { return g_real_vfs->xRandomness(g_real_vfs, size, out); }
int ShimSleep(sqlite3_vfs*, int micros) { return g_real_vfs->xSleep(g_real_vfs, micros); }
int ShimCurrentTime(sqlite3_vfs*, double* out) { return g_real_vfs->xCurrentTime(g_real_vfs, out); }
int ShimGetLastError(sqlite3_vfs*, int size, char* out) { return g_real_vfs->xGetLastError(g_real_vfs, size, out); }
int ShimCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  return g_real_vfs->xCurrentTimeInt64(g_real_vfs, out);
}

sqlite3_vfs g_shim_vfs;

void Die(const char* what, int rc) {
  std::fprintf(stderr, "fault hooks: %s failed (sqlite code %d)\n", what, rc);
  std::abort();
}

void InstallOnce() {
  if (int rc = sqlite3_shutdown(); rc != SQLITE_OK) Die("sqlite3_shutdown", rc);
  if (int rc = sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_system_malloc); rc != SQLITE_OK) Die("GETMALLOC", rc);
  static sqlite3_mem_methods wrapper = {FaultMalloc, FaultFree,        FaultRealloc, FaultSize,
                                        FaultRoundup, FaultMemInit, FaultMemShutdown, g_system_malloc.pAppData};
  if (int rc = sqlite3_config(SQLITE_CONFIG_MALLOC, &wrapper); rc != SQLITE_OK) Die("SQLITE_CONFIG_MALLOC", rc);
  if (int rc = sqlite3_initialize(); rc != SQLITE_OK) Die("sqlite3_initialize", rc);

  g_real_vfs = sqlite3_vfs_find(nullptr);
  if (g_real_vfs == nullptr) Die("sqlite3_vfs_find", SQLITE_ERROR);
  g_shim_vfs = sqlite3_vfs{};
  g_shim_vfs.iVersion = g_real_vfs->iVersion < 2 ? g_real_vfs->iVersion : 2;
  g_shim_vfs.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_real_vfs->szOsFile;
  g_shim_vfs.mxPathname = g_real_vfs->mxPathname;
  g_shim_vfs.zName = "pillarbox_fault";
  g_shim_vfs.xOpen = ShimOpen;
  g_shim_vfs.xDelete = ShimDelete;
  g_shim_vfs.xAccess = ShimAccess;
  g_shim_vfs.xFullPathname = ShimFullPathname;
  g_shim_vfs.xDlOpen = ShimDlOpen;
  g_shim_vfs.xDlError = ShimDlError;
  g_shim_vfs.xDlSym = ShimDlSym;
  g_shim_vfs.xDlClose = ShimDlClose;
  g_shim_vfs.xRandomness = ShimRandomness;
  g_shim_vfs.xSleep = ShimSleep;
  g_shim_vfs.xCurrentTime = ShimCurrentTime;
  g_shim_vfs.xGetLastError = ShimGetLastError;
  g_shim_vfs.xCurrentTimeInt64 = ShimCurrentTimeInt64;
  if (int rc = sqlite3_vfs_register(&g_shim_vfs, 1); rc != SQLITE_OK) Die("sqlite3_vfs_register", rc);
}

}  // namespace

void InstallFaultHooks() {
  static std::once_flag once;
  std::call_once(once, InstallOnce);
}

}  // namespace pillarbox::testing
