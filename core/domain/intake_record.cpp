#include "core/domain/intake_record.hpp"

#include <limits>

namespace qloop::domain {

namespace {

constexpr std::size_t kMaxSourceKey = 512;

class Reader {
public:
  explicit Reader(const nlohmann::json &j, std::vector<std::string> &problems) : j_(j), problems_(problems) {}

  std::string text(const char *field, bool required) {
    auto it = j_.find(field);
    if (it == j_.end() || it->is_null()) {
      if (required) problems_.push_back(std::string(field) + ": is required");
      return {};
    }
    if (!it->is_string()) {
      problems_.push_back(std::string(field) + ": must be a string, not " + it->type_name());
      return {};
    }
    auto s = it->get<std::string>();
    if (required && s.find_first_not_of(" \t\r\n") == std::string::npos)
      problems_.push_back(std::string(field) + ": must not be empty");
    return s;
  }

  std::int64_t count(const char *field) {
    auto it = j_.find(field);
    if (it == j_.end() || it->is_null()) return 0;
    if (it->is_number_unsigned()) {
      if (it->get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        problems_.push_back(std::string(field) + ": is too large");
        return 0;
      }
      return it->get<std::int64_t>();
    }
    if (it->is_number_integer()) {
      if (it->get<std::int64_t>() < 0) problems_.push_back(std::string(field) + ": must not be negative");
      return std::max<std::int64_t>(0, it->get<std::int64_t>());
    }
    if (it->is_number_float()) {
      double d = it->get<double>();
      if (d >= 0 && d == static_cast<double>(static_cast<std::int64_t>(d)) && d < 9.0e18)
        return static_cast<std::int64_t>(d);
    }
    problems_.push_back(std::string(field) + ": must be a whole number >= 0, not " + it->dump());
    return 0;
  }

private:
  const nlohmann::json &j_;
  std::vector<std::string> &problems_;
};

void read_attachments(const nlohmann::json &j, IntakeRecord &r, std::vector<std::string> &problems) {
  auto it = j.find("attachments");
  if (it == j.end() || it->is_null()) return;
  if (!it->is_array()) {
    problems.push_back("attachments: must be an array");
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto &a = (*it)[i];
    const std::string where = "attachments[" + std::to_string(i) + "]";
    if (!a.is_object()) {
      problems.push_back(where + ": must be an object");
      continue;
    }
    std::vector<std::string> own;
    Reader read(a, own);
    IncomingAttachment att{read.text("name", true), read.text("media_type", false),
                           read.text("content_base64", false), read.text("path", false)};
    if (att.content_base64.empty() && att.path.empty()) own.push_back("needs content_base64 or path");
    for (auto &p : own) problems.push_back(where + "." + p);
    if (own.empty()) r.attachments.push_back(std::move(att));
  }
}

} // namespace

void read_thread(const nlohmann::json &j, Thread &t, std::vector<std::string> &problems) {
  auto it = j.find("thread");
  if (it == j.end() || it->is_null()) return;
  if (!it->is_object()) {
    problems.push_back("thread: must be an object");
    return;
  }
  auto text = [&](const char *key, std::string &out) {
    auto f = it->find(key);
    if (f == it->end() || f->is_null()) return;
    if (f->is_string())
      out = f->get<std::string>();
    else
      problems.push_back(std::string("thread.") + key + ": must be a string");
  };
  text("message_id", t.message_id);
  text("complaint_number", t.complaint_number);
  if (auto r = it->find("refers_to"); r != it->end() && !r->is_null()) {
    bool ok = r->is_array();
    for (std::size_t i = 0; ok && i < r->size(); ++i) {
      ok = (*r)[i].is_string();
      if (ok) t.refers_to.push_back((*r)[i].get<std::string>());
    }
    if (!ok) problems.push_back("thread.refers_to: must be an array of strings");
  }
  for (const auto &item : it->items())
    if (item.key() != "message_id" && item.key() != "refers_to" && item.key() != "complaint_number")
      problems.push_back("thread." + item.key() +
                         ": not a field of thread (message_id, refers_to, complaint_number)");
}

const std::vector<std::string> &intake_record_fields() {
  static const std::vector<std::string> fields = {
      "source_key",  "channel",      "received_at",       "customer",   "contact",  "product_model",
      "lot",         "order_number", "quantity_affected", "phenomenon", "reporter", "category",
      "subcategory", "severity",     "attachments",       "thread",     "extra"};
  return fields;
}

RecordCheck read_intake_record(const nlohmann::json &j) {
  RecordCheck out;
  if (!j.is_object()) {
    out.problems.push_back(std::string("record: must be a JSON object, not ") + j.type_name());
    return out;
  }
  auto &problems = out.problems;
  Complaint &c = out.record.complaint;
  Reader read(j, problems);
  c.source_key = read.text("source_key", true);
  if (c.source_key.size() > kMaxSourceKey)
    problems.push_back("source_key: longer than " + std::to_string(kMaxSourceKey) + " bytes");
  c.channel = read.text("channel", true);
  const auto received = read.text("received_at", true);
  if (!received.empty()) {
    if (auto t = parse_iso(received))
      c.received_at = *t;
    else
      problems.push_back("received_at: '" + received + "' is not an ISO 8601 date-time with offset");
  }
  c.customer = read.text("customer", true);
  c.contact = read.text("contact", false);
  c.product_model = read.text("product_model", false);
  c.lot = read.text("lot", false);
  c.order_number = read.text("order_number", false);
  c.quantity_affected = read.count("quantity_affected");
  c.phenomenon = read.text("phenomenon", true);
  c.reporter = read.text("reporter", false);
  c.category = read.text("category", false);
  c.subcategory = read.text("subcategory", false);
  const auto severity = read.text("severity", false);
  out.record.severity_given = !severity.empty();
  if (!severity.empty()) {
    if (auto s = parse_severity(severity))
      c.severity = *s;
    else
      problems.push_back("severity: '" + severity + "' is not one of critical, major, minor");
  }
  read_attachments(j, out.record, problems);
  read_thread(j, out.record.thread, problems);
  if (auto it = j.find("extra"); it != j.end() && !it->is_null()) {
    if (it->is_object())
      out.record.extra = *it;
    else
      problems.push_back("extra: must be an object");
  }
  return out;
}

} // namespace qloop::domain
