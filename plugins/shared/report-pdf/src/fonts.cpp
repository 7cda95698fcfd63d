#include "report_pdf/fonts.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include <qloop/plugin.hpp>

namespace qloop::reportpdf {
namespace {

struct PatternFree {
  void operator()(FcPattern *p) const { FcPatternDestroy(p); }
};
struct FontSetFree {
  void operator()(FcFontSet *s) const { FcFontSetDestroy(s); }
};
struct ObjectSetFree {
  void operator()(FcObjectSet *s) const { FcObjectSetDestroy(s); }
};

// 中 and 文: a font without them cannot set a Chinese report.
bool has_chinese(FcPattern *font) {
  FcCharSet *chars = nullptr;
  if (FcPatternGetCharSet(font, FC_CHARSET, 0, &chars) != FcResultMatch || chars == nullptr) return false;
  return FcCharSetHasChar(chars, 0x4E2D) && FcCharSetHasChar(chars, 0x6587);
}

// Families of the fonts matching `pattern` that have Chinese glyphs.
std::vector<std::string> chinese_families(FcConfig *config, FcPattern *pattern) {
  std::unique_ptr<FcObjectSet, ObjectSetFree> objects(FcObjectSetBuild(FC_FAMILY, FC_CHARSET, nullptr));
  std::unique_ptr<FcFontSet, FontSetFree> fonts(FcFontList(config, pattern, objects.get()));
  std::vector<std::string> families;
  if (!fonts) return families;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcChar8 *family = nullptr;
    if (has_chinese(fonts->fonts[i]) &&
        FcPatternGetString(fonts->fonts[i], FC_FAMILY, 0, &family) == FcResultMatch && family != nullptr)
      families.emplace_back(reinterpret_cast<const char *>(family));
  }
  std::sort(families.begin(), families.end());
  families.erase(std::unique(families.begin(), families.end()), families.end());
  return families;
}

// Prefer a Simplified Chinese sans face (the report's body font).
int preference(const std::string &family) {
  if (family == "Noto Sans CJK SC") return 0;
  if (family.find("Sans") != std::string::npos && family.find("SC") != std::string::npos) return 1;
  if (family.find("Sans") != std::string::npos && family.find("Mono") == std::string::npos) return 2;
  if (family.find("SC") != std::string::npos) return 3;
  return 4;
}

} // namespace

FontChoice choose_cjk_font(const std::string &wanted, const std::string &section, FcConfig *config) {
  if (config == nullptr && !FcInit())
    throw sdk::Error(QLOOP_ERR_CONFIG, "fontconfig could not be initialised");
  FontChoice choice;
  if (!wanted.empty()) {
    std::unique_ptr<FcPattern, PatternFree> pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8 *>(wanted.c_str()));
    if (!chinese_families(config, pattern.get()).empty()) {
      choice.family = wanted;
      return choice;
    }
  }
  std::unique_ptr<FcPattern, PatternFree> any(FcPatternCreate());
  FcPatternAddString(any.get(), FC_LANG, reinterpret_cast<const FcChar8 *>("zh-cn"));
  auto families = chinese_families(config, any.get());
  if (families.empty())
    throw sdk::Error(QLOOP_ERR_CONFIG, "no font with Chinese glyphs found by fontconfig (wanted '" + wanted +
                                           "'): install the Debian package fonts-noto-cjk, or set [" +
                                           section +
                                           "] font_family to an "
                                           "installed CJK font (see `fc-list :lang=zh-cn family`)");
  std::stable_sort(families.begin(), families.end(),
                   [](const std::string &a, const std::string &b) { return preference(a) < preference(b); });
  choice.family = families.front();
  choice.warning =
      "font '" + wanted + "' is not installed or has no Chinese glyphs; using '" + choice.family + "'";
  return choice;
}

} // namespace qloop::reportpdf
