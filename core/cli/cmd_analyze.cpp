#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/cli/analysis_request.hpp"
#include "core/cli/commands.hpp"
#include "core/cli/exit_codes.hpp"
#include "core/cli/file_io.hpp"
#include "core/cli/ledger_support.hpp"
#include "core/cli/result_rendering.hpp"

namespace qloop::cli {
namespace {

// Where a method's result belongs in an 8D: root cause (D4) for the cause-
// finding methods, validation (D6) for SPC and capability, prevention (D7)
// for FMEA.
std::string default_section(const std::string &method) {
  if (method.rfind("fmea", 0) == 0) return "d7";
  if (method == "spc" || method == "capability" || method == "normality") return "d6";
  return "d4";
}

std::string request_text(const std::string &input, nlohmann::json request, const std::string &lang) {
  if (!request.contains("lang")) request["lang"] = lang;
  try {
    return request.dump();
  } catch (const nlohmann::json::type_error &) {
    throw CommandError{kExitInvalidInput,
                       input + ": not valid UTF-8 (convert it, e.g. from GBK with iconv, first)"};
  }
}

} // namespace

void register_analyze(CLI::App &app, Context &ctx) {
  struct Options {
    std::string method, input, format = "json", out, lang = "en", complaint, section;
    std::vector<std::string> options;
  };
  auto o = std::make_shared<Options>();
  auto *cmd =
      app.add_subcommand("analyze", "Run an analysis method (5why, fishbone, fmea, doe, anova, spc, ...)");
  cmd->add_option("METHOD", o->method, "Method name, see `qloop plugins list`")->required();
  cmd->add_option("--input,-i", o->input, "Request file: JSON, or CSV for tabular data")->required();
  cmd->add_option("--option", o->options, "key=value passed in the request's options (repeatable)");
  cmd->add_option("--lang", o->lang, "Chart labels: en or zh-CN")->check(CLI::IsMember({"en", "zh-CN"}));
  cmd->add_option("--format,-f", o->format, "Output: json, table or svg")
      ->check(CLI::IsMember({"json", "table", "svg"}));
  cmd->add_option("--out,-o", o->out, "Write the output to this file instead of stdout");
  cmd->add_option("--complaint", o->complaint, "Attach the result to this complaint's 8D");
  cmd->add_option("--section", o->section, "8D section to attach to: d4, d6 or d7 (default by method)")
      ->check(CLI::IsMember({"d4", "d6", "d7"}));
  cmd->callback([&ctx, o] {
    auto plugin = ctx.plugins().find_method(o->method);
    if (!plugin)
      throw CommandError{kExitPlugin, "no loaded analysis plugin provides method '" + o->method +
                                          "' (see `qloop plugins list`)"};
    const std::string content = read_input_file(o->input);
    std::string request, result;
    try {
      auto instance = plugin->create();
      // A CSV goes across as columns when the plugin reads them (ABI 1.3),
      // unless the request is to be kept with a complaint, which stores it whole.
      if (is_csv_name(o->input) && instance.accepts_analysis_columns() && o->complaint.empty()) {
        auto table = csv_to_columns(content);
        request = request_text(o->input, build_request(o->method, "options.json", "{}", o->options), o->lang);
        result = instance.analyze_columns(o->method, request, table.view());
      } else {
        request = request_text(o->input, build_request(o->method, o->input, content, o->options), o->lang);
        result = instance.analyze(o->method, request);
      }
    } catch (const plugins::PluginCallError &e) {
      throw CommandError{e.status() == QLOOP_ERR_INVALID_INPUT ? kExitInvalidInput : kExitPlugin, e.what()};
    }
    std::string rendered = render_result(result, o->format);
    if (!o->complaint.empty()) {
      auto &ledger = ctx.ledger();
      store::AnalysisRecord record;
      record.method = o->method;
      record.plugin = plugin->info().id;
      record.section = o->section.empty() ? default_section(o->method) : o->section;
      record.request = request;
      record.result = result;
      auto id = ledger_call(
          [&] { return ledger.attach_analysis(ledger.find(o->complaint).id, record, ctx.actor()); });
      ctx.err << "attached to " << o->complaint << " " << record.section << " as analysis " << id << '\n';
    }
    if (o->out.empty()) {
      ctx.out << rendered;
      if (!rendered.empty() && rendered.back() != '\n') ctx.out << '\n';
    } else {
      std::ofstream f(o->out, std::ios::binary);
      f << rendered;
      if (!f) throw CommandError{kExitFailure, "cannot write " + o->out};
    }
  });
}

} // namespace qloop::cli
