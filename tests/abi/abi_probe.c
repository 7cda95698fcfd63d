/* Describes every ABI type in its debug info, for abidw/abidiff (see
 * abi_check.sh). Its one exported function names each struct of plugin.h. */
#include <qloop/plugin.h>

QLOOP_EXPORT void qloop_abi_probe(qloop_plugin_descriptor *d, qloop_host *h, qloop_host_services *s,
                                  qloop_config_key *k, qloop_intake_api *i, qloop_analysis_api *a,
                                  qloop_exporter_api *e, qloop_plugin_entry_fn entry, qloop_record_batch *b,
                                  qloop_column *c);
QLOOP_EXPORT void qloop_abi_probe(qloop_plugin_descriptor *d, qloop_host *h, qloop_host_services *s,
                                  qloop_config_key *k, qloop_intake_api *i, qloop_analysis_api *a,
                                  qloop_exporter_api *e, qloop_plugin_entry_fn entry, qloop_record_batch *b,
                                  qloop_column *c) {
  (void)d, (void)h, (void)s, (void)k, (void)i, (void)a, (void)e, (void)entry, (void)b, (void)c;
}
