#include "template_data.hpp"

#include "report_pdf/html_text.hpp"

namespace qloop::eightd {
namespace {

using kainjow::mustache::data;
using kainjow::mustache::list;
using kainjow::mustache::object;

using reportpdf::css_string;

constexpr const char *kDash = "\xE2\x80\x94"; // an empty value still shows as a cell

std::string shown(const std::string &s) { return s.empty() ? kDash : s; }

// Mustache cannot ask "is this list non-empty" without repeating the block
// per item, so every list `x` gets a boolean `has_x` beside it (for a table
// head written once).
object with_flags(object o) {
  std::vector<std::string> keys;
  for (const auto &[k, v] : o)
    if (v.is_list()) keys.push_back(k);
  for (const auto &k : keys)
    o["has_" + k] = o[k].is_non_empty_list() ? data(data::type::bool_true) : data(data::type::bool_false);
  return o;
}

data fields(const std::vector<Field> &fs) {
  list out;
  for (const auto &f : fs)
    out.push_back(object{{"key", f.key}, {"label", f.label}, {"value", shown(f.value)}});
  return out;
}

data action(const ActionRow &a) {
  return object{{"id", shown(a.id)},
                {"type", shown(a.type_label)},
                {"type_code", a.type},
                {"description", shown(a.description)},
                {"owner", shown(a.owner)},
                {"owner_department", shown(a.owner_department)},
                {"due", shown(a.due)},
                {"status", shown(a.status_label)},
                {"status_code", a.status},
                {"evidence", shown(a.evidence)},
                {"verification", shown(a.verification)},
                {"verified_by", shown(a.verified_by)},
                {"verified_at", shown(a.verified_at)}};
}

data actions(const std::vector<ActionRow> &rows) {
  list out;
  for (const auto &a : rows) out.push_back(action(a));
  return out;
}

data chains(const std::vector<WhyChain> &cs) {
  list out;
  for (const auto &c : cs) {
    list steps;
    for (const auto &s : c.steps)
      steps.push_back(object{{"number", s.number},
                             {"why", shown(s.why)},
                             {"because", shown(s.because)},
                             {"evidence", shown(s.evidence)},
                             {"cause_type", shown(s.cause_type)}});
    out.push_back(object{{"id", shown(c.id)},
                         {"kind", shown(c.kind_label)},
                         {"title", c.title},
                         {"analysis", shown(c.analysis)},
                         {"steps", steps}});
  }
  return out;
}

data tables(const std::vector<Table> &ts) {
  list out;
  for (const auto &t : ts) {
    list columns, rows;
    for (const auto &c : t.columns) columns.push_back(object{{"name", c}});
    for (const auto &r : t.rows) {
      list cells;
      for (const auto &c : r) cells.push_back(object{{"value", c}});
      rows.push_back(object{{"cells", cells}});
    }
    object o{{"title", t.title}, {"columns", columns}, {"rows", rows}};
    o["omitted_rows"] =
        t.omitted_rows > 0 ? data(std::to_string(t.omitted_rows)) : data(data::type::bool_false);
    out.push_back(o);
  }
  return out;
}

data analyses(const std::vector<Analysis> &as, const ChartSource &source) {
  list out;
  for (const auto &a : as) {
    list charts, findings;
    for (const auto &c : a.charts) {
      object chart{{"number", std::to_string(c.number)}, {"title", c.title}};
      const std::string src = c.svg.empty() ? std::string() : source(c);
      // Both keys always set: a missing key would be looked up in the outer
      // contexts (the root has a "problem" list).
      chart["src"] = src.empty() ? data(data::type::bool_false) : data(src);
      chart["problem"] = src.empty() ? data(shown(c.problem)) : data(data::type::bool_false);
      charts.push_back(chart);
    }
    for (const auto &f : a.findings) findings.push_back(object{{"text", f}});
    out.push_back(with_flags(object{{"id", shown(a.id)},
                                    {"method", shown(a.method)},
                                    {"title", a.title},
                                    {"section", shown(a.section)},
                                    {"at", shown(a.at)},
                                    {"summary", fields(a.summary)},
                                    {"tables", tables(a.tables)},
                                    {"charts", charts},
                                    {"findings", findings}}));
  }
  return out;
}

// "page {n} / {m}" as a CSS content value with page counters.
std::string css_page_footer(Lang lang) {
  const std::string format = label(lang, "page_footer");
  const auto n = format.find("{n}"), m = format.find("{m}");
  return css_string(format.substr(0, n)) + " counter(page) " + css_string(format.substr(n + 3, m - n - 3)) +
         " counter(pages) " + css_string(format.substr(m + 3));
}

} // namespace

data template_data(const Report &r, const ChartSource &chart_source) {
  object labels_obj;
  for (const auto &[k, v] : labels(r.lang)) labels_obj[k] = v;

  list team, containment, root_causes, deployment, contacts, revisits;
  for (const auto &m : r.team)
    team.push_back(object{{"name", shown(m.name)},
                          {"department", shown(m.department)},
                          {"role", shown(m.role)},
                          {"raci", shown(m.raci)}});
  for (const auto &c : r.containment)
    containment.push_back(object{{"description", shown(c.description)},
                                 {"lots", shown(c.lots)},
                                 {"quantity_sorted", shown(c.quantity_sorted)},
                                 {"found_bad", shown(c.found_bad)},
                                 {"shipments_stopped", shown(c.shipments_stopped)},
                                 {"recall", shown(c.recall)},
                                 {"owner", shown(c.owner)},
                                 {"done_at", shown(c.done_at)}});
  for (const auto &c : r.root_causes) {
    object cause{{"kind", c.kind},
                 {"kind_label", c.kind_label},
                 {"description", shown(c.description)},
                 {"evidence", shown(c.evidence)},
                 {"chains", chains(c.chains)}};
    cause["recorded"] = c.recorded ? data(data::type::bool_true) : data(data::type::bool_false);
    root_causes.push_back(cause);
  }
  for (const auto &d : r.deployment)
    deployment.push_back(object{{"target", shown(d.target)},
                                {"status", shown(d.status_label)},
                                {"owner", shown(d.owner)},
                                {"due", shown(d.due)}});
  for (const auto &c : r.contacts)
    contacts.push_back(object{{"at", shown(c.at)},
                              {"channel", shown(c.channel)},
                              {"direction", shown(c.direction)},
                              {"purpose", shown(c.purpose)},
                              {"actor", shown(c.actor)},
                              {"summary", shown(c.summary)}});
  for (const auto &v : r.revisits)
    revisits.push_back(object{{"at", shown(v.at)},
                              {"satisfaction", shown(v.satisfaction)},
                              {"problem_recurred", shown(v.problem_recurred)},
                              {"comment", shown(v.comment)},
                              {"waived", shown(v.waived)},
                              {"waiver_reason", shown(v.waiver_reason)},
                              {"actor", shown(v.actor)}});

  object root{{"lang", lang_code(r.lang)},
              {"labels", labels_obj},
              {"number", r.number},
              {"customer", shown(r.customer)},
              {"product_model", shown(r.product_model)},
              {"status", shown(r.status_label)},
              {"severity", shown(r.severity_label)},
              {"generated_at", r.generated_at},
              {"css_header", css_string(r.number + " \xC2\xB7 " + r.customer)},
              {"css_footer", css_page_footer(r.lang)},
              {"facts", fields(r.facts)},
              {"d0", shown(r.d0)},
              {"team", team},
              {"problem", fields(r.problem)},
              {"containment", containment},
              {"temporary_actions", actions(r.temporary_actions)},
              {"root_causes", root_causes},
              {"analyses", analyses(r.analyses, chart_source)},
              {"rationale", shown(r.rationale)},
              {"permanent_actions", actions(r.permanent_actions)},
              {"implementation", shown(r.implementation)},
              {"validation", shown(r.validation)},
              {"prevention_updates", fields(r.prevention_updates)},
              {"prevention_notes", shown(r.prevention_notes)},
              {"deployment", deployment},
              {"preventive_actions", actions(r.preventive_actions)},
              {"actions", actions(r.actions)},
              {"closure", fields(r.closure)},
              {"contacts", contacts},
              {"revisits", revisits}};
  return with_flags(std::move(root));
}

} // namespace qloop::eightd
