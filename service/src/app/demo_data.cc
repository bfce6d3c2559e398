#include "app/demo_data.h"

#include <array>
#include <string>
#include <vector>

#include "audit/audit_log.h"
#include "cases/calendar_day.h"
#include "intake/report_sealer.h"
#include "intake/validator.h"
#include "privacy/envelope.h"
#include "privacy/receipt.h"
#include "store/action_rows.h"
#include "store/report_rows.h"
#include "store/sqlite_desk_directory.h"
#include "store/statement.h"
#include "store/transaction.h"

namespace pillarbox::app {
namespace {

constexpr size_t kRandomIdBytes = 16;

// The examples of DOMAIN.md ("a union petition, a class action, a complaint
// to a labour relations commission, a public-comment campaign, a mutual-aid
// fund"), with fictitious organizations.
struct DemoAction {
  const char* kind;
  const char* subtype;
  const char* name;
  const char* organization;
  const char* jurisdiction;
  const char* region;
  const char* status;
  const char* start_day;
};
constexpr std::array<DemoAction, 5> kDemoActions = {{
    {"protest_campaign", "union_petition", "Petition against algorithmic wage setting (demo)",
     "Example Workers Union (demo)", "", "asia_oceania", "active", "2025-02-03"},
    {"legal_action", "class_action", "Class action over automated benefit denials (demo)",
     "Example Legal Aid Collective (demo)", "Example District Court", "us_canada", "planned", ""},
    {"legal_action", "labor_board_complaint", "Complaint to the labour relations commission on worker tracking (demo)",
     "Example Workers Union (demo)", "Example Labour Relations Commission", "europe", "active", "2025-05-12"},
    {"protest_campaign", "public_comment", "Public-comment campaign on a data center permit (demo)",
     "Example Neighbours Network (demo)", "Example Municipality", "latin_america", "won", "2024-11-01"},
    {"alternatives", "mutual_aid", "Mutual-aid fund for cloned-voice performers (demo)",
     "Example Performers Guild (demo)", "", "global", "active", "2025-01-15"},
}};

// One fictitious organization the demo reports are about: the kind of
// report, the clear answers that make groups show, and the names.
struct DemoSource {
  const char* kind;
  const char* organization;
  const char* ai_system;
  const char* sector;
  const char* kind_field;     // the kind's required choice field
  const char* kind_value;     // its value(s); multi_enum gets one value
  bool kind_field_is_multi;
  int weight;                 // reports out of every 30
};
constexpr std::array<DemoSource, 4> kDemoSources = {{
    {"workplace_ai_harm", "Example Logistics Ltd (demo)", "RouteScore (demo)", "logistics_transport", "harm_types",
     "surveillance", true, 12},
    {"workplace_ai_harm", "Sample Call Centre Co (demo)", "ShiftPlanner (demo)", "retail_hospitality", "harm_types",
     "scheduling", true, 6},
    {"algorithmic_injustice", "Fictional Benefits Agency (demo)", "EligibilityCheck (demo)", "public_services",
     "decision_area", "benefits", false, 7},
    {"voice_cloning", "Demo Voice Studio Inc (demo)", "VoiceForge (demo)", "technology", "likeness_type", "voice",
     true, 5},
}};

constexpr std::array<const char*, 4> kDemoRegions = {"europe", "us_canada", "africa", "latin_america"};

Status InsertDemoActions(store::Database& db, const privacy::SecretKey& audit_key, const Clock& clock) {
  for (const DemoAction& demo : kDemoActions) {
    store::ActionRecord action{privacy::ToHex(privacy::RandomBytes(kRandomIdBytes)),
                               demo.kind,
                               demo.subtype,
                               demo.name,
                               demo.organization,
                               demo.jurisdiction,
                               demo.region,
                               demo.status,
                               demo.start_day,
                               "",
                               true,
                               0};
    PB_RETURN_IF_ERROR(store::InsertAction(db, action));
    PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
        db, audit_key, clock,
        {"cli", "action.created", "action", action.id,
         "kind=" + action.kind + ";subtype=" + action.subtype + ";status=" + action.status + ";demo=1"}));
  }
  return Status::Ok();
}

