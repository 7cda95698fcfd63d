// The two languages a bundled report is written in. Each report keeps its
// own words (labels); what they share is how the request names a language.
#pragma once

#include <string_view>

namespace qloop::reportpdf {

enum class Lang { en, zh_cn };

// "en" or "zh-CN"; anything else is not a language of these reports.
bool parse_lang(std::string_view text, Lang &out);
const char *lang_code(Lang lang); // "en" or "zh-CN" (also the HTML lang attribute)

} // namespace qloop::reportpdf
