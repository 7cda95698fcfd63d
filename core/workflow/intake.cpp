#include "core/workflow/intake.hpp"

#include <fstream>

#include <openssl/evp.h>

#include "core/log/logging.hpp"
#include "core/util/sha256.hpp"
#include "core/workflow/incoming_contact.hpp"
#include "core/workflow/merging.hpp"

namespace qloop::workflow {

namespace {

using nlohmann::json;

std::string join(const std::vector<std::string> &parts) {
  std::string out;
  for (const auto &p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

std::optional<std::string> decode_base64(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (char ch : text)
    if (ch != '\n' && ch != '\r' && ch != ' ' && ch != '\t') clean += ch;
  if (clean.size() % 4 != 0) return std::nullopt;
  std::string out(clean.size() / 4 * 3, '\0');
  const int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char *>(out.data()),
                      reinterpret_cast<const unsigned char *>(clean.data()), static_cast<int>(clean.size()));
  if (n < 0) return std::nullopt;
  std::size_t size = static_cast<std::size_t>(n);
  if (!clean.empty() && clean.back() == '=') --size; // EVP_DecodeBlock counts padding as bytes
  if (clean.size() > 1 && clean[clean.size() - 2] == '=') --size;
  out.resize(size);
  return out;
}

// An attachment's name as a file name: no folders, no control characters,
// nothing hidden.
std::string safe_file_name(const std::string &name) {
  std::string base =
      name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  std::string out;
  for (unsigned char ch : base) out += (ch < 0x20 || ch == 0x7F || ch == ':') ? '_' : static_cast<char>(ch);
  while (!out.empty() && out.front() == '.') out.erase(out.begin());
  if (out.empty()) out = "attachment";
  return out.size() > 200 ? out.substr(out.size() - 200) : out;
}

// The key a quarantined record is held under: its own source key, or a hash
// of its bytes, so the same bad record sent twice is one item.
std::string quarantine_key(const json &record, const std::string &raw) {
  if (record.is_object()) {
    auto it = record.find("source_key");
    if (it != record.end() && it->is_string() && !it->get<std::string>().empty() &&
        it->get<std::string>().size() <= 512)
      return it->get<std::string>();
  }
  return "sha256:" + util::sha256_hex(raw);
}

} // namespace

Intake::Intake(Ledger &ledger, std::filesystem::path attachment_dir, DuplicatePolicy duplicates)
    : ledger_(ledger), attachment_dir_(std::move(attachment_dir)), duplicates_(duplicates) {}

void Intake::store_attachments(domain::IntakeRecord &record) {
  if (record.attachments.empty()) return;
  const auto folder = attachment_dir_ / util::sha256_hex(record.complaint.source_key).substr(0, 24);
  std::filesystem::create_directories(folder);
  for (const auto &a : record.attachments) {
    const auto target = folder / safe_file_name(a.name);
    if (!a.content_base64.empty()) {
      auto bytes = decode_base64(a.content_base64);
      if (!bytes)
        throw LedgerError(LedgerError::Kind::Invalid,
                          "attachment " + a.name + ": content_base64 is not base64");
      std::ofstream out(target, std::ios::binary | std::ios::trunc);
      out.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
      if (!out) throw std::runtime_error("cannot write attachment " + target.string());
    } else {
      std::error_code ec;
      std::filesystem::copy_file(a.path, target, std::filesystem::copy_options::overwrite_existing, ec);
      if (ec)
        throw LedgerError(LedgerError::Kind::Invalid,
                          "attachment " + a.name + ": cannot copy " + a.path + ": " + ec.message());
    }
    record.complaint.attachments.push_back({safe_file_name(a.name), a.media_type, target.string()});
  }
}

std::vector<Intake::Checked> Intake::check_and_classify(const json &batch) {
  std::vector<Checked> out;
  out.reserve(batch.size());
  std::vector<const domain::Complaint *> usable;
  std::vector<std::size_t> where;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    out.push_back({domain::read_intake_record(batch[i]), std::nullopt});
    auto &check = out.back().check;
    if (!check.problems.empty()) continue;
    usable.push_back(&check.record.complaint);
    where.push_back(i);
  }
  if (!classifier_ || usable.empty()) return out;
  // Outside the write transaction: the plugin's work holds no lock. A
  // classifier that fails stores the batch unclassified, in triage.
  try {
    auto decisions = classifier_->classify(usable);
    if (decisions.size() != usable.size())
      throw std::runtime_error("the classifier returned " + std::to_string(decisions.size()) +
                               " decisions for " + std::to_string(usable.size()) + " records");
    for (std::size_t k = 0; k < usable.size(); ++k) {
      auto &item = out[where[k]];
      item.classification = apply_classification(item.check.record.complaint, decisions[k],
                                                 item.check.record.severity_given, classify_policy_);
    }
  } catch (const std::exception &e) {
    log::get("intake")->error("classification failed, {} records go to triage: {}", usable.size(), e.what());
    for (auto i : where) out[i].classification = unclassified(e.what());
  }
  return out;
}

std::optional<std::string> Intake::take(const std::string &plugin_id, Checked &item, Tally &tally,
                                        Workload &workload) {
  auto &check = item.check;
  if (!check.problems.empty()) return join(check.problems);
  auto &record = check.record;
  record.complaint.extra = record.extra;
  auto &store = ledger_.store();
  const std::string &key = record.complaint.source_key;
  if (store.complaint_id_by_source_key(key) || store.contact_id_by_source_key(key)) {
    ++tally.duplicates;
    return std::nullopt;
  }
  try {
    store_attachments(record);
  } catch (const LedgerError &e) {
    return std::string(e.what());
  }
  const std::string actor = "intake:" + plugin_id;
  if (auto thread = thread_of(record)) {
    add_reply(*thread, record, actor);
    ++tally.replies;
    return std::nullopt;
  }
  auto first = find_probable_duplicate(store, record.complaint, duplicates_);
  if (item.classification && routing_ && !first)
    item.classification->assigned_by = routing_->assign(record.complaint, store, workload);
  const auto received = ledger_.receive(std::move(record.complaint), actor);
  if (!record.thread.message_id.empty())
    store.link_thread_message(record.thread.message_id, received.complaint.id);
  bool linked = false;
  if (first) {
    // A link the ledger refuses (the first report was closed meanwhile)
    // leaves the record stored on its own: linking is a convenience.
    try {
      Merger(ledger_).link_probable_duplicate(received.complaint.id, *first, actor);
      linked = true;
    } catch (const LedgerError &e) {
      log::get("intake")->warn("{} not linked to {}: {}", received.complaint.number, first->first.number,
                               e.what());
    }
  }
  if (item.classification) {
    item.classification->complaint_id = received.complaint.id;
    item.classification->at = ledger_.now();
    if (linked) item.classification->triage = false; // the first complaint is the one to grade
    store.put_classification(*item.classification);
  }
  if (linked) {
    ++tally.linked;
  } else {
    ++tally.stored;
    if (item.classification && item.classification->triage) ++tally.triage;
  }
  return std::nullopt;
}

std::optional<std::int64_t> Intake::thread_of(const domain::IntakeRecord &record) {
  auto &store = ledger_.store();
  for (const auto &id : record.thread.refers_to)
    if (auto found = store.complaint_id_by_thread_message(id)) return found;
  if (!record.thread.complaint_number.empty())
    if (auto c = store.complaint_by_number(record.thread.complaint_number)) return c->id;
  return std::nullopt;
}

// A reply: an inbound contact on the complaint, with the reply's text and
// the names of its attachments (their files are stored like a complaint's),
// and its own message id joined to the thread so replies to it land here too.
void Intake::add_reply(std::int64_t complaint_id, domain::IntakeRecord &record, const std::string &actor) {
  const auto &c = record.complaint;
  auto contact = incoming_contact(c, "", 8000);
  contact.source_key = c.source_key;
  if (!c.attachments.empty()) {
    contact.summary += "\n\nAttachments:";
    for (const auto &a : c.attachments) contact.summary += "\n- " + a.name + " (" + a.path + ")";
  }
  ledger_.add_contact(complaint_id, contact, actor);
  if (!record.thread.message_id.empty())
    ledger_.store().link_thread_message(record.thread.message_id, complaint_id);
}

Intake::Tally Intake::submit(const std::string &plugin_id, std::string_view records_json) {
  json batch = json::parse(records_json, nullptr, false);
  if (batch.is_discarded())
    throw LedgerError(LedgerError::Kind::Invalid,
                      "the batch is not valid JSON (expected an array of records)");
  if (!batch.is_array())
    throw LedgerError(LedgerError::Kind::Invalid,
                      std::string("the batch must be a JSON array of records, not ") + batch.type_name());
  auto checked = check_and_classify(batch);
  Tally tally;
  ledger_.store().write([&] {
    Workload workload;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const json &record = batch[i];
      if (auto problems = take(plugin_id, checked[i], tally, workload)) {
        const auto raw = record.dump();
        quarantine(plugin_id, quarantine_key(record, raw), raw, *problems);
        ++tally.quarantined;
      }
    }
  });
  log::get("intake")->info(
      "{}: {} stored ({} for triage), {} linked to earlier reports, {} replies, {} already "
      "there, {} quarantined",
      plugin_id, tally.stored, tally.triage, tally.linked, tally.replies, tally.duplicates,
      tally.quarantined);
  return tally;
}

