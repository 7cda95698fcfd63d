// Where every intake channel's records end: each record is checked field by
// field; a usable one becomes a complaint exactly once (by its source key),
// an unusable one goes to the quarantine with its raw bytes and the reason.
// Nothing an intake plugin hands over is dropped.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/domain/intake_record.hpp"
#include "core/workflow/classification.hpp"
#include "core/workflow/duplicates.hpp"
#include "core/workflow/ledger.hpp"
#include "core/workflow/routing.hpp"

namespace qloop::workflow {

class Intake {
public:
  // Attachments sent inline (base64) are written under attachment_dir. A
  // record that probably repeats an open complaint (DuplicatePolicy) is
  // received and folded into it as a duplicate (workflow/merging).
  Intake(Ledger &ledger, std::filesystem::path attachment_dir, DuplicatePolicy duplicates = {});

  // Classification and routing of new complaints (both optional, not owned;
  // they must outlive this object).
  void set_classifier(Classifier *classifier, ClassifyPolicy policy) {
    classifier_ = classifier;
    classify_policy_ = policy;
  }
  void set_routing(const RoutingPolicy *routing) { routing_ = routing; }

  struct Tally {
    std::size_t stored = 0, duplicates = 0, quarantined = 0;
    std::size_t replies = 0; // added as contacts to the complaints they answer
    std::size_t linked = 0;  // received, and folded into the complaint they probably repeat
    std::size_t triage = 0;  // stored, waiting for a person to check their classification
  };

  // A batch from an intake plugin: a JSON array of records
  // (sdk/schemas/record.schema.json). Stored in one transaction. Throws
  // LedgerError(Invalid) when the batch as a whole is unusable (not JSON,
  // not an array); then nothing of it is kept and the channel must retry.
  Tally submit(const std::string &plugin_id, std::string_view records_json);

  // What a channel could not turn into a record (a broken CSV row, an
  // undecodable mail part). The same (plugin, source key) again counts an
  // attempt instead of adding an item.
  std::int64_t quarantine(const std::string &plugin_id, const std::string &source_key, std::string_view raw,
                          const std::string &reason);

  // A person's decision on a held item. retry() reads the item's raw bytes
  // (or `replacement`, a corrected record) as a record again; on success the
  // complaint is created and the item released. Both are audit events.
  Ledger::Received retry(std::int64_t item_id, const std::optional<nlohmann::json> &replacement,
                         const std::string &actor);
  void dismiss(std::int64_t item_id, const std::string &why, const std::string &actor);

  store::QuarantineItem item(std::int64_t item_id);
  std::vector<store::QuarantineItem> items(const store::QuarantineFilter &filter);

private:
  // A record read and checked, with its classification (when a classifier is set).
  struct Checked {
    domain::RecordCheck check;
    std::optional<domain::Classification> classification;
  };
  std::vector<Checked> check_and_classify(const nlohmann::json &batch);
  // Empty optional: stored (or already there); else the problems.
  std::optional<std::string> take(const std::string &plugin_id, Checked &item, Tally &tally,
                                  Workload &workload);
  void store_attachments(domain::IntakeRecord &record);
  // The complaint a record answers (record.thread: a message already on a
  // complaint, else a complaint number), if any.
  std::optional<std::int64_t> thread_of(const domain::IntakeRecord &record);
  void add_reply(std::int64_t complaint_id, domain::IntakeRecord &record, const std::string &actor);

  Ledger &ledger_;
  std::filesystem::path attachment_dir_;
  DuplicatePolicy duplicates_;
  Classifier *classifier_ = nullptr;
  ClassifyPolicy classify_policy_;
  const RoutingPolicy *routing_ = nullptr;
};

} // namespace qloop::workflow
