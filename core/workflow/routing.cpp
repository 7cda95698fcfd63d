#include "core/workflow/routing.hpp"

#include <stdexcept>

#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <fnmatch.h>

#include "core/config/value_parsing.hpp"

namespace qloop::workflow {

namespace pt = boost::property_tree;

RoutingPolicy RoutingPolicy::load(const std::filesystem::path &file) {
  pt::ptree root;
  try {
    pt::read_ini(file.string(), root);
  } catch (const pt::ini_parser_error &e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
  RoutingPolicy policy;
  auto where = [&](const std::string &section, const std::string &key) {
    return file.filename().string() + ": [" + section + "] " + key + ": ";
  };
  for (const auto &[section, body] : root) {
    if (section.rfind("department.", 0) == 0) {
      const auto name = section.substr(11);
      auto owners = config::split_list(body.get("owners", ""), ',');
      if (name.empty() || owners.empty())
        throw std::runtime_error(where(section, "owners") +
                                 "a department needs a name and at least one owner");
      policy.departments.emplace_back(name, std::move(owners));
    } else if (section.rfind("route.", 0) == 0) {
      Route r;
      r.name = section.substr(6);
      for (const auto &[key, value] : body) {
        const auto v = config::trim(value.data());
        if (key == "category")
          r.category = v;
        else if (key == "product")
          r.product_glob = v;
        else if (key == "department")
          r.department = v;
        else
          throw std::runtime_error(where(section, key) + "unknown key (category, product, department)");
      }
      if (r.department.empty()) throw std::runtime_error(where(section, "department") + "is required");
      policy.routes.push_back(std::move(r));
    } else {
      throw std::runtime_error(file.filename().string() + ": [" + section +
                               "]: unknown section (department.NAME or route.NAME)");
    }
  }
  return policy;
}

std::string RoutingPolicy::assign(domain::Complaint &c, store::Store &store, Workload &workload) const {
  std::string why;
  for (const auto &r : routes) {
    if (!r.category.empty() && r.category != c.category) continue;
    if (!r.product_glob.empty() && fnmatch(r.product_glob.c_str(), c.product_model.c_str(), 0) != 0) continue;
    c.owner_department = r.department;
    why = "route " + r.name;
    break;
  }
  if (!c.owner.empty() || c.owner_department.empty()) return why;
  for (const auto &[department, owners] : departments) {
    if (department != c.owner_department) continue;
    const std::string *best = nullptr;
    std::int64_t least = 0;
    for (const auto &owner : owners) {
      auto it = workload.find(owner);
      if (it == workload.end()) it = workload.emplace(owner, store.open_complaints_of(owner)).first;
      if (!best || it->second < least) best = &owner, least = it->second;
    }
    c.owner = *best;
    ++workload[c.owner];
    why += (why.empty() ? "" : "; ") + c.owner + " had the fewest open in " + department + " (" +
           std::to_string(least) + ")";
    break;
  }
  return why;
}

} // namespace qloop::workflow
