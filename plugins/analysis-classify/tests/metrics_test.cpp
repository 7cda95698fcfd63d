// Scores against hand-worked numbers, and the seeded split.
#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "metrics.hpp"

namespace qloop::classify {
namespace {

std::vector<std::string> repeat(std::initializer_list<std::pair<const char *, int>> runs) {
  std::vector<std::string> out;
  for (const auto &[v, n] : runs) out.insert(out.end(), static_cast<std::size_t>(n), v);
  return out;
}

// Truth x predicted, by hand:
//            A  B  C  D  (none)
//   truth A  5  1  0  0  0      support 6
//   truth B  2  2  0  0  0      support 4
//   truth C  0  0  1  1  1      support 3
// D is only ever predicted. Accuracy 8/13.
//   A: P 5/7, R 5/6 -> F1 2PR/(P+R) = 10/13
//   B: P 2/3, R 2/4 -> F1 4/7
//   C: P 1/1, R 1/3 -> F1 1/2
//   D: P 0/1, no support -> F1 0, not in the macro mean
// Macro-F1 = (10/13 + 4/7 + 1/2) / 3 = 335/546.
TEST(Metrics, HandWorkedConfusion) {
  const auto truth = repeat({{"A", 6}, {"B", 4}, {"C", 3}});
  const auto predicted = repeat({{"A", 5}, {"B", 1}, {"A", 2}, {"B", 2}, {"C", 1}, {"D", 1}, {"", 1}});
  const Scores s = score(truth, predicted);
  EXPECT_EQ(s.total, 13u);
  EXPECT_EQ(s.correct, 8u);
  EXPECT_DOUBLE_EQ(s.accuracy, 8.0 / 13);
  EXPECT_NEAR(s.macro_f1, 335.0 / 546, 1e-12);

  ASSERT_EQ(s.labels, (std::vector<std::string>{"A", "B", "C", "D"}));
  EXPECT_TRUE(s.has_undecided);
  const std::vector<std::vector<std::size_t>> want = {
      {5, 1, 0, 0, 0}, {2, 2, 0, 0, 0}, {0, 0, 1, 1, 1}, {0, 0, 0, 0, 0}};
  EXPECT_EQ(s.confusion, want);

  ASSERT_EQ(s.classes.size(), 4u);
  const ClassScore &a = s.classes[0], &b = s.classes[1], &c = s.classes[2], &d = s.classes[3];
  EXPECT_EQ(a.support, 6u);
  EXPECT_EQ(a.predicted, 7u);
  EXPECT_NEAR(a.precision, 5.0 / 7, 1e-12);
  EXPECT_NEAR(a.recall, 5.0 / 6, 1e-12);
  EXPECT_NEAR(a.f1, 10.0 / 13, 1e-12);
  EXPECT_NEAR(b.precision, 2.0 / 3, 1e-12);
  EXPECT_NEAR(b.recall, 0.5, 1e-12);
  EXPECT_NEAR(b.f1, 4.0 / 7, 1e-12);
  EXPECT_NEAR(c.precision, 1.0, 1e-12);
  EXPECT_NEAR(c.recall, 1.0 / 3, 1e-12);
  EXPECT_NEAR(c.f1, 0.5, 1e-12);
  EXPECT_EQ(d.support, 0u);
  EXPECT_EQ(d.predicted, 1u);
  EXPECT_EQ(d.f1, 0.0);
}

TEST(Metrics, PerfectAndNeverPredictedClass) {
  Scores s = score({"x", "y"}, {"x", "y"});
  EXPECT_EQ(s.accuracy, 1.0);
  EXPECT_EQ(s.macro_f1, 1.0);
  EXPECT_FALSE(s.has_undecided);
  // y never predicted: precision undefined -> 0, F1 0; macro = (2/3 + 0) / 2.
  s = score({"x", "y"}, {"x", "x"});
  EXPECT_NEAR(s.classes[0].f1, 2.0 / 3, 1e-12);
  EXPECT_EQ(s.classes[1].precision, 0.0);
  EXPECT_NEAR(s.macro_f1, 1.0 / 3, 1e-12);
}

Records labelled(const std::vector<std::string> &categories) {
  Records r;
  for (const auto &c : categories) {
    r.phenomenon.push_back("t");
    r.product_model.emplace_back();
    r.channel.emplace_back();
    r.customer.emplace_back();
    r.labels[index_of(Target::category)].push_back(c);
  }
  return r;
}

TEST(Split, SeededStratifiedAndComplete) {
  std::vector<std::string> cats;
  for (int i = 0; i < 100; ++i) cats.push_back(i % 10 < 7 ? "a" : i % 10 < 9 ? "b" : "c");
  cats.push_back("d"); // a class of one stays in training
  const Records r = labelled(cats);
  const Split s1 = split_rows(r, 0.2, 1), s2 = split_rows(r, 0.2, 1), s3 = split_rows(r, 0.2, 2);
  EXPECT_EQ(s1.test, s2.test);
  EXPECT_NE(s1.test, s3.test);
  // a: 70 -> 14, b: 20 -> 4, c: 10 -> 2, d: 1 -> 0.
  EXPECT_EQ(s1.test.size(), 20u);
  std::map<std::string, int> held;
  for (auto row : s1.test) ++held[cats[row]];
  EXPECT_EQ(held["a"], 14);
  EXPECT_EQ(held["b"], 4);
  EXPECT_EQ(held["c"], 2);
  EXPECT_EQ(held.count("d"), 0u);
  std::set<std::size_t> all(s1.train.begin(), s1.train.end());
  all.insert(s1.test.begin(), s1.test.end());
  EXPECT_EQ(all.size(), cats.size());
  EXPECT_TRUE(std::is_sorted(s1.test.begin(), s1.test.end()));
}

} // namespace
} // namespace qloop::classify
