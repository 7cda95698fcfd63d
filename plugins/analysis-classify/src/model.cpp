#include "model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>

#include <qloop/plugin.hpp>

namespace qloop::classify {
namespace {

constexpr std::size_t kExplainMin = 3, kExplainMax = 5; // pieces shown
constexpr std::size_t kExplainCandidates = 40;          // the strongest features looked at
constexpr std::uint32_t kExplainSpan = 12;              // code points a merged piece may cover

void quiet(const char *) {}

// liblinear prints its iterations to stdout unless told otherwise; a plugin
// must not write there (the host may be printing JSON on it).
void silence_liblinear() {
  static std::once_flag once;
  std::call_once(once, [] { set_print_string_function(&quiet); });
}

std::string signed2(double v) {
  char buf[32];
  buf[0] = v < 0 ? '-' : '+';
  const auto r = std::to_chars(buf + 1, buf + sizeof buf, std::fabs(v), std::chars_format::fixed, 2);
  return std::string(buf, r.ptr);
}

} // namespace

void TargetModel::index_classes() {
  column_of_class.assign(labels.size(), -1);
  for (int k = 0; k < linear->nr_class; ++k) {
    const int id = linear->label[k];
    if (id >= 0 && static_cast<std::size_t>(id) < labels.size()) column_of_class[id] = k;
  }
}

bool ModelSet::any() const {
  return std::any_of(targets.begin(), targets.end(), [](const auto &t) { return t.has_value(); });
}

ModelSet train_models(const Records &records, const std::vector<std::size_t> &rows,
                      const TrainOptions &options, std::array<TargetReport, kTargetCount> &report) {
  silence_liblinear();
  ModelSet set;
  set.options = options;
  set.records = rows.size();
  const FeatureExtractor extractor(options.features);

  // Only the terms of each record are kept (not its text), and each list
  // is dropped once it became liblinear's row: a large ledger trains in
  // little more memory than liblinear's own copy of the rows.
  std::vector<std::vector<Term>> terms(rows.size());
  Doc doc;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    extractor.extract(records.view(rows[i]), doc);
    terms[i] = doc.terms;
  }
  // Idf from every training record, labelled or not: how common an n-gram
  // is does not depend on the label.
  set.vocabulary = Vocabulary::fit(terms, options.features.hash_bits, options.min_df);

  std::vector<std::vector<feature_node>> x(rows.size());
  std::vector<std::uint32_t> term_of;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    set.vocabulary.vectorize(terms[i], x[i], term_of);
    std::vector<Term>().swap(terms[i]);
  }

  for (Target t : kTargets) {
    TargetReport &rep = report[index_of(t)];
    rep = {};
    if (!records.has_labels(t)) {
      rep.reason = std::string("no ") + label_column(t) + " column";
      continue;
    }
    std::vector<std::size_t> used; // positions in rows
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (!records.label(t, rows[i]).empty()) {
        used.push_back(i);
        ++rep.class_counts[records.label(t, rows[i])];
      }
    rep.labelled = used.size();
    if (rep.class_counts.size() < 2) {
      rep.reason = rep.class_counts.empty()
                       ? std::string("no labelled rows")
                       : "only one class (" + rep.class_counts.begin()->first + ") among the labelled rows";
      continue;
    }
    TargetModel tm;
    std::map<std::string, int> id_of; // alphabetical ids: the same data give the same files
    for (const auto &[name, count] : rep.class_counts) {
      id_of[name] = static_cast<int>(tm.labels.size());
      tm.labels.push_back(name);
    }
    std::vector<double> y(used.size());
    std::vector<feature_node *> xs(used.size());
    for (std::size_t k = 0; k < used.size(); ++k) {
      y[k] = id_of[records.label(t, rows[used[k]])];
      xs[k] = x[used[k]].data();
    }
    problem prob{};
    prob.l = static_cast<int>(used.size());
    prob.n = static_cast<int>(set.vocabulary.size()) + 1; // + the bias feature
    prob.y = y.data();
    prob.x = xs.data();
    prob.bias = 1.0;
    parameter param{};
    param.solver_type = L2R_LR; // primal Newton: deterministic, and probabilities come with it
    param.eps = 0.01;
    param.C = options.C;
    param.p = 0.1;
    if (const char *bad = check_parameter(&prob, &param))
      throw sdk::Error(QLOOP_ERR_INTERNAL, std::string("liblinear: ") + bad);
    tm.linear.reset(train(&prob, &param));
    if (!tm.linear) throw sdk::Error(QLOOP_ERR_NO_MEMORY, "liblinear: training failed");
    tm.class_counts = rep.class_counts;
    tm.trained_on = used.size();
    tm.index_classes();
    set.targets[index_of(t)] = std::move(tm);
    rep.trained = true;
  }
  return set;
}

