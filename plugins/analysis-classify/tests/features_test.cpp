// Features: folding, character n-grams over code points of mixed zh/en text,
// field tokens, and the tf-idf vector liblinear gets.
#include <algorithm>
#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include "features.hpp"
#include "vocabulary.hpp"

namespace qloop::classify {
namespace {

std::multiset<std::string> described(const Doc &doc, FieldKind only) {
  std::multiset<std::string> out;
  for (const auto &t : doc.terms)
    if (t.kind == only) out.insert(doc.describe(t));
  return out;
}

TEST(Normalize, FoldsFullWidthLowerCasesAndCollapsesSpace) {
  // Ｌｉｎｅ　ＳＴＯＰ，停线 typed with a full-width IME.
  EXPECT_EQ(normalize("  Ｌｉｎｅ　ＳＴＯＰ，停线\t\n OK  "), "line stop,停线 ok");
  EXPECT_EQ(normalize("ＰＳＵ－４５０Ｗ"), "psu-450w");
  // Only ASCII folds: Chinese, full-width CJK punctuation outside FF01-FF5E and ℃ stay.
  EXPECT_EQ(normalize("温度 ±2 ℃。"), "温度 ±2 ℃。");
}

TEST(Normalize, InvalidBytesBecomeReplacementAndTheCapCutsAtACharacter) {
  EXPECT_EQ(normalize(std::string("a\xff"
                                  "b")),
            "a\xEF\xBF\xBD"
            "b");
  // 焊 is three bytes: a cap of 4 keeps "a焊", never half of 点.
  EXPECT_EQ(normalize("a焊点", 4), "a焊");
}

TEST(Features, CharacterNGramsOfMixedChineseAndEnglish) {
  const FeatureExtractor fx;
  Doc doc;
  fx.extract({"虚焊 Cold", "", "", ""}, doc);
  EXPECT_EQ(doc.text, "虚焊 cold");
  // 7 code points: 6 unigrams (the lone space is skipped), 6 bigrams, 5 trigrams.
  const std::multiset<std::string> want = {
      "\"虚\"",    "\"焊\"",   "\"c\"",   "\"o\"",   "\"l\"",  "\"d\"",  // 1
      "\"虚焊\"",  "\"焊 \"",  "\" c\"",  "\"co\"",  "\"ol\"", "\"ld\"", // 2
      "\"虚焊 \"", "\"焊 c\"", "\" co\"", "\"col\"", "\"old\""};         // 3
  EXPECT_EQ(described(doc, FieldKind::ngram), want);
  for (const auto &t : doc.terms) EXPECT_EQ(t.count, 1u) << doc.describe(t);
}

TEST(Features, RepeatedNGramsAreCountedOnce) {
  const FeatureExtractor fx;
  Doc doc;
  fx.extract({"aaaa", "", "", ""}, doc);
  ASSERT_EQ(doc.terms.size(), 3u);
  std::map<std::string, std::uint32_t> counts;
  for (const auto &t : doc.terms) counts[doc.describe(t)] = t.count;
  EXPECT_EQ(counts["\"a\""], 4u);
  EXPECT_EQ(counts["\"aa\""], 3u);
  EXPECT_EQ(counts["\"aaa\""], 2u);
}

TEST(Features, FullWidthAndCaseGiveTheSameFeatures) {
  const FeatureExtractor fx;
  Doc a, b, c;
  fx.extract({"ＰＳＵ过热", "ＰＳＵ－４５０Ｗ", "Phone", ""}, a);
  fx.extract({"psu过热", "psu-450w", "phone", ""}, b);
  fx.extract({"PSU过热", "PSU-450W", "PHONE", ""}, c);
  auto buckets = [](const Doc &d) {
    std::vector<std::uint32_t> out;
    for (const auto &t : d.terms) out.push_back(t.bucket);
    return out;
  };
  EXPECT_EQ(buckets(a), buckets(b));
  EXPECT_EQ(buckets(b), buckets(c));
}

TEST(Features, FieldTokensAreTheirOwnFeaturesWithAProductFamily) {
  const FeatureExtractor fx;
  Doc doc;
  fx.extract({"psu", " PSU-450W ", "email", "Nordic Appliances AB"}, doc);
  EXPECT_EQ(described(doc, FieldKind::product_model), std::multiset<std::string>{"product_model=PSU-450W"});
  EXPECT_EQ(described(doc, FieldKind::product_family), std::multiset<std::string>{"product_family=PSU"});
  EXPECT_EQ(described(doc, FieldKind::channel), std::multiset<std::string>{"channel=email"});
  EXPECT_EQ(described(doc, FieldKind::customer), std::multiset<std::string>{"customer=Nordic Appliances AB"});
  // The trigram "psu" and the family token "psu" are different features.
  std::uint32_t ngram = 0, family = 1;
  for (const auto &t : doc.terms) {
    if (doc.describe(t) == "\"psu\"") ngram = t.bucket;
    if (t.kind == FieldKind::product_family) family = t.bucket;
  }
  EXPECT_NE(ngram, family);
  // An empty field gives no token.
  fx.extract({"psu", "", "  ", ""}, doc);
  EXPECT_TRUE(described(doc, FieldKind::product_model).empty());
  EXPECT_TRUE(described(doc, FieldKind::channel).empty());
}

TEST(Features, BucketsAreStableAcrossBuilds) {
  // A model file stores buckets: the hash must never change silently.
  const FeatureExtractor fx;
  Doc doc;
  fx.extract({"焊", "", "", ""}, doc);
  ASSERT_EQ(doc.terms.size(), 1u);
  EXPECT_EQ(doc.terms[0].bucket, 0x92f15u) << std::hex << doc.terms[0].bucket;
}

TEST(Vocabulary, TfIdfRowIsL2NormalisedWithBiasLast) {
  const FeatureExtractor fx;
  Doc d1, d2, d3;
  fx.extract({"ab", "", "", ""}, d1);
  fx.extract({"ab", "", "", ""}, d2);
  fx.extract({"ac", "", "", ""}, d3);
  const Vocabulary v = Vocabulary::fit({d1.terms, d2.terms, d3.terms}, 20, 1);
  EXPECT_EQ(v.size(), 5u); // a, b, c, ab, ac
  const Vocabulary v2 = Vocabulary::fit({d1.terms, d2.terms, d3.terms}, 20, 2);
  EXPECT_EQ(v2.size(), 3u); // a, b, ab: in two records or more
  // idf = ln((1+N)/(1+df)) + 1: "a" in all 3, "c" in 1.
  std::vector<feature_node> nodes;
  std::vector<std::uint32_t> term_of;
  v.vectorize(d3, nodes, term_of);
  ASSERT_EQ(nodes.size(), 3u + 2u); // a, c, ac, bias, terminator
  EXPECT_EQ(nodes[3].index, 6);
  EXPECT_EQ(nodes[3].value, 1.0);
  EXPECT_EQ(nodes[4].index, -1);
  double norm = 0;
  std::map<std::string, double> by_name;
  for (std::size_t k = 0; k < 3; ++k) {
    norm += nodes[k].value * nodes[k].value;
    by_name[d3.describe(d3.terms[term_of[k]])] = nodes[k].value;
    if (k > 0) {
      EXPECT_LT(nodes[k - 1].index, nodes[k].index);
    }
  }
  EXPECT_NEAR(norm, 1.0, 1e-12);
  const double idf_a = std::log(4.0 / 4.0) + 1, idf_c = std::log(4.0 / 2.0) + 1;
  EXPECT_NEAR(by_name["\"c\""] / by_name["\"a\""], idf_c / idf_a, 1e-12);
  EXPECT_NEAR(by_name["\"ac\""], by_name["\"c\""], 1e-12);
}

} // namespace
} // namespace qloop::classify
