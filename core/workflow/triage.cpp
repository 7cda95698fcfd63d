#include "core/workflow/triage.hpp"

#include <algorithm>
#include <iterator>

namespace qloop::workflow {

using nlohmann::json;

std::vector<domain::Classification> Triage::queue(std::size_t limit) {
  std::vector<domain::Classification> out;
  ledger_.store().read([&] { out = ledger_.store().triage_queue(limit); });
  return out;
}

domain::Classification Triage::review(std::int64_t complaint_id, const json &changes,
                                      const std::string &department, const std::string &owner,
                                      const std::string &actor, const std::string &reason) {
  static const char *kGradingFields[] = {"category", "subcategory", "severity"};
  if (!changes.is_object())
    throw LedgerError(LedgerError::Kind::Invalid,
                      "changes: expected an object of category, subcategory, severity");
  for (const auto &[key, value] : changes.items())
    if (std::find(std::begin(kGradingFields), std::end(kGradingFields), key) == std::end(kGradingFields))
      throw LedgerError(LedgerError::Kind::Invalid,
                        key + ": triage corrects category, subcategory, severity and the department only");
  domain::Classification out;
  auto &store = ledger_.store();
  store.write([&] {
    auto found = store.classification(complaint_id);
    auto before = store.complaint(complaint_id);
    if (!before)
      throw LedgerError(LedgerError::Kind::NotFound, "no complaint with id " + std::to_string(complaint_id));
    if (!found)
      throw LedgerError(LedgerError::Kind::Refused, before->number + " was not classified at intake");
    if (!found->triage)
      throw LedgerError(LedgerError::Kind::Refused, before->number +
                                                        " is not in the triage queue (reviewed by " +
                                                        found->reviewed_by + ")");
    const std::string why = reason.empty() ? "triage review" : reason;
    json corrections = json::object();
    const json old = *before;
    json real_changes = json::object();
    for (const auto &[key, value] : changes.items())
      if (old.value(key, json()) != value) {
        real_changes[key] = value;
        corrections[key] = {{"from", old.value(key, json())}, {"to", value}};
      }
    if (!real_changes.empty()) ledger_.update(complaint_id, real_changes, actor, why);
    const std::string new_department = department.empty() ? before->owner_department : department;
    const std::string new_owner = owner.empty() ? before->owner : owner;
    if (new_department != before->owner_department || new_owner != before->owner) {
      if (new_owner.empty())
        throw LedgerError(LedgerError::Kind::Invalid,
                          "owner: " + before->number + " has no owner yet; name one with the department");
      if (new_department != before->owner_department)
        corrections["owner_department"] = {{"from", before->owner_department}, {"to", new_department}};
      if (new_owner != before->owner) corrections["owner"] = {{"from", before->owner}, {"to", new_owner}};
      ledger_.assign(complaint_id, new_owner, new_department, actor);
    }
    found->triage = false;
    found->reviewed_by = actor;
    found->reviewed_at = ledger_.now();
    found->corrections = corrections;
    store.put_classification(*found);
    ledger_.audit(actor, complaint_id,
                  corrections.empty() ? "classification.confirmed" : "classification.corrected", "",
                  corrections.dump(), why);
    out = *found;
  });
  return out;
}

} // namespace qloop::workflow
