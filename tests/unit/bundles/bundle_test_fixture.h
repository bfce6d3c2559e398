// A small bundle written with known keys, and where each of its parts lies,
// for the bundle format tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "bundles/bundle_format.h"
#include "privacy/bytes.h"
#include "privacy/signing_key.h"

namespace pillarbox::bundles::testing {

// A byte range of a bundle file and the name CheckBundle must give it.
struct PartRange {
  size_t begin = 0;
  size_t end = 0;
  std::string name;
};

struct WrittenBundle {
  std::string bytes;
  std::vector<PartRange> parts;     // in file order, covering every byte
  std::vector<size_t> sink_pieces;  // the size of each piece the writer handed to its sink
};

// The entries of the test bundle: several, one spanning two 64 KiB messages, one empty.
std::vector<std::pair<std::string, std::string>> SampleEntries();

BundleHeader SampleHeader();

// Writes `entries` with `signer` to `recipient`; records each part's range.
WrittenBundle WriteBundle(const std::vector<std::pair<std::string, std::string>>& entries,
                          const privacy::SigningKey& signer, const privacy::BoxPublicKey& recipient,
                          const BundleHeader& header = SampleHeader());

// The part name CheckBundle must report for a damaged byte at `offset`.
std::string PartAt(const WrittenBundle& bundle, size_t offset);

}  // namespace pillarbox::bundles::testing
