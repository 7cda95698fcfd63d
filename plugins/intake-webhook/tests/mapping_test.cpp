// The webhook mapping: pointers into items, keys that are stable across
// re-deliveries, and every item either a record or a rejection with a reason.
#include <gtest/gtest.h>

#include "webhook_mapping.hpp"

using nlohmann::json;
using namespace qloop::webhook;

TEST(WebhookMapping, ParsesPairsAndRefusesWhatIsNotAFieldOrPointer) {
  auto m = parse_mapping("customer=/a/b;\n phenomenon = /text ; quantity_affected=/n");
  EXPECT_EQ(m.fields.at("customer").to_string(), "/a/b");
  EXPECT_EQ(m.fields.size(), 3u);
  EXPECT_THROW(parse_mapping("customer=/a; phenomenon=/t; colour=/c"), std::invalid_argument);
  EXPECT_THROW(parse_mapping("customer=a; phenomenon=/t"), std::invalid_argument);
  EXPECT_THROW(parse_mapping("customer=/a"), std::invalid_argument); // phenomenon unmapped
  EXPECT_THROW(parse_mapping("customer"), std::invalid_argument);
  EXPECT_NO_THROW(parse_mapping(kDefaultMapping));
}

TEST(WebhookMapping, ItemsBecomeRecordsWithThePayloadKept) {
  auto m = parse_mapping("source_key=/id; customer=/c/name; phenomenon=/t; quantity_affected=/q; lot=/lot");
  m.items = json::json_pointer("/items");
  m.channel = "social";
  json payload = {
      {"items",
       {{{"id", 7}, {"c", {{"name", " ACME "}}}, {"t", "cracked housing"}, {"q", "5"}, {"lot", 42}}}}};
  auto out = convert(payload, m, "2026-03-02T00:00:00Z", "h");
  ASSERT_EQ(out.records.size(), 1u);
  const auto &r = out.records[0];
  EXPECT_EQ(r["source_key"], "webhook:7");
  EXPECT_EQ(r["customer"], "ACME");
  EXPECT_EQ(r["quantity_affected"], 5);
  EXPECT_EQ(r["lot"], "42");
  EXPECT_EQ(r["channel"], "social");
  EXPECT_EQ(r["received_at"], "2026-03-02T00:00:00Z");
  EXPECT_EQ(r["extra"]["payload"], payload["items"][0]);
}

TEST(WebhookMapping, ItemsWithoutAnIdAreKeyedByThePayloadSoRedeliveryIsNotNew) {
  auto m = parse_mapping("source_key=/id; customer=/c; phenomenon=/t");
  json payload = json::array({{{"c", "A"}, {"t", "x"}}, {{"c", "B"}, {"t", "y"}}});
  auto a = convert(payload, m, "2026-03-02T00:00:00Z", "abc");
  auto b = convert(payload, m, "2026-03-03T00:00:00Z", "abc");
  ASSERT_EQ(a.records.size(), 2u);
  EXPECT_EQ(a.records[0]["source_key"], "webhook:sha256:abc:0");
  EXPECT_EQ(a.records[1]["source_key"], "webhook:sha256:abc:1");
  EXPECT_EQ(a.records[1]["source_key"], b.records[1]["source_key"]);
}

TEST(WebhookMapping, WhatCannotBeReadIsRejectedWithAReason) {
  auto m = parse_mapping("customer=/c; phenomenon=/t");
  m.items = json::json_pointer("/items");
  auto none = convert(json{{"other", 1}}, m, "2026-03-02T00:00:00Z", "h");
  ASSERT_EQ(none.rejected.size(), 1u);
  EXPECT_NE(none.rejected[0].reason.find("nothing at /items"), std::string::npos);
  auto mixed =
      convert(json{{"items", json::array({1, {{"c", "A"}, {"t", "x"}}})}}, m, "2026-03-02T00:00:00Z", "h");
  EXPECT_EQ(mixed.records.size(), 1u);
  ASSERT_EQ(mixed.rejected.size(), 1u);
  EXPECT_EQ(mixed.rejected[0].raw, "1");
}
