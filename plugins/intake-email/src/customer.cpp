#include "customer.hpp"

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

} // namespace

std::map<std::string, std::string> CustomerRule::parse_map(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3); // a BOM from Windows editors
  std::map<std::string, std::string> out;
  std::istringstream in{std::string(text)};
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    const std::string t = trim(line);
    if (t.empty() || t[0] == '#' || t[0] == ';' || t[0] == '[') continue;
    const auto eq = t.find('=');
    if (eq == std::string::npos)
      throw std::invalid_argument("line " + std::to_string(number) + ": expected 'domain = customer name'");
    const std::string key = lower(trim(t.substr(0, eq)));
    const std::string value = trim(t.substr(eq + 1));
    if (key.empty() || value.empty())
      throw std::invalid_argument("line " + std::to_string(number) + ": needs a domain and a customer name");
    out[key.front() == '@' ? key.substr(1) : key] = value;
  }
  return out;
}

CustomerRule CustomerRule::load(const Settings &settings) {
  std::map<std::string, std::string> map;
  if (!settings.customer_map.empty()) {
    std::ifstream in(settings.customer_map, std::ios::binary);
    if (!in) throw std::invalid_argument("customer_map: cannot read " + settings.customer_map);
    std::ostringstream s;
    s << in.rdbuf();
    try {
      map = parse_map(s.str());
    } catch (const std::invalid_argument &e) {
      throw std::invalid_argument("customer_map: " + settings.customer_map + " " + e.what());
    }
  }
  return CustomerRule(settings.customer_from, std::move(map));
}

CustomerRule::Result CustomerRule::resolve(std::string_view address, std::string_view display_name) const {
  const std::string addr = lower(trim(address));
  const auto at = addr.rfind('@');
  const std::string domain = at == std::string::npos ? std::string() : addr.substr(at + 1);
  if (auto it = map_.find(addr); it != map_.end()) return {it->second, ""};
  for (std::string d = domain; !d.empty();) {
    if (auto it = map_.find(d); it != map_.end()) return {it->second, ""};
    const auto dot = d.find('.');
    // Stop before a bare top-level domain: "com" names no customer.
    if (dot == std::string::npos || d.find('.', dot + 1) == std::string::npos) break;
    d = d.substr(dot + 1);
  }
  switch (from_) {
  case CustomerFrom::Map: return {"", "customer: sender domain '" + domain + "' is not in customer_map"};
  case CustomerFrom::Name:
    if (!trim(display_name).empty()) return {trim(display_name), ""};
    [[fallthrough]];
  case CustomerFrom::Domain:
    if (!domain.empty()) return {domain, ""};
    return {"", "customer: the sender address '" + std::string(address) + "' has no domain"};
  }
  return {"", "customer: no rule"};
}

} // namespace qloop::intake_email
