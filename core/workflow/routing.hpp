// Assignment (分配): routing rules map a complaint's category and product to
// an owner department, and each department's owners share its complaints by
// open workload: the owner with the fewest open complaints gets the next
// one (ties: the first listed). Read from an INI file ([classify] routing):
//
//   [department.production]          ; who works a department's complaints
//   owners = 张伟, 李娜
//
//   [route.psu-quality]              ; optional, first match wins: overrides
//   category = product_quality       ; the department the classifier chose
//   product = PSU-*                  ; glob on product_model
//   department = rd
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/complaint.hpp"
#include "core/store/store.hpp"

namespace qloop::workflow {

struct Route {
  std::string name;
  std::string category;     // empty: any
  std::string product_glob; // empty: any
  std::string department;
};

// Open complaints per owner, counted once per owner and batch, then kept
// up to date as the batch assigns (counting per record would scan every
// open complaint of the owner each time).
using Workload = std::map<std::string, std::int64_t>;

class RoutingPolicy {
public:
  // Throws std::runtime_error naming the file, section and key.
  static RoutingPolicy load(const std::filesystem::path &file);

  std::vector<Route> routes;
  std::vector<std::pair<std::string, std::vector<std::string>>> departments; // name -> owners, file order

  // Sets owner_department (a matching route wins over what is there) and
  // owner (least open workload) when the complaint has no owner yet.
  // Returns why, for the record ("route psu-quality; 李娜 has 3 open"), or
  // empty when it changed nothing. Call inside a store transaction, with
  // one `workload` per transaction.
  std::string assign(domain::Complaint &c, store::Store &store, Workload &workload) const;
};

} // namespace qloop::workflow
