#include "app/bundle_services.h"

namespace pillarbox::app {
namespace {

constexpr size_t kReaderConnections = 1;

}  // namespace

BundleServices::BundleServices(std::unique_ptr<store::ReaderPool> readers, store::GroupCommitWriter& writer,
                               reporter::EvidenceService& evidence, const privacy::InstanceKeys& keys,
                               const Clock& clock, size_t max_bundle_bytes)
    : readers_(std::move(readers)),
      audit_(writer, keys.audit_key(), clock),
      signer_(privacy::SigningKey::FromSeed(keys.signing_seed())),
      organizations_(writer, *readers_, keys.audit_key(), clock),
      redactions_(writer, *readers_, keys.audit_key(), clock),
      bundles_(cases::CaseEnvironment{*readers_, writer, audit_, keys.audit_key(), clock}, evidence, signer_,
               max_bundle_bytes) {}

Result<std::unique_ptr<BundleServices>> BundleServices::Start(const std::string& database_path,
                                                              store::GroupCommitWriter& writer,
                                                              reporter::EvidenceService& evidence,
                                                              const privacy::InstanceKeys& keys, const Clock& clock,
                                                              size_t max_bundle_bytes) {
  PB_ASSIGN_OR_RETURN(auto readers, store::ReaderPool::Open(database_path, kReaderConnections));
  std::unique_ptr<BundleServices> services(
      new BundleServices(std::move(readers), writer, evidence, keys, clock, max_bundle_bytes));
  PB_RETURN_IF_ERROR(services->bundles_.DiscardUnfinished().status());
  return services;
}

void BundleServices::Fill(http::RouteContext& context) {
  context.organizations = &organizations_;
  context.redactions = &redactions_;
  context.bundles = &bundles_;
}

}  // namespace pillarbox::app
