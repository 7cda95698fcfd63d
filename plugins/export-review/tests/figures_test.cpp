// KPI numbers in display text: the same digits as `qloop kpi`, arrows and
// signs on changes, percentage points for shares, n/d and pending.
#include "figures.hpp"
#include "test_support.hpp"

using namespace review_test;
using namespace qloop::review;

TEST(Figures, ValuesByUnit) {
  EXPECT_EQ(value_text("count", 120.0), "120");
  EXPECT_EQ(value_text("share", 0.98305), "98.3%");
  EXPECT_EQ(value_text("share", 1.0), "100.0%");
  EXPECT_EQ(value_text("days", 3.04), "3.0");
  EXPECT_EQ(value_text("score", 4.5), "4.50");
  EXPECT_EQ(value_text("share", std::nullopt), "\xE2\x80\x94");
}

TEST(Figures, ChangesCarryArrowAndSign) {
  EXPECT_EQ(change_text("count", -0.2, Lang::en), "▼ −20.0%");
  EXPECT_EQ(change_text("count", 0.125, Lang::en), "▲ +12.5%");
  EXPECT_EQ(change_text("count", 0.0, Lang::en), "0.0%");
  EXPECT_EQ(change_text("share", 0.06305, Lang::en), "▲ +6.3 pt");
  EXPECT_EQ(change_text("share", -0.0296, Lang::zh_cn), "▼ −3.0 个百分点");
  EXPECT_EQ(change_text("share", 0.0000001, Lang::en), "0.0 pt"); // rounds to nothing: no arrow
  EXPECT_EQ(change_text("days", -2.0, Lang::en), "▼ −2.0 d");
  EXPECT_EQ(change_text("days", -2.0, Lang::zh_cn), "▼ −2.0 天");
  EXPECT_EQ(change_text("score", 0.5, Lang::en), "▲ +0.50");
  EXPECT_EQ(change_text("share", std::nullopt, Lang::en), "\xE2\x80\x94");
}

TEST(Figures, BasisShowsNumeratorDenominatorAndPending) {
  EXPECT_EQ(basis_text("share", Figure{0.98, 116, 118, 2}, Lang::en), "116 / 118 (+2 pending)");
  EXPECT_EQ(basis_text("share", Figure{0.98, 116, 118, 2}, Lang::zh_cn), "116 / 118 (另 2 项待定)");
  EXPECT_EQ(basis_text("share", Figure{0.9, 9, 10, 0}, Lang::en), "9 / 10");
  EXPECT_EQ(basis_text("days", Figure{3.0, 0, 115, 0}, Lang::en), "n = 115");
  EXPECT_EQ(basis_text("count", Figure{120.0, 120, 0, 0}, Lang::en), "");
}

TEST(Figures, FewerComplaintsAndMoreOnTimeAreBothBetter) {
  EXPECT_EQ(direction("received", -0.2), Direction::better);
  EXPECT_EQ(direction("recurrence_rate", 0.01), Direction::worse);
  EXPECT_EQ(direction("average_cycle_days", -2.0), Direction::better);
  EXPECT_EQ(direction("closed_on_time", 0.05), Direction::better);
  EXPECT_EQ(direction("satisfaction", -0.1), Direction::worse);
  EXPECT_EQ(direction("critical", 0.0), Direction::same);
  EXPECT_EQ(direction("received", std::nullopt), Direction::none);
}

TEST(Figures, KpiRowsOfTheSample) {
  const auto rows = kpi_rows(read_review(sample()), Lang::zh_cn);
  ASSERT_EQ(rows.size(), 12u);
  EXPECT_EQ(rows[0].label, "客诉总数");
  EXPECT_EQ(rows[0].current, "120");
  EXPECT_EQ(rows[0].previous, "150");
  EXPECT_EQ(rows[0].change, "▼ −20.0%");
  EXPECT_EQ(rows[0].trend, Direction::better);
  EXPECT_EQ(rows[4].label, "首次响应及时率");
  EXPECT_EQ(rows[4].current, "98.3%");
  EXPECT_EQ(rows[4].previous, "92.0%");
  EXPECT_EQ(rows[4].change, "▲ +6.3 个百分点");
  EXPECT_EQ(rows[4].basis, "116 / 118 (另 2 项待定)");
  const std::vector<std::string> labels = {"客诉总数",       "重大客诉",     "紧急客诉",   "平均处理周期(天)",
                                           "首次响应及时率", "24小时确认率", "按时关闭率", "解决率",
                                           "满意度",         "回访满意率",   "重复发生率", "8D按时完成率"};
  for (std::size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(rows[i].label, labels[i]);
}

TEST(Figures, ItemsInWords) {
  EXPECT_EQ(item_label(ItemKind::defect, "product_quality / welding", Lang::zh_cn), "产品质量 / 焊接");
  EXPECT_EQ(item_label(ItemKind::defect, "product_quality / welding", Lang::en), "Product quality / Welding");
  EXPECT_EQ(item_label(ItemKind::defect, "acme_code / x-7", Lang::en), "acme_code / x-7"); // a site's own
  EXPECT_EQ(item_label(ItemKind::category, "(none)", Lang::zh_cn), "未分类");
  EXPECT_EQ(item_label(ItemKind::product, "welding", Lang::zh_cn), "welding"); // a product model stays
}
