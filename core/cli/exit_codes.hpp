// Exit codes of the qloop command, documented in docs/operations.md.
#pragma once

#include <string>

namespace qloop::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitFailure = 1,      // a runtime failure not covered below
  kExitUsage = 2,        // bad command line
  kExitConfig = 3,       // configuration missing, unreadable or invalid
  kExitPlugin = 4,       // plugin not found, refused, or it failed
  kExitInvalidInput = 5, // the input data was rejected (message names field and rule)
  kExitNotFound = 6,     // no such complaint, action, ...
  kExitRefused = 7,      // the workflow refused: the message says what is missing
};

// Thrown by commands to end with a message and a code.
struct CommandError {
  int code;
  std::string message;
};

} // namespace qloop::cli
