// Cell text -> record values, and header mapping.
#include <fstream>

#include <gtest/gtest.h>

#include "fake_host.hpp"
#include "mapping.hpp"
#include "values.hpp"

namespace {

using namespace qloop::intake_files;

const UtcOffset kBeijing{480, "+08:00"};

TEST(Values, DatesInTheFormsExportsWrite) {
  EXPECT_EQ(normalize_datetime("2025-11-03", kBeijing), "2025-11-03T00:00:00+08:00");
  EXPECT_EQ(normalize_datetime("2025/11/3 14:05", kBeijing), "2025-11-03T14:05:00+08:00");
  EXPECT_EQ(normalize_datetime("2025.11.03 9:05:07", kBeijing), "2025-11-03T09:05:07+08:00");
  EXPECT_EQ(normalize_datetime("20251103", kBeijing), "2025-11-03T00:00:00+08:00");
  EXPECT_EQ(normalize_datetime("2025年11月3日", kBeijing), "2025-11-03T00:00:00+08:00");
  EXPECT_EQ(normalize_datetime("2025年11月3日 14：05", kBeijing), "2025-11-03T14:05:00+08:00");
  EXPECT_EQ(normalize_datetime("2025-11-03T14:05:00.250", kBeijing), "2025-11-03T14:05:00+08:00");
  EXPECT_EQ(normalize_datetime(" 2024-02-29 ", kBeijing), "2024-02-29T00:00:00+08:00");
  // An offset in the value wins over the setting.
  EXPECT_EQ(normalize_datetime("2025-11-03T06:05:00Z", kBeijing), "2025-11-03T06:05:00Z");
  EXPECT_EQ(normalize_datetime("2025-11-03 06:05 -0500", kBeijing), "2025-11-03T06:05:00-05:00");
  EXPECT_EQ(normalize_datetime("2025-11-03", UtcOffset{-300, "-05:00"}), "2025-11-03T00:00:00-05:00");
}

TEST(Values, ImpossibleDatesAreRefused) {
  for (const char *bad : {"2025-02-29", "2025-13-01", "2025-11-31", "2025-11-03 24:00", "2025-11-03 12:60",
                          "03/11/2025", "yesterday", "", "2025-11", "2025-11-03 14:05 +25:00"})
    EXPECT_FALSE(normalize_datetime(bad, kBeijing).has_value()) << bad;
  // A 10 MB value never reaches the (recursive) regex.
  EXPECT_FALSE(normalize_datetime(std::string(10 << 20, '2'), kBeijing).has_value());
}

TEST(Values, Offsets) {
  EXPECT_EQ(parse_offset("+08:00")->minutes, 480);
  EXPECT_EQ(parse_offset("+0800")->text, "+08:00");
  EXPECT_EQ(parse_offset("UTC+8")->text, "+08:00");
  EXPECT_EQ(parse_offset("-05:30")->minutes, -330);
  EXPECT_EQ(parse_offset("Z")->text, "Z");
  EXPECT_FALSE(parse_offset("Beijing").has_value());
  EXPECT_FALSE(parse_offset("+15:00").has_value());
}

TEST(Values, Quantities) {
  EXPECT_EQ(parse_quantity("12").value, 12);
  EXPECT_EQ(parse_quantity(" 1,200 ").value, 1200);
  EXPECT_EQ(parse_quantity("12.0").value, 12);
  EXPECT_EQ(parse_quantity("50 pcs").value, 50);
  EXPECT_EQ(parse_quantity("50个").value, 50);
  EXPECT_EQ(parse_quantity("0").value, 0);
  EXPECT_EQ(parse_quantity("abc").problem, "is not a whole number");
  EXPECT_EQ(parse_quantity("1.5").problem, "is not a whole number");
  EXPECT_EQ(parse_quantity("1,20").problem, "is not a whole number");
  EXPECT_EQ(parse_quantity("-3").problem, "must not be negative");
  EXPECT_EQ(parse_quantity("99999999999999999999").problem, "is too large");
  EXPECT_FALSE(parse_quantity(std::string(10 << 20, '1')).value.has_value());
}

TEST(Values, SeverityAndChannelWords) {
  EXPECT_EQ(normalize_severity("严重"), "critical");
  EXPECT_EQ(normalize_severity(" 一般 "), "major");
  EXPECT_EQ(normalize_severity("轻微"), "minor");
  EXPECT_EQ(normalize_severity("MAJOR"), "major");
  EXPECT_FALSE(normalize_severity("高").has_value());
  EXPECT_EQ(normalize_channel("电话"), "phone");
  EXPECT_EQ(normalize_channel("在线客服"), "online");
  EXPECT_EQ(normalize_channel("微信"), "social");
  EXPECT_EQ(normalize_channel("E-mail"), "email");
  EXPECT_EQ(normalize_channel("经销商"), "经销商");
}

TEST(Values, CleanText) {
  EXPECT_EQ(clean_text("\xE3\x80\x80 ACME\xC2\xA0\t"), "ACME");
  EXPECT_EQ(clean_text("=\"00123\""), "00123");
  EXPECT_EQ(clean_text("=\"a\"b\""), "=\"a\"b\"");
}

TEST(Mapping, HeadersCompareLoosely) {
  EXPECT_EQ(normalize_header(" Lot No. "), "lotno");
  EXPECT_EQ(normalize_header("LOT_NO"), "lotno");
  EXPECT_EQ(normalize_header("数量（个）"), "数量");
  EXPECT_EQ(normalize_header("Qty (pcs)"), "qty");
  EXPECT_EQ(normalize_header("客户*："), "客户");
  EXPECT_EQ(normalize_header("\xEF\xBB\xBF客户"), "客户");
}

TEST(Mapping, DefaultsCoverChineseAndEnglish) {
  const Mapping m = Mapping::defaults();
  EXPECT_EQ(m.target("客户名称"), "customer");
  EXPECT_EQ(m.target("Customer"), "customer");
  EXPECT_EQ(m.target("产品型号"), "product_model");
  EXPECT_EQ(m.target("批号"), "lot");
  EXPECT_EQ(m.target("订单号"), "order_number");
  EXPECT_EQ(m.target("不良数量"), "quantity_affected");
  EXPECT_EQ(m.target("不良现象"), "phenomenon");
  EXPECT_EQ(m.target("Phenomenon"), "phenomenon");
  EXPECT_EQ(m.target("投诉日期"), "received_at");
  EXPECT_EQ(m.target("联系人"), "contact");
  EXPECT_EQ(m.target("反馈人"), "reporter");
  EXPECT_EQ(m.target("渠道"), "channel");
  EXPECT_EQ(m.target("类别"), "category");
  EXPECT_EQ(m.target("严重度"), "severity");
  EXPECT_EQ(m.target("received_at"), "received_at");
  EXPECT_EQ(m.target("工单号"), "");
}

TEST(Mapping, ConfigTextOverridesAndRefusesUnknownFields) {
  Mapping m = Mapping::defaults();
  m.add_text("客户全称=customer; 机型 = product_model\n备注=ignore;日期=extra", "mapping");
  EXPECT_EQ(m.target("客户全称"), "customer");
  EXPECT_EQ(m.target("机型"), "product_model");
  EXPECT_EQ(m.target("备注"), "ignore");
  EXPECT_EQ(m.target("日期"), "extra");
  try {
    m.add_text("机型=prodcut_model", "mapping");
    FAIL() << "accepted an unknown field";
  } catch (const std::invalid_argument &e) {
    EXPECT_NE(std::string(e.what()).find("unknown field 'prodcut_model'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(m.add_text("机型 product_model", "mapping"), std::invalid_argument);
}

TEST(Mapping, FilesInIniAndJson) {
  const std::string dir = files_test::temp_dir("mapping");
  files_test::write_file(dir + "/m.ini",
                         "# ours\n[mapping]\n客户全称 = customer\n; note\n机型 = product_model\n");
  files_test::write_file(dir + "/m.json", R"({"Kunde": "customer", "Fehlerbild": "phenomenon"})");
  files_test::write_file(dir + "/bad.json", R"({"Kunde": 3})");
  Mapping m = Mapping::defaults();
  m.add_file(dir + "/m.ini");
  m.add_file(dir + "/m.json");
  EXPECT_EQ(m.target("客户全称"), "customer");
  EXPECT_EQ(m.target("机型"), "product_model");
  EXPECT_EQ(m.target("kunde"), "customer");
  EXPECT_EQ(m.target("Fehlerbild"), "phenomenon");
  EXPECT_THROW(m.add_file(dir + "/bad.json"), std::invalid_argument);
  EXPECT_THROW(m.add_file(dir + "/none.ini"), std::invalid_argument);
}

TEST(Mapping, PlanSendsDuplicatesAndUnknownsToExtra) {
  const ColumnPlan plan =
      plan_columns({"客户", "客户名称", "工单号", "", "问题描述", "工单号"}, Mapping::defaults());
  EXPECT_EQ(plan.targets,
            (std::vector<std::string>{"customer", "extra", "extra", "extra", "phenomenon", "extra"}));
  EXPECT_EQ(plan.extra_names[3], "column D");
  EXPECT_EQ(plan.extra_names[5], "工单号 (2)");
  EXPECT_EQ(plan.missing, std::vector<std::string>{"received_at"});
  ASSERT_EQ(plan.notes.size(), 1u);
  EXPECT_NE(plan.notes[0].find("客户名称"), std::string::npos);
}

} // namespace
