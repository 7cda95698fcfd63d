#include "core/cli/ledger_support.hpp"

#include "core/cli/text_table.hpp"
#include "core/domain/json.hpp"

namespace qloop::cli {

nlohmann::json parse_assignments(const std::vector<std::string> &items) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto &item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw CommandError{kExitUsage, "expected field=value, got '" + item + "'"};
    std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    auto parsed = nlohmann::json::parse(value, nullptr, false);
    bool scalar = !parsed.is_discarded() && (parsed.is_number() || parsed.is_boolean() || parsed.is_null());
    out[key] = scalar ? parsed : nlohmann::json(value);
  }
  return out;
}

domain::Timestamp parse_time_option(const std::string &text, domain::Timestamp now, const char *option) {
  if (text.empty() || text == "now") return now;
  auto t = domain::parse_iso(text);
  if (!t)
    throw CommandError{kExitUsage, std::string(option) +
                                       ": expected an ISO 8601 time such as "
                                       "2026-11-24T09:30:00+08:00, got '" +
                                       text + "'"};
  return *t;
}

void print_complaints(std::ostream &out, const std::vector<domain::Complaint> &complaints) {
  TextTable t({"NUMBER", "RECEIVED", "SEVERITY", "STATUS", "CUSTOMER", "PRODUCT", "OWNER", "PHENOMENON"});
  for (const auto &c : complaints) {
    const std::string text = truncate_display(c.phenomenon, 50);
    t.add({c.number, domain::format_iso(c.received_at).substr(0, 16), domain::severity_name(c.severity),
           std::string(domain::status_name(c.status)) + (c.waiting_on_customer ? " (waiting)" : ""),
           c.customer, c.product_model, c.owner, text});
  }
  t.print(out);
}

} // namespace qloop::cli
