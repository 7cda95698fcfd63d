#include "random_order.hpp"

namespace qloop::doe {

std::uint64_t uniform_below(std::mt19937_64 &engine, std::uint64_t n) {
  if (n <= 1) return 0;
  const std::uint64_t threshold = (~n + 1) % n; // 2^64 mod n
  for (;;) {
    std::uint64_t x = engine();
    if (x >= threshold) return x % n;
  }
}

std::uint64_t fresh_seed() {
  std::random_device device;
  // 53 bits, so the seed survives a trip through any JSON reader as a number.
  const std::uint64_t seed =
      (static_cast<std::uint64_t>(device()) << 32) ^ static_cast<std::uint64_t>(device());
  return seed & ((std::uint64_t{1} << 53) - 1);
}

} // namespace qloop::doe
