// BundleAssembler: sharing a case with a partner organization, and the
// bundles partners and reviewers may see.
//
// Share: a reviewer (or admin) of the case's desk chooses an organization and
// evidence files of the case's reports (those on the caller's desks; reports
// of a case on other desks are left out). The assembler decrypts the case
// title, the reports' answers (redactions applied, bundles/bundle_entries.h)
// and the chosen files, extracts the chain of custody from the audit log,
// and streams the entries through BundleWriter (signed by the instance key,
// encrypted to the organization's public key) into the store: the bundle row
// ('writing') and its file selection first, then its bytes in chunks of
// kBundleChunkBytes, one commit each, then one final commit that marks it
// 'ready' with its size and writes "bundle.created" (and "report.exported"
// per report) in the same write. A crash before that leaves a 'writing'
// bundle that is never listed or served and is deleted at the next start
// (DiscardUnfinished).
//
// List: partners see the ready bundles of their organization; reviewers and
// admins those of their desks' cases; researchers get PermissionDenied.
// Download: only a partner of the bundle's organization; a bundle of another
// organization, an unfinished one or a missing one are the same NotFound;
// reviewers, admins and researchers get PermissionDenied (the service cannot
// open a bundle, and the reviewer already holds its contents). Audited
// "bundle.downloaded".
// Thread-safe; Share blocks for the decryption, the encryption and a few
// commits, Download for one commit (use worker threads).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "accounts/session_store.h"
#include "cases/case_environment.h"
#include "common/status.h"
#include "privacy/signing_key.h"
#include "reporter/evidence_service.h"
#include "store/bundle_rows.h"

namespace pillarbox::bundles {

// Bytes per stored piece of a bundle file.
inline constexpr size_t kBundleChunkBytes = 1024 * 1024;
// The most evidence files one bundle may carry.
inline constexpr size_t kMaxBundleFiles = 100;
// Default largest bundle file (the HTTP server's response cap must allow it).
inline constexpr size_t kDefaultMaxBundleBytes = 64 * 1024 * 1024;

// What a reviewer asks to share.
struct ShareRequest {
  std::string organization_id;
  std::vector<std::string> evidence_file_ids;  // files of the case's reports
};

// A downloadable bundle: its row and its bytes.
struct BundleDownload {
  store::BundleRecord record;
  std::string bytes;
};

class BundleAssembler {
 public:
  // All references must outlive the assembler.
  // Bundles over `max_bundle_bytes` are refused.
  BundleAssembler(const cases::CaseEnvironment& environment, reporter::EvidenceService& evidence,
                  const privacy::SigningKey& signer, size_t max_bundle_bytes = kDefaultMaxBundleBytes);

  // Builds and stores the bundle of case `case_id` for `request`; returns its
  // row (state 'ready'). PermissionDenied for partners and researchers;
  // NotFound when the case is not visible; InvalidArgument naming
  // "organization_id" (unknown) or "evidence_file_ids" (a file not of the
  // case's visible reports, a duplicate, more than kMaxBundleFiles);
  // PayloadTooLarge naming "evidence_file_ids" when the bundle would exceed
  // max_bundle_bytes; Conflict for a merged case; InvalidArgument naming "span" when a stored
  // redaction no longer fits its answer; DataLoss when something fails to
  // decrypt. Nothing is visible to partners on any error.
  Result<store::BundleRecord> Share(const accounts::Session& session, std::string_view case_id,
                                    const ShareRequest& request);

  // The ready bundles `session` may see, newest first.
  Result<std::vector<store::BundleRecord>> List(const accounts::Session& session);

  // Bundle `bundle_id`'s bytes for a partner of its organization (audited).
  Result<BundleDownload> Download(const accounts::Session& session, std::string_view bundle_id);

  // Deletes bundles left 'writing' by a crash; returns how many. Call at start.
  Result<int64_t> DiscardUnfinished();

 private:
  const cases::CaseEnvironment env_;
  reporter::EvidenceService& evidence_;
  const privacy::SigningKey& signer_;
  const size_t max_bundle_bytes_;
};

}  // namespace pillarbox::bundles
