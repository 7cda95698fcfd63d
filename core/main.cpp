// The qloop host: a command line over the plugin manager and (later) the
// complaint ledger. Everything lives in qloop_core; this only wires stdio.
#include <iostream>

#include "core/cli/commands.hpp"

int main(int argc, char **argv) {
  qloop::cli::Context ctx(std::cout, std::cerr);
  return qloop::cli::run(argc, argv, ctx);
}
