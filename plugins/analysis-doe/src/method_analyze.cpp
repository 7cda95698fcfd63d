// doe.analyze: reads the design and response from a table, decides whether it
// is a two-level factorial (every factor at two levels, optionally with centre
// points) or a general factorial, and analyses it.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <qloop/plugin.hpp>

#include "factor_table.hpp"
#include "json_out.hpp"
#include "methods.hpp"
#include "report_categorical.hpp"
#include "report_two_level.hpp"

namespace qloop::doe {
namespace {

using sdk::InvalidInput;

// Columns that doe.design writes besides the factors; not factors by default.
bool is_bookkeeping(const std::string &name) {
  std::string s;
  for (char c : name) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s == "run_order" || s == "std_order" || s == "runorder" || s == "stdorder" || s == "run" ||
         s == "block" || s == "blocks" || s == "point_type" || s == "pttype" || s == "centerpt" ||
         s == "replicate";
}

// How one factor's levels map to -1 / 0 / +1, or why they cannot.
struct TwoLevelCoding {
  bool ok = false;
  std::string why;
  std::vector<int> code_of_level; // per level index: -1, 0, +1
  TwoLevelFactorInfo info;
};

TwoLevelCoding code_factor(const FactorColumn &f, bool coded) {
  TwoLevelCoding c;
  c.info.name = f.name;
  const std::size_t n = f.levels.size();
  if (coded) {
    if (!f.numeric) {
      c.why = "field '" + f.name + "': coding 'coded' needs the numbers -1, 0 or +1, got text '" +
              f.levels[0] + "'";
      return c;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const double v = f.level_values[i];
      if (v != -1 && v != 0 && v != 1) {
        c.why = "field '" + f.name + "': coding 'coded' needs -1, 0 or +1, got " + f.levels[i];
        return c;
      }
      c.code_of_level.push_back(static_cast<int>(v));
    }
    if (std::find(c.code_of_level.begin(), c.code_of_level.end(), -1) == c.code_of_level.end() ||
        std::find(c.code_of_level.begin(), c.code_of_level.end(), 1) == c.code_of_level.end()) {
      c.why = "field '" + f.name + "': coding 'coded' needs both -1 and +1 in the column";
      return c;
    }
    c.info.low = "-1";
    c.info.high = "1";
    if (n == 3) c.info.centre = 0.0;
    c.ok = true;
    return c;
  }
  if (n == 2) {
    c.code_of_level = {-1, 1};
    c.info.low = f.levels[0];
    c.info.high = f.levels[1];
    c.ok = true;
    return c;
  }
  if (n == 3 && f.numeric) {
    const double lo = f.level_values[0], mid = f.level_values[1], hi = f.level_values[2];
    const double scale = std::max({1.0, std::fabs(lo), std::fabs(hi)});
    if (std::fabs(mid - (lo + hi) / 2) <= 1e-9 * scale) {
      c.code_of_level = {-1, 0, 1};
      c.info.low = f.levels[0];
      c.info.high = f.levels[2];
      c.info.centre = mid;
      c.ok = true;
      return c;
    }
  }
  c.why = "factor '" + f.name + "' has " + std::to_string(n) + " levels";
  return c;
}

std::optional<Word> find_factor(const std::string &piece, const std::vector<FactorColumn> &factors) {
  for (std::size_t j = 0; j < factors.size(); ++j)
    if (factors[j].name == piece) return factor_bit(static_cast<int>(j));
  return std::nullopt;
}

std::string trim(const std::string &s) {
  auto b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// "AC", "temperature*formaldehyde" or "temperature:formaldehyde".
Word parse_term(const std::string &text, const std::vector<FactorColumn> &factors, std::size_t index) {
  const std::string field = "options.terms[" + std::to_string(index) + "]";
  const int k = static_cast<int>(factors.size());
  if (auto single = find_factor(trim(text), factors)) return *single;
  if (text.find_first_of("*:") != std::string::npos) {
    Word w = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
      auto end = text.find_first_of("*:", start);
      const std::string piece =
          trim(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
      auto bit = find_factor(piece, factors);
      if (!bit && piece.size() == 1) bit = parse_letters(piece, k);
      if (!bit || (w & *bit))
        throw InvalidInput("field '" + field + "': '" + piece + "' in '" + text +
                           "' is not a factor name or letter (or is repeated)");
      w |= *bit;
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return w;
  }
  std::string upper;
  for (char c : trim(text)) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (auto w = parse_letters(upper, k)) return *w;
  throw InvalidInput("field '" + field + "': '" + text + "' is neither factor letters (A.." +
                     factor_letter(k - 1) + ", no repeats) nor factor names joined by '*'");
}

Json analyze_general(const FactorTable &data, const Options &o, const Labels &labels, SsType ss_type) {
  if (data.block)
    throw InvalidInput(
        "field 'options.block': blocks are analysed for two-level designs; for a general factorial "
        "use the anova method with the block column as a factor");
  CategoricalReport rep;
  rep.method = "doe.analyze";
  rep.table = &data;
  rep.alpha = o.number("alpha", 1e-6, 0.5).value_or(0.05);
  rep.labels = labels;
  rep.options.ss_type = ss_type;
  const int k = static_cast<int>(data.factors.size());
  if (auto m = o.integer("max_order", 1, k)) {
    rep.options.max_order = static_cast<int>(*m);
  } else {
    // Replicated: the full model; unreplicated: the highest interaction is the error.
    std::size_t cells = 1;
    for (const auto &f : data.factors) cells *= f.levels.size();
    if (data.y.size() > cells || k == 1) {
      rep.options.max_order = k;
    } else {
      rep.options.max_order = std::max(1, k - 1);
      rep.warnings.push_back("unreplicated general factorial: the " + std::to_string(k) +
                             "-factor interaction is used as the error (set max_order to change)");
    }
  }
  if (data.dropped > 0)
    rep.warnings.push_back(std::to_string(data.dropped) +
                           " rows with empty cells were left out (drop_missing)");
  CategoricalResult result = analyze_categorical(categorical_data(data), rep.options);
  rep.result = &result;
  Json out = categorical_report(rep);
  out["summary"]["design"] = "general full factorial";
  return out;
}

} // namespace

Json analyze_method(Json &request, const sdk::RecordBatch *columns) {
  Options o(request, false);
  DataTable table = DataTable::from_request(request, columns);
  if (table.columns().size() < 2)
    throw InvalidInput("field 'table': needs factor columns and a response column");
  FactorTableRequest req;
  req.response = o.text("response").value_or(table.columns().back());
  auto listed = o.text_list("factors");
  if (auto b = o.text("block"))
    req.block = *b;
  else if (table.find_column("block") && req.response != "block" &&
           !(listed && std::find(listed->begin(), listed->end(), "block") != listed->end()))
    req.block = "block";
  if (listed)
    req.factors = *listed;
  else
    for (const auto &c : table.columns())
      if (c != req.response && !is_bookkeeping(c) && (!req.block || c != *req.block))
        req.factors.push_back(c);
  if (req.factors.empty()) throw InvalidInput("field 'options.factors': no factor columns");
  req.drop_missing = o.boolean("drop_missing").value_or(false);
  req.level_order = o.raw("levels");
  if (req.level_order && !req.level_order->is_object())
    throw InvalidInput("field 'options.levels': must be an object {factor: [low, high]}");
  const std::string coding = o.text("coding").value_or("auto");
  if (coding != "auto" && coding != "coded")
    throw InvalidInput("field 'options.coding': must be 'auto' or 'coded', got '" + coding + "'");
  const std::string design = o.text("design").value_or("auto");
  if (design != "auto" && design != "two-level" && design != "general")
    throw InvalidInput("field 'options.design': must be 'auto', 'two-level' or 'general', got '" + design +
                       "'");
  const SsType ss_type = static_cast<SsType>(o.integer("ss_type", 1, 3).value_or(3));
  const Labels labels = labels_for(request.value("lang", "en"));

  FactorTable data = read_factor_table(table, req);
  if (data.y.size() < 2)
    throw InvalidInput("field 'table': too few runs (" + std::to_string(data.y.size()) + ")");
  if (data.block && data.block->levels.size() < 2) data.block.reset(); // one block: no block term

  // Two-level when every factor codes to -1/+1 (and centre runs have every
  // factor at its centre).
  std::vector<TwoLevelCoding> codings;
  std::string not_two_level;
  if (design != "general")
    for (const auto &f : data.factors) {
      codings.push_back(code_factor(f, coding == "coded"));
      if (!codings.back().ok && not_two_level.empty()) not_two_level = codings.back().why;
    }
  TwoLevelData tl;
  if (design != "general" && not_two_level.empty()) {
    const std::size_t k = data.factors.size();
    tl.coded.assign(data.y.size(), std::vector<int>(k, 0));
    for (std::size_t i = 0; i < data.y.size() && not_two_level.empty(); ++i) {
      std::size_t zeros = 0;
      for (std::size_t j = 0; j < k; ++j) {
        tl.coded[i][j] = codings[j].code_of_level[data.factors[j].level_of[i]];
        zeros += tl.coded[i][j] == 0;
      }
      if (zeros != 0 && zeros != k)
        not_two_level =
            "data row " + std::to_string(data.source_row[i] + 1) +
            " has some factors at their centre and some not (a centre point has every factor at its "
            "centre)";
    }
  }
  if (design == "general" || !not_two_level.empty()) {
    if (design == "two-level" || coding == "coded")
      throw InvalidInput(
          (not_two_level.rfind("field", 0) == 0 ? not_two_level : "field 'table': " + not_two_level) +
          "; a two-level analysis needs every factor at two levels (plus an optional common centre)");
    return analyze_general(data, o, labels, ss_type);
  }

  TwoLevelReport rep;
  rep.response = data.response;
  rep.coding = coding;
  rep.labels = labels;
  rep.dropped = data.dropped;
  for (std::size_t j = 0; j < data.factors.size(); ++j) {
    tl.factor_names.push_back(data.factors[j].name);
    rep.factors.push_back(codings[j].info);
  }
  tl.y = data.y;
  if (data.block) {
    tl.block = data.block->level_of;
    tl.block_labels = data.block->levels;
  }
  rep.options.ss_type = ss_type;
  rep.options.alpha = o.number("alpha", 1e-6, 0.5).value_or(0.05);
  rep.options.curvature = o.boolean("curvature").value_or(true);
  rep.options.max_order = static_cast<int>(o.integer("max_order", 1, kMaxLetterFactors).value_or(0));
  if (auto terms = o.text_list("terms")) {
    std::vector<Word> words;
    for (std::size_t i = 0; i < terms->size(); ++i) words.push_back(parse_term((*terms)[i], data.factors, i));
    rep.options.terms = words;
  }
  if (data.dropped > 0)
    rep.warnings.push_back(std::to_string(data.dropped) +
                           " rows with empty cells were left out (drop_missing)");
  TwoLevelResult result = analyze_two_level(tl, rep.options);
  rep.result = &result;
  return two_level_report(rep);
}

} // namespace qloop::doe
