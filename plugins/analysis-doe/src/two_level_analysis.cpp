#include "two_level_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

#include <qloop/plugin.hpp>

#include "distributions.hpp"

namespace qloop::doe {
namespace {

using sdk::InvalidInput;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kBlockFactorId = 1000; // ids for Type II containment: not factors
constexpr int kCurvatureFactorId = 1001;

struct CellLayout {
  std::vector<std::vector<int>> coded;
  std::vector<std::uint32_t> block;
  std::vector<bool> center;
  std::vector<std::uint32_t> cell_of; // per observation
};

// A cell's key without allocating: the block, and the coded settings as
// base-3 digits (k <= kMaxLetterFactors = 25, so 3^25 fits in 64 bits).
struct CellKey {
  std::uint32_t block;
  std::uint64_t point;
  bool operator==(const CellKey &) const = default;
};
struct CellKeyHash {
  std::size_t operator()(const CellKey &k) const noexcept {
    return std::hash<std::uint64_t>()(k.point * 0x9E3779B97F4A7C15ULL ^ k.block);
  }
};

// Cells in order of first appearance.
CellLayout group_cells(const TwoLevelData &data) {
  static_assert(kMaxLetterFactors <= 40, "3^k must fit in 64 bits");
  CellLayout layout;
  std::unordered_map<CellKey, std::uint32_t, CellKeyHash> index;
  layout.cell_of.reserve(data.y.size());
  for (std::size_t i = 0; i < data.y.size(); ++i) {
    const std::uint32_t b = data.block.empty() ? 0 : data.block[i];
    std::uint64_t point = 0;
    for (int v : data.coded[i]) point = point * 3 + static_cast<std::uint64_t>(v + 1);
    auto [it, inserted] =
        index.try_emplace(CellKey{b, point}, static_cast<std::uint32_t>(layout.coded.size()));
    if (inserted) {
      layout.coded.push_back(data.coded[i]);
      layout.block.push_back(b);
      layout.center.push_back(
          std::all_of(data.coded[i].begin(), data.coded[i].end(), [](int v) { return v == 0; }));
    }
    layout.cell_of.push_back(it->second);
  }
  return layout;
}

Eigen::VectorXd word_column(const CellLayout &layout, Word w) {
  Eigen::VectorXd col(static_cast<Eigen::Index>(layout.coded.size()));
  for (std::size_t c = 0; c < layout.coded.size(); ++c) {
    double v = 1;
    for (std::size_t j = 0; j < layout.coded[c].size(); ++j)
      if (w & factor_bit(static_cast<int>(j))) v *= layout.coded[c][j];
    col[static_cast<Eigen::Index>(c)] = v;
  }
  return col;
}

// Effect coding of the blocks: block b < B-1 gets +1 in column b, the last
// block -1 in every column.
Eigen::MatrixXd block_columns(const CellLayout &layout, std::size_t block_count) {
  Eigen::MatrixXd cols = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(layout.block.size()),
                                               static_cast<Eigen::Index>(block_count - 1));
  for (std::size_t c = 0; c < layout.block.size(); ++c) {
    const auto b = layout.block[c];
    if (b + 1 == block_count)
      cols.row(static_cast<Eigen::Index>(c)).setConstant(-1);
    else
      cols(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(b)) = 1;
  }
  return cols;
}

Eigen::VectorXd center_column(const CellLayout &layout) {
  Eigen::VectorXd col(static_cast<Eigen::Index>(layout.center.size()));
  for (std::size_t c = 0; c < layout.center.size(); ++c)
    col[static_cast<Eigen::Index>(c)] = layout.center[c] ? 1 : 0;
  return col;
}

std::vector<int> factors_of(Word w) {
  std::vector<int> f;
  for (int j = 0; j < kMaxLetterFactors; ++j)
    if (w & factor_bit(j)) f.push_back(j);
  return f;
}

// Explains why `w` is not estimable given the accepted words.
std::string why_dropped(const Eigen::VectorXd &col, const CellLayout &layout,
                        const std::vector<std::pair<Word, Eigen::VectorXd>> &accepted) {
  for (const auto &[v, vcol] : accepted) {
    if ((col - vcol).cwiseAbs().maxCoeff() < 1e-12) return "aliased with " + word_name(v);
    if ((col + vcol).cwiseAbs().maxCoeff() < 1e-12) return "aliased with -" + word_name(v);
  }
  // Constant over the factorial points: aliased with the mean (a word of the
  // defining relation).
  std::set<double> values;
  for (std::size_t c = 0; c < layout.center.size(); ++c)
    if (!layout.center[c]) values.insert(col[static_cast<Eigen::Index>(c)]);
  if (values.size() == 1)
    return std::string("aliased with ") + (*values.begin() < 0 ? "-I" : "I") + " (the mean)";
  return "not estimable: a linear combination of blocks, curvature or earlier terms";
}

struct BuiltModel {
  std::vector<ModelTerm> terms;
  std::vector<Word> words; // word of each factorial term (0 for blocks / curvature)
  std::vector<DroppedTerm> dropped;
  bool has_blocks = false, has_curvature = false;
};

BuiltModel build_terms(const CellLayout &layout, const CellRegression &reg,
                       const std::vector<Word> &candidates, std::size_t block_count, bool curvature,
                       bool strict) {
  BuiltModel m;
  SpanTracker span(reg.cell_count());
  span.try_add(reg.weighted(Eigen::VectorXd::Ones(reg.cell_count())));
  ModelTerm blocks, curv;
  // Blocks over the factorial points only: an effect confounded with blocks
  // there stays confounded even when centre points in every block would
  // formally separate it (by a contrast of a few centre points).
  const Eigen::VectorXd factorial_weight = [&] {
    Eigen::VectorXd w(reg.cell_count());
    for (std::size_t c = 0; c < layout.center.size(); ++c)
      w[static_cast<Eigen::Index>(c)] = layout.center[c] ? 0 : 1;
    return w;
  }();
  SpanTracker block_span(reg.cell_count());
  block_span.try_add(factorial_weight);
  if (block_count > 1) {
    blocks = {"Blocks", {kBlockFactorId}, block_columns(layout, block_count)};
    for (Eigen::Index j = 0; j < blocks.columns.cols(); ++j) {
      span.try_add(reg.weighted(blocks.columns.col(j)));
      block_span.try_add(blocks.columns.col(j).cwiseProduct(factorial_weight));
    }
    m.has_blocks = true;
  }
  const bool any_center = std::find(layout.center.begin(), layout.center.end(), true) != layout.center.end();
  const bool any_factorial =
      std::find(layout.center.begin(), layout.center.end(), false) != layout.center.end();
  if (curvature && any_center && any_factorial) {
    curv = {"Curvature", {kCurvatureFactorId}, center_column(layout)};
    m.has_curvature = span.try_add(reg.weighted(curv.columns.col(0)));
  }
  std::vector<std::pair<Word, Eigen::VectorXd>> accepted;
  std::vector<ModelTerm> word_terms;
  for (Word w : candidates) {
    Eigen::VectorXd col = word_column(layout, w);
    if (m.has_blocks && block_span.in_span(col)) {
      const std::string reason = "confounded with blocks";
      if (strict)
        throw InvalidInput("field 'options.terms': term " + word_name(w) +
                           " cannot be estimated in this design (" + reason + "); leave it out");
      m.dropped.push_back({w, reason});
      continue;
    }
    if (span.try_add(reg.weighted(col))) {
      word_terms.push_back({word_name(w), factors_of(w), col});
      m.words.push_back(w);
      accepted.emplace_back(w, col);
    } else {
      std::string reason = why_dropped(col, layout, accepted);
      if (strict)
        throw InvalidInput("field 'options.terms': term " + word_name(w) +
                           " cannot be estimated in this design (" + reason +
                           "); keep one term of each alias chain");
      m.dropped.push_back({w, reason});
    }
  }
  // Model order: blocks, factorial terms, curvature (as Minitab lists them).
  if (m.has_blocks) {
    m.terms.push_back(blocks);
    m.words.insert(m.words.begin(), 0);
  }
  for (auto &t : word_terms) m.terms.push_back(std::move(t));
  if (m.has_curvature) {
    m.terms.push_back(curv);
    m.words.push_back(0);
  }
  return m;
}

TwoLevelModel fit_model(const CellRegression &reg, BuiltModel built, SsType type) {
  TwoLevelModel tm;
  tm.has_blocks = built.has_blocks;
  tm.has_curvature = built.has_curvature;
  tm.dropped = std::move(built.dropped);
  tm.glm = fit_glm(reg, built.terms, type);
  for (std::size_t t = 0; t < built.terms.size(); ++t) {
    const auto col = tm.glm.first_column[t];
    const double coef = tm.glm.fit.coef[col];
    const double se = tm.glm.coef_se[col];
    if (built.words[t] != 0) {
      EffectEstimate e;
      e.word = built.words[t];
      e.coef = coef;
      e.effect = 2 * coef;
      e.se = std::isnan(se) ? kNaN : 2 * se;
      e.t = std::isnan(se) || se == 0 ? kNaN : coef / se;
      e.p = std::isnan(e.t) ? kNaN : t_two_sided(e.t, tm.glm.error.df);
      tm.effects.push_back(e);
    } else if (built.terms[t].name == "Curvature") {
      tm.curvature_coef = coef;
      tm.curvature_se = se;
    }
  }
  return tm;
}

} // namespace

