/*
 * qloop plugin ABI (C).
 *
 * This header is the whole contract between the qloop host and a plugin. It is
 * plain C11 so that a plugin may be built by any compiler and standard library:
 * nothing C++-specific (STL types, exceptions, RTTI) crosses it.
 *
 * Versioning (see docs/sdk.md):
 *   - QLOOP_ABI_MAJOR changes only when something is removed or changed; a host
 *     refuses a plugin whose major differs from its own.
 *   - QLOOP_ABI_MINOR changes when something is added. Additions go only at the
 *     END of a struct; every struct begins with its own size, so each side can
 *     tell how much of the other's struct exists. A host loads a plugin whose
 *     minor is not newer than its own.
 *
 * Ownership and lifetime are stated on every pointer below. The general rules:
 *   - Strings are UTF-8 and NUL-terminated unless a length is given beside them.
 *   - What the host passes into a call is owned by the host and valid only for
 *     the duration of that call; copy it to keep it.
 *   - Descriptor data (strings, tables, config keys) is owned by the plugin and
 *     must stay valid until the library is unloaded (static storage is usual).
 *   - A result a plugin returns through an out-pointer is owned by the plugin
 *     and stays valid until the next call on the same instance, or destroy().
 *   - A host calls one instance from one thread at a time. It may create several
 *     instances of one plugin and use them from different threads.
 *
 * ABI: LP64 Linux (x86_64, aarch64). Structs are laid out without implicit
 * padding; the host's tests pin every size and offset.
 */
#ifndef QLOOP_PLUGIN_H
#define QLOOP_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define QLOOP_ABI_MAJOR 1
#define QLOOP_ABI_MINOR 3

/* The one symbol every plugin exports (see qloop_plugin_entry_fn). */
#define QLOOP_ENTRY_SYMBOL "qloop_plugin_entry"

#if defined(_WIN32)
#define QLOOP_EXPORT __declspec(dllexport)
#else
#define QLOOP_EXPORT __attribute__((visibility("default")))
#endif

/* Status codes returned by every plugin function that can fail. */
typedef int32_t qloop_status;
#define QLOOP_OK 0
#define QLOOP_ERR_INVALID_INPUT 1 /* the request or record is wrong; last_error says which field */
#define QLOOP_ERR_UNSUPPORTED 2   /* method, format or option not provided by this plugin */
#define QLOOP_ERR_IO 3            /* a file, network or device operation failed */
#define QLOOP_ERR_CONFIG 4        /* the plugin's configuration is unusable */
#define QLOOP_ERR_NO_MEMORY 5
#define QLOOP_ERR_INTERNAL 6 /* a bug or unexpected condition inside the plugin */
#define QLOOP_ERR_HOST 7     /* a host service the plugin called failed */

/* Plugin kinds. New kinds may be added in a minor version; a host refuses a
 * kind it does not know. */
typedef int32_t qloop_kind;
#define QLOOP_KIND_INTAKE 1   /* brings complaint records in from a channel */
#define QLOOP_KIND_ANALYSIS 2 /* a root-cause or prevention method */
#define QLOOP_KIND_EXPORTER 3 /* writes reports and ledgers out */

/* Log levels for qloop_host_services.log. */
typedef int32_t qloop_log_level;
#define QLOOP_LOG_TRACE 0
#define QLOOP_LOG_DEBUG 1
#define QLOOP_LOG_INFO 2
#define QLOOP_LOG_WARN 3
#define QLOOP_LOG_ERROR 4

/* Types a plugin may declare for its configuration keys. */
typedef int32_t qloop_config_type;
#define QLOOP_CONFIG_STRING 1
#define QLOOP_CONFIG_INT 2
#define QLOOP_CONFIG_DOUBLE 3
#define QLOOP_CONFIG_BOOL 4
#define QLOOP_CONFIG_PATH 5

/* Since 1.2. Value types of a record column (qloop_column.type). */
typedef int32_t qloop_value_type;
#define QLOOP_VALUE_STRING 1 /* strings + lengths */
#define QLOOP_VALUE_INT 2    /* ints */
#define QLOOP_VALUE_DOUBLE 3 /* doubles */
#define QLOOP_VALUE_BOOL 4   /* ints, 0 or 1 */

/* Opaque: the host's per-plugin context, passed back on every service call. */
typedef struct qloop_host_ctx qloop_host_ctx;
/* Opaque: one instance of a plugin, made by create() and ended by destroy(). */
typedef struct qloop_instance qloop_instance;

/*
 * Services the host offers. Append-only: a field, once published, keeps its
 * place and meaning for the whole major version. A plugin built against an
 * older header sees a prefix of this table. A plugin that uses a field added
 * after 1.0 must first check struct_size (QLOOP_HAS_FIELD below).
 */
