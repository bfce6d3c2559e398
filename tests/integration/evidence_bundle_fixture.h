// A running instance for evidence-bundle tests: the case API fixture plus
// partner organizations (key pairs made here; only the public keys reach
// the service), partner accounts, reports submitted with their receipts,
// reporter uploads and bundle downloads.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "case_api_fixture.h"
#include "privacy/organization_key.h"
#include "support/http_client.h"

namespace pillarbox::testing {

class EvidenceBundleFixture : public CaseApiTest {
 protected:
  // Registers an organization with a fresh key pair; its id.
  std::string AddOrganization(const std::string& name);
  // A partner account of `organization_id`, signed in as `role`.
  void AddPartner(const std::string& role, const std::string& organization_id);
  // Submits a voice_cloning report whose text answers start with `prefix`;
  // returns its receipt.
  std::string SubmitWithReceipt(const std::string& prefix);
  // Uploads `content` as the reporter of `receipt`; the new file's id.
  std::string UploadAsReporter(const std::string& receipt, const std::string& content, const std::string& name);
  // The id of the newest report whose answers carry `prefix`.
  std::string FindReport(const std::string& prefix, nlohmann::json* answers);
  // Registers an organization whose key file `pillarbox bundle keygen` made
  // at `key_path`; its id (the key pair is loaded back for CheckBundle).
  std::string AddOrganizationWithKeygen(const std::string& name, const std::string& key_path);
  // GET /api/v1/bundles/{id}/download as `role`.
  HttpResponse Download(const std::string& role, const std::string& bundle_id);
  // The key pairs of the organizations registered here, by id.
  std::map<std::string, privacy::BoxKeyPair> keys_;
};

}  // namespace pillarbox::testing
