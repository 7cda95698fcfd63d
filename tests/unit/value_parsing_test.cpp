#include <gtest/gtest.h>

#include "core/config/value_parsing.hpp"

using namespace qloop::config;

TEST(ValueParsing, IntegersMustBeWholeAndClean) {
  EXPECT_EQ(parse_int(" 42 "), 42);
  EXPECT_EQ(parse_int("-7"), -7);
  EXPECT_FALSE(parse_int("4.2"));
  EXPECT_FALSE(parse_int("42abc"));
  EXPECT_FALSE(parse_int(""));
  EXPECT_FALSE(parse_int("99999999999999999999999"));
}

TEST(ValueParsing, DoublesRejectTrailingTextAndNonFinite) {
  EXPECT_DOUBLE_EQ(*parse_double("2.5e3"), 2500.0);
  EXPECT_FALSE(parse_double("2.5 m"));
  EXPECT_FALSE(parse_double("inf"));
  EXPECT_FALSE(parse_double("nan"));
}

TEST(ValueParsing, BooleansAcceptTheUsualSpellings) {
  for (const char *t : {"true", "YES", "on", "1"}) EXPECT_EQ(parse_bool(t), true) << t;
  for (const char *f : {"false", "No", "off", "0"}) EXPECT_EQ(parse_bool(f), false) << f;
  EXPECT_FALSE(parse_bool("maybe"));
}

TEST(ValueParsing, ListsAreTrimmedAndSkipEmpties) {
  auto items = split_list(" a, b ,,c ", ',');
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0], "a");
  EXPECT_EQ(items[1], "b");
  EXPECT_EQ(items[2], "c");
  EXPECT_EQ(trim("  \t x y \n"), "x y");
  EXPECT_EQ(trim("   "), "");
}
