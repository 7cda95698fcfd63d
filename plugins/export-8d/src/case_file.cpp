#include "case_file.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include <qloop/plugin.hpp>

#include "report_pdf/svg_sanitize.hpp"
#include "report_pdf/text_clean.hpp"

namespace qloop::eightd {
namespace {

using reportpdf::clean;
using reportpdf::clean_line;
using reportpdf::sanitize_svg;

using json = nlohmann::ordered_json;

const json &empty_array() {
  static const json a = json::array();
  return a;
}
const json &empty_object() {
  static const json o = json::object();
  return o;
}

std::string number_text(const json &v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v.get<double>());
  return buf;
}

class Reader {
public:
  Reader(Lang lang, const ModelLimits &limits) : lang_(lang), lim_(limits) {}

  Lang lang() const { return lang_; }
  const ModelLimits &limits() const { return lim_; }

  // Any JSON value as display text: objects become "key: value" lines.
  std::string text(const json &v) const { return clean(raw(v), lim_.max_text_bytes); }
  std::string line(const json &v) const { return clean_line(raw(v), lim_.max_text_bytes); }
  std::string text(const json &obj, const char *key) const { return text(member(obj, key)); }
  std::string line(const json &obj, const char *key) const { return line(member(obj, key)); }
  std::string time(const json &obj, const char *key) const { return display_time(line(obj, key)); }
  std::string flag(const json &obj, const char *key) const {
    const json &v = member(obj, key);
    return v.is_null() ? std::string() : v.is_boolean() ? yes_no(lang_, v.get<bool>()) : line(v);
  }
  std::string word(const json &obj, const char *key, std::string_view group) const {
    return value_label(lang_, group, line(obj, key));
  }
  // The first of several names a field goes by ("type" or "kind").
  const json &either(const json &obj, const char *a, const char *b) const {
    const json &first = member(obj, a);
    return first.is_null() ? member(obj, b) : first;
  }

  static const json &member(const json &obj, const char *key) {
    static const json null_value;
    if (!obj.is_object()) return null_value;
    auto it = obj.find(key);
    return it == obj.end() ? null_value : *it;
  }