typedef struct qloop_host_services {
  uint32_t struct_size;
  uint32_t reserved0; /* zero */

  /* Since 1.0. Writes msg (host copies it) to the plugin's own logger. */
  void (*log)(qloop_host_ctx *ctx, qloop_log_level level, const char *msg);

  /* Since 1.0. The value of `key` in the plugin's own config section, after
   * the host validated it against the plugin's declared keys and applied the
   * declared default; NULL for a key that is neither set nor has a default.
   * Host-owned; valid until the library is unloaded. */
  const char *(*config_get)(qloop_host_ctx *ctx, const char *key);

  /* Since 1.0, intake plugins. Hands the host a batch of complaint records: a
   * UTF-8 JSON array of objects shaped by sdk/schemas/record.schema.json, each
   * with a stable "source_key" so that a retry creates nothing twice. The host
   * copies what it needs before returning. Returns QLOOP_OK when every record
   * was accepted or kept aside with its reason; QLOOP_ERR_HOST otherwise, and
   * the plugin should stop and report. */
  qloop_status (*submit_records)(qloop_host_ctx *ctx, const char *records_json, size_t len);

  /* Since 1.1, intake plugins. Keeps a source item the plugin could not turn
   * into a record (bytes as received, the source key, and why) in the host's
   * quarantine, so nothing is dropped silently. Host copies all three. */
  qloop_status (*quarantine)(qloop_host_ctx *ctx, const char *source_key, const char *raw, size_t raw_len,
                             const char *reason);
} qloop_host_services;

/* True when a struct that begins with struct_size contains `field`. */
#define QLOOP_HAS_FIELD(ptr, type, field)                                                                    \
  ((ptr) != NULL && (ptr)->struct_size >= offsetof(type, field) + sizeof(((type *)0)->field))

/* What the host tells a plugin about itself; passed to the entry and to create(). */
typedef struct qloop_host {
  uint32_t struct_size;
  uint16_t abi_major;                  /* the host's QLOOP_ABI_MAJOR */
  uint16_t abi_minor;                  /* the host's QLOOP_ABI_MINOR */
  const char *host_version;            /* e.g. "0.1.0"; host-owned, valid until unload */
  qloop_host_ctx *ctx;                 /* pass back to every service */
  const qloop_host_services *services; /* host-owned, valid until unload */
} qloop_host;

/* One configuration key a plugin declares; the host validates the plugin's
 * section against these and warns about keys not declared. */
typedef struct qloop_config_key {
  uint32_t struct_size;
  qloop_config_type type;
  const char *name;          /* e.g. "poll_seconds" */
  const char *default_value; /* as text, or NULL when the key has no default */
  const char *description;   /* one line, shown by `qloop plugins info` */
  int32_t required;          /* non-zero: the host refuses the plugin when unset */
  int32_t reserved0;         /* zero */
} qloop_config_key;

/*
 * Since 1.2. A batch of records as host-owned columns: the fast path beside
 * JSON, so a plugin reads fields without parsing (see docs/sdk.md). Field
 * names are those of sdk/schemas/record.schema.json. Everything here is
 * host-owned and valid for the duration of the call that receives it.
 */
typedef struct qloop_column {
  uint32_t struct_size;
  qloop_value_type type;
  const char *name;           /* field name, NUL-terminated, e.g. "customer" */
  const uint8_t *present;     /* per row: 0 = null or absent; NULL = every row present */
  const char *const *strings; /* STRING: per row, UTF-8 bytes (NOT NUL-terminated) */
  const size_t *lengths;      /* STRING: per row, byte length */
  const int64_t *ints;        /* INT and BOOL: per row */
  const double *doubles;      /* DOUBLE: per row */
} qloop_column;

typedef struct qloop_record_batch {
  uint32_t struct_size;
  uint32_t column_count;
  size_t row_count;
  /* column_count columns, each columns[0].struct_size bytes apart. */
  const qloop_column *columns;
} qloop_record_batch;

/* Kind table: intake. */
typedef struct qloop_intake_api {
  uint32_t struct_size;
  uint32_t reserved0;
  /* Reads what is new at the source and hands it to the host in batches through
   * services->submit_records (and ->quarantine). `request_json` carries options
   * for this run (for example {"file": "..."} for a one-off import); host-owned.
   * `result` receives a summary object (counts), plugin-owned. */
  qloop_status (*run)(qloop_instance *inst, const char *request_json, size_t len, const char **result,
                      size_t *result_len);
} qloop_intake_api;

