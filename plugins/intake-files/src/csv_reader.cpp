#include "csv_reader.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

#include <csv.h>
#include <qloop/plugin.hpp>

#include "encoding.hpp"
#include "line_reader.hpp"
#include "utf16_input.hpp"

namespace qloop::intake_files {
namespace {

bool whitespace_only(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

int space_only(unsigned char c) { return c == CSV_SPACE ? 1 : 0; }

struct Collector {
  std::vector<std::string> fields;
  std::vector<std::string> finished;
  std::size_t completed = 0;
};

void on_field(void *data, std::size_t len, void *user) {
  auto *c = static_cast<Collector *>(user);
  c->fields.emplace_back(data ? static_cast<const char *>(data) : "", data ? len : 0);
}

void on_row(int, void *user) {
  auto *c = static_cast<Collector *>(user);
  c->finished = std::move(c->fields);
  c->fields.clear();
  ++c->completed;
}

class Parser {
public:
  explicit Parser(char delimiter) : delimiter_(delimiter) { reset(); }
  ~Parser() { csv_free(&p_); }
  Parser(const Parser &) = delete;
  Parser &operator=(const Parser &) = delete;

  // After an error libcsv keeps its error state: start a fresh parser.
  void reset() {
    if (initialised_) csv_free(&p_);
    if (csv_init(&p_, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::bad_alloc();
    initialised_ = true;
    csv_set_delim(&p_, static_cast<unsigned char>(delimiter_));
    // libcsv trims spaces and tabs around unquoted fields; a tab is data
    // when it is the delimiter.
    if (delimiter_ == '\t') csv_set_space_func(&p_, space_only);
    // Grow field buffers in large steps: a 10 MB field must not take 80 000
    // reallocations.
    csv_set_blk_size(&p_, 64 * 1024);
  }
  bool parse(std::string_view chunk, Collector &c) {
    return csv_parse(&p_, chunk.data(), chunk.size(), on_field, on_row, &c) == chunk.size();
  }
  bool finish(Collector &c) { return csv_fini(&p_, on_field, on_row, &c) == 0; }
  std::string error() { return csv_strerror(csv_error(&p_)); }

private:
  char delimiter_;
  bool initialised_ = false;
  csv_parser p_{};
};

char delimiter_of(const std::string &option, std::string_view bytes) {
  if (option == "auto" || option.empty()) return sniff_delimiter(bytes);
  if (option == "tab" || option == "\\t" || option == "\t") return '\t';
  if (option == "," || option == ";" || option == "|") return option[0];
  throw sdk::InvalidInput("delimiter: '" + option + "' is not one of auto, ',', ';', tab, '|'");
}

// Decodes one row's fields; a field that does not decode makes the row's error.
void decode_row(SourceRow &row, std::vector<std::string> &fields, Decoder &decode, Encoding enc) {
  row.cells.reserve(fields.size());
  for (std::size_t i = 0; i < fields.size(); ++i) {
    std::size_t bad = 0;
    auto text = decode(fields[i], &bad);
    if (!text) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(fields[i][bad]));
      row.error = "field " + std::to_string(i + 1) + " is not valid " + encoding_name(enc) + " (byte " +
                  byte + " at offset " + std::to_string(bad) + ": '" + printable(fields[i]) + "')";
      row.error_field = i;
      row.cells.clear();
      return;
    }
    Cell cell;
    if (!text->empty()) {
      cell.kind = CellKind::Text;
      cell.text = std::move(*text);
    }
    row.cells.push_back(std::move(cell));
  }
}

} // namespace

char sniff_delimiter(std::string_view bytes) {
  const std::array<char, 4> candidates{',', ';', '\t', '|'};
  std::array<std::size_t, 4> counts{};
  bool quoted = false;
  int lines = 0;
  for (std::size_t i = 0; i < bytes.size() && lines < 10; ++i) {
    char c = bytes[i];
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r'))
      ++lines;
    else if (!quoted)
      for (std::size_t k = 0; k < candidates.size(); ++k) counts[k] += c == candidates[k];
  }
  std::size_t best = 0;
  for (std::size_t k = 1; k < candidates.size(); ++k)
    if (counts[k] > counts[best]) best = k;
  return candidates[best];
}

namespace {

// How much of the file's start the delimiter sniffing and the "sep=" check see.
constexpr std::size_t kSniffBytes = 1u << 20;

std::size_t count_quotes(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += c == '"';
  return n;
}

class CsvReader : public RowReader {
public:
  CsvReader(const InputFile &file, const CsvOptions &options, const Utf8Census &census)
      : file_(&file), max_row_(options.max_row_bytes) {
    info_.format = "csv";
    info_.fixed_width = true;
    std::string start(kSniffBytes, '\0');
    start.resize(file.read_at(0, start.data(), start.size()));
    Detected enc;
    try {
      enc = detect_encoding(start, options.encoding, census);
    } catch (const std::invalid_argument &e) {
      throw sdk::InvalidInput(e.what());
    }
    start_ = enc.bom_bytes;
    // UTF-16 puts NUL bytes between the CSV syntax: decode the whole file
    // first (its rows' raw bytes are then the UTF-8 text).
    if (enc.encoding == Encoding::Utf16le || enc.encoding == Encoding::Utf16be) {
      widened_ = utf16_to_utf8(file, enc.bom_bytes, enc.encoding, enc.why);
      file_ = &*widened_;
      start_ = 0;
      start.resize(file_->read_at(0, start.data(), start.size()));
      enc.encoding = Encoding::Utf8;
    } else {
      start.erase(0, enc.bom_bytes);
    }
    encoding_ = enc.encoding;
    info_.encoding = encoding_name(encoding_);
    delimiter_ = delimiter_of(options.delimiter, start);
    // Excel's "sep=;" first line names the delimiter (and is then skipped as
    // a title line above the header).
    const std::string_view head = start;
    if ((options.delimiter == "auto" || options.delimiter.empty()) && head.substr(0, 4) == "sep=" &&
        head.size() >= 5 && (head.size() == 5 || head[5] == '\r' || head[5] == '\n'))
      delimiter_ = head[4];
  }

