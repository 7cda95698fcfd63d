// XLSX, read back with openpyxl (read_back.py): figures are numbers with
// Excel formats (percent on shares), headers frozen, hostile keys are text
// and never formulas, and the native charts are there.
#include "test_support.hpp"
#include "xlsx_report.hpp"

using namespace review_test;

namespace {

json read_back(const fs::path &xlsx) {
  int status = -1;
  const std::string out =
      run(std::string(REVIEW_PYTHON) + " " + quoted(REVIEW_READER) + " " + quoted(xlsx) + " 2>&1", &status);
  EXPECT_EQ(status, 0) << out;
  return json::parse(out);
}

json export_xlsx(const json &report, const std::string &lang, const std::string &name,
                 json *summary = nullptr) {
  FakeHost host;
  const fs::path out = output_dir("xlsx") / name;
  const auto run = run_export(host, "xlsx", out, lang, report);
  if (summary != nullptr) *summary = run.summary;
  return read_back(out);
}

const json &sheet(const json &book, const std::string &name) {
  for (const auto &s : book["sheets"])
    if (s["name"] == name) return s;
  throw std::out_of_range("no sheet " + name);
}

// The row of the KPI sheet whose ID column is `id`.
const json &kpi_row(const json &book, const std::string &id) {
  for (const auto &row : sheet(book, "Key figures")["rows"])
    if (row.size() > 1 && !row[1].is_null() && row[1]["v"] == id) return row;
  throw std::out_of_range("no KPI " + id);
}

} // namespace

TEST(Xlsx, FiguresAreNumbersWithFormats) {
  json summary;
  const json book = export_xlsx(sample(), "en", "review-en.xlsx", &summary);
  const json &received = kpi_row(book, "received");
  EXPECT_EQ(received[0]["v"], "Complaints received");
  EXPECT_EQ(received[3]["t"], "n");
  EXPECT_EQ(received[3]["v"], 120);
  EXPECT_EQ(received[4]["v"], 150);
  EXPECT_DOUBLE_EQ(received[5]["v"].get<double>(), -0.2);
  EXPECT_EQ(received[5]["fmt"], "+0.0%;-0.0%;0.0%");

  const json &first = kpi_row(book, "first_response_in_target");
  EXPECT_EQ(first[3]["t"], "n");
  EXPECT_NEAR(first[3]["v"].get<double>(), 116.0 / 118, 1e-12);
  EXPECT_EQ(first[3]["fmt"], "0.0%");
  EXPECT_EQ(first[4]["fmt"], "0.0%");
  EXPECT_NEAR(first[5]["v"].get<double>(), 6.305, 0.001); // percentage points
  EXPECT_NE(first[5]["fmt"].get<std::string>().find("pt"), std::string::npos);
  EXPECT_EQ(first[6]["v"], 116);
  EXPECT_EQ(first[7]["v"], 118);
  EXPECT_EQ(first[8]["v"], 2); // pending

  EXPECT_EQ(kpi_row(book, "average_cycle_days")[3]["fmt"], "0.0");
  EXPECT_EQ(kpi_row(book, "satisfaction")[3]["fmt"], "0.00");
  const json &kpis = sheet(book, "Key figures");
  EXPECT_EQ(kpis["freeze_panes"], "A8"); // the header row stays in view
  EXPECT_EQ(kpis["rows"][6][0]["v"], "KPI");
  EXPECT_EQ(kpis["rows"][3][1]["t"], "d"); // as of: a real date
  EXPECT_EQ(kpis["rows"][3][1]["v"], "2026-12-31T18:00:00");

  const json &product = sheet(book, "Pareto by product");
  EXPECT_EQ(product["freeze_panes"], "A2");
  for (bool bold : product["header_bold"]) EXPECT_TRUE(bold);
  EXPECT_EQ(product["rows"][1][1]["v"], "PCBA-X100");
  EXPECT_EQ(product["rows"][1][3]["v"], 55);
  EXPECT_EQ(product["rows"][1][4]["fmt"], "0.0%");
  EXPECT_NEAR(product["rows"][2][5]["v"].get<double>(), 0.8, 1e-12);
  EXPECT_EQ(product["rows"][2][6]["t"], "b");
  EXPECT_EQ(product["rows"][2][6]["v"], true);
  EXPECT_EQ(product["rows"][3][6]["v"], false);
  EXPECT_NEAR(product["rows"][3][7]["v"].get<double>(), 0.8, 1e-12); // the threshold column
  EXPECT_EQ(sheet(book, "Pareto by defect")["rows"][1][1]["v"], "Product quality / Welding");
  EXPECT_EQ(sheet(book, "Pareto by defect")["rows"][1][2]["v"], "product_quality / welding");
  EXPECT_EQ(sheet(book, "Monthly trend")["rows"][3][1]["v"], 11);
  EXPECT_EQ(summary["sheets"].size(), 5u);
}

