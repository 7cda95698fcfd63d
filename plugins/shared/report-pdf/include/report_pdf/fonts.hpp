// The PDF must show Chinese, so before any work begin() asks fontconfig for
// a font that has Chinese glyphs: the configured family if it has them, else
// any installed Simplified Chinese font, else a clear error saying which
// Debian package to install.
#pragma once

#include <string>

#include <fontconfig/fontconfig.h>

namespace qloop::reportpdf {

struct FontChoice {
  std::string family;  // what the PDF will ask Pango for
  std::string warning; // set when `wanted` was not usable and another font was chosen
};

// `section` is the plugin's configuration section, named in the error so
// the reader knows where to set font_family ("export.8d"). `config` is the
// fontconfig configuration to search (nullptr: the process's current one;
// tests pass an empty one). Throws qloop::sdk::Error(QLOOP_ERR_CONFIG) when
// no CJK-capable font is installed.
FontChoice choose_cjk_font(const std::string &wanted, const std::string &section, FcConfig *config = nullptr);

} // namespace qloop::reportpdf
