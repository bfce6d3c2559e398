// The byte layout of an evidence bundle (declared in bundles/bundle_layout.h).
#include "bundles/bundle_layout.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "bundles/entry_path.h"

namespace pillarbox::bundles::layout {
namespace {

using Json = nlohmann::json;

bool IsLowerHex(std::string_view text, size_t digits) {
  return text.size() == digits &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool IsOrganizationId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
  });
}

bool IsDay(std::string_view day) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (day[i] < '0' || day[i] > '9') return false;
  }
  return true;
}

// The string member `name` of `object`, or "" when it is missing or not a string.
std::string StringMember(const Json& object, const char* name) {
  const auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Decodes 2 * N lowercase hex digits into `out`.
template <size_t N>
bool DecodeKey(std::string_view hex, std::array<uint8_t, N>& out) {
  if (!IsLowerHex(hex, 2 * N)) return false;
  auto bytes = privacy::FromHex(hex);
  if (!bytes.ok()) return false;
  std::copy(bytes->begin(), bytes->end(), out.begin());
  return true;
}

// Reads the header fields and the signer shared by the header and the manifest JSON.
Status DecodeCommon(const Json& object, BundleHeader& header, privacy::SigningPublicKey& signer) {
  header.bundle_id = StringMember(object, "bundle_id");
  header.organization_id = StringMember(object, "organization_id");
  header.created_day = StringMember(object, "created_day");
  PB_RETURN_IF_ERROR(ValidateHeader(header));
  if (!DecodeKey(StringMember(object, "signer"), signer)) {
    return Status::InvalidArgument("signer is not 64 lowercase hex digits", "signer");
  }
  return Status::Ok();
}

Result<ManifestEntry> DecodeEntry(const Json& item) {
  if (!item.is_object()) return Status::InvalidArgument("an entry is not an object", "entries");
  ManifestEntry entry;
  entry.path = StringMember(item, "path");
  PB_RETURN_IF_ERROR(ValidateEntryPath(entry.path));
  const auto size = item.find("size");
  if (size == item.end() || !size->is_number_unsigned()) {
    return Status::InvalidArgument("entry " + entry.path + " has no size", "size");
  }
  entry.size = size->get<uint64_t>();
  entry.blake2b = StringMember(item, "blake2b");
  if (!IsLowerHex(entry.blake2b, 64)) {
    return Status::InvalidArgument("entry " + entry.path + " has no 64-digit blake2b", "blake2b");
  }
  return entry;
}

}  // namespace

std::string PartContext(std::string_view bundle_id, std::string_view kind, std::optional<uint64_t> index) {
  std::string context = "pillarbox-bundle-v1|";
  context.append(bundle_id).append("|").append(kind);
  if (index.has_value()) context.append("|").append(std::to_string(*index));
  return context;
}

uint64_t PartCiphertextBytes(uint64_t plaintext_size) {
  const uint64_t full = plaintext_size / kPartMessageBytes;
  const uint64_t rest = plaintext_size % kPartMessageBytes;
  const uint64_t messages = full + (rest > 0 || plaintext_size == 0 ? 1 : 0);
  return privacy::kSecretStreamHeaderBytes + plaintext_size + messages * privacy::kSecretStreamOverhead;
}

std::string ManifestSigningMessage(std::string_view manifest_json) {
  std::string message(kManifestFormat);
  message.append("\n").append(manifest_json);
  return message;
}

void AppendU16(std::string& out, uint16_t value) {
  for (int i = 0; i < 2; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}
void AppendU32(std::string& out, uint32_t value) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}
void AppendU64(std::string& out, uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

uint64_t ReadLittleEndian(std::string_view bytes) {
  uint64_t value = 0;
  for (size_t i = bytes.size(); i > 0; --i) value = (value << 8) | static_cast<uint8_t>(bytes[i - 1]);
  return value;
}

Status ValidateHeader(const BundleHeader& header) {
  if (!IsLowerHex(header.bundle_id, 32)) {
    return Status::InvalidArgument("bundle id must be 32 lowercase hex digits", "bundle_id");
  }
  if (!IsOrganizationId(header.organization_id)) {
    return Status::InvalidArgument("organization id must be 1-64 characters of A-Z a-z 0-9 . _ -", "organization_id");
  }
  if (!IsDay(header.created_day)) return Status::InvalidArgument("created day must be YYYY-MM-DD", "created_day");
  return Status::Ok();
}

std::string EncodeHeaderJson(const BundleHeader& header, const privacy::SigningPublicKey& signer,
                             const privacy::BoxPublicKey& recipient) {
  const Json json = {{"bundle_id", header.bundle_id},
                     {"organization_id", header.organization_id},
                     {"created_day", header.created_day},
                     {"signer", privacy::ToHex(signer)},
                     {"recipient", privacy::ToHex(recipient.bytes)}};
  return json.dump();
}

Result<DecodedHeader> DecodeHeaderJson(std::string_view json) {
  const Json object = Json::parse(json.begin(), json.end(), nullptr, false);
  if (object.is_discarded() || !object.is_object()) return Status::InvalidArgument("header is not a JSON object");
  DecodedHeader decoded;
  PB_RETURN_IF_ERROR(DecodeCommon(object, decoded.header, decoded.signer));
  if (!DecodeKey(StringMember(object, "recipient"), decoded.recipient.bytes)) {
    return Status::InvalidArgument("recipient is not 64 lowercase hex digits", "recipient");
  }
  return decoded;
}

std::string EncodeManifest(const BundleHeader& header, const privacy::SigningPublicKey& signer,
                           const privacy::BoxPublicKey& recipient, const std::vector<ManifestEntry>& entries) {
  Json list = Json::array();
  for (const ManifestEntry& entry : entries) {
    list.push_back({{"path", entry.path}, {"size", entry.size}, {"blake2b", entry.blake2b}});
  }
  const Json json = {{"format", kManifestFormat},
                     {"bundle_id", header.bundle_id},
                     {"organization_id", header.organization_id},
                     {"created_day", header.created_day},
                     {"signer", privacy::ToHex(signer)},
                     {"recipient", privacy::ToHex(recipient.bytes)},
                     {"entries", std::move(list)}};
  return json.dump();
}

Result<DecodedManifest> DecodeManifest(std::string_view json) {
  const Json object = Json::parse(json.begin(), json.end(), nullptr, false);
  if (object.is_discarded() || !object.is_object() || StringMember(object, "format") != kManifestFormat) {
    return Status::InvalidArgument("manifest is not a " + std::string(kManifestFormat) + " JSON object");
  }
  DecodedManifest decoded;
  PB_RETURN_IF_ERROR(DecodeCommon(object, decoded.header, decoded.signer));
  if (!DecodeKey(StringMember(object, "recipient"), decoded.recipient.bytes)) {
    return Status::InvalidArgument("recipient is not 64 lowercase hex digits", "recipient");
  }
  const auto entries = object.find("entries");
  if (entries == object.end() || !entries->is_array()) return Status::InvalidArgument("manifest has no entries");
  std::set<std::string> paths;
  for (const Json& item : *entries) {
    PB_ASSIGN_OR_RETURN(ManifestEntry entry, DecodeEntry(item));
    if (!paths.insert(entry.path).second) return Status::InvalidArgument("entry " + entry.path + " appears twice");
    decoded.entries.push_back(std::move(entry));
  }
  return decoded;
}

}  // namespace pillarbox::bundles::layout