  // A container field: absent or null reads as empty, any other type is an error.
  static const json &array(const json &obj, const char *key, const std::string &path) {
    const json &v = member(obj, key);
    if (v.is_null()) return empty_array();
    if (!v.is_array()) throw sdk::InvalidInput("case file: '" + path + "' must be an array");
    return v;
  }
  static const json &object(const json &obj, const char *key, const std::string &path) {
    const json &v = member(obj, key);
    if (v.is_null()) return empty_object();
    if (!v.is_object()) throw sdk::InvalidInput("case file: '" + path + "' must be an object");
    return v;
  }
  static const json &element_object(const json &v, const std::string &path) {
    if (!v.is_object()) throw sdk::InvalidInput("case file: '" + path + "' must be an object");
    return v;
  }

private:
  std::string raw(const json &v) const {
    switch (v.type()) {
    case json::value_t::null: return {};
    case json::value_t::string: return v.get_ref<const std::string &>();
    case json::value_t::boolean: return yes_no(lang_, v.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return number_text(v);
    case json::value_t::array: {
      std::string out;
      for (const auto &item : v) out += (out.empty() ? "" : ", ") + raw(item);
      return out;
    }
    case json::value_t::object: {
      std::string out;
      for (const auto &[k, item] : v.items()) out += (out.empty() ? "" : "\n") + k + ": " + raw(item);
      return out;
    }
    default: return v.dump(-1, ' ', false, json::error_handler_t::replace);
    }
  }

  Lang lang_;
  const ModelLimits &lim_;
};

std::string at(const std::string &path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

void add_field(std::vector<Field> &fields, const Reader &r, const char *key, std::string value) {
  fields.push_back({key, label(r.lang(), key), std::move(value)});
}

std::vector<Field> complaint_facts(const Reader &r, const json &c) {
  std::vector<Field> f;
  add_field(f, r, "number", r.line(c, "number"));
  add_field(f, r, "customer", r.line(c, "customer"));
  add_field(f, r, "contact", r.line(c, "contact"));
  add_field(f, r, "channel", r.word(c, "channel", "channel"));
  add_field(f, r, "received_at", r.time(c, "received_at"));
  add_field(f, r, "product_model", r.line(c, "product_model"));
  add_field(f, r, "lot", r.line(c, "lot"));
  add_field(f, r, "order_number", r.line(c, "order_number"));
  add_field(f, r, "quantity_affected", r.line(c, "quantity_affected"));
  add_field(f, r, "phenomenon", r.text(c, "phenomenon"));
  add_field(f, r, "reporter", r.line(c, "reporter"));
  std::string category = r.line(c, "category"), sub = r.line(c, "subcategory");
  add_field(f, r, "category", sub.empty() ? category : category + " / " + sub);
  add_field(f, r, "severity", r.word(c, "severity", "severity"));
  add_field(f, r, "status", r.word(c, "status", "status"));
  add_field(f, r, "owner", r.line(c, "owner"));
  add_field(f, r, "owner_department", r.line(c, "owner_department"));
  add_field(f, r, "key_complaint", r.flag(c, "key_complaint"));
  add_field(f, r, "closed_at", r.time(c, "closed_at"));
  std::string files;
  for (const auto &a : Reader::array(c, "attachments", "complaint.attachments")) {
    const json &name = a.is_object() ? (a.contains("name")       ? a["name"]
                                        : a.contains("filename") ? a["filename"]
                                                                 : Reader::member(a, "path"))
                                     : a;
    files += (files.empty() ? "" : ", ") + r.line(name);
  }
  add_field(f, r, "attachments", files);
  return f;
}

// ---- analyses ----

struct RawChain {
  std::string analysis_id;
  WhyChain chain;
};

bool is_five_why(const std::string &method, const std::string &plugin) {
  return method == "5why" || plugin == "analysis.5why";
}

Table result_table(const Reader &r, const json &t, const std::string &path) {
  Table table;
  table.title = r.line(t, "title");
  for (const auto &c : Reader::array(t, "columns", path + ".columns")) table.columns.push_back(r.line(c));
  const json &rows = Reader::array(t, "rows", path + ".rows");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i >= r.limits().max_table_rows) {
      table.omitted_rows = rows.size() - i;
      break;
    }
    std::vector<std::string> cells;
    if (rows[i].is_array())
      for (const auto &cell : rows[i]) cells.push_back(r.line(cell));
    else
      cells.push_back(r.line(rows[i]));
    cells.resize(std::max(cells.size(), table.columns.size()));
    table.rows.push_back(std::move(cells));
  }
  return table;
}

std::vector<WhyChain> why_chains(const Reader &r, const json &result, const std::string &analysis_id,
                                 const std::string &path) {
  std::vector<WhyChain> chains;
  const json &details = Reader::object(result, "details", path + ".details");
  const json &list = Reader::array(details, "chains", path + ".details.chains");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string cpath = at(path + ".details.chains", i);
    const json &c = Reader::element_object(list[i], cpath);
    WhyChain chain;
    chain.id = r.line(c, "id");
    chain.kind = r.line(c, "kind");
    chain.kind_label = value_label(r.lang(), "cause_kind", chain.kind);
    chain.title = r.line(c, "title");
    chain.analysis = analysis_id;
    const json &steps = Reader::array(c, "steps", cpath + ".steps");
    for (std::size_t k = 0; k < steps.size(); ++k) {
      const json &s = Reader::element_object(steps[k], at(cpath + ".steps", k));
      chain.steps.push_back({std::to_string(k + 1), r.text(s, "why"), r.text(s, "because"),
                             r.text(s, "evidence"), r.line(s, "cause_type")});
    }
    chains.push_back(std::move(chain));
  }
  return chains;
}

