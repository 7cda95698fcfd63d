/* The ceiling for `qloop demo seed`: the same rows inserted by a bare C
 * program with the SQLite API, in one transaction, with prepared statements
 * and nothing else. It copies every row of a ledger qloop wrote into a fresh
 * database with the same schema; the time to merely read the rows is measured
 * separately and taken off, so what is left is the bare insert.
 * Usage: bare_insert SOURCE.db DEST.db */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void check(int rc, sqlite3 *db, const char *what) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
  }
}

static const char *tables[] = {"counters", "complaints", "contacts", "actions",     "revisits",
                               "pauses",   "eight_d",    "analyses", "audit_events"};

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: bare_insert SOURCE.db DEST.db\n");
    return 2;
  }
  sqlite3 *src = NULL, *dst = NULL;
  check(sqlite3_open_v2(argv[1], &src, SQLITE_OPEN_READONLY, NULL), src, "open source");
  remove(argv[2]);
  check(sqlite3_open(argv[2], &dst), dst, "open dest");
  check(sqlite3_exec(dst, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL, NULL, NULL), dst,
        "pragma");

  /* Same schema: the CREATE statements qloop's migration made. */
  sqlite3_stmt *schema = NULL;
  check(sqlite3_prepare_v2(src,
                           "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' "
                           "ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END",
                           -1, &schema, NULL),
        src, "schema");
  while (sqlite3_step(schema) == SQLITE_ROW)
    check(sqlite3_exec(dst, (const char *)sqlite3_column_text(schema, 0), NULL, NULL, NULL), dst, "create");
  sqlite3_finalize(schema);

  /* Pass 1: only read every row (the cost taken off below). */
  long long rows = 0;
  double t0 = now();
  for (size_t t = 0; t < sizeof tables / sizeof *tables; ++t) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT * FROM %s", tables[t]);
    sqlite3_stmt *sel = NULL;
    check(sqlite3_prepare_v2(src, sql, -1, &sel, NULL), src, sql);
    int n = sqlite3_column_count(sel);
    while (sqlite3_step(sel) == SQLITE_ROW) {
      for (int i = 0; i < n; ++i) (void)sqlite3_column_value(sel, i);
      ++rows;
    }
    sqlite3_finalize(sel);
  }
  double scan = now() - t0;

  /* Pass 2: read and insert, one transaction. */
  t0 = now();
  check(sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL), dst, "begin");
  for (size_t t = 0; t < sizeof tables / sizeof *tables; ++t) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT * FROM %s", tables[t]);
    sqlite3_stmt *sel = NULL;
    check(sqlite3_prepare_v2(src, sql, -1, &sel, NULL), src, sql);
    int n = sqlite3_column_count(sel);
    char ins[4096];
    int len = snprintf(ins, sizeof ins, "INSERT INTO %s VALUES (", tables[t]);
    for (int i = 0; i < n; ++i) len += snprintf(ins + len, sizeof ins - (size_t)len, i ? ",?" : "?");
    snprintf(ins + len, sizeof ins - (size_t)len, ")");
    sqlite3_stmt *put = NULL;
    check(sqlite3_prepare_v2(dst, ins, -1, &put, NULL), dst, ins);
    while (sqlite3_step(sel) == SQLITE_ROW) {
      for (int i = 0; i < n; ++i) sqlite3_bind_value(put, i + 1, sqlite3_column_value(sel, i));
      check(sqlite3_step(put), dst, "insert");
      sqlite3_reset(put);
    }
    sqlite3_finalize(put);
    sqlite3_finalize(sel);
  }
  check(sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL), dst, "commit");
  double copy = now() - t0;
  printf("rows %lld scan_s %.3f copy_s %.3f insert_s %.3f\n", rows, scan, copy, copy - scan);
  sqlite3_close(src);
  sqlite3_close(dst);
  return 0;
}
