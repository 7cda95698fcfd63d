#include "csv_reader.hpp"

#include <array>
#include <memory>
#include <stdexcept>
#include <vector>

#include <csv.h>
#include <qloop/plugin.hpp>

#include "encoding.hpp"

namespace qloop::intake_files {
namespace {

// End of the physical line starting at `pos` (past its terminator: LF,
// CRLF, or a lone CR as old Mac exports end lines).
std::size_t line_end(std::string_view s, std::size_t pos) {
  while (pos < s.size()) {
    char c = s[pos++];
    if (c == '\n') break;
    if (c == '\r') {
      if (pos < s.size() && s[pos] == '\n') ++pos;
      break;
    }
  }
  return pos;
}

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

class CsvReader : public RowReader {
public:
  CsvReader(std::string_view bytes, const CsvOptions &options) : bytes_(bytes) {
    info_.format = "csv";
    info_.fixed_width = true;
    Detected enc;
    try {
      enc = detect_encoding(bytes_, options.encoding);
    } catch (const std::invalid_argument &e) {
      throw sdk::InvalidInput(e.what());
    }
    bytes_.remove_prefix(enc.bom_bytes);
    // UTF-16 puts NUL bytes between the CSV syntax: decode the whole file
    // first (its rows' raw bytes are then the UTF-8 text).
    if (enc.encoding == Encoding::Utf16le || enc.encoding == Encoding::Utf16be) {
      std::size_t bad = 0;
      auto text = to_utf8(bytes_, enc.encoding, &bad);
      if (!text)
        throw sdk::InvalidInput("the file starts with a " + enc.why + " but byte " + std::to_string(bad + 2) +
                                " is not valid " + encoding_name(enc.encoding));
      widened_ = std::move(*text);
      bytes_ = widened_;
      enc.encoding = Encoding::Utf8;
    }
    encoding_ = enc.encoding;
    info_.encoding = encoding_name(encoding_);
    delimiter_ = delimiter_of(options.delimiter, bytes_);
    // Excel's "sep=;" first line names the delimiter (and is then skipped as
    // a title line above the header).
    if ((options.delimiter == "auto" || options.delimiter.empty()) && bytes_.substr(0, 4) == "sep=" &&
        bytes_.size() >= 5 && (bytes_.size() == 5 || bytes_[5] == '\r' || bytes_[5] == '\n'))
      delimiter_ = bytes_[4];
  }

  void read(const RowHandler &handler) override {
    const std::string_view bytes = bytes_;
    Parser parser(delimiter_);
    Decoder decode(encoding_);
    Collector rows;
    std::size_t pos = 0, line = 1;
    std::size_t row_pos = 0, row_line = 1;
    bool in_row = false;

    auto emit = [&](std::size_t end) {
      SourceRow row;
      row.number = row_line;
      row.raw = std::string(bytes.substr(row_pos, end - row_pos));
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
      const std::size_t first_end = line_end(bytes, row_pos);
      row.raw = std::string(bytes.substr(row_pos, first_end - row_pos));
      row.error = why;
      parser.reset();
      rows.fields.clear();
      pos = first_end;
      line = row_line + 1;
      in_row = false;
      handler(std::move(row));
    };

    for (;;) {
      while (pos < bytes.size()) {
        const std::size_t end = line_end(bytes, pos);
        const std::string_view chunk = bytes.substr(pos, end - pos);
        if (!in_row && whitespace_only(chunk)) { // blank line: no row
          pos = end;
          ++line;
          continue;
        }
        if (!in_row) {
          row_pos = pos;
          row_line = line;
          in_row = true;
        }
        const std::size_t before = rows.completed;
        if (!parser.parse(chunk, rows)) {
          broken(
              line == row_line
                  ? "broken CSV quoting: a quote inside an unquoted field or text after a closing quote (" +
                        parser.error() + ")"
                  : "broken CSV quoting: the quoted field opened on this line does not close properly "
                    "(parse error on line " +
                        std::to_string(line) + ")");
          continue;
        }
        pos = end;
        ++line;
        if (rows.completed != before) emit(end);
      }
      if (!in_row) break;
      const std::size_t before = rows.completed;
      if (!parser.finish(rows)) {
        broken("broken CSV quoting: the quoted field opened on this line is never closed");
        continue;
      }
      if (rows.completed != before) emit(bytes.size());
      break;
    }
  }

private:
  std::string_view bytes_;
  std::string widened_;
  Encoding encoding_ = Encoding::Utf8;
  char delimiter_ = ',';
};

} // namespace

std::unique_ptr<RowReader> open_csv(std::string_view bytes, const CsvOptions &options) {
  return std::make_unique<CsvReader>(bytes, options);
}

} // namespace qloop::intake_files