// The result object, also when a host stored it as JSON text.
json result_object(const json &a, const std::string &path) {
  const json &v = Reader::member(a, "result");
  if (v.is_string()) {
    json parsed = json::parse(v.get_ref<const std::string &>(), nullptr, false);
    if (parsed.is_object()) return parsed;
    throw sdk::InvalidInput("case file: '" + path + ".result' is text but not a JSON object");
  }
  if (v.is_null()) return json::object();
  if (!v.is_object()) throw sdk::InvalidInput("case file: '" + path + ".result' must be an object");
  return v;
}

void read_analyses(const Reader &r, const json &list, Report &report, std::vector<RawChain> &chains) {
  int chart_number = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string path = at("analyses", i);
    const json &a = Reader::element_object(list[i], path);
    const json result = result_object(a, path);
    Analysis an;
    an.id = r.line(a, "id");
    an.method = r.line(a, "method");
    if (an.method.empty()) an.method = r.line(result, "method");
    const std::string plugin = r.line(a, "plugin");
    an.title = value_label(r.lang(), "method", an.method.empty() ? plugin : an.method) +
               (an.id.empty() ? "" : " #" + an.id);
    an.section = r.line(a, "section");
    an.at = r.time(a, "at");
    for (const auto &[k, v] : Reader::object(result, "summary", path + ".result.summary").items())
      if (!v.is_structured()) an.summary.push_back({clean_line(k, 256), clean_line(k, 256), r.line(v)});
    const json &tables = Reader::array(result, "tables", path + ".result.tables");
    for (std::size_t t = 0; t < tables.size(); ++t) {
      const std::string tpath = at(path + ".result.tables", t);
      an.tables.push_back(result_table(r, Reader::element_object(tables[t], tpath), tpath));
    }
    const json &charts = Reader::array(result, "charts", path + ".result.charts");
    for (std::size_t c = 0; c < charts.size(); ++c) {
      const json &ch = Reader::element_object(charts[c], at(path + ".result.charts", c));
      Chart chart;
      chart.number = ++chart_number;
      chart.title = r.line(ch, "title");
      const json &svg = Reader::member(ch, "svg");
      auto clean_svg = sanitize_svg(svg.is_string() ? svg.get_ref<const std::string &>() : std::string(),
                                    r.limits().max_svg_bytes);
      chart.svg = std::move(clean_svg.svg);
      chart.problem = clean_line(clean_svg.problem, 512);
      an.charts.push_back(std::move(chart));
    }
    for (const auto &f : Reader::array(result, "findings", path + ".result.findings")) {
      std::string sev = r.line(f, "severity"), msg = r.text(f, "message");
      an.findings.push_back(sev.empty() ? msg : sev + ": " + msg);
    }
    if (is_five_why(an.method, plugin))
      for (auto &c : why_chains(r, result, an.id, path + ".result")) chains.push_back({an.id, std::move(c)});
    report.analyses.push_back(std::move(an));
  }
}

// ---- 8D sections ----

void read_root_causes(const Reader &r, const json &d4, const std::vector<RawChain> &chains, Report &report) {
  std::vector<RootCause> causes;
  for (std::size_t i = 0; i < d4.size(); ++i) {
    const std::string path = at("eight_d.d4", i);
    const json &c = Reader::element_object(d4[i], path);
    RootCause cause;
    cause.kind = r.line(c, "kind");
    cause.kind_label = value_label(r.lang(), "cause_kind", cause.kind);
    if (cause.kind == "occurrence" || cause.kind == "escape") cause.kind_label = label(r.lang(), cause.kind);
    cause.description = r.text(c, "description");
    cause.evidence = r.text(c, "evidence");
    cause.recorded = true;
    std::set<std::string> refs;
    for (const auto &ref : Reader::array(c, "analysis_refs", path + ".analysis_refs"))
      refs.insert(r.line(ref));
    for (const auto &rc : chains)
      if ((refs.empty() || refs.count(rc.analysis_id)) &&
          (rc.chain.kind.empty() || rc.chain.kind == cause.kind))
        cause.chains.push_back(rc.chain);
    causes.push_back(std::move(cause));
  }
  // Both causes are always reported: a missing one is a visible gap, and the
  // 5 Why chains of its kind still show.
  for (const char *kind : {"occurrence", "escape"}) {
    std::vector<RootCause> of_kind;
    for (const auto &c : causes)
      if (c.kind == kind) of_kind.push_back(c);
    if (of_kind.empty()) {
      RootCause gap;
      gap.kind = kind;
      gap.kind_label = label(r.lang(), kind);
      for (const auto &rc : chains)
        if (rc.chain.kind == kind) gap.chains.push_back(rc.chain);
      of_kind.push_back(std::move(gap));
    }
    for (auto &c : of_kind) report.root_causes.push_back(std::move(c));
  }
  for (const auto &c : causes)
    if (c.kind != "occurrence" && c.kind != "escape") report.root_causes.push_back(c);
}

