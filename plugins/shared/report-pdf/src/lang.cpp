#include "report_pdf/lang.hpp"

namespace qloop::reportpdf {

bool parse_lang(std::string_view text, Lang &out) {
  if (text == "en")
    out = Lang::en;
  else if (text == "zh-CN")
    out = Lang::zh_cn;
  else
    return false;
  return true;
}

const char *lang_code(Lang lang) { return lang == Lang::zh_cn ? "zh-CN" : "en"; }

} // namespace qloop::reportpdf
