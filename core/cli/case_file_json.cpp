#include "core/cli/case_file_json.hpp"

#include "core/domain/json.hpp"
#include "core/workflow/sla_clock.hpp"

namespace qloop::cli {

using nlohmann::json;

json sla_json(Context &ctx, const workflow::ComplaintFile &f, domain::Timestamp now) {
  json out = json::array();
  const auto &policy = ctx.sla_policy();
  auto first_out = [&](const std::string &purpose) -> std::optional<domain::Timestamp> {
    for (const auto &c : f.contacts)
      if (c.direction == domain::Direction::Outbound && (purpose.empty() || c.purpose == purpose))
        return c.at;
    return std::nullopt;
  };
  using workflow::SlaTarget;
  std::optional<domain::Timestamp> d3_done, d4_done, d8_done = f.eight_d.d8.closed_at;
  if (!f.eight_d.d3.empty()) d3_done = f.eight_d.d3.front().done_at;
  for (auto target : {SlaTarget::FirstResponse, SlaTarget::Acknowledge, SlaTarget::Containment,
                      SlaTarget::RootCause, SlaTarget::Closure}) {
    auto per = policy.targets.find(f.complaint.severity);
    if (per == policy.targets.end() || !per->second.count(target)) continue;
    std::optional<domain::Timestamp> met;
    if (target == SlaTarget::FirstResponse || target == SlaTarget::Acknowledge) met = first_out("");
    if (target == SlaTarget::Containment) met = d3_done;
    if (target == SlaTarget::RootCause && f.eight_d.has_cause("occurrence")) met = d4_done.value_or(now);
    if (target == SlaTarget::Closure) met = d8_done;
    auto s =
        workflow::evaluate(policy, f.complaint.severity, target, f.complaint.received_at, met, now, f.pauses);
    out.push_back({{"target", workflow::sla_target_name(target)},
                   {"due", s.due},
                   {"used_fraction", s.fraction},
                   {"met", s.met},
                   {"breached", s.breached},
                   {"escalated_to", s.escalated_to}});
  }
  return out;
}

json case_file_json(Context &ctx, const workflow::ComplaintFile &f, domain::Timestamp now) {
  return {{"complaint", f.complaint}, {"contacts", f.contacts}, {"actions", f.actions},
          {"eight_d", f.eight_d},     {"revisits", f.revisits}, {"sla", sla_json(ctx, f, now)},
          {"links", f.links}};
}

json case_file_json(Context &ctx, const workflow::ComplaintFile &f, domain::Timestamp now,
                    const std::vector<store::AnalysisRecord> &analyses) {
  json doc = case_file_json(ctx, f, now);
  json list = json::array();
  for (const auto &a : analyses) {
    // Request and result are stored as the JSON text that crossed the ABI.
    auto parse = [](const std::string &text) {
      auto j = json::parse(text, nullptr, false);
      return j.is_discarded() ? json(text) : j;
    };
    list.push_back({{"id", a.id},
                    {"method", a.method},
                    {"plugin", a.plugin},
                    {"section", a.section},
                    {"request", parse(a.request)},
                    {"result", parse(a.result)},
                    {"at", a.at}});
  }
  doc["analyses"] = std::move(list);
  return doc;
}

} // namespace qloop::cli
