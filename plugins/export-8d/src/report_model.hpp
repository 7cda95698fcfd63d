// The 8D report as the renderers see it: every value already cleaned
// (text_clean.hpp), formatted for display (dates, yes/no, known values in
// words) and labelled in the report's language. The HTML, Markdown and PDF
// writers only lay this out, so the three formats always carry the same
// content.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "labels.hpp"

namespace qloop::eightd {

struct Field { // one labelled value
  std::string key, label, value;
};

struct Table {
  std::string title;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;
  std::size_t omitted_rows = 0; // rows beyond the report's limit
};

struct Chart {
  std::string title;
  std::string svg;     // sanitized SVG document; empty when unusable
  std::string problem; // why it is unusable
  int number = 0;      // 1-based across the whole report
};

struct WhyStep {
  std::string number, why, because, evidence, cause_type;
};

struct WhyChain {
  std::string id, kind, kind_label, title, analysis;
  std::vector<WhyStep> steps;
};

struct RootCause {
  std::string kind, kind_label, description, evidence;
  bool recorded = false; // false: the 8D record has no cause of this kind
  std::vector<WhyChain> chains;
};

struct Analysis {
  std::string id, method, title, section, at;
  std::vector<Field> summary;
  std::vector<Table> tables;
  std::vector<Chart> charts;
  std::vector<std::string> findings; // "severity: message"
};

struct ActionRow {
  std::string id, type, type_label, description, owner, owner_department, due, status, status_label, evidence,
      verification, verified_by, verified_at;
};

struct TeamMember {
  std::string name, department, role, raci;
};

struct Containment {
  std::string description, lots, quantity_sorted, found_bad, shipments_stopped, recall, owner, done_at;
};

struct Deployment {
  std::string target, status, status_label, owner, due;
};

struct ContactRow {
  std::string at, channel, direction, purpose, actor, summary;
};

struct RevisitRow {
  std::string at, satisfaction, problem_recurred, comment, waived, waiver_reason, actor;
};

struct Report {
  Lang lang = Lang::en;
  std::string number, customer, product_model, status_label, severity_label;
  std::vector<Field> facts;     // the complaint record
  std::string d0;               // emergency response
  std::vector<TeamMember> team; // D1
  std::vector<Field> problem;   // D2, 5W2H
  std::vector<Containment> containment;
  std::vector<ActionRow> temporary_actions;
  std::vector<RootCause> root_causes; // occurrence, escape, then any other kind
  std::vector<Analysis> analyses;
  std::string rationale; // D5
  std::vector<ActionRow> permanent_actions;
  std::string implementation, validation; // D6
  std::vector<Field> prevention_updates;  // D7 flags
  std::string prevention_notes;
  std::vector<Deployment> deployment;
  std::vector<ActionRow> preventive_actions;
  std::vector<ActionRow> actions; // all of them, in the order given
  std::vector<Field> closure;     // D8
  std::vector<ContactRow> contacts;
  std::vector<RevisitRow> revisits;
  std::string generated_at;

  std::size_t chart_count() const;
};

struct ModelLimits {
  std::size_t max_text_bytes = 64 * 1024;      // any one text field
  std::size_t max_svg_bytes = 8 * 1024 * 1024; // any one chart
  std::size_t max_table_rows = 30;             // per analysis table
};

} // namespace qloop::eightd