std::int64_t Intake::quarantine(const std::string &plugin_id, const std::string &source_key,
                                std::string_view raw, const std::string &reason) {
  store::QuarantineItem q;
  q.plugin = plugin_id;
  q.source_key = source_key.empty() ? "sha256:" + util::sha256_hex(raw) : source_key;
  q.raw.assign(raw.data(), raw.size());
  q.reason = reason;
  q.first_at = q.last_at = ledger_.now();
  std::int64_t id = 0;
  ledger_.store().write([&] { id = ledger_.store().put_quarantine(q); });
  log::get("intake")->warn("{}: quarantined {} (item {}): {}", plugin_id, q.source_key, id, reason);
  return id;
}

store::QuarantineItem Intake::item(std::int64_t item_id) {
  std::optional<store::QuarantineItem> q;
  ledger_.store().read([&] { q = ledger_.store().quarantine_item(item_id); });
  if (!q) throw LedgerError(LedgerError::Kind::NotFound, "no quarantine item " + std::to_string(item_id));
  return *q;
}

std::vector<store::QuarantineItem> Intake::items(const store::QuarantineFilter &filter) {
  std::vector<store::QuarantineItem> out;
  ledger_.store().read([&] { out = ledger_.store().quarantine_items(filter); });
  return out;
}

