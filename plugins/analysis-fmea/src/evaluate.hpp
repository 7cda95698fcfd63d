// Rating a worksheet: RPN and AP per row (initial and revised), the field
// complaint check, the sort order, the findings a reviewer would raise and
// the summary figures.
#ifndef QLOOP_FMEA_EVALUATE_HPP
#define QLOOP_FMEA_EVALUATE_HPP

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "field_check.hpp"
#include "worksheet.hpp"

namespace qloop::fmea {

struct EvaluatedRow {
  Row row;
  int rpn = 0; // S x O x D (MSR: S x F x M)
  Ap ap = Ap::L;
  int ap_severity = 0;  // the S the AP was looked up with (MSR: S after MSR when M = 1)
  bool revised = false; // any revised rating given
  int s2 = 0, o2 = 0, d2 = 0, rpn2 = 0, ap2_severity = 0;
  Ap ap2 = Ap::L;
  FieldVerdict field;
};

struct Finding {
  std::string severity; // info, warning, error
  std::string rule;
  std::string message;
  nlohmann::json where;
};

struct EvaluateOptions {
  FieldCheckOptions field;
  std::string as_of; // YYYY-MM-DD: due dates before it without revised ratings are overdue
};

struct Evaluation {
  FmeaType type = FmeaType::Process;
  std::vector<EvaluatedRow> rows; // sorted: AP (H, M, L), RPN descending, S descending, input order
  std::vector<Finding> findings;
  std::vector<std::string> warnings;
  int count_h = 0, count_m = 0, count_l = 0;
  int revised_h = 0, revised_m = 0, revised_l = 0, revised_rows = 0;
  int max_rpn = 0;
  int high_without_action = 0, medium_without_action = 0;
  int contradicted = 0;
};

// True when a sorts before b: AP H < M < L, then RPN descending, then S descending, then input order.
bool sorts_before(const EvaluatedRow &a, const EvaluatedRow &b);

EvaluatedRow rate_row(const Row &row, FmeaType type, const FieldCheckOptions &field);

Evaluation evaluate(Worksheet worksheet, const EvaluateOptions &options);

} // namespace qloop::fmea

#endif
