// The 8D sections (D1 team ... D7 prevention) as readable cell text for the
// 8D summary sheet: one line per item, labelled in the export's language.
// Structured fields are read leniently; a section given as plain text is
// shown as it is.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "labels.hpp"
#include "ledger_rows.hpp"

namespace qloop::ledger {

std::string team_text(const nlohmann::json *d1);
// D2 as 5W2H, one "What: ..." line per answered question.
std::string problem_text(const nlohmann::json *d2, Lang lang);

struct Containment {
  std::string text;
  Cell sorted, bad; // sums over the D3 actions, empty when none gave a number
};
Containment containment(const nlohmann::json *d3, Lang lang);

// D4 causes of one kind ("occurrence" or "escape"); causes of another kind go
// with the occurrence causes, tagged with their kind, so nothing is lost.
std::string causes_text(const nlohmann::json *d4, const std::string &kind, Lang lang);
// The methods of the analyses attached to the case file: "5why, fishbone".
std::string analyses_text(const nlohmann::json &case_file);
// D5: its rationale and the actions it names (by id, described from the case
// file's action list); with no ids, the case file's permanent actions.
std::string permanent_actions_text(const nlohmann::json &case_file, const nlohmann::json *d5);
std::string implementation_text(const nlohmann::json *d6, Lang lang);
std::string prevention_text(const nlohmann::json *d7, Lang lang);

} // namespace qloop::ledger
