/* Plugins that break the rules, one per BAD_* variant, each to be refused by
 * the host with a clear reason while the host carries on. */
#include <qloop/plugin.h>
#include <stddef.h>

static qloop_status create(const qloop_host *host, qloop_instance **out) {
  (void)host;
  *out = NULL;
  return QLOOP_ERR_INTERNAL;
}
static void destroy(qloop_instance *inst) { (void)inst; }
static const char *last_error(const qloop_instance *inst) {
  (void)inst;
  return "bad plugin";
}
static qloop_status analyze(qloop_instance *i, const char *m, const char *r, size_t l, const char **o,
                            size_t *ol) {
  (void)i, (void)m, (void)r, (void)l, (void)o, (void)ol;
  return QLOOP_ERR_INTERNAL;
}
static const char *const methods[] = {"bad", NULL};
static const qloop_analysis_api analysis = {sizeof(qloop_analysis_api), 0, methods, analyze, NULL};

/* Room behind the descriptor so an "oversize" claim reads valid memory. */
static struct {
  qloop_plugin_descriptor d;
  char tail[256];
} storage = {{
                 .struct_size = sizeof(qloop_plugin_descriptor),
                 .abi_major = QLOOP_ABI_MAJOR,
                 .abi_minor = QLOOP_ABI_MINOR,
                 .kind = QLOOP_KIND_ANALYSIS,
                 .id = BAD_ID,
                 .name = "bad",
                 .version = "0",
                 .create = create,
                 .destroy = destroy,
                 .last_error = last_error,
                 .kind_api = &analysis,
             },
             {0}};

QLOOP_EXPORT const qloop_plugin_descriptor *qloop_plugin_entry(const qloop_host *host) {
  (void)host;
  qloop_plugin_descriptor *d = &storage.d;
#if defined(BAD_NEXT_MAJOR)
  d->abi_major = QLOOP_ABI_MAJOR + 1;
  d->abi_minor = 0;
#elif defined(BAD_NEWER_MINOR)
  d->abi_minor = QLOOP_ABI_MINOR + 1;
#elif defined(BAD_ZERO_SIZE)
  d->struct_size = 0;
#elif defined(BAD_OVERSIZE)
  d->struct_size = sizeof(qloop_plugin_descriptor) + 64;
#elif defined(BAD_NULL_DESCRIPTOR)
  return NULL;
#elif defined(BAD_UNKNOWN_KIND)
  d->kind = 99;
#elif defined(BAD_ID_TEXT)
  d->id = "Not An Id";
#elif defined(BAD_NO_CREATE)
  d->create = NULL;
#endif
  return d;
}
