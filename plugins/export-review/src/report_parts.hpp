// What the HTML and the PDF both print, computed once so the two formats
// always carry the same text: the title and period lines, the four charts,
// and the Pareto and trend tables in display text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "figures.hpp"
#include "review_model.hpp"

namespace qloop::review {

// Rows of a Pareto list printed in HTML and PDF; the XLSX has them all.
inline constexpr std::size_t kMaxTableRows = 50;

struct ItemRow {
  std::string rank, key, code, count, share, cumulative;
  bool vital = false;
};

struct ItemTable {
  std::string title;
  std::string chart; // SVG
  std::vector<ItemRow> rows;
  std::size_t omitted = 0; // rows beyond kMaxTableRows
  std::size_t vital = 0;   // how many items are the vital few
};

struct MonthRow {
  std::string month, received, closed;
};

struct ReportParts {
  Lang lang = Lang::en;
  std::string title;    // "Period review 2026-01-01 – 2026-12-31"
  std::string company;  // may be empty
  std::string period;   // "2026-01-01 – 2026-12-31"
  std::string previous; // the previous period, the same way
  std::string as_of;    // "2026-11-24 10:15 UTC"
  std::string time_zone;
  std::string generated_at;
  std::string threshold; // "80.0%"
  std::vector<KpiRow> kpis;
  ItemTable distribution, product, defect;
  std::string trend_chart;
  std::vector<MonthRow> trend;

  int chart_count() const { return 4; }
};

// `generated_at` is ISO 8601 UTC; `company` is the configured name (cleaned here).
ReportParts report_parts(const Review &review, Lang lang, const std::string &company,
                         const std::string &generated_at);

// The vital-few note under a Pareto table ("Vital few: the 2 items ...").
std::string vital_note(const ItemTable &table, const ReportParts &parts);

} // namespace qloop::review
