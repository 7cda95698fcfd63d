// Reading requests: the model, the defaults, and InvalidInput naming the
// field and the rule for every malformed part.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "five_why_parse.hpp"
#include "test_support.hpp"

using namespace qloop::fivewhy;
using namespace fivewhy_test;
using nlohmann::json;

namespace {

// The InvalidInput message for `request`, or "" when it parses.
std::string error_of(const json &request) {
  try {
    parse_analysis(request);
    parse_settings(request, Settings{});
  } catch (const qloop::sdk::InvalidInput &e) {
    return e.what();
  }
  return "";
}

json one_chain(json chain) { return request("p", json::array({std::move(chain)})); }

} // namespace

TEST(Parse, ReadsChainsStepsEvidenceAndCauseTypes) {
  auto a = parse_analysis(request("Weld cracked", {good_occurrence(), good_escape()}));
  EXPECT_EQ(a.problem, "Weld cracked");
  ASSERT_EQ(a.chains.size(), 2u);
  EXPECT_EQ(a.chains[0].kind, ChainKind::occurrence);
  EXPECT_EQ(a.chains[1].kind, ChainKind::escape);
  EXPECT_EQ(a.chains[0].steps.size(), 4u);
  EXPECT_EQ(a.chains[0].steps[0].evidence, std::vector<std::string>{"section MR-0412"});
  EXPECT_FALSE(a.chains[0].steps[0].cause_type.has_value());
  EXPECT_EQ(a.chains[0].steps[3].cause_type, CauseType::method);
  EXPECT_EQ(a.chains[1].steps[2].cause_type, CauseType::management);
}

TEST(Parse, AcceptsChineseKindAndCauseTypeNamesAndEvidenceLists) {
  json c = {
      {"kind", "流出原因"},
      {"steps",
       {{{"why", "为什么?"}, {"because", "因为"}, {"evidence", {"a", " ", "b"}}, {"cause_type", "测"}}}}};
  auto a = parse_analysis(one_chain(c));
  EXPECT_EQ(a.chains[0].kind, ChainKind::escape);
  EXPECT_EQ(a.chains[0].id, "chain-1");
  EXPECT_EQ(a.chains[0].steps[0].cause_type, CauseType::measurement);
  EXPECT_EQ(a.chains[0].steps[0].evidence, (std::vector<std::string>{"a", "b"})); // blank dropped
}

TEST(Parse, MissingOrEmptyDataIsNamed) {
  EXPECT_NE(error_of(json::object()).find("field 'data'"), std::string::npos);
  EXPECT_NE(error_of({{"data", {{"chains", json::array()}}}}).find("field 'data.chains'"), std::string::npos);
  EXPECT_NE(error_of({{"data", {{"chains", 3}}}}).find("field 'data.chains'"), std::string::npos);
}

TEST(Parse, UnknownKindNamesTheFieldAndTheAllowedValues) {
  auto e = error_of(one_chain(chain("c", "root", {step("a", "b")})));
  EXPECT_NE(e.find("data.chains[0].kind"), std::string::npos) << e;
  EXPECT_NE(e.find("occurrence, escape"), std::string::npos) << e;
  EXPECT_NE(e.find("\"root\""), std::string::npos) << e;
}

TEST(Parse, RootChainWithoutKindIsRefused) {
  json c = {{"steps", {step("a", "b")}}};
  EXPECT_NE(error_of(one_chain(c)).find("data.chains[0].kind': required"), std::string::npos);
}

TEST(Parse, UnknownCauseTypeNamesTheFieldAndTheAllowedValues) {
  auto e = error_of(one_chain(chain("c", "occurrence", {step("a", "b"), step("c", "d", "ev", "luck")})));
  EXPECT_NE(e.find("data.chains[0].steps[1].cause_type"), std::string::npos) << e;
  EXPECT_NE(e.find("management"), std::string::npos) << e;
}

TEST(Parse, StepNeedsAQuestionAndAnAnswer) {
  EXPECT_NE(
      error_of(one_chain(chain("c", "occurrence", {{{"why", "a"}}}))).find("data.chains[0].steps[0].because"),
      std::string::npos);
  EXPECT_NE(
      error_of(one_chain(chain("c", "occurrence", {step("  ", "b")}))).find("data.chains[0].steps[0].why"),
      std::string::npos);
  EXPECT_NE(error_of(one_chain(chain("c", "occurrence", json::array()))).find("data.chains[0].steps"),
            std::string::npos);
  EXPECT_NE(error_of(one_chain(chain("c", "occurrence", {{{"why", "a"}, {"because", "b"}, {"evidence", 7}}})))
                .find("data.chains[0].steps[0].evidence"),
            std::string::npos);
}

