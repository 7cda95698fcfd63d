// qloop plugin SDK: header-only C++20 layer over the C ABI in plugin.h.
//
// A plugin author derives from one base class per kind (AnalysisPlugin,
// IntakePlugin, ExporterPlugin), gives the class a few static members that
// describe it, and writes one line: QLOOP_PLUGIN(MyClass). This layer builds
// the descriptor, owns the instance and its result buffers, and turns every
// exception into a status code plus a last-error message, because a C++
// exception must never cross the ABI.
//
// Required static members of a plugin class:
//   static constexpr const char *id, *name, *version, *vendor, *description;
// Optional:
//   static constexpr const char *license;                  (SPDX)
//   static constexpr qloop_config_key config_keys[] = {...};  (use qloop::sdk::key)
// Per kind:
//   analysis: static constexpr const char *methods[] = {"m1", "m2", nullptr};
//   exporter: static constexpr const char *formats[] = {"html", nullptr};
#ifndef QLOOP_PLUGIN_HPP
#define QLOOP_PLUGIN_HPP

#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

#include <qloop/plugin.h>

namespace qloop::sdk {

// Throw from plugin code to return a specific status; any other exception
// becomes QLOOP_ERR_INTERNAL (std::bad_alloc becomes QLOOP_ERR_NO_MEMORY).
class Error : public std::runtime_error {
public:
  Error(qloop_status status, const std::string &message) : std::runtime_error(message), status_(status) {}
  qloop_status status() const noexcept { return status_; }

private:
  qloop_status status_;
};

// The request or data is wrong; name the field and the rule in the message.
class InvalidInput : public Error {
public:
  explicit InvalidInput(const std::string &message) : Error(QLOOP_ERR_INVALID_INPUT, message) {}
};

class Unsupported : public Error {
public:
  explicit Unsupported(const std::string &message) : Error(QLOOP_ERR_UNSUPPORTED, message) {}
};

// Declares one configuration key in a constexpr table.
constexpr qloop_config_key key(const char *name, qloop_config_type type, const char *default_value,
                               const char *description, bool required = false) {
  return qloop_config_key{sizeof(qloop_config_key), type, name, default_value, description,
                          required ? 1 : 0,         0};
}

// The host as a plugin sees it: logging, its config section, host services.
class Host {
public:
  explicit Host(const qloop_host *host) : host_(host) {}

  const qloop_host *raw() const noexcept { return host_; }
  std::uint16_t abi_minor() const noexcept { return host_->abi_minor; }

  void log(qloop_log_level level, const std::string &message) const noexcept {
    host_->services->log(host_->ctx, level, message.c_str());
  }
  void debug(const std::string &m) const noexcept { log(QLOOP_LOG_DEBUG, m); }
  void info(const std::string &m) const noexcept { log(QLOOP_LOG_INFO, m); }
  void warn(const std::string &m) const noexcept { log(QLOOP_LOG_WARN, m); }
  void error(const std::string &m) const noexcept { log(QLOOP_LOG_ERROR, m); }

  // The validated value of a key of this plugin's config section, or nothing.
  std::optional<std::string> config(const char *key) const {
    const char *value = host_->services->config_get(host_->ctx, key);
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  }
  std::string config_or(const char *key, const std::string &fallback) const {
    return config(key).value_or(fallback);
  }
  long long config_int(const char *key, long long fallback) const {
    auto v = config(key);
    return v ? std::stoll(*v) : fallback;
  }
  double config_double(const char *key, double fallback) const {
    auto v = config(key);
    return v ? std::stod(*v) : fallback;
  }
  bool config_bool(const char *key, bool fallback) const {
    auto v = config(key);
    if (!v) return fallback;
    return *v == "true" || *v == "1" || *v == "yes" || *v == "on";
  }

  // Intake: hand a JSON array of records to the host. Throws on refusal.
  void submit_records(std::string_view records_json) const {
    if (host_->services->submit_records(host_->ctx, records_json.data(), records_json.size()) != QLOOP_OK)
      throw Error(QLOOP_ERR_HOST, "the host refused the record batch");
  }

