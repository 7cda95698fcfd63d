// Every review rule, firing and not firing, on chains of various shapes.
#include <algorithm>

#include <gtest/gtest.h>

#include "five_why_parse.hpp"
#include "five_why_rules.hpp"
#include "five_why_tree.hpp"
#include "test_support.hpp"

using namespace qloop::fivewhy;
using namespace fivewhy_test;
using nlohmann::json;

namespace {

const std::string kProblem = "Bracket weld cracked at the customer";

std::vector<Finding> findings_of(const json &request, bool zh = false) {
  Analysis a = parse_analysis(request);
  Settings s = parse_settings(request, Settings{});
  Tree t(a);
  return review(a, t, s, zh);
}

std::vector<Finding> with_rule(const std::vector<Finding> &all, const std::string &rule) {
  std::vector<Finding> out;
  std::copy_if(all.begin(), all.end(), std::back_inserter(out),
               [&](const Finding &f) { return f.rule == rule; });
  return out;
}

// A chain of `depth` linked steps about the same thing, ending on `last_type`.
json linked_chain(const std::string &id, const std::string &kind, int depth,
                  const std::string &last_type = "method") {
  json steps = json::array();
  steps.push_back(step("Why did the bracket weld crack?", "Weld fault 1", "ev"));
  for (int i = 2; i <= depth; ++i)
    steps.push_back(
        step("Why weld fault " + std::to_string(i - 1) + "?", "Weld fault " + std::to_string(i), "ev"));
  if (!last_type.empty()) steps.back()["cause_type"] = last_type;
  return chain(id, kind, steps);
}

} // namespace

TEST(Rules, ASoundAnalysisHasNoFindings) {
  EXPECT_TRUE(findings_of(request(kProblem, {good_occurrence(), good_escape()})).empty());
}

TEST(Rules, MissingEscapeOrOccurrenceChainIsAWarning) {
  auto f = findings_of(request(kProblem, {good_occurrence()}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "chains.escape_missing");
  EXPECT_EQ(f[0].severity, "warning");

  f = findings_of(request(kProblem, {good_escape()}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "chains.occurrence_missing");
}

TEST(Rules, ShallowPathWarnsBelowMinDepthOnly) {
  auto f = with_rule(findings_of(request(kProblem, {linked_chain("o", "occurrence", 2), good_escape()})),
                     "depth.too_shallow");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["chain"], "o");
  EXPECT_EQ(f[0].where["depth"], 2);
  EXPECT_EQ(f[0].where["path"], json({"o#1", "o#2"}));

  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {linked_chain("o", "occurrence", 3), good_escape()})),
                        "depth.too_shallow")
                  .empty()); // exactly the default minimum, 3
  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {linked_chain("o", "occurrence", 2), good_escape()},
                                            {{"min_depth", 2}})),
                        "depth.too_shallow")
                  .empty());
}

TEST(Rules, DeepPathWarnsAboveMaxDepthOnly) {
  auto f = with_rule(findings_of(request(kProblem, {linked_chain("o", "occurrence", 8), good_escape()})),
                     "depth.too_deep");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["depth"], 8);
  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {linked_chain("o", "occurrence", 7), good_escape()})),
                        "depth.too_deep")
                  .empty());
  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {linked_chain("o", "occurrence", 8), good_escape()},
                                            {{"max_depth", 8}})),
                        "depth.too_deep")
                  .empty());
}

TEST(Rules, AQuestionNotAboutThePreviousAnswerIsFlagged) {
  json c = good_occurrence();
  c["steps"][2]["why"] = "Why was the operator not trained?";
  auto f = with_rule(findings_of(request(kProblem, {c, good_escape()})), "link.not_following");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["chain"], "occ");
  EXPECT_EQ(f[0].where["step"], 3);
  EXPECT_NE(f[0].message.find("Welding current was too low"), std::string::npos);

  // Switched off, or not for a first step when there is no problem text.
  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {c, good_escape()}, {{"link_check", false}})),
                        "link.not_following")
                  .empty());
}

TEST(Rules, LinkThresholdIsConfigurable) {
  // "Why was the welding current too low?" shares weld/current/low with the
  // answer above; 4 shared keywords are more than it has.
  auto f =
      with_rule(findings_of(request(kProblem, {good_occurrence(), good_escape()}, {{"link_min_shared", 4}})),
                "link.not_following");
  EXPECT_FALSE(f.empty());
}

TEST(Rules, FirstQuestionIsCheckedAgainstTheProblem) {
  json c = good_occurrence();
  c["steps"][0]["why"] = "Why is the sky blue?";
  auto f = with_rule(findings_of(request(kProblem, {c, good_escape()})), "link.not_following");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["step"], 1);
  EXPECT_TRUE(with_rule(findings_of(request("", {c, good_escape()})), "link.not_following").empty());
}

TEST(Rules, ARepeatedAnswerIsACircle) {
  json c = good_occurrence();
  c["steps"][3]["because"] = "weld penetration was insufficient!"; // same as step 1 but case and punctuation
  auto f = with_rule(findings_of(request(kProblem, {c, good_escape()})), "link.circular");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["step"], 4);
  EXPECT_TRUE(
      with_rule(findings_of(request(kProblem, {good_occurrence(), good_escape()})), "link.circular").empty());
}

TEST(Rules, StepWithoutEvidenceIsFlaggedUnlessNotRequired) {
  json c = good_occurrence();
  c["steps"][1].erase("evidence");
  c["steps"][2]["evidence"] = json::array({"  "});
  auto f = with_rule(findings_of(request(kProblem, {c, good_escape()})), "evidence.missing");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].where["step"], 2);
  EXPECT_EQ(f[1].where["step"], 3);
  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {c, good_escape()}, {{"require_evidence", false}})),
                        "evidence.missing")
                  .empty());
}

