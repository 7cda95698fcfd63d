// Entry of the export.review plugin (the class lives in exporter.hpp so the
// tests drive it directly).
#include <qloop/plugin.hpp>

#include "exporter.hpp"

QLOOP_PLUGIN(qloop::review::ReviewExporter)
