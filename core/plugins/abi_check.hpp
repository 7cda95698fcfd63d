// Checks what a plugin's entry returned against the host's ABI, and copies it
// into host-owned types. Pure: no loading, no logging, so every refusal path
// is unit-testable with hand-made descriptors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <qloop/plugin.h>

namespace qloop::plugins {

// Size of the descriptor as published in ABI 1.0: the smallest a host accepts.
inline constexpr std::size_t kDescriptorSizeV1_0 = offsetof(qloop_plugin_descriptor, license);
// Size of the exporter table in ABI 1.0 and 1.1 (1.2 added write_columns).
inline constexpr std::size_t kExporterApiSizeV1_0 = offsetof(qloop_exporter_api, write_columns);
// Size of the analysis table before 1.3 added analyze_columns.
inline constexpr std::size_t kAnalysisApiSizeV1_0 = offsetof(qloop_analysis_api, analyze_columns);

struct ConfigKeyInfo {
  std::string name;
  qloop_config_type type = QLOOP_CONFIG_STRING;
  std::optional<std::string> default_value;
  std::string description;
  bool required = false;
};

// Host-owned copy of everything a descriptor says.
struct PluginInfo {
  std::string id, name, version, vendor, description, license;
  qloop_kind kind = 0;
  std::uint16_t abi_major = 0, abi_minor = 0;
  std::vector<ConfigKeyInfo> config_keys;
  std::vector<std::string> capabilities; // analysis methods or export formats
};

// The descriptor read as far as the plugin's struct goes (later fields zero),
// its kind table likewise, and the copied info.
struct CheckedPlugin {
  qloop_plugin_descriptor descriptor{};
  qloop_intake_api intake{};
  qloop_analysis_api analysis{};
  qloop_exporter_api exporter{};
  PluginInfo info;
};

struct AbiCheckResult {
  std::optional<CheckedPlugin> plugin; // set when accepted
  std::string refusal;                 // one line, set when refused
};

// Checks `d` (as returned by the entry; may be null) against this host's ABI.
AbiCheckResult check_descriptor(const qloop_plugin_descriptor *d);

const char *kind_name(qloop_kind kind);                       // "intake", "analysis", "exporter" or "unknown"
const char *config_type_name(qloop_config_type type);         // "string", "int", ...
std::string abi_version_text(unsigned major, unsigned minor); // "1.1"
bool valid_plugin_id(const std::string &id);

} // namespace qloop::plugins
