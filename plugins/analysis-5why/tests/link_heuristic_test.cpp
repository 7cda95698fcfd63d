// The "each why refers to the previous answer" heuristic (shared keywords).
#include <gtest/gtest.h>

#include "link_heuristic.hpp"

using qloop::fivewhy::keywords;
using qloop::fivewhy::shared_keywords;

TEST(LinkHeuristic, LatinKeywordsDropStopWordsAndStem) {
  auto k = keywords("Why were the bolts loosened?");
  EXPECT_EQ(k, (std::set<std::string>{"bolt", "loosen"}));
}

TEST(LinkHeuristic, ChineseKeywordsAreBigramsWithoutQuestionWords) {
  auto k = keywords("为什么电流偏低");
  EXPECT_TRUE(k.count("电流"));
  EXPECT_TRUE(k.count("偏低"));
  EXPECT_FALSE(k.count("为什"));
  EXPECT_FALSE(k.count("什么"));
}

TEST(LinkHeuristic, AQuestionAboutTheAnswerSharesKeywords) {
  EXPECT_GE(shared_keywords("Why was the torque too low?", "The torque wrench was set too low"), 1);
  EXPECT_GE(shared_keywords("为什么焊接电流偏低?", "焊接电流偏低(实测 165 A)"), 1);
  EXPECT_GE(shared_keywords("Why did the PLC参数 change?", "PLC参数被修改"), 1);
}

TEST(LinkHeuristic, InflectionsMatchByPrefix) {
  EXPECT_GE(shared_keywords("Why did the fastener loosen?", "Loose fastener"), 1);
  EXPECT_GE(shared_keywords("Why was calibration overdue?", "The gauge was not calibrated"), 1);
}

TEST(LinkHeuristic, AnUnrelatedQuestionSharesNone) {
  EXPECT_EQ(shared_keywords("Why was the operator not trained?", "The torque wrench was set too low"), 0);
  EXPECT_EQ(shared_keywords("为什么员工没有培训?", "焊接电流偏低"), 0);
}

TEST(LinkHeuristic, AnAnswerWithoutKeywordsCannotBeJudged) {
  EXPECT_EQ(shared_keywords("Why?", "it is so"), -1);
  EXPECT_EQ(shared_keywords("Why?", ""), -1);
}
