#include "general_factorial.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <unordered_map>

#include <qloop/plugin.hpp>

namespace qloop::doe {
namespace {

using sdk::InvalidInput;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Cells {
  std::vector<std::vector<std::uint32_t>> levels; // per cell, per factor
  std::vector<std::uint32_t> cell_of_key;         // dense key -> cell (small designs)
  std::unordered_map<std::uint64_t, std::uint32_t> cell_of_sparse_key;
  bool dense = true;
};

std::uint64_t key_of(const CategoricalData &d, std::size_t i) {
  std::uint64_t key = 0;
  for (std::size_t f = d.factor_names.size(); f-- > 0;) key = key * d.levels[f].size() + d.level_of[f][i];
  return key;
}

// Finds the observed combinations of levels (mixed-radix key; a direct table
// when the number of combinations is small, else a hash map). The cell of an
// observation is looked up again when summing, rather than stored: an index
// array of 10^7 entries costs more to allocate than the lookups.
Cells group(const CategoricalData &d, std::size_t possible) {
  Cells cells;
  const std::size_t n = d.y.size(), k = d.factor_names.size();
  auto add_cell = [&](std::size_t i) {
    std::vector<std::uint32_t> lv(k);
    for (std::size_t f = 0; f < k; ++f) lv[f] = d.level_of[f][i];
    cells.levels.push_back(std::move(lv));
    return static_cast<std::uint32_t>(cells.levels.size() - 1);
  };
  constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  cells.dense = possible <= (std::size_t{1} << 22);
  if (cells.dense) {
    cells.cell_of_key.assign(possible, kNone);
    for (std::size_t i = 0; i < n; ++i) {
      auto &slot = cells.cell_of_key[key_of(d, i)];
      if (slot == kNone) slot = add_cell(i);
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      auto [it, inserted] = cells.cell_of_sparse_key.emplace(key_of(d, i), 0);
      if (inserted) it->second = add_cell(i);
    }
  }
  return cells;
}

CellSummary summarize(const CategoricalData &d, const Cells &cells) {
  if (d.factor_names.size() == 1 && cells.dense) // the cell is the level: no key to compute
    return summarize_cells_by([&](std::size_t i) { return cells.cell_of_key[d.level_of[0][i]]; }, d.y,
                              cells.levels.size());
  if (cells.dense)
    return summarize_cells_by([&](std::size_t i) { return cells.cell_of_key[key_of(d, i)]; }, d.y,
                              cells.levels.size());
  return summarize_cells_by([&](std::size_t i) { return cells.cell_of_sparse_key.at(key_of(d, i)); }, d.y,
                            cells.levels.size());
}

// Effect coding of one factor over cells: level l < L-1 -> +1 in column l,
// level L-1 -> -1 in every column.
Eigen::MatrixXd effect_columns(const Cells &cells, std::size_t factor, std::size_t level_count) {
  Eigen::MatrixXd cols = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(cells.levels.size()),
                                               static_cast<Eigen::Index>(level_count - 1));
  for (std::size_t c = 0; c < cells.levels.size(); ++c) {
    const auto l = cells.levels[c][factor];
    if (l + 1 == level_count)
      cols.row(static_cast<Eigen::Index>(c)).setConstant(-1);
    else
      cols(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(l)) = 1;
  }
  return cols;
}

Eigen::MatrixXd interaction_columns(const std::vector<Eigen::MatrixXd> &main,
                                    const std::vector<int> &factors) {
  Eigen::MatrixXd acc = Eigen::MatrixXd::Ones(main[0].rows(), 1);
  for (int f : factors) {
    const auto &m = main[static_cast<std::size_t>(f)];
    Eigen::MatrixXd next(acc.rows(), acc.cols() * m.cols());
    for (Eigen::Index a = 0; a < acc.cols(); ++a)
      for (Eigen::Index b = 0; b < m.cols(); ++b)
        next.col(a * m.cols() + b) = acc.col(a).cwiseProduct(m.col(b));
    acc = std::move(next);
  }
  return acc;
}

std::vector<std::vector<int>> subsets_up_to(int k, int max_order) {
  std::vector<std::vector<int>> out;
  for (int order = 1; order <= max_order; ++order)
    for (std::uint32_t mask = 1; mask < (1u << k); ++mask) {
      if (std::popcount(mask) != order) continue;
      std::vector<int> s;
      for (int f = 0; f < k; ++f)
        if (mask & (1u << f)) s.push_back(f);
      out.push_back(s);
    }
  return out;
}

std::vector<std::vector<LevelStat>> level_statistics(const CategoricalData &d) {
  std::vector<std::vector<LevelStat>> out;
  for (std::size_t f = 0; f < d.factor_names.size(); ++f) {
    CellSummary s = summarize_cells(d.level_of[f], d.y, d.levels[f].size());
    std::vector<LevelStat> stats;
    for (std::size_t l = 0; l < d.levels[f].size(); ++l)
      stats.push_back(
          {s.count[l], s.mean[l], s.count[l] > 1 ? std::sqrt(s.ss_within[l] / (s.count[l] - 1)) : kNaN});
    out.push_back(std::move(stats));
  }
  return out;
}

} // namespace

