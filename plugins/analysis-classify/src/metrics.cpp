#include "metrics.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace qloop::classify {

Scores score(const std::vector<std::string> &truth, const std::vector<std::string> &predicted) {
  Scores s;
  std::set<std::string> names, in_truth;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    names.insert(truth[i]);
    in_truth.insert(truth[i]);
    if (predicted[i].empty())
      s.has_undecided = true;
    else
      names.insert(predicted[i]);
  }
  s.labels.assign(names.begin(), names.end());
  std::map<std::string, std::size_t> at;
  for (std::size_t k = 0; k < s.labels.size(); ++k) at[s.labels[k]] = k;
  const std::size_t none = s.labels.size();
  s.confusion.assign(s.labels.size(),
                     std::vector<std::size_t>(s.labels.size() + (s.has_undecided ? 1 : 0), 0));
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const std::size_t col = predicted[i].empty() ? none : at[predicted[i]];
    ++s.confusion[at[truth[i]]][col];
  }

  s.total = truth.size();
  double f1_sum = 0;
  for (std::size_t k = 0; k < s.labels.size(); ++k) {
    ClassScore c;
    c.name = s.labels[k];
    c.correct = s.confusion[k][k];
    for (std::size_t j = 0; j < s.confusion[k].size(); ++j) c.support += s.confusion[k][j];
    for (std::size_t r = 0; r < s.labels.size(); ++r) c.predicted += s.confusion[r][k];
    c.precision = c.predicted ? static_cast<double>(c.correct) / c.predicted : 0.0;
    c.recall = c.support ? static_cast<double>(c.correct) / c.support : 0.0;
    c.f1 = c.precision + c.recall > 0 ? 2 * c.precision * c.recall / (c.precision + c.recall) : 0.0;
    s.correct += c.correct;
    if (in_truth.count(c.name)) f1_sum += c.f1;
    s.classes.push_back(c);
  }
  s.accuracy = s.total ? static_cast<double>(s.correct) / s.total : 0.0;
  s.macro_f1 = in_truth.empty() ? 0.0 : f1_sum / static_cast<double>(in_truth.size());
  return s;
}

namespace {

struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
};

} // namespace

Split split_rows(const Records &records, double test_fraction, std::uint64_t seed) {
  const std::vector<std::string> *key = nullptr;
  for (Target t : kTargets)
    if (records.has_labels(t)) {
      key = &records.labels[index_of(t)];
      break;
    }
  std::map<std::string, std::vector<std::size_t>> strata;
  for (std::size_t r = 0; r < records.size(); ++r) strata[key ? (*key)[r] : std::string()].push_back(r);

  SplitMix64 rng{seed};
  Split out;
  for (auto &[name, rows] : strata) {
    for (std::size_t i = rows.size(); i > 1; --i)
      std::swap(rows[i - 1], rows[rng.next() % i]); // Fisher-Yates
    auto take = static_cast<std::size_t>(std::llround(test_fraction * static_cast<double>(rows.size())));
    take = std::min(take, rows.size() - 1); // a class must stay learnable
    out.test.insert(out.test.end(), rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(take));
    out.train.insert(out.train.end(), rows.begin() + static_cast<std::ptrdiff_t>(take), rows.end());
  }
  std::sort(out.train.begin(), out.train.end());
  std::sort(out.test.begin(), out.test.end());
  return out;
}

} // namespace qloop::classify
