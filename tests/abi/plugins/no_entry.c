/* A shared library that is not a qloop plugin: it exports no entry. */
#include <qloop/plugin.h>

QLOOP_EXPORT int some_other_library_function(void) { return 42; }
