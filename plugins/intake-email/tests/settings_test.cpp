#include <cstdio>
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "settings.hpp"

namespace {

using namespace qloop::intake_email;

Settings read(const std::map<std::string, std::string> &values) {
  return read_settings([&](const char *k) -> std::optional<std::string> {
    auto it = values.find(k);
    if (it == values.end()) return std::nullopt;
    return it->second;
  });
}

TEST(Settings, Defaults) {
  const Settings s = read({});
  EXPECT_EQ(s.channel, "email");
  EXPECT_EQ(s.after.kind, After::Kind::Seen);
  EXPECT_EQ(s.tls, TlsMode::Require);
  EXPECT_TRUE(s.tls_verify);
  EXPECT_EQ(s.customer_from, CustomerFrom::Domain);
  EXPECT_EQ(s.fallback_charsets, (std::vector<std::string>{"utf-8", "gb18030"}));
  EXPECT_TRUE(s.cut_quoted);
}

TEST(Settings, After) {
  EXPECT_EQ(parse_after("seen").kind, After::Kind::Seen);
  EXPECT_EQ(parse_after("delete").kind, After::Kind::Delete);
  const After move = parse_after(" move:Processed ");
  EXPECT_EQ(move.kind, After::Kind::Move);
  EXPECT_EQ(move.folder, "Processed");
  EXPECT_EQ(move.describe(), "move:Processed");
  EXPECT_THROW(parse_after("move:"), std::invalid_argument);
  EXPECT_THROW(parse_after("move:已处理"), std::invalid_argument); // needs modified UTF-7
  EXPECT_THROW(parse_after("archive"), std::invalid_argument);
}

TEST(Settings, ErrorsNameTheKey) {
  auto message = [](const std::map<std::string, std::string> &v) {
    try {
      read(v);
    } catch (const std::invalid_argument &e) {
      return std::string(e.what());
    }
    return std::string();
  };
  EXPECT_EQ(message({{"tls", "maybe"}}).rfind("tls:", 0), 0u);
  EXPECT_EQ(message({{"customer_from", "map"}}).rfind("customer_from:", 0), 0u);
  EXPECT_EQ(message({{"max_messages", "0"}}).rfind("max_messages:", 0), 0u);
  EXPECT_EQ(message({{"password_file", "/nonexistent/pw"}}).rfind("password_file:", 0), 0u);
}

TEST(Settings, PasswordFileWinsAndLosesItsNewline) {
  const std::string path = ::testing::TempDir() + "email-password.txt";
  std::ofstream(path) << "s3cret\r\nsecond line\n";
  const Settings s = read({{"password", "other"}, {"password_file", path}, {"tls", "off"}});
  EXPECT_EQ(s.password, "s3cret");
  EXPECT_EQ(s.tls, TlsMode::Off);
  std::remove(path.c_str());
}

} // namespace
