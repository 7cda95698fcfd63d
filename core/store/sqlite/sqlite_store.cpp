#include "core/store/sqlite/sqlite_store.hpp"

#include <algorithm>

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include "core/domain/json.hpp"
#include "core/log/logging.hpp"
#include "core/store/sqlite/migrations.hpp"
#include "core/store/sqlite/sqlite_time.hpp"

namespace qloop::store::sqlite {

using domain::Timestamp;

namespace {

template <class T> void bind_opt(SQLite::Statement &st, int index, const std::optional<T> &v) {
  if (v)
    st.bind(index, static_cast<std::int64_t>(*v));
  else
    st.bind(index);
}
void bind_opt_time(SQLite::Statement &st, int index, const std::optional<Timestamp> &v) {
  if (v)
    st.bind(index, secs(*v));
  else
    st.bind(index);
}
std::optional<std::int64_t> opt_int(const SQLite::Column &c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::optional<Timestamp> opt_time(const SQLite::Column &c) {
  if (c.isNull()) return std::nullopt;
  return from_secs(c.getInt64());
}

constexpr const char *kComplaintColumns =
    "id, number, source_key, customer, contact, received_at, channel, product_model, lot, order_number, "
    "quantity_affected, phenomenon, attachments, reporter, category, subcategory, severity, key_complaint, "
    "status, "
    "owner, owner_department, duplicate_of, recurrence_of, waiting_on_customer, created_at, updated_at, "
    "closed_at, extra";

domain::Complaint read_complaint(SQLite::Statement &st) {
  domain::Complaint c;
  c.id = st.getColumn(0).getInt64();
  c.number = st.getColumn(1).getString();
  c.source_key = st.getColumn(2).isNull() ? "" : st.getColumn(2).getString();
  c.customer = st.getColumn(3).getString();
  c.contact = st.getColumn(4).getString();
  c.received_at = from_secs(st.getColumn(5).getInt64());
  c.channel = st.getColumn(6).getString();
  c.product_model = st.getColumn(7).getString();
  c.lot = st.getColumn(8).getString();
  c.order_number = st.getColumn(9).getString();
  c.quantity_affected = st.getColumn(10).getInt64();
  c.phenomenon = st.getColumn(11).getString();
  c.attachments = nlohmann::json::parse(st.getColumn(12).getString()).get<std::vector<domain::Attachment>>();
  c.reporter = st.getColumn(13).getString();
  c.category = st.getColumn(14).getString();
  c.subcategory = st.getColumn(15).getString();
  c.severity = domain::parse_severity(st.getColumn(16).getString()).value_or(domain::Severity::Minor);
  c.key_complaint = st.getColumn(17).getInt() != 0;
  c.status = domain::parse_status(st.getColumn(18).getString()).value_or(domain::Status::Received);
  c.owner = st.getColumn(19).getString();
  c.owner_department = st.getColumn(20).getString();
  c.duplicate_of = opt_int(st.getColumn(21));
  c.recurrence_of = opt_int(st.getColumn(22));
  c.waiting_on_customer = st.getColumn(23).getInt() != 0;
  c.created_at = from_secs(st.getColumn(24).getInt64());
  c.updated_at = from_secs(st.getColumn(25).getInt64());
  c.closed_at = opt_time(st.getColumn(26));
  c.extra = nlohmann::json::parse(st.getColumn(27).getString());
  return c;
}

// Binds the complaint's fields to ?1..?27 in the order of kComplaintColumns after id.
void bind_complaint(SQLite::Statement &st, const domain::Complaint &c) {
  st.bind(1, c.number);
  if (c.source_key.empty())
    st.bind(2);
  else
    st.bind(2, c.source_key);
  st.bind(3, c.customer);
  st.bind(4, c.contact);
  st.bind(5, secs(c.received_at));
  st.bind(6, c.channel);
  st.bind(7, c.product_model);
  st.bind(8, c.lot);
  st.bind(9, c.order_number);
  st.bind(10, c.quantity_affected);
  st.bind(11, c.phenomenon);
  st.bind(12, nlohmann::json(c.attachments).dump());
  st.bind(13, c.reporter);
  st.bind(14, c.category);
  st.bind(15, c.subcategory);
  st.bind(16, domain::severity_name(c.severity));
  st.bind(17, c.key_complaint ? 1 : 0);
  st.bind(18, domain::status_name(c.status));
  st.bind(19, c.owner);
  st.bind(20, c.owner_department);
  bind_opt(st, 21, c.duplicate_of);
  bind_opt(st, 22, c.recurrence_of);
  st.bind(23, c.waiting_on_customer ? 1 : 0);
  st.bind(24, secs(c.created_at));
  st.bind(25, secs(c.updated_at));
  bind_opt_time(st, 26, c.closed_at);
  st.bind(27, c.extra.dump());
}

domain::Action read_action(SQLite::Statement &st) {
  domain::Action a;
  a.id = st.getColumn(0).getInt64();
  a.complaint_id = st.getColumn(1).getInt64();
  a.type = domain::parse_action_type(st.getColumn(2).getString()).value_or(domain::ActionType::Permanent);
  a.description = st.getColumn(3).getString();
  a.owner_department = st.getColumn(4).getString();
  a.owner = st.getColumn(5).getString();
  a.due = opt_time(st.getColumn(6));
  a.status = domain::parse_action_status(st.getColumn(7).getString()).value_or(domain::ActionStatus::Open);
  a.evidence = st.getColumn(8).getString();
  a.verification_result = st.getColumn(9).getString();
  a.verified_by = st.getColumn(10).getString();
  a.verified_at = opt_time(st.getColumn(11));
  return a;
}

void bind_action(SQLite::Statement &st, const domain::Action &a) {
  st.bind(1, a.complaint_id);
  st.bind(2, domain::action_type_name(a.type));
  st.bind(3, a.description);
  st.bind(4, a.owner_department);
  st.bind(5, a.owner);
  bind_opt_time(st, 6, a.due);
  st.bind(7, domain::action_status_name(a.status));
  st.bind(8, a.evidence);
  st.bind(9, a.verification_result);
  st.bind(10, a.verified_by);
  bind_opt_time(st, 11, a.verified_at);
}

domain::AuditEvent read_event(SQLite::Statement &st) {
  domain::AuditEvent e;
  e.seq = st.getColumn(0).getInt64();
  e.at = from_secs(st.getColumn(1).getInt64());
  e.actor = st.getColumn(2).getString();
  e.complaint_id = opt_int(st.getColumn(3));
  e.kind = st.getColumn(4).getString();
  e.before = st.getColumn(5).getString();
  e.after = st.getColumn(6).getString();
  e.reason = st.getColumn(7).getString();
  e.prev_hash = st.getColumn(8).getString();
  e.hash = st.getColumn(9).getString();
  return e;
}

} // namespace

SqliteStore::SqliteStore(const std::filesystem::path &file, bool migrate_now)
    : db_(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX) {
  db_.setBusyTimeout(60000); // first: a second writer waits for the first instead of failing
  db_.exec("PRAGMA journal_mode = WAL");
  db_.exec("PRAGMA synchronous = NORMAL"); // WAL + NORMAL: durable across process crashes
  db_.exec("PRAGMA foreign_keys = ON");
  db_.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
           "applied_at INTEGER NOT NULL)");
  if (migrate_now) migrate();
}

SqliteStore::~SqliteStore() { statements_.clear(); }

SQLite::Statement &SqliteStore::prepared(const char *sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end())
    it = statements_.emplace(sql, std::make_unique<SQLite::Statement>(db_, sql)).first;
  it->second->reset();
  it->second->clearBindings();
  return *it->second;
}

