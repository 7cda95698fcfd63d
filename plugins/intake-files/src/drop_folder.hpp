// The watched drop folder: each scheduled run imports the *.csv and *.xlsx
// files in it, in name order, and moves each one to done/ once every batch
// was accepted, or to failed/ (with NAME.reason.txt beside it) when the file
// as a whole is unusable. When the host refuses a batch the run stops and
// the file stays, so the next run retries it; source keys make that safe.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "file_import.hpp"
#include "settings.hpp"

namespace qloop::intake_files {

// Files a run would take now, in name order: regular *.csv / *.xlsx (any
// case), not hidden, not Office lock files (~$...), last modified at least
// `settle_seconds` ago. `waiting` counts those left for being too new.
std::vector<std::filesystem::path> pending_files(const std::filesystem::path &dir, long long settle_seconds,
                                                 std::size_t &waiting);

// Moves `file` into `dir` (created when missing) under its own name, or
// NAME-2.ext, NAME-3.ext ... when taken; works across file systems.
std::filesystem::path move_into(const std::filesystem::path &file, const std::filesystem::path &dir);

// One scheduled run over settings.drop_dir. Returns the summary object
// {"files", "rows", "submitted", "quarantined", "failed_files", "waiting",
//  "details": [...]}. Throws sdk::Error (CONFIG without drop_dir, HOST when
// the host refuses a batch, IO when the folders cannot be used).
nlohmann::json run_drop_folder(const Settings &settings, Sink &sink);

// A one-off import of `path` (not moved). Throws sdk::InvalidInput when the
// file as a whole is unusable.
nlohmann::json run_one_file(const std::filesystem::path &path, const Settings &settings, Sink &sink);

nlohmann::json report_json(const FileReport &r);

// A file's name as UTF-8 for messages and records (GBK names decoded).
std::string display_name(const std::filesystem::path &path);

} // namespace qloop::intake_files