Decision predict(const TargetModel &target, Scratch &s) {
  const model &m = *target.linear;
  s.probabilities.resize(static_cast<std::size_t>(m.nr_class));
  const int id = static_cast<int>(predict_probability(&m, s.nodes.data(), s.probabilities.data()));
  const int column = target.column_of_class.at(static_cast<std::size_t>(id));
  Decision d;
  d.value = target.labels.at(static_cast<std::size_t>(id));
  d.confidence = std::round(s.probabilities[column] * 1e4) / 1e4;
  d.by = "model";

  s.contributions.clear();
  const int nr_w = (m.nr_class == 2 && m.param.solver_type != MCSVM_CS) ? 1 : m.nr_class;
  const double sign = nr_w == 1 && column == 1 ? -1.0 : 1.0; // two classes share one vector
  const std::size_t stride = static_cast<std::size_t>(nr_w),
                    offset = nr_w == 1 ? 0 : static_cast<std::size_t>(column);
  for (std::size_t k = 0; k < s.term_of.size(); ++k) {
    const double c =
        sign * m.w[static_cast<std::size_t>(s.nodes[k].index - 1) * stride + offset] * s.nodes[k].value;
    if (c > 0) s.contributions.emplace_back(c, static_cast<std::uint32_t>(k));
  }
  // Ties broken by position, so the same record always reads the same.
  auto stronger = [](const auto &a, const auto &b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  const std::size_t head = std::min(s.contributions.size(), kExplainCandidates);
  std::partial_sort(s.contributions.begin(), s.contributions.begin() + static_cast<std::ptrdiff_t>(head),
                    s.contributions.end(), stronger);

  // "la", "lat", "ate" and " la" are one word to a reader: going down the
  // strongest features, an n-gram that overlaps a piece already taken joins
  // it (the stretch of text grows, the contributions add up); one that does
  // not starts a new piece, until there are kExplainMax pieces. A Latin
  // n-gram stands for its whole word ("ved l" reads "arrived late");
  // Chinese has no spaces to snap to. Field tokens are pieces of their own.
  const auto &cps = s.doc.code_points;
  auto latin = [&](std::uint32_t i) {
    const char32_t c = cps[i];
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); // the text is folded to lower case
  };
  struct Piece {
    double c;
    std::uint32_t start, end; // code points; end == start: a field token
    std::uint32_t term;
  };
  std::vector<Piece> pieces;
  for (std::size_t i = 0; i < head && pieces.size() < kExplainMax; ++i) {
    const std::uint32_t k = s.term_of[s.contributions[i].second];
    const Term &t = s.doc.terms[k];
    Piece p{s.contributions[i].first, 0, 0, k};
    if (t.kind == FieldKind::ngram) {
      p.start = t.start;
      p.end = t.start + t.len;
      while (p.start > 0 && latin(p.start) && latin(p.start - 1)) --p.start;
      while (p.end < cps.size() && latin(p.end - 1) && latin(p.end)) ++p.end;
      // Absorb every piece it overlaps (it may bridge two), unless that
      // grows a piece past a phrase: then the candidate says nothing new.
      std::uint32_t lo = p.start, hi = p.end;
      bool overlaps = false;
      for (const Piece &q : pieces)
        if (q.end > q.start && p.start < q.end && q.start < p.end) {
          lo = std::min(lo, q.start);
          hi = std::max(hi, q.end);
          overlaps = true;
        }
      if (overlaps && hi - lo > kExplainSpan) continue;
      for (std::size_t j = 0; j < pieces.size();) {
        const Piece &q = pieces[j];
        if (q.end > q.start && p.start < q.end && q.start < p.end) {
          p.start = std::min(p.start, q.start);
          p.end = std::max(p.end, q.end);
          p.c += q.c;
          pieces.erase(pieces.begin() + static_cast<std::ptrdiff_t>(j));
        } else {
          ++j;
        }
      }
    }
    pieces.push_back(p);
  }
  std::stable_sort(pieces.begin(), pieces.end(), [](const Piece &a, const Piece &b) { return a.c > b.c; });
  for (std::size_t i = 0; i < pieces.size() && i < kExplainMax; ++i) {
    const Piece &p = pieces[i];
    // Three always; a fourth and fifth only when they matter next to the first.
    if (i >= kExplainMin && p.c < 0.1 * pieces[0].c) break;
    const auto &off = s.doc.offsets;
    std::string name;
    if (p.end == p.start) {
      name = s.doc.describe(s.doc.terms[p.term]);
    } else {
      std::string_view text(s.doc.text);
      text = text.substr(off[p.start], off[p.end] - off[p.start]);
      // Separators at the ends were part of an n-gram, not of the words.
      auto separator = [](std::string_view t, bool back) {
        for (std::string_view sep :
             {" ", ",", ";", ".", ":", "!", "?", "/", "\xE3\x80\x82", "\xE3\x80\x81"}) // 。、
          if (t.size() > sep.size() && (back ? t.ends_with(sep) : t.starts_with(sep))) return sep.size();
        return std::size_t{0};
      };
      while (std::size_t n = separator(text, false)) text.remove_prefix(n);
      while (std::size_t n = separator(text, true)) text.remove_suffix(n);
      name = "\"" + std::string(text) + "\"";
    }
    d.explanation += (d.explanation.empty() ? "" : ", ") + name + " " + signed2(p.c);
  }
  if (d.explanation.empty()) d.explanation = "no distinctive feature; the class prior decided";
  return d;
}

} // namespace qloop::classify
