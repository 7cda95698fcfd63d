// Reading in chunks: lines and characters cut by a chunk boundary arrive
// whole, a quote that never closes cannot make a row swallow the file, a file
// written to during its import stays for the next run, and a damaged sheet
// still fails as a whole before any row is submitted.
#include <algorithm>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include "csv_reader.hpp"
#include "encoding.hpp"
#include "fake_host.hpp"
#include "input_file.hpp"
#include "line_reader.hpp"
#include "shared_strings.hpp"

namespace fs = std::filesystem;

namespace {

using files_test::FakeHost;
using files_test::json;
using files_test::run_plugin;
using namespace qloop::intake_files;

// Lines as the reader before streaming cut them (LF, CRLF, lone CR).
std::vector<std::pair<std::string, std::uint64_t>> reference_lines(const std::string &s) {
  std::vector<std::pair<std::string, std::uint64_t>> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t end = pos;
    while (end < s.size()) {
      const char c = s[end++];
      if (c == '\n') break;
      if (c == '\r') {
        if (end < s.size() && s[end] == '\n') ++end;
        break;
      }
    }
    out.emplace_back(s.substr(pos, end - pos), pos);
    pos = end;
  }
  return out;
}

std::string file_with(const std::string &bytes, const std::string &tag = "stream") {
  const std::string path = files_test::temp_dir(tag) + "/data.csv";
  files_test::write_file(path, bytes);
  return path;
}

TEST(Streaming, LinesAcrossEveryChunkBoundary) {
  const std::string text = "a,b\r\nc\rd\n\r\n\n\r\rlong line of text \xE5\x8D\x8E\xE4\xB8\xBA\r\nlast";
  const auto want = reference_lines(text);
  const InputFile file = InputFile::open(file_with(text));
  for (std::size_t chunk = 1; chunk <= text.size() + 1; ++chunk) {
    LineReader lines(file, 0, chunk);
    std::vector<std::pair<std::string, std::uint64_t>> got;
    std::string_view line;
    while (lines.next(line)) got.emplace_back(std::string(line), lines.line_start());
    EXPECT_EQ(got, want) << "chunk " << chunk;
  }
  // Going back, as the CSV reader does after a quote that never closed.
  LineReader lines(file, 0, 3);
  std::string_view line;
  ASSERT_TRUE(lines.next(line));
  ASSERT_TRUE(lines.next(line));
  lines.seek(want[0].second + want[0].first.size());
  ASSERT_TRUE(lines.next(line));
  EXPECT_EQ(line, "c\r");
}

TEST(Streaming, Utf8CensusInPiecesMatchesOnePass) {
  std::string text;
  for (int i = 0; i < 5; ++i) text += "客户 \xF0\xA0\xAE\xB7 ok \xFF\xC3(\xE4\xB8";
  text += "\xE4\xB8"; // cut off at the end
  Utf8Census whole;
  whole.feed(text);
  whole.finish();
  EXPECT_GT(whole.good(), 0u);
  EXPECT_GT(whole.bad(), 0u);
  for (std::size_t piece = 1; piece <= 9; ++piece) {
    Utf8Census census;
    for (std::size_t i = 0; i < text.size(); i += piece) census.feed(std::string_view(text).substr(i, piece));
    census.finish();
    EXPECT_EQ(census.good(), whole.good()) << "piece " << piece;
    EXPECT_EQ(census.bad(), whole.bad()) << "piece " << piece;
  }
}

std::vector<SourceRow> read_all(const std::string &bytes, std::size_t max_row_bytes) {
  const InputFile file = InputFile::open(file_with(bytes, "rows"));
  Utf8Census census;
  census.feed(bytes);
  census.finish();
  CsvOptions options;
  options.max_row_bytes = max_row_bytes;
  auto reader = open_csv(file, options, census);
  std::vector<SourceRow> rows;
  reader->read([&](SourceRow &&row) { rows.push_back(std::move(row)); });
  return rows;
}

