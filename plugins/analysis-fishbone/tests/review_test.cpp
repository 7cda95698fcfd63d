// Counts per category and status, and every review rule firing and not.
#include <gtest/gtest.h>

#include "fishbone_parse.hpp"
#include "fishbone_review.hpp"
#include "test_support.hpp"

using namespace qloop::fishbone;
using namespace fishbone_test;
using nlohmann::json;

namespace {

std::vector<Finding> findings_of(const json &request, const std::string &rule) {
  std::vector<Finding> out;
  for (auto &f : review(parse_diagram(request), false))
    if (f.rule == rule) out.push_back(f);
  return out;
}

} // namespace

TEST(Counts, PerCategoryAndStatusIncludeSubCauses) {
  // Hand count: machine has 2 causes (verified, suspected) and 2 sub-causes
  // (verified, ruled out); material 1 cause (suspected) and 1 sub (suspected).
  auto d = parse_diagram(json::parse(read_text(FISHBONE_TEST_DATA "/weld-crack.fishbone.json")));
  auto n = count(d);
  const auto m = index(Category::machine);
  EXPECT_EQ(n.causes[m], 2u);
  EXPECT_EQ(n.sub_causes[m], 2u);
  EXPECT_EQ(n.by_status[m], (std::array<std::size_t, 3>{1, 2, 1})); // suspected, verified, ruled out
  EXPECT_EQ(n.by_status[index(Category::material)], (std::array<std::size_t, 3>{2, 0, 0}));
  EXPECT_EQ(n.total_causes(), 7u);
  EXPECT_EQ(n.total_sub_causes(), 3u);
  EXPECT_EQ(n.total(Status::suspected), 3u);
  EXPECT_EQ(n.total(Status::verified), 4u);
  EXPECT_EQ(n.total(Status::ruled_out), 3u);
  EXPECT_EQ(n.total(Status::suspected) + n.total(Status::verified) + n.total(Status::ruled_out),
            n.total_causes() + n.total_sub_causes());
}

TEST(Review, ACompleteDiagramHasNoFindings) { EXPECT_TRUE(review(parse_diagram(complete()), false).empty()); }

TEST(Review, AnEmptyBoneIsNotedPerCategory) {
  auto f = findings_of(request("x", {cause("machine", "a", "verified", {{"links", {"doe:D"}}})}),
                       "category.empty");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].severity, "info");
  EXPECT_EQ(f[0].where["category"], "man");
  EXPECT_EQ(f[1].where["category"], "material");
  EXPECT_TRUE(findings_of(complete(), "category.empty").empty());
}

TEST(Review, NoVerifiedCauseIsAWarning) {
  auto r = complete();
  for (auto &c : r["data"]["causes"])
    if (c["status"] == "verified") c["status"] = "suspected";
  auto f = findings_of(r, "effect.no_verified_cause");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, "warning");
  EXPECT_TRUE(findings_of(complete(), "effect.no_verified_cause").empty());
}

TEST(Review, AVerifiedSubCauseCountsAsVerified) {
  auto r = request(
      "x", {cause("man", "a", "suspected",
                  {{"sub_causes", {{{"text", "b"}, {"status", "verified"}, {"links", {"doe:D"}}}}}})});
  EXPECT_TRUE(findings_of(r, "effect.no_verified_cause").empty());
}

TEST(Review, VerifiedWithoutLinkIsFlaggedAtItsPlace) {
  auto r = complete();
  r["data"]["causes"][1].erase("links");
  r["data"]["causes"][1]["sub_causes"] = {{{"text", "sub"}, {"status", "verified"}}};
  auto f = findings_of(r, "cause.verified_without_link");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].where, json({{"category", "machine"}, {"cause", 1}}));
  EXPECT_EQ(f[1].where, json({{"category", "machine"}, {"cause", 1}, {"sub_cause", 1}}));
}

TEST(Review, VerifiedSubCauseUnderARuledOutCauseIsInconsistent) {
  auto r = complete();
  r["data"]["causes"][0]["sub_causes"] = {
      {{"text", "No training record"}, {"status", "verified"}, {"links", {"5why:o"}}}};
  auto f = findings_of(r, "status.inconsistent");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["category"], "man");
  r["data"]["causes"][0]["status"] = "verified";
  r["data"]["causes"][0]["links"] = {"5why:o"};
  EXPECT_TRUE(findings_of(r, "status.inconsistent").empty());
}

TEST(Review, TheSameCauseTwiceIsNoted) {
  auto r = complete();
  r["data"]["causes"].push_back(cause("method", "low  welding current!"));
  auto f = findings_of(r, "cause.duplicate");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].where["category"], "method");
  EXPECT_EQ(f[0].where["cause"], 2);
}

TEST(Review, MessagesFollowTheLanguage) {
  auto f = review(parse_diagram(request("x", {cause("man", "a")})), true);
  ASSERT_FALSE(f.empty());
  EXPECT_NE(f[0].message.find("没有列出原因"), std::string::npos) << f[0].message;
}
