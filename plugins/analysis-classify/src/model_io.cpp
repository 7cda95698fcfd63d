#include "model_io.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>
#include <sys/stat.h>
#include <unistd.h>

namespace qloop::classify {
namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

// liblinear's save_model/load_model switch the process locale to "C" and
// back around their printf/scanf; at least keep two instances of this
// plugin from interleaving that.
std::mutex &liblinear_io_mutex() {
  static std::mutex m;
  return m;
}

[[noreturn]] void io_error(const std::string &message) { throw sdk::Error(QLOOP_ERR_IO, message); }

std::string errno_text() { return std::strerror(errno); }

void sync_path(const fs::path &p, bool directory) {
  const int fd = ::open(p.c_str(), (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_error("model_dir: cannot open " + p.string() + " to sync it: " + errno_text());
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) io_error("model_dir: cannot sync " + p.string() + ": " + errno_text());
}

void write_file(const fs::path &p, const std::string &bytes) {
  {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) io_error("model_dir: cannot write " + p.string() + ": " + errno_text());
  }
  sync_path(p, false);
}

std::string read_file(const fs::path &p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) io_error("model_dir: cannot read " + p.string() + ": " + errno_text());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string vocabulary_text(const Vocabulary &v) {
  std::string out;
  out.reserve(v.size() * 28);
  char buf[64];
  for (std::size_t i = 0; i < v.size(); ++i) {
    // %.17g: the idf reads back bit for bit, so a reloaded model scores as trained.
    const int n = std::snprintf(buf, sizeof buf, "%u\t%.17g\n", v.buckets()[i], v.idf()[i]);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

Vocabulary parse_vocabulary(const std::string &text, int hash_bits, const fs::path &file) {
  std::vector<std::uint32_t> buckets;
  std::vector<double> idf;
  const char *p = text.data();
  const char *end = p + text.size();
  std::size_t line = 0;
  while (p < end) {
    ++line;
    std::uint32_t b = 0;
    double v = 0;
    auto r1 = std::from_chars(p, end, b);
    if (r1.ec != std::errc() || r1.ptr == end || *r1.ptr != '\t')
      io_error("model_dir: " + file.string() + " line " + std::to_string(line) + ": expected bucket<TAB>idf");
    auto r2 = std::from_chars(r1.ptr + 1, end, v);
    if (r2.ec != std::errc() || (r2.ptr != end && *r2.ptr != '\n'))
      io_error("model_dir: " + file.string() + " line " + std::to_string(line) + ": expected bucket<TAB>idf");
    buckets.push_back(b);
    idf.push_back(v);
    p = r2.ptr == end ? end : r2.ptr + 1;
  }
  try {
    return Vocabulary(hash_bits, std::move(buckets), std::move(idf));
  } catch (const std::invalid_argument &e) {
    io_error("model_dir: " + file.string() + ": " + e.what());
  }
}

Json meta_json(const ModelSet &m) {
  Json targets = Json::object();
  for (Target t : kTargets) {
    const auto &tm = m.targets[index_of(t)];
    if (!tm) continue;
    targets[target_name(t)] = {{"model", std::string(target_name(t)) + ".model"},
                               {"labels", tm->labels},
                               {"class_counts", tm->class_counts},
                               {"trained_on", tm->trained_on}};
  }
  return {{"format", kModelFormat},
          {"hash_bits", m.options.features.hash_bits},
          {"ngram_min", m.options.features.ngram_min},
          {"ngram_max", m.options.features.ngram_max},
          {"fields", {"product_model", "product_family", "channel", "customer"}},
          {"weighting", "sublinear tf x smoothed idf, L2-normalised"},
          {"solver", "liblinear L2R_LR"},
          {"C", m.options.C},
          {"min_df", m.options.min_df},
          {"features", m.vocabulary.size()},
          {"vocabulary", "vocabulary.tsv"},
          {"records", m.records},
          {"trained_at", m.trained_at},
          {"targets", targets}};
}

// A directory we may replace: absent, empty, or one of ours.
bool replaceable(const fs::path &dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  if (!fs::is_directory(dir, ec)) return false;
  if (fs::is_empty(dir, ec)) return true;
  try {
    const auto meta = Json::parse(read_file(dir / "meta.json"));
    return meta.value("format", "").rfind("qloop.classify.model/", 0) == 0;
  } catch (...) {
    return false;
  }
}

} // namespace

std::optional<MetaStamp> meta_stamp(const fs::path &dir) {
  struct stat st {};
  if (::stat((dir / "meta.json").c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return MetaStamp{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
                   static_cast<std::uint64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

void save_models(const ModelSet &models, const fs::path &dir) {
  if (!replaceable(dir))
    throw sdk::InvalidInput("model_dir: " + dir.string() +
                            " exists and is not a classify model directory (no meta.json of ours); "
                            "refusing to replace it");
  std::error_code ec;
  const fs::path parent = dir.parent_path();
  fs::create_directories(parent, ec);
  if (ec) io_error("model_dir: cannot create " + parent.string() + ": " + ec.message());

  static std::atomic<unsigned> counter{0};
  const fs::path tmp = parent / ("." + dir.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                                 std::to_string(counter++));
  fs::remove_all(tmp, ec);
  if (!fs::create_directory(tmp, ec) || ec)
    io_error("model_dir: cannot create " + tmp.string() + ": " + ec.message());
  try {
    write_file(tmp / "vocabulary.tsv", vocabulary_text(models.vocabulary));
    for (Target t : kTargets) {
      const auto &tm = models.targets[index_of(t)];
      if (!tm) continue;
      const fs::path file = tmp / (std::string(target_name(t)) + ".model");
      int rc;
      {
        std::lock_guard lock(liblinear_io_mutex());
        rc = save_model(file.c_str(), tm->linear.get());
      }
      if (rc != 0) io_error("model_dir: cannot write " + file.string() + ": " + errno_text());
      sync_path(file, false);
    }
    // meta.json last: a directory without it is never taken for a model.
    write_file(tmp / "meta.json", meta_json(models).dump(2));
    sync_path(tmp, true);

    if (!fs::exists(dir)) {
      fs::rename(tmp, dir);
    } else if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) == 0) {
      fs::remove_all(tmp); // now the old models
    } else {
      // A file system without RENAME_EXCHANGE: two renames, with a moment
      // in which model_dir is missing (a predict then says so and can retry).
      fs::path old = tmp;
      old += ".old";
      fs::rename(dir, old);
      fs::rename(tmp, dir);
      fs::remove_all(old, ec);
    }
    sync_path(parent, true);
  } catch (const fs::filesystem_error &e) {
    fs::remove_all(tmp, ec);
    io_error("model_dir: " + std::string(e.what()));
  } catch (...) {
    fs::remove_all(tmp, ec);
    throw;
  }
}

ModelSet load_models(const fs::path &dir) {
  const fs::path meta_path = dir / "meta.json";
  std::error_code ec;
  if (!fs::is_regular_file(meta_path, ec))
    throw sdk::InvalidInput("model_dir: no model there; run classify.train first (" + dir.string() + ")");
  Json meta = Json::parse(read_file(meta_path), nullptr, false);
  if (meta.is_discarded() || !meta.is_object() || meta.value("format", "") != kModelFormat)
    io_error("model_dir: " + meta_path.string() + " is not a " + kModelFormat + " file");
  ModelSet m;
  try {
    m.options.features.hash_bits = meta.at("hash_bits").get<int>();
    m.options.features.ngram_min = meta.at("ngram_min").get<int>();
    m.options.features.ngram_max = meta.at("ngram_max").get<int>();
    check(m.options.features);
    m.options.C = meta.at("C").get<double>();
    m.options.min_df = meta.at("min_df").get<int>();
    m.records = meta.at("records").get<std::size_t>();
    m.trained_at = meta.at("trained_at").get<std::string>();
  } catch (const std::exception &e) {
    io_error("model_dir: " + meta_path.string() + ": " + e.what());
  }
  const fs::path vocab_path = dir / meta.value("vocabulary", "vocabulary.tsv");
  m.vocabulary = parse_vocabulary(read_file(vocab_path), m.options.features.hash_bits, vocab_path);
  if (m.vocabulary.size() != meta.value("features", std::size_t{0}))
    io_error("model_dir: " + vocab_path.string() + " has " + std::to_string(m.vocabulary.size()) +
             " features, meta.json says " + meta.value("features", Json()).dump());

  for (const auto &[name, spec] : meta.at("targets").items()) {
    const auto target = target_from_name(name);
    if (!target) continue; // written by a later version: ignore what we do not know
    TargetModel tm;
    const fs::path file = dir / spec.value("model", name + ".model");
    {
      std::lock_guard lock(liblinear_io_mutex());
      tm.linear.reset(load_model(file.c_str()));
    }
    if (!tm.linear) io_error("model_dir: cannot load " + file.string());
    try {
      tm.labels = spec.at("labels").get<std::vector<std::string>>();
      tm.class_counts = spec.at("class_counts").get<std::map<std::string, std::size_t>>();
      tm.trained_on = spec.at("trained_on").get<std::size_t>();
    } catch (const std::exception &e) {
      io_error("model_dir: " + meta_path.string() + ": targets." + name + ": " + e.what());
    }
    if (tm.linear->nr_feature != static_cast<int>(m.vocabulary.size()) ||
        tm.linear->nr_class != static_cast<int>(tm.labels.size()) ||
        !check_probability_model(tm.linear.get()))
      io_error("model_dir: " + file.string() + " does not match meta.json (features or classes differ)");
    tm.index_classes();
    if (std::find(tm.column_of_class.begin(), tm.column_of_class.end(), -1) != tm.column_of_class.end())
      io_error("model_dir: " + file.string() + " lacks a class that meta.json names");
    m.targets[index_of(*target)] = std::move(tm);
  }
  return m;
}

} // namespace qloop::classify
