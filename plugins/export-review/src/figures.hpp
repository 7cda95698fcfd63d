// The KPI numbers as a reader sees them in the HTML and PDF (the XLSX keeps
// numbers and gives Excel the formats): shares in percent, a share's change
// in percentage points, a count's change relative to the previous period,
// ▲/▼ with the sign, and whether the change is good news.
//
// Counts (whole) and shares (percent, one decimal) print with the digits of
// `qloop kpi`, so the two can be compared by eye; days get one decimal
// ("3.0"), scores two ("4.50").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "labels.hpp"
#include "review_model.hpp"

namespace qloop::review {

// "—" when there is no value.
std::string value_text(const std::string &unit, const std::optional<double> &value);
// "▲ +12.5%", "▼ −3.0 pt", "0.0%"; "—" when there is no change.
std::string change_text(const std::string &unit, const std::optional<double> &change, Lang lang);
// "118 / 120" for a share, "n = 95" for a mean, "" for a count; pending
// targets noted ("118 / 120 (+3 pending)").
std::string basis_text(const std::string &unit, const Figure &figure, Lang lang);

// 0.354 -> "35.4%".
std::string percent_text(double share);

// Whether a change is good news: fewer complaints, a shorter cycle, fewer
// recurrences are better; for the rates and the satisfaction, more is.
enum class Direction { none, same, better, worse };
Direction direction(const std::string &kpi_id, const std::optional<double> &change);
const char *direction_name(Direction d); // "none", "same", "better", "worse" (an HTML class)

// One line of the KPI table, in display text.
struct KpiRow {
  std::string id, label, unit, current, previous, change, basis, previous_basis;
  Direction trend = Direction::none;
};
std::vector<KpiRow> kpi_rows(const Review &review, Lang lang);

// An item's key in words for its list: categories and defects translated,
// product models as they are.
enum class ItemKind { category, product, defect };
std::string item_label(ItemKind kind, const std::string &key, Lang lang);

} // namespace qloop::review
