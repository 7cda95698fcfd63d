// Test data: a small labelled corpus in Chinese and English built in code,
// CSV files read into the request table the host would send, and scratch
// directories.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace classify_test {

using nlohmann::json;

// Folders made by temp_dir, removed when the test process exits.
struct TempDirs {
  std::vector<std::string> dirs;
  ~TempDirs() {
    for (const auto &d : dirs) {
      std::error_code ec;
      std::filesystem::remove_all(d, ec);
    }
  }
};
inline TempDirs temp_dirs;

inline std::string temp_dir(const std::string &tag) {
  std::string pattern = ::testing::TempDir() + "classify-" + tag + "-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data()) == nullptr) ADD_FAILURE() << "mkdtemp " << pattern;
  temp_dirs.dirs.emplace_back(buf.data());
  return std::string(buf.data());
}

inline void write_file(const std::string &path, const std::string &bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  ASSERT_TRUE(out.good()) << path;
}

inline std::string read_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// RFC 4180 CSV: quoted cells with "" escapes, commas and newlines inside.
inline std::vector<std::vector<std::string>> parse_csv(const std::string &text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = any = true;
    } else if (c == ',') {
      row.push_back(cell);
      cell.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !cell.empty()) {
        row.push_back(cell);
        rows.push_back(row);
      }
      row.clear();
      cell.clear();
      any = false;
    } else {
      cell += c;
      any = true;
    }
  }
  if (any || !cell.empty()) {
    row.push_back(cell);
    rows.push_back(row);
  }
  return rows;
}

// A CSV file as the host's request table: numbers where a cell reads
// wholly as one, null for empty cells, strings otherwise.
inline json csv_table(const std::string &path) {
  const auto rows = parse_csv(read_file(path));
  json t = {{"columns", rows.at(0)}, {"rows", json::array()}};
  for (std::size_t r = 1; r < rows.size(); ++r) {
    json cells = json::array();
    for (const auto &c : rows[r]) {
      char *end = nullptr;
      const double v = c.empty() ? 0 : std::strtod(c.c_str(), &end);
      if (c.empty())
        cells.push_back(nullptr);
      else if (end && *end == '\0' && c.find_first_of(" \t") == std::string::npos)
        cells.push_back(v);
      else
        cells.push_back(c);
    }
    t["rows"].push_back(cells);
  }
  return t;
}

// ---- a small synthetic corpus, both languages.

struct SynthClass {
  const char *category, *subcategory, *department;
  std::vector<std::string> zh, en; // the words that make the class
};

inline const std::vector<SynthClass> &synth_classes() {
  static const std::vector<SynthClass> classes = {
      {"product_quality",
       "welding",
       "production",
       {"虚焊", "焊点开裂", "焊接不良"},
       {"cold solder", "solder joint crack", "poor soldering"}},
      {"logistics",
       "delay",
       "supply_chain",
       {"交货延迟", "到货晚了", "交期延误"},
       {"late delivery", "shipment delayed", "arrived late"}},
      {"service",
       "attitude",
       "customer_service",
       {"客服态度差", "不耐烦", "推诿责任"},
       {"rude agent", "dismissive staff", "unfriendly service"}},
      {"other",
       "billing",
       "customer_service",
       {"发票金额错误", "重复开票", "对账单不符"},
       {"invoice amount wrong", "billed twice", "wrong invoice"}},
  };
  return classes;
}

// `n` records; class, wording, filler and a line-stop cue (severity
// critical, else minor) drawn from a seeded engine. Texts are filler +
// class words + filler in a random order and language.
inline json synthetic_table(std::size_t n, std::uint32_t seed, bool with_labels = true) {
  std::mt19937 rng(seed); // only raw engine output: the same numbers everywhere
  auto below = [&](std::size_t k) { return static_cast<std::size_t>(rng() % k); };
  static const std::vector<std::string> fill_zh = {"客户反馈", "请尽快处理", "批次 L2024-", "涉及 pcs",
                                                   "订单 SO-"};
  static const std::vector<std::string> fill_en = {"customer reports", "please advise", "lot L2024-",
                                                   "pcs affected", "order SO-"};
  static const std::vector<std::string> products = {"PCBA-X100", "PSU-450W", "MOTOR-M3", "SENSOR-T7"};
  static const std::vector<std::string> channels = {"phone", "email", "online", "social"};
  json columns = {"phenomenon", "product_model", "channel", "customer"};
  if (with_labels)
    for (const char *c : {"category", "subcategory", "severity", "owner_department"}) columns.push_back(c);
  json rows = json::array();
  for (std::size_t i = 0; i < n; ++i) {
    const auto &cls = synth_classes()[below(synth_classes().size())];
    const bool zh = below(2) == 0;
    const auto &words = zh ? cls.zh : cls.en;
    const auto &fill = zh ? fill_zh : fill_en;
    std::vector<std::string> parts = {words[below(words.size())],
                                      fill[below(fill.size())] + std::to_string(100 + below(900))};
    const bool critical = below(5) == 0;
    if (critical) parts.push_back(zh ? "客户产线停线" : "customer line stopped");
    if (below(2)) std::swap(parts[0], parts[1]);
    std::string text;
    for (const auto &p : parts) text += (text.empty() ? "" : (zh ? "," : ", ")) + p;
    json row = {text, products[below(products.size())], channels[below(channels.size())],
                zh ? "苏州精密仪器" : "Nordic Appliances AB"};
    if (with_labels) {
      row.push_back(cls.category);
      row.push_back(cls.subcategory);
      row.push_back(critical ? "critical" : "minor");
      row.push_back(cls.department);
    }
    rows.push_back(row);
  }
  return {{"columns", columns}, {"rows", rows}};
}

// The words of the class whose category is `category`, lower case.
inline std::vector<std::string> class_words(const std::string &category) {
  for (const auto &c : synth_classes())
    if (category == c.category) {
      std::vector<std::string> out = c.zh;
      out.insert(out.end(), c.en.begin(), c.en.end());
      return out;
    }
  return {};
}

// The quoted n-grams of an explanation: "焊点" +0.41, ... -> {焊点, ...}.
inline std::vector<std::string> quoted_ngrams(const std::string &explanation) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = explanation.find('"', at)) != std::string::npos) {
    const std::size_t end = explanation.find('"', at + 1);
    if (end == std::string::npos) break;
    out.push_back(explanation.substr(at + 1, end - at - 1));
    at = end + 1;
  }
  return out;
}

} // namespace classify_test