ActionRow action_row(const Reader &r, const json &a) {
  ActionRow row;
  row.id = r.line(a, "id");
  row.type = r.line(r.either(a, "type", "kind"));
  row.type_label = value_label(r.lang(), "action_type", row.type);
  row.description = r.text(a, "description");
  row.owner = r.line(a, "owner");
  row.owner_department = r.line(a, "owner_department");
  row.due = r.time(a, "due");
  row.status = r.line(a, "status");
  row.status_label = value_label(r.lang(), "status", row.status);
  row.evidence = r.text(a, "evidence");
  row.verification = r.text(r.either(a, "verification_result", "verification"));
  row.verified_by = r.line(a, "verified_by");
  row.verified_at = r.time(a, "verified_at");
  return row;
}

void read_actions(const Reader &r, const json &list, const json &d5, Report &report) {
  std::set<std::string> d5_ids;
  for (const auto &id : Reader::array(d5, "action_ids", "eight_d.d5.action_ids")) d5_ids.insert(r.line(id));
  for (std::size_t i = 0; i < list.size(); ++i) {
    ActionRow row = action_row(r, Reader::element_object(list[i], at("actions", i)));
    if (row.type == "temporary")
      report.temporary_actions.push_back(row);
    else if (row.type == "preventive")
      report.preventive_actions.push_back(row);
    if ((row.type != "temporary" && row.type != "preventive") || d5_ids.count(row.id))
      report.permanent_actions.push_back(row);
    report.actions.push_back(std::move(row));
  }
}

void read_eight_d(const Reader &r, const json &e, const std::vector<RawChain> &chains, Report &report) {
  report.d0 = r.text(e, "d0");
  const json &d1 = Reader::array(e, "d1", "eight_d.d1");
  for (std::size_t i = 0; i < d1.size(); ++i) {
    const json &m = Reader::element_object(d1[i], at("eight_d.d1", i));
    report.team.push_back({r.line(m, "name"), r.line(m, "department"), r.line(m, "role"), r.line(m, "raci")});
  }
  const json &d2 = Reader::object(e, "d2", "eight_d.d2");
  for (const char *k : {"what", "why", "when", "where", "who", "how", "how_many"})
    add_field(report.problem, r, k, std::string(k) == "when" ? r.time(d2, k) : r.text(d2, k));
  const json &d3 = Reader::array(e, "d3", "eight_d.d3");
  for (std::size_t i = 0; i < d3.size(); ++i) {
    const json &c = Reader::element_object(d3[i], at("eight_d.d3", i));
    report.containment.push_back({r.text(c, "description"), r.line(c, "lots"), r.line(c, "quantity_sorted"),
                                  r.line(c, "found_bad"), r.flag(c, "shipments_stopped"), r.text(c, "recall"),
                                  r.line(c, "owner"), r.time(c, "done_at")});
  }
  read_root_causes(r, Reader::array(e, "d4", "eight_d.d4"), chains, report);
  report.rationale = r.text(Reader::object(e, "d5", "eight_d.d5"), "rationale");
  const json &d6 = Reader::object(e, "d6", "eight_d.d6");
  report.implementation = r.text(d6, "implementation");
  report.validation = r.text(d6, "validation");
  const json &d7 = Reader::object(e, "d7", "eight_d.d7");
  for (const char *k : {"fmea_updated", "control_plan_updated", "work_instructions_updated"})
    add_field(report.prevention_updates, r, k, r.flag(d7, k));
  report.prevention_notes = r.text(d7, "notes");
  const json &hd = Reader::array(d7, "horizontal_deployment", "eight_d.d7.horizontal_deployment");
  for (std::size_t i = 0; i < hd.size(); ++i) {
    const json &h = Reader::element_object(hd[i], at("eight_d.d7.horizontal_deployment", i));
    std::string status = r.line(h, "status");
    report.deployment.push_back({r.text(h, "target"), status, value_label(r.lang(), "status", status),
                                 r.line(h, "owner"), r.time(h, "due")});
  }
  const json &d8 = Reader::object(e, "d8", "eight_d.d8");
  add_field(report.closure, r, "closed_at", r.time(d8, "closed_at"));
  add_field(report.closure, r, "closed_by", r.line(d8, "closed_by"));
  add_field(report.closure, r, "summary", r.text(d8, "summary"));
}

