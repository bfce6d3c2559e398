// StatsServices: the researchers' statistics API of a running instance: the
// dimensions researchers may group by (from the embedded taxonomy and the
// questionnaires' clear enumerated fields), libsodium randomness for the DP
// noise, its own reader connection, and the StatsService itself.
#pragma once

#include <memory>
#include <string>

#include "common/clock.h"
#include "http/route_context.h"
#include "intake/questionnaire_catalog.h"
#include "privacy/instance_secret.h"
#include "stats/sodium_uniform_source.h"
#include "stats/stats_service.h"
#include "store/group_commit_writer.h"
#include "store/reader_pool.h"

namespace pillarbox::app {

// The dimensions of `catalog` and the embedded taxonomy, in canonical order:
// kind, region, sector, status, pillar, action_kind, case_status, then
// answer.<field> for every clear enum or multi_enum field other than region
// and sector (sorted by field; options of fields sharing a name across kinds
// merged in first-seen order). FailedPrecondition when the taxonomy is
// malformed.
Result<stats::StatsVocabulary> LoadStatsVocabulary(const intake::QuestionnaireCatalog& catalog);

class StatsServices {
 public:
  // Opens two reader connections to `database_path`; the references must outlive
  // the services. InvalidArgument (field "k") when options.threshold < 5.
  static Result<std::unique_ptr<StatsServices>> Start(const std::string& database_path,
                                                      store::GroupCommitWriter& writer,
                                                      const intake::QuestionnaireCatalog& catalog,
                                                      const privacy::InstanceKeys& keys, const Clock& clock,
                                                      stats::StatsOptions options);

  // Points `context.stats` at the service.
  void Fill(http::RouteContext& context) { context.stats = service_.get(); }

 private:
  StatsServices() = default;
  std::unique_ptr<store::ReaderPool> readers_;
  stats::SodiumUniformSource random_;
  std::unique_ptr<stats::StatsService> service_;
};

}  // namespace pillarbox::app
