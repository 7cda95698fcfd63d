// Entry of the "export.ledger" plugin (客诉台账 export).
#include <qloop/plugin.hpp>

#include "ledger_plugin.hpp"

QLOOP_PLUGIN(qloop::ledger::LedgerExporterPlugin)