TEST(Streaming, RowOverTheLimitIsCutAndReadingGoesOnAfterIt) {
  std::string field;
  while (field.size() < 5000) field += "line, with \"\"quotes\"\"\n";
  const std::string big_row = "B,\"" + field + "\",2025-11-02\n";
  const std::string csv = "客户,问题描述,投诉日期\nA,ok,2025-11-01\n" + big_row + "C,ok,2025-11-03\n";
  const auto rows = read_all(csv, 1000);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[1].error.empty());
  EXPECT_EQ(rows[2].number, 3u);
  EXPECT_EQ(rows[2].raw, big_row.substr(0, 1000));
  EXPECT_NE(rows[2].error.find("the row is longer than 1000 bytes"), std::string::npos) << rows[2].error;
  const std::size_t c_line = 4 + static_cast<std::size_t>(std::count(field.begin(), field.end(), '\n'));
  EXPECT_NE(rows[2].error.find("it ends on line " + std::to_string(c_line - 1)), std::string::npos)
      << rows[2].error;
  EXPECT_EQ(rows[3].number, c_line);
  EXPECT_EQ(rows[3].cells.at(0).text, "C");

  // A quote that never closes: past the limit too, the rows after its
  // first line are read again, as for a short file.
  std::string rest;
  for (int i = 0; i < 100; ++i) rest += "R" + std::to_string(i) + ",ok,2025-11-04\n";
  const auto broken = read_all("客户,问题描述,投诉日期\nE,\"never closed,2025-11-05\n" + rest, 1000);
  ASSERT_EQ(broken.size(), 102u);
  EXPECT_EQ(broken[1].raw, "E,\"never closed,2025-11-05\n");
  EXPECT_NE(broken[1].error.find("is never closed"), std::string::npos) << broken[1].error;
  EXPECT_EQ(broken[101].number, 102u);
  EXPECT_EQ(broken[101].cells.at(0).text, "R99");
}

// Where each character of `bytes` (GBK / GB18030) starts.
std::vector<std::size_t> gb_char_starts(const std::string &bytes) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < bytes.size();) {
    starts.push_back(i);
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80)
      i += 1;
    else if (i + 1 < bytes.size() && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39)
      i += 4;
    else
      i += 2;
  }
  return starts;
}

// A CSV in `encoding` whose `text` characters cross the first read boundary
// (kReadChunkBytes): `width` is the byte length of the character that must
// straddle it. Returns the bytes and the row the boundary falls in.
std::pair<std::string, std::size_t> straddling_csv(const std::string &encoding, const std::string &text,
                                                   std::size_t width, const std::string &dir) {
  const std::size_t boundary = kReadChunkBytes;
  for (std::size_t pad = 0; pad < 8; ++pad) {
    std::string utf8 = "工单号,客户,问题描述,投诉日期,不良数量\n";
    std::size_t rows = 0;
    while (utf8.size() < boundary * 2) { // GBK takes 2 bytes where UTF-8 takes 3
      ++rows;
      std::string what;
      for (int k = 0; k < 40; ++k) what += text;
      utf8 += "T-" + std::to_string(rows) + "," + std::string(rows == 1 ? pad : 0, 'x') + "华为," + what +
              ",2025-11-03,5\n";
    }
    const std::string bytes = files_test::iconv_to(utf8, encoding, dir);
    const auto starts = gb_char_starts(bytes);
    auto it = std::upper_bound(starts.begin(), starts.end(), boundary) - 1;
    const std::size_t begin = *it;
    if (begin < boundary && begin + width > boundary) {
      const std::size_t row =
          static_cast<std::size_t>(std::count(bytes.begin(), bytes.begin() + begin, '\n')) + 1;
      return {bytes, row};
    }
  }
  ADD_FAILURE() << "no padding puts a character across the boundary";
  return {};
}

void expect_straddle_imports(const std::string &encoding, const std::string &text, std::size_t width) {
  const std::string dir = files_test::temp_dir("straddle");
  const auto [bytes, row] = straddling_csv(encoding, text, width, dir);
  ASSERT_FALSE(bytes.empty());
  files_test::write_file(dir + "/cut.csv", bytes);
  FakeHost host;
  auto run = run_plugin(host, {{"file", dir + "/cut.csv"}});
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_EQ(run.summary["details"][0]["encoding"], "gb18030");
  EXPECT_TRUE(host.quarantine.empty()) << host.quarantine.begin()->second.reason;
  std::string what;
  for (int k = 0; k < 40; ++k) what += text;
  const std::string sha = files_test::sha256_of(dir + "/cut.csv");
  const json r = files_test::record_at(host, sha, row);
  ASSERT_TRUE(r.is_object()) << "row " << row;
  EXPECT_EQ(r["phenomenon"], what);
  EXPECT_EQ(r["extra"]["工单号"], "T-" + std::to_string(row - 1));

  // The same row made bad (the quantity "5" -> "x" keeps every offset):
  // its raw bytes are exactly the file's, across the boundary.
  std::string bad = bytes;
  std::size_t line_start = 0;
  for (std::size_t n = 1; n < row; ++n) line_start = bad.find('\n', line_start) + 1;
  const std::size_t line_end = bad.find('\n', line_start) + 1;
  bad[line_end - 2] = 'x';
  files_test::write_file(dir + "/bad.csv", bad);
  FakeHost again;
  ASSERT_EQ(run_plugin(again, {{"file", dir + "/bad.csv"}}).status, QLOOP_OK);
  ASSERT_EQ(again.quarantine.size(), 1u);
  const auto &q = again.quarantine.begin()->second;
  EXPECT_EQ(q.raw, bad.substr(line_start, line_end - line_start));
  EXPECT_NE(q.reason.find("row " + std::to_string(row) + ": quantity_affected 'x'"), std::string::npos)
      << q.reason;
}

