// Reading fishbone requests (JSON causes or a CSV table) and InvalidInput
// naming the field and the allowed values.
#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "fishbone_parse.hpp"
#include "test_support.hpp"

using namespace qloop::fishbone;
using namespace fishbone_test;
using nlohmann::json;

namespace {

std::string error_of(const json &request) {
  try {
    parse_diagram(request);
  } catch (const qloop::sdk::InvalidInput &e) {
    return e.what();
  }
  return "";
}

json table_request(json columns, json rows, const std::string &effect = "Weld crack") {
  return {{"table", {{"columns", std::move(columns)}, {"rows", std::move(rows)}}},
          {"options", {{"effect", effect}}}};
}

} // namespace

TEST(Parse, ReadsCausesOntoTheirBones) {
  auto d = parse_diagram(complete());
  EXPECT_EQ(d.effect, "Weld crack");
  for (Category c : kCategories) EXPECT_EQ(d.bones[index(c)].size(), 1u) << to_string(c);
  const Cause &machine = d.bones[index(Category::machine)][0];
  EXPECT_EQ(machine.text, "Low welding current");
  EXPECT_EQ(machine.status, Status::verified);
  ASSERT_EQ(machine.links.size(), 1u);
  EXPECT_EQ(machine.links[0].method, "5why");
  EXPECT_EQ(machine.links[0].ref, "occ-1");
}

TEST(Parse, AcceptsChineseCategoryAndStatusNames) {
  auto d = parse_diagram(
      request("焊点开裂", {cause("人", "a", "已验证"), cause("机", "b", "疑似"), cause("料", "c", "已排除"),
                           cause("法", "d"), cause("环境", "e"), cause("测", "f")}));
  EXPECT_EQ(d.bones[index(Category::man)][0].status, Status::verified);
  EXPECT_EQ(d.bones[index(Category::machine)][0].status, Status::suspected);
  EXPECT_EQ(d.bones[index(Category::material)][0].status, Status::ruled_out);
  EXPECT_EQ(d.bones[index(Category::method)][0].status, Status::suspected); // no status: not yet examined
  EXPECT_EQ(d.bones[index(Category::environment)].size(), 1u);
  EXPECT_EQ(d.bones[index(Category::measurement)].size(), 1u);
}

TEST(Parse, CategoryAndStatusAreCaseInsensitive) {
  auto d = parse_diagram(request("x", {cause("Machine", "a", "Ruled_Out")}));
  EXPECT_EQ(d.bones[index(Category::machine)][0].status, Status::ruled_out);
}

TEST(Parse, UnknownCategoryNamesTheFieldAndTheAllowedValues) {
  auto e = error_of(request("x", {cause("man", "a"), cause("money", "b")}));
  EXPECT_NE(e.find("field 'data.causes[1].category'"), std::string::npos) << e;
  EXPECT_NE(e.find("man, machine, material, method, environment, measurement"), std::string::npos) << e;
  EXPECT_NE(e.find("\"money\""), std::string::npos) << e;
}

TEST(Parse, UnknownStatusNamesTheFieldAndTheAllowedValues) {
  auto e = error_of(request("x", {cause("man", "a", "maybe")}));
  EXPECT_NE(e.find("field 'data.causes[0].status'"), std::string::npos) << e;
  EXPECT_NE(e.find("suspected, verified, ruled_out"), std::string::npos) << e;
  auto sub = error_of(
      request("x", {cause("man", "a", "", {{"sub_causes", {{{"text", "b"}, {"status", "done"}}}}})}));
  EXPECT_NE(sub.find("field 'data.causes[0].sub_causes[0].status'"), std::string::npos) << sub;
}

TEST(Parse, LinksAsObjectsOrText) {
  auto d = parse_diagram(
      request("x", {cause("man", "a", "verified",
                          {{"links", {{{"method", "DOE"}, {"ref", "D-1"}}, "5why: occ-2; doe:D-3"}}})}));
  const auto &links = d.bones[0][0].links;
  ASSERT_EQ(links.size(), 3u);
  EXPECT_EQ(links[0].method, "doe");
  EXPECT_EQ(links[1].method, "5why");
  EXPECT_EQ(links[1].ref, "occ-2");
  EXPECT_EQ(links[2].ref, "D-3");
}

