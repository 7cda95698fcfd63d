// An XLSX package (Office Open XML, ECMA-376) read through libzip straight
// from the file: small parts (workbook, relationships, styles) as pugixml
// documents, large ones (the sheet, the shared strings) streamed in chunks,
// so a sheet never sits in memory whole.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "input_file.hpp"

struct zip;

namespace qloop::intake_files {

// Throws sdk::InvalidInput("not a usable XLSX workbook: " + why).
[[noreturn]] void invalid_workbook(const std::string &why);

class Package {
public:
  // `file` must outlive the package. Throws sdk::InvalidInput.
  explicit Package(const InputFile &file);
  ~Package();
  Package(const Package &) = delete;
  Package &operator=(const Package &) = delete;

  // A small part parsed whole (up to 512 MiB); an empty document when the
  // part is missing and not `required`.
  pugi::xml_document xml(const std::string &name, bool required) const;
  // Hands part `name` to `sink` in chunks; false when there is no such part.
  // Throws sdk::InvalidInput when it cannot be read (a damaged entry, a CRC
  // error, more than 4 GiB uncompressed).
  bool stream(const std::string &name, const std::function<void(std::string_view)> &sink) const;

private:
  std::optional<std::string> read(const std::string &name) const;
  zip *zip_ = nullptr;
};

struct Relationship {
  std::string id, type, target; // target resolved to a package path
};
// The relationships of `part` ("" for the package's own).
std::vector<Relationship> relationships(const Package &pkg, const std::string &part);

// Element and attribute names without their namespace prefix.
std::string_view local_name(const char *name);
pugi::xml_node child(pugi::xml_node n, std::string_view name);
pugi::xml_attribute attribute(pugi::xml_node n, std::string_view name);

bool ends_with(const std::string &s, std::string_view suffix);

} // namespace qloop::intake_files
