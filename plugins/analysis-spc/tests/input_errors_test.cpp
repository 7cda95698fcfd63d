// Bad input is refused with InvalidInput naming the field and the rule.
#include <functional>

#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "methods.hpp"
#include "test_data.hpp"

namespace qloop::spc {
namespace {

// Runs `call` and checks it throws InvalidInput whose message contains every
// one of `parts`.
void expect_invalid(const std::function<Json()> &call, std::initializer_list<const char *> parts) {
  try {
    call();
    ADD_FAILURE() << "no InvalidInput";
  } catch (const sdk::InvalidInput &e) {
    const std::string m = e.what();
    for (const char *p : parts) EXPECT_NE(m.find(p), std::string::npos) << "'" << p << "' not in: " << m;
  }
}

Json request(const Json &data, const Json &options = Json::object()) {
  return {{"data", data}, {"options", options}};
}

TEST(InputErrors, NotANumber) {
  expect_invalid(
      [] {
        return spc_method(request({1.0, "NaN", 2.0}));
      },
      {"field 'data[1]'", "finite number", "NaN"});
  Json t = test::piston_rings_table();
  t["rows"][3][0] = "NaN";
  expect_invalid(
      [&] {
        return spc_method({{"table", t}, {"options", {{"chart", "xbar-r"}}}});
      },
      {"field 'diameter' (data row 4)", "finite number"});
  t["rows"][3][0] = nullptr;
  expect_invalid(
      [&] {
        return spc_method({{"table", t}, {"options", {{"chart", "xbar-r"}}}});
      },
      {"field 'diameter' (data row 4)", "empty"});
}

TEST(InputErrors, TooFewPoints) {
  expect_invalid([] { return spc_method(request({5.0})); }, {"field 'data'", "at least 2 values"});
  expect_invalid(
      [] {
        return spc_method(request({{1.0, 2.0}}, {{"chart", "xbar-r"}}));
      },
      {"field 'data'", "at least 2 subgroups"});
  expect_invalid(
      [] {
        return spc_method(request({{1.0}, {2.0}}, {{"chart", "xbar-s"}}));
      },
      {"subgroup 1", "at least 2 per subgroup"});
  expect_invalid(
      [] {
        return normality_method(request({1, 2, 3, 4, 5, 6, 7}));
      },
      {"field 'data'", "at least 8 values"});
  expect_invalid(
      [] {
        return spc_method(request({{"counts", {3}}, {"sizes", {50}}}, {{"chart", "p"}}));
      },
      {"field 'data.counts'", "at least 2 samples"});
  expect_invalid(
      [] {
        return spc_method(request({1.0, 2.0, 3.0}, {{"phase1", "1"}}));
      },
      {"phase-I set", "2 consecutive"});
}

TEST(InputErrors, UnequalSubgroupsWhereNotAllowed) {
  expect_invalid(
      [] {
        return spc_method(request({{1.0, 2.0, 3.0}, {1.0, 2.0}}, {{"chart", "xbar-r"}}));
      },
      {"field 'data'", "equal size", "xbar-s"});
  expect_invalid(
      [] {
        return spc_method(request({{"counts", {3, 4, 5}}, {"sizes", {50, 60, 50}}}, {{"chart", "np"}}));
      },
      {"field 'data.sizes'", "equal sample sizes", "chart=p"});
  expect_invalid(
      [] {
        return spc_method(request({{"counts", {3, 4}}, {"sizes", {5, 6}}}, {{"chart", "c"}}));
      },
      {"field 'data.sizes'", "chart=u"});
  expect_invalid(
      [] {
        return capability_method(request({{1.0, 2.0, 3.0}, {1.5, 2.5}}, {{"usl", 5}, {"within", "rbar"}}));
      },
      {"field 'options.within'", "equal size"});
}

TEST(InputErrors, SpecificationLimits) {
  expect_invalid(
      [] {
        return capability_method(request({1, 2, 3, 4}, {{"lsl", 5}, {"usl", 5}}));
      },
      {"field 'options.lsl'", "LSL 5 >= USL 5"});
  expect_invalid(
      [] {
        return capability_method(request({1, 2, 3, 4}, {{"lsl", 6}, {"usl", 5}}));
      },
      {"field 'options.lsl'", "below 'usl'"});
  expect_invalid([] { return capability_method(request({1, 2, 3, 4})); }, {"field 'options.lsl'", "usl"});
  expect_invalid(
      [] {
        return spc_method(request({1, 2, 3, 4}, {{"lsl", 3}, {"usl", 1}}));
      },
      {"field 'options.lsl'"});
  expect_invalid(
      [] {
        return capability_method(request({1, 2, 3, 4}, {{"lsl", 0}, {"usl", 9}, {"target", 10}}));
      },
      {"field 'options.target'", "within"});
  expect_invalid(
      [] {
        return capability_method(
            request({1, 2, 3, 4, 5, 6, 7, 8}, {{"lsl", -1}, {"usl", 9}, {"transform", "boxcox"}}));
      },
      {"field 'options.lsl'", "> 0"});
  expect_invalid(
      [] {
        return capability_method(request({1, 2, -3, 4, 5, 6, 7, 8}, {{"usl", 9}, {"transform", "boxcox"}}));
      },
      {"(value 3)", "> 0"});
}

TEST(InputErrors, CountsAndOptions) {
  expect_invalid(
      [] {
        return spc_method(request({{"counts", {3, 60}}, {"sizes", {50, 50}}}, {{"chart", "p"}}));
      },
      {"field 'data.counts' (sample 2)", "more nonconforming items than items inspected"});
  expect_invalid(
      [] {
        return spc_method(request({{"counts", {3, 2.5}}, {"sizes", {50, 50}}}, {{"chart", "p"}}));
      },
      {"field 'data.counts' (sample 2)", "whole number"});
  expect_invalid(
      [] {
        return spc_method(request({{"counts", {0, 0, 0}}, {"sizes", {50, 50, 50}}}, {{"chart", "p"}}));
      },
      {"field 'data.counts'", "limits collapse"});
  expect_invalid(
      [] {
        return spc_method(request({1, 2, 3}, {{"chart", "ewma"}}));
      },
      {"field 'options.chart'", "imr, xbar-r"});
  expect_invalid(
      [] {
        return spc_method(request({{"counts", {1, 2}}}));
      },
      {"field 'options.chart'", "p, np, c or u"});
  expect_invalid(
      [] {
        return spc_method(request({1, 2, 3}, {{"limits", {{"r", {{"center", 1}}}}}}));
      },
      {"field 'options.limits.r'", "charts: i, mr"});
  expect_invalid(
      [] {
        return spc_method(request({1, 2, 3}, {{"limits", {{"i", {{"center", 1}}}}}}));
      },
      {"field 'options.limits.i'", "'ucl' and 'lcl'"});
  expect_invalid(
      [] {
        return spc_method(request({1, 2, 3}, {{"rules", "nelson9"}}));
      },
      {"field 'options.rules'", "unknown rule"});
  expect_invalid(
      [] {
        return spc_method(request({1, 2, 3}, {{"phase1", "2-7"}}));
      },
      {"field 'options.phase1'", "1..3"});
  expect_invalid(
      [] {
        return spc_method(request({1, 2, 3}, {{"standard", {{"mean", 1}, {"sigma", 0}}}}));
      },
      {"field 'options.standard.sigma'", "> 0"});
  expect_invalid(
      [] {
        return spc_method(request({1, 1, 1, 1}));
      },
      {"field 'data'", "sigma cannot be estimated"});
  Json t = test::piston_rings_table();
  t["rows"][0][2] = "maybe";
  expect_invalid(
      [&] {
        return spc_method({{"table", t}, {"options", {{"chart", "xbar-r"}}}});
      },
      {"field 'trial' (data row 1)", "TRUE or FALSE"});
  expect_invalid(
      [&] {
        return spc_method({{"table", t}, {"options", {{"value_column", "width"}}}});
      },
      {"field 'options.value_column'", "no column named 'width'"});
}

} // namespace
} // namespace qloop::spc
