// Sealing an evidence file for storage, and opening it again. The file's
// bytes go into a secretstream under a fresh random file key; the file key and
// the metadata JSON are sealed under the report's data key with
// privacy::SealField in contexts {"evidence_files", file id, "file_key", 1}
// and {"evidence_files", file id, "meta", 1}, so neither can be moved to
// another file. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "privacy/bytes.h"
#include "privacy/wipe.h"
#include "reporter/evidence_meta.h"
#include "store/evidence_rows.h"

namespace pillarbox::reporter {

inline constexpr char kEvidenceFilesTable[] = "evidence_files";
inline constexpr uint32_t kEvidenceKeyVersion = 1;

// A file ready to store: its row and its chunks.
struct SealedEvidence {
  store::EvidenceFileRecord record;
  std::vector<std::vector<uint8_t>> chunks;
};

// Seals `content` and `meta` as file `file_id` of report `report_id`, added on `day`.
SealedEvidence SealEvidence(const privacy::SecretKey& data_key, std::string_view report_id, std::string_view file_id,
                            std::string_view day, const EvidenceMeta& meta, privacy::ByteView content);

// The metadata of `record`; DataLoss when it fails to open under `data_key`.
Result<EvidenceMeta> OpenEvidenceMeta(const privacy::SecretKey& data_key, const store::EvidenceFileRecord& record);

// The bytes of `record` from its `chunks`; DataLoss when anything fails to open.
Result<privacy::SensitiveBytes> OpenEvidenceContent(const privacy::SecretKey& data_key,
                                                    const store::EvidenceFileRecord& record,
                                                    const std::vector<std::vector<uint8_t>>& chunks);

}  // namespace pillarbox::reporter
