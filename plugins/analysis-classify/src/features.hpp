// Text and field features of one complaint: hashed character n-grams of the
// phenomenon over Unicode code points, plus one token per field value.
//
// Character n-grams need no word segmentation, which Chinese text lacks, and
// they survive the typos and half-width/full-width mixes of typed complaints.
// Hashing keeps the feature space fixed without a dictionary at extraction
// time; a trained model maps the buckets it saw to compact indices
// (vocabulary.hpp), so unknown n-grams at prediction simply drop out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qloop::classify {

// Only this much of a phenomenon is read: a pasted e-mail thread says what
// went wrong in its first pages, and the cap bounds the time per record.
inline constexpr std::size_t kMaxTextBytes = 16 * 1024;

struct FeatureOptions {
  int hash_bits = 20; // 2^20 buckets: few collisions for a ledger's vocabulary
  int ngram_min = 1;
  int ngram_max = 3;
};

// Checks the ranges a model file may carry; throws std::invalid_argument.
void check(const FeatureOptions &options);

// Folds a text for matching and features: full-width ASCII (U+FF01-FF5E) to
// half-width and U+3000 to a space, ASCII to lower case, any run of white
// space to one space, trimmed. Invalid UTF-8 bytes become U+FFFD. Reads at
// most `max_bytes` of the input (cut at a character boundary).
std::string normalize(std::string_view utf8, std::size_t max_bytes = kMaxTextBytes);

// The fields besides the text that become tokens.
enum class FieldKind : std::uint8_t { ngram = 0, product_model, product_family, channel, customer };

struct RecordView {
  std::string_view phenomenon, product_model, channel, customer;
};

// One distinct feature of a record. `start`/`len` locate the first
// occurrence of an n-gram in the normalized text (code points); field
// tokens use `kind` instead.
struct Term {
  std::uint32_t bucket = 0;
  std::uint32_t count = 0;
  std::uint32_t start = 0;
  std::uint16_t len = 0;
  FieldKind kind = FieldKind::ngram;
};

// The features of one record, reused between records to keep allocations
// off the hot path.
class Doc {
public:
  std::string text;                   // normalized phenomenon (UTF-8)
  std::vector<char32_t> code_points;  // of `text`
  std::vector<std::uint32_t> offsets; // byte offset of each code point, plus the end
  std::string fields[5];              // display values, indexed by FieldKind
  std::vector<Term> terms;            // sorted by bucket, one per bucket

  // What a term stands for, for explanations: "焊点" or product_model=PSU-450W.
  std::string describe(const Term &t) const;
  void clear();
};

class FeatureExtractor {
public:
  explicit FeatureExtractor(FeatureOptions options = {});
  const FeatureOptions &options() const { return options_; }
  void extract(const RecordView &record, Doc &out) const;

private:
  std::uint32_t bucket_of(std::uint64_t hash) const;
  void add_field(Doc &doc, FieldKind kind, std::string_view raw) const;

  FeatureOptions options_;
};

} // namespace qloop::classify
