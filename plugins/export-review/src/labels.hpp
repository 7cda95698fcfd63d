// Every fixed word of the period review in English and Simplified Chinese,
// so the HTML, PDF and XLSX say the same thing in the same language. KPI
// names follow the CQE's annual review (客诉总数, 首次响应及时率, ...).
#pragma once

#include <map>
#include <string>

#include "report_pdf/lang.hpp"

namespace qloop::review {

using reportpdf::Lang;
using reportpdf::lang_code;
using reportpdf::parse_lang;

// Label key -> text, e.g. "kpis" -> "Key figures" / "关键指标".
const std::map<std::string, std::string> &labels(Lang lang);
// The label for `key`; the key itself when there is none (never empty).
std::string label(Lang lang, const std::string &key);

// The name of a KPI ("received" -> "Complaints received" / "客诉总数");
// an id this plugin does not know is shown as it came.
std::string kpi_label(Lang lang, const std::string &id);

// A complaint category or subcategory code in words ("logistics" ->
// "Logistics" / "物流", "(none)" -> "Not graded" / "未分类"); unknown codes
// are the site's own words and come back unchanged.
std::string category_label(Lang lang, const std::string &code);

// A defect key "category / subcategory" with both parts in words.
std::string defect_label(Lang lang, const std::string &key);

// `text` with "{n}" replaced by `n` (the labels' one placeholder).
std::string with_number(std::string text, const std::string &n);

} // namespace qloop::review
