#include "state.hpp"

#include <qloop/plugin.hpp>
#include <sys/stat.h>

namespace qloop::classify {
namespace {

std::optional<MetaStamp> file_stamp(const std::string &path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return MetaStamp{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                   static_cast<std::uint64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

} // namespace

std::shared_ptr<const RuleSet> State::rules(const std::string &path) {
  if (path.empty()) return nullptr;
  const auto stamp = file_stamp(path);
  if (rules_ && path == rules_path_ && stamp && stamp == rules_stamp_) return rules_;
  rules_.reset();
  auto loaded = std::make_shared<const RuleSet>(RuleSet::load_file(path));
  rules_ = std::move(loaded);
  rules_path_ = path;
  rules_stamp_ = stamp;
  return rules_;
}

std::shared_ptr<const ModelSet> State::models(const std::filesystem::path &dir, bool *loaded) {
  if (loaded) *loaded = false;
  auto stamp = meta_stamp(dir);
  if (!stamp)
    throw sdk::InvalidInput("model_dir: no model there; run classify.train first (" + dir.string() + ")");
  if (models_ && dir == model_dir_ && stamp == model_stamp_) return models_;
  models_.reset();
  // A retrain may swap the directory while we read it; then read it again.
  for (int attempt = 0;; ++attempt) {
    try {
      auto set = std::make_shared<const ModelSet>(load_models(dir));
      const auto after = meta_stamp(dir);
      if (after != stamp && attempt < 2) {
        stamp = after;
        continue;
      }
      models_ = std::move(set);
      break;
    } catch (const sdk::Error &) {
      const auto now = meta_stamp(dir);
      if (attempt >= 2 || !now || now == stamp) throw;
      stamp = now;
    }
  }
  model_dir_ = dir;
  model_stamp_ = stamp;
  if (loaded) *loaded = true;
  return models_;
}

} // namespace qloop::classify
