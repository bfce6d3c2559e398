// The crash campaign's ledger: every submission the clients sent and what
// the server answered, and the reviewer's model of the state its
// acknowledged edits made. The checks after each kill compare the restarted
// instance with it. Thread-safe (one mutex); the accessors hand out copies.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pillarbox::testing {

// What became of one submission.
enum class SubmissionState {
  kInFlight,      // sent, no answer yet
  kAcknowledged,  // 201 (API) or the receipt page (form): must be stored
  kRefused,       // any other complete answer: must not be stored
  kUnknown,       // the connection died (the kill): stored whole or not at all
};

struct Submission {
  std::string canary;    // unique prefix of every text answer
  nlohmann::json body;   // {kind, answers} as BuildReport made it
  bool via_form = false;
  SubmissionState state = SubmissionState::kInFlight;
  std::string receipt;   // when acknowledged
};

// A report as the reviewer's acknowledged edits left it.
struct ReportModel {
  std::string status;
  int64_t revision = 0;
  std::set<std::string> pillars;
  std::vector<std::string> notes;  // bodies, oldest first

  bool operator==(const ReportModel&) const = default;
};

// A case as the reviewer's acknowledged edits left it.
struct CaseModel {
  std::string title;
  std::set<std::string> reports;

  bool operator==(const CaseModel&) const = default;
};

// An edit sent but not answered when the server died: the objects it
// touches may show the state before or after it.
struct PendingEdit {
  std::string report_id;  // "" when no report is touched
  std::optional<ReportModel> report_after;
  std::string case_id;    // "" when no case is touched
  std::optional<CaseModel> case_after;  // for a link
  std::string new_case_title;  // a case creation (its id is in the answer)
};

class CrashLedger {
 public:
  // Registers a submission about to be sent; its index.
  size_t AddSubmission(Submission submission);
  // Records the answer to submission `index` (receipt when acknowledged).
  void Resolve(size_t index, SubmissionState state, const std::string& receipt = "");
  // After a kill: every submission still in flight becomes kUnknown.
  void MarkInFlightUnknown();
  // The submission whose canary is `canary`, or nullopt.
  std::optional<size_t> FindByCanary(const std::string& canary) const;
  Submission SubmissionAt(size_t index) const;
  size_t SubmissionCount() const;
  // Indexes of acknowledged submissions, in the order acknowledged.
  std::vector<size_t> Acknowledged() const;
  // Submissions in each state.
  int64_t CountIn(SubmissionState state) const;

  // The reviewer's model.
  std::map<std::string, ReportModel> Reports() const;
  std::map<std::string, CaseModel> Cases() const;
  void SetReport(const std::string& id, ReportModel model);
  void SetCase(const std::string& id, CaseModel model);
  // Records an edit before it is sent; cleared by Acknowledge...; left in
  // place by a connection that died.
  void BeginEdit(PendingEdit edit);
  // Applies the pending edit's "after" state (its answer was 2xx).
  void AcknowledgeEdit();
  // Forgets the pending edit (it was refused).
  void DropEdit();
  std::optional<PendingEdit> Pending() const;
  int64_t acknowledged_edits() const;

  // A consistency failure, kept for the report at the end.
  void Fail(const std::string& what);
  std::vector<std::string> Failures() const;

 private:
  mutable std::mutex mutex_;
  std::vector<Submission> submissions_;
  std::map<std::string, size_t> by_canary_;
  std::vector<size_t> acknowledged_;
  std::map<std::string, ReportModel> reports_;
  std::map<std::string, CaseModel> cases_;
  std::optional<PendingEdit> pending_;
  int64_t acknowledged_edits_ = 0;
  std::vector<std::string> failures_;
};

}  // namespace pillarbox::testing
