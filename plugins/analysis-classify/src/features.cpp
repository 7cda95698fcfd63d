#include "features.hpp"

#include <algorithm>
#include <stdexcept>

namespace qloop::classify {
namespace {

// FNV-1a steps over whole code points, then a splitmix64 finish: fast,
// portable (plain 64-bit arithmetic, so a model trained on one machine reads
// the same on any other) and well mixed in the top bits the bucket uses.
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

inline std::uint64_t step(std::uint64_t h, std::uint32_t v) { return (h ^ v) * kFnvPrime; }

inline std::uint64_t finish(std::uint64_t h) {
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  return h ^ (h >> 31);
}

// A distinct seed per kind keeps the n-gram "psu" apart from the product token "psu".
inline std::uint64_t seed(FieldKind kind) { return step(kFnvOffset, 0x51100u + static_cast<unsigned>(kind)); }

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
         cp == 0x3000;
}

void append_utf8(std::string &out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Decodes one code point at s[i]; an invalid sequence is one byte of U+FFFD.
char32_t decode(std::string_view s, std::size_t &i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  const std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cc & 0x3F);
  }
  i += len;
  return cp;
}

char32_t fold(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0; // full-width ASCII
  if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
  return cp;
}

// normalize(), also giving the code points and their byte offsets.
void normalize_into(std::string_view in, std::size_t max_bytes, std::string &out, std::vector<char32_t> *cps,
                    std::vector<std::uint32_t> *offsets) {
  out.clear();
  bool pending_space = false;
  std::size_t i = 0;
  while (i < in.size() && i < max_bytes) {
    const char32_t cp = fold(decode(in, i));
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      if (cps) {
        cps->push_back(' ');
        offsets->push_back(static_cast<std::uint32_t>(out.size()));
      }
      out += ' ';
      pending_space = false;
    }
    if (cps) {
      cps->push_back(cp);
      offsets->push_back(static_cast<std::uint32_t>(out.size()));
    }
    append_utf8(out, cp);
  }
  if (offsets) offsets->push_back(static_cast<std::uint32_t>(out.size()));
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

} // namespace

void check(const FeatureOptions &o) {
  if (o.hash_bits < 10 || o.hash_bits > 24)
    throw std::invalid_argument("hash_bits must be 10..24, got " + std::to_string(o.hash_bits));
  if (o.ngram_min < 1 || o.ngram_max < o.ngram_min || o.ngram_max > 8)
    throw std::invalid_argument("n-gram range must be 1 <= min <= max <= 8, got " +
                                std::to_string(o.ngram_min) + ".." + std::to_string(o.ngram_max));
}

std::string normalize(std::string_view utf8, std::size_t max_bytes) {
  std::string out;
  normalize_into(utf8, max_bytes, out, nullptr, nullptr);
  return out;
}

std::string Doc::describe(const Term &t) const {
  if (t.kind == FieldKind::ngram)
    return "\"" + text.substr(offsets[t.start], offsets[t.start + t.len] - offsets[t.start]) + "\"";
  static constexpr const char *names[] = {"", "product_model", "product_family", "channel", "customer"};
  return std::string(names[static_cast<int>(t.kind)]) + "=" + fields[static_cast<int>(t.kind)];
}

void Doc::clear() {
  text.clear();
  code_points.clear();
  offsets.clear();
  for (auto &f : fields) f.clear();
  terms.clear();
}

FeatureExtractor::FeatureExtractor(FeatureOptions options) : options_(options) { check(options_); }

std::uint32_t FeatureExtractor::bucket_of(std::uint64_t hash) const {
  return static_cast<std::uint32_t>(finish(hash) >> (64 - options_.hash_bits));
}

void FeatureExtractor::add_field(Doc &doc, FieldKind kind, std::string_view raw) const {
  raw = trim(raw);
  if (raw.empty()) return;
  // Field values are compared folded, as the text is: "psu-450w" and
  // "PSU-450W" are one product.
  const std::string folded = normalize(raw, 256);
  std::uint64_t h = seed(kind);
  for (unsigned char c : folded) h = step(h, c);
  doc.terms.push_back({bucket_of(h), 1, 0, 0, kind});
  doc.fields[static_cast<int>(kind)] = std::string(raw.substr(0, 256));
  if (kind != FieldKind::product_model) return;
  // The family (PSU of PSU-450W) carries what a model learned about its
  // siblings over to a model number it has not seen. Cut the folded value,
  // so ＰＳＵ－４５０Ｗ has the family too; folding maps one code point to
  // one, so the same count of code points of `raw` is its family as typed.
  const std::size_t cut = folded.find_first_of("-_ /");
  if (cut == std::string::npos || cut == 0) return;
  std::size_t code_points = 0, end = 0;
  for (std::size_t i = 0; i < cut; ++i) code_points += (static_cast<unsigned char>(folded[i]) & 0xC0) != 0x80;
  for (std::size_t seen = 0; end < raw.size(); ++end) {
    if ((static_cast<unsigned char>(raw[end]) & 0xC0) != 0x80 && seen++ == code_points) break;
  }
  add_field(doc, FieldKind::product_family, raw.substr(0, end));
}

void FeatureExtractor::extract(const RecordView &record, Doc &doc) const {
  doc.clear();
  normalize_into(record.phenomenon, kMaxTextBytes, doc.text, &doc.code_points, &doc.offsets);
  const auto &cps = doc.code_points;
  const std::uint64_t base = seed(FieldKind::ngram);
  for (std::size_t i = 0; i < cps.size(); ++i) {
    // Extending one running hash gives every n-gram starting at i in one pass.
    std::uint64_t h = base;
    for (int n = 1; n <= options_.ngram_max && i + n <= cps.size(); ++n) {
      h = step(h, static_cast<std::uint32_t>(cps[i + n - 1]));
      if (n < options_.ngram_min) continue;
      if (n == 1 && cps[i] == ' ') continue; // a lone space says nothing
      doc.terms.push_back(
          {bucket_of(h), 1, static_cast<std::uint32_t>(i), static_cast<std::uint16_t>(n), FieldKind::ngram});
    }
  }
  add_field(doc, FieldKind::product_model, record.product_model);
  add_field(doc, FieldKind::channel, record.channel);
  add_field(doc, FieldKind::customer, record.customer);

  // One term per bucket, counted; the first occurrence names it, so a total
  // order (bucket, position, length, kind) in one 64-bit key makes
  // explanations deterministic and the sort cheap. Positions stay below
  // 2^24 (kMaxTextBytes), lengths below 32.
  auto &t = doc.terms;
  auto key = [](const Term &x) {
    return (std::uint64_t{x.bucket} << 32) | (std::uint64_t{x.start} << 8) | (std::uint64_t{x.len} << 3) |
           static_cast<std::uint64_t>(x.kind);
  };
  std::sort(t.begin(), t.end(), [&](const Term &a, const Term &b) { return key(a) < key(b); });
  std::size_t w = 0;
  for (std::size_t r = 0; r < t.size(); ++r) {
    if (w > 0 && t[w - 1].bucket == t[r].bucket)
      t[w - 1].count += t[r].count;
    else
      t[w++] = t[r];
  }
  t.resize(w);
}

} // namespace qloop::classify
