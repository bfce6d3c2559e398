// BundleServices: evidence bundles of a running instance: the organization
// registry, redactions and the bundle assembler, with their own reader
// connections and audit recorder, and the instance's Ed25519 signing key
// (from the instance secret's signing seed). Start deletes bundles a crash
// left unfinished.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "audit/audit_recorder.h"
#include "bundles/bundle_assembler.h"
#include "bundles/organization_registry.h"
#include "bundles/redactions.h"
#include "common/clock.h"
#include "common/status.h"
#include "http/route_context.h"
#include "privacy/instance_secret.h"
#include "privacy/signing_key.h"
#include "reporter/evidence_service.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::app {

class BundleServices {
 public:
  // Opens reader connections to `database_path` and discards unfinished
  // bundles. The references must outlive the services.
  static Result<std::unique_ptr<BundleServices>> Start(const std::string& database_path,
                                                       store::GroupCommitWriter& writer,
                                                       reporter::EvidenceService& evidence,
                                                       const privacy::InstanceKeys& keys, const Clock& clock,
                                                       size_t max_bundle_bytes = bundles::kDefaultMaxBundleBytes);

  // Points `context` at these services (organizations, redactions, bundles).
  void Fill(http::RouteContext& context);

 private:
  BundleServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                 reporter::EvidenceService& evidence, const privacy::InstanceKeys& keys, const Clock& clock,
                 size_t max_bundle_bytes);

  std::unique_ptr<store::ReaderPool> readers_;
  audit::AuditRecorder audit_;
  privacy::SigningKey signer_;
  bundles::OrganizationRegistry organizations_;
  bundles::Redactions redactions_;
  bundles::BundleAssembler bundles_;
};

}  // namespace pillarbox::app
