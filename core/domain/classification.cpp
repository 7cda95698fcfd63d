#include "core/domain/classification.hpp"

namespace qloop::domain {

void to_json(nlohmann::json &j, const Decision &d) {
  j = {{"value", d.value}, {"confidence", d.confidence}, {"by", d.by}, {"explanation", d.explanation}};
}

void from_json(const nlohmann::json &j, Decision &d) {
  d.value = j.value("value", "");
  d.confidence = j.value("confidence", 0.0);
  d.by = j.value("by", "");
  d.explanation = j.value("explanation", "");
}

void to_json(nlohmann::json &j, const Classification &c) {
  j = {{"complaint_id", c.complaint_id},
       {"at", format_iso(c.at)},
       {"decisions", c.decisions},
       {"filled", c.filled},
       {"assigned_by", c.assigned_by},
       {"triage", c.triage},
       {"triage_reason", c.triage_reason},
       {"reviewed_by", c.reviewed_by},
       {"reviewed_at", c.reviewed_at ? nlohmann::json(format_iso(*c.reviewed_at)) : nlohmann::json()},
       {"corrections", c.corrections}};
}

} // namespace qloop::domain
