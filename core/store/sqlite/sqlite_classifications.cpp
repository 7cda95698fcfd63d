// Classification rows and the triage queue.
#include <nlohmann/json.hpp>

#include "core/domain/json.hpp"
#include "core/store/sqlite/sqlite_store.hpp"
#include "core/store/sqlite/sqlite_time.hpp"

namespace qloop::store::sqlite {

namespace {

constexpr const char *kColumns = "complaint_id, at, decisions, filled, assigned_by, triage, triage_reason, "
                                 "reviewed_by, reviewed_at, corrections";

domain::Classification read_classification(SQLite::Statement &st) {
  domain::Classification c;
  c.complaint_id = st.getColumn(0).getInt64();
  c.at = from_secs(st.getColumn(1).getInt64());
  c.decisions =
      nlohmann::json::parse(st.getColumn(2).getString()).get<std::map<std::string, domain::Decision>>();
  c.filled = nlohmann::json::parse(st.getColumn(3).getString()).get<std::vector<std::string>>();
  c.assigned_by = st.getColumn(4).getString();
  c.triage = st.getColumn(5).getInt() != 0;
  c.triage_reason = st.getColumn(6).getString();
  c.reviewed_by = st.getColumn(7).getString();
  if (!st.getColumn(8).isNull()) c.reviewed_at = from_secs(st.getColumn(8).getInt64());
  c.corrections = nlohmann::json::parse(st.getColumn(9).getString());
  return c;
}

} // namespace

void SqliteStore::put_classification(const domain::Classification &c) {
  auto &st =
      prepared("INSERT OR REPLACE INTO classifications (complaint_id, at, decisions, filled, assigned_by, "
               "triage, triage_reason, reviewed_by, reviewed_at, corrections) VALUES "
               "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.bind(1, c.complaint_id);
  st.bind(2, secs(c.at));
  st.bind(3, nlohmann::json(c.decisions).dump());
  st.bind(4, nlohmann::json(c.filled).dump());
  st.bind(5, c.assigned_by);
  st.bind(6, c.triage ? 1 : 0);
  st.bind(7, c.triage_reason);
  st.bind(8, c.reviewed_by);
  if (c.reviewed_at)
    st.bind(9, secs(*c.reviewed_at));
  else
    st.bind(9);
  st.bind(10, c.corrections.dump());
  st.exec();
}

std::optional<domain::Classification> SqliteStore::classification(std::int64_t complaint_id) {
  static const std::string sql =
      std::string("SELECT ") + kColumns + " FROM classifications WHERE complaint_id = ?1";
  auto &st = prepared(sql.c_str());
  st.bind(1, complaint_id);
  if (!st.executeStep()) return std::nullopt;
  return read_classification(st);
}

std::vector<domain::Classification> SqliteStore::triage_queue(std::size_t limit) {
  static const std::string sql = std::string("SELECT ") + kColumns +
                                 " FROM classifications WHERE triage = 1 ORDER BY at, complaint_id LIMIT ?1";
  auto &st = prepared(sql.c_str());
  st.bind(1, static_cast<std::int64_t>(limit == 0 ? -1 : static_cast<std::int64_t>(limit)));
  std::vector<domain::Classification> out;
  while (st.executeStep()) out.push_back(read_classification(st));
  return out;
}

std::int64_t SqliteStore::open_complaints_of(const std::string &owner) {
  auto &st = prepared("SELECT COUNT(*) FROM complaints WHERE owner = ?1 AND status NOT IN ('archived', "
                      "'rejected', 'duplicate')");
  st.bind(1, owner);
  st.executeStep();
  return st.getColumn(0).getInt64();
}

} // namespace qloop::store::sqlite
