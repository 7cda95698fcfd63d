/* Every header a C plugin author may include, compiled as strict C11
 * (-std=c11 -pedantic-errors). Add new C headers of the SDK here. */
#include <qloop/plugin.h>

/* Use the macros too, so a broken one fails here. */
int qloop_c11_check(const qloop_host_services *s);
int qloop_c11_check(const qloop_host_services *s) {
  return QLOOP_HAS_FIELD(s, qloop_host_services, quarantine) ? QLOOP_ABI_MAJOR : QLOOP_ABI_MINOR;
}
