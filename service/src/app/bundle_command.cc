#include "app/bundle_command.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>

#include <nlohmann/json.hpp>

#include "app/bundle_entry_files.h"
#include "app/mapped_file.h"
#include "bundles/bundle_format.h"
#include "privacy/init.h"
#include "privacy/organization_key.h"

namespace pillarbox::app {
namespace {

Result<std::optional<privacy::SigningPublicKey>> ParseSigner(const std::string& hex) {
  if (hex.empty()) return std::optional<privacy::SigningPublicKey>();
  auto bytes = privacy::FromHex(hex);
  if (!bytes.ok() || bytes->size() != privacy::kSigningPublicKeyBytes) {
    return Status::InvalidArgument("--signer must be 64 hex digits (the instance's signing public key)", "signer");
  }
  privacy::SigningPublicKey key{};
  std::copy(bytes->begin(), bytes->end(), key.begin());
  return std::optional<privacy::SigningPublicKey>(key);
}

// What one check needs: the mapped bundle, the organization key and the pinned signer.
struct CheckInputs {
  MappedFile bundle;
  privacy::BoxKeyPair organization;
  std::optional<privacy::SigningPublicKey> signer;
};

Result<CheckInputs> LoadInputs(const std::string& file, const std::string& key, const std::string& signer) {
  PB_RETURN_IF_ERROR(privacy::InitializeAndSelfTest());
  PB_ASSIGN_OR_RETURN(auto pinned, ParseSigner(signer));
  PB_ASSIGN_OR_RETURN(auto organization, privacy::LoadOrganizationKeyFile(key));
  PB_ASSIGN_OR_RETURN(auto bundle, MappedFile::Open(file));
  return CheckInputs{std::move(bundle), std::move(organization), pinned};
}

void PrintText(const bundles::BundleCheck& check, bool pinned) {
  std::cout << "signer: " << privacy::ToHex(check.signer)
            << (pinned ? " (pinned)" : " (not pinned: compare it with the key the instance published)") << "\n"
            << "bundle: " << check.header.bundle_id << "\n"
            << "organization: " << check.header.organization_id << "\n"
            << "created: " << check.header.created_day << "\n"
            << "entries: " << check.manifest.size() << "\n";
  for (const bundles::ManifestEntry& entry : check.manifest) {
    std::cout << "  " << entry.size << " " << entry.blake2b << " " << entry.path << "\n";
  }
  if (check.intact()) std::cout << "bundle intact\n";
  std::cout << std::flush;
}

void PrintJson(const bundles::BundleCheck& check, bool pinned) {
  nlohmann::json entries = nlohmann::json::array();
  for (const bundles::ManifestEntry& entry : check.manifest) {
    entries.push_back({{"path", entry.path}, {"size", entry.size}, {"blake2b", entry.blake2b}});
  }
  const nlohmann::json out = {{"intact", check.intact()},
                              {"signer", privacy::ToHex(check.signer)},
                              {"signer_pinned", pinned},
                              {"bundle_id", check.header.bundle_id},
                              {"organization_id", check.header.organization_id},
                              {"created_day", check.header.created_day},
                              {"entries", std::move(entries)},
                              {"problems", check.problems}};
  std::cout << out.dump(2) << std::endl;
}

void PrintProblems(const bundles::BundleCheck& check) {
  for (const std::string& problem : check.problems) std::cerr << "bundle ALTERED: " << problem << "\n";
  std::cerr << std::flush;
}

}  // namespace

int RunBundleKeygen(const BundleKeygenOptions& options) {
  Status status = privacy::InitializeAndSelfTest();
  Result<privacy::BoxPublicKey> public_key =
      status.ok() ? privacy::CreateOrganizationKeyFile(options.out) : Result<privacy::BoxPublicKey>(status);
  if (!public_key.ok()) {
    std::cerr << "pillarbox bundle keygen: " << public_key.status().message() << "\n";
    return 1;
  }
  std::cout << privacy::ToHex(public_key->bytes) << std::endl;
  std::cerr << "wrote " << options.out
            << " (mode 0600; keep it secret). Register the public key above with the instance's admin." << std::endl;
  return 0;
}

int RunBundleVerify(const BundleVerifyOptions& options) {
  auto inputs = LoadInputs(options.file, options.key, options.signer);
  Result<bundles::BundleCheck> check =
      inputs.ok() ? bundles::CheckBundle(inputs->bundle.bytes(), inputs->organization.secret_key, inputs->signer)
                  : Result<bundles::BundleCheck>(inputs.status());
  if (!check.ok()) {
    std::cerr << "pillarbox bundle verify: " << check.status().message() << "\n";
    return 1;
  }
  const bool pinned = inputs->signer.has_value();
  options.json_output ? PrintJson(*check, pinned) : PrintText(*check, pinned);
  PrintProblems(*check);
  return check->intact() ? 0 : 1;
}

int RunBundleOpen(const BundleOpenOptions& options) {
  auto inputs = LoadInputs(options.file, options.key, options.signer);
  Result<bundles::BundleCheck> check =
      inputs.ok() ? bundles::CheckBundle(inputs->bundle.bytes(), inputs->organization.secret_key, inputs->signer)
                  : Result<bundles::BundleCheck>(inputs.status());
  if (!check.ok()) {
    std::cerr << "pillarbox bundle open: " << check.status().message() << "\n";
    return 1;
  }
  if (!check->intact()) {
    PrintProblems(*check);
    std::cerr << "pillarbox bundle open: the bundle is altered; nothing was written" << std::endl;
    return 1;
  }
  const Status written =
      WriteBundleEntries(inputs->bundle.bytes(), inputs->organization.secret_key, inputs->signer, options.out);
  if (!written.ok()) {
    std::cerr << "pillarbox bundle open: " << written.message() << "\n";
    return 1;
  }
  std::cout << "wrote " << check->manifest.size() << " entries to " << options.out << std::endl;
  return 0;
}

}  // namespace pillarbox::app