TEST(Rules, LastStepWithoutCauseTypeIsFlagged) {
  json c = good_occurrence();
  c["steps"][3].erase("cause_type");
  auto f = with_rule(findings_of(request(kProblem, {c, good_escape()})), "cause.type_missing");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["step"], 4);
  // Untyped steps above the leaf are fine.
  EXPECT_TRUE(
      with_rule(findings_of(request(kProblem, {good_occurrence(), good_escape()})), "cause.type_missing")
          .empty());
}

TEST(Rules, EndingOnOperatorErrorIsAnError) {
  json c = good_occurrence();
  c["steps"][3]["because"] = "Operator error: the welder forgot to restore the current";
  c["steps"][3]["cause_type"] = "man";
  auto f = with_rule(findings_of(request(kProblem, {c, good_escape()})), "cause.human_error");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, "error");
  EXPECT_EQ(f[0].where["chain"], "occ");
  EXPECT_EQ(f[0].where["step"], 4);
}

TEST(Rules, HumanErrorIsRecognisedInChineseWithoutACauseType) {
  json c = linked_chain("o", "occurrence", 3, "");
  c["steps"][2]["because"] = "作业员粗心,未按要求操作";
  auto f = findings_of(request(kProblem, {c, good_escape()}), true);
  EXPECT_EQ(with_rule(f, "cause.human_error").size(), 1u);
  EXPECT_EQ(with_rule(f, "cause.type_missing").size(), 1u);
  EXPECT_NE(with_rule(f, "cause.human_error")[0].message.find("路径"), std::string::npos); // Chinese message
}

TEST(Rules, CauseTypeManIsFlaggedEvenWithNeutralWording) {
  json c = good_occurrence();
  c["steps"][3]["cause_type"] = "man";
  EXPECT_EQ(with_rule(findings_of(request(kProblem, {c, good_escape()})), "cause.human_error").size(), 1u);
}

TEST(Rules, HumanErrorWordingWithASystemCauseIsAccepted) {
  json c = good_occurrence();
  c["steps"][3]["because"] = "Operator error is possible because parameter changes have no lock-out";
  c["steps"][3]["cause_type"] = "system";
  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {c, good_escape()})), "cause.human_error").empty());
}

TEST(Rules, ExtraHumanErrorTermsComeFromOptions) {
  json c = good_occurrence();
  c["steps"][3]["because"] = "Shift leader overlooked the change";
  c["steps"][3]["cause_type"] = "machine";
  EXPECT_TRUE(with_rule(findings_of(request(kProblem, {c, good_escape()})), "cause.human_error").empty());
  EXPECT_EQ(
      with_rule(findings_of(request(kProblem, {c, good_escape()}, {{"human_error_terms", {"overlooked"}}})),
                "cause.human_error")
          .size(),
      1u);
}

TEST(Rules, BranchPathsAreCheckedFromTheProblemDown) {
  // occ has 4 steps; a second answer to step 2's question branches off with
  // two more steps: that path is 2 + 2 = 4 deep and ends on its own cause.
  json branch = {{"id", "occ-b"},
                 {"parent", {{"chain", "occ"}, {"step", 2}}},
                 {"steps",
                  {step("Why was the welding current unstable?",
                        "Welding current unstable due to worn contact tip", "tip inspection"),
                   step("Why was the worn contact tip not replaced?",
                        "No tip replacement interval in the PM plan", "PM plan", "")}}};
  json r = request(kProblem, {good_occurrence(), branch, good_escape()});
  Analysis a = parse_analysis(r);
  Tree t(a);
  ASSERT_EQ(t.paths().size(), 3u);
  EXPECT_EQ(t.paths()[1].steps.size(), 4u);
  EXPECT_EQ(t.paths()[1].steps.front(), (StepRef{0, 0}));
  EXPECT_EQ(t.paths()[1].steps.back(), (StepRef{1, 1}));
  auto f = findings_of(r);
  ASSERT_EQ(f.size(), 1u); // the branch's leaf has no cause type
  EXPECT_EQ(f[0].rule, "cause.type_missing");
  EXPECT_EQ(f[0].where["chain"], "occ-b");
  EXPECT_EQ(f[0].where["path"], json({"occ#1", "occ#2", "occ-b#1", "occ-b#2"}));
}

TEST(Rules, AStepContinuedByABranchIsNotALeaf) {
  // esc ends after one step; its continuation is a separate chain.
  json esc = chain("esc", "escape",
                   {step("Why was the weak weld crack not detected?", "Inspection is visual only", "x")});
  json more = {
      {"id", "esc-2"},
      {"parent", {{"chain", "esc"}, {"step", 1}}},
      {"steps",
       {step("Why is inspection visual only?", "Control plan has no pull test", "CP"),
        step("Why has the control plan no pull test?", "PFMEA rated it low risk", "PFMEA", "management")}}};
  auto f = findings_of(request(kProblem, {good_occurrence(), esc, more}));
  EXPECT_TRUE(f.empty()) << f.front().rule;
}

TEST(Rules, SeveralRootChainsOfOneKindAreSeparatePaths) {
  auto f =
      findings_of(request(kProblem, {good_occurrence(), linked_chain("o2", "occurrence", 2), good_escape()}));
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "depth.too_shallow");
  EXPECT_EQ(f[0].where["chain"], "o2");
}
