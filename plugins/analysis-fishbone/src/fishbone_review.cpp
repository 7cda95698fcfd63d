#include "fishbone_review.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>

#include "fishbone_parse.hpp"

namespace qloop::fishbone {
namespace {

std::string normalized(const std::string &s) {
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && (std::isspace(u) != 0 || std::ispunct(u) != 0)) continue;
    out += static_cast<char>(std::tolower(u));
  }
  return out;
}

nlohmann::json where(Category c, std::size_t cause, std::optional<std::size_t> sub = std::nullopt) {
  nlohmann::json w = {{"category", to_string(c)}, {"cause", cause + 1}};
  if (sub) w["sub_cause"] = *sub + 1;
  return w;
}

} // namespace

std::size_t Counts::total(Status s) const {
  std::size_t n = 0;
  for (const auto &row : by_status) n += row[static_cast<std::size_t>(s)];
  return n;
}
std::size_t Counts::total_causes() const {
  return std::accumulate(causes.begin(), causes.end(), std::size_t{0});
}
std::size_t Counts::total_sub_causes() const {
  return std::accumulate(sub_causes.begin(), sub_causes.end(), std::size_t{0});
}

Counts count(const Diagram &d) {
  Counts c;
  for (Category cat : kCategories) {
    const auto i = index(cat);
    for (const auto &cause : d.bones[i]) {
      ++c.causes[i];
      ++c.by_status[i][static_cast<std::size_t>(cause.status)];
      for (const auto &sub : cause.sub_causes) {
        ++c.sub_causes[i];
        ++c.by_status[i][static_cast<std::size_t>(sub.status)];
      }
    }
  }
  return c;
}

std::vector<Finding> review(const Diagram &d, bool zh) {
  std::vector<Finding> out;
  auto add = [&](const char *severity, const char *rule, const std::string &en, const std::string &cn,
                 nlohmann::json w) {
    out.push_back({severity, rule, zh ? cn : en, std::move(w)});
  };

  for (Category cat : kCategories)
    if (d.bones[index(cat)].empty())
      add("info", "category.empty",
          label(cat, false) + " has no causes: confirm it was considered, not forgotten.",
          "“" + label(cat, true) + "”没有列出原因:请确认已考虑过该类别,而不是遗漏。",
          {{"category", to_string(cat)}});

  if (count(d).total(Status::verified) == 0)
    add("warning", "effect.no_verified_cause",
        "No cause is verified yet: the root cause is not confirmed (verify with data, a 5 Why or a DOE).",
        "尚无已验证的原因:根本原因未确认(请用数据、5Why 或 DOE 验证)。", nlohmann::json::object());

  std::map<std::string, nlohmann::json> seen;
  for (Category cat : kCategories) {
    const auto &bone = d.bones[index(cat)];
    for (std::size_t i = 0; i < bone.size(); ++i) {
      auto check = [&](const Cause &c, std::optional<std::size_t> sub) {
        auto w = where(cat, i, sub);
        if (c.status == Status::verified && c.links.empty())
          add("warning", "cause.verified_without_link",
              "\"" + c.text + "\" is verified but links no 5 Why chain or DOE as its evidence.",
              "“" + c.text + "”标记为已验证,但没有关联 5Why 或 DOE 作为证据。", w);
        const bool first_time = seen.emplace(normalized(c.text), w).second;
        if (!first_time)
          add("info", "cause.duplicate", "\"" + c.text + "\" appears more than once in the diagram.",
              "“" + c.text + "”在图中重复出现。", w);
      };
      check(bone[i], std::nullopt);
      for (std::size_t s = 0; s < bone[i].sub_causes.size(); ++s) {
        const Cause &sub = bone[i].sub_causes[s];
        check(sub, s);
        if (bone[i].status == Status::ruled_out && sub.status == Status::verified)
          add("warning", "status.inconsistent",
              "Sub-cause \"" + sub.text + "\" is verified but its cause \"" + bone[i].text +
                  "\" is ruled out.",
              "子原因“" + sub.text + "”已验证,但其上级原因“" + bone[i].text + "”已被排除。",
              where(cat, i, s));
      }
    }
  }
  return out;
}

} // namespace qloop::fishbone
