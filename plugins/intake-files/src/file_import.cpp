#include "file_import.hpp"

#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>
#include <qloop/plugin.hpp>

#include "csv_reader.hpp"
#include "encoding.hpp"
#include "record_builder.hpp"
#include "row_keys.hpp"
#include "sha256.hpp"
#include "xlsx_reader.hpp"

namespace qloop::intake_files {
namespace {

// A batch is sent early when it grows past this, whatever batch_size says.
constexpr std::size_t kMaxBatchBytes = 32u << 20;
// How far down a title block may push the header row.
constexpr std::size_t kHeaderSearchRows = 10;
// The least a CSV row may hold; rows may also reach 4 x max_field_bytes.
constexpr std::size_t kMinRowLimit = 64u << 20;

std::string lower_extension(const std::string &name) {
  auto dot = name.rfind('.');
  std::string ext = dot == std::string::npos ? "" : name.substr(dot);
  for (char &c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

bool is_zip(std::string_view start) { return start.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

std::unique_ptr<RowReader> open_reader(const std::string &name, const InputFile &file,
                                       const ScannedFile &scan, const Settings &s) {
  const std::string ext = lower_extension(name);
  char magic[4] = {};
  const std::string_view start(magic, file.read_at(0, magic, sizeof magic));
  try {
    if (is_zip(start)) return open_xlsx(file, s.sheet);
    if (start == std::string_view("\xD0\xCF\x11\xE0", 4))
      throw FileRejected("a legacy .xls (BIFF) workbook; save it as .xlsx or CSV");
    if (ext == ".xlsx") throw FileRejected("not a usable XLSX workbook: it is not a ZIP archive");
    const std::size_t row_limit = std::max(kMinRowLimit, s.max_field_bytes * 4);
    return open_csv(file, CsvOptions{s.encoding, s.delimiter, row_limit}, scan.census);
  } catch (const sdk::InvalidInput &e) {
    throw FileRejected(e.what());
  }
}

std::vector<std::string> header_texts(const SourceRow &row) {
  std::vector<std::string> out;
  for (const Cell &c : row.cells) out.push_back(c.text);
  return out;
}

std::string join(const std::vector<std::string> &items, const std::string &sep) {
  std::string out;
  for (const auto &i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

// Rows before the header is known wait here; exports often carry a title
// block above the header, so the header is the first of the first few
// non-blank rows that maps every required field.
class HeaderSearch {
public:
  HeaderSearch(const SourceInfo &info, const Mapping &mapping) : info_(info), mapping_(mapping) {}

  // Keeps the row; true once the header is found among the kept rows.
  bool offer(SourceRow &&row) {
    rows_.push_back(std::move(row));
    const SourceRow &r = rows_.back();
    if (blank(r)) return false;
    if (!first_) first_ = rows_.size() - 1;
    if (r.error.empty()) {
      ColumnPlan plan = plan_columns(header_texts(r), mapping_);
      if (plan.missing.empty()) {
        header_ = rows_.size() - 1;
        plan_ = std::move(plan);
        return true;
      }
    }
    if (++looked_ >= kHeaderSearchRows) fail();
    return false;
  }

  // No row qualified: say why, about the first non-blank row.
  [[noreturn]] void fail() const {
    if (!first_) throw FileRejected("the file has no header row (it is empty)");
    const SourceRow &row = rows_[*first_];
    if (!row.error.empty())
      throw FileRejected("the header row (row " + std::to_string(row.number) +
                         ") cannot be read: " + row.error +
                         (info_.format == "csv"
                              ? " (the file was read as " + info_.encoding + "; check the encoding setting)"
                              : ""));
    ColumnPlan plan = plan_columns(header_texts(row), mapping_);
    std::vector<std::string> found;
    for (const auto &h : plan.headers)
      if (!h.empty()) found.push_back(printable(h, 40));
    std::string how;
    for (const auto &m : plan.missing) how += (how.empty() ? "" : "; ") + std::string("<header>=") + m;
    throw FileRejected("missing required column(s) for " + join(plan.missing, ", ") +
                       "; headers found (row " + std::to_string(row.number) +
                       "): " + (found.empty() ? "(none)" : join(found, ", ")) +
                       ". Map your headers with the mapping setting, e.g. mapping = \"" + how + "\"" +
                       (info_.format == "csv" ? " (the file was read as " + info_.encoding + ")" : ""));
  }

  std::vector<SourceRow> &rows() { return rows_; }
  std::size_t header() const { return header_; }
  const ColumnPlan &plan() const { return plan_; }

private:
  const SourceInfo &info_;
  const Mapping &mapping_;
  std::vector<SourceRow> rows_;
  std::optional<std::size_t> first_;
  std::size_t looked_ = 0, header_ = 0;
  ColumnPlan plan_;
};

// Collects records into JSON arrays and hands each full one to the sink.
class Batcher {
public:
  Batcher(Sink &sink, const std::string &name, std::size_t size) : sink_(sink), name_(name), size_(size) {}

  void add(const nlohmann::json &record, std::size_t row, FileReport &report) {
    if (count_ == 0) first_row_ = row;
    buffer_ += count_ == 0 ? "[" : ",";
    buffer_ += record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    ++count_;
    last_row_ = row;
    if (count_ >= size_ || buffer_.size() >= kMaxBatchBytes) flush(report);
  }

  void flush(FileReport &report) {
    if (count_ == 0) return;
    buffer_ += "]";
    try {
      sink_.submit(buffer_);
    } catch (const sdk::Error &e) {
      throw sdk::Error(e.status(),
                       name_ + ": the host refused the batch of rows " + std::to_string(first_row_) + "-" +
                           std::to_string(last_row_) + " (" + e.what() +
                           "); the file stays where it is and a re-run retries it (" +
                           std::to_string(report.submitted) +
                           " records before it were accepted; their source keys prevent duplicates)");
    }
    report.submitted += count_;
    ++report.batches;
    buffer_.clear();
    count_ = 0;
  }

private:
  Sink &sink_;
  const std::string &name_;
  std::size_t size_;
  std::string buffer_;
  std::size_t count_ = 0, first_row_ = 0, last_row_ = 0;
};

// A CSV row must have the header's width (trailing empty fields aside).
std::optional<std::string> width_problem(const SourceRow &row, std::size_t width) {
  std::size_t used = row.cells.size();
  while (used > width && row.cells[used - 1].kind == CellKind::Empty) --used;
  if (used == width) return std::nullopt;
  return std::to_string(used) + " fields, but the header has " + std::to_string(width) +
         (used > width ? " columns (an unquoted delimiter inside a field?)"
                       : " columns (a line break inside an unquoted field?)");
}

} // namespace

std::string row_source_key(const std::string &sha256, std::size_t row) {
  return "file:" + sha256 + ":" + std::to_string(row);
}

InputFile open_input(const std::filesystem::path &path, std::size_t max_bytes) {
  InputFile file = InputFile::open(path);
  if (file.size() > max_bytes)
    throw FileRejected("the file is " + std::to_string(file.size()) + " bytes, over max_file_bytes (" +
                       std::to_string(max_bytes) + ")");
  return file;
}

ScannedFile scan_file(const InputFile &file) {
  ScannedFile scan;
  bool first = true, zip = false;
  scan.sha256 = sha256_file(file, [&](std::string_view chunk) {
    if (first) zip = is_zip(chunk);
    first = false;
    if (!zip) scan.census.feed(chunk); // a workbook is not text: no census
  });
  scan.census.finish();
  file.check_unchanged();
  return scan;
}

FileReport import_file(const std::string &name, const InputFile &file, const ScannedFile &scan,
                       const Settings &settings, Sink &sink) {
  const std::string &sha256 = scan.sha256;
  FileReport report;
  report.name = name;
  report.sha256 = sha256;
  const std::unique_ptr<RowReader> reader = open_reader(name, file, scan, settings);
  const SourceInfo &info = reader->info();
  report.format = info.format;
  report.encoding = info.encoding;
  report.sheet = info.sheet;

  BuildOptions options;
  options.channel = settings.channel;
  options.timezone = settings.timezone;
  options.max_field_bytes = settings.max_field_bytes;
  options.file_name = name;
  Batcher batch(sink, report.name, settings.batch_size);
  HeaderSearch search(info, settings.mapping);
  bool found = false;
  std::size_t title_rows = 0;

  KeyColumns key; // key_columns, resolved against the header
  SeenKeys seen;  // their values so far, to catch a repeated key
  std::size_t repeated = 0;

  auto quarantine = [&](const SourceRow &row, const std::string &source_key, const std::string &problem) {
    try {
      sink.quarantine(source_key, row.raw, name + " row " + std::to_string(row.number) + ": " + problem);
    } catch (const sdk::Error &e) {
      throw sdk::Error(e.status(), name + ": the host could not quarantine row " +
                                       std::to_string(row.number) + " (" + e.what() +
                                       "); the file stays where it is and a re-run retries it");
    }
    ++report.quarantined;
  };
  // A row after the header: a record, or the quarantine with the reason.
  auto take = [&](const SourceRow &row) {
    if (blank(row)) return;
    ++report.rows;
    const ColumnPlan &plan = search.plan();
    const std::size_t width = plan.headers.size();
    // Rows that cannot be read, or whose fields have shifted, have no
    // trustworthy key values: they keep the file's own key.
    const std::string file_key = row_source_key(sha256, row.number);
    if (!row.error.empty()) {
      std::string problem = row.error;
      if (row.error_field < width) problem += " (column " + plan.extra_names[row.error_field] + ")";
      return quarantine(row, file_key, problem);
    }
    if (info.fixed_width)
      if (auto problem = width_problem(row, width)) return quarantine(row, file_key, *problem);
    std::string source_key = file_key;
    if (!key.columns.empty()) {
      const std::optional<RowKey> k = row_key(row, key, settings.channel);
      if (!k)
        return quarantine(row, file_key,
                          "key_columns " + key.joined_names() +
                              (key.columns.size() == 1 ? " is" : " are all") +
                              " empty, so the row has no source key");
      if (auto earlier = seen.add(k->fingerprint, cells_hash(row), row.number)) {
        ++repeated;
        // The n-th repeat keeps one key from import to import, so a
        // cumulative export updates this quarantine item instead of adding one.
        return quarantine(row, k->source_key + "#" + std::to_string(earlier->count),
                          "duplicate key within the file: key_columns " + key.joined_names() + " = " +
                              printable(k->values, 120) + " as on row " + std::to_string(earlier->row) +
                              (earlier->same_cells ? " (the same cells)" : " (with other cells)") +
                              "; the first row is kept. Add key columns if both rows are needed");
      }
      source_key = k->source_key;
    }
    Built built = build_record(row, info, plan, source_key, options);
    if (!built.problems.empty()) return quarantine(row, source_key, join(built.problems, "; "));
    batch.add(built.record, row.number, report);
  };

  reader->read([&](SourceRow &&row) {
    if (found) return take(row);
    if (!search.offer(std::move(row))) return;
    // The header is known: settle the rows kept so far.
    found = true;
    report.header_row = search.rows()[search.header()].number;
    // Before anything is submitted: a missing key column fails the file.
    if (!settings.key_columns.empty())
      key = resolve_key_columns(settings.key_columns, search.plan(), settings.mapping, report.header_row);
    for (const auto &note : search.plan().notes) sink.log(QLOOP_LOG_WARN, name + ": " + note);
    for (std::size_t i = 0; i < search.rows().size(); ++i) {
      const SourceRow &kept = search.rows()[i];
      if (i < search.header()) {
        if (!kept.error.empty()) { // unreadable, even above the header
          ++report.rows;
          quarantine(kept, row_source_key(sha256, kept.number), kept.error);
        } else if (!blank(kept)) {
          ++title_rows;
        }
      } else if (i > search.header()) {
        take(kept);
      }
    }
    search.rows().clear();
  });
  if (!found) search.fail();
  batch.flush(report);
  // Rows read from a file that changed meanwhile may not match its hash:
  // leave it for the next run (sdk::Error IO) instead of calling it done.
  file.check_unchanged();
  if (repeated > 0)
    sink.log(QLOOP_LOG_WARN, name + ": " + std::to_string(repeated) +
                                 " row(s) repeat the key of an earlier row (key_columns " +
                                 key.joined_names() + ") and were quarantined");
  if (title_rows > 0)
    sink.log(QLOOP_LOG_INFO, name + ": skipped " + std::to_string(title_rows) +
                                 " title row(s) above the header (row " + std::to_string(report.header_row) +
                                 ")");
  return report;
}

} // namespace qloop::intake_files
