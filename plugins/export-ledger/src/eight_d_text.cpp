#include "eight_d_text.hpp"

#include <utility>

#include "json_fields.hpp"

namespace qloop::ledger {
namespace {

using nlohmann::json;

void add_line(std::string &out, const std::string &line) {
  if (line.empty()) return;
  if (!out.empty()) out += '\n';
  out += line;
}

void add_part(std::string &out, const std::string &part, const char *separator = "; ") {
  if (part.empty()) return;
  if (!out.empty()) out += separator;
  out += part;
}

std::string labelled(const Words &w, Lang lang, const std::string &value) {
  if (value.empty()) return {};
  return std::string(w.in(lang)) + ": " + value;
}

} // namespace

std::string team_text(const json *d1) {
  std::string out;
  for (const json *m : items(d1)) {
    if (!m->is_object()) {
      add_line(out, as_text(m));
      continue;
    }
    std::string details;
    for (const char *k : {"department", "role", "raci"}) add_part(details, text_at(*m, k), ", ");
    std::string line = text_at(*m, "name");
    if (!details.empty()) line += line.empty() ? details : " (" + details + ")";
    add_line(out, line);
  }
  return out;
}

std::string problem_text(const json *d2, Lang lang) {
  if (d2 == nullptr || !d2->is_object()) return as_text(d2);
  std::string out;
  const std::pair<const char *, const Words *> parts[] = {
      {"what", &words::what}, {"why", &words::why}, {"when", &words::when},        {"where", &words::where},
      {"who", &words::who},   {"how", &words::how}, {"how_many", &words::how_many}};
  for (const auto &[key, w] : parts) add_line(out, labelled(*w, lang, text_at(*d2, key)));
  return out;
}

Containment containment(const json *d3, Lang lang) {
  Containment c;
  double sorted = 0, bad = 0;
  bool any_sorted = false, any_bad = false;
  for (const json *a : items(d3)) {
    if (!a->is_object()) {
      add_line(c.text, as_text(a));
      continue;
    }
    std::string details;
    add_part(details, labelled(words::lots, lang, joined(field(*a, "lots"))));
    if (const json *n = field(*a, "quantity_sorted"); n && n->is_number()) {
      add_part(details, labelled(words::sorted, lang, as_text(n)));
      sorted += n->get<double>();
      any_sorted = true;
    }
    if (const json *n = field(*a, "found_bad"); n && n->is_number()) {
      add_part(details, labelled(words::found_bad, lang, as_text(n)));
      bad += n->get<double>();
      any_bad = true;
    }
    if (const json *s = field(*a, "shipments_stopped"); s && s->is_boolean() && s->get<bool>())
      add_part(details, words::shipments_stopped.in(lang));
    add_part(details, labelled(words::recall, lang, text_at(*a, "recall")));
    std::string line = text_at(*a, "description");
    if (!details.empty()) line += line.empty() ? details : " [" + details + "]";
    add_line(c.text, line);
  }
  if (any_sorted) c.sorted = Cell::of_number(sorted);
  if (any_bad) c.bad = Cell::of_number(bad);
  return c;
}

std::string causes_text(const json *d4, const std::string &kind, Lang lang) {
  std::string out;
  for (const json *c : items(d4)) {
    if (!c->is_object()) {
      if (kind == "occurrence") add_line(out, as_text(c));
      continue;
    }
    const std::string k = text_at(*c, "kind");
    const bool known = k == "occurrence" || k == "escape";
    if (!(k == kind || (!known && kind == "occurrence"))) continue;
    std::string line = text_at(*c, "description");
    if (!known && !k.empty()) line = "[" + k + "] " + line;
    const std::string evidence = text_at(*c, "evidence");
    if (!evidence.empty()) line += " (" + labelled(words::evidence, lang, evidence) + ")";
    add_line(out, line);
  }
  return out;
}

std::string analyses_text(const json &case_file) {
  std::string out;
  for (const json *a : items(field(case_file, "analyses")))
    add_part(out, a->is_object() ? text_at(*a, "method") : std::string(), ", ");
  return out;
}

std::string permanent_actions_text(const json &case_file, const json *d5) {
  std::string out = d5 != nullptr && d5->is_object() ? text_at(*d5, "rationale") : as_text(d5);
  const json *actions = field(case_file, "actions");
  const json *ids = d5 != nullptr && d5->is_object() ? field(*d5, "action_ids") : nullptr;
  auto describe = [&](const json &a) { return "#" + text_at(a, "id") + " " + text_at(a, "description"); };
  if (ids != nullptr && ids->is_array() && !ids->empty()) {
    for (const auto &id : *ids) {
      std::string line = "#" + as_text(&id);
      for (const json *a : items(actions))
        if (a->is_object() && field(*a, "id") != nullptr && *field(*a, "id") == id) line = describe(*a);
      add_line(out, line);
    }
  } else {
    for (const json *a : items(actions)) {
      if (!a->is_object()) continue;
      std::string type = text_at(*a, "type");
      if (type.empty()) type = text_at(*a, "kind");
      if (type == "permanent") add_line(out, describe(*a));
    }
  }
  return out;
}

std::string implementation_text(const json *d6, Lang lang) {
  if (d6 == nullptr || !d6->is_object()) return as_text(d6);
  std::string out = text_at(*d6, "implementation");
  add_line(out, labelled(words::validation, lang, text_at(*d6, "validation")));
  return out;
}

std::string prevention_text(const json *d7, Lang lang) {
  if (d7 == nullptr || !d7->is_object()) return as_text(d7);
  std::string flags;
  const std::pair<const char *, const Words *> parts[] = {
      {"fmea_updated", &words::fmea_updated},
      {"control_plan_updated", &words::control_plan_updated},
      {"work_instructions_updated", &words::work_instructions_updated}};
  bool any_set = false;
  for (const auto &[key, w] : parts) {
    const json *v = field(*d7, key);
    if (v == nullptr || !v->is_boolean()) continue;
    any_set = any_set || v->get<bool>();
    add_part(flags, labelled(*w, lang, (v->get<bool>() ? words::yes : words::no).in(lang)));
  }
  std::string out;
  for (const json *h : items(field(*d7, "horizontal_deployment"))) {
    std::string line;
    if (h->is_object()) {
      line = text_at(*h, "target");
      std::string details;
      for (const char *k : {"status", "owner"}) add_part(details, text_at(*h, k), ", ");
      if (!details.empty()) line += " (" + details + ")";
    } else {
      line = as_text(h);
    }
    add_line(out, labelled(words::horizontal_deployment, lang, line));
  }
  add_line(out, text_at(*d7, "notes"));
  // Flags that are all "no" with nothing else said mean D7 was never worked on.
  if (any_set || !out.empty()) out = flags + (flags.empty() || out.empty() ? "" : "\n") + out;
  return out;
}

} // namespace qloop::ledger
