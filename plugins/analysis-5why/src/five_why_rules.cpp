#include "five_why_rules.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <set>

#include "five_why_parse.hpp"
#include "link_heuristic.hpp"

namespace qloop::fivewhy {
namespace {

// Answers that stop at a person. English is matched case-insensitively.
constexpr const char *kHumanErrorTerms[] = {"operator error",
                                            "human error",
                                            "careless",
                                            "negligen",
                                            "operator mistake",
                                            "worker error",
                                            "operator fault",
                                            "inattenti",
                                            "not careful",
                                            "lack of attention",
                                            "forgot",
                                            "did not pay attention",
                                            "didn't pay attention",
                                            "did not follow",
                                            "didn't follow",
                                            "mistake by the operator",
                                            "操作失误",
                                            "人为失误",
                                            "人为因素",
                                            "人为疏忽",
                                            "粗心",
                                            "疏忽",
                                            "马虎",
                                            "大意",
                                            "责任心",
                                            "操作不当",
                                            "误操作",
                                            "未按要求",
                                            "未按规定",
                                            "不按要求",
                                            "不按规定",
                                            "忘记",
                                            "员工失误",
                                            "作业员失误",
                                            "没注意",
                                            "不小心",
                                            "未注意"};

std::string lower_ascii(std::string s) {
  for (auto &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// For the circle check: case, spaces and punctuation do not make answers differ.
std::string normalized(const std::string &s) {
  static const std::string kCjkPunct[] = {"，", "。", "、", "；", "：", "？", "！", "　"};
  std::string out = lower_ascii(s);
  for (const auto &p : kCjkPunct)
    for (auto at = out.find(p); at != std::string::npos; at = out.find(p)) out.erase(at, p.size());
  std::erase_if(out, [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u < 0x80 && (std::isspace(u) != 0 || std::ispunct(u) != 0);
  });
  return out;
}

class Reviewer {
public:
  Reviewer(const Analysis &a, const Tree &t, const Settings &s, bool zh) : a_(a), t_(t), s_(s), zh_(zh) {}

  std::vector<Finding> run() {
    chain_kinds();
    for (const auto &path : t_.paths()) {
      depth(path);
      leaf_cause(path);
      circles(path);
    }
    for (std::size_t c = 0; c < a_.chains.size(); ++c)
      for (std::size_t s = 0; s < a_.chains[c].steps.size(); ++s) {
        links({c, s});
        evidence({c, s});
      }
    return std::move(out_);
  }

private:
  void add(const char *severity, const char *rule, const std::string &en, const std::string &zh,
           nlohmann::json where) {
    out_.push_back({severity, rule, zh_ ? zh : en, std::move(where)});
  }

  nlohmann::json at(StepRef r) const {
    return {
        {"chain", a_.chains[r.chain].id}, {"step", r.step + 1}, {"kind", to_string(a_.chains[r.chain].kind)}};
  }
  std::string name(StepRef r) const { return a_.chains[r.chain].id + " #" + std::to_string(r.step + 1); }
  nlohmann::json at(const Path &p) const {
    auto where = at(p.steps.back());
    where["depth"] = p.steps.size();
    nlohmann::json steps = nlohmann::json::array();
    for (const auto &r : p.steps) steps.push_back(a_.chains[r.chain].id + "#" + std::to_string(r.step + 1));
    where["path"] = steps;
    return where;
  }

  void chain_kinds() {
    auto has = [&](ChainKind k) {
      return std::any_of(a_.chains.begin(), a_.chains.end(), [&](const Chain &c) { return c.kind == k; });
    };
    if (!has(ChainKind::occurrence))
      add("warning", "chains.occurrence_missing",
          "No occurrence chain: explain why the defect was made (occurrence cause), not only why it escaped.",
          "缺少发生原因链:除流出原因外,还需分析缺陷为什么会产生。", {{"kind", "occurrence"}});
    if (!has(ChainKind::escape))
      add("warning", "chains.escape_missing",
          "No escape chain: explain why the defect was not detected before it reached the customer (escape "
          "cause).",
          "缺少流出原因链:需分析缺陷为什么没有被检出而流到客户。", {{"kind", "escape"}});
  }

  void depth(const Path &p) {
    auto d = static_cast<int>(p.steps.size());
    const std::string n = std::to_string(d), leaf = name(p.steps.back());
    if (d < s_.min_depth)
      add("warning", "depth.too_shallow",
          "The path ending at " + leaf + " is " + n + " whys deep, fewer than " +
              std::to_string(s_.min_depth) + ": keep asking why until a process or system cause is reached.",
          "以 " + leaf + " 结束的路径只有 " + n + " 层,少于 " + std::to_string(s_.min_depth) +
              " 层:请继续追问,直到找到过程或体系原因。",
          at(p));
    if (d > s_.max_depth)
      add("warning", "depth.too_deep",
          "The path ending at " + leaf + " is " + n + " whys deep, more than " +
              std::to_string(s_.max_depth) + ": check that it has not drifted away from the problem.",
          "以 " + leaf + " 结束的路径有 " + n + " 层,超过 " + std::to_string(s_.max_depth) +
              " 层:请检查是否偏离了问题本身。",
          at(p));
  }

  void leaf_cause(const Path &p) {
    const StepRef leaf = p.steps.back();
    const Step &step = t_.step(leaf);
    if (!step.cause_type) {
      add("warning", "cause.type_missing",
          "The last step " + name(leaf) +
              " has no cause_type: mark the root cause as man, machine, material, method, environment, "
              "measurement, system or management.",
          "最后一步 " + name(leaf) + " 未标注原因类型(cause_type):请标注人/机/料/法/环/测/体系/管理。",
          at(p));
    }
    const bool systemic =
        step.cause_type && (*step.cause_type == CauseType::method || *step.cause_type == CauseType::system ||
                            *step.cause_type == CauseType::management);
    const bool blames_person = (step.cause_type && *step.cause_type == CauseType::man) ||
                               sounds_like_human_error(step.because, s_.human_error_terms);
    if (blames_person && !systemic)
      add("error", "cause.human_error",
          "The path ends at " + name(leaf) + " on a person (\"" + step.because +
              "\"): ask why the process or system allowed the error (training, work instruction, "
              "error-proofing, "
              "management).",
          "路径在 " + name(leaf) + " 停在了人(“" + step.because +
              "”):请继续追问过程或体系为什么允许这个失误发生(培训、作业指导书、防错、管理)。",
          at(p));
  }

  // One pass per path over answers normalised once: paths share their
  // prefixes, so a quadratic compare per path would add up on wide trees.
  void circles(const Path &p) {
    std::map<std::string, StepRef> earlier;
    for (const StepRef &r : p.steps) {
      auto [it, first] = earlier.emplace(normalized_answer(r), r);
      if (first || !reported_circles_.insert({r.chain, r.step}).second) continue;
      add("warning", "link.circular",
          "Step " + name(r) + " gives the same answer as " + name(it->second) +
              ": the chain goes in a circle.",
          "步骤 " + name(r) + " 的回答与 " + name(it->second) + " 相同:分析链形成了循环。", at(r));
    }
  }

  const std::string &normalized_answer(StepRef r) {
    auto [it, added] = normalized_.try_emplace({r.chain, r.step});
    if (added) it->second = normalized(t_.step(r).because);
    return it->second;
  }

  void links(StepRef r) {
    if (!s_.link_check) return;
    const Step &step = t_.step(r);
    auto above = t_.parent(r);
    const std::string &previous = above ? t_.step(*above).because : a_.problem;
    if (previous.empty()) return;
    int shared = shared_keywords(step.why, previous);
    if (shared < 0 || shared >= s_.link_min_shared) return;
    if (above)
      add("warning", "link.not_following",
          "The question of " + name(r) + " (\"" + step.why + "\") does not refer to the answer above it (\"" +
              previous + "\"): each why should ask about the previous because.",
          "步骤 " + name(r) + " 的提问(“" + step.why + "”)没有针对上一步的回答(“" + previous +
              "”):每个为什么都应追问上一步的原因。",
          at(r));
    else
      add("warning", "link.not_following",
          "The first question of " + name(r) + " (\"" + step.why + "\") does not refer to the problem (\"" +
              previous + "\").",
          "步骤 " + name(r) + " 的提问(“" + step.why + "”)没有针对问题描述(“" + previous + "”)。", at(r));
  }

  void evidence(StepRef r) {
    if (!s_.require_evidence || !t_.step(r).evidence.empty()) return;
    add("warning", "evidence.missing",
        "Step " + name(r) + " has no evidence: add the data, test, photo or record that confirms the answer.",
        "步骤 " + name(r) + " 没有证据:请补充能证实该回答的数据、试验、照片或记录。", at(r));
  }

  const Analysis &a_;
  const Tree &t_;
  const Settings &s_;
  bool zh_;
  std::vector<Finding> out_;
  std::set<std::pair<std::size_t, std::size_t>> reported_circles_;
  std::map<std::pair<std::size_t, std::size_t>, std::string> normalized_;
};

} // namespace

bool sounds_like_human_error(const std::string &answer, const std::vector<std::string> &extra_terms) {
  const std::string text = lower_ascii(answer);
  auto found = [&](const std::string &term) {
    return !term.empty() && text.find(lower_ascii(term)) != std::string::npos;
  };
  return std::any_of(std::begin(kHumanErrorTerms), std::end(kHumanErrorTerms),
                     [&](const char *t) { return found(t); }) ||
         std::any_of(extra_terms.begin(), extra_terms.end(), found);
}

std::vector<Finding> review(const Analysis &analysis, const Tree &tree, const Settings &settings, bool zh) {
  return Reviewer(analysis, tree, settings, zh).run();
}

} // namespace qloop::fivewhy
