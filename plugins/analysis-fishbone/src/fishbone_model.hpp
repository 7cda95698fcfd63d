// The fishbone (Ishikawa, 鱼骨图) as data: the effect, and causes with
// sub-causes on the six 6M bones, each suspected, verified or ruled out, and
// optionally linked to the 5 Why chain or DOE that examined it.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace qloop::fishbone {

// The 6M (人机料法环测), in drawing order: the first three above the spine.
enum class Category { man, machine, material, method, environment, measurement };
inline constexpr std::array<Category, 6> kCategories{Category::man,         Category::machine,
                                                     Category::material,    Category::method,
                                                     Category::environment, Category::measurement};

enum class Status { suspected, verified, ruled_out };
inline constexpr std::array<Status, 3> kStatuses{Status::suspected, Status::verified, Status::ruled_out};

// Where a cause was examined: a 5 Why chain id or a DOE id.
struct Link {
  std::string method; // "5why" or "doe"
  std::string ref;
};

struct Cause {
  std::string text;
  Status status = Status::suspected;
  std::vector<Link> links;
  std::vector<Cause> sub_causes; // one level only: cause -> sub-cause
};

struct Diagram {
  std::string effect;
  std::array<std::vector<Cause>, 6> bones; // indexed by Category
};

inline std::size_t index(Category c) { return static_cast<std::size_t>(c); }

} // namespace qloop::fishbone
