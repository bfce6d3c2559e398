// Blind indexes: keyed BLAKE2b over a normalized value, so reviewers can find
// reports naming the same organization or AI system without decrypting them.
// Equal values give equal indexes (accepted leakage, THREAT_MODEL.md); without
// the instance's index key nothing about the value can be computed.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "privacy/bytes.h"

namespace pillarbox::privacy {

inline constexpr size_t kBlindIndexBytes = 32;

// Normalization applied before indexing: Unicode is kept as is except that
// ASCII letters are lowercased; leading and trailing whitespace and
// punctuation are removed; every run of whitespace and the punctuation
// characters . , - _ / & ' " ( ) is collapsed to one space; a trailing legal
// form (inc, ltd, llc, gmbh, sa, plc, corp, co, ag, bv, sas, srl) is dropped.
// "  ACME, Inc. " and "acme inc" both become "acme".
std::string NormalizeForIndex(std::string_view value);

// keyed BLAKE2b-256 over "<field>\0<NormalizeForIndex(value)>" with `index_key`.
// Domain-separated by field, so the same name indexed as organization and as
// ai_system gives different digests.
Bytes BlindIndex(const SecretKey& index_key, std::string_view field, std::string_view value);

}  // namespace pillarbox::privacy