  // Intake, since ABI 1.1: keep an unusable source item aside with the reason.
  bool can_quarantine() const noexcept {
    return QLOOP_HAS_FIELD(host_->services, qloop_host_services, quarantine);
  }
  void quarantine(const std::string &source_key, std::string_view raw, const std::string &reason) const {
    if (!can_quarantine()) throw Error(QLOOP_ERR_HOST, "this host has no quarantine service (ABI < 1.1)");
    if (host_->services->quarantine(host_->ctx, source_key.c_str(), raw.data(), raw.size(), reason.c_str()) !=
        QLOOP_OK)
      throw Error(QLOOP_ERR_HOST, "the host could not quarantine " + source_key);
  }

private:
  const qloop_host *host_;
};

// Since ABI 1.2: a read-only view of a host-owned column batch, the fast path
// beside JSON. Valid only during the call that receives it.
class RecordBatch {
public:
  explicit RecordBatch(const qloop_record_batch &batch) : batch_(batch) {}
  std::size_t rows() const noexcept { return batch_.row_count; }
  std::size_t columns() const noexcept { return batch_.column_count; }
  const qloop_column &column_at(std::size_t i) const noexcept {
    const char *base = reinterpret_cast<const char *>(batch_.columns);
    return *reinterpret_cast<const qloop_column *>(base + i * batch_.columns[0].struct_size);
  }
  // The column named `name`, or nullptr when the batch has none.
  const qloop_column *column(std::string_view name) const noexcept {
    for (std::size_t i = 0; i < columns(); ++i)
      if (name == column_at(i).name) return &column_at(i);
    return nullptr;
  }
  static bool has(const qloop_column *c, std::size_t row) noexcept {
    return c != nullptr && (c->present == nullptr || c->present[row] != 0);
  }
  // Typed reads; a null, absent or differently typed value gives `fallback`.
  static std::string_view text(const qloop_column *c, std::size_t row,
                               std::string_view fallback = {}) noexcept {
    if (!has(c, row) || c->type != QLOOP_VALUE_STRING) return fallback;
    return std::string_view(c->strings[row], c->lengths[row]);
  }
  static std::int64_t integer(const qloop_column *c, std::size_t row, std::int64_t fallback = 0) noexcept {
    if (!has(c, row) || (c->type != QLOOP_VALUE_INT && c->type != QLOOP_VALUE_BOOL)) return fallback;
    return c->ints[row];
  }
  static double number(const qloop_column *c, std::size_t row, double fallback = 0) noexcept {
    if (!has(c, row)) return fallback;
    if (c->type == QLOOP_VALUE_DOUBLE) return c->doubles[row];
    if (c->type == QLOOP_VALUE_INT) return static_cast<double>(c->ints[row]);
    return fallback;
  }

private:
  const qloop_record_batch &batch_;
};

// Base classes, one per kind. Construct with the Host; the layer keeps the
// object alive from create() to destroy().
class PluginBase {
public:
  explicit PluginBase(Host host) : host_(host) {}
  virtual ~PluginBase() = default;
  PluginBase(const PluginBase &) = delete;
  PluginBase &operator=(const PluginBase &) = delete;
  const Host &host() const noexcept { return host_; }

private:
  Host host_;
};

class AnalysisPlugin : public PluginBase {
public:
  using PluginBase::PluginBase;
  static constexpr qloop_kind kind = QLOOP_KIND_ANALYSIS;
  // Returns the result JSON for `method` applied to the request JSON.
  virtual std::string analyze(std::string_view method, std::string_view request_json) = 0;
};
// An analysis plugin may also define
//   std::string analyze_columns(std::string_view method, std::string_view request_json,
//                               const RecordBatch &table)
// (no virtual needed): the layer then offers the host the 1.3 column fast
// path for tabular requests, where `table` replaces the request's "table".

class IntakePlugin : public PluginBase {
public:
  using PluginBase::PluginBase;
  static constexpr qloop_kind kind = QLOOP_KIND_INTAKE;
  // Reads the source, submits batches through host(); returns a summary JSON.
  virtual std::string run(std::string_view request_json) = 0;
};

// An exporter may also define `void write_columns(const RecordBatch &)` (no
// virtual needed); the layer then offers the host the 1.2 column fast path.
class ExporterPlugin : public PluginBase {
public:
  using PluginBase::PluginBase;
  static constexpr qloop_kind kind = QLOOP_KIND_EXPORTER;
  virtual void begin(std::string_view request_json) = 0;
  virtual void write_batch(std::string_view records_json) = 0;
  virtual std::string finish() = 0;
};

namespace detail {

// Errors of create() have no instance to live in.
inline thread_local std::string create_error;

struct Box {
  std::unique_ptr<PluginBase> plugin;
  std::string result;
  std::string error;
};

inline Box *box(qloop_instance *inst) noexcept { return reinterpret_cast<Box *>(inst); }

// Runs fn, turning any exception into a status and a message in `error`.
template <class Fn> qloop_status guarded(std::string &error, Fn &&fn) noexcept {
  try {
    fn();
    return QLOOP_OK;
  } catch (const Error &e) {
    try {
      error = e.what();
    } catch (...) {
    }
    return e.status();
  } catch (const std::bad_alloc &) {
    try {
      error = "out of memory";
    } catch (...) {
    }
    return QLOOP_ERR_NO_MEMORY;
  } catch (const std::exception &e) {
    try {
      error = e.what();
    } catch (...) {
    }
    return QLOOP_ERR_INTERNAL;
  } catch (...) {
    try {
      error = "unknown exception";
    } catch (...) {
    }
    return QLOOP_ERR_INTERNAL;
  }
}

inline qloop_status set_result(Box *b, std::string &&text, const char **out, size_t *out_len) {
  b->result = std::move(text);
  *out = b->result.c_str();
  *out_len = b->result.size();
  return QLOOP_OK;
}

template <class P> struct Adapter {
  static qloop_status create(const qloop_host *host, qloop_instance **out) noexcept {
    if (out == nullptr) return QLOOP_ERR_INVALID_INPUT;
    *out = nullptr;
    return guarded(create_error, [&] {
      auto b = std::make_unique<Box>();
      b->plugin = std::make_unique<P>(Host(host));
      *out = reinterpret_cast<qloop_instance *>(b.release());
    });
  }
  static void destroy(qloop_instance *inst) noexcept {
    try {
      delete box(inst);
    } catch (...) {
    }
  }
  static const char *last_error(const qloop_instance *inst) noexcept {
    if (inst == nullptr) return create_error.c_str();
    return reinterpret_cast<const Box *>(inst)->error.c_str();
  }

  static qloop_status analyze(qloop_instance *inst, const char *method, const char *req, size_t len,
                              const char **out, size_t *out_len) noexcept {
    Box *b = box(inst);
    return guarded(b->error, [&] {
      auto &p = static_cast<AnalysisPlugin &>(*b->plugin);
      set_result(b, p.analyze(method ? method : "", std::string_view(req ? req : "", req ? len : 0)), out,
                 out_len);
    });
  }
  static qloop_status analyze_columns(qloop_instance *inst, const char *method, const char *req, size_t len,
                                      const qloop_record_batch *table, const char **out,
                                      size_t *out_len) noexcept {
    Box *b = box(inst);
    return guarded(b->error, [&] {
      if (table == nullptr) throw InvalidInput("field 'table': missing");
      if constexpr (requires(P & p, const RecordBatch &t) {
                      p.analyze_columns(std::string_view(), std::string_view(), t);
                    })
        set_result(b,
                   static_cast<P &>(*b->plugin)
                       .analyze_columns(method ? method : "", std::string_view(req ? req : "", req ? len : 0),
                                        RecordBatch(*table)),
                   out, out_len);
    });
  }
  static qloop_status run(qloop_instance *inst, const char *req, size_t len, const char **out,
                          size_t *out_len) noexcept {
    Box *b = box(inst);
    return guarded(b->error, [&] {
      auto &p = static_cast<IntakePlugin &>(*b->plugin);
      set_result(b, p.run(std::string_view(req ? req : "", req ? len : 0)), out, out_len);
    });
  }
  static qloop_status begin(qloop_instance *inst, const char *req, size_t len) noexcept {
    Box *b = box(inst);
    return guarded(b->error, [&] {
      static_cast<ExporterPlugin &>(*b->plugin).begin(std::string_view(req ? req : "", len));
    });
  }
  static qloop_status write_batch(qloop_instance *inst, const char *records, size_t len) noexcept {
    Box *b = box(inst);
    return guarded(b->error, [&] {
      static_cast<ExporterPlugin &>(*b->plugin).write_batch(std::string_view(records ? records : "", len));
    });
  }
  static qloop_status write_columns(qloop_instance *inst, const qloop_record_batch *batch) noexcept {
    Box *b = box(inst);
    return guarded(b->error, [&] {
      if (batch == nullptr) throw InvalidInput("batch: missing");
      if constexpr (requires(P & p, const RecordBatch &r) { p.write_columns(r); })
        static_cast<P &>(*b->plugin).write_columns(RecordBatch(*batch));
    });
  }
  static qloop_status finish(qloop_instance *inst, const char **out, size_t *out_len) noexcept {
    Box *b = box(inst);
    return guarded(b->error,
                   [&] { set_result(b, static_cast<ExporterPlugin &>(*b->plugin).finish(), out, out_len); });
  }

  static const void *kind_api() noexcept {
    if constexpr (std::is_base_of_v<AnalysisPlugin, P>) {
      qloop_status (*columns)(qloop_instance *, const char *, const char *, size_t,
                              const qloop_record_batch *, const char **, size_t *) = nullptr;
      if constexpr (requires(P & p, const RecordBatch &t) {
                      p.analyze_columns(std::string_view(), std::string_view(), t);
                    })
        columns = &analyze_columns;
      static const qloop_analysis_api api{sizeof(qloop_analysis_api), 0, P::methods, &analyze, columns};
      return &api;
    } else if constexpr (std::is_base_of_v<IntakePlugin, P>) {
      static const qloop_intake_api api{sizeof(qloop_intake_api), 0, &run};
      return &api;
    } else {
      static_assert(std::is_base_of_v<ExporterPlugin, P>,
                    "derive from AnalysisPlugin, IntakePlugin or ExporterPlugin");
      qloop_status (*columns)(qloop_instance *, const qloop_record_batch *) = nullptr;
      if constexpr (requires(P & p, const RecordBatch &r) { p.write_columns(r); }) columns = &write_columns;
      static const qloop_exporter_api api{
          sizeof(qloop_exporter_api), 0, P::formats, &begin, &write_batch, &finish, columns};
      return &api;
    }
  }

  static const char *license() noexcept {
    if constexpr (requires { P::license; })
      return P::license;
    else
      return nullptr;
  }

  static const qloop_plugin_descriptor *entry(const qloop_host *host) noexcept {
    // A host of another major speaks another ABI: decline before touching it.
    if (host == nullptr || host->abi_major != QLOOP_ABI_MAJOR) return nullptr;
    static const qloop_plugin_descriptor descriptor = [] {
      qloop_plugin_descriptor d{};
      d.struct_size = sizeof(qloop_plugin_descriptor);
      d.abi_major = QLOOP_ABI_MAJOR;
      d.abi_minor = QLOOP_ABI_MINOR;
      d.kind = P::kind;
      if constexpr (requires { P::config_keys; }) {
        d.config_keys = P::config_keys;
        d.config_key_count = static_cast<uint32_t>(std::size(P::config_keys));
      }
      d.id = P::id;
      d.name = P::name;
      d.version = P::version;
      d.vendor = P::vendor;
      d.description = P::description;
      d.create = &create;
      d.destroy = &destroy;
      d.last_error = &last_error;
      d.kind_api = kind_api();
#if QLOOP_ABI_MINOR >= 1
      d.license = license();
#endif
      return d;
    }();
    return &descriptor;
  }
};

} // namespace detail
} // namespace qloop::sdk

// Exports the entry symbol for plugin class `Class`. Use once per library.
#define QLOOP_PLUGIN(Class)                                                                                  \
  extern "C" QLOOP_EXPORT const qloop_plugin_descriptor *qloop_plugin_entry(const qloop_host *host) {        \
    return ::qloop::sdk::detail::Adapter<Class>::entry(host);                                                \
  }

#endif // QLOOP_PLUGIN_HPP