TEST(Streaming, GbkCharacterAcrossTheReadBoundary) { expect_straddle_imports("GBK", "屏幕闪烁", 2); }

TEST(Streaming, Gb18030FourByteCharacterAcrossTheReadBoundary) {
  expect_straddle_imports("GB18030", "\xF0\xA0\xAE\xB7", 4); // 𠮷, outside GBK
}

TEST(Streaming, Utf16SurrogatePairAcrossTheReadBoundary) {
  const std::string dir = files_test::temp_dir("utf16big");
  // Tab separated, as Excel's "Unicode text"; the text is all 𠮷 (a
  // surrogate pair in UTF-16); padding in the first row moves the rows.
  for (int pad = 0; pad < 120; ++pad) {
    std::string text = "客户\t问题描述\t投诉日期\n";
    int rows = 0;
    std::string what;
    for (int k = 0; k < 50; ++k) what += "\xF0\xA0\xAE\xB7";
    while (text.size() < kReadChunkBytes * 3 / 2) {
      ++rows;
      text += std::string(rows == 1 ? pad : 0, 'x') + "华为\t" + what + "\t2025-11-03\n";
    }
    const std::string bytes = "\xFF\xFE" + files_test::iconv_to(text, "UTF-16LE", dir);
    // The decoder reads from offset 2 in chunks of kReadChunkBytes.
    const auto unit = static_cast<unsigned char>(bytes[2 + kReadChunkBytes - 1]);
    if (unit < 0xD8 || unit > 0xDB) continue; // the chunk does not end on a high surrogate
    files_test::write_file(dir + "/u.csv", bytes);
    FakeHost host;
    auto run = run_plugin(host, {{"file", dir + "/u.csv"}});
    ASSERT_EQ(run.status, QLOOP_OK) << run.error;
    EXPECT_EQ(host.records.size(), static_cast<std::size_t>(rows));
    EXPECT_TRUE(host.quarantine.empty());
    for (const auto &[key, r] : host.records) ASSERT_EQ(r["phenomenon"], what) << key;
    return;
  }
  FAIL() << "no padding put a surrogate pair across the boundary";
}

TEST(Streaming, FileWrittenToDuringTheImportStaysForTheNextRun) {
  const std::string drop = files_test::temp_dir("changing");
  std::string csv = "客户,问题描述,投诉日期\n";
  for (int i = 0; i < 1200; ++i) csv += "ACME,defect " + std::to_string(i) + ",2025-11-01\n";
  files_test::write_file(drop + "/growing.csv", csv);
  files_test::write_file(drop + "/other.csv", "客户,问题描述,投诉日期\nB,ok,2025-11-02\n");
  FakeHost host;
  host.config = {{"drop_dir", drop}, {"settle_seconds", "0"}};
  host.before_batch = [&](std::size_t stored) {
    if (stored == 0) { // the exporter appends while the first batch goes in
      std::ofstream out(drop + "/growing.csv", std::ios::app | std::ios::binary);
      out << "ACME,late row,2025-11-02\n";
    }
  };
  auto run = run_plugin(host);
  ASSERT_EQ(run.status, QLOOP_OK) << run.error;
  EXPECT_TRUE(fs::exists(drop + "/growing.csv"));
  EXPECT_TRUE(fs::exists(drop + "/done/other.csv")); // the run went on
  const json &detail = run.summary["details"][0];
  EXPECT_EQ(detail["status"], "unreadable");
  EXPECT_NE(detail["reason"].get<std::string>().find("changed while being read"), std::string::npos)
      << detail;
}

