// JSON mappings of the domain records (one place, so the API, the store and
// the plugins see the same field names as sdk/schemas/record.schema.json).
#include <algorithm>

#include "core/domain/action.hpp"
#include "core/domain/complaint.hpp"
#include "core/domain/contact.hpp"
#include "core/domain/eight_d.hpp"
#include "core/domain/revisit.hpp"

namespace qloop::domain {

void to_json(nlohmann::json &j, const EightD &d) {
  j = {{"d0", d.d0}, {"d1", d.d1}, {"d2", d.d2}, {"d3", d.d3}, {"d4", d.d4},
       {"d5", d.d5}, {"d6", d.d6}, {"d7", d.d7}, {"d8", d.d8}};
}

void from_json(const nlohmann::json &j, EightD &d) {
  d = EightD{};
  for (const char *s : {"d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"})
    if (j.contains(s)) set_section(d, s, j.at(s));
}

bool EightD::has_cause(const std::string &kind) const {
  return std::any_of(d4.begin(), d4.end(),
                     [&](const RootCause &c) { return c.kind == kind && !c.description.empty(); });
}

bool is_eight_d_section(const std::string &name) {
  return name.size() == 2 && name[0] == 'd' && name[1] >= '0' && name[1] <= '8';
}

void set_section(EightD &doc, const std::string &section, const nlohmann::json &value) {
  try {
    if (section == "d0")
      doc.d0 = value.get<std::string>();
    else if (section == "d1")
      doc.d1 = value.get<std::vector<TeamMember>>();
    else if (section == "d2")
      doc.d2 = value.get<ProblemStatement>();
    else if (section == "d3")
      doc.d3 = value.get<std::vector<ContainmentAction>>();
    else if (section == "d4") {
      auto causes = value.get<std::vector<RootCause>>();
      for (const auto &c : causes)
        if (c.kind != "occurrence" && c.kind != "escape")
          throw std::invalid_argument("kind: expected 'occurrence' or 'escape', got '" + c.kind + "'");
      doc.d4 = std::move(causes);
    } else if (section == "d5")
      doc.d5 = value.get<PermanentActions>();
    else if (section == "d6")
      doc.d6 = value.get<Implementation>();
    else if (section == "d7")
      doc.d7 = value.get<Prevention>();
    else if (section == "d8")
      doc.d8 = value.get<Closure>();
    else
      throw std::invalid_argument("unknown section (expected d0 to d8)");
  } catch (const nlohmann::json::exception &e) {
    throw std::invalid_argument(section + ": " + e.what());
  } catch (const std::invalid_argument &e) {
    std::string what = e.what();
    if (what.rfind(section + ":", 0) == 0) throw;
    throw std::invalid_argument(section + ": " + what);
  }
}

nlohmann::json get_section(const EightD &doc, const std::string &section) {
  nlohmann::json all = doc;
  if (!all.contains(section))
    throw std::invalid_argument("unknown 8D section '" + section + "' (expected d0 to d8)");
  return all[section];
}

void to_json(nlohmann::json &j, const Complaint &c) {
  j = {{"id", c.id},
       {"number", c.number},
       {"source_key", c.source_key},
       {"customer", c.customer},
       {"contact", c.contact},
       {"received_at", c.received_at},
       {"channel", c.channel},
       {"product_model", c.product_model},
       {"lot", c.lot},
       {"order_number", c.order_number},
       {"quantity_affected", c.quantity_affected},
       {"phenomenon", c.phenomenon},
       {"attachments", c.attachments},
       {"reporter", c.reporter},
       {"extra", c.extra},
       {"category", c.category},
       {"subcategory", c.subcategory},
       {"severity", c.severity},
       {"key_complaint", c.key_complaint},
       {"status", status_name(c.status)},
       {"owner", c.owner},
       {"owner_department", c.owner_department},
       {"duplicate_of", c.duplicate_of},
       {"recurrence_of", c.recurrence_of},
       {"waiting_on_customer", c.waiting_on_customer},
       {"created_at", c.created_at},
       {"updated_at", c.updated_at},
       {"closed_at", c.closed_at}};
}

void from_json(const nlohmann::json &j, Complaint &c) {
  Complaint d;
  c.id = j.value("id", d.id);
  c.number = j.value("number", d.number);
  c.source_key = j.value("source_key", d.source_key);
  c.customer = j.value("customer", d.customer);
  c.contact = j.value("contact", d.contact);
  if (j.contains("received_at")) c.received_at = j.at("received_at").get<Timestamp>();
  c.channel = j.value("channel", d.channel);
  if (auto it = j.find("extra"); it != j.end() && it->is_object()) c.extra = *it;
  c.product_model = j.value("product_model", d.product_model);
  c.lot = j.value("lot", d.lot);
  c.order_number = j.value("order_number", d.order_number);
  c.quantity_affected = j.value("quantity_affected", d.quantity_affected);
  c.phenomenon = j.value("phenomenon", d.phenomenon);
  if (j.contains("attachments")) c.attachments = j.at("attachments").get<std::vector<Attachment>>();
  c.reporter = j.value("reporter", d.reporter);
  c.category = j.value("category", d.category);
  c.subcategory = j.value("subcategory", d.subcategory);
  if (j.contains("severity") && !j["severity"].is_null()) {
    auto s = parse_severity(j["severity"].get<std::string>());
    if (!s) throw std::invalid_argument("severity: expected critical, major or minor");
    c.severity = *s;
  }
  c.key_complaint = j.value("key_complaint", d.key_complaint);
  if (j.contains("status")) {
    auto s = parse_status(j["status"].get<std::string>());
    if (!s) throw std::invalid_argument("status: unknown state '" + j["status"].get<std::string>() + "'");
    c.status = *s;
  }
  c.owner = j.value("owner", d.owner);
  c.owner_department = j.value("owner_department", d.owner_department);
  c.duplicate_of = j.value("duplicate_of", std::optional<std::int64_t>{});
  c.recurrence_of = j.value("recurrence_of", std::optional<std::int64_t>{});
  c.waiting_on_customer = j.value("waiting_on_customer", false);
  if (j.contains("created_at")) c.created_at = j.at("created_at").get<Timestamp>();
  if (j.contains("updated_at")) c.updated_at = j.at("updated_at").get<Timestamp>();
  c.closed_at = j.value("closed_at", std::optional<Timestamp>{});
}

std::vector<std::string> validate_new_complaint(const Complaint &c) {
  std::vector<std::string> problems;
  if (c.customer.empty()) problems.push_back("customer: must not be empty");
  if (c.phenomenon.empty()) problems.push_back("phenomenon: must not be empty");
  if (c.channel.empty()) problems.push_back("channel: must not be empty");
  if (c.received_at == Timestamp{}) problems.push_back("received_at: must be set");
  if (c.quantity_affected < 0) problems.push_back("quantity_affected: must not be negative");
  return problems;
}

const char *direction_name(Direction d) { return d == Direction::Inbound ? "in" : "out"; }

void to_json(nlohmann::json &j, const Contact &c) {
  j = {{"id", c.id},           {"complaint_id", c.complaint_id},
       {"channel", c.channel}, {"direction", c.direction},
       {"purpose", c.purpose}, {"at", c.at},
       {"summary", c.summary}, {"actor", c.actor}};
  if (!c.source_key.empty()) j["source_key"] = c.source_key;
}
void from_json(const nlohmann::json &j, Contact &c) {
  c.id = j.value("id", std::int64_t{0});
  c.complaint_id = j.value("complaint_id", std::int64_t{0});
  c.channel = j.value("channel", std::string());
  c.direction = j.value("direction", Direction::Outbound);
  c.purpose = j.value("purpose", std::string("update"));
  c.at = j.at("at").get<Timestamp>();
  c.summary = j.value("summary", std::string());
  c.actor = j.value("actor", std::string());
  c.source_key = j.value("source_key", std::string());
}

const char *action_type_name(ActionType t) {
  return t == ActionType::Temporary ? "temporary" : t == ActionType::Permanent ? "permanent" : "preventive";
}
std::optional<ActionType> parse_action_type(const std::string &s) {
  if (s == "temporary") return ActionType::Temporary;
  if (s == "permanent") return ActionType::Permanent;
  if (s == "preventive") return ActionType::Preventive;
  return std::nullopt;
}
const char *action_status_name(ActionStatus s) {
  switch (s) {
  case ActionStatus::Open: return "open";
  case ActionStatus::InProgress: return "in_progress";
  case ActionStatus::Done: return "done";
  case ActionStatus::Verified: return "verified";
  default: return "cancelled";
  }
}
std::optional<ActionStatus> parse_action_status(const std::string &s) {
  for (auto st : {ActionStatus::Open, ActionStatus::InProgress, ActionStatus::Done, ActionStatus::Verified,
                  ActionStatus::Cancelled})
    if (s == action_status_name(st)) return st;
  return std::nullopt;
}
bool is_open(const Action &a) {
  return a.status == ActionStatus::Open || a.status == ActionStatus::InProgress;
}

void to_json(nlohmann::json &j, const Action &a) {
  j = {{"id", a.id},
       {"complaint_id", a.complaint_id},
       {"type", a.type},
       {"description", a.description},
       {"owner_department", a.owner_department},
       {"owner", a.owner},
       {"due", a.due},
       {"status", a.status},
       {"evidence", a.evidence},
       {"verification_result", a.verification_result},
       {"verified_by", a.verified_by},
       {"verified_at", a.verified_at}};
}
void from_json(const nlohmann::json &j, Action &a) {
  a.id = j.value("id", std::int64_t{0});
  a.complaint_id = j.value("complaint_id", std::int64_t{0});
  a.type = j.value("type", ActionType::Permanent);
  a.description = j.value("description", std::string());
  a.owner_department = j.value("owner_department", std::string());
  a.owner = j.value("owner", std::string());
  a.due = j.value("due", std::optional<Timestamp>{});
  a.status = j.value("status", ActionStatus::Open);
  a.evidence = j.value("evidence", std::string());
  a.verification_result = j.value("verification_result", std::string());
  a.verified_by = j.value("verified_by", std::string());
  a.verified_at = j.value("verified_at", std::optional<Timestamp>{});
}

void to_json(nlohmann::json &j, const Revisit &r) {
  j = {{"id", r.id},           {"complaint_id", r.complaint_id},
       {"at", r.at},           {"satisfaction", r.satisfaction},
       {"comment", r.comment}, {"problem_recurred", r.problem_recurred},
       {"waived", r.waived},   {"waiver_reason", r.waiver_reason},
       {"actor", r.actor}};
}
void from_json(const nlohmann::json &j, Revisit &r) {
  r.id = j.value("id", std::int64_t{0});
  r.complaint_id = j.value("complaint_id", std::int64_t{0});
  r.at = j.at("at").get<Timestamp>();
  r.satisfaction = j.value("satisfaction", 0);
  r.comment = j.value("comment", std::string());
  r.problem_recurred = j.value("problem_recurred", false);
  r.waived = j.value("waived", false);
  r.waiver_reason = j.value("waiver_reason", std::string());
  r.actor = j.value("actor", std::string());
}

std::vector<std::string> validate_revisit(const Revisit &r) {
  std::vector<std::string> problems;
  if (r.waived) {
    if (r.waiver_reason.empty()) problems.push_back("waiver_reason: a waived revisit needs a reason");
  } else if (r.satisfaction < 1 || r.satisfaction > 5) {
    problems.push_back("satisfaction: must be 1 to 5");
  }
  return problems;
}

} // namespace qloop::domain