TEST(Parse, BadLinksAreNamed) {
  auto e = error_of(request("x", {cause("man", "a", "", {{"links", {"fmea:F-1"}}})}));
  EXPECT_NE(e.find("field 'data.causes[0].links[0]'"), std::string::npos) << e;
  EXPECT_NE(e.find("5why, doe"), std::string::npos) << e;
  EXPECT_NE(error_of(request("x", {cause("man", "a", "", {{"links", {"occ-1"}}})})).find("method:ref"),
            std::string::npos);
  EXPECT_NE(error_of(request("x", {cause("man", "a", "", {{"links", {"5why:"}}})})).find("needs a reference"),
            std::string::npos);
  EXPECT_NE(
      error_of(request("x", {cause("man", "a", "", {{"links", "5why:x"}})})).find("data.causes[0].links"),
      std::string::npos);
}

TEST(Parse, SubCausesAreOneLevelDeep) {
  json deep = {{"text", "b"}, {"sub_causes", {{{"text", "c"}}}}};
  auto e = error_of(request("x", {cause("man", "a", "", {{"sub_causes", {deep}}})}));
  EXPECT_NE(e.find("data.causes[0].sub_causes[0].sub_causes"), std::string::npos) << e;
}

TEST(Parse, EffectAndCausesAreRequired) {
  EXPECT_NE(error_of(request("", {cause("man", "a")})).find("data.effect"), std::string::npos);
  EXPECT_NE(error_of(request("x", json::array())).find("data.causes"), std::string::npos);
  EXPECT_NE(error_of({{"data", {{"effect", "x"}}}}).find("data.causes"), std::string::npos);
  EXPECT_NE(error_of(request("x", {cause("man", "")})).find("data.causes[0].text"), std::string::npos);
  EXPECT_NE(error_of(request("x", {{{"text", "a"}}})).find("data.causes[0].category"), std::string::npos);
  EXPECT_NE(error_of(json::array()).find("request"), std::string::npos);
}

TEST(Parse, TooManyCausesAreRefused) {
  json causes = json::array();
  for (int i = 0; i < 501; ++i) causes.push_back(cause("man", "cause " + std::to_string(i)));
  EXPECT_NE(error_of(request("x", causes)).find("more than 500"), std::string::npos);
}

TEST(Parse, TableRowsBuildCausesAndSubCauses) {
  auto d =
      parse_diagram(table_request({"Category", "Cause", "Sub_cause", "Status", "Link"},
                                  {{"machine", "Low current", nullptr, "verified", "5why:occ-1"},
                                   {"machine", "Low current", "Parameter not restored", "verified", nullptr},
                                   {"material", "Thick coating", "New supplier line", "suspected", nullptr},
                                   {"测", "Visual only", "", "", "doe:D-2; 5why:esc-1"}}));
  EXPECT_EQ(d.effect, "Weld crack");
  const auto &machine = d.bones[index(Category::machine)];
  ASSERT_EQ(machine.size(), 1u);
  EXPECT_EQ(machine[0].status, Status::verified);
  ASSERT_EQ(machine[0].sub_causes.size(), 1u);
  EXPECT_EQ(machine[0].sub_causes[0].text, "Parameter not restored");
  const auto &material = d.bones[index(Category::material)];
  ASSERT_EQ(material.size(), 1u);
  EXPECT_EQ(material[0].status, Status::suspected); // created by its sub-cause's row
  EXPECT_EQ(material[0].sub_causes.size(), 1u);
  EXPECT_EQ(d.bones[index(Category::measurement)][0].links.size(), 2u);
}

TEST(Parse, TableProblemsAreNamed) {
  // (Rows are built with json::array: a braced {"man", "x"} would read as an object.)
  EXPECT_NE(error_of(table_request({"what", "cause"}, json::array({json::array({"man", "x"})})))
                .find("field 'table.columns'"),
            std::string::npos);
  auto e = error_of(
      table_request({"category", "cause", "status"}, {{"man", "x", "verified"}, {"money", "y", ""}}));
  EXPECT_NE(e.find("field 'table.rows[1].category'"), std::string::npos) << e;
  EXPECT_NE(e.find("measurement"), std::string::npos) << e;
  EXPECT_NE(error_of(table_request({"category", "cause", "status"}, {{"man", "x", "unsure"}}))
                .find("field 'table.rows[0].status'"),
            std::string::npos);
  EXPECT_NE(error_of(table_request({"category", "cause"}, json::array({json::array({"man", nullptr})})))
                .find("table.rows[0].cause"),
            std::string::npos);
  EXPECT_NE(error_of(table_request({"category", "cause"}, json::array())).find("table.rows"),
            std::string::npos);
  EXPECT_NE(error_of(table_request({"category", "cause"}, json::array({json::array({"man", "x"})}), ""))
                .find("effect"),
            std::string::npos);
}
