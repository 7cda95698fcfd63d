#include <nlohmann/json.hpp>

#include "core/cli/commands.hpp"
#include "core/cli/exit_codes.hpp"
#include "core/cli/text_table.hpp"
#include "core/util/sha256.hpp"

namespace qloop::cli {
namespace {

nlohmann::json record_json(const plugins::PluginRecord &r, bool detail) {
  nlohmann::json j{{"file", r.path.string()}, {"state", plugins::state_name(r.state)}};
  if (!r.reason.empty()) j["reason"] = r.reason;
  if (r.info) {
    const auto &i = *r.info;
    j["id"] = i.id;
    j["kind"] = plugins::kind_name(i.kind);
    j["name"] = i.name;
    j["version"] = i.version;
    j["vendor"] = i.vendor;
    j["abi"] = plugins::abi_version_text(i.abi_major, i.abi_minor);
    j[i.kind == QLOOP_KIND_ANALYSIS ? "methods" : "formats"] = i.capabilities;
    if (detail) {
      j["description"] = i.description;
      j["license"] = i.license;
      nlohmann::json keys = nlohmann::json::array();
      for (const auto &k : i.config_keys) {
        keys.push_back({{"name", k.name},
                        {"type", plugins::config_type_name(k.type)},
                        {"default", k.default_value ? nlohmann::json(*k.default_value) : nlohmann::json()},
                        {"required", k.required},
                        {"description", k.description}});
      }
      j["config_keys"] = keys;
    }
  }
  if (detail) {
    try {
      j["sha256"] = r.sha256.empty() ? util::sha256_file(r.path) : r.sha256;
    } catch (const std::exception &) {
    }
  }
  return j;
}

void print_info(std::ostream &out, const nlohmann::json &j) {
  auto field = [&](const char *label, const char *key) {
    if (j.contains(key) && !j[key].is_null()) {
      const auto &v = j[key];
      out << label << ": " << (v.is_string() ? v.get<std::string>() : v.dump()) << '\n';
    }
  };
  field("id", "id");
  field("name", "name");
  field("kind", "kind");
  field("version", "version");
  field("vendor", "vendor");
  field("license", "license");
  field("abi", "abi");
  field("state", "state");
  field("reason", "reason");
  field("file", "file");
  field("sha256", "sha256");
  field("description", "description");
  field("methods", "methods");
  field("formats", "formats");
  if (j.contains("config_keys") && !j["config_keys"].empty()) {
    out << "config keys:\n";
    TextTable t({"KEY", "TYPE", "DEFAULT", "REQUIRED", "DESCRIPTION"});
    for (const auto &k : j["config_keys"])
      t.add({k["name"], k["type"], k["default"].is_null() ? "" : k["default"].get<std::string>(),
             k["required"].get<bool>() ? "yes" : "no", k["description"]});
    t.print(out);
  }
}

} // namespace

void register_plugins(CLI::App &app, Context &ctx) {
  auto *group = app.add_subcommand("plugins", "Show the plugins the host found, loaded and refused");
  group->require_subcommand(1);

  auto *list =
      group->add_subcommand("list", "One line per plugin file: loaded, refused (with reason) or disabled");
  auto list_json = std::make_shared<bool>(false);
  list->add_flag("--json", *list_json, "Machine-readable output");
  list->callback([&ctx, list_json] {
    const auto &records = ctx.plugins().records();
    if (*list_json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto &r : records) arr.push_back(record_json(r, false));
      ctx.out << arr.dump(2) << '\n';
      return;
    }
    TextTable t({"ID", "KIND", "VERSION", "ABI", "STATE", "FILE / REASON"});
    for (const auto &r : records) {
      std::string where = r.path.filename().string();
      if (!r.reason.empty()) where += ": " + r.reason;
      t.add({r.info ? r.info->id : "-", r.info ? plugins::kind_name(r.info->kind) : "-",
             r.info ? r.info->version : "-",
             r.info ? plugins::abi_version_text(r.info->abi_major, r.info->abi_minor) : "-",
             plugins::state_name(r.state), where});
    }
    t.print(ctx.out);
  });

  auto *info = group->add_subcommand("info", "Everything about one plugin, by id or file name");
  auto id = std::make_shared<std::string>();
  auto info_json = std::make_shared<bool>(false);
  info->add_option("ID", *id, "Plugin id (e.g. analysis.doe) or library file name")->required();
  info->add_flag("--json", *info_json, "Machine-readable output");
  info->callback([&ctx, id, info_json] {
    for (const auto &r : ctx.plugins().records()) {
      if (r.id() != *id && r.path.filename().string() != *id) continue;
      auto j = record_json(r, true);
      if (*info_json)
        ctx.out << j.dump(2) << '\n';
      else
        print_info(ctx.out, j);
      return;
    }
    throw CommandError{kExitPlugin, "no plugin '" + *id + "' (see `qloop plugins list`)"};
  });
}

} // namespace qloop::cli
