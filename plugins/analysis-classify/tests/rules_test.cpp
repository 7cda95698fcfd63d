// Rules: parsing the INI file, first match per target, field globs,
// exclusions, the literal fast path, and clear configuration errors.
#include <regex>

#include <gtest/gtest.h>
#include <qloop/plugin.hpp>

#include "rules.hpp"
#include "test_support.hpp"

namespace qloop::classify {
namespace {

const char *kRules = R"(; intake rules for the tests
[rule.safety]          ; rules are tried in file order
text = 起火|冒烟|烧毁|fire|smoke|burn|shock|触电
exclude = 未起火|no smoke
severity = critical
confidence = 0.98

[rule.psu_heat]
product = PSU-*
text = 过热|overheat
severity = major
category = product_quality
department = rd
confidence = 0.9

[rule.line_stop]
text = 停线|line (is |was )?(stopped|down)
severity = critical
category = product_quality

[rule.social]
channel = social|weibo
severity = major
confidence = 0.7

[rule.delay]
text = 交货延迟|late delivery
category = logistics
subcategory = delay
department = supply_chain
customer = *汽车*|Rhein*
)";

RowDecisions apply(const RuleSet &rules, const RecordView &r) {
  RowDecisions out;
  rules.apply(normalize(r.phenomenon), r, out);
  return out;
}

std::string config_error(const std::string &ini) {
  try {
    RuleSet::parse(ini, "rules_file test.ini");
  } catch (const sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_CONFIG) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error for:\n" << ini;
  return {};
}

TEST(Rules, ParseKeepsFileOrderAndValues) {
  const RuleSet rules = RuleSet::parse(kRules, "test");
  ASSERT_EQ(rules.size(), 5u);
  EXPECT_EQ(rules.rules()[0].name, "safety");
  EXPECT_EQ(rules.rules()[4].name, "delay");
  EXPECT_DOUBLE_EQ(rules.rules()[0].confidence, 0.98);
  EXPECT_DOUBLE_EQ(rules.rules()[2].confidence, 1.0);
  EXPECT_EQ(*rules.rules()[1].sets[index_of(Target::department)], "rd");
  EXPECT_TRUE(rules.rules()[0].text->literal());
  EXPECT_FALSE(rules.rules()[2].text->literal());
}

TEST(Rules, FirstMatchWinsPerTarget) {
  const RuleSet rules = RuleSet::parse(kRules, "test");
  // safety and psu_heat both match: severity from safety (first), category
  // and department from psu_heat (safety does not set them).
  auto d = apply(rules, {"PSU 过热后冒烟", "PSU-450W", "phone", "x"});
  ASSERT_TRUE(d[index_of(Target::severity)]);
  EXPECT_EQ(d[index_of(Target::severity)]->value, "critical");
  EXPECT_EQ(d[index_of(Target::severity)]->by, "rule:safety");
  EXPECT_EQ(d[index_of(Target::severity)]->confidence, 0.98);
  EXPECT_EQ(d[index_of(Target::severity)]->explanation, "text matched \"冒烟\"");
  ASSERT_TRUE(d[index_of(Target::category)]);
  EXPECT_EQ(d[index_of(Target::category)]->by, "rule:psu_heat");
  EXPECT_EQ(d[index_of(Target::department)]->value, "rd");
  EXPECT_NE(d[index_of(Target::department)]->explanation.find("product_model PSU-450W ~ PSU-*"),
            std::string::npos)
      << d[index_of(Target::department)]->explanation;
  EXPECT_FALSE(d[index_of(Target::subcategory)]);

  // Not a PSU: psu_heat does not apply; line_stop gives the category, the
  // social channel rule comes too late for severity.
  d = apply(rules, {"Overheat, LINE IS DOWN", "MOTOR-M3", "social", "x"});
  EXPECT_EQ(d[index_of(Target::severity)]->value, "critical");
  EXPECT_EQ(d[index_of(Target::severity)]->by, "rule:line_stop");
  EXPECT_EQ(d[index_of(Target::severity)]->explanation, "text matched \"line is down\"");
  EXPECT_EQ(d[index_of(Target::category)]->by, "rule:line_stop");
  EXPECT_FALSE(d[index_of(Target::department)]);

  // Only the channel matches: severity major from the field rule alone.
  d = apply(rules, {"外观划伤", "LED-D9", "Weibo", "x"});
  EXPECT_EQ(d[index_of(Target::severity)]->value, "major");
  EXPECT_EQ(d[index_of(Target::severity)]->explanation, "channel Weibo ~ social|weibo");
  EXPECT_FALSE(d[index_of(Target::category)]);
}

TEST(Rules, DecidedTargetsAreLeftAlone) {
  const RuleSet rules = RuleSet::parse(kRules, "test");
  RowDecisions out;
  out[index_of(Target::severity)] = Decision{"minor", 0.5, "earlier", ""};
  EXPECT_EQ(rules.apply(normalize("冒烟"), {"冒烟", "", "", ""}, out), 0u);
  EXPECT_EQ(out[index_of(Target::severity)]->value, "minor");
}

TEST(Rules, ExcludeAndFieldGlobs) {
  const RuleSet rules = RuleSet::parse(kRules, "test");
  // "未起火" is excluded even though 起火 matches.
  EXPECT_FALSE(apply(rules, {"外壳发热,未起火", "LED-D9", "phone", ""})[index_of(Target::severity)]);
  // Globs: *汽车* on a Chinese name, Rhein* case-insensitively, no customer: no match.
  EXPECT_TRUE(apply(rules, {"交货延迟 3 天", "", "", "华东汽车电子有限公司"})[index_of(Target::category)]);
  EXPECT_TRUE(apply(rules, {"late delivery", "", "", "RHEIN Automotive GmbH"})[index_of(Target::category)]);
  EXPECT_FALSE(apply(rules, {"late delivery", "", "", "Nordic Appliances AB"})[index_of(Target::category)]);
  EXPECT_FALSE(apply(rules, {"late delivery", "", "", ""})[index_of(Target::category)]);
  // ? is one character, also a Chinese one.
  const RuleSet q = RuleSet::parse("[rule.q]\ncustomer = 苏州??仪器\nseverity = minor\n", "test");
  EXPECT_TRUE(apply(q, {"", "", "", "苏州精密仪器"})[index_of(Target::severity)]);
  EXPECT_FALSE(apply(q, {"", "", "", "苏州精仪器"})[index_of(Target::severity)]);
}

TEST(Rules, FullWidthTextMatchesHalfWidthPattern) {
  const RuleSet rules = RuleSet::parse(kRules, "test");
  EXPECT_EQ(apply(rules, {"ＦＩＲＥ at the site", "", "", ""})[index_of(Target::severity)]->value,
            "critical");
}

TEST(Rules, LiteralFastPathAgreesWithTheRegexEngine) {
  const std::vector<std::string> patterns = {"起火|冒烟|fire|smoke", "late delivery|交货延迟", "b|ab|abc"};
  const std::vector<std::string> texts = {"smoke and fire", "客户反馈冒烟,随后起火", "no match", "xabcx",
                                          "交货延迟 late delivery"};
  for (const auto &p : patterns) {
    const TextPattern fast(p);
    ASSERT_TRUE(fast.literal());
    const std::regex re(p, std::regex::ECMAScript | std::regex::icase);
    for (const auto &t : texts) {
      std::smatch m;
      const bool found = std::regex_search(t, m, re);
      const auto got = fast.search(t);
      ASSERT_EQ(got.has_value(), found) << p << " on " << t;
      if (found) {
        EXPECT_EQ(std::string(*got), m.str(0)) << p << " on " << t;
      }
    }
  }
}

TEST(Rules, BadRegexIsAConfigErrorNamingRuleAndKey) {
  const std::string msg = config_error("[rule.safety]\ntext = fire|(smoke\nseverity = critical\n");
  EXPECT_NE(msg.find("rules_file test.ini line 1 [rule.safety]: text: invalid regex \"fire|(smoke\""),
            std::string::npos)
      << msg;
}

TEST(Rules, OtherConfigErrors) {
  EXPECT_NE(config_error("[rule.a]\ntext = x\nseverity = urgent\n")
                .find("[rule.a]: severity: \"urgent\" is not a severity"),
            std::string::npos);
  EXPECT_NE(config_error("[rule.a]\ntext = x\ncategory = quality\n")
                .find("category: \"quality\" is not a category"),
            std::string::npos);
  EXPECT_NE(config_error("[rule.a]\ntext = x\ncolour = red\n").find("[rule.a]: colour: unknown key"),
            std::string::npos);
  EXPECT_NE(config_error("[rule.a]\ntext = x\n").find("[rule.a]: sets nothing"), std::string::npos);
  EXPECT_NE(config_error("[rule.a]\nseverity = major\n").find("[rule.a]: has no condition"),
            std::string::npos);
  EXPECT_NE(config_error("\n\n[rules]\ntext = x\nseverity = major\n")
                .find("line 3 [rules]: only [rule.NAME] sections"),
            std::string::npos);
  EXPECT_NE(config_error("[rule.a]\ntext = fire|\nseverity = major\n")
                .find("text: \"fire|\" matches an empty text"),
            std::string::npos);
  EXPECT_NE(config_error("[rule.a]\ntext = (x)?\nseverity = major\n").find("matches an empty text"),
            std::string::npos);
  EXPECT_NE(config_error("[rule.a]\ntext = x\nseverity = major\nconfidence = 1.5\n")
                .find("confidence: must be a number in (0, 1]"),
            std::string::npos);
  EXPECT_NE(config_error("[rule.a]\ntext = x\nseverity = major\ntext = y\n")
                .find("rules_file test.ini line 4: duplicate key name"),
            std::string::npos);
  EXPECT_NE(config_error("severity = major\n[rule.a]\ntext = x\nseverity = major\n")
                .find("outside a [rule.NAME] section"),
            std::string::npos);
}

TEST(Rules, MissingFileIsAConfigError) {
  try {
    RuleSet::load_file("/nonexistent/classify-rules.ini");
    FAIL() << "no error";
  } catch (const sdk::Error &e) {
    EXPECT_EQ(e.status(), QLOOP_ERR_CONFIG);
    EXPECT_NE(std::string(e.what()).find("rules_file: cannot read /nonexistent/classify-rules.ini"),
              std::string::npos);
  }
}

// The rules shipped in config/ load, and decide the demo ledger's texts as
// a CQE would.
TEST(Rules, BundledRulesFile) {
  const RuleSet rules = RuleSet::load_file(CLASSIFY_BUNDLED_RULES);
  EXPECT_GE(rules.size(), 15u);
  struct Case {
    const char *text, *product, *channel;
    const char *category, *subcategory, *severity, *department;
  };
  const Case cases[] = {
      {"交货延迟 5 天,客户产线待料", "PCBA-X100", "phone", "logistics", "delay", nullptr, "supply_chain"},
      {"Cartons crushed in transit; 12 units with broken housings", "PSU-450W", "email", "logistics",
       "damage", nullptr, "logistics"},
      {"发错型号,收到 X200 而非 X100", "PCBA-X100", "phone", "logistics", "wrong_shipment", nullptr,
       "logistics"},
      {"Labels show the wrong lot number", "LED-D9", "email", "logistics", "labeling", nullptr, "logistics"},
      {"客服响应慢,投诉三天无人回复", "PCBA-X100", "phone", "service", "response", nullptr,
       "customer_service"},
      {"Customer service agent was dismissive on the phone", "", "phone", "service", "attitude", nullptr,
       "customer_service"},
      {"出货检验报告缺失,客户无法入库", "", "email", "service", "documentation", nullptr, "customer_service"},
      {"发票金额与订单不符", "", "email", "other", "billing", nullptr, "customer_service"},
      {"客户要求提供 RoHS 证明", "", "email", "other", "other", nullptr, "customer_service"},
      {"焊点虚焊,上电后间歇性失效,抽检 200 pcs 发现 18 pcs 焊点开裂", "PCBA-X100", "phone", "product_quality",
       "welding", nullptr, "production"},
      {"Scratches and dents on the front panel, 6 of 50 units", "", "email", "product_quality", "appearance",
       nullptr, "production"},
      {"Wrong resin grade used; parts crack at -20 °C", "", "email", "product_quality", "material", nullptr,
       "purchasing"},
      {"现场冒烟,客户产线停线", "PSU-450W", "phone", nullptr, nullptr, "critical", nullptr},
      {"Customer line stopped, 整批不良", "PCBA-X100", "phone", nullptr, nullptr, "critical", nullptr},
      {"同一批次整批不良", "PCBA-X100", "phone", nullptr, nullptr, "major", nullptr},
      {"PSU 外壳发烫", "PSU-450W", "phone", nullptr, nullptr, "critical", "rd"},
      {"外壳发烫,未起火", "LED-D9", "social", nullptr, nullptr, nullptr, nullptr}, // excluded; not a PSU
      {"The incident report is attached", "", "email", nullptr, nullptr, nullptr, nullptr}, // not "dent"
  };
  for (const auto &c : cases) {
    const auto d = apply(rules, {c.text, c.product, c.channel, ""});
    auto value = [&](Target t) { return d[index_of(t)] ? d[index_of(t)]->value : std::string("(none)"); };
    auto want = [](const char *v) { return std::string(v ? v : "(none)"); };
    EXPECT_EQ(value(Target::category), want(c.category)) << c.text;
    EXPECT_EQ(value(Target::subcategory), want(c.subcategory)) << c.text;
    EXPECT_EQ(value(Target::severity), want(c.severity)) << c.text;
    EXPECT_EQ(value(Target::department), want(c.department)) << c.text;
  }
}

} // namespace
} // namespace qloop::classify