TEST(Parse, ChainIdsMustBeUnique) {
  auto e = error_of(
      request("p", {chain("x", "occurrence", {step("a", "b")}), chain("x", "escape", {step("a", "b")})}));
  EXPECT_NE(e.find("data.chains[1].id"), std::string::npos) << e;
}

TEST(Parse, BranchInheritsKindAndMustPointAtAnExistingStep) {
  json branch = {{"id", "b"}, {"parent", {{"chain", "occ"}, {"step", 2}}}, {"steps", {step("a", "b")}}};
  auto a = parse_analysis(request("p", {good_occurrence(), branch}));
  EXPECT_EQ(a.chains[1].kind, ChainKind::occurrence);
  EXPECT_EQ(a.chains[1].parent_chain, "occ");
  EXPECT_EQ(a.chains[1].parent_step, 2);

  branch["parent"]["chain"] = "nope";
  EXPECT_NE(error_of(request("p", {good_occurrence(), branch})).find("data.chains[1].parent.chain"),
            std::string::npos);
  branch["parent"] = {{"chain", "occ"}, {"step", 5}};
  EXPECT_NE(error_of(request("p", {good_occurrence(), branch})).find("has only 4 steps"), std::string::npos);
  branch["parent"] = {{"chain", "occ"}, {"step", 0}};
  EXPECT_NE(error_of(request("p", {good_occurrence(), branch})).find("data.chains[1].parent.step"),
            std::string::npos);
}

TEST(Parse, BranchOfAnotherKindIsRefused) {
  json branch = {{"id", "b"},
                 {"kind", "escape"},
                 {"parent", {{"chain", "occ"}, {"step", 1}}},
                 {"steps", {step("a", "b")}}};
  EXPECT_NE(error_of(request("p", {good_occurrence(), branch})).find("data.chains[1].kind"),
            std::string::npos);
}

TEST(Parse, ParentLinksMustNotLoop) {
  json a = {{"id", "a"}, {"parent", {{"chain", "b"}, {"step", 1}}}, {"steps", {step("x", "y")}}};
  json b = {{"id", "b"}, {"parent", {{"chain", "a"}, {"step", 1}}}, {"steps", {step("x", "y")}}};
  EXPECT_NE(error_of(request("p", {a, b})).find("loop"), std::string::npos);
  json self = {{"id", "s"},
               {"kind", "occurrence"},
               {"parent", {{"chain", "s"}, {"step", 1}}},
               {"steps", {step("x", "y")}}};
  EXPECT_NE(error_of(request("p", {self})).find("loop"), std::string::npos);
}

TEST(Parse, TooManyStepsIsRefusedNotWalked) {
  json steps = json::array();
  for (int i = 0; i < 1001; ++i)
    steps.push_back(step("why " + std::to_string(i), "because " + std::to_string(i)));
  EXPECT_NE(error_of(one_chain(chain("c", "occurrence", steps))).find("more than 1000 steps"),
            std::string::npos);
}

TEST(Parse, OptionsOverrideDefaults) {
  Settings defaults;
  defaults.min_depth = 4;
  auto s = parse_settings(request("p", {good_occurrence()}), defaults);
  EXPECT_EQ(s.min_depth, 4);
  s = parse_settings(request("p", {good_occurrence()},
                             {{"min_depth", 2},
                              {"max_depth", 5},
                              {"link_check", false},
                              {"require_evidence", false},
                              {"link_min_shared", 2},
                              {"human_error_terms", {"shift leader"}}}),
                     defaults);
  EXPECT_EQ(s.min_depth, 2);
  EXPECT_EQ(s.max_depth, 5);
  EXPECT_FALSE(s.link_check);
  EXPECT_FALSE(s.require_evidence);
  EXPECT_EQ(s.link_min_shared, 2);
  EXPECT_EQ(s.human_error_terms, std::vector<std::string>{"shift leader"});
}

TEST(Parse, BadOptionsAreNamed) {
  auto base = [](json options) { return request("p", {good_occurrence()}, std::move(options)); };
  EXPECT_NE(error_of(base({{"min_depth", "3"}})).find("options.min_depth"), std::string::npos);
  EXPECT_NE(error_of(base({{"min_depth", 0}})).find("options.min_depth"), std::string::npos);
  EXPECT_NE(error_of(base({{"min_depth", 2.5}})).find("options.min_depth"), std::string::npos);
  EXPECT_NE(error_of(base({{"min_depth", 5}, {"max_depth", 4}})).find("options.max_depth"),
            std::string::npos);
  EXPECT_NE(error_of(base({{"link_check", "yes"}})).find("options.link_check"), std::string::npos);
  EXPECT_NE(error_of(base({{"human_error_terms", "x"}})).find("options.human_error_terms"),
            std::string::npos);
  EXPECT_NE(error_of(base(json::array())).find("options"), std::string::npos);
}
