/* A plugin in plain C11 on the C header alone: an exporter that counts the
 * bytes and batches it is given. Proves the ABI needs no C++ at all. */
#include <qloop/plugin.h>
#include <stdio.h>
#include <stdlib.h>

struct qloop_instance {
  const qloop_host *host;
  unsigned long long bytes;
  unsigned long long batches;
  char result[128];
  char error[128];
};

static char create_error[128];

static qloop_status create(const qloop_host *host, qloop_instance **out) {
  qloop_instance *inst = calloc(1, sizeof *inst);
  if (inst == NULL) {
    snprintf(create_error, sizeof create_error, "out of memory");
    return QLOOP_ERR_NO_MEMORY;
  }
  inst->host = host;
  *out = inst;
  return QLOOP_OK;
}

static void destroy(qloop_instance *inst) { free(inst); }

static const char *last_error(const qloop_instance *inst) { return inst ? inst->error : create_error; }

static qloop_status begin(qloop_instance *inst, const char *request, size_t len) {
  (void)request;
  (void)len;
  inst->bytes = 0;
  inst->batches = 0;
  inst->host->services->log(inst->host->ctx, QLOOP_LOG_INFO, "c exporter: begin");
  return QLOOP_OK;
}

static qloop_status write_batch(qloop_instance *inst, const char *records, size_t len) {
  if (records == NULL || len == 0 || records[0] != '[') {
    snprintf(inst->error, sizeof inst->error, "records: expected a JSON array");
    return QLOOP_ERR_INVALID_INPUT;
  }
  inst->bytes += len;
  inst->batches += 1;
  return QLOOP_OK;
}

static qloop_status finish(qloop_instance *inst, const char **result, size_t *result_len) {
  int n = snprintf(inst->result, sizeof inst->result, "{\"bytes\":%llu,\"batches\":%llu}", inst->bytes,
                   inst->batches);
  *result = inst->result;
  *result_len = (size_t)n;
  return QLOOP_OK;
}

static const char *const formats[] = {"count", NULL};
static const qloop_exporter_api exporter = {
    sizeof(qloop_exporter_api), 0, formats, begin, write_batch, finish, NULL};

static const qloop_plugin_descriptor descriptor = {
    .struct_size = sizeof(qloop_plugin_descriptor),
    .abi_major = QLOOP_ABI_MAJOR,
    .abi_minor = QLOOP_ABI_MINOR,
    .kind = QLOOP_KIND_EXPORTER,
    .config_key_count = 0,
    .id = "export.test-c",
    .name = "Byte counter (C)",
    .version = "0.1.0",
    .vendor = "qloop tests",
    .description = "Counts exported bytes",
    .config_keys = NULL,
    .create = create,
    .destroy = destroy,
    .last_error = last_error,
    .kind_api = &exporter,
    .license = "MIT",
};

QLOOP_EXPORT const qloop_plugin_descriptor *qloop_plugin_entry(const qloop_host *host) {
  return host != NULL && host->abi_major == QLOOP_ABI_MAJOR ? &descriptor : NULL;
}
