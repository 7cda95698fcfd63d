// The SQLite schema migrations, embedded at build time from migrations/*.sql.
#pragma once

#include <vector>

namespace qloop::store::sqlite {

struct Migration {
  int version;
  const char *name;
  const char *sql;
};

// In version order.
const std::vector<Migration> &migrations();

} // namespace qloop::store::sqlite
