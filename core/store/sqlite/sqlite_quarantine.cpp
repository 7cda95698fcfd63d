// The intake quarantine table of the SQLite store (migration 0002).
#include "core/store/sqlite/sqlite_store.hpp"
#include "core/store/sqlite/sqlite_time.hpp"

namespace qloop::store::sqlite {

namespace {

constexpr const char *kColumns =
    "id, plugin, source_key, raw, reason, first_at, last_at, attempts, state, complaint_id, note";

QuarantineItem read_item(SQLite::Statement &st) {
  QuarantineItem q;
  q.id = st.getColumn(0).getInt64();
  q.plugin = st.getColumn(1).getString();
  q.source_key = st.getColumn(2).getString();
  const auto raw = st.getColumn(3);
  q.raw.assign(static_cast<const char *>(raw.getBlob()), static_cast<std::size_t>(raw.getBytes()));
  q.reason = st.getColumn(4).getString();
  q.first_at = from_secs(st.getColumn(5).getInt64());
  q.last_at = from_secs(st.getColumn(6).getInt64());
  q.attempts = st.getColumn(7).getInt64();
  q.state = st.getColumn(8).getString();
  if (!st.getColumn(9).isNull()) q.complaint_id = st.getColumn(9).getInt64();
  q.note = st.getColumn(10).getString();
  return q;
}

} // namespace

std::int64_t SqliteStore::put_quarantine(const QuarantineItem &q) {
  auto &st =
      prepared("INSERT INTO quarantine (plugin, source_key, raw, reason, first_at, last_at) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?5) "
               "ON CONFLICT (plugin, source_key) DO UPDATE SET raw = excluded.raw, reason = excluded.reason, "
               "last_at = excluded.last_at, attempts = attempts + 1, state = 'held', note = '' "
               "RETURNING id");
  st.bind(1, q.plugin);
  st.bind(2, q.source_key);
  st.bind(3, q.raw.data(), static_cast<int>(q.raw.size()));
  st.bind(4, q.reason);
  st.bind(5, secs(q.last_at));
  st.executeStep();
  const auto id = st.getColumn(0).getInt64();
  while (st.executeStep()) {
  }
  return id;
}

std::optional<QuarantineItem> SqliteStore::quarantine_item(std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + kColumns + " FROM quarantine WHERE id = ?1";
  auto &st = prepared(sql.c_str());
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_item(st);
}

std::vector<QuarantineItem> SqliteStore::quarantine_items(const QuarantineFilter &f) {
  static const std::string sql =
      std::string("SELECT ") + kColumns +
      " FROM quarantine WHERE (?1 = '' OR plugin = ?1) AND (?2 = 0 OR state = 'held') "
      "ORDER BY id LIMIT ?3";
  auto &st = prepared(sql.c_str());
  st.bind(1, f.plugin);
  st.bind(2, f.held_only ? 1 : 0);
  st.bind(3, static_cast<std::int64_t>(f.limit == 0 ? -1 : static_cast<std::int64_t>(f.limit)));
  std::vector<QuarantineItem> out;
  while (st.executeStep()) out.push_back(read_item(st));
  return out;
}

void SqliteStore::settle_quarantine(std::int64_t id, const std::string &state,
                                    std::optional<std::int64_t> complaint_id, const std::string &note) {
  auto &st = prepared("UPDATE quarantine SET state = ?2, complaint_id = ?3, note = ?4 WHERE id = ?1");
  st.bind(1, id);
  st.bind(2, state);
  if (complaint_id)
    st.bind(3, *complaint_id);
  else
    st.bind(3);
  st.bind(4, note);
  if (st.exec() != 1) throw StoreError("no quarantine item " + std::to_string(id));
}

} // namespace qloop::store::sqlite