TEST(Xlsx, TheChartsExist) {
  json summary;
  const json book = export_xlsx(sample(), "en", "charts.xlsx", &summary);
  EXPECT_EQ(summary["charts"], 6);
  EXPECT_EQ(sheet(book, "Key figures")["charts"], 0);
  EXPECT_EQ(sheet(book, "Complaints by type")["charts"], 1);
  EXPECT_EQ(sheet(book, "Pareto by product")["charts"], 2);
  EXPECT_EQ(sheet(book, "Pareto by defect")["charts"], 2);
  EXPECT_EQ(sheet(book, "Monthly trend")["charts"], 1);
  ASSERT_EQ(book["charts"].size(), 6u);
  int bar = 0, line = 0, vital_points = 0;
  for (const auto &c : book["charts"]) {
    for (const auto &t : c["types"]) {
      bar += t == "barChart";
      line += t == "lineChart";
    }
    vital_points += c["points"].get<int>();
  }
  EXPECT_EQ(bar, 4);               // type (horizontal), two Pareto column charts, trend
  EXPECT_EQ(line, 2);              // the two cumulative-share charts
  EXPECT_EQ(vital_points, 7 + 13); // every bar of the Pareto column charts coloured: vital few or not
}

TEST(Xlsx, AKeyStartingWithEqualsIsAString) {
  const std::string formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
  json report = with_product_key(sample(), formula);
  report["pareto"]["defect"][0]["key"] = "+cmd|' /C calc'!A0";
  report["pareto"]["product"][1]["key"] = "_x0041_ and \x01 bell";
  const json book = export_xlsx(report, "en", "hostile.xlsx");
  const json &product = sheet(book, "Pareto by product");
  EXPECT_EQ(product["rows"][1][1]["t"], "s");
  EXPECT_EQ(product["rows"][1][1]["v"], formula);
  EXPECT_EQ(product["rows"][1][2]["t"], "s");
  EXPECT_EQ(sheet(book, "Pareto by defect")["rows"][1][2]["t"], "s");
  EXPECT_EQ(book["formula_elements"], 0);
  // Read back as written (unescaped, Excel would read "_x0041_" as "A"); the control character is gone.
  EXPECT_EQ(product["rows"][2][1]["v"], "_x0041_ and  bell");
}

TEST(Xlsx, ChineseSheetsAndHeadings) {
  const json book = export_xlsx(sample(), "zh-CN", "review-zh.xlsx");
  std::vector<std::string> names;
  for (const auto &s : book["sheets"]) names.push_back(s["name"]);
  EXPECT_EQ(names,
            (std::vector<std::string>{"关键指标", "客诉类型分布", "产品柏拉图", "缺陷柏拉图", "月度趋势"}));
  const json &kpis = sheet(book, "关键指标");
  EXPECT_EQ(kpis["rows"][0][0]["v"], "质量回顾 2026-01-01 – 2026-12-31");
  EXPECT_EQ(kpis["rows"][7][0]["v"], "客诉总数");
  EXPECT_NE(kpis["rows"][11][5]["fmt"].get<std::string>().find("个百分点"), std::string::npos);
}

TEST(Xlsx, AnEmptyPeriodHasNoChartsButAllSheets) {
  json report = sample();
  report["by_category"] = json::array();
  report["pareto"]["product"] = json::array();
  report["pareto"]["defect"] = json::array();
  report["trend"] = json::array();
  json summary;
  const json book = export_xlsx(report, "en", "empty.xlsx", &summary);
  EXPECT_EQ(book["sheets"].size(), 5u);
  EXPECT_EQ(summary["charts"], 0);
}

TEST(Xlsx, TextForCells) {
  using qloop::review::xlsx_text;
  EXPECT_EQ(xlsx_text("=1+1"), "=1+1"); // the writer keeps it a string cell
  EXPECT_EQ(xlsx_text("a_x00e9_b"), "a_x005F_x00e9_b");
  EXPECT_EQ(xlsx_text("a_xZZ_b"), "a_xZZ_b");
  EXPECT_EQ(xlsx_text("tab\there"), "tab\there");
}
