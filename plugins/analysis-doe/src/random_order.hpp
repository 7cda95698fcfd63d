// Reproducible randomisation. The engine is std::mt19937_64, whose output
// sequence the C++ standard fixes for a seed; the standard library's
// distributions (and so std::shuffle) are implementation-defined, so the
// bounded draw and the shuffle are written out here to give the same run order
// for the same seed on every platform and compiler.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace qloop::doe {

// A uniform integer in [0, n), n >= 1: draw x from the engine, redraw while
// x < (2^64 mod n), return x mod n (no modulo bias).
std::uint64_t uniform_below(std::mt19937_64 &engine, std::uint64_t n);

// Fisher-Yates (Durstenfeld): for i = size-1 down to 1, swap items i and
// uniform_below(i + 1).
template <class T> void shuffle_in_place(std::vector<T> &items, std::mt19937_64 &engine) {
  for (std::size_t i = items.size(); i > 1; --i) {
    auto j = static_cast<std::size_t>(uniform_below(engine, i));
    std::swap(items[i - 1], items[j]);
  }
}

// A fresh seed from std::random_device, for when the user gives none (the
// result reports it so the order can be reproduced).
std::uint64_t fresh_seed();

} // namespace qloop::doe
