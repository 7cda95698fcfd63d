// The built-in templates, compiled in from templates/*.mustache (the same
// files a site copies into its template_dir to start from).
#pragma once

namespace qloop::eightd {

extern const char *const kDefaultHtmlTemplate;
extern const char *const kDefaultMarkdownTemplate;

} // namespace qloop::eightd