std::string term_name(const std::vector<std::string> &names, const std::vector<int> &factors) {
  std::string out;
  for (std::size_t i = 0; i < factors.size(); ++i)
    out += (i ? "*" : "") + names[static_cast<std::size_t>(factors[i])];
  return out;
}

CategoricalResult analyze_categorical(const CategoricalData &d, const CategoricalOptions &options) {
  const std::size_t k = d.factor_names.size(), n = d.y.size();
  if (k == 0) throw InvalidInput("field 'options.factors': name at least one factor column");
  if (k > 16) throw InvalidInput("field 'options.factors': at most 16 factors are supported");
  std::size_t possible = 1;
  for (std::size_t f = 0; f < k; ++f) {
    if (d.levels[f].size() < 2)
      throw InvalidInput("field '" + d.factor_names[f] + "': a factor needs at least 2 levels, found " +
                         std::to_string(d.levels[f].size()) +
                         (d.levels[f].empty() ? "" : " ('" + d.levels[f][0] + "')"));
    possible = possible > (std::size_t{1} << 62) / d.levels[f].size() ? (std::size_t{1} << 62)
                                                                      : possible * d.levels[f].size();
  }
  CategoricalResult r;
  r.cells_possible = possible;
  Cells cells = group(d, possible);
  r.all_cells_present = cells.levels.size() == possible;
  int max_order = std::clamp(options.max_order, 1, static_cast<int>(k));
  if (options.auto_max_order && k >= 2) {
    const bool replicated = n > cells.levels.size();
    if (r.all_cells_present && replicated) {
      max_order = static_cast<int>(k);
    } else {
      max_order = 1;
      r.note = std::string("interactions not fitted: ") +
               (!r.all_cells_present
                    ? "some combinations of levels have no observations"
                    : "each combination of levels has a single observation, so the interaction is "
                      "the error") +
               "; the model is additive (main effects only)";
    }
  }
  r.max_order = max_order;
  if (max_order >= 2 && !r.all_cells_present) {
    // Name one missing combination, so the user can see what is lacking.
    std::string missing;
    std::vector<bool> seen(std::min<std::size_t>(possible, std::size_t{1} << 22), false);
    if (possible <= (std::size_t{1} << 22)) {
      for (const auto &lv : cells.levels) {
        std::uint64_t key = 0;
        for (std::size_t f = k; f-- > 0;) key = key * d.levels[f].size() + lv[f];
        seen[key] = true;
      }
      for (std::size_t key = 0; key < possible && missing.empty(); ++key)
        if (!seen[key]) {
          std::size_t rest = key;
          for (std::size_t f = 0; f < k; ++f) {
            missing += (f ? ", " : "") + d.factor_names[f] + "=" + d.levels[f][rest % d.levels[f].size()];
            rest /= d.levels[f].size();
          }
        }
    }
    throw InvalidInput(
        "field 'options.interaction': a model with interactions needs every combination of levels "
        "observed, but " +
        std::to_string(possible - cells.levels.size()) + " of " + std::to_string(possible) + " are empty" +
        (missing.empty() ? "" : " (e.g. " + missing + ")") + "; fit main effects only (interaction=false)");
  }

  CellRegression reg(summarize(d, cells));
  std::vector<Eigen::MatrixXd> main;
  for (std::size_t f = 0; f < k; ++f) main.push_back(effect_columns(cells, f, d.levels[f].size()));
  std::vector<ModelTerm> terms;
  for (const auto &s : subsets_up_to(static_cast<int>(k), max_order))
    terms.push_back({term_name(d.factor_names, s), s, interaction_columns(main, s)});

  Eigen::Index p = 1;
  for (const auto &t : terms) p += t.columns.cols();
  if (static_cast<double>(n) <= static_cast<double>(p))
    throw InvalidInput("field 'table': too few observations: " + std::to_string(n) + " for a model with " +
                       std::to_string(p) +
                       " parameters; the error needs at least one degree of freedom (replicate, or drop the "
                       "interaction)");
  {
    SpanTracker span(reg.cell_count());
    const Eigen::MatrixXd x = model_matrix(reg.cell_count(), terms);
    for (Eigen::Index j = 0; j < x.cols(); ++j)
      if (!span.try_add(reg.weighted(x.col(j))))
        throw InvalidInput(
            "field 'table': the observed combinations of levels do not connect the factors, so the "
            "main effects cannot be separated; add runs at the missing combinations");
  }

  r.glm = fit_glm(reg, terms, options.ss_type);
  const double mse = r.glm.error.ms;
  const Eigen::MatrixXd cov = r.glm.fit.r_inverse * r.glm.fit.r_inverse.transpose();
  for (std::size_t t = 0; t < terms.size(); ++t) {
    r.term_factors.push_back(terms[t].factors);
    std::vector<TermCoefficient> coefs;
    if (terms[t].factors.size() == 1) {
      const auto f = static_cast<std::size_t>(terms[t].factors[0]);
      const auto first = r.glm.first_column[t];
      const auto q = terms[t].columns.cols();
      for (Eigen::Index l = 0; l <= q; ++l) {
        // The last level's coefficient is minus the sum of the others.
        Eigen::VectorXd a = Eigen::VectorXd::Zero(cov.rows());
        if (l < q)
          a[first + l] = 1;
        else
          a.segment(first, q).setConstant(-1);
        TermCoefficient c;
        c.label = d.factor_names[f] + "=" + d.levels[f][static_cast<std::size_t>(l)];
        c.coef = a.dot(r.glm.fit.coef);
        c.se = r.glm.error.df > 0 ? std::sqrt(mse * a.dot(cov * a)) : kNaN;
        coefs.push_back(c);
      }
    }
    r.term_coefficients.push_back(std::move(coefs));
  }

  const auto &cs = reg.cells();
  r.grand_mean = cs.grand_mean;
  r.balanced = r.all_cells_present;
  for (std::size_t c = 0; c < cells.levels.size(); ++c) {
    r.cells.push_back(
        {cs.count[c], cs.mean[c], cs.count[c] > 1 ? std::sqrt(cs.ss_within[c] / (cs.count[c] - 1)) : kNaN});
    if (cs.count[c] != cs.count[0]) r.balanced = false;
  }
  if (k == 1) { // the cells are the levels: no second pass over the data
    r.level_stats.assign(1, std::vector<LevelStat>(d.levels[0].size()));
    for (std::size_t c = 0; c < cells.levels.size(); ++c) r.level_stats[0][cells.levels[c][0]] = r.cells[c];
  } else {
    r.level_stats = level_statistics(d);
  }
  r.cell_levels = std::move(cells.levels);
  return r;
}

} // namespace qloop::doe