TEST(Streaming, SharedStringsPastTheMemoryBudgetComeBackFromDisk) {
  SharedStrings table(16); // 16 bytes in memory, the rest spilled
  std::vector<std::string> want;
  for (int i = 0; i < 5000; ++i) want.push_back(i % 7 == 0 ? "" : "字符串 " + std::to_string(i));
  table.expect(want.size());
  for (const auto &w : want) table.add(w);
  table.finish();
  ASSERT_EQ(table.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) ASSERT_EQ(table[i], want[i]) << i;
}

// A workbook of `rows` rows written by libxlsxwriter (shared strings).
std::string workbook(const std::string &dir, int rows) {
  const std::string path = dir + "/book.xlsx";
  lxw_workbook *wb = workbook_new(path.c_str());
  lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
  const char *header[] = {"客户", "问题描述", "投诉日期"};
  for (lxw_col_t c = 0; c < 3; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  for (int r = 1; r <= rows; ++r) {
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), 0, "ACME", nullptr);
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), 1, ("defect " + std::to_string(r)).c_str(),
                           nullptr);
    worksheet_write_string(ws, static_cast<lxw_row_t>(r), 2, "2025-11-01", nullptr);
  }
  EXPECT_EQ(workbook_close(wb), LXW_NO_ERROR);
  return path;
}

TEST(Streaming, DamagedSheetFailsTheWholeFileBeforeAnyRow) {
  const std::string dir = files_test::temp_dir("damaged");
  const std::string good = files_test::read_file(workbook(dir, 3000));
  // Flip bytes in the middle of the compressed sheet (its local header
  // names it): the entry then fails to inflate or its CRC does not match,
  // which libzip reports only near the entry's end.
  const std::size_t sheet = good.find("xl/worksheets/sheet1.xml");
  ASSERT_NE(sheet, std::string::npos);
  // Its data ends where the next entry or the central directory starts.
  const std::size_t next = std::min(good.find("PK\x03\x04", sheet), good.find("PK\x01\x02", sheet));
  ASSERT_NE(next, std::string::npos);
  std::string bad = good;
  const std::size_t at = sheet + (next - sheet) * 3 / 4;
  for (std::size_t i = at; i < at + 16; ++i) bad[i] = static_cast<char>(bad[i] ^ 0x5A);
  files_test::write_file(dir + "/bad.xlsx", bad);
  FakeHost host;
  auto run = run_plugin(host, {{"file", dir + "/bad.xlsx"}});
  EXPECT_EQ(run.status, QLOOP_ERR_INVALID_INPUT);
  EXPECT_NE(run.error.find("not a usable XLSX workbook"), std::string::npos) << run.error;
  EXPECT_EQ(host.batches, 0u);
  EXPECT_TRUE(host.quarantine.empty());
}

TEST(Streaming, RichTextKeepsASpaceRunBetweenFormattedRuns) {
  // The DOM reader dropped a run holding only a space ("格力电器"); a direct
  // <t> of spaces still makes an empty cell, as before.
  const std::string dir = files_test::temp_dir("rich");
  const std::string path = dir + "/rich.xlsx";
  lxw_workbook *wb = workbook_new(path.c_str());
  lxw_worksheet *ws = workbook_add_worksheet(wb, "S");
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  const char *header[] = {"客户", "问题描述", "投诉日期", "备注"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  lxw_rich_string_tuple a{bold, const_cast<char *>("格力")}, b{nullptr, const_cast<char *>(" ")},
      c{bold, const_cast<char *>("电器")};
  lxw_rich_string_tuple *runs[] = {&a, &b, &c, nullptr};
  worksheet_write_rich_string(ws, 1, 0, runs, nullptr);
  worksheet_write_string(ws, 1, 1, "异响", nullptr);
  worksheet_write_string(ws, 1, 2, "2025-11-01", nullptr);
  worksheet_write_string(ws, 1, 3, "   ", nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  FakeHost host;
  ASSERT_EQ(run_plugin(host, {{"file", path}}).status, QLOOP_OK);
  ASSERT_EQ(host.records.size(), 1u);
  const json &r = host.records.begin()->second;
  EXPECT_EQ(r["customer"], "格力 电器");
  EXPECT_FALSE(r["extra"].contains("备注"));
}

} // namespace