// The source of the `index`th report: sources in turn, by weight.
const DemoSource& SourceOf(size_t index) {
  int slot = static_cast<int>(index % 30);
  for (const DemoSource& source : kDemoSources) {
    if (slot < source.weight) return source;
    slot -= source.weight;
  }
  return kDemoSources.front();
}

intake::Submission DemoSubmission(const DemoSource& source, size_t index) {
  intake::Submission submission;
  submission.kind = source.kind;
  const std::string number = std::to_string(index + 1);
  submission.answers["summary"] = std::string("[Demo report ") + number + "] fictitious example about " +
                                  source.organization;
  submission.answers["narrative"] = std::string(
                                        "This is generated demo data, not a real report. A fictitious person "
                                        "describes harm from ") +
                                    source.ai_system + " used by " + source.organization + ".";
  submission.answers["region"] = std::string(kDemoRegions[index % kDemoRegions.size()]);
  submission.answers["sector"] = std::string(source.sector);
  submission.answers["organization"] = std::string(source.organization);
  submission.answers["ai_system"] = std::string(source.ai_system);
  if (source.kind_field_is_multi) {
    submission.answers[source.kind_field] = std::vector<std::string>{source.kind_value};
  } else {
    submission.answers[source.kind_field] = std::string(source.kind_value);
  }
  return submission;
}

Status MarkDemoReport(store::Database& db, const std::string& report_id) {
  static constexpr char kSql[] = "UPDATE reports SET demo = 1 WHERE id = ?";
  PB_ASSIGN_OR_RETURN(store::Statement * update, db.Prepare(kSql));
  update->BindText(1, report_id);
  return update->Run();
}

Status InsertDemoReports(store::Database& db, const intake::QuestionnaireCatalog& catalog,
                         const privacy::InstanceKeys& keys, const std::string& today, size_t count) {
  PB_ASSIGN_OR_RETURN(const auto desks, store::SqliteDeskDirectory::Load(db));
  for (size_t index = 0; index < count; ++index) {
    const DemoSource& source = SourceOf(index);
    const intake::Questionnaire* questionnaire = catalog.Find(source.kind);
    if (questionnaire == nullptr) return Status::FailedPrecondition("no questionnaire for a demo kind");
    PB_ASSIGN_OR_RETURN(const intake::Report report,
                        intake::ValidateSubmission(*questionnaire, DemoSubmission(source, index), today));
    PB_ASSIGN_OR_RETURN(const intake::DeskKey desk, desks->DeskForKind(source.kind));
    const std::string report_id = privacy::ToHex(privacy::RandomBytes(kRandomIdBytes));
    const std::string received_day = cases::AddDays(today, -static_cast<int>(1 + (index * 2) % 60));
    // Nobody holds the receipt: a demo report has no reporter to come back.
    const intake::SealedReport sealed =
        intake::SealReport(report, report_id, received_day, desk, privacy::Receipt::Generate(), keys);
    PB_RETURN_IF_ERROR(store::InsertSealedReport(db, sealed));
    PB_RETURN_IF_ERROR(MarkDemoReport(db, report_id));
  }
  return Status::Ok();
}

}  // namespace

Result<DemoCounts> LoadDemoData(store::Database& db, const intake::QuestionnaireCatalog& catalog,
                                const privacy::InstanceKeys& keys, const Clock& clock, size_t report_count) {
  store::Transaction transaction(db);
  PB_RETURN_IF_ERROR(transaction.Begin());
  PB_RETURN_IF_ERROR(InsertDemoActions(db, keys.audit_key(), clock));
  PB_RETURN_IF_ERROR(InsertDemoReports(db, catalog, keys, UtcDay(clock.NowUnixSeconds()), report_count));
  PB_RETURN_IF_ERROR(audit::AppendAuditEntry(
      db, keys.audit_key(), clock,
      {"cli", "demo.loaded", "instance", "",
       "actions=" + std::to_string(kDemoActions.size()) + ";reports=" + std::to_string(report_count)}));
  PB_RETURN_IF_ERROR(transaction.Commit());
  return DemoCounts{kDemoActions.size(), report_count};
}

}  // namespace pillarbox::app
