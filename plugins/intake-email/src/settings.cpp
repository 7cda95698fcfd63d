#include "settings.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace qloop::intake_email {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

std::size_t positive(const std::optional<std::string> &v, std::size_t fallback, const char *key) {
  if (!v || trim(*v).empty()) return fallback;
  try {
    std::size_t used = 0;
    const long long n = std::stoll(*v, &used);
    if (used == v->size() && n > 0) return static_cast<std::size_t>(n);
  } catch (const std::exception &) {
  }
  throw std::invalid_argument(std::string(key) + ": expected a whole number > 0, not '" + *v + "'");
}

bool truthy(const std::string &v) { return v == "true" || v == "1" || v == "yes" || v == "on"; }
bool falsy(const std::string &v) { return v == "false" || v == "0" || v == "no" || v == "off"; }

// The first line of the file: what a secrets manager writes, with or
// without a final newline.
std::string read_password_file(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("password_file: cannot read " + path);
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

} // namespace

std::string After::describe() const {
  switch (kind) {
  case Kind::Seen: return "seen";
  case Kind::Move: return "move:" + folder;
  case Kind::Delete: return "delete";
  }
  return "seen";
}

After parse_after(std::string_view text) {
  const std::string t = trim(text);
  const std::string l = lower(t);
  if (l.empty() || l == "seen") return {};
  if (l == "delete") return {After::Kind::Delete, ""};
  if (l.rfind("move:", 0) == 0) {
    std::string folder = trim(t.substr(5));
    if (folder.empty()) throw std::invalid_argument("after: move needs a folder, e.g. move:Processed");
    // IMAP names outside ASCII need modified UTF-7; keep names simple and
    // visible instead of encoding them here.
    for (unsigned char c : folder)
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\' || c == '%' || c == '*')
        throw std::invalid_argument("after: folder '" + folder +
                                    "' must be printable ASCII without \" \\ % *");
    return {After::Kind::Move, folder};
  }
  throw std::invalid_argument("after: expected seen, move:FOLDER or delete, not '" + t + "'");
}

Settings read_settings(const std::function<std::optional<std::string>(const char *)> &get) {
  Settings s;
  auto text = [&](const char *key, const std::string &fallback) {
    auto v = get(key);
    return v ? trim(*v) : fallback;
  };
  s.url = text("url", "");
  s.user = text("user", "");
  const std::string password_file = text("password_file", "");
  s.password = password_file.empty() ? get("password").value_or("") : read_password_file(password_file);

  const std::string tls = lower(text("tls", "require"));
  if (tls == "require" || truthy(tls))
    s.tls = TlsMode::Require;
  else if (tls == "try")
    s.tls = TlsMode::Try;
  else if (tls == "off" || falsy(tls))
    s.tls = TlsMode::Off;
  else
    throw std::invalid_argument("tls: expected require, try or off, not '" + tls + "'");
  const std::string verify = lower(text("tls_verify", "true"));
  if (!truthy(verify) && !falsy(verify))
    throw std::invalid_argument("tls_verify: expected true or false, not '" + verify + "'");
  s.tls_verify = truthy(verify);
  s.ca_file = text("ca_file", "");

  s.channel = text("channel", "email");
  if (s.channel.empty()) throw std::invalid_argument("channel: must not be empty");

  const std::string from = lower(text("customer_from", "domain"));
  if (from == "domain")
    s.customer_from = CustomerFrom::Domain;
  else if (from == "name")
    s.customer_from = CustomerFrom::Name;
  else if (from == "map")
    s.customer_from = CustomerFrom::Map;
  else
    throw std::invalid_argument("customer_from: expected domain, name or map, not '" + from + "'");
  s.customer_map = text("customer_map", "");
  if (s.customer_from == CustomerFrom::Map && s.customer_map.empty())
    throw std::invalid_argument("customer_from: map needs customer_map (a file of domain = customer lines)");

  s.after = parse_after(text("after", "seen"));
  s.max_messages = positive(get("max_messages"), s.max_messages, "max_messages");
  s.batch_size = positive(get("batch_size"), s.batch_size, "batch_size");
  s.max_message_bytes = positive(get("max_message_bytes"), s.max_message_bytes, "max_message_bytes");
  s.timeout_seconds = static_cast<long>(positive(get("timeout_seconds"), 60, "timeout_seconds"));

  const std::string charsets = text("fallback_charsets", "utf-8,gb18030");
  s.fallback_charsets.clear();
  std::stringstream list(charsets);
  for (std::string item; std::getline(list, item, ',');)
    if (!trim(item).empty()) s.fallback_charsets.push_back(trim(item));

  const std::string cut = lower(text("cut_quoted", "true"));
  if (!truthy(cut) && !falsy(cut))
    throw std::invalid_argument("cut_quoted: expected true or false, not '" + cut + "'");
  s.cut_quoted = truthy(cut);
  return s;
}

} // namespace qloop::intake_email