TwoLevelResult analyze_two_level(const TwoLevelData &data, const TwoLevelOptions &options) {
  TwoLevelResult r;
  r.k = static_cast<int>(data.factor_names.size());
  r.runs = static_cast<int>(data.y.size());
  if (r.k < 1) throw InvalidInput("field 'options.factors': at least one factor is required");
  if (r.k > kMaxLetterFactors)
    throw InvalidInput("field 'options.factors': at most " + std::to_string(kMaxLetterFactors) +
                       " two-level factors are supported");
  for (std::size_t i = 0; i < data.coded.size(); ++i) {
    int zeros = 0;
    for (int v : data.coded[i]) {
      if (v != -1 && v != 0 && v != 1) throw InvalidInput("coded settings must be -1, 0 or +1");
      zeros += v == 0;
    }
    if (zeros != 0 && zeros != r.k)
      throw InvalidInput(
          "field 'table' (data row " + std::to_string(i + 1) +
          "): some factors are at their centre and some are not; a centre point has every factor at "
          "its centre");
    if (zeros == r.k) ++r.center_runs;
  }
  r.factorial_runs = r.runs - r.center_runs;
  if (r.factorial_runs < 2)
    throw InvalidInput("field 'table': at least 2 factorial (non-centre) runs are needed");

  const CellLayout layout = group_cells(data);
  const std::size_t block_count = data.block.empty() ? 1 : data.block_labels.size();
  r.blocks = static_cast<int>(block_count);
  {
    std::set<std::vector<int>> points;
    for (std::size_t c = 0; c < layout.coded.size(); ++c)
      if (!layout.center[c]) points.insert(layout.coded[c]);
    r.distinct_points = static_cast<int>(points.size());
    r.full_factorial = r.k < 31 && static_cast<double>(points.size()) == std::ldexp(1.0, r.k);
  }
  CellRegression reg(summarize_cells(layout.cell_of, data.y, layout.coded.size()));
  r.cell_coded = layout.coded;
  r.cell_count = reg.cells().count;
  r.cell_mean = reg.cells().mean;

  r.max_order =
      options.max_order > 0 ? std::min(options.max_order, r.k) : (r.k <= 8 ? r.k : std::min(3, r.k));
  const auto candidates = words_up_to(r.k, r.max_order);
  r.screening = fit_model(reg, build_terms(layout, reg, candidates, block_count, options.curvature, false),
                          options.ss_type);
  if (options.terms) {
    if (options.terms->empty()) throw InvalidInput("field 'options.terms': list at least one term");
    std::set<Word> unique(options.terms->begin(), options.terms->end());
    if (unique.size() != options.terms->size())
      throw InvalidInput("field 'options.terms': a term is listed twice");
    std::vector<Word> ordered(options.terms->begin(), options.terms->end());
    std::sort(ordered.begin(), ordered.end(), hierarchical_less);
    r.model = fit_model(reg, build_terms(layout, reg, ordered, block_count, options.curvature, true),
                        options.ss_type);
    r.reduced = true;
  } else {
    r.model = r.screening;
  }

  // Orthogonal: the weighted cross products of the factorial columns vanish.
  {
    Eigen::MatrixXd cols(reg.cell_count(), static_cast<Eigen::Index>(r.screening.effects.size()));
    for (std::size_t e = 0; e < r.screening.effects.size(); ++e)
      cols.col(static_cast<Eigen::Index>(e)) = reg.weighted(word_column(layout, r.screening.effects[e].word));
    Eigen::MatrixXd g = cols.transpose() * cols;
    const double scale = g.diagonal().size() ? g.diagonal().maxCoeff() : 1.0;
    g.diagonal().setZero();
    r.orthogonal = g.size() == 0 || g.cwiseAbs().maxCoeff() <= 1e-9 * scale;
  }

  std::vector<double> effects;
  for (const auto &e : r.screening.effects) effects.push_back(e.effect);
  r.lenth = lenth(effects, options.alpha);
  return r;
}

} // namespace qloop::doe