/* Kind table: analysis. */
typedef struct qloop_analysis_api {
  uint32_t struct_size;
  uint32_t reserved0;
  /* NULL-terminated list of method names this plugin answers, e.g. {"anova",
   * "doe.analyze", NULL}. Plugin-owned, static. */
  const char *const *methods;
  /* Runs `method` on a request (UTF-8 JSON, sdk/schemas/analysis-request.schema.json;
   * host-owned) and returns the result (sdk/schemas/analysis-result.schema.json)
   * through `result`/`result_len` (plugin-owned). */
  qloop_status (*analyze)(qloop_instance *inst, const char *method, const char *request_json, size_t len,
                          const char **result, size_t *result_len);
  /* Since 1.3, optional (NULL: the host puts the table in the request JSON).
   * The same as analyze for a tabular request, with the table as host-owned
   * columns instead of the request's "table": `request_json` holds everything
   * else (options, lang, ...). Column names are the table's headers; a STRING
   * cell that reads wholly as a finite number is a number, as in the JSON
   * table. `table` is valid for the duration of the call. */
  qloop_status (*analyze_columns)(qloop_instance *inst, const char *method, const char *request_json,
                                  size_t len, const qloop_record_batch *table, const char **result,
                                  size_t *result_len);
} qloop_analysis_api;

/* Kind table: exporter. A host calls begin, then write_batch any number of
 * times, then finish; records arrive in batches so memory stays flat. */
typedef struct qloop_exporter_api {
  uint32_t struct_size;
  uint32_t reserved0;
  /* NULL-terminated list of output formats, e.g. {"html", "pdf", NULL}. Static. */
  const char *const *formats;
  /* Starts an export. `request_json` (host-owned) names the format, the
   * language and the output path the host has already checked. */
  qloop_status (*begin)(qloop_instance *inst, const char *request_json, size_t len);
  /* A batch of records: a UTF-8 JSON array (host-owned, valid for the call). */
  qloop_status (*write_batch)(qloop_instance *inst, const char *records_json, size_t len);
  /* Ends the export; `result` gets a summary object (plugin-owned). */
  qloop_status (*finish)(qloop_instance *inst, const char **result, size_t *result_len);
  /* Since 1.2, optional (NULL: the host sends JSON through write_batch). The
   * same records as columns; a host uses it when present. */
  qloop_status (*write_columns)(qloop_instance *inst, const qloop_record_batch *batch);
} qloop_exporter_api;

/* What a plugin returns from its entry. */
typedef struct qloop_plugin_descriptor {
  uint32_t struct_size; /* sizeof(qloop_plugin_descriptor) as the plugin was built */
  uint16_t abi_major;   /* QLOOP_ABI_MAJOR the plugin was built with */
  uint16_t abi_minor;   /* QLOOP_ABI_MINOR the plugin was built with */
  qloop_kind kind;
  uint32_t config_key_count;

  /* Static strings, plugin-owned. id is "kind.name", e.g. "analysis.doe":
   * lower case letters, digits, '.', '-' and '_'. version is the plugin's own
   * version (semantic versioning recommended). */
  const char *id;
  const char *name;
  const char *version;
  const char *vendor;
  const char *description;

  /* Declared configuration keys: config_key_count entries, each at least
   * config_keys[0].struct_size bytes apart (the stride). Static. */
  const qloop_config_key *config_keys;

  /* Makes an instance. `host` is host-owned and outlives the instance. On
   * failure returns a status and last_error(NULL) describes it. */
  qloop_status (*create)(const qloop_host *host, qloop_instance **out);
  /* Ends an instance and frees everything it owns. Never fails. */
  void (*destroy)(qloop_instance *inst);
  /* The message for the last failed call on `inst` (or the last failed create
   * when inst is NULL). Plugin-owned, valid until the next call on inst. */
  const char *(*last_error)(const qloop_instance *inst);

  /* The kind's function table: qloop_intake_api, qloop_analysis_api or
   * qloop_exporter_api, each beginning with its struct_size. Static. */
  const void *kind_api;

  /* Since 1.1. SPDX licence expression, e.g. "Apache-2.0"; may be NULL. */
  const char *license;
} qloop_plugin_descriptor;

/*
 * The entry. Exported as "qloop_plugin_entry" with C linkage. The host calls it
 * once after loading the library. `host` is host-owned and valid until the
 * library is unloaded. Returns the plugin's descriptor (plugin-owned, static),
 * or NULL when the plugin cannot run with this host (it may log why first).
 * It must not throw, and should do no work beyond filling the descriptor.
 */
typedef const qloop_plugin_descriptor *(*qloop_plugin_entry_fn)(const qloop_host *host);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* QLOOP_PLUGIN_H */
