#include "design.hpp"

#include <algorithm>
#include <numeric>
#include <set>

#include <qloop/plugin.hpp>

#include "random_order.hpp"

namespace qloop::doe {
namespace {

using sdk::InvalidInput;

bool is_two_level(const DesignSpec &spec) {
  return std::all_of(spec.factors.begin(), spec.factors.end(),
                     [](const FactorSpec &f) { return f.levels.size() == 2; });
}

void check_common(const DesignSpec &spec) {
  if (spec.factors.empty()) throw InvalidInput("field 'options.factors': at least one factor is required");
  std::set<std::string> names;
  for (std::size_t j = 0; j < spec.factors.size(); ++j) {
    const auto &f = spec.factors[j];
    if (!names.insert(f.name).second)
      throw InvalidInput("field 'options.factors[" + std::to_string(j) + "].name': '" + f.name +
                         "' is used twice; factor names must be unique");
    if (f.levels.size() < 2)
      throw InvalidInput("field 'options.factors[" + std::to_string(j) + "].levels': factor '" + f.name +
                         "' needs at least 2 levels");
    std::set<std::string> labels;
    for (const auto &l : f.levels)
      if (!labels.insert(l.label).second)
        throw InvalidInput("field 'options.factors[" + std::to_string(j) + "].levels': level '" + l.label +
                           "' of factor '" + f.name + "' appears twice");
  }
  if (spec.replicates < 1) throw InvalidInput("field 'options.replicates': must be at least 1");
  if (spec.center_points < 0) throw InvalidInput("field 'options.center_points': must be 0 or more");
  if (spec.blocks < 1) throw InvalidInput("field 'options.blocks': must be at least 1");
}

// Coded levels of every factorial run of one replicate, in standard order.
std::vector<std::vector<int>> two_level_points(int k, const std::vector<Generator> &gens) {
  const int basic = k - static_cast<int>(gens.size());
  std::vector<std::vector<int>> points;
  for (std::size_t i = 0; i < (std::size_t{1} << basic); ++i) {
    std::vector<int> x(static_cast<std::size_t>(k), -1);
    for (int j = 0; j < basic; ++j) x[static_cast<std::size_t>(j)] = (i >> j) & 1 ? 1 : -1;
    for (const auto &g : gens) {
      int v = g.sign;
      for (int j = 0; j < basic; ++j)
        if (g.word & factor_bit(j)) v *= x[static_cast<std::size_t>(j)];
      x[static_cast<std::size_t>(g.factor)] = v;
    }
    points.push_back(std::move(x));
  }
  return points;
}

int block_of(const std::vector<int> &x, const std::vector<Word> &block_gens) {
  int block = 0;
  for (std::size_t i = 0; i < block_gens.size(); ++i) {
    int sign = 1;
    for (std::size_t j = 0; j < x.size(); ++j)
      if (block_gens[i] & factor_bit(static_cast<int>(j))) sign *= x[j];
    // The block holding run (1) (every factor low) is block 1, as in Montgomery.
    int reference = word_length(block_gens[i]) % 2 == 0 ? 1 : -1;
    if (sign != reference) block |= 1 << i;
  }
  return block;
}

std::vector<Generator> resolve_generators(const DesignSpec &spec, int k) {
  const int p = spec.p;
  if (p < 1 || p >= k - 1)
    throw InvalidInput("field 'options.p': a fraction 2^(k-p) of k = " + std::to_string(k) +
                       " factors needs 1 <= p <= k - 2 (at least two basic factors)");
  std::vector<std::string> texts = spec.generators;
  if (texts.empty()) {
    auto standard = standard_generators(k, p);
    if (!standard) {
      std::string have;
      for (int q : standard_fractions(k)) have += (have.empty() ? "" : ", ") + std::to_string(q);
      throw InvalidInput(
          "field 'options.generators': the standard table (Montgomery Table 8.14) has no 2^(" +
          std::to_string(k) + "-" + std::to_string(p) + ") design" +
          (have.empty() ? "" : " (it has p = " + have + " for k = " + std::to_string(k) + ")") +
          "; give the generators, e.g. [\"" + factor_letter(k - 1) + "=AB\"]");
    }
    texts = *standard;
  }
  if (static_cast<int>(texts.size()) != p)
    throw InvalidInput("field 'options.generators': a 2^(" + std::to_string(k) + "-" + std::to_string(p) +
                       ") design needs exactly " + std::to_string(p) + " generators, got " +
                       std::to_string(texts.size()));
  std::vector<Generator> gens;
  std::set<int> defined;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto g = parse_generator(texts[i], k, p, "options.generators[" + std::to_string(i) + "]");
    if (!defined.insert(g.factor).second)
      throw InvalidInput("field 'options.generators[" + std::to_string(i) + "]': factor " +
                         factor_letter(g.factor) + " is defined twice");
    gens.push_back(g);
  }
  std::sort(gens.begin(), gens.end(),
            [](const Generator &a, const Generator &b) { return a.factor < b.factor; });
  // Two generators with the same word would make two factors identical.
  for (std::size_t i = 0; i < gens.size(); ++i)
    for (std::size_t j = i + 1; j < gens.size(); ++j)
      if (gens[i].word == gens[j].word)
        throw InvalidInput("field 'options.generators': " + factor_letter(gens[i].factor) + " and " +
                           factor_letter(gens[j].factor) + " have the same generator " +
                           word_name(gens[i].word) + ", so the two factors could not be told apart");
  return gens;
}

void assign_run_order(Design &d, bool randomize) {
  // Randomise within each block; blocks are run one after another.
  std::mt19937_64 engine(d.seed);
  std::vector<DesignRun> ordered;
  ordered.reserve(d.runs.size());
  for (int b = 1; b <= d.block_count; ++b) {
    std::vector<DesignRun> in_block;
    for (const auto &r : d.runs)
      if (r.block == b) in_block.push_back(r);
    if (randomize) shuffle_in_place(in_block, engine);
    for (auto &r : in_block) ordered.push_back(std::move(r));
  }
  for (std::size_t i = 0; i < ordered.size(); ++i) ordered[i].run_order = static_cast<int>(i) + 1;
  d.runs = std::move(ordered);
}

long long checked_total(long long base, const DesignSpec &spec, int block_groups) {
  long long centre = static_cast<long long>(spec.center_points) * std::max(1, block_groups);
  long long total = base * spec.replicates + centre;
  if (base > kMaxDesignRuns || total > kMaxDesignRuns)
    throw InvalidInput("field 'options': the design would have " + std::to_string(total) + " runs; at most " +
                       std::to_string(kMaxDesignRuns) + " are supported");
  return total;
}

Design build_two_level(const DesignSpec &spec) {
  Design d;
  d.two_level = true;
  d.k = static_cast<int>(spec.factors.size());
  if (d.k > kMaxLetterFactors)
    throw InvalidInput("field 'options.factors': at most " + std::to_string(kMaxLetterFactors) +
                       " two-level factors are supported (one letter each, A..Z without I)");
  if (spec.fractional) {
    d.generators = resolve_generators(spec, d.k);
    d.p = spec.p;
  }
  if ((1LL << (d.k - d.p)) > kMaxDesignRuns)
    throw InvalidInput("field 'options.factors': 2^" + std::to_string(d.k - d.p) +
                       " runs are too many (at most " + std::to_string(kMaxDesignRuns) +
                       "); use a fraction (option p)");
  d.defining = defining_words(d.generators);
  d.resolution = resolution(d.defining);
  d.word_length_pattern = word_length_pattern(d.defining, d.k);
  const int max_order = std::clamp(spec.alias_order, 1, d.k);
  d.aliases = alias_chains(d.defining, d.k, max_order);
  if (d.k <= 12) d.full_aliases = alias_chains(d.defining, d.k, d.k);

  auto points = two_level_points(d.k, d.generators);
  d.base_runs = static_cast<int>(points.size());

  int bits = 0;
  while ((1 << bits) < spec.blocks) ++bits;
  if ((1 << bits) != spec.blocks)
    throw InvalidInput("field 'options.blocks': a two-level design is blocked in a power of 2 blocks, got " +
                       std::to_string(spec.blocks));
  if (spec.blocks > 1 && spec.blocks * 2 > d.base_runs)
    throw InvalidInput("field 'options.blocks': " + std::to_string(spec.blocks) + " blocks of a " +
                       std::to_string(d.base_runs) + "-run design leave fewer than 2 runs per block");
  if (bits > 0) d.block_plan = choose_block_generators(d.k, d.p, d.defining, bits);

  const bool blocked_replicates = spec.blocks > 1 || spec.block_by_replicate;
  const int block_groups = blocked_replicates ? spec.replicates * spec.blocks : 1;
  if (spec.center_points > 0)
    for (std::size_t j = 0; j < spec.factors.size(); ++j)
      for (const auto &l : spec.factors[j].levels)
        if (!l.value)
          throw InvalidInput("field 'options.center_points': factor '" + spec.factors[j].name +
                             "' has a text level ('" + l.label + "'); centre points need numeric levels");
  checked_total(d.base_runs, spec, block_groups);
  d.block_count = block_groups;

  int std_order = 0;
  auto add_centres = [&](int block, int replicate) {
    for (int c = 0; c < spec.center_points; ++c) {
      DesignRun run;
      run.std_order = ++std_order;
      run.block = block;
      run.replicate = replicate;
      run.center = true;
      run.level.assign(static_cast<std::size_t>(d.k), -1);
      run.coded.assign(static_cast<std::size_t>(d.k), 0);
      d.runs.push_back(std::move(run));
    }
  };
  for (int r = 1; r <= spec.replicates; ++r) {
    for (int b = 0; b < spec.blocks; ++b) {
      const int block = blocked_replicates ? (r - 1) * spec.blocks + b + 1 : 1;
      for (const auto &x : points) {
        if (block_of(x, d.block_plan.generators) != b) continue;
        DesignRun run;
        run.std_order = ++std_order;
        run.block = block;
        run.replicate = r;
        run.coded = x;
        for (int v : x) run.level.push_back(v > 0 ? 1 : 0);
        d.runs.push_back(std::move(run));
      }
      if (blocked_replicates) add_centres(block, r);
    }
  }
  if (!blocked_replicates) add_centres(1, 1);
  return d;
}

Design build_general(const DesignSpec &spec) {
  Design d;
  d.k = static_cast<int>(spec.factors.size());
  if (spec.fractional)
    throw InvalidInput("field 'options.p': fractional factorials need every factor at exactly 2 levels");
  if (spec.center_points > 0)
    throw InvalidInput("field 'options.center_points': centre points need every factor at 2 numeric levels");
  if (spec.blocks > 1)
    throw InvalidInput(
        "field 'options.blocks': a general (multi-level) factorial is blocked only by replicate; "
        "use block_by_replicate=true");
  long long base = 1;
  for (const auto &f : spec.factors) {
    base *= static_cast<long long>(f.levels.size());
    if (base > kMaxDesignRuns)
      throw InvalidInput("field 'options.factors': the full factorial has more than " +
                         std::to_string(kMaxDesignRuns) + " runs");
  }
  d.base_runs = static_cast<int>(base);
  checked_total(base, spec, spec.block_by_replicate ? spec.replicates : 1);
  d.block_count = spec.block_by_replicate ? spec.replicates : 1;
  int std_order = 0;
  for (int r = 1; r <= spec.replicates; ++r)
    for (long long i = 0; i < base; ++i) {
      DesignRun run;
      run.std_order = ++std_order;
      run.replicate = r;
      run.block = spec.block_by_replicate ? r : 1;
      long long rest = i;
      for (const auto &f : spec.factors) { // first factor changes fastest
        auto n = static_cast<long long>(f.levels.size());
        run.level.push_back(static_cast<int>(rest % n));
        rest /= n;
      }
      d.runs.push_back(std::move(run));
    }
  return d;
}

} // namespace

Design build_design(const DesignSpec &spec) {
  check_common(spec);
  Design d = is_two_level(spec) ? build_two_level(spec) : build_general(spec);
  d.seed = spec.seed;
  assign_run_order(d, spec.randomize);
  return d;
}

} // namespace qloop::doe
