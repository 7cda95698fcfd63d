#include "xlsx_package.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include <qloop/plugin.hpp>
#include <unistd.h>
#include <zip.h>

namespace qloop::intake_files {
namespace {

// A part parsed whole larger than this is refused: a zip bomb, not a
// complaint export.
constexpr zip_uint64_t kMaxPartBytes = 512ull << 20;
// Streamed parts cost no memory, only time: this only stops a zip bomb
// from running for hours (4 GiB of sheet XML is ~10 million rows).
constexpr zip_uint64_t kMaxStreamedPartBytes = 4ull << 30;
constexpr std::size_t kStreamChunk = 64u << 10;

std::string dir_of(const std::string &part) {
  auto slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

// A relationship target relative to the part naming it, as a package path.
std::string resolve(const std::string &base_dir, const std::string &target) {
  std::string joined = !target.empty() && target[0] == '/' ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= joined.size()) {
    auto end = joined.find('/', start);
    if (end == std::string::npos) end = joined.size();
    std::string piece = joined.substr(start, end - start);
    if (piece == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!piece.empty() && piece != ".") {
      parts.push_back(piece);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto &p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

[[noreturn]] void fail(zip_error_t &err) {
  std::string why = zip_error_strerror(&err);
  zip_error_fini(&err);
  invalid_workbook(why);
}

} // namespace

void invalid_workbook(const std::string &why) {
  throw sdk::InvalidInput("not a usable XLSX workbook: " + why);
}

Package::Package(const InputFile &file) {
  // libzip reads through its own FILE on a duplicate of the descriptor: the
  // package is the file that was hashed, even if the path is renamed.
  const int fd = ::dup(file.fd());
  if (fd < 0)
    throw sdk::Error(QLOOP_ERR_IO, "cannot read " + file.path().string() + ": " + std::strerror(errno));
  FILE *fp = ::fdopen(fd, "rb");
  if (fp == nullptr) {
    ::close(fd);
    throw sdk::Error(QLOOP_ERR_IO, "cannot read " + file.path().string() + ": " + std::strerror(errno));
  }
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t *src = zip_source_filep_create(fp, 0, -1, &err);
  if (src == nullptr) {
    std::fclose(fp);
    fail(err);
  }
  zip_t *z = zip_open_from_source(src, ZIP_RDONLY, &err);
  if (z == nullptr) {
    zip_source_free(src); // closes fp
    fail(err);
  }
  zip_ = z;
}

Package::~Package() { zip_discard(zip_); }

std::optional<std::string> Package::read(const std::string &name) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return std::nullopt;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPartBytes)
    invalid_workbook("part " + name + " is too large");
  zip_file_t *f = zip_fopen(zip_, name.c_str(), 0);
  if (f == nullptr) invalid_workbook("cannot open part " + name + " (" + zip_strerror(zip_) + ")");
  std::string data(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = data.empty() ? 0 : zip_fread(f, data.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) invalid_workbook("cannot read part " + name);
  return data;
}

pugi::xml_document Package::xml(const std::string &name, bool required) const {
  pugi::xml_document doc;
  auto data = read(name);
  if (!data) {
    if (required) invalid_workbook("part " + name + " is missing");
    return doc;
  }
  auto ok = doc.load_buffer(data->data(), data->size());
  if (!ok) invalid_workbook("part " + name + " is not XML (" + ok.description() + ")");
  return doc;
}

bool Package::stream(const std::string &name, const std::function<void(std::string_view)> &sink) const {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(zip_, name.c_str(), 0, &st) != 0) return false;
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxStreamedPartBytes)
    invalid_workbook("part " + name + " is too large (over 4 GiB of XML)");
  zip_file_t *f = zip_fopen(zip_, name.c_str(), 0);
  if (f == nullptr) invalid_workbook("cannot open part " + name + " (" + zip_strerror(zip_) + ")");
  const std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> closer(f, zip_fclose);
  std::vector<char> buf(kStreamChunk);
  zip_uint64_t total = 0;
  for (;;) {
    // libzip checks the CRC when the entry's end is read, so a damaged
    // entry fails here, on its last chunk.
    const zip_int64_t n = zip_fread(f, buf.data(), buf.size());
    if (n < 0) invalid_workbook("cannot read part " + name + " (" + zip_file_strerror(f) + ")");
    if (n == 0) break;
    total += static_cast<zip_uint64_t>(n);
    if (total > st.size) invalid_workbook("part " + name + " is longer than its directory entry says");
    sink(std::string_view(buf.data(), static_cast<std::size_t>(n)));
  }
  if (total != st.size) invalid_workbook("cannot read part " + name + " (it ends early)");
  return true;
}

std::string_view local_name(const char *name) {
  const char *colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_node c : n.children())
    if (local_name(c.name()) == name) return c;
  return {};
}

// r:id and friends carry a namespace prefix whose spelling varies by writer.
pugi::xml_attribute attribute(pugi::xml_node n, std::string_view name) {
  for (pugi::xml_attribute a : n.attributes())
    if (local_name(a.name()) == name) return a;
  return {};
}

bool ends_with(const std::string &s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::vector<Relationship> relationships(const Package &pkg, const std::string &part) {
  std::vector<Relationship> rels;
  const std::string dir = dir_of(part);
  const std::string name = part.substr(dir.size());
  pugi::xml_document doc = pkg.xml(dir + "_rels/" + name + ".rels", false);
  for (pugi::xml_node r : child(doc, "Relationships").children())
    if (local_name(r.name()) == "Relationship")
      rels.push_back({r.attribute("Id").value(), r.attribute("Type").value(),
                      resolve(dir, r.attribute("Target").value())});
  return rels;
}

} // namespace qloop::intake_files
