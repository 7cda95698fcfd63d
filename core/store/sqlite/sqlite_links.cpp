// Complaint links (duplicates and merges) and the moves they make: contacts
// and conversation messages change complaint, and move back on an undo.
#include <nlohmann/json.hpp>

#include "core/domain/json.hpp"
#include "core/store/sqlite/sqlite_store.hpp"
#include "core/store/sqlite/sqlite_time.hpp"

namespace qloop::store::sqlite {

std::int64_t SqliteStore::insert_link(const domain::ComplaintLink &l) {
  auto &st = prepared("INSERT INTO complaint_links (kind, complaint_id, survivor_id, at, actor, reason, "
                      "score, status_before, "
                      "moved_contacts, moved_attachments, moved_messages, note_contact) VALUES "
                      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  st.bind(1, domain::link_kind_name(l.kind));
  st.bind(2, l.complaint_id);
  st.bind(3, l.survivor_id);
  st.bind(4, secs(l.at));
  st.bind(5, l.actor);
  st.bind(6, l.reason);
  st.bind(7, l.score);
  st.bind(8, domain::status_name(l.status_before));
  st.bind(9, nlohmann::json(l.moved_contacts).dump());
  st.bind(10, nlohmann::json(l.moved_attachments).dump());
  st.bind(11, nlohmann::json(l.moved_messages).dump());
  if (l.note_contact)
    st.bind(12, *l.note_contact);
  else
    st.bind(12);
  st.exec();
  return database().getLastInsertRowid();
}

std::vector<domain::ComplaintLink> SqliteStore::links(std::int64_t complaint_id, bool active_only) {
  // Both directions: links that absorbed this complaint, and links into it.
  auto &st = prepared(
      "SELECT id, kind, complaint_id, survivor_id, at, actor, reason, score, status_before, moved_contacts, "
      "moved_attachments, moved_messages, note_contact, undone_at, undone_by FROM complaint_links "
      "WHERE (complaint_id = ?1 OR survivor_id = ?1) AND (?2 = 0 OR undone_at IS NULL) ORDER BY id");
  st.bind(1, complaint_id);
  st.bind(2, active_only ? 1 : 0);
  std::vector<domain::ComplaintLink> out;
  while (st.executeStep()) {
    domain::ComplaintLink l;
    l.id = st.getColumn(0).getInt64();
    l.kind = domain::parse_link_kind(st.getColumn(1).getString()).value_or(domain::LinkKind::Duplicate);
    l.complaint_id = st.getColumn(2).getInt64();
    l.survivor_id = st.getColumn(3).getInt64();
    l.at = from_secs(st.getColumn(4).getInt64());
    l.actor = st.getColumn(5).getString();
    l.reason = st.getColumn(6).getString();
    l.score = st.getColumn(7).getDouble();
    l.status_before = domain::parse_status(st.getColumn(8).getString()).value_or(domain::Status::Received);
    l.moved_contacts = nlohmann::json::parse(st.getColumn(9).getString()).get<std::vector<std::int64_t>>();
    l.moved_attachments =
        nlohmann::json::parse(st.getColumn(10).getString()).get<std::vector<domain::Attachment>>();
    l.moved_messages = nlohmann::json::parse(st.getColumn(11).getString()).get<std::vector<std::string>>();
    if (!st.getColumn(12).isNull()) l.note_contact = st.getColumn(12).getInt64();
    if (!st.getColumn(13).isNull()) l.undone_at = from_secs(st.getColumn(13).getInt64());
    l.undone_by = st.getColumn(14).getString();
    out.push_back(std::move(l));
  }
  return out;
}

void SqliteStore::close_link(std::int64_t link_id, domain::Timestamp at, const std::string &by) {
  auto &st = prepared("UPDATE complaint_links SET undone_at = ?2, undone_by = ?3 WHERE id = ?1");
  st.bind(1, link_id);
  st.bind(2, secs(at));
  st.bind(3, by);
  st.exec();
}

void SqliteStore::move_contact(std::int64_t contact_id, std::int64_t to_complaint_id) {
  auto &st = prepared("UPDATE contacts SET complaint_id = ?2 WHERE id = ?1");
  st.bind(1, contact_id);
  st.bind(2, to_complaint_id);
  if (st.exec() != 1) throw StoreError("no contact " + std::to_string(contact_id));
}

void SqliteStore::delete_contact(std::int64_t contact_id) {
  auto &st = prepared("DELETE FROM contacts WHERE id = ?1");
  st.bind(1, contact_id);
  st.exec();
}

std::vector<std::string> SqliteStore::thread_messages(std::int64_t complaint_id) {
  auto &st = prepared("SELECT message_id FROM thread_messages WHERE complaint_id = ?1 ORDER BY message_id");
  st.bind(1, complaint_id);
  std::vector<std::string> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getString());
  return out;
}

void SqliteStore::move_thread_message(const std::string &message_id, std::int64_t to_complaint_id) {
  auto &st = prepared("UPDATE thread_messages SET complaint_id = ?2 WHERE message_id = ?1");
  st.bind(1, message_id);
  st.bind(2, to_complaint_id);
  st.exec();
}

} // namespace qloop::store::sqlite
