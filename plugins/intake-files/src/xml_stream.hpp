// SAX parsing with expat: an XML part fed in chunks reaches a handler as
// element starts, ends and text, so memory stays flat however long the part
// is. Names reach the handler without their namespace prefix ("x:row" ->
// "row"), since writers spell the SpreadsheetML prefix as they like.
#pragma once

#include <exception>
#include <string>
#include <string_view>

namespace qloop::intake_files {

class XmlHandler {
public:
  virtual ~XmlHandler() = default;
  // `attributes`: name, value, name, value, ..., nullptr (names as written).
  virtual void start(std::string_view name, const char **attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view data) = 0;
};

// The value of attribute `name` (compared as written), or nullptr.
const char *xml_attribute(const char **attributes, std::string_view name);

class XmlStream {
public:
  // `part` names the part in errors.
  XmlStream(XmlHandler &handler, std::string part);
  ~XmlStream();
  XmlStream(const XmlStream &) = delete;
  XmlStream &operator=(const XmlStream &) = delete;

  // Throws sdk::InvalidInput("... part P is not XML (reason, line N)"), or
  // what the handler threw.
  void feed(std::string_view chunk);
  void finish();

private:
  static void on_start(void *self, const char *name, const char **attributes);
  static void on_end(void *self, const char *name);
  static void on_text(void *self, const char *data, int len);
  void parse(const char *data, std::size_t len, bool last);

  XmlHandler &handler_;
  std::string part_;
  void *parser_; // XML_Parser
  std::exception_ptr error_;
};

} // namespace qloop::intake_files
