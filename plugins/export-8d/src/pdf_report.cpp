#include "pdf_report.hpp"

#include <functional>
#include <map>

#include <kainjow/mustache.hpp>

#include "report_pdf/text_clean.hpp"

namespace qloop::eightd {
namespace {

using reportpdf::clean_line;
using reportpdf::PageDecoration;
using reportpdf::PdfCanvas;
using reportpdf::Rgb;
using reportpdf::TableSpec;
using reportpdf::TextStyle;

constexpr const char *kDash = "\xE2\x80\x94";

std::string shown(const std::string &s) { return s.empty() ? kDash : s; }

class Writer {
public:
  Writer(const Report &r, PdfCanvas &c) : r_(r), c_(c) {}

  std::string L(const std::string &key) const { return label(r_.lang, key); }

  void none() { c_.paragraph(L("none"), TextStyle{0.95, false, true, Rgb{0.45, 0.45, 0.45}}); }
  void gap_note(const std::string &text) { c_.paragraph(text, TextStyle{1.0, true, false, Rgb{0.65, 0, 0}}); }

  void key_values(const std::vector<Field> &fields) {
    TableSpec t;
    t.weights = {0.3, 0.7};
    t.label_column = true;
    for (const auto &f : fields) t.rows.push_back({f.label, shown(f.value)});
    c_.table(t);
  }

  void actions_table(const std::vector<ActionRow> &rows) {
    if (rows.empty()) return none();
    TableSpec t;
    t.headers = {"#", L("type"), L("action"), L("owner"), L("due"), L("status")};
    t.weights = {0.05, 0.11, 0.42, 0.18, 0.13, 0.11};
    for (const auto &a : rows)
      t.rows.push_back({shown(a.id), shown(a.type_label), shown(a.description),
                        shown(a.owner) + (a.owner_department.empty() ? "" : "\n" + a.owner_department),
                        shown(a.due), shown(a.status_label)});
    c_.table(t);
  }