// A cached SELECT left mid-result keeps its read snapshot open after COMMIT,
// and no checkpoint can then move past it: the WAL grew without bound (7 GB
// in a 10^6-complaint seed, with a 36 MB database). Every transaction ends
// with its statements reset.
void SqliteStore::reset_statements() noexcept {
  for (auto &[sql, st] : statements_) {
    try {
      st->reset();
    } catch (...) {
    }
  }
}

void SqliteStore::write(const std::function<void()> &fn) {
  if (depth_ > 0) {
    fn();
    return;
  }
  db_.exec("BEGIN IMMEDIATE");
  ++depth_;
  last_event_.reset();
  try {
    fn();
    reset_statements();
    db_.exec("COMMIT");
  } catch (...) {
    --depth_;
    last_event_.reset();
    reset_statements();
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  --depth_;
}

void SqliteStore::read(const std::function<void()> &fn) {
  if (depth_ > 0) {
    fn();
    return;
  }
  db_.exec("BEGIN");
  ++depth_;
  try {
    fn();
    reset_statements();
    db_.exec("COMMIT");
  } catch (...) {
    --depth_;
    reset_statements();
    try {
      db_.exec("ROLLBACK");
    } catch (...) {
    }
    throw;
  }
  --depth_;
}

int SqliteStore::schema_version() {
  SQLite::Statement st(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  st.executeStep();
  return st.getColumn(0).getInt();
}

int SqliteStore::migrate() {
  int applied = 0;
  write([&] {
    int current = schema_version();
    for (const auto &m : migrations()) {
      if (m.version <= current) continue;
      db_.exec(m.sql);
      SQLite::Statement st(db_, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, "
                                "strftime('%s','now'))");
      st.bind(1, m.version);
      st.bind(2, m.name);
      st.exec();
      log::get("store")->info("applied migration {} ({})", m.version, m.name);
      ++applied;
    }
  });
  return applied;
}

std::string SqliteStore::next_number(int year) {
  const std::string counter = "complaint-" + std::to_string(year);
  auto &up = prepared("INSERT INTO counters (name, value) VALUES (?1, 1) "
                      "ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value");
  up.bind(1, counter);
  up.executeStep();
  std::int64_t n = up.getColumn(0).getInt64();
  while (up.executeStep()) {
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "QC-%d-%05lld", year, static_cast<long long>(n));
  return buf;
}

std::int64_t SqliteStore::insert_complaint(const domain::Complaint &c) {
  auto &st = prepared(
      "INSERT INTO complaints (number, source_key, customer, contact, received_at, channel, "
      "product_model, lot, order_number, quantity_affected, phenomenon, attachments, reporter, "
      "category, subcategory, severity, key_complaint, status, owner, owner_department, "
      "duplicate_of, recurrence_of, waiting_on_customer, created_at, updated_at, closed_at, extra) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, "
      "?21, ?22, ?23, ?24, ?25, ?26, ?27)");
  bind_complaint(st, c);
  try {
    st.exec();
  } catch (const SQLite::Exception &e) {
    if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE)
      throw StoreError("a complaint with source key '" + c.source_key + "' or number " + c.number +
                       " exists");
    throw;
  }
  return db_.getLastInsertRowid();
}

void SqliteStore::update_complaint(const domain::Complaint &c) {
  auto &st = prepared(
      "UPDATE complaints SET number = ?1, source_key = ?2, customer = ?3, contact = ?4, "
      "received_at = ?5, channel = ?6, product_model = ?7, lot = ?8, order_number = ?9, "
      "quantity_affected = ?10, phenomenon = ?11, attachments = ?12, reporter = ?13, category = ?14, "
      "subcategory = ?15, severity = ?16, key_complaint = ?17, status = ?18, owner = ?19, "
      "owner_department = ?20, duplicate_of = ?21, recurrence_of = ?22, waiting_on_customer = ?23, "
      "created_at = ?24, updated_at = ?25, closed_at = ?26, extra = ?27 WHERE id = ?28");
  bind_complaint(st, c);
  st.bind(28, c.id);
  if (st.exec() != 1) throw StoreError("no complaint with id " + std::to_string(c.id));
}

std::optional<domain::Complaint> SqliteStore::complaint(std::int64_t id) {
  static const std::string sql =
      std::string("SELECT ") + kComplaintColumns + " FROM complaints WHERE id = ?1";
  auto &st = prepared(sql.c_str());
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_complaint(st);
}

std::optional<domain::Complaint> SqliteStore::complaint_by_number(const std::string &number) {
  static const std::string sql =
      std::string("SELECT ") + kComplaintColumns + " FROM complaints WHERE number = ?1";
  auto &st = prepared(sql.c_str());
  st.bind(1, number);
  if (!st.executeStep()) return std::nullopt;
  return read_complaint(st);
}

std::optional<std::int64_t> SqliteStore::complaint_id_by_source_key(const std::string &source_key) {
  auto &st = prepared("SELECT id FROM complaints WHERE source_key = ?1");
  st.bind(1, source_key);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

std::vector<domain::Complaint> SqliteStore::duplicate_candidates(const std::string &customer,
                                                                 const std::string &order_number,
                                                                 const std::string &product_model,
                                                                 domain::Timestamp from, domain::Timestamp to,
                                                                 std::size_t limit) {
  // Two indexed look-ups (customer, order | product, received_at) rather
  // than one OR that would scan the customer's whole window.
  static const std::string same_order =
      std::string("SELECT ") + kComplaintColumns +
      " FROM complaints WHERE customer = ?1 AND order_number = ?2 AND received_at BETWEEN ?3 AND ?4 "
      "AND status NOT IN ('archived', 'rejected', 'duplicate') ORDER BY received_at, id LIMIT ?5";
  static const std::string same_product =
      std::string("SELECT ") + kComplaintColumns +
      " FROM complaints WHERE customer = ?1 AND product_model = ?2 AND received_at BETWEEN ?3 AND ?4 "
      "AND status NOT IN ('archived', 'rejected', 'duplicate') ORDER BY received_at, id LIMIT ?5";
  std::vector<domain::Complaint> out;
  auto run = [&](const std::string &sql, const std::string &value) {
    auto &st = prepared(sql.c_str());
    st.bind(1, customer);
    st.bind(2, value);
    st.bind(3, secs(from));
    st.bind(4, secs(to));
    st.bind(5, static_cast<std::int64_t>(limit));
    while (st.executeStep()) {
      auto c = read_complaint(st);
      if (std::none_of(out.begin(), out.end(), [&](const auto &o) { return o.id == c.id; }))
        out.push_back(std::move(c));
    }
  };
  if (!order_number.empty()) run(same_order, order_number);
  if (!product_model.empty()) run(same_product, product_model);
  return out;
}

std::vector<domain::Complaint> SqliteStore::query_complaints(const ComplaintFilter &f, bool count_only,
                                                             std::int64_t *count) {
  std::string where = " WHERE 1 = 1";
  std::vector<std::pair<int, std::string>> text_binds;
  std::vector<std::pair<int, std::int64_t>> int_binds;
  int n = 0;
  auto add_text = [&](const char *clause, const std::string &v) {
    where += clause + std::to_string(++n);
    text_binds.emplace_back(n, v);
  };
  if (f.status) add_text(" AND status = ?", domain::status_name(*f.status));
  if (f.open_only) where += " AND status NOT IN ('archived', 'rejected', 'duplicate')";
  if (f.severity) add_text(" AND severity = ?", domain::severity_name(*f.severity));
  if (!f.customer.empty()) add_text(" AND customer = ?", f.customer);
  if (!f.product_model.empty()) add_text(" AND product_model = ?", f.product_model);
  if (!f.category.empty()) add_text(" AND category = ?", f.category);
  if (!f.channel.empty()) add_text(" AND channel = ?", f.channel);
  if (f.received_from) {
    where += " AND received_at >= ?" + std::to_string(++n);
    int_binds.emplace_back(n, secs(*f.received_from));
  }
  if (f.received_to) {
    where += " AND received_at < ?" + std::to_string(++n);
    int_binds.emplace_back(n, secs(*f.received_to));
  }
  std::string sql = count_only ? "SELECT COUNT(*) FROM complaints" + where
                               : std::string("SELECT ") + kComplaintColumns + " FROM complaints" + where +
                                     " ORDER BY received_at DESC, id DESC LIMIT " + std::to_string(f.limit) +
                                     " OFFSET " + std::to_string(f.offset);
  SQLite::Statement st(db_, sql);
  for (const auto &[i, v] : text_binds) st.bind(i, v);
  for (const auto &[i, v] : int_binds) st.bind(i, v);
  std::vector<domain::Complaint> out;
  while (st.executeStep()) {
    if (count_only)
      *count = st.getColumn(0).getInt64();
    else
      out.push_back(read_complaint(st));
  }
  return out;
}

std::vector<domain::Complaint> SqliteStore::complaints(const ComplaintFilter &f) {
  return query_complaints(f, false, nullptr);
}

std::int64_t SqliteStore::count_complaints(const ComplaintFilter &f) {
  std::int64_t n = 0;
  query_complaints(f, true, &n);
  return n;
}

std::int64_t SqliteStore::insert_contact(const domain::Contact &c) {
  auto &st = prepared(
      "INSERT INTO contacts (complaint_id, channel, direction, purpose, at, summary, actor, source_key) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  st.bind(1, c.complaint_id);
  st.bind(2, c.channel);
  st.bind(3, domain::direction_name(c.direction));
  st.bind(4, c.purpose);
  st.bind(5, secs(c.at));
  st.bind(6, c.summary);
  st.bind(7, c.actor);
  if (c.source_key.empty())
    st.bind(8);
  else
    st.bind(8, c.source_key);
  st.exec();
  return db_.getLastInsertRowid();
}

std::optional<std::int64_t> SqliteStore::contact_id_by_source_key(const std::string &source_key) {
  auto &st = prepared("SELECT id FROM contacts WHERE source_key = ?1");
  st.bind(1, source_key);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

void SqliteStore::link_thread_message(const std::string &message_id, std::int64_t complaint_id) {
  auto &st = prepared("INSERT OR IGNORE INTO thread_messages (message_id, complaint_id) VALUES (?1, ?2)");
  st.bind(1, message_id);
  st.bind(2, complaint_id);
  st.exec();
}

std::optional<std::int64_t> SqliteStore::complaint_id_by_thread_message(const std::string &message_id) {
  auto &st = prepared("SELECT complaint_id FROM thread_messages WHERE message_id = ?1");
  st.bind(1, message_id);
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getInt64();
}

std::vector<domain::Contact> SqliteStore::contacts(std::int64_t complaint_id) {
  auto &st = prepared(
      "SELECT id, complaint_id, channel, direction, purpose, at, summary, actor, source_key FROM contacts "
      "WHERE complaint_id = ?1 ORDER BY at, id");
  st.bind(1, complaint_id);
  std::vector<domain::Contact> out;
  while (st.executeStep()) {
    domain::Contact c;
    c.id = st.getColumn(0).getInt64();
    c.complaint_id = st.getColumn(1).getInt64();
    c.channel = st.getColumn(2).getString();
    c.direction =
        st.getColumn(3).getString() == "in" ? domain::Direction::Inbound : domain::Direction::Outbound;
    c.purpose = st.getColumn(4).getString();
    c.at = from_secs(st.getColumn(5).getInt64());
    c.summary = st.getColumn(6).getString();
    c.actor = st.getColumn(7).getString();
    c.source_key = st.getColumn(8).getString(); // NULL reads as ""
    out.push_back(std::move(c));
  }
  return out;
}

std::int64_t SqliteStore::insert_action(const domain::Action &a) {
  auto &st =
      prepared("INSERT INTO actions (complaint_id, type, description, owner_department, owner, due, status, "
               "evidence, verification_result, verified_by, verified_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
               "?8, ?9, ?10, ?11)");
  bind_action(st, a);
  st.exec();
  return db_.getLastInsertRowid();
}

void SqliteStore::update_action(const domain::Action &a) {
  auto &st = prepared(
      "UPDATE actions SET complaint_id = ?1, type = ?2, description = ?3, owner_department = ?4, "
      "owner = ?5, due = ?6, status = ?7, evidence = ?8, verification_result = ?9, verified_by = ?10, "
      "verified_at = ?11 WHERE id = ?12");
  bind_action(st, a);
  st.bind(12, a.id);
  if (st.exec() != 1) throw StoreError("no action A-" + std::to_string(a.id));
}

std::optional<domain::Action> SqliteStore::action(std::int64_t id) {
  auto &st =
      prepared("SELECT id, complaint_id, type, description, owner_department, owner, due, status, evidence, "
               "verification_result, verified_by, verified_at FROM actions WHERE id = ?1");
  st.bind(1, id);
  if (!st.executeStep()) return std::nullopt;
  return read_action(st);
}

std::vector<domain::Action> SqliteStore::actions(std::int64_t complaint_id) {
  auto &st = prepared(
      "SELECT id, complaint_id, type, description, owner_department, owner, due, status, evidence, "
      "verification_result, verified_by, verified_at FROM actions WHERE complaint_id = ?1 ORDER BY id");
  st.bind(1, complaint_id);
  std::vector<domain::Action> out;
  while (st.executeStep()) out.push_back(read_action(st));
  return out;
}

std::int64_t SqliteStore::insert_revisit(const domain::Revisit &r) {
  auto &st =
      prepared("INSERT INTO revisits (complaint_id, at, satisfaction, comment, problem_recurred, waived, "
               "waiver_reason, actor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  st.bind(1, r.complaint_id);
  st.bind(2, secs(r.at));
  st.bind(3, r.satisfaction);
  st.bind(4, r.comment);
  st.bind(5, r.problem_recurred ? 1 : 0);
  st.bind(6, r.waived ? 1 : 0);
  st.bind(7, r.waiver_reason);
  st.bind(8, r.actor);
  st.exec();
  return db_.getLastInsertRowid();
}

std::vector<domain::Revisit> SqliteStore::revisits(std::int64_t complaint_id) {
  auto &st =
      prepared("SELECT id, complaint_id, at, satisfaction, comment, problem_recurred, waived, waiver_reason, "
               "actor FROM revisits WHERE complaint_id = ?1 ORDER BY at, id");
  st.bind(1, complaint_id);
  std::vector<domain::Revisit> out;
  while (st.executeStep()) {
    domain::Revisit r;
    r.id = st.getColumn(0).getInt64();
    r.complaint_id = st.getColumn(1).getInt64();
    r.at = from_secs(st.getColumn(2).getInt64());
    r.satisfaction = st.getColumn(3).getInt();
    r.comment = st.getColumn(4).getString();
    r.problem_recurred = st.getColumn(5).getInt() != 0;
    r.waived = st.getColumn(6).getInt() != 0;
    r.waiver_reason = st.getColumn(7).getString();
    r.actor = st.getColumn(8).getString();
    out.push_back(std::move(r));
  }
  return out;
}

void SqliteStore::insert_pause(std::int64_t complaint_id, const workflow::Pause &p) {
  auto &st = prepared("INSERT INTO pauses (complaint_id, from_at, to_at, reason) VALUES (?1, ?2, ?3, ?4)");
  st.bind(1, complaint_id);
  st.bind(2, secs(p.from));
  bind_opt_time(st, 3, p.to);
  st.bind(4, p.reason);
  st.exec();
}

void SqliteStore::close_pause(std::int64_t complaint_id, Timestamp to) {
  auto &st = prepared("UPDATE pauses SET to_at = ?2 WHERE complaint_id = ?1 AND to_at IS NULL");
  st.bind(1, complaint_id);
  st.bind(2, secs(to));
  st.exec();
}

std::vector<workflow::Pause> SqliteStore::pauses(std::int64_t complaint_id) {
  auto &st =
      prepared("SELECT from_at, to_at, reason FROM pauses WHERE complaint_id = ?1 ORDER BY from_at, id");
  st.bind(1, complaint_id);
  std::vector<workflow::Pause> out;
  while (st.executeStep())
    out.push_back(
        {from_secs(st.getColumn(0).getInt64()), opt_time(st.getColumn(1)), st.getColumn(2).getString()});
  return out;
}

domain::EightD SqliteStore::eight_d(std::int64_t complaint_id) {
  auto &st = prepared("SELECT doc FROM eight_d WHERE complaint_id = ?1");
  st.bind(1, complaint_id);
  if (!st.executeStep()) return {};
  return nlohmann::json::parse(st.getColumn(0).getString()).get<domain::EightD>();
}

void SqliteStore::save_eight_d(std::int64_t complaint_id, const domain::EightD &doc) {
  auto &st = prepared("INSERT INTO eight_d (complaint_id, doc) VALUES (?1, ?2) "
                      "ON CONFLICT(complaint_id) DO UPDATE SET doc = excluded.doc");
  st.bind(1, complaint_id);
  st.bind(2, nlohmann::json(doc).dump());
  st.exec();
}

std::int64_t SqliteStore::insert_analysis(const AnalysisRecord &a) {
  auto &st = prepared("INSERT INTO analyses (complaint_id, method, plugin, section, request, result, at) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  st.bind(1, a.complaint_id);
  st.bind(2, a.method);
  st.bind(3, a.plugin);
  st.bind(4, a.section);
  st.bind(5, a.request);
  st.bind(6, a.result);
  st.bind(7, secs(a.at));
  st.exec();
  return db_.getLastInsertRowid();
}

std::vector<AnalysisRecord> SqliteStore::analyses(std::int64_t complaint_id) {
  auto &st = prepared("SELECT id, complaint_id, method, plugin, section, request, result, at FROM analyses "
                      "WHERE complaint_id = ?1 ORDER BY id");
  st.bind(1, complaint_id);
  std::vector<AnalysisRecord> out;
  while (st.executeStep())
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt64(), st.getColumn(2).getString(),
                   st.getColumn(3).getString(), st.getColumn(4).getString(), st.getColumn(5).getString(),
                   st.getColumn(6).getString(), from_secs(st.getColumn(7).getInt64())});
  return out;
}

void SqliteStore::append_event(domain::AuditEvent &e) {
  if (depth_ == 0) throw StoreError("audit events are appended inside a write transaction");
  if (!last_event_) {
    auto &head = prepared("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1");
    if (head.executeStep())
      last_event_.emplace(head.getColumn(0).getInt64(), head.getColumn(1).getString());
    else
      last_event_.emplace(0, domain::kGenesisHash);
  }
  e.seq = last_event_->first + 1;
  e.prev_hash = last_event_->second;
  e.hash = domain::audit_hash(e);
  auto &st = prepared("INSERT INTO audit_events (seq, at, actor, complaint_id, kind, before, after, reason, "
                      "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  st.bind(1, e.seq);
  st.bind(2, secs(e.at));
  st.bind(3, e.actor);
  bind_opt(st, 4, e.complaint_id);
  st.bind(5, e.kind);
  st.bind(6, e.before);
  st.bind(7, e.after);
  st.bind(8, e.reason);
  st.bind(9, e.prev_hash);
  st.bind(10, e.hash);
  st.exec();
  last_event_.emplace(e.seq, e.hash);
}

std::vector<domain::AuditEvent> SqliteStore::events(const AuditFilter &f) {
  std::string sql = "SELECT seq, at, actor, complaint_id, kind, before, after, reason, prev_hash, hash FROM "
                    "audit_events WHERE seq > ?1";
  if (f.complaint_id && f.include_merged)
    sql += " AND (complaint_id = ?2 OR complaint_id IN (SELECT complaint_id FROM complaint_links WHERE "
           "survivor_id = ?2 AND undone_at IS NULL))";
  else if (f.complaint_id)
    sql += " AND complaint_id = ?2";
  sql += " ORDER BY seq";
  if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
  SQLite::Statement st(db_, sql);
  st.bind(1, f.after_seq);
  if (f.complaint_id) st.bind(2, *f.complaint_id);
  std::vector<domain::AuditEvent> out;
  while (st.executeStep()) out.push_back(read_event(st));
  return out;
}

void SqliteStore::for_each_event(const std::function<void(const domain::AuditEvent &)> &fn) {
  SQLite::Statement st(db_,
                       "SELECT seq, at, actor, complaint_id, kind, before, after, reason, prev_hash, hash "
                       "FROM audit_events ORDER BY seq");
  while (st.executeStep()) fn(read_event(st));
}

} // namespace qloop::store::sqlite
