#include "variables_charts.hpp"

#include <cmath>
#include <limits>

#include <qloop/plugin.hpp>

#include "constants.hpp"
#include "stats.hpp"

namespace qloop::spc {
namespace {

using sdk::InvalidInput;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Montgomery's guidance: phase-I limits from fewer than 20-25 subgroups are
// unreliable. Below this the result carries a warning.
constexpr std::size_t kRecommendedPhase1 = 20;

std::string str(std::size_t n) { return std::to_string(n); }

void require_given_limits(const GivenLimits &g, const std::string &chart) {
  if (!g.ucl || !g.lcl)
    throw InvalidInput("field 'options.limits." + chart + "': needs 'center', 'ucl' and 'lcl'");
  if (!(*g.ucl > g.center && g.center >= *g.lcl))
    throw InvalidInput("field 'options.limits." + chart + "': must satisfy lcl <= center < ucl");
}

const GivenLimits *given_for(const LimitInputs &in, const std::string &chart) {
  auto it = in.given.find(chart);
  return it == in.given.end() ? nullptr : &it->second;
}

bool has_standard(const LimitInputs &in) { return in.mean.has_value() && in.sigma.has_value(); }

void warn_few(ChartSet &set, std::size_t phase1, const char *what) {
  if (phase1 < kRecommendedPhase1)
    set.warnings.push_back("only " + str(phase1) + " phase-I " + what +
                           "; limits from fewer than 20-25 are unreliable (Montgomery)");
}

void require_positive_sigma(double sigma, const std::string &field, const char *what) {
  if (!(sigma > 0) || !std::isfinite(sigma))
    throw InvalidInput("field '" + field + "': the phase-I " + what +
                       " are all zero, so sigma cannot be estimated (constant data?)");
}

} // namespace

std::size_t Phase1::count(std::size_t points) const {
  if (mask.empty()) return points;
  std::size_t c = 0;
  for (auto m : mask) c += m != 0;
  return c;
}

double sigma_from_moving_range(std::span<const double> values) {
  if (values.size() < 2) return kNaN;
  CompensatedSum s;
  for (std::size_t i = 1; i < values.size(); ++i) s.add(std::fabs(values[i] - values[i - 1]));
  return s.value() / static_cast<double>(values.size() - 1) / d2(2);
}

double sigma_from_ranges(const Subgroups &groups) {
  CompensatedSum s;
  for (std::size_t k = 0; k < groups.count(); ++k) s.add(range_of(groups.at(k)));
  return s.value() / static_cast<double>(groups.count()) / d2(static_cast<int>(groups.size_of(0)));
}

double sigma_from_sds(const Subgroups &groups) {
  CompensatedSum s;
  for (std::size_t k = 0; k < groups.count(); ++k) s.add(sample_sd(groups.at(k)));
  return s.value() / static_cast<double>(groups.count()) / c4(static_cast<int>(groups.size_of(0)));
}

double sigma_pooled(const Subgroups &groups) {
  CompensatedSum ss;
  std::size_t df = 0;
  for (std::size_t k = 0; k < groups.count(); ++k) {
    auto g = groups.at(k);
    if (g.size() < 2) continue;
    ss.add(sum_squared_deviations(g, mean(g)));
    df += g.size() - 1;
  }
  if (df == 0) return kNaN;
  return std::sqrt(ss.value() / static_cast<double>(df)) / c4(static_cast<int>(df + 1));
}

ChartSet build_imr(std::vector<double> values, const Phase1 &phase1, const LimitInputs &inputs,
                   const std::string &field) {
  const std::size_t n = values.size();
  if (n < 2)
    throw InvalidInput("field '" + field + "': an I-MR chart needs at least 2 values, got " + str(n));
  ChartSet set;
  set.type = "imr";
  set.points = n;
  set.phase1_points = phase1.count(n);
  const RangeConstants &k2 = range_constants(2);

  const GivenLimits *given_i = given_for(inputs, "i");
  const GivenLimits *given_mr = given_for(inputs, "mr");
  const bool standard = has_standard(inputs);
  const bool need_phase1 = !standard && (!given_i || !given_mr);

  // Phase-I estimates: the mean of the trial values and the mean of the
  // moving ranges whose two ends are both trial values.
  double center = kNaN, mr_bar = kNaN, sigma = kNaN;
  if (need_phase1) {
    CompensatedSum sum, mr_sum;
    std::size_t count = 0, mr_count = 0;
    if (phase1.mask.empty()) { // the common case, without a test per point
      for (double v : values) sum.add(v);
      for (std::size_t i = 1; i < n; ++i) mr_sum.add(std::fabs(values[i] - values[i - 1]));
      count = n;
      mr_count = n - 1;
    } else {
      for (std::size_t i = 0; i < n; ++i) {
        if (!phase1.includes(i)) continue;
        sum.add(values[i]);
        ++count;
        if (i > 0 && phase1.includes(i - 1)) {
          mr_sum.add(std::fabs(values[i] - values[i - 1]));
          ++mr_count;
        }
      }
    }
    if (mr_count == 0)
      throw InvalidInput("field '" + field + "': the phase-I set needs at least 2 consecutive values, got " +
                         str(count));
    center = sum.value() / static_cast<double>(count);
    mr_bar = mr_sum.value() / static_cast<double>(mr_count);
    sigma = mr_bar / k2.d2;
    require_positive_sigma(sigma, field, "moving ranges");
    warn_few(set, count, "values");
    set.statistics = {{"mean", center}, {"mr_bar", mr_bar}, {"phase1_moving_ranges", double(mr_count)}};
    set.sigma_within = sigma;
    set.sigma_method = "MR̄/d2(2)";
  } else {
    set.sigma_within = standard ? *inputs.sigma : kNaN;
    set.sigma_method = standard ? "standard" : "";
  }
  set.constants = {{"d2", k2.d2}, {"d3", k2.d3}, {"D3", k2.D3}, {"D4", k2.D4}, {"E2", k2.E2}};

  ChartSeries i_chart;
  i_chart.name = "i";
  i_chart.family = ChartFamily::location;
  ChartSeries mr_chart;
  mr_chart.name = "mr";
  mr_chart.family = ChartFamily::moving_range;
  mr_chart.first_number = 2;

  if (given_i) {
    require_given_limits(*given_i, "i");
    i_chart.limits =
        LimitSeries::constant(ControlLimits::from_limits(given_i->center, *given_i->ucl, *given_i->lcl));
    i_chart.source = LimitSource::given;
  } else if (standard) {
    i_chart.limits =
        LimitSeries::constant(ControlLimits::three_sigma(*inputs.mean, *inputs.sigma, -HUGE_VAL));
    i_chart.source = LimitSource::standard;
  } else {
    i_chart.limits = LimitSeries::constant(ControlLimits::three_sigma(center, sigma, -HUGE_VAL));
  }

  if (given_mr) {
    GivenLimits g = *given_mr;
    if (!g.lcl) g.lcl = 0.0;
    require_given_limits(g, "mr");
    mr_chart.limits = LimitSeries::constant(ControlLimits::from_limits(g.center, *g.ucl, *g.lcl));
    mr_chart.source = LimitSource::given;
  } else if (standard) {
    const double s = *inputs.sigma;
    mr_chart.limits = LimitSeries::constant({k2.d2 * s, k2.D2 * s, k2.D1 * s, k2.d3 * s, k2.d3 * s});
    mr_chart.source = LimitSource::standard;
  } else {
    const double sd_mr = k2.d3 * mr_bar / k2.d2;
    mr_chart.limits = LimitSeries::constant({mr_bar, k2.D4 * mr_bar, k2.D3 * mr_bar, sd_mr, sd_mr});
  }

  i_chart.values = std::move(values);
  // The vector's buffer stays put when the series moves into the set.
  mr_chart.moving_range_of = i_chart.values.data();
  mr_chart.moving_range_points = n - 1;
  set.charts.push_back(std::move(i_chart));
  set.charts.push_back(std::move(mr_chart));
  return set;
}

namespace {

struct SubgroupStats {
  std::vector<double> means, spread; // spread: range or sd per subgroup
};

SubgroupStats subgroup_stats(const Subgroups &groups, bool use_range) {
  SubgroupStats s;
  s.means.reserve(groups.count());
  s.spread.reserve(groups.count());
  for (std::size_t k = 0; k < groups.count(); ++k) {
    auto g = groups.at(k);
    s.means.push_back(mean(g));
    s.spread.push_back(use_range ? range_of(g) : sample_sd(g));
  }
  return s;
}

void require_subgroup_sizes(const Subgroups &groups, const std::string &field, const char *chart) {
  if (groups.count() < 2)
    throw InvalidInput("field '" + field + "': an " + std::string(chart) +
                       " chart needs at least 2 subgroups, got " + str(groups.count()));
  for (std::size_t k = 0; k < groups.count(); ++k)
    if (groups.size_of(k) < 2)
      throw InvalidInput("field '" + field + "': subgroup " + str(k + 1) + " has " + str(groups.size_of(k)) +
                         " value(s); an " + chart +
                         " chart needs at least 2 per subgroup (use chart=imr for single values)");
}

} // namespace

ChartSet build_xbar_r(const Subgroups &groups, const Phase1 &phase1, const LimitInputs &inputs,
                      const std::string &field) {
  require_subgroup_sizes(groups, field, "X̄-R");
  const std::size_t n = groups.size_of(0);
  for (std::size_t k = 1; k < groups.count(); ++k)
    if (groups.size_of(k) != n)
      throw InvalidInput("field '" + field +
                         "': the X̄-R chart needs subgroups of equal size; subgroup 1 has " + str(n) +
                         " values, subgroup " + str(k + 1) + " has " + str(groups.size_of(k)) +
                         " (use chart=xbar-s for unequal subgroups)");
  if (n > static_cast<std::size_t>(kMaxRangeSubgroup))
    throw InvalidInput("field '" + field + "': subgroups of " + str(n) +
                       " are too large for a range chart (at most " + std::to_string(kMaxRangeSubgroup) +
                       "); use chart=xbar-s");
  const RangeConstants &k = range_constants(static_cast<int>(n));
  const SdConstants ks = sd_constants(static_cast<int>(n));
  ChartSet set;
  set.type = "xbar-r";
  set.points = groups.count();
  set.phase1_points = phase1.count(set.points);
  if (n > 10)
    set.warnings.push_back("subgroups of " + str(n) +
                           ": the range loses efficiency beyond 10; consider chart=xbar-s");
  SubgroupStats st = subgroup_stats(groups, true);

  const GivenLimits *given_x = given_for(inputs, "xbar");
  const GivenLimits *given_r = given_for(inputs, "r");
  const bool standard = has_standard(inputs);
  double grand = kNaN, r_bar = kNaN;
  if (!standard && (!given_x || !given_r)) {
    CompensatedSum sm, sr;
    std::size_t count = 0;
    for (std::size_t g = 0; g < set.points; ++g)
      if (phase1.includes(g)) {
        sm.add(st.means[g]);
        sr.add(st.spread[g]);
        ++count;
      }
    if (count < 2)
      throw InvalidInput("field '" + field + "': the phase-I set needs at least 2 subgroups, got " +
                         str(count));
    grand = sm.value() / static_cast<double>(count);
    r_bar = sr.value() / static_cast<double>(count);
    set.sigma_within = r_bar / k.d2;
    require_positive_sigma(set.sigma_within, field, "ranges");
    set.sigma_method = "R̄/d2(" + str(n) + ")";
    set.statistics = {{"grand_mean", grand}, {"r_bar", r_bar}, {"subgroup_size", double(n)}};
    warn_few(set, count, "subgroups");
  } else {
    set.sigma_within = standard ? *inputs.sigma : kNaN;
    set.sigma_method = standard ? "standard" : "";
  }
  set.constants = {{"n", double(n)}, {"d2", k.d2}, {"d3", k.d3}, {"A2", k.A2}, {"D3", k.D3},
                   {"D4", k.D4},     {"A", ks.A},  {"D1", k.D1}, {"D2", k.D2}};

  ChartSeries x;
  x.name = "xbar";
  x.family = ChartFamily::location;
  ChartSeries r;
  r.name = "r";
  r.family = ChartFamily::dispersion;
  if (given_x) {
    require_given_limits(*given_x, "xbar");
    x.limits =
        LimitSeries::constant(ControlLimits::from_limits(given_x->center, *given_x->ucl, *given_x->lcl));
    x.source = LimitSource::given;
  } else if (standard) {
    x.limits =
        LimitSeries::constant(ControlLimits::three_sigma(*inputs.mean, ks.A * *inputs.sigma / 3, -HUGE_VAL));
    x.source = LimitSource::standard;
  } else {
    x.limits = LimitSeries::constant(ControlLimits::three_sigma(grand, k.A2 * r_bar / 3, -HUGE_VAL));
  }
  if (given_r) {
    GivenLimits g = *given_r;
    if (!g.lcl) g.lcl = 0.0;
    require_given_limits(g, "r");
    r.limits = LimitSeries::constant(ControlLimits::from_limits(g.center, *g.ucl, *g.lcl));
    r.source = LimitSource::given;
  } else if (standard) {
    const double s = *inputs.sigma;
    r.limits = LimitSeries::constant({k.d2 * s, k.D2 * s, k.D1 * s, k.d3 * s, k.d3 * s});
    r.source = LimitSource::standard;
  } else {
    const double sd_r = k.d3 * r_bar / k.d2;
    r.limits = LimitSeries::constant({r_bar, k.D4 * r_bar, k.D3 * r_bar, sd_r, sd_r});
  }
  x.values = std::move(st.means);
  r.values = std::move(st.spread);
  set.charts.push_back(std::move(x));
  set.charts.push_back(std::move(r));
  return set;
}

ChartSet build_xbar_s(const Subgroups &groups, const Phase1 &phase1, const LimitInputs &inputs,
                      const std::string &field) {
  require_subgroup_sizes(groups, field, "X̄-S");
  ChartSet set;
  set.type = "xbar-s";
  set.points = groups.count();
  set.phase1_points = phase1.count(set.points);
  bool equal = true;
  for (std::size_t k = 1; k < groups.count(); ++k) equal = equal && groups.size_of(k) == groups.size_of(0);
  SubgroupStats st = subgroup_stats(groups, false);

  const GivenLimits *given_x = given_for(inputs, "xbar");
  const GivenLimits *given_s = given_for(inputs, "s");
  const bool standard = has_standard(inputs);
  double grand = kNaN, s_bar = kNaN;
  if (!standard && (!given_x || !given_s)) {
    // Equal sizes: x̿ and s̄ are plain averages (Montgomery eq. 6.27-6.29).
    // Unequal sizes: x̿ weighted by n_i and s̄ pooled (Montgomery eq. 6.30-6.31).
    CompensatedSum sm, ss, weights, df;
    std::size_t count = 0;
    for (std::size_t g = 0; g < set.points; ++g) {
      if (!phase1.includes(g)) continue;
      const double ni = static_cast<double>(groups.size_of(g));
      ++count;
      if (equal) {
        sm.add(st.means[g]);
        ss.add(st.spread[g]);
      } else {
        sm.add(ni * st.means[g]);
        weights.add(ni);
        ss.add((ni - 1) * st.spread[g] * st.spread[g]);
        df.add(ni - 1);
      }
    }
    if (count < 2)
      throw InvalidInput("field '" + field + "': the phase-I set needs at least 2 subgroups, got " +
                         str(count));
    if (equal) {
      grand = sm.value() / static_cast<double>(count);
      s_bar = ss.value() / static_cast<double>(count);
      set.sigma_within = s_bar / c4(static_cast<int>(groups.size_of(0)));
      set.sigma_method = "s̄/c4(" + str(groups.size_of(0)) + ")";
    } else {
      grand = sm.value() / weights.value();
      s_bar = std::sqrt(ss.value() / df.value());
      set.sigma_within = s_bar / c4(static_cast<int>(df.value()) + 1);
      set.sigma_method = "pooled s/c4(Σ(n_i-1)+1)";
    }
    require_positive_sigma(set.sigma_within, field, "standard deviations");
    set.statistics = {{"grand_mean", grand}, {"s_bar", s_bar}};
    warn_few(set, count, "subgroups");
  } else {
    set.sigma_within = standard ? *inputs.sigma : kNaN;
    set.sigma_method = standard ? "standard" : "";
  }
  if (equal) {
    const SdConstants k = sd_constants(static_cast<int>(groups.size_of(0)));
    set.constants = {{"n", double(k.n)}, {"c4", k.c4}, {"A3", k.A3}, {"B3", k.B3},
                     {"B4", k.B4},       {"A", k.A},   {"B5", k.B5}, {"B6", k.B6}};
  }

  ChartSeries x;
  x.name = "xbar";
  x.family = ChartFamily::location;
  ChartSeries s;
  s.name = "s";
  s.family = ChartFamily::dispersion;
  // Limits for a subgroup of size ni under each source.
  auto x_limits = [&](std::size_t ni) {
    const SdConstants k = sd_constants(static_cast<int>(ni));
    if (standard) return ControlLimits::three_sigma(*inputs.mean, k.A * *inputs.sigma / 3, -HUGE_VAL);
    return ControlLimits::three_sigma(grand, k.A3 * s_bar / 3, -HUGE_VAL);
  };
  auto s_limits = [&](std::size_t ni) {
    const SdConstants k = sd_constants(static_cast<int>(ni));
    const double spread = std::sqrt(1 - k.c4 * k.c4);
    if (standard) {
      const double sg = *inputs.sigma;
      return ControlLimits{k.c4 * sg, k.B6 * sg, k.B5 * sg, spread * sg, spread * sg};
    }
    const double sd_s = spread * s_bar / k.c4;
    return ControlLimits{s_bar, k.B4 * s_bar, k.B3 * s_bar, sd_s, sd_s};
  };
  auto series_of = [&](auto &&limits_for) {
    if (equal) return LimitSeries::constant(limits_for(groups.size_of(0)));
    std::vector<ControlLimits> per;
    per.reserve(groups.count());
    for (std::size_t g = 0; g < groups.count(); ++g) per.push_back(limits_for(groups.size_of(g)));
    return LimitSeries::varying(std::move(per));
  };
  if (given_x) {
    require_given_limits(*given_x, "xbar");
    x.limits =
        LimitSeries::constant(ControlLimits::from_limits(given_x->center, *given_x->ucl, *given_x->lcl));
    x.source = LimitSource::given;
  } else {
    x.limits = series_of(x_limits);
    x.source = standard ? LimitSource::standard : LimitSource::phase1;
  }
  if (given_s) {
    GivenLimits g = *given_s;
    if (!g.lcl) g.lcl = 0.0;
    require_given_limits(g, "s");
    s.limits = LimitSeries::constant(ControlLimits::from_limits(g.center, *g.ucl, *g.lcl));
    s.source = LimitSource::given;
  } else {
    s.limits = series_of(s_limits);
    s.source = standard ? LimitSource::standard : LimitSource::phase1;
  }
  x.values = std::move(st.means);
  s.values = std::move(st.spread);
  set.charts.push_back(std::move(x));
  set.charts.push_back(std::move(s));
  return set;
}

} // namespace qloop::spc
