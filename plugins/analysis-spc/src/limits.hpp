// Control limits of one chart, constant or one set per point (p and u charts
// and X̄-S charts with unequal sample sizes).
#pragma once

#include <cstddef>
#include <vector>

namespace qloop::spc {

// Where a chart's limits came from.
enum class LimitSource {
  phase1,   // estimated from the phase-I (trial) subgroups
  given,    // centre and limits passed in the request (phase II)
  standard, // computed from a known process mean/sigma or p, c, u (phase II)
};
const char *source_name(LimitSource s);

struct ControlLimits {
  double center = 0;
  double ucl = 0;
  double lcl = 0;
  // One sigma of the plotted statistic above and below the centre line. Equal
  // for estimated limits; for given asymmetric limits each is a third of the
  // distance to its limit. The lower one is not shrunk when the LCL is clipped
  // at zero, so zone lines keep their meaning.
  double sigma_up = 0;
  double sigma_down = 0;

  // Symmetric limits center ± 3 sigma, the lower clipped at `floor`.
  static ControlLimits three_sigma(double center, double sigma, double floor);
  // From a centre and two limits (sigma = a third of each distance).
  static ControlLimits from_limits(double center, double ucl, double lcl);
};

// The boundaries the rules compare against, precomputed per point.
struct Zones {
  double center, up1, up2, ucl, down1, down2, lcl;
  static Zones of(const ControlLimits &l) {
    return {l.center, l.center + l.sigma_up,   l.center + 2 * l.sigma_up,
            l.ucl,    l.center - l.sigma_down, l.center - 2 * l.sigma_down,
            l.lcl};
  }
};

class LimitSeries {
public:
  LimitSeries() = default;
  static LimitSeries constant(const ControlLimits &l) {
    LimitSeries s;
    s.single_ = l;
    return s;
  }
  static LimitSeries varying(std::vector<ControlLimits> per_point) {
    LimitSeries s;
    s.per_point_ = std::move(per_point);
    return s;
  }
  bool is_constant() const { return per_point_.empty(); }
  const ControlLimits &at(std::size_t i) const { return per_point_.empty() ? single_ : per_point_[i]; }
  // The common limits of a constant series (the first point's otherwise).
  const ControlLimits &first() const { return per_point_.empty() ? single_ : per_point_.front(); }

private:
  ControlLimits single_;
  std::vector<ControlLimits> per_point_;
};

} // namespace qloop::spc
