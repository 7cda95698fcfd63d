// The complaint ledger (客诉台账): every operation a CQE performs on the
// closed loop, each in one store transaction with its audit event (actor,
// time, what changed, before and after). The only writer of the store.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/store/store.hpp"
#include "core/workflow/complaint_file.hpp"
#include "core/workflow/sla_policy.hpp"

namespace qloop::workflow {

// A refusal the user can act on. kind tells the CLI/API how to answer.
class LedgerError : public std::runtime_error {
public:
  enum class Kind { NotFound, Invalid, Refused };
  LedgerError(Kind kind, const std::string &message) : std::runtime_error(message), kind_(kind) {}
  Kind kind() const noexcept { return kind_; }

private:
  Kind kind_;
};

struct AuditProblem {
  std::int64_t seq;
  std::string problem;
};

class Ledger {
public:
  using Clock = std::function<domain::Timestamp()>;
  explicit Ledger(store::Store &store, Clock clock = {});

  // Takes a new complaint in (status received). With a source key that is
  // already in the ledger nothing is created: the existing one is returned
  // with created = false, so retries and re-imports are exactly-once.
  struct Received {
    domain::Complaint complaint;
    bool created;
  };
  Received receive(domain::Complaint c, const std::string &actor);

  // By number ("QC-2026-00042") or numeric id; throws NotFound.
  domain::Complaint find(const std::string &number_or_id);
  ComplaintFile file(std::int64_t id);

  // Changes template fields given as JSON ({"lot": "L7", "severity": "major"}).
  domain::Complaint update(std::int64_t id, const nlohmann::json &changes, const std::string &actor,
                           const std::string &reason);
  domain::Complaint assign(std::int64_t id, const std::string &owner, const std::string &department,
                           const std::string &actor);
  domain::Complaint transition(std::int64_t id, domain::Status to, const std::string &actor,
                               const std::string &reason);
  // Waiting on the customer: the SLA clocks pause until resume().
  domain::Complaint wait_on_customer(std::int64_t id, const std::string &reason, const std::string &actor);
  domain::Complaint resume(std::int64_t id, const std::string &actor);
  // Links a new complaint to the archived case it repeats; reopens that case.
  domain::Complaint link_recurrence(std::int64_t id, std::int64_t archived_id, const std::string &actor);

  domain::Contact add_contact(std::int64_t id, domain::Contact contact, const std::string &actor);
  domain::Action add_action(std::int64_t id, domain::Action action, const std::string &actor);
  domain::Action update_action(std::int64_t action_id, const nlohmann::json &changes,
                               const std::string &actor);
  domain::Action verify_action(std::int64_t action_id, const std::string &result, const std::string &actor);
  domain::EightD set_eight_d(std::int64_t id, const std::string &section, const nlohmann::json &value,
                             const std::string &actor);
  domain::Revisit record_revisit(std::int64_t id, domain::Revisit revisit, const std::string &actor);
  std::int64_t attach_analysis(std::int64_t id, store::AnalysisRecord record, const std::string &actor);

  // Bulk import of a whole complaint file with its history (migration from
  // another system, demo data): the same validation as receive(), a number,
  // every row, and one audit event per row at the time it happened. The
  // file's state must satisfy the guards of the state it is in. Call inside
  // write() to batch many files in one transaction. Returns the new id, or
  // the existing one when the source key is already in the ledger.
  std::int64_t import_file(ComplaintFile &file, const std::string &actor);

  // Walks the whole trail; empty when the chain is intact, else the first
  // broken event and what is wrong with it.
  std::vector<AuditProblem> verify_audit();

  store::Store &store() { return store_; }
  domain::Timestamp now() const { return clock_(); }

  // Appends an event to the trail (for the workflow services beside the
  // ledger, such as intake); call inside store().write().
  void audit(const std::string &actor, std::optional<std::int64_t> complaint, const std::string &kind,
             const std::string &before, const std::string &after, const std::string &reason = "");

private:
  domain::Complaint must_get(std::int64_t id);

  store::Store &store_;
  Clock clock_;
};

} // namespace qloop::workflow
