#include "xml_stream.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <new>

#include <expat.h>
#include <qloop/plugin.hpp>

namespace qloop::intake_files {
namespace {

std::string_view local(const char *name) {
  const char *colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

XML_Parser as_parser(void *p) { return static_cast<XML_Parser>(p); }

} // namespace

const char *xml_attribute(const char **attributes, std::string_view name) {
  for (const char **a = attributes; a[0] != nullptr; a += 2)
    if (name == a[0]) return a[1];
  return nullptr;
}

XmlStream::XmlStream(XmlHandler &handler, std::string part) : handler_(handler), part_(std::move(part)) {
  // No namespace processing: prefixes are dropped by name, as the DOM
  // helpers do; entities are expat's own (its billion-laughs guard stays on).
  XML_Parser p = XML_ParserCreate(nullptr);
  if (p == nullptr) throw std::bad_alloc();
  parser_ = p;
  XML_SetUserData(p, this);
  XML_SetElementHandler(p, &XmlStream::on_start, &XmlStream::on_end);
  XML_SetCharacterDataHandler(p, &XmlStream::on_text);
}

XmlStream::~XmlStream() { XML_ParserFree(as_parser(parser_)); }

// C++ exceptions must not unwind through expat's C frames: keep the first
// one, stop the parser, and rethrow once XML_Parse has returned.
void XmlStream::on_start(void *self, const char *name, const char **attributes) {
  auto *s = static_cast<XmlStream *>(self);
  try {
    s->handler_.start(local(name), attributes);
  } catch (...) {
    s->error_ = std::current_exception();
    XML_StopParser(as_parser(s->parser_), XML_FALSE);
  }
}

void XmlStream::on_end(void *self, const char *name) {
  auto *s = static_cast<XmlStream *>(self);
  try {
    s->handler_.end(local(name));
  } catch (...) {
    s->error_ = std::current_exception();
    XML_StopParser(as_parser(s->parser_), XML_FALSE);
  }
}

void XmlStream::on_text(void *self, const char *data, int len) {
  auto *s = static_cast<XmlStream *>(self);
  try {
    s->handler_.text(std::string_view(data, static_cast<std::size_t>(len)));
  } catch (...) {
    s->error_ = std::current_exception();
    XML_StopParser(as_parser(s->parser_), XML_FALSE);
  }
}

void XmlStream::parse(const char *data, std::size_t len, bool last) {
  XML_Parser p = as_parser(parser_);
  do {
    const int piece = static_cast<int>(std::min<std::size_t>(len, INT_MAX));
    const bool final = last && static_cast<std::size_t>(piece) == len;
    if (XML_Parse(p, data, piece, final ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (error_) std::rethrow_exception(error_);
      throw sdk::InvalidInput("not a usable XLSX workbook: part " + part_ + " is not XML (" +
                              XML_ErrorString(XML_GetErrorCode(p)) + ", line " +
                              std::to_string(XML_GetCurrentLineNumber(p)) + ")");
    }
    data += piece;
    len -= static_cast<std::size_t>(piece);
  } while (len > 0);
}

void XmlStream::feed(std::string_view chunk) {
  if (!chunk.empty()) parse(chunk.data(), chunk.size(), false);
}

void XmlStream::finish() { parse(nullptr, 0, true); }

} // namespace qloop::intake_files
