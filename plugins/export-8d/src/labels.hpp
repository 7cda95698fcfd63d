// Every fixed word of the report in English and Simplified Chinese, so the
// three formats and any site template say the same thing in the same
// language. Terms follow the domain glossary (发生原因, 流出原因, 水平展开 ...).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "report_pdf/lang.hpp"

namespace qloop::eightd {

using reportpdf::Lang;
using reportpdf::lang_code;
using reportpdf::parse_lang;

// Label key -> text, e.g. "d4" -> "D4 Root cause" / "D4 根本原因分析".
const std::map<std::string, std::string> &labels(Lang lang);
// The label for `key`; the key itself when there is none (never empty).
std::string label(Lang lang, const std::string &key);

// A known stored value shown in words: value_label(zh, "status", "verified")
// is "已验证". Unknown values come back unchanged (they are data).
std::string value_label(Lang lang, std::string_view group, const std::string &value);

// "Yes"/"No" or "是"/"否".
std::string yes_no(Lang lang, bool value);

} // namespace qloop::eightd
