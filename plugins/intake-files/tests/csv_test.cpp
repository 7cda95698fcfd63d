// CSV files through the plugin's C entry: encodings, mapping, bad rows.
#include <algorithm>

#include <gtest/gtest.h>

#include "fake_host.hpp"

namespace {

using files_test::FakeHost;
using files_test::json;
using files_test::run_plugin;

const std::string kHeader = "客户,产品型号,批次,订单号,不良数量,问题描述,投诉日期,联系人,严重度,工单号\n";
const std::string kRows =
    "华为,X100,L2025-01,PO-001,12,屏幕闪烁,2025-11-03 14:05,张三,严重,T-1\n"
    "小米,X200,L2025-02,PO-002,\"1,200\",\"漏液, 外壳\"\"开裂\"\"\",2025/11/4,李四,一般,T-2\n"
    "\n"
    "OPPO,X300,L2025-03,PO-003,3,\"按键失灵\n第二行\",2025年11月5日,王五,轻微,T-3\n";
const std::string kCsv = kHeader + kRows;

struct Imported {
  FakeHost host;
  files_test::RunResult result;
  std::string sha;
};

// Imports `bytes` as one file named `name` with `config`.
void import(Imported &out, const std::string &bytes, std::map<std::string, std::string> config = {},
            const std::string &name = "complaints.csv") {
  const std::string dir = files_test::temp_dir("csv");
  const std::string path = dir + "/" + name;
  files_test::write_file(path, bytes);
  out.host.config = std::move(config);
  out.result = run_plugin(out.host, {{"file", path}});
  out.sha = files_test::sha256_of(path);
}

void expect_the_three_rows(const Imported &im) {
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  ASSERT_EQ(im.host.records.size(), 3u) << im.host.logged();
  EXPECT_EQ(im.host.invalid, 0u);
  const json r2 = files_test::record_at(im.host, im.sha, 2);
  EXPECT_EQ(r2["customer"], "华为");
  EXPECT_EQ(r2["product_model"], "X100");
  EXPECT_EQ(r2["lot"], "L2025-01");
  EXPECT_EQ(r2["order_number"], "PO-001");
  EXPECT_EQ(r2["quantity_affected"], 12);
  EXPECT_EQ(r2["phenomenon"], "屏幕闪烁");
  EXPECT_EQ(r2["received_at"], "2025-11-03T14:05:00+08:00");
  EXPECT_EQ(r2["contact"], "张三");
  EXPECT_EQ(r2["severity"], "critical");
  EXPECT_EQ(r2["channel"], "file");
  EXPECT_EQ(r2["extra"]["工单号"], "T-1");
  EXPECT_EQ(r2["extra"]["_source"]["row"], 2);
  const json r3 = files_test::record_at(im.host, im.sha, 3);
  EXPECT_EQ(r3["quantity_affected"], 1200);
  EXPECT_EQ(r3["phenomenon"], "漏液, 外壳\"开裂\"");
  EXPECT_EQ(r3["received_at"], "2025-11-04T00:00:00+08:00");
  EXPECT_EQ(r3["severity"], "major");
  // Row 4 is blank; row 5 holds a line break inside quotes.
  const json r5 = files_test::record_at(im.host, im.sha, 5);
  EXPECT_EQ(r5["phenomenon"], "按键失灵\n第二行");
  EXPECT_EQ(r5["received_at"], "2025-11-05T00:00:00+08:00");
  EXPECT_EQ(r5["severity"], "minor");
  EXPECT_TRUE(im.host.quarantine.empty());
  EXPECT_EQ(im.result.summary["rows"], 3);
  EXPECT_EQ(im.result.summary["submitted"], 3);
  EXPECT_EQ(im.result.summary["quarantined"], 0);
}

TEST(Csv, Utf8WithChineseHeaders) {
  Imported im;
  import(im, kCsv);
  expect_the_three_rows(im);
  EXPECT_EQ(im.result.summary["details"][0]["encoding"], "utf-8");
  // The source key is the file's SHA-256 and the row's line number.
  EXPECT_EQ(im.host.arrival.front(), "file:" + im.sha + ":2");
}

TEST(Csv, Utf8WithByteOrderMarkAndCrLf) {
  std::string crlf;
  for (char c : kCsv) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  Imported im;
  import(im, "\xEF\xBB\xBF" + crlf);
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  ASSERT_EQ(im.host.records.size(), 3u);
  EXPECT_EQ(files_test::record_at(im.host, im.sha, 2)["customer"], "华为");
  EXPECT_EQ(files_test::record_at(im.host, im.sha, 5)["phenomenon"], "按键失灵\r\n第二行");
}

TEST(Csv, GbkAsChineseExcelSavesIt) {
  const std::string dir = files_test::temp_dir("gbk");
  const std::string gbk = files_test::iconv_to(kCsv, "GBK", dir);
  ASSERT_EQ(gbk.find("华为"), std::string::npos);
  Imported im;
  import(im, gbk);
  expect_the_three_rows(im);
  EXPECT_EQ(im.result.summary["details"][0]["encoding"], "gb18030");
  // The quarantine keeps raw bytes: here none, but the source row is GBK.
  Imported forced;
  import(forced, gbk, {{ "encoding", "gbk" }});
  expect_the_three_rows(forced);
}

TEST(Csv, WrongEncodingForcedOnTheHeaderFailsTheFile) {
  const std::string dir = files_test::temp_dir("wrong");
  Imported im;
  import(im, files_test::iconv_to(kCsv, "GBK", dir), {{ "encoding", "utf-8" }});
  EXPECT_EQ(im.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(im.result.error.find("header row (row 1) cannot be read"), std::string::npos) << im.result.error;
  EXPECT_NE(im.result.error.find("not valid utf-8"), std::string::npos) << im.result.error;
  EXPECT_TRUE(im.host.records.empty());

  // UTF-8 read as GB18030 decodes into other characters: no header matches.
  Imported mojibake;
  import(mojibake, kCsv, {{ "encoding", "gb18030" }});
  EXPECT_EQ(mojibake.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(mojibake.result.error.find("the header row (row 1) cannot be read: field 4 is not valid gb18030"),
            std::string::npos)
      << mojibake.result.error;
  EXPECT_NE(mojibake.result.error.find("read as gb18030"), std::string::npos) << mojibake.result.error;
}

TEST(Csv, WrongEncodingForcedOnDataQuarantinesTheRows) {
  const std::string dir = files_test::temp_dir("wrongdata");
  const std::string csv = "Customer,Description,Date\nACME,ok,2025-11-03\n华为,屏幕闪烁,2025-11-04\n";
  const std::string gbk = files_test::iconv_to(csv, "GBK", dir);
  Imported im;
  import(im, gbk, {{ "encoding", "utf-8" }});
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  EXPECT_EQ(im.host.records.size(), 1u);
  ASSERT_EQ(im.host.quarantine.size(), 1u);
  const auto &[key, q] = *im.host.quarantine.begin();
  EXPECT_EQ(key, "file:" + im.sha + ":3");
  EXPECT_NE(q.reason.find("row 3: field 1 is not valid utf-8"), std::string::npos) << q.reason;
  EXPECT_NE(q.reason.find("(column Customer)"), std::string::npos) << q.reason;
  EXPECT_EQ(q.raw, gbk.substr(gbk.find("\n", gbk.find("ACME")) + 1)); // the row's bytes as in the file
}

TEST(Csv, BrokenQuotingCostsOnlyTheBrokenRows) {
  const std::string csv = "客户,问题描述,投诉日期\n"
                          "A,ok,2025-11-01\n"
                          "B,\"bad\"x,2025-11-02\n" // text after a closing quote
                          "C,in\"side,2025-11-03\n" // a quote inside an unquoted field
                          "D,ok,2025-11-04\n"
                          "E,\"never closed,2025-11-05\n" // the quote swallows what follows
                          "F,ok,2025-11-06\n"
                          "G,ok,2025-11-07";
  Imported im;
  import(im, csv);
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  std::vector<std::string> customers;
  for (const auto &key : im.host.arrival) customers.push_back(im.host.records[key]["customer"]);
  EXPECT_EQ(customers, (std::vector<std::string>{"A", "D", "F", "G"}));
  ASSERT_EQ(im.host.quarantine.size(), 3u);
  for (int row : {3, 4, 6}) {
    const auto &q = im.host.quarantine.at("file:" + im.sha + ":" + std::to_string(row));
    EXPECT_NE(q.reason.find("row " + std::to_string(row) + ": broken CSV quoting"), std::string::npos)
        << q.reason;
  }
  EXPECT_EQ(im.host.quarantine.at("file:" + im.sha + ":6").raw, "E,\"never closed,2025-11-05\n");
  EXPECT_EQ(im.result.summary["quarantined"], 3);
}

TEST(Csv, MissingRequiredColumnsNameThemAndTheHeadersFound) {
  Imported im;
  import(im, "买家,产品型号,日期时间\nA,X1,2025-11-01\n");
  EXPECT_EQ(im.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(im.result.error.find("missing required column(s) for customer, phenomenon, received_at"),
            std::string::npos)
      << im.result.error;
  EXPECT_NE(im.result.error.find("headers found (row 1): 买家, 产品型号, 日期时间"), std::string::npos)
      << im.result.error;
  EXPECT_TRUE(im.host.records.empty());
  EXPECT_TRUE(im.host.quarantine.empty());
}

TEST(Csv, MappingSettingAndFileFixTheHeaders) {
  const std::string csv = "客户全称,机型,故障说明,日期时间,坐席\nACME,X9,异响,2025-11-01 08:00,Lee\n";
  Imported im;
  import(im, csv,
         {{ "mapping",
            "客户全称=customer; 机型=product_model; 故障说明=phenomenon; 日期时间=received_at" }});
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  const json r = files_test::record_at(im.host, im.sha, 2);
  EXPECT_EQ(r["customer"], "ACME");
  EXPECT_EQ(r["product_model"], "X9");
  EXPECT_EQ(r["received_at"], "2025-11-01T08:00:00+08:00");
  EXPECT_EQ(r["extra"]["坐席"], "Lee"); // unmapped: kept in extra

  const std::string dir = files_test::temp_dir("mapfile");
  files_test::write_file(dir + "/map.json",
                         R"({"客户全称":"customer","故障说明":"phenomenon","日期时间":"received_at"})");
  Imported from_file;
  import(from_file, csv, {{"mapping_file", dir + "/map.json"}, { "timezone_offset", "-05:00" }});
  ASSERT_EQ(from_file.result.status, QLOOP_OK) << from_file.result.error;
  const json f = files_test::record_at(from_file.host, from_file.sha, 2);
  EXPECT_EQ(f["customer"], "ACME");
  EXPECT_EQ(f["product_model"], "X9"); // a built-in alias
  EXPECT_EQ(f["received_at"], "2025-11-01T08:00:00-05:00");

  Imported bad;
  import(bad, csv, {{ "mapping", "机型=modell" }});
  EXPECT_EQ(bad.result.status, QLOOP_ERR_CONFIG);
  EXPECT_NE(bad.result.error.find("unknown field 'modell'"), std::string::npos) << bad.result.error;
}

TEST(Csv, ExtraColumnsGoToExtraAndRaggedRowsToQuarantine) {
  const std::string csv = "Customer,Description,Date,Hotline ticket,Agent\n"
                          "ACME,noise,2025-11-01,T-9,Lee\n"
                          "ACME,noise, 2025-11-02,T-10,Lee,surplus\n" // one field too many
                          "ACME,noise,2025-11-03\n"                   // two too few
                          "ACME,noise,2025-11-04,T-11,Lee,,\n";       // trailing empty fields are fine
  Imported im;
  import(im, csv);
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  ASSERT_EQ(im.host.records.size(), 2u);
  const json r = files_test::record_at(im.host, im.sha, 2);
  EXPECT_EQ(r["extra"]["Hotline ticket"], "T-9");
  EXPECT_EQ(r["extra"]["Agent"], "Lee");
  EXPECT_NE(
      im.host.quarantine.at("file:" + im.sha + ":3").reason.find("row 3: 6 fields, but the header has 5"),
      std::string::npos);
  EXPECT_NE(
      im.host.quarantine.at("file:" + im.sha + ":4").reason.find("row 4: 3 fields, but the header has 5"),
      std::string::npos);
}

TEST(Csv, EveryBadFieldIsNamedWithItsRow) {
  const std::string csv = "客户,问题描述,投诉日期,不良数量,严重度,渠道\n"
                          "A,ok,2025-11-01,5,严重,电话\n"
                          "B,ok,2025-11-02,abc,一般,\n"
                          "C,ok,2025-13-02,1,,\n"
                          ",ok,2025-11-03,1,高,\n"
                          "E,,2025-11-03,-2,,\n";
  Imported im;
  import(im, csv);
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  ASSERT_EQ(im.host.records.size(), 1u);
  EXPECT_EQ(files_test::record_at(im.host, im.sha, 2)["channel"], "phone");
  auto reason = [&](int row) {
    return im.host.quarantine.at("file:" + im.sha + ":" + std::to_string(row)).reason;
  };
  EXPECT_NE(reason(3).find("row 3: quantity_affected 'abc' is not a whole number (column 不良数量)"),
            std::string::npos)
      << reason(3);
  EXPECT_NE(reason(4).find("row 4: received_at '2025-13-02' is not a date"), std::string::npos) << reason(4);
  EXPECT_NE(reason(5).find("severity '高' is not one of critical, major, minor"), std::string::npos)
      << reason(5);
  EXPECT_NE(reason(5).find("customer is empty (column 客户)"), std::string::npos) << reason(5);
  EXPECT_NE(reason(6).find("quantity_affected '-2' must not be negative"), std::string::npos) << reason(6);
  EXPECT_NE(reason(6).find("phenomenon is empty"), std::string::npos) << reason(6);
  EXPECT_EQ(im.host.quarantine.at("file:" + im.sha + ":3").raw, "B,ok,2025-11-02,abc,一般,\n");
}

TEST(Csv, TenMegabyteFields) {
  // A quoted 10 MB field full of delimiters, quotes and line breaks, and an
  // unquoted 10 MB field.
  std::string big;
  big.reserve(10u << 20);
  while (big.size() < (10u << 20)) big += "裂纹, \"\"尺寸\"\"\n";
  std::string unescaped; // what the field holds: "" inside quotes is one quote
  for (std::size_t i = 0; i < big.size(); ++i) {
    unescaped += big[i];
    if (big[i] == '"') ++i;
  }
  const std::string unquoted(10u << 20, 'x');
  const std::string csv = "客户,问题描述,投诉日期\nA,ok,2025-11-01\nB,\"" + big + "\",2025-11-02\nC," +
                          unquoted + ",2025-11-03\nD,ok,2025-11-04\n";
  // Row C starts on the line after the big field's last line.
  const std::size_t c_row = 4 + static_cast<std::size_t>(std::count(big.begin(), big.end(), '\n'));

  Imported limited;
  import(limited, csv);
  ASSERT_EQ(limited.result.status, QLOOP_OK) << limited.result.error;
  EXPECT_EQ(limited.host.records.size(), 2u);
  ASSERT_EQ(limited.host.quarantine.size(), 2u);
  const auto &b = limited.host.quarantine.at("file:" + limited.sha + ":3");
  EXPECT_NE(b.reason.find("row 3: phenomenon is " + std::to_string(unescaped.size()) +
                          " bytes, over the limit of 1048576 (max_field_bytes)"),
            std::string::npos)
      << b.reason.substr(0, 300);
  EXPECT_EQ(b.raw, "B,\"" + big + "\",2025-11-02\n"); // the whole row, as it came
  const auto &c = limited.host.quarantine.at("file:" + limited.sha + ":" + std::to_string(c_row));
  EXPECT_NE(c.reason.find("phenomenon is 10485760 bytes"), std::string::npos) << c.reason.substr(0, 300);
  EXPECT_EQ(files_test::record_at(limited.host, limited.sha, c_row + 1)["customer"], "D");

  Imported allowed;
  import(allowed, csv, {{ "max_field_bytes", std::to_string(20u << 20) }});
  ASSERT_EQ(allowed.result.status, QLOOP_OK) << allowed.result.error;
  ASSERT_EQ(allowed.host.records.size(), 4u);
  // Stored trimmed: the field's closing line break goes.
  EXPECT_EQ(files_test::record_at(allowed.host, allowed.sha, 3)["phenomenon"],
            unescaped.substr(0, unescaped.size() - 1));
  EXPECT_EQ(files_test::record_at(allowed.host, allowed.sha, c_row)["phenomenon"], unquoted);
}

TEST(Csv, TitleRowsSemicolonsAndBatches) {
  std::string csv = "客诉台账导出;;\n导出时间 2025-11-30;;\nCustomer;Phenomenon;Date\n";
  for (int i = 0; i < 1203; ++i) csv += "ACME;defect " + std::to_string(i) + ";2025-11-01\n";
  Imported im;
  import(im, csv, {{ "batch_size", "500" }});
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  EXPECT_EQ(im.host.records.size(), 1203u);
  EXPECT_EQ(im.host.batch_sizes, (std::vector<std::size_t>{500, 500, 203}));
  EXPECT_EQ(im.result.summary["details"][0]["header_row"], 3);
  EXPECT_EQ(files_test::record_at(im.host, im.sha, 4)["phenomenon"], "defect 0");
  EXPECT_NE(im.host.logged().find("skipped 2 title row(s)"), std::string::npos);
}

TEST(Csv, ExcelSepLineNamesTheDelimiter) {
  // Without the sep= line the commas inside the text would win the sniffing.
  Imported im;
  import(im, "sep=|\nCustomer|Description|Date\nACME|a, b, c, d, e|2025-11-01\n");
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  ASSERT_EQ(im.host.records.size(), 1u);
  EXPECT_EQ(files_test::record_at(im.host, im.sha, 3)["phenomenon"], "a, b, c, d, e");
}

TEST(Csv, Utf16TabSeparatedUnicodeText) {
  // Excel's "Unicode Text" export: UTF-16LE with a BOM, tab separated.
  const std::string dir = files_test::temp_dir("utf16");
  const std::string text = "客户\t问题描述\t投诉日期\n华为\t屏幕 闪烁\t2025-11-03\n";
  const std::string utf16 = "\xFF\xFE" + files_test::iconv_to(text, "UTF-16LE", dir);
  Imported im;
  import(im, utf16, {}, "export.csv");
  ASSERT_EQ(im.result.status, QLOOP_OK) << im.result.error;
  ASSERT_EQ(im.host.records.size(), 1u);
  EXPECT_EQ(files_test::record_at(im.host, im.sha, 2)["phenomenon"], "屏幕 闪烁");
}

TEST(Csv, EmptyAndBadRequests) {
  Imported empty;
  import(empty, "");
  EXPECT_EQ(empty.result.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(empty.result.error.find("no header row"), std::string::npos) << empty.result.error;

  FakeHost host;
  auto missing = run_plugin(host, {{"file", "/nonexistent/x.csv"}});
  EXPECT_EQ(missing.status, QLOOP_ERR_IO);
  EXPECT_NE(missing.error.find("/nonexistent/x.csv"), std::string::npos);
  auto not_text = run_plugin(host, {{"file", 3}});
  EXPECT_EQ(not_text.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(not_text.error.find("field 'file'"), std::string::npos);
  auto no_drop = run_plugin(host);
  EXPECT_EQ(no_drop.status, QLOOP_ERR_CONFIG);
  EXPECT_NE(no_drop.error.find("drop_dir"), std::string::npos);
  host.config["timezone_offset"] = "Beijing";
  auto bad_tz = run_plugin(host, {{"file", "/x.csv"}});
  EXPECT_EQ(bad_tz.status, QLOOP_ERR_CONFIG);
  EXPECT_NE(bad_tz.error.find("timezone_offset"), std::string::npos);
}

} // namespace
