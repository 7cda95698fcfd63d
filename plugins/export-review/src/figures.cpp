#include "figures.hpp"

#include <cmath>
#include <cstdio>

namespace qloop::review {
namespace {

constexpr const char *kDash = "\xE2\x80\x94";  // —
constexpr const char *kMinus = "\xE2\x88\x92"; // − (a real minus sign, not a hyphen)
constexpr const char *kUp = "\xE2\x96\xB2";    // ▲
constexpr const char *kDown = "\xE2\x96\xBC";  // ▼

std::string printed(const char *format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

// The KPIs where a smaller figure is the better one.
bool lower_is_better(const std::string &id) {
  return id == "received" || id == "major" || id == "critical" || id == "average_cycle_days" ||
         id == "recurrence_rate";
}

} // namespace

std::string percent_text(double share) { return printed("%.1f%%", share * 100); }

std::string value_text(const std::string &unit, const std::optional<double> &value) {
  if (!value) return kDash;
  if (unit == "share") return percent_text(*value);
  if (unit == "count") return printed("%.0f", *value);
  if (unit == "days") return printed("%.1f", *value);
  return printed("%.2f", *value); // score and any unit this plugin does not know
}

std::string change_text(const std::string &unit, const std::optional<double> &change, Lang lang) {
  if (!change) return kDash;
  double shown = *change;
  const char *format = "%.2f";
  std::string suffix;
  if (unit == "count") {
    shown *= 100;
    format = "%.1f";
    suffix = "%";
  } else if (unit == "share") {
    shown *= 100;
    format = "%.1f";
    suffix.append(" ").append(label(lang, "pt"));
  } else if (unit == "days") {
    format = "%.1f";
    suffix.append(" ").append(label(lang, "days_short"));
  }
  const std::string digits = printed(format, std::fabs(shown));
  // What prints as zero is no change, whatever the sign of the rounding error.
  if (digits.find_first_not_of("0.") == std::string::npos) return digits + suffix;
  std::string out(shown > 0 ? kUp : kDown);
  out.append(" ").append(shown > 0 ? "+" : kMinus).append(digits).append(suffix);
  return out;
}

std::string basis_text(const std::string &unit, const Figure &f, Lang lang) {
  std::string out;
  if (unit == "share")
    out = std::to_string(f.numerator) + " / " + std::to_string(f.denominator);
  else if (unit != "count")
    out = "n = " + std::to_string(f.denominator);
  if (f.pending > 0) {
    const std::string note = with_number(label(lang, "pending_note"), std::to_string(f.pending));
    out += out.empty() ? note : " (" + note + ")";
  }
  return out;
}

Direction direction(const std::string &kpi_id, const std::optional<double> &change) {
  if (!change) return Direction::none;
  if (std::fabs(*change) < 1e-12) return Direction::same;
  const bool up = *change > 0;
  return up != lower_is_better(kpi_id) ? Direction::better : Direction::worse;
}

const char *direction_name(Direction d) {
  switch (d) {
  case Direction::same: return "same";
  case Direction::better: return "better";
  case Direction::worse: return "worse";
  case Direction::none: break;
  }
  return "none";
}

std::vector<KpiRow> kpi_rows(const Review &review, Lang lang) {
  std::vector<KpiRow> rows;
  for (const auto &k : review.kpis) {
    KpiRow row;
    row.id = k.id;
    row.label = kpi_label(lang, k.id);
    row.unit = k.unit;
    row.current = value_text(k.unit, k.current.value);
    row.previous = value_text(k.unit, k.previous.value);
    row.change = change_text(k.unit, k.change, lang);
    row.basis = basis_text(k.unit, k.current, lang);
    row.previous_basis = basis_text(k.unit, k.previous, lang);
    row.trend = direction(k.id, k.change);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string item_label(ItemKind kind, const std::string &key, Lang lang) {
  switch (kind) {
  case ItemKind::category: return category_label(lang, key);
  case ItemKind::defect: return defect_label(lang, key);
  case ItemKind::product: break;
  }
  return key == "(none)" ? label(lang, "no_product") : key;
}

} // namespace qloop::review
