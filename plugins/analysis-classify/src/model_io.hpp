// A trained ModelSet on disk, in one directory:
//   meta.json        what the models need to be used (feature settings,
//                    label names, counts, trained_at), read first
//   vocabulary.tsv   "bucket<TAB>idf" per feature, line i = feature i+1
//   <target>.model   liblinear's own save_model file, one per trained target
// The directory is written whole beside the target and swapped in with one
// rename, so a reader sees the old models or the new ones, never a mix.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "model.hpp"

namespace qloop::classify {

inline constexpr const char *kModelFormat = "qloop.classify.model/1";

// Identifies one version of meta.json; a retrained directory gets a new
// inode and mtime even when the size is the same.
struct MetaStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t mtime_ns = 0;
  bool operator==(const MetaStamp &) const = default;
};

std::optional<MetaStamp> meta_stamp(const std::filesystem::path &dir);

// Writes `models` to `dir` atomically. Refuses (sdk::InvalidInput) to
// replace an existing directory that is not a model directory, so a
// mistyped model_dir cannot wipe someone's files.
void save_models(const ModelSet &models, const std::filesystem::path &dir);

// Reads a directory written by save_models. sdk::InvalidInput when there is
// no model ("model_dir: no model there; run classify.train first"),
// sdk::Error(QLOOP_ERR_IO) when a file is unreadable or inconsistent.
ModelSet load_models(const std::filesystem::path &dir);

} // namespace qloop::classify