  void read(const RowHandler &handler) override {
    LineReader lines(*file_, start_);
    Parser parser(delimiter_);
    Decoder decode(encoding_);
    Collector rows;
    std::size_t line = 1;     // number of the next line
    std::string raw;          // the current row's bytes so far
    bool in_row = false;      // a row has started and not ended
    bool too_long = false;    // the row passed max_row_bytes
    bool quoted = false;      // inside quotes at the end of the last line
    std::size_t row_line = 1; // where the current row starts
    std::uint64_t first_line_end = 0;
    std::size_t first_line_bytes = 0;

    auto emit = [&]() {
      SourceRow row;
      row.number = row_line;
      row.raw = raw;
      decode_row(row, rows.finished, decode, encoding_);
      rows.finished.clear();
      in_row = false;
      handler(std::move(row));
    };
    // A broken row: keep its first line, start again on the next one. When a
    // quote opened on the first line never closed, the lines after it were
    // swallowed into the field; reading them again recovers them.
    auto broken = [&](const std::string &why) {
      SourceRow row;
      row.number = row_line;
      row.raw = raw.substr(0, first_line_bytes);
      row.error = why;
      if (first_line_bytes == max_row_)
        row.error += " (raw input cut to its first " + std::to_string(max_row_) + " bytes)";
      parser.reset();
      rows.fields.clear();
      lines.seek(first_line_end);
      line = row_line + 1;
      in_row = false;
      handler(std::move(row));
    };
    // A row past max_row_bytes whose quotes closed: quarantined as one row,
    // cut, without parsing the rest of it.
    auto oversized = [&](std::size_t last_line) {
      SourceRow row;
      row.number = row_line;
      row.raw = raw;
      row.error = "the row is longer than " + std::to_string(max_row_) +
                  " bytes, the limit for one CSV row (64 MiB, or 4 x max_field_bytes when that is more); it "
                  "ends on line " +
                  std::to_string(last_line) + " (raw input cut to its first " + std::to_string(raw.size()) +
                  " bytes)";
      parser.reset();
      rows.fields.clear();
      in_row = false;
      handler(std::move(row));
    };

    std::string_view chunk;
    for (;;) {
      if (!lines.next(chunk)) {
        if (!in_row) break;
        const std::size_t before = rows.completed;
        if (too_long || !parser.finish(rows)) {
          broken("broken CSV quoting: the quoted field opened on this line is never closed");
          continue;
        }
        if (rows.completed != before) emit();
        break;
      }
      if (!in_row && whitespace_only(chunk)) { // blank line: no row
        ++line;
        continue;
      }
      if (!in_row) {
        in_row = true;
        too_long = false;
        quoted = false;
        row_line = line;
        first_line_end = lines.position();
        first_line_bytes = std::min(chunk.size(), max_row_);
        raw.clear();
      }
      // Quote parity: only needed once the row is too long for libcsv.
      quoted ^= (count_quotes(chunk) & 1) != 0;
      if (!too_long && raw.size() + chunk.size() > max_row_) {
        too_long = true;
        raw.append(chunk.substr(0, max_row_ - raw.size()));
        parser.reset();
        rows.fields.clear();
      }
      if (too_long) {
        ++line;
        if (!quoted) oversized(line - 1);
        continue;
      }
      raw.append(chunk);
      const std::size_t before = rows.completed;
      if (!parser.parse(chunk, rows)) {
        broken(line == row_line
                   ? "broken CSV quoting: a quote inside an unquoted field or text after a closing quote (" +
                         parser.error() + ")"
                   : "broken CSV quoting: the quoted field opened on this line does not close properly "
                     "(parse error on line " +
                         std::to_string(line) + ")");
        continue;
      }
      ++line;
      if (rows.completed != before) emit();
    }
  }

private:
  const InputFile *file_;
  std::optional<InputFile> widened_; // UTF-16 decoded to UTF-8
  std::uint64_t start_ = 0;          // past a byte order mark
  std::size_t max_row_;
  Encoding encoding_ = Encoding::Utf8;
  char delimiter_ = ',';
};

} // namespace

std::unique_ptr<RowReader> open_csv(const InputFile &file, const CsvOptions &options,
                                    const Utf8Census &census) {
  return std::make_unique<CsvReader>(file, options, census);
}

} // namespace qloop::intake_files
