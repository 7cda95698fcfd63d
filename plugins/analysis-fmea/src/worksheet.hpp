// The FMEA worksheet as the plugin sees it: one row per failure chain
// (function, failure mode, effect, cause), its ratings and its optimisation.
#ifndef QLOOP_FMEA_WORKSHEET_HPP
#define QLOOP_FMEA_WORKSHEET_HPP

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "action_priority.hpp"

namespace qloop::fmea {

// Design and process FMEA share one AP table; FMEA-MSR has its own and rates
// frequency F and monitoring M where the others rate occurrence O and detection D.
enum class FmeaType { Design, Process, Msr };

const char *type_name(FmeaType t) noexcept; // "design", "process", "msr"
Ap lookup_ap(FmeaType t, int s, int second, int third);

// One field complaint linked to the row's failure mode.
struct Complaint {
  std::string id;
  std::string date; // YYYY-MM-DD, or empty when unknown
};

struct FieldEvidence {
  std::optional<long long> count;     // a bare count, when no list is given
  std::vector<Complaint> complaints;  // the linked complaints, when listed
  std::optional<double> exposure;     // units in the field (shipped/produced) over the period
  std::string period_from, period_to; // YYYY-MM-DD, optional, inclusive
  bool any() const { return count.has_value() || !complaints.empty(); }
};

struct Row {
  std::size_t input_index = 0; // 0-based position in the input, for messages
  std::string source;          // where the row came from, e.g. "data.rows[3]"
  std::string id, item, function, failure_mode, effect, cause;
  std::string prevention_control; // MSR: current diagnostic monitoring
  std::string detection_control;  // MSR: current system response
  int s = 0;
  int o = 0;                      // occurrence O; frequency F in FMEA-MSR
  int d = 0;                      // detection D; monitoring M in FMEA-MSR
  std::optional<int> s_after_msr; // MSR: severity of the effect after the system response
  std::string recommended_action, owner, due_date;
  std::optional<int> s_revised, o_revised, d_revised;
  std::optional<Ap> stated_ap; // an AP column given in the input, cross-checked
  FieldEvidence field;
};

struct Worksheet {
  FmeaType type = FmeaType::Process;
  std::vector<Row> rows;
  std::vector<std::string> warnings; // e.g. ignored columns
};

} // namespace qloop::fmea

#endif
