#include "drop_folder.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <qloop/plugin.hpp>
#include <sys/file.h>
#include <unistd.h>

#include "encoding.hpp"
#include "sha256.hpp"

namespace fs = std::filesystem;

namespace qloop::intake_files {
namespace {

// Beyond this a file-level failure keeps only the start of the file in the
// host quarantine; the whole file is in failed/.
constexpr std::size_t kMaxQuarantinedFileBytes = 8u << 20;

std::string lower(std::string s) {
  for (char &c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

[[noreturn]] void io_error(const std::string &what, const std::error_code &ec) {
  throw sdk::Error(QLOOP_ERR_IO, what + ": " + ec.message());
}

// One run at a time per drop folder: two hosts polling one share would
// otherwise both import (harmless, keys dedup) and race to move the files.
class FolderLock {
public:
  explicit FolderLock(const fs::path &dir) {
    const fs::path path = dir / ".qloop-intake-files.lock";
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw sdk::Error(QLOOP_ERR_IO, "cannot create " + path.string() + ": " + std::strerror(errno));
    held_ = ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
  }
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_); // closing releases the lock
  }
  FolderLock(const FolderLock &) = delete;
  FolderLock &operator=(const FolderLock &) = delete;
  bool held() const { return held_; }

private:
  int fd_ = -1;
  bool held_ = false;
};

std::string read_file_start(const fs::path &path, std::size_t max) {
  std::ifstream in(path, std::ios::binary);
  std::string out(max, '\0');
  in.read(out.data(), static_cast<std::streamsize>(max));
  out.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return out;
}

void write_reason(const fs::path &moved, const std::string &reason) {
  const fs::path path = moved.string() + ".reason.txt";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << reason << "\n";
  if (!out) throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path.string());
}

// A file that cannot be imported at all: into the host quarantine first
// (if the host is down the file stays for the next run), then to failed/
// with the reason beside it.
nlohmann::json reject(const fs::path &path, std::string sha, const std::string &why, const Settings &settings,
                      Sink &sink) {
  const std::string name = display_name(path);
  if (sha.empty()) sha = sha256_file(path); // rejected before the hash pass (too large)
  std::string bytes = read_file_start(path, kMaxQuarantinedFileBytes);
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  const std::string note = !ec && size > bytes.size()
                               ? " (raw input cut to its first " + std::to_string(bytes.size()) + " bytes)"
                               : "";
  sink.quarantine("file:" + sha, bytes,
                  name + ": " + why + "; the file goes to " + settings.failed_dir.string() + note);
  const fs::path moved = move_into(path, settings.failed_dir);
  write_reason(moved, why);
  sink.log(QLOOP_LOG_ERROR, name + ": " + why + "; moved to " + moved.string());
  return {
      {"file", name}, {"sha256", sha}, {"status", "failed"}, {"reason", why}, {"moved_to", moved.string()}};
}

} // namespace

std::string display_name(const fs::path &path) {
  const std::string name = path.filename().string();
  if (valid_utf8(name)) return name;
  // Windows shares hand Chinese names over in GBK.
  if (auto decoded = to_utf8(name, Encoding::Gb18030)) return *decoded;
  return printable(name, static_cast<std::size_t>(-1));
}

nlohmann::json report_json(const FileReport &r) {
  nlohmann::json j = {{"file", r.name},
                      {"sha256", r.sha256},
                      {"format", r.format},
                      {"rows", r.rows},
                      {"submitted", r.submitted},
                      {"quarantined", r.quarantined},
                      {"header_row", r.header_row}};
  if (!r.encoding.empty() && r.format == "csv") j["encoding"] = r.encoding;
  if (!r.sheet.empty()) j["sheet"] = r.sheet;
  return j;
}

std::vector<fs::path> pending_files(const fs::path &dir, long long settle_seconds, std::size_t &waiting) {
  std::vector<fs::path> out;
  waiting = 0;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) io_error("cannot list the drop folder " + dir.string(), ec);
  const auto now = fs::file_time_type::clock::now();
  for (const fs::directory_entry &entry : it) {
    const std::string name = entry.path().filename().string();
    const std::string ext = lower(entry.path().extension().string());
    if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) continue;
    if (ext != ".csv" && ext != ".xlsx") continue;
    std::error_code e;
    if (!entry.is_regular_file(e) || e) continue;
    const auto modified = entry.last_write_time(e);
    if (e) continue;
    if (settle_seconds > 0 && now - modified < std::chrono::seconds(settle_seconds)) {
      ++waiting;
      continue;
    }
    out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path move_into(const fs::path &file, const fs::path &dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) io_error("cannot create " + dir.string(), ec);
  const std::string stem = file.stem().string(), ext = file.extension().string();
  fs::path target = dir / file.filename();
  for (int n = 2; fs::exists(target) || fs::exists(target.string() + ".reason.txt"); ++n)
    target = dir / (stem + "-" + std::to_string(n) + ext);
  fs::rename(file, target, ec);
  if (ec == std::errc::cross_device_link) { // done/ on another file system
    fs::copy_file(file, target, ec);
    if (!ec) fs::remove(file, ec);
  }
  if (ec) io_error("cannot move " + file.string() + " to " + target.string(), ec);
  return target;
}

