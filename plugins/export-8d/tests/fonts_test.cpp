// The PDF needs a font with Chinese glyphs; fontconfig is asked in begin().
#include <fontconfig/fontconfig.h>

#include "report_pdf/fonts.hpp"
#include "test_support.hpp"

using qloop::reportpdf::choose_cjk_font;

TEST(Fonts, TheConfiguredNotoCjkFontIsUsed) {
  const auto font = choose_cjk_font("Noto Sans CJK SC", "export.8d");
  EXPECT_EQ(font.family, "Noto Sans CJK SC");
  EXPECT_TRUE(font.warning.empty());
}

TEST(Fonts, AMissingFontFallsBackToAnInstalledChineseFontWithAWarning) {
  const auto font = choose_cjk_font("No Such Font 12345", "export.8d");
  EXPECT_FALSE(font.family.empty());
  EXPECT_NE(font.family, "No Such Font 12345");
  EXPECT_NE(font.warning.find("'No Such Font 12345' is not installed"), std::string::npos);
}

TEST(Fonts, ALatinOnlyFontIsNotEnough) {
  // DejaVu (fontconfig's own dependency) has no Chinese: another font is chosen.
  const auto font = choose_cjk_font("DejaVu Sans", "export.8d");
  EXPECT_NE(font.family, "DejaVu Sans");
  EXPECT_FALSE(font.warning.empty());
}

TEST(Fonts, NoChineseFontAtAllIsAClearError) {
  FcConfig *empty = FcConfigCreate(); // a machine with no fonts installed
  try {
    choose_cjk_font("Noto Sans CJK SC", "export.8d", empty);
    ADD_FAILURE() << "expected an error";
  } catch (const qloop::sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_CONFIG);
    EXPECT_NE(std::string(e.what()).find("fonts-noto-cjk"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("font_family"), std::string::npos) << e.what();
  }
  FcConfigDestroy(empty);
}
