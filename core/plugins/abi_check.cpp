#include "core/plugins/abi_check.hpp"

#include <cstring>
#include <regex>

namespace qloop::plugins {
namespace {

// The first 8 bytes (struct_size, abi_major, abi_minor) keep their place in
// every major version, so a host can always read them to refuse politely.
constexpr std::size_t kStablePrefix = offsetof(qloop_plugin_descriptor, kind);
static_assert(kStablePrefix == 8);

std::string text(const char *s) { return s == nullptr ? std::string() : std::string(s); }

// Copies a struct that begins with struct_size into a zeroed host struct,
// reading no more than the plugin declared. Refuses sizes outside
// [min_size, sizeof(T)].
template <class T>
std::optional<std::string> copy_sized(const void *src, std::size_t min_size, const char *what, T &out) {
  if (src == nullptr) return std::string(what) + " is missing (null pointer)";
  std::uint32_t size = 0;
  std::memcpy(&size, src, sizeof size);
  if (size < min_size)
    return std::string(what) + " size " + std::to_string(size) + " is smaller than the ABI 1.0 minimum of " +
           std::to_string(min_size) + " bytes";
  if (size > sizeof(T))
    return std::string(what) + " size " + std::to_string(size) + " is larger than this host knows (" +
           std::to_string(sizeof(T)) + " bytes)";
  out = T{};
  std::memcpy(&out, src, size);
  return std::nullopt;
}

std::vector<std::string> string_list(const char *const *list) {
  std::vector<std::string> out;
  for (std::size_t i = 0; list != nullptr && list[i] != nullptr && i < 1024; ++i) out.emplace_back(list[i]);
  return out;
}

} // namespace

const char *kind_name(qloop_kind kind) {
  switch (kind) {
  case QLOOP_KIND_INTAKE: return "intake";
  case QLOOP_KIND_ANALYSIS: return "analysis";
  case QLOOP_KIND_EXPORTER: return "exporter";
  default: return "unknown";
  }
}

const char *config_type_name(qloop_config_type type) {
  switch (type) {
  case QLOOP_CONFIG_STRING: return "string";
  case QLOOP_CONFIG_INT: return "int";
  case QLOOP_CONFIG_DOUBLE: return "double";
  case QLOOP_CONFIG_BOOL: return "bool";
  case QLOOP_CONFIG_PATH: return "path";
  default: return "unknown";
  }
}

std::string abi_version_text(unsigned major, unsigned minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

bool valid_plugin_id(const std::string &id) {
  static const std::regex pattern(R"([a-z][a-z0-9_-]*\.[a-z0-9][a-z0-9_.-]*)");
  return id.size() <= 128 && std::regex_match(id, pattern);
}

AbiCheckResult check_descriptor(const qloop_plugin_descriptor *d) {
  AbiCheckResult r;
  const std::string host_abi = abi_version_text(QLOOP_ABI_MAJOR, QLOOP_ABI_MINOR);
  if (d == nullptr) {
    r.refusal = "the entry returned no descriptor (the plugin declined host ABI " + host_abi + ")";
    return r;
  }
  std::uint32_t size = 0;
  std::memcpy(&size, d, sizeof size);
  if (size < kStablePrefix) {
    r.refusal = "descriptor size " + std::to_string(size) + " is too small to be a qloop descriptor";
    return r;
  }
  std::uint16_t major = 0, minor = 0;
  std::memcpy(&major, reinterpret_cast<const char *>(d) + offsetof(qloop_plugin_descriptor, abi_major), 2);
  std::memcpy(&minor, reinterpret_cast<const char *>(d) + offsetof(qloop_plugin_descriptor, abi_minor), 2);
  const std::string plugin_abi = abi_version_text(major, minor);
  if (major != QLOOP_ABI_MAJOR) {
    r.refusal = "plugin ABI " + plugin_abi + " is incompatible with host ABI " + host_abi +
                " (the major versions must be equal)";
    return r;
  }
  if (minor > QLOOP_ABI_MINOR) {
    r.refusal = "plugin ABI " + plugin_abi + " is newer than host ABI " + host_abi +
                " (upgrade the host, or use a plugin built for " + host_abi + " or older)";
    return r;
  }

  CheckedPlugin p;
  if (auto err = copy_sized(d, kDescriptorSizeV1_0, "descriptor", p.descriptor)) {
    r.refusal = *err;
    return r;
  }
  const qloop_plugin_descriptor &desc = p.descriptor;
  PluginInfo &info = p.info;
  info.id = text(desc.id);
  if (!valid_plugin_id(info.id)) {
    r.refusal = "invalid plugin id '" + info.id + "' (expected kind.name in lower case, e.g. analysis.doe)";
    return r;
  }
  if (desc.create == nullptr || desc.destroy == nullptr || desc.last_error == nullptr) {
    r.refusal = "descriptor of " + info.id + " lacks create, destroy or last_error";
    return r;
  }
  info.name = desc.name ? desc.name : info.id;
  info.version = text(desc.version);
  info.vendor = text(desc.vendor);
  info.description = text(desc.description);
  info.license = text(desc.license); // zero when the plugin's descriptor predates 1.1
  info.kind = desc.kind;
  info.abi_major = major;
  info.abi_minor = minor;

  std::optional<std::string> err;
  switch (desc.kind) {
  case QLOOP_KIND_INTAKE:
    err = copy_sized(desc.kind_api, sizeof(qloop_intake_api), "intake table", p.intake);
    if (!err && p.intake.run == nullptr) err = "intake table lacks run";
    break;
  case QLOOP_KIND_ANALYSIS:
    err = copy_sized(desc.kind_api, kAnalysisApiSizeV1_0, "analysis table", p.analysis);
    if (!err && p.analysis.analyze == nullptr) err = "analysis table lacks analyze";
    if (!err) info.capabilities = string_list(p.analysis.methods);
    if (!err && info.capabilities.empty()) err = "analysis table names no methods";
    break;
  case QLOOP_KIND_EXPORTER:
    err = copy_sized(desc.kind_api, kExporterApiSizeV1_0, "exporter table", p.exporter);
    if (!err &&
        (p.exporter.begin == nullptr || p.exporter.write_batch == nullptr || p.exporter.finish == nullptr))
      err = "exporter table lacks begin, write_batch or finish";
    if (!err) info.capabilities = string_list(p.exporter.formats);
    break;
  default:
    err = "unknown plugin kind " + std::to_string(desc.kind) +
          " (this host knows intake=1, analysis=2, exporter=3)";
  }
  if (err) {
    r.refusal = *err;
    return r;
  }

  if (desc.config_key_count > 0) {
    if (desc.config_keys == nullptr) {
      r.refusal =
          "descriptor declares " + std::to_string(desc.config_key_count) + " config keys but no table";
      return r;
    }
    const std::uint32_t stride = desc.config_keys[0].struct_size;
    if (stride < sizeof(qloop_config_key) || desc.config_key_count > 1024) {
      r.refusal = "config key table has an invalid entry size " + std::to_string(stride);
      return r;
    }
    const char *base = reinterpret_cast<const char *>(desc.config_keys);
    for (std::uint32_t i = 0; i < desc.config_key_count; ++i) {
      qloop_config_key k{};
      std::memcpy(&k, base + static_cast<std::size_t>(i) * stride, sizeof k);
      if (k.name == nullptr || *k.name == '\0' || std::string(config_type_name(k.type)) == "unknown") {
        r.refusal = "config key #" + std::to_string(i) + " has no name or an unknown type";
        return r;
      }
      ConfigKeyInfo key;
      key.name = k.name;
      key.type = k.type;
      if (k.default_value != nullptr) key.default_value = k.default_value;
      key.description = text(k.description);
      key.required = k.required != 0;
      info.config_keys.push_back(std::move(key));
    }
  }
  r.plugin = std::move(p);
  return r;
}

} // namespace qloop::plugins
