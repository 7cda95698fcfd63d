#include "exporter.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "html_report.hpp"
#include "pdf_report.hpp"
#include "report_parts.hpp"
#include "report_pdf/fonts.hpp"
#include "report_pdf/output_file.hpp"
#include "xlsx_report.hpp"

namespace qloop::review {
namespace {

using json = nlohmann::json;

// Options this plugin reads from the request; the host adds "report" (and
// "filters" for other reports).
constexpr const char *kKnownOptions[] = {"report", "filters", "template_dir", "company", "font_family"};

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Runs `write` on a temporary file beside `output` and renames it into place;
// a failure leaves neither.
template <class Write> auto atomically(const std::string &output, Write write) {
  const std::string temp = reportpdf::temporary_path(output);
  try {
    auto result = write(temp);
    reportpdf::commit_file(temp, output);
    return result;
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw;
  }
}

} // namespace

// A per-export option (--option k=v) wins over the plugin's config section.
std::string ReviewExporter::option(const json &options, const char *key) {
  auto it = options.find(key);
  if (it != options.end() && !it->is_null()) {
    if (!it->is_string())
      throw sdk::InvalidInput(std::string("request 'options.") + key + "': must be a string");
    return it->get<std::string>();
  }
  return host().config_or(key, "");
}

void ReviewExporter::begin(std::string_view request_json) {
  begun_ = false;
  review_.reset();
  template_.reset();
  const json request = json::parse(request_json, nullptr, false);
  if (request.is_discarded() || !request.is_object()) throw sdk::InvalidInput("request: not a JSON object");

  const json &format = request.contains("format") ? request["format"] : json();
  if (!format.is_string()) throw sdk::InvalidInput("request 'format': missing (html, pdf or xlsx)");
  const std::string f = format.get<std::string>();
  if (f == "html")
    format_ = Format::html;
  else if (f == "pdf")
    format_ = Format::pdf;
  else if (f == "xlsx")
    format_ = Format::xlsx;
  else
    throw sdk::Unsupported("request 'format': '" + f +
                           "' is not a format of export.review (html, pdf or xlsx)");

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
  if (options.contains("report") && options["report"].is_string() && options["report"] != "review")
    throw sdk::Unsupported("export.review writes the period review (`qloop export review`), not the '" +
                           options["report"].get<std::string>().substr(0, 64) + "' report");
  for (const auto &[key, value] : options.items()) {
    bool known = false;
    for (const char *k : kKnownOptions) known = known || key == k;
    if (!known) host().warn("export.review: unknown option '" + key.substr(0, 64) + "' ignored");
  }

  company_ = option(options, "company");
  const std::string template_dir = option(options, "template_dir");
  if (format_ == Format::pdf) {
    const std::string wanted = option(options, "font_family");
    const auto font = reportpdf::choose_cjk_font(wanted.empty() ? page_.font_family : wanted, id);
    if (!font.warning.empty()) host().warn("export.review: " + font.warning);
    page_.font_family = font.family;
  } else if (format_ == Format::html) {
    template_ = choose_html_template(template_dir);
    host().debug("export.review: template " + template_->origin);
  }
  begun_ = true;
}

void ReviewExporter::write_batch(std::string_view records_json) {
  if (!begun_) throw sdk::InvalidInput("write_batch: begin() has not succeeded");
  const json batch = json::parse(records_json, nullptr, false);
  if (batch.is_discarded() || !batch.is_array())
    throw sdk::InvalidInput("batch: expected a JSON array holding the KPI report");
  for (const auto &report : batch) {
    if (review_)
      throw sdk::InvalidInput("batch: a period review is one KPI report; got a second one (period " +
                              review_->period.from + " - " + review_->period.to + " came first)");
    review_ = read_review(report);
  }
}

std::string ReviewExporter::finish() {
  if (!begun_) throw sdk::InvalidInput("finish: begin() has not succeeded");
  if (!review_) throw sdk::InvalidInput("no KPI report received: the period review needs exactly one");
  const Review &r = *review_;
  const ReportParts parts = report_parts(r, lang_, company_, now_utc());
  json summary = {{"output", output_},
                  {"format", format_ == Format::html  ? "html"
                             : format_ == Format::pdf ? "pdf"
                                                      : "xlsx"},
                  {"lang", lang_code(lang_)},
                  {"report", "review"},
                  {"period", {{"from", r.period.from}, {"to", r.period.to}}},
                  {"previous_period", {{"from", r.previous.from}, {"to", r.previous.to}}},
                  {"kpis", r.kpis.size()}};
  if (format_ == Format::pdf) {
    const PdfResult result =
        atomically(output_, [&](const std::string &temp) { return write_pdf(parts, page_, temp); });
    summary["pages"] = result.pages;
    summary["charts"] = result.charts_drawn;
    summary["charts_failed"] = result.charts_failed;
    if (result.charts_failed > 0)
      host().warn("export.review: " + std::to_string(result.charts_failed) + " chart(s) could not be drawn");
  } else if (format_ == Format::html) {
    reportpdf::write_file(output_, render_html(parts, *template_));
    summary["charts"] = parts.chart_count();
    summary["template"] = template_->origin;
  } else {
    const XlsxResult result =
        atomically(output_, [&](const std::string &temp) { return write_xlsx(r, parts, temp); });
    summary["sheets"] = result.sheets;
    summary["charts"] = result.charts;
  }
  host().info("export.review: wrote " + output_);
  begun_ = false;
  review_.reset();
  return summary.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace qloop::review
