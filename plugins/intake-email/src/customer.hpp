// Who the customer of an email is. Mail carries a person and an address,
// not a company: a small map of domains to customer names (the names the
// ledger already uses) does it; without an entry, the rule in customer_from
// decides.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "settings.hpp"

namespace qloop::intake_email {

class CustomerRule {
public:
  CustomerRule() = default;
  CustomerRule(CustomerFrom from, std::map<std::string, std::string> map)
      : from_(from), map_(std::move(map)) {}

  // The rule of the settings, with its map file read. Throws
  // std::invalid_argument("customer_map: ...").
  static CustomerRule load(const Settings &settings);

  // "key = customer" lines; a key is a domain (huadong-auto.com) or one
  // address; '#' and ';' start comments. Throws std::invalid_argument("line N: ...").
  static std::map<std::string, std::string> parse_map(std::string_view text);

  struct Result {
    std::string customer; // empty when `problem` says why
    std::string problem;
  };
  // The map first (the whole address, then its domain, then the domain's
  // parents: mail.example.com -> example.com); then customer_from.
  Result resolve(std::string_view address, std::string_view display_name) const;

private:
  CustomerFrom from_ = CustomerFrom::Domain;
  std::map<std::string, std::string> map_; // keys in lower case
};

} // namespace qloop::intake_email
