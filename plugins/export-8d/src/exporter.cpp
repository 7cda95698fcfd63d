#include "exporter.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "case_file.hpp"
#include "pdf_report.hpp"
#include "report_pdf/fonts.hpp"
#include "report_pdf/output_file.hpp"
#include "text_reports.hpp"

namespace qloop::eightd {
namespace {

using reportpdf::commit_file;
using reportpdf::temporary_path;
using reportpdf::write_file;

using json = nlohmann::json;

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

} // namespace

// A per-export option (--option k=v) wins over the plugin's config section.
std::string EightDExporter::option(const json &options, const char *key) {
  auto it = options.find(key);
  if (it != options.end() && !it->is_null()) {
    if (!it->is_string())
      throw sdk::InvalidInput(std::string("request 'options.") + key + "': must be a string");
    return it->get<std::string>();
  }
  return host().config_or(key, "");
}

void EightDExporter::begin(std::string_view request_json) {
  begun_ = false;
  report_.reset();
  template_.reset();
  const json request = json::parse(request_json, nullptr, false);
  if (request.is_discarded() || !request.is_object()) throw sdk::InvalidInput("request: not a JSON object");

  const json &format = request.contains("format") ? request["format"] : json();
  if (!format.is_string()) throw sdk::InvalidInput("request 'format': missing (html, pdf or md)");
  const std::string f = format.get<std::string>();
  if (f == "html")
    format_ = Format::html;
  else if (f == "pdf")
    format_ = Format::pdf;
  else if (f == "md")
    format_ = Format::md;
  else
    throw sdk::Unsupported("request 'format': '" + f + "' is not a format of export.8d (html, pdf or md)");

  const json &output = request.contains("output") ? request["output"] : json();
  if (!output.is_string() || output.get<std::string>().empty())
    throw sdk::InvalidInput("request 'output': missing (the absolute path of the report file)");
  output_ = output.get<std::string>();

  lang_ = Lang::en;
  if (request.contains("lang") && !request["lang"].is_null()) {
    const json &lang = request["lang"];
    if (!lang.is_string() || !parse_lang(lang.get<std::string>(), lang_))
      throw sdk::InvalidInput("request 'lang': must be \"en\" or \"zh-CN\", got " + lang.dump());
  }
  const json options =
      request.contains("options") && request["options"].is_object() ? request["options"] : json::object();

  const long long max_text = host().config_int("max_text_bytes", 65536);
  if (max_text < 256) throw sdk::Error(QLOOP_ERR_CONFIG, "[export.8d] max_text_bytes: must be at least 256");
  limits_.max_text_bytes = static_cast<std::size_t>(max_text);

  const std::string template_dir = option(options, "template_dir");
  if (format_ == Format::pdf) {
    pdf_style_ = load_pdf_style(template_dir);
    // The style file's font is part of the site's layout; else the config key.
    const std::string wanted = pdf_style_.page.font_family != PageSetup{}.font_family
                                   ? pdf_style_.page.font_family
                                   : option(options, "font_family");
    const reportpdf::FontChoice font =
        reportpdf::choose_cjk_font(wanted.empty() ? PageSetup{}.font_family : wanted, id);
    if (!font.warning.empty()) host().warn("export.8d: " + font.warning);
    pdf_style_.page.font_family = font.family;
  } else {
    template_ =
        choose_template(template_dir, format_ == Format::html ? TextFormat::html : TextFormat::markdown);
    host().debug("export.8d: template " + template_->origin);
  }
  begun_ = true;
}

void EightDExporter::write_batch(std::string_view records_json) {
  if (!begun_) throw sdk::InvalidInput("write_batch: begin() has not succeeded");
  // ordered: an analysis summary is shown in the order its plugin gave.
  const auto batch = nlohmann::ordered_json::parse(records_json, nullptr, false);
  if (batch.is_discarded() || !batch.is_array())
    throw sdk::InvalidInput("batch: expected a JSON array of case files");
  for (const auto &case_file : batch) {
    if (report_) {
      std::string other;
      if (case_file.is_object() && case_file.contains("complaint") && case_file["complaint"].is_object())
        other = case_file["complaint"].value("number", std::string());
      throw sdk::InvalidInput("batch: an 8D report is for exactly one complaint; got a second case file" +
                              (other.empty() ? std::string() : " ('" + other.substr(0, 64) + "')") +
                              " after '" + report_->number + "'");
    }
    report_ = build_report(case_file, lang_, limits_, now_utc());
  }
}

std::string EightDExporter::finish() {
  if (!begun_) throw sdk::InvalidInput("finish: begin() has not succeeded");
  if (!report_) throw sdk::InvalidInput("no case file received: the 8D report needs exactly one complaint");
  const Report &r = *report_;
  json summary = {{"output", output_},
                  {"format", format_ == Format::html  ? "html"
                             : format_ == Format::pdf ? "pdf"
                                                      : "md"},
                  {"lang", lang_code(lang_)},
                  {"complaint", r.number},
                  {"complaints", 1},
                  {"actions", r.actions.size()},
                  {"charts", r.chart_count()}};
  if (format_ == Format::pdf) {
    const std::string temp = temporary_path(output_);
    PdfResult result;
    try {
      result = write_pdf(r, pdf_style_, temp);
    } catch (...) {
      std::filesystem::remove(temp);
      throw;
    }
    commit_file(temp, output_);
    summary["pages"] = result.pages;
    summary["charts_failed"] = result.charts_failed;
    if (result.charts_failed > 0)
      host().warn("export.8d: " + std::to_string(result.charts_failed) + " chart(s) could not be drawn");
  } else if (format_ == Format::html) {
    write_file(output_, render_html(r, *template_));
    summary["template"] = template_->origin;
  } else {
    const std::filesystem::path out(output_);
    MarkdownReport md = render_markdown(r, *template_, out.stem().string());
    json files = json::array();
    for (const auto &[name, svg] : md.charts) {
      const auto path = (out.parent_path() / name).string();
      write_file(path, svg);
      files.push_back(path);
    }
    write_file(output_, md.text);
    summary["chart_files"] = files;
    summary["template"] = template_->origin;
  }
  host().info("export.8d: wrote " + output_);
  begun_ = false;
  report_.reset();
  return summary.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace qloop::eightd
