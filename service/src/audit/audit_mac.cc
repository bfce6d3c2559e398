// The audit log's chain encoding (declared in audit/audit_mac.h).
#include "audit/audit_mac.h"

#include <string_view>

#include "privacy/keyed_hash.h"

namespace pillarbox::audit {
namespace {

constexpr std::string_view kHeadDomain = "audit_head";

void AppendUint64(privacy::Bytes& out, uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(value >> shift));
}

void AppendInteger(privacy::Bytes& out, int64_t value) {
  AppendUint64(out, 8);
  AppendUint64(out, static_cast<uint64_t>(value));
}

void AppendText(privacy::Bytes& out, std::string_view text) {
  AppendUint64(out, text.size());
  const privacy::ByteView bytes = privacy::AsBytes(text);
  out.insert(out.end(), bytes.begin(), bytes.end());
}

}  // namespace

privacy::Bytes AuditEntryMac(const privacy::SecretKey& audit_key, const AuditEntry& entry) {
  privacy::Bytes message(entry.prev_mac.begin(), entry.prev_mac.end());
  AppendInteger(message, entry.seq);
  AppendInteger(message, entry.at);
  for (const std::string* text : {&entry.actor, &entry.action, &entry.object_type, &entry.object_id, &entry.detail}) {
    AppendText(message, *text);
  }
  return privacy::KeyedBlake2b256(audit_key, message);
}

privacy::Bytes AuditHeadTag(const privacy::SecretKey& audit_key, int64_t seq, privacy::ByteView mac) {
  privacy::Bytes message(kHeadDomain.begin(), kHeadDomain.end());
  AppendUint64(message, static_cast<uint64_t>(seq));
  message.insert(message.end(), mac.begin(), mac.end());
  return privacy::KeyedBlake2b256(audit_key, message);
}

}  // namespace pillarbox::audit
