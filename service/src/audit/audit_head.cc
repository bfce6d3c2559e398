// The audit log's head in meta (declared in audit/audit_head.h).
#include "audit/audit_head.h"

#include <charconv>
#include <string>

#include "audit/audit_mac.h"

namespace pillarbox::audit {
namespace {

constexpr char kMalformedHead[] = "meta audit_head is not <seq>:<64 hex digits>";

Result<AuditHead> ParseHead(const std::string& value) {
  const size_t colon = value.find(':');
  if (colon == std::string::npos) return Status::DataLoss(kMalformedHead);
  AuditHead head;
  const auto [end, error] = std::from_chars(value.data(), value.data() + colon, head.seq);
  if (error != std::errc() || end != value.data() + colon || head.seq < 1) return Status::DataLoss(kMalformedHead);
  Result<privacy::Bytes> tag = privacy::FromHex(std::string_view(value).substr(colon + 1));
  if (!tag.ok() || tag->size() != kAuditMacBytes) return Status::DataLoss(kMalformedHead);
  head.tag = std::move(tag).value();
  return head;
}

}  // namespace

Status WriteAuditHead(store::Database& db, const privacy::SecretKey& audit_key, int64_t seq, privacy::ByteView mac) {
  static constexpr char kWriteHeadSql[] =
      "INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  PB_ASSIGN_OR_RETURN(store::Statement * write, db.Prepare(kWriteHeadSql));
  write->BindText(1, std::to_string(seq) + ":" + privacy::ToHex(AuditHeadTag(audit_key, seq, mac)));
  return write->Run();
}

Result<std::optional<AuditHead>> ReadAuditHead(store::Database& db) {
  static constexpr char kReadHeadSql[] = "SELECT value FROM meta WHERE key = 'audit_head'";
  PB_ASSIGN_OR_RETURN(store::Statement * read, db.Prepare(kReadHeadSql));
  Result<bool> row = read->Step();
  const std::string value = (row.ok() && *row) ? read->ColumnText(0) : std::string();
  read->Reset();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<AuditHead>();
  PB_ASSIGN_OR_RETURN(AuditHead head, ParseHead(value));
  return std::optional<AuditHead>(std::move(head));
}

}  // namespace pillarbox::audit
