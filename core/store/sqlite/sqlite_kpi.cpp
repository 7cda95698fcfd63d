// The facts the KPIs are computed from, each complaint's in one row: the
// SQLite store does the joins (first outbound contact, D3/D8 times from the
// 8D document, pauses, recurrence links) so the KPI code sees plain values.
#include <nlohmann/json.hpp>

#include "core/store/sqlite/sqlite_store.hpp"
#include "core/store/sqlite/sqlite_time.hpp"

namespace qloop::store::sqlite {
namespace {

std::optional<domain::Timestamp> optional_secs(const SQLite::Column &c) {
  if (c.isNull()) return std::nullopt;
  return from_secs(c.getInt64());
}

// 8D times are ISO text inside the document.
std::optional<domain::Timestamp> optional_iso(const SQLite::Column &c) {
  if (c.isNull()) return std::nullopt;
  return domain::parse_iso(c.getString());
}

} // namespace

std::vector<domain::ComplaintFacts> SqliteStore::complaint_facts(domain::Timestamp from,
                                                                 domain::Timestamp to) {
  auto &st = prepared(
      "SELECT c.id, c.number, c.received_at, c.closed_at, c.status, c.severity, c.category, c.subcategory, "
      "  c.product_model, c.recurrence_of IS NOT NULL, "
      "  (SELECT MIN(k.at) FROM contacts k WHERE k.complaint_id = c.id AND k.direction = 'out'), "
      "  (SELECT MIN(json_extract(d.value, '$.done_at')) FROM eight_d e, json_each(e.doc, '$.d3') d "
      "     WHERE e.complaint_id = c.id), "
      "  (SELECT json_extract(e.doc, '$.d8.closed_at') FROM eight_d e WHERE e.complaint_id = c.id), "
      "  EXISTS (SELECT 1 FROM complaints r WHERE r.recurrence_of = c.id) "
      "    OR EXISTS (SELECT 1 FROM revisits v WHERE v.complaint_id = c.id AND v.problem_recurred = 1), "
      "  (SELECT json_group_array(json_array(p.from_at, p.to_at)) FROM pauses p WHERE p.complaint_id = c.id) "
      "FROM complaints c "
      "WHERE (c.received_at >= ?1 AND c.received_at < ?2) OR (c.closed_at >= ?1 AND c.closed_at < ?2) "
      "ORDER BY c.received_at, c.id");
  st.bind(1, secs(from));
  st.bind(2, secs(to));
  std::vector<domain::ComplaintFacts> out;
  while (st.executeStep()) {
    domain::ComplaintFacts f;
    f.id = st.getColumn(0).getInt64();
    f.number = st.getColumn(1).getString();
    f.received_at = from_secs(st.getColumn(2).getInt64());
    f.closed_at = optional_secs(st.getColumn(3));
    f.status = domain::parse_status(st.getColumn(4).getString()).value_or(domain::Status::Received);
    f.severity = domain::parse_severity(st.getColumn(5).getString()).value_or(domain::Severity::Minor);
    f.category = st.getColumn(6).getString();
    f.subcategory = st.getColumn(7).getString();
    f.product_model = st.getColumn(8).getString();
    f.recurrence = st.getColumn(9).getInt() != 0;
    f.first_response_at = optional_secs(st.getColumn(10));
    f.contained_at = optional_iso(st.getColumn(11));
    f.eight_d_closed_at = optional_iso(st.getColumn(12));
    f.recurred = st.getColumn(13).getInt() != 0;
    const auto pauses = nlohmann::json::parse(st.getColumn(14).getString(), nullptr, false);
    if (pauses.is_array())
      for (const auto &p : pauses) {
        std::optional<domain::Timestamp> until;
        if (!p[1].is_null()) until = from_secs(p[1].get<std::int64_t>());
        f.pauses.emplace_back(from_secs(p[0].get<std::int64_t>()), until);
      }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<domain::RevisitFact> SqliteStore::revisit_facts(domain::Timestamp from, domain::Timestamp to) {
  auto &st = prepared("SELECT complaint_id, at, satisfaction, waived FROM revisits "
                      "WHERE at >= ?1 AND at < ?2 ORDER BY at, id");
  st.bind(1, secs(from));
  st.bind(2, secs(to));
  std::vector<domain::RevisitFact> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), from_secs(st.getColumn(1).getInt64()),
                   st.getColumn(2).getInt(), st.getColumn(3).getInt() != 0});
  return out;
}

} // namespace qloop::store::sqlite
