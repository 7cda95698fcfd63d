// Chart titles and axis labels in English or Simplified Chinese.
#pragma once

#include <string>

namespace qloop::spc {

struct Labels {
  bool zh = false;
  static Labels for_lang(const std::string &lang) { return Labels{lang == "zh-CN"}; }
  // From a request's "lang" (anything but the string "zh-CN" means English).
  template <class Json> static Labels for_request(const Json &request) {
    return Labels{request.contains("lang") && request["lang"].is_string() && request["lang"] == "zh-CN"};
  }

  // Title of one panel: "Individuals (I)", "子组均值 (X̄)", ...
  std::string panel_title(const std::string &chart) const;
  // Title of a whole control chart: "X̄-R chart", "X̄-R 控制图".
  std::string chart_title(const std::string &type) const;
  // x axis: observation, subgroup or sample.
  std::string x_axis(const std::string &type) const;
  std::string text(const char *en, const char *zh_text) const { return zh ? zh_text : en; }
};

} // namespace qloop::spc
