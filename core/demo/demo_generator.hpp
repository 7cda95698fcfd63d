// Realistic synthetic ledgers for demos and benchmarks: the category mix and
// figures of the brief (product quality 35%, service 28%, logistics 22%,
// other 15%; about 3-day cycles; 98% first responses in time; few major
// complaints; 80% of complaints on two products; recurrences), Chinese and
// English phenomenon texts, several customers, products and lots.
#pragma once

#include <cstdint>
#include <random>

#include "core/domain/time.hpp"
#include "core/workflow/complaint_file.hpp"

namespace qloop::demo {

class DemoGenerator {
public:
  // Complaints spread over `years` years ending at `end`.
  DemoGenerator(std::uint64_t seed, double years, domain::Timestamp end, std::int64_t count);

  // The next complaint file, complete with its history up to `end`.
  workflow::ComplaintFile next();

private:
  std::mt19937_64 rng_;
  std::uint64_t seed_;
  domain::Timestamp start_, end_;
  std::int64_t count_, made_ = 0;
  double uniform();
  template <class T, std::size_t N> const T &pick(const T (&items)[N]);
};

} // namespace qloop::demo
