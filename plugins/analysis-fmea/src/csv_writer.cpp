#include "csv_writer.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include <qloop/plugin.hpp>

#include "values.hpp"

namespace qloop::fmea {
namespace {

std::string field(const std::string &text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

} // namespace

std::string csv_text(const OutputTable &table) {
  std::string out = "\xEF\xBB\xBF";
  for (std::size_t c = 0; c < table.columns.size(); ++c)
    out += (c ? "," : "") + field(table.columns[c].header);
  out += "\r\n";
  for (const auto &row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) out += (c ? "," : "") + field(text_of(row[c]));
    out += "\r\n";
  }
  return out;
}

void write_csv(const std::string &path, const OutputTable &table) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path + ": " + std::strerror(errno));
  const std::string text = csv_text(table);
  f.write(text.data(), static_cast<std::streamsize>(text.size()));
  f.close();
  if (!f) throw sdk::Error(QLOOP_ERR_IO, "cannot write " + path);
}

} // namespace qloop::fmea
