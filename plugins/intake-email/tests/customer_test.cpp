#include <gtest/gtest.h>

#include "customer.hpp"

namespace {

using namespace qloop::intake_email;

const char *kMap = "\xEF\xBB\xBF# domain = customer\n"
                   "huadong-auto.com = 华东汽车电子有限公司\n"
                   "; a comment\n\n"
                   "@taiyuan-tech.com.tw = 台元科技股份有限公司\n"
                   "Buyer@Beifang-Heavy.com = 北方重工（采购）\n";

TEST(Customer, MapFile) {
  const auto map = CustomerRule::parse_map(kMap);
  EXPECT_EQ(map.size(), 3u);
  EXPECT_EQ(map.at("taiyuan-tech.com.tw"), "台元科技股份有限公司");
  EXPECT_EQ(map.at("buyer@beifang-heavy.com"), "北方重工（采购）");
  EXPECT_THROW(CustomerRule::parse_map("no equals sign"), std::invalid_argument);
  EXPECT_THROW(CustomerRule::parse_map("x.com ="), std::invalid_argument);
}

TEST(Customer, MapWinsByAddressDomainAndParentDomain) {
  const CustomerRule rule(CustomerFrom::Domain, CustomerRule::parse_map(kMap));
  EXPECT_EQ(rule.resolve("wang.zhe@huadong-auto.com", "王喆").customer, "华东汽车电子有限公司");
  EXPECT_EQ(rule.resolve("qa@mail.HUADONG-auto.com", "").customer, "华东汽车电子有限公司");
  EXPECT_EQ(rule.resolve("buyer@beifang-heavy.com", "").customer, "北方重工（采购）");
  EXPECT_EQ(rule.resolve("logistics@beifang-heavy.com", "北方重工 物流部").customer, "beifang-heavy.com");
}

TEST(Customer, NameAndMapRules) {
  const CustomerRule by_name(CustomerFrom::Name, {});
  EXPECT_EQ(by_name.resolve("a@x.com", "北方重工 物流部").customer, "北方重工 物流部");
  EXPECT_EQ(by_name.resolve("a@x.com", "").customer, "x.com");
  const CustomerRule strict(CustomerFrom::Map, CustomerRule::parse_map(kMap));
  const auto miss = strict.resolve("a@unknown.cn", "");
  EXPECT_TRUE(miss.customer.empty());
  EXPECT_EQ(miss.problem, "customer: sender domain 'unknown.cn' is not in customer_map");
  EXPECT_FALSE(CustomerRule().resolve("local-only", "").problem.empty());
}

} // namespace
