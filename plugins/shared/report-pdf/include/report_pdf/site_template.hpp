// Site templates: a mustache file in the directory named by a plugin's
// `template_dir` key replaces the built-in template of the same name. A
// missing directory, an unreadable file or a template that does not parse is
// a configuration error named with its path, found in begin() before any
// work is done.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include <kainjow/mustache.hpp>

namespace qloop::reportpdf {

struct TemplateChoice {
  std::string file_name; // e.g. "8d.html.mustache"
  std::string origin;    // "built-in" or the path read
  std::string source;
};

// How {{value}} is escaped; empty: mustache's own HTML escaping (& < > " ').
using Escape = std::function<std::string(const std::string &)>;

// Picks <template_dir>/<file_name> when it exists, else `builtin`, and
// checks that it parses. `section` is the plugin's config section, named in
// messages ("[export.8d] template_dir ..."). Throws
// qloop::sdk::Error(QLOOP_ERR_CONFIG).
TemplateChoice choose_template(const std::string &template_dir, const std::string &file_name,
                               std::string_view builtin, const std::string &section,
                               const Escape &escape = {});

// Renders with `escape` for {{x}} ({{{x}}} is never escaped). Throws
// qloop::sdk::Error(QLOOP_ERR_CONFIG) when the template fails.
std::string render_template(const TemplateChoice &choice, const kainjow::mustache::data &data,
                            const Escape &escape = {});

} // namespace qloop::reportpdf