  void facts() {
    c_.heading(L("facts"), 1);
    key_values(r_.facts);
  }
  void d0() {
    c_.heading(L("d0"), 1);
    c_.paragraph(shown(r_.d0));
  }
  void d1() {
    c_.heading(L("d1"), 1);
    if (r_.team.empty()) return none();
    TableSpec t;
    t.headers = {L("name"), L("department"), L("role"), L("raci")};
    t.weights = {0.3, 0.3, 0.25, 0.15};
    for (const auto &m : r_.team)
      t.rows.push_back({shown(m.name), shown(m.department), shown(m.role), shown(m.raci)});
    c_.table(t);
  }
  void d2() {
    c_.heading(L("d2"), 1);
    key_values(r_.problem);
  }
  void d3() {
    c_.heading(L("d3"), 1);
    c_.heading(L("containment_scope"), 2);
    if (r_.containment.empty()) none();
    for (const auto &c : r_.containment)
      key_values({{"", L("description"), c.description},
                  {"", L("lots"), c.lots},
                  {"", L("quantity_sorted"), c.quantity_sorted},
                  {"", L("found_bad"), c.found_bad},
                  {"", L("shipments_stopped"), c.shipments_stopped},
                  {"", L("recall"), c.recall},
                  {"", L("owner"), c.owner},
                  {"", L("done_at"), c.done_at}});
    c_.heading(L("temporary_actions"), 2);
    actions_table(r_.temporary_actions);
  }
  void d4() {
    c_.heading(L("d4"), 1);
    for (const auto &cause : r_.root_causes) {
      c_.heading(cause.kind_label, 2);
      if (cause.recorded)
        key_values({{"", L("description"), cause.description}, {"", L("evidence"), cause.evidence}});
      else
        gap_note(L("not_recorded"));
      for (const auto &chain : cause.chains) {
        std::string title = L("five_why_chain") + " " + chain.id;
        if (!chain.title.empty()) title += " " + chain.title;
        if (!chain.analysis.empty()) title += " (" + L("analysis") + " #" + chain.analysis + ")";
        c_.heading(title, 3);
        TableSpec t;
        t.headers = {L("step"), L("why"), L("because"), L("evidence"), L("cause_type")};
        t.weights = {0.06, 0.3, 0.3, 0.22, 0.12};
        for (const auto &s : chain.steps)
          t.rows.push_back(
              {s.number, shown(s.why), shown(s.because), shown(s.evidence), shown(s.cause_type)});
        c_.table(t);
      }
    }
  }
  void analyses(PdfResult &result) {
    c_.heading(L("analyses"), 1);
    if (r_.analyses.empty()) return none();
    for (const auto &a : r_.analyses) {
      std::string title = a.title;
      if (!a.section.empty()) title += " · " + L("section") + " " + a.section;
      if (!a.at.empty()) title += " · " + a.at;
      c_.heading(title, 2);
      if (!a.summary.empty()) {
        TableSpec t;
        t.weights = {0.3, 0.7};
        t.label_column = true;
        for (const auto &f : a.summary) t.rows.push_back({f.label, shown(f.value)});
        c_.table(t);
      }
      for (const auto &chart : a.charts) {
        const std::string caption = std::to_string(chart.number) + ". " + chart.title;
        std::string problem = chart.problem;
        if (!chart.svg.empty() && c_.svg(chart.svg, caption, problem)) {
          ++result.charts_drawn;
        } else {
          ++result.charts_failed;
          gap_note(L("chart_unreadable") + " (" + caption + "): " + problem);
        }
      }
      for (const auto &table : a.tables) {
        if (!table.title.empty()) c_.heading(table.title, 3);
        TableSpec t;
        std::size_t n = table.columns.size();
        for (const auto &row : table.rows) n = std::max(n, row.size());
        n = std::min<std::size_t>(n, 10); // narrower than this is unreadable on A4
        if (n == 0) continue;
        t.headers.assign(table.columns.begin(), table.columns.begin() + std::min(n, table.columns.size()));
        if (!t.headers.empty()) t.headers.resize(n);
        t.weights.assign(n, 1.0);
        t.font_scale = n > 6 ? 0.8 : 0.88;
        for (const auto &row : table.rows)
          t.rows.emplace_back(row.begin(), row.begin() + std::min(n, row.size()));
        c_.table(t);
        if (table.omitted_rows > 0)
          c_.paragraph(std::to_string(table.omitted_rows) + " " + L("rows_omitted"),
                       TextStyle{0.85, false, true, Rgb{0.45, 0.45, 0.45}});
      }
      if (!a.findings.empty()) {
        c_.heading(L("findings"), 3);
        for (const auto &f : a.findings) c_.paragraph("\xE2\x80\xA2 " + f, TextStyle{0.92});
      }
    }
  }
  void d5() {
    c_.heading(L("d5"), 1);
    c_.heading(L("rationale"), 2);
    c_.paragraph(shown(r_.rationale));
    c_.heading(L("permanent_actions"), 2);
    if (r_.permanent_actions.empty())
      gap_note(L("none"));
    else
      actions_table(r_.permanent_actions);
  }
  void d6() {
    c_.heading(L("d6"), 1);
    key_values({{"", L("implementation"), r_.implementation}, {"", L("validation"), r_.validation}});
    c_.heading(L("action_verification"), 2);
    if (r_.actions.empty()) return none();
    TableSpec t;
    t.headers = {"#", L("action"), L("evidence"), L("verification"), L("verified_by")};
    t.weights = {0.05, 0.3, 0.22, 0.25, 0.18};
    for (const auto &a : r_.actions)
      t.rows.push_back({shown(a.id), shown(a.description), shown(a.evidence), shown(a.verification),
                        shown(a.verified_by) + (a.verified_at.empty() ? "" : "\n" + a.verified_at)});
    c_.table(t);
  }
  void d7() {
    c_.heading(L("d7"), 1);
    auto fields = r_.prevention_updates;
    fields.push_back({"notes", L("notes"), r_.prevention_notes});
    key_values(fields);
    c_.heading(L("horizontal_deployment"), 2);
    if (r_.deployment.empty())
      none();
    else {
      TableSpec t;
      t.headers = {L("target"), L("status"), L("owner"), L("due")};
      t.weights = {0.45, 0.17, 0.2, 0.18};
      for (const auto &d : r_.deployment)
        t.rows.push_back({shown(d.target), shown(d.status_label), shown(d.owner), shown(d.due)});
      c_.table(t);
    }
    c_.heading(L("preventive_actions"), 2);
    actions_table(r_.preventive_actions);
  }
  void d8() {
    c_.heading(L("d8"), 1);
    key_values(r_.closure);
  }
  void contacts() {
    c_.heading(L("contacts"), 1);
    if (r_.contacts.empty()) return none();
    TableSpec t;
    t.headers = {L("at"), L("channel"), L("direction"), L("purpose"), L("actor"), L("summary")};
    t.weights = {0.15, 0.1, 0.13, 0.13, 0.12, 0.37};
    for (const auto &c : r_.contacts)
      t.rows.push_back({shown(c.at), shown(c.channel), shown(c.direction), shown(c.purpose), shown(c.actor),
                        shown(c.summary)});
    c_.table(t);
  }
  void revisits() {
    c_.heading(L("revisits"), 1);
    if (r_.revisits.empty()) return none();
    for (const auto &v : r_.revisits)
      key_values({{"", L("at"), v.at},
                  {"", L("satisfaction"), v.satisfaction},
                  {"", L("problem_recurred"), v.problem_recurred},
                  {"", L("comment"), v.comment},
                  {"", L("waived"), v.waived},
                  {"", L("waiver_reason"), v.waiver_reason},
                  {"", L("actor"), v.actor}});
  }

private:
  const Report &r_;
  PdfCanvas &c_;
};

// Header and footer templates are mustache without escaping: Pango gets
// plain text (never markup), so nothing in it is interpreted.
std::string plain(const std::string &source, const kainjow::mustache::data &data) {
  kainjow::mustache::mustache tmpl(source);
  tmpl.set_custom_escape([](const std::string &s) { return s; });
  return clean_line(tmpl.render(data), 1024);
}

} // namespace

PdfResult write_pdf(const Report &report, const PdfStyle &style, const std::string &path) {
  PdfCanvas canvas(style.page);
  Writer w(report, canvas);
  PdfResult result;
  const std::string title = style.title.empty() ? label(report.lang, "title") : style.title;
  std::string meta = label(report.lang, "customer") + ": " + shown(report.customer) + "    " +
                     label(report.lang, "product_model") + ": " + shown(report.product_model) + "    " +
                     label(report.lang, "severity") + ": " + shown(report.severity_label) + "    " +
                     label(report.lang, "status") + ": " + shown(report.status_label);
  canvas.title_block(title + " \xE2\x80\x94 " + report.number, label(report.lang, "subtitle"), meta);

  const std::map<std::string, std::function<void()>> parts = {{"facts", [&] { w.facts(); }},
                                                              {"d0", [&] { w.d0(); }},
                                                              {"d1", [&] { w.d1(); }},
                                                              {"d2", [&] { w.d2(); }},
                                                              {"d3", [&] { w.d3(); }},
                                                              {"d4", [&] { w.d4(); }},
                                                              {"analyses", [&] { w.analyses(result); }},
                                                              {"d5", [&] { w.d5(); }},
                                                              {"d6", [&] { w.d6(); }},
                                                              {"d7", [&] { w.d7(); }},
                                                              {"d8", [&] { w.d8(); }},
                                                              {"contacts", [&] { w.contacts(); }},
                                                              {"revisits", [&] { w.revisits(); }}};
  for (const auto &id : style.sections) parts.at(id)();

  kainjow::mustache::object vars{{"number", report.number},
                                 {"customer", report.customer},
                                 {"product_model", report.product_model},
                                 {"title", title},
                                 {"generated_at", report.generated_at}};
  const std::string page_format = label(report.lang, "page_footer");
  canvas.write(
      path, title + " " + report.number,
      [&](int page, int total) {
        auto page_vars = vars;
        page_vars["page"] = std::to_string(page);
        page_vars["pages"] = std::to_string(total);
        std::string footer_right = page_format;
        footer_right.replace(footer_right.find("{n}"), 3, std::to_string(page));
        footer_right.replace(footer_right.find("{m}"), 3, std::to_string(total));
        return PageDecoration{plain(style.header, page_vars), title, plain(style.footer, page_vars),
                              footer_right};
      },
      "qloop export.8d");
  result.pages = canvas.pages();
  return result;
}

} // namespace qloop::eightd
