// What one plugin instance keeps between calls: the parsed rules and the
// loaded models, each reread only when its file changes, so a host sending
// batch after batch pays for parsing and loading once.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "model_io.hpp"
#include "rules.hpp"

namespace qloop::classify {

class State {
public:
  // The rules in `path` (empty path: none). Throws sdk::Error(CONFIG).
  std::shared_ptr<const RuleSet> rules(const std::string &path);
  // The models in `dir`; `loaded` tells whether this call read them from disk.
  std::shared_ptr<const ModelSet> models(const std::filesystem::path &dir, bool *loaded = nullptr);

private:
  std::string rules_path_;
  std::optional<MetaStamp> rules_stamp_;
  std::shared_ptr<const RuleSet> rules_;

  std::filesystem::path model_dir_;
  std::optional<MetaStamp> model_stamp_;
  std::shared_ptr<const ModelSet> models_;
};

} // namespace qloop::classify