void read_contacts(const Reader &r, const json &list, Report &report) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json &c = Reader::element_object(list[i], at("contacts", i));
    report.contacts.push_back({r.time(c, "at"), r.word(c, "channel", "channel"),
                               r.word(c, "direction", "direction"), r.word(c, "purpose", "purpose"),
                               r.line(c, "actor"), r.text(c, "summary")});
  }
}

void read_revisits(const Reader &r, const json &list, Report &report) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json &v = Reader::element_object(list[i], at("revisits", i));
    const bool waived = Reader::member(v, "waived").is_boolean() && v["waived"].get<bool>();
    std::string score = r.line(v, "satisfaction");
    if (waived || score.empty() || score == "0")
      score.clear();
    else
      score += " / 5";
    report.revisits.push_back({r.time(v, "at"), score, r.flag(v, "problem_recurred"), r.text(v, "comment"),
                               r.flag(v, "waived"), r.text(v, "waiver_reason"), r.line(v, "actor")});
  }
}

} // namespace

std::size_t Report::chart_count() const {
  std::size_t n = 0;
  for (const auto &a : analyses) n += a.charts.size();
  return n;
}

Report build_report(const nlohmann::ordered_json &case_file, Lang lang, const ModelLimits &limits,
                    const std::string &generated_at) {
  if (!case_file.is_object()) throw sdk::InvalidInput("case file: must be a JSON object");
  const Reader r(lang, limits);
  const json &complaint = Reader::member(case_file, "complaint");
  if (!complaint.is_object()) throw sdk::InvalidInput("case file: 'complaint' is missing or not an object");
  Report report;
  report.lang = lang;
  report.number = clean_line(r.line(complaint, "number"), 256);
  if (report.number.empty()) throw sdk::InvalidInput("case file: 'complaint.number' is missing or empty");
  report.customer = clean_line(r.line(complaint, "customer"), 256);
  report.product_model = clean_line(r.line(complaint, "product_model"), 256);
  report.status_label = r.word(complaint, "status", "status");
  report.severity_label = r.word(complaint, "severity", "severity");
  report.facts = complaint_facts(r, complaint);
  report.generated_at = display_time(generated_at);

  std::vector<RawChain> chains;
  read_analyses(r, Reader::array(case_file, "analyses", "analyses"), report, chains);
  const json &eight_d = Reader::object(case_file, "eight_d", "eight_d");
  read_eight_d(r, eight_d, chains, report);
  read_actions(r, Reader::array(case_file, "actions", "actions"), Reader::object(eight_d, "d5", "eight_d.d5"),
               report);
  read_contacts(r, Reader::array(case_file, "contacts", "contacts"), report);
  read_revisits(r, Reader::array(case_file, "revisits", "revisits"), report);
  return report;
}

} // namespace qloop::eightd
