// A bundle writer for an attacker who has the organization's public key and
// a genuine bundle's manifest and signature but not the instance's signing
// key: it writes any header, entries, manifest and signature bytes, correctly
// encrypted to the organization.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "bundles/bundle_format.h"

namespace pillarbox::bundles::testing {

struct Forgery {
  BundleHeader header;
  privacy::SigningPublicKey claimed_signer{};  // written in the clear header
  std::vector<std::pair<std::string, std::string>> entries;
  std::string manifest_json;
  privacy::Signature signature{};
};

std::string ForgeBundle(const Forgery& forgery, const privacy::BoxPublicKey& recipient);

}  // namespace pillarbox::bundles::testing
