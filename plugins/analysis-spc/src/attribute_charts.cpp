#include "attribute_charts.hpp"

#include <cmath>
#include <limits>

#include <qloop/plugin.hpp>

#include "stats.hpp"

namespace qloop::spc {
namespace {

using sdk::InvalidInput;

std::string str(std::size_t n) { return std::to_string(n); }

bool is_whole(double v) { return std::floor(v) == v; }

void validate(const std::string &chart, const AttributeData &d) {
  const bool binomial = chart == "p" || chart == "np";
  const std::size_t n = d.counts.size();
  if (n < 2)
    throw InvalidInput("field '" + d.count_field + "': a " + chart + " chart needs at least 2 samples, got " +
                       str(n));
  if (chart != "c" && d.sizes.size() != n)
    throw InvalidInput("field '" + d.size_field + "': the " + chart +
                       " chart needs a sample size for every sample");
  for (std::size_t i = 0; i < n; ++i) {
    const double c = d.counts[i];
    if (c < 0 || !is_whole(c))
      throw InvalidInput("field '" + d.count_field + "' (sample " + str(i + 1) +
                         "): must be a whole number >= 0, got " + std::to_string(c));
    if (d.sizes.empty()) continue;
    const double s = d.sizes[i];
    if (!(s > 0)) throw InvalidInput("field '" + d.size_field + "' (sample " + str(i + 1) + "): must be > 0");
    if (binomial && !is_whole(s))
      throw InvalidInput("field '" + d.size_field + "' (sample " + str(i + 1) +
                         "): the number of items inspected must be a whole number");
    if (binomial && c > s)
      throw InvalidInput("field '" + d.count_field + "' (sample " + str(i + 1) +
                         "): more nonconforming items than items inspected");
  }
}

bool sizes_equal(const std::vector<double> &sizes) {
  for (double s : sizes)
    if (s != sizes.front()) return false;
  return true;
}

} // namespace

ChartSet build_attribute_chart(const std::string &chart, const AttributeData &data, const Phase1 &phase1,
                               const LimitInputs &inputs) {
  validate(chart, data);
  const std::size_t n = data.counts.size();
  const bool equal = data.sizes.empty() || sizes_equal(data.sizes);
  if (chart == "np" && !equal)
    throw InvalidInput(
        "field '" + data.size_field +
        "': the np chart needs equal sample sizes; use chart=p for samples of different sizes");
  if (chart == "c" && !equal)
    throw InvalidInput(
        "field '" + data.size_field +
        "': the c chart needs equal inspection units; use chart=u for samples of different sizes");

  ChartSet set;
  set.type = chart;
  set.points = n;
  set.phase1_points = phase1.count(n);
  set.sigma_within = std::numeric_limits<double>::quiet_NaN();

  ChartSeries series;
  series.name = chart;
  series.family = ChartFamily::attribute;
  series.values.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    series.values[i] = (chart == "p" || chart == "u") ? data.counts[i] / data.sizes[i] : data.counts[i];

  auto given = inputs.given.find(chart);
  if (given != inputs.given.end() && given->second.ucl && given->second.lcl) {
    const auto &g = given->second;
    if (!(*g.ucl > g.center && g.center >= *g.lcl))
      throw InvalidInput("field 'options.limits." + chart + "': must satisfy lcl <= center < ucl");
    series.limits = LimitSeries::constant(ControlLimits::from_limits(g.center, *g.ucl, *g.lcl));
    series.source = LimitSource::given;
    set.charts.push_back(std::move(series));
    return set;
  }

  // The centre: p̄ = ΣD/Σn (p, np), c̄ = mean count (c), ū = Σc/Σn (u), from
  // the phase-I samples, or the standard value given in the request.
  double rate = 0;
  if (given != inputs.given.end()) {
    rate = chart == "np" ? given->second.center / data.sizes.front() : given->second.center;
    series.source = LimitSource::given;
  } else if (inputs.attribute_value) {
    rate = *inputs.attribute_value;
    series.source = LimitSource::standard;
  } else {
    CompensatedSum counts, sizes;
    std::size_t used = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (!phase1.includes(i)) continue;
      counts.add(data.counts[i]);
      sizes.add(data.sizes.empty() ? 1.0 : data.sizes[i]);
      ++used;
    }
    if (used < 2)
      throw InvalidInput("field '" + data.count_field + "': the phase-I set needs at least 2 samples, got " +
                         str(used));
    rate = chart == "c" ? counts.value() / static_cast<double>(used) : counts.value() / sizes.value();
    set.statistics = {{chart == "c" ? "c_bar" : (chart == "u" ? "u_bar" : "p_bar"), rate},
                      {"phase1_count_total", counts.value()},
                      {"phase1_size_total", sizes.value()}};
    if (used < 20)
      set.warnings.push_back("only " + str(used) +
                             " phase-I samples; limits from fewer than 20-25 are unreliable");
  }
  const bool binomial = chart == "p" || chart == "np";
  if (!(rate > 0) || (binomial && !(rate < 1)))
    throw InvalidInput("field '" + data.count_field + "': the " +
                       std::string(binomial ? "proportion" : "rate") + " nonconforming is " +
                       std::to_string(rate) + ", so the limits collapse; a " + chart + " chart needs " +
                       (binomial ? "0 < p < 1" : "a rate > 0"));

  auto limits_for = [&](double size) {
    if (chart == "p") return ControlLimits::three_sigma(rate, std::sqrt(rate * (1 - rate) / size), 0.0);
    if (chart == "np")
      return ControlLimits::three_sigma(size * rate, std::sqrt(size * rate * (1 - rate)), 0.0);
    if (chart == "u") return ControlLimits::three_sigma(rate, std::sqrt(rate / size), 0.0);
    return ControlLimits::three_sigma(rate, std::sqrt(rate), 0.0); // c
  };
  if (equal) {
    series.limits = LimitSeries::constant(limits_for(data.sizes.empty() ? 1.0 : data.sizes.front()));
  } else {
    std::vector<ControlLimits> per;
    per.reserve(n);
    for (double s : data.sizes) per.push_back(limits_for(s));
    series.limits = LimitSeries::varying(std::move(per));
  }
  set.charts.push_back(std::move(series));
  return set;
}

} // namespace qloop::spc
