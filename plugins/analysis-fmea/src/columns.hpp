// Worksheet columns: the canonical fields, the header names accepted for each
// (English, the handbook's letters, Simplified Chinese, and every header this
// plugin writes, so its own CSV/XLSX output reads back), and the headers written.
#ifndef QLOOP_FMEA_COLUMNS_HPP
#define QLOOP_FMEA_COLUMNS_HPP

#include <optional>
#include <string>
#include <string_view>

#include "worksheet.hpp"

namespace qloop::fmea {

enum class Lang { En, ZhCN };
Lang parse_lang(std::string_view lang) noexcept; // "zh-CN" -> ZhCN, anything else -> En

enum class Field {
  Id,
  Item,
  Function,
  FailureMode,
  Effect,
  Severity,
  Cause,
  PreventionControl, // MSR: diagnostic monitoring
  Second,            // O; MSR: F
  DetectionControl,  // MSR: system response
  Third,             // D; MSR: M
  SAfterMsr,
  Rpn,
  Ap,
  RecommendedAction,
  Owner,
  DueDate,
  SRevised,
  SecondRevised,
  ThirdRevised,
  RpnRevised,
  ApRevised,
  Complaints,
  ComplaintIds,
  Exposure,
  PeriodFrom,
  PeriodTo,
};

// Lower-case ASCII, separators collapsed to '_', a trailing prime (S') read as
// "revised"; other characters (Chinese) kept. "Failure Mode" -> "failure_mode".
std::string normalize_header(std::string_view header);

// The field a header (or JSON key) names, or nothing for an unknown one.
std::optional<Field> field_for_header(std::string_view header);

// The header this plugin writes for a field.
std::string column_header(Field field, FmeaType type, Lang lang);

// "occurrence O", "frequency F", ... for messages.
std::string rating_label(Field field, FmeaType type);

} // namespace qloop::fmea

#endif