nlohmann::json run_drop_folder(const Settings &settings, Sink &sink) {
  if (settings.drop_dir.empty())
    throw sdk::Error(QLOOP_ERR_CONFIG,
                     "[intake.files] drop_dir: not set; a scheduled run needs the folder to "
                     "watch (or run with {\"file\": PATH} for a one-off import)");
  std::error_code ec;
  if (!fs::is_directory(settings.drop_dir, ec))
    throw sdk::Error(QLOOP_ERR_CONFIG,
                     "[intake.files] drop_dir: " + settings.drop_dir.string() + " is not a folder");

  auto same = [](const fs::path &a, const fs::path &b) {
    std::error_code e1, e2;
    return fs::weakly_canonical(a, e1) == fs::weakly_canonical(b, e2) && !e1 && !e2;
  };
  if (same(settings.done_dir, settings.drop_dir) || same(settings.failed_dir, settings.drop_dir))
    throw sdk::Error(QLOOP_ERR_CONFIG, "[intake.files] done_dir and failed_dir must not be drop_dir itself");
  nlohmann::json summary = {{"files", 0},
                            {"rows", 0},
                            {"submitted", 0},
                            {"quarantined", 0},
                            {"failed_files", 0},
                            {"waiting", 0},
                            {"drop_dir", settings.drop_dir.string()},
                            {"details", nlohmann::json::array()}};
  FolderLock lock(settings.drop_dir);
  if (!lock.held()) {
    sink.log(QLOOP_LOG_INFO,
             "another run holds the drop folder " + settings.drop_dir.string() + "; nothing done");
    summary["locked"] = true;
    return summary;
  }
  std::size_t waiting = 0;
  const auto files = pending_files(settings.drop_dir, settings.settle_seconds, waiting);
  summary["waiting"] = waiting;
  if (waiting > 0)
    sink.log(QLOOP_LOG_INFO, std::to_string(waiting) + " file(s) changed in the last " +
                                 std::to_string(settings.settle_seconds) + " s are left for the next run");

  for (const fs::path &path : files) {
    const std::string name = display_name(path);
    nlohmann::json detail;
    std::string sha;
    try {
      const InputFile file = open_input(path, settings.max_file_bytes);
      const ScannedFile scan = scan_file(file);
      sha = scan.sha256;
      FileReport report = import_file(name, file, scan, settings, sink);
      const fs::path moved = move_into(path, settings.done_dir);
      detail = report_json(report);
      detail["status"] = "done";
      detail["moved_to"] = moved.string();
      summary["rows"] = summary["rows"].get<std::size_t>() + report.rows;
      summary["submitted"] = summary["submitted"].get<std::size_t>() + report.submitted;
      summary["quarantined"] = summary["quarantined"].get<std::size_t>() + report.quarantined;
      sink.log(QLOOP_LOG_INFO, name + ": " + std::to_string(report.submitted) + " record(s) submitted, " +
                                   std::to_string(report.quarantined) + " row(s) quarantined; moved to " +
                                   moved.string());
    } catch (const FileRejected &e) {
      detail = reject(path, sha, e.what(), settings, sink);
      summary["failed_files"] = summary["failed_files"].get<std::size_t>() + 1;
    } catch (const sdk::Error &e) {
      // A file that cannot be read now (permissions, a vanished file, one
      // written to while it was read) stays for the next run; the host
      // refusing a batch, or done/ not taking the file, ends this run.
      const bool changed = dynamic_cast<const FileChanged *>(&e) != nullptr;
      if (e.status() != QLOOP_ERR_IO || (!sha.empty() && !changed)) throw;
      sink.log(QLOOP_LOG_ERROR, name + ": " + e.what() + "; left in the drop folder");
      detail = {{"file", name}, {"status", "unreadable"}, {"reason", e.what()}};
      summary["unreadable"] = summary.value("unreadable", std::size_t{0}) + 1;
    }
    summary["files"] = summary["files"].get<std::size_t>() + 1;
    summary["details"].push_back(std::move(detail));
  }
  return summary;
}

nlohmann::json run_one_file(const fs::path &path, const Settings &settings, Sink &sink) {
  const std::string name = display_name(path);
  try {
    const InputFile file = open_input(path, settings.max_file_bytes);
    FileReport report = import_file(name, file, scan_file(file), settings, sink);
    nlohmann::json summary = {{"files", 1},
                              {"rows", report.rows},
                              {"submitted", report.submitted},
                              {"quarantined", report.quarantined},
                              {"failed_files", 0},
                              {"details", nlohmann::json::array({report_json(report)})}};
    summary["details"][0]["status"] = "imported";
    summary["details"][0]["path"] = path.string();
    return summary;
  } catch (const FileRejected &e) {
    throw sdk::InvalidInput(path.string() + ": " + e.what());
  }
}

} // namespace qloop::intake_files