Ledger::Received Intake::retry(std::int64_t item_id, const std::optional<json> &replacement,
                               const std::string &actor) {
  Ledger::Received received{{}, false};
  ledger_.store().write([&] {
    auto q = item(item_id);
    if (q.state != "held")
      throw LedgerError(LedgerError::Kind::Refused,
                        "quarantine item " + std::to_string(item_id) + " is " + q.state);
    json record = replacement ? *replacement : json::parse(q.raw, nullptr, false);
    if (record.is_discarded())
      throw LedgerError(
          LedgerError::Kind::Invalid,
          "item " + std::to_string(item_id) +
              " holds the channel's raw input, not a record: give a corrected record, or fix the "
              "source and run the channel again");
    auto check = domain::read_intake_record(record);
    if (!check.problems.empty()) throw LedgerError(LedgerError::Kind::Invalid, join(check.problems));
    check.record.complaint.extra = check.record.extra;
    store_attachments(check.record);
    received = ledger_.receive(std::move(check.record.complaint), actor);
    const std::string note = replacement ? "retried with a corrected record" : "retried";
    ledger_.store().settle_quarantine(item_id, "released", received.complaint.id, note);
    ledger_.audit(actor, received.complaint.id, "quarantine.released", "",
                  json{{"item", item_id}, {"plugin", q.plugin}, {"source_key", q.source_key}}.dump(), note);
  });
  return received;
}

void Intake::dismiss(std::int64_t item_id, const std::string &why, const std::string &actor) {
  if (why.empty()) throw LedgerError(LedgerError::Kind::Invalid, "say why the item is dismissed");
  ledger_.store().write([&] {
    auto q = item(item_id);
    if (q.state != "held")
      throw LedgerError(LedgerError::Kind::Refused,
                        "quarantine item " + std::to_string(item_id) + " is " + q.state);
    ledger_.store().settle_quarantine(item_id, "dismissed", std::nullopt, why);
    ledger_.audit(actor, std::nullopt, "quarantine.dismissed", "",
                  json{{"item", item_id}, {"plugin", q.plugin}, {"source_key", q.source_key}}.dump(), why);
  });
  log::get("intake")->info("{} dismissed quarantine item {}: {}", actor, item_id, why);
}

} // namespace qloop::workflow
