// The KPI engine over a real SQLite ledger with hand-made facts whose every
// figure is worked out below (the formulas are docs/kpi.md's).
#include <gtest/gtest.h>

#include "core/store/sqlite/sqlite_store.hpp"
#include "core/workflow/kpi.hpp"
#include "test_support.hpp"

using namespace qloop;
using domain::Severity;
using domain::Status;

namespace {

domain::Timestamp at(const char *iso) { return *domain::parse_iso(iso); }

class KpiTest : public ::testing::Test {
protected:
  qloop::testing::TempDir dir;
  store::sqlite::SqliteStore store{dir.path() / "qloop.db"};
  workflow::SlaPolicy policy = workflow::SlaPolicy::defaults(); // UTC, the brief's targets
  int next = 0;

  std::int64_t complaint(const char *received, Severity severity, Status status, const char *product,
                         const char *category, const char *subcategory = "") {
    domain::Complaint c;
    c.number = "QC-2026-" + std::to_string(10000 + ++next);
    c.customer = "客户";
    c.channel = "phone";
    c.phenomenon = "焊点虚焊";
    c.received_at = c.created_at = c.updated_at = at(received);
    c.severity = severity;
    c.status = status;
    c.product_model = product;
    c.category = category;
    c.subcategory = subcategory;
    std::int64_t id = 0;
    store.write([&] { id = store.insert_complaint(c); });
    return id;
  }
  void update(std::int64_t id, const std::function<void(domain::Complaint &)> &change) {
    store.write([&] {
      auto c = *store.complaint(id);
      change(c);
      store.update_complaint(c);
    });
  }
  void respond(std::int64_t id, const char *when) {
    domain::Contact k;
    k.complaint_id = id;
    k.direction = domain::Direction::Outbound;
    k.purpose = "first_response";
    k.at = at(when);
    store.write([&] { store.insert_contact(k); });
  }
  void archive(std::int64_t id, const char *closed, const char *contained = nullptr) {
    update(id, [&](domain::Complaint &c) {
      c.status = Status::Archived;
      c.closed_at = at(closed);
    });
    domain::EightD d;
    d.d8.closed_at = at(closed);
    if (contained) {
      domain::ContainmentAction a;
      a.description = "sort";
      a.done_at = at(contained);
      d.d3.push_back(a);
    }
    store.write([&] { store.save_eight_d(id, d); });
  }
  void revisit(std::int64_t id, const char *when, int satisfaction) {
    domain::Revisit r;
    r.complaint_id = id;
    r.at = at(when);
    r.satisfaction = satisfaction;
    store.write([&] { store.insert_revisit(r); });
  }

  const domain::Kpi &find(const domain::KpiReport &r, const std::string &id) {
    for (const auto &k : r.kpis)
      if (k.id == id) return k;
    throw std::runtime_error("no KPI " + id);
  }
};

TEST_F(KpiTest, EveryFigureOfAWorkedExample) {
  // March 2026 against the 31 days before it.
  // A: minor, answered after 1 h (target 4 h), contained after 3 h (72 h),
  //    archived after 3 days (30 working days), revisit 5.
  auto a = complaint("2026-03-02T09:00:00Z", Severity::Minor, Status::Received, "P1", "product_quality",
                     "welding");
  respond(a, "2026-03-02T10:00:00Z");
  archive(a, "2026-03-05T09:00:00Z", "2026-03-02T12:00:00Z");
  revisit(a, "2026-03-20T10:00:00Z", 5);
  // B: major, answered after 3 h (target 2 h: late; 24 h acknowledgement met),
  //    never contained (48 h: missed), archived after 5 days, revisit 3, and
  //    E comes back as its recurrence.
  auto b = complaint("2026-03-03T09:00:00Z", Severity::Major, Status::Received, "P1", "product_quality",
                     "welding");
  respond(b, "2026-03-03T12:00:00Z");
  archive(b, "2026-03-08T09:00:00Z");
  revisit(b, "2026-03-25T10:00:00Z", 3);
  // C: critical, never answered, still under investigation.
  complaint("2026-03-10T09:00:00Z", Severity::Critical, Status::Investigating, "P2", "logistics");
  // D: minor, never answered (as of 10 April: late).
  complaint("2026-03-30T09:00:00Z", Severity::Minor, Status::Received, "P3", "service");
  // E: a recurrence of B, answered in 30 min, feeding back (resolved).
  auto e = complaint("2026-03-20T09:00:00Z", Severity::Minor, Status::FeedingBack, "P1", "product_quality",
                     "welding");
  update(e, [&](domain::Complaint &c) { c.recurrence_of = b; });
  respond(e, "2026-03-20T09:30:00Z");
  // F: a duplicate: counted nowhere.
  auto f = complaint("2026-03-21T09:00:00Z", Severity::Major, Status::Duplicate, "P9", "other");
  update(f, [&](domain::Complaint &c) { c.duplicate_of = a; });
  // G, before: minor, answered after 6 h (late), archived after 10 days, revisit 4.
  auto g = complaint("2026-02-10T09:00:00Z", Severity::Minor, Status::Received, "P2", "service");
  respond(g, "2026-02-10T15:00:00Z");
  archive(g, "2026-02-20T09:00:00Z");
  revisit(g, "2026-02-25T10:00:00Z", 4);

  const auto period = workflow::period_of_dates("2026-03-01", "2026-03-31", "UTC");
  EXPECT_EQ(period.from, at("2026-03-01T00:00:00Z"));
  EXPECT_EQ(period.to, at("2026-04-01T00:00:00Z"));
  const auto r = workflow::compute_kpis(store, policy, period, at("2026-04-10T00:00:00Z"));
  EXPECT_EQ(r.previous.from, at("2026-01-29T00:00:00Z"));

  auto value = [&](const char *id) { return *find(r, id).current.value; };
  auto before = [&](const char *id) { return find(r, id).previous.value; };
  EXPECT_EQ(value("received"), 5);
  EXPECT_EQ(*before("received"), 1);
  EXPECT_DOUBLE_EQ(*find(r, "received").change, 4.0); // +400%
  EXPECT_EQ(value("major"), 2);                       // B and C (major or critical)
  EXPECT_EQ(value("critical"), 1);
  EXPECT_DOUBLE_EQ(value("average_cycle_days"), 4.0); // (3 + 5) / 2
  EXPECT_DOUBLE_EQ(*before("average_cycle_days"), 10.0);
  EXPECT_DOUBLE_EQ(find(r, "average_cycle_days").change.value(), -6.0);
  EXPECT_DOUBLE_EQ(value("first_response_in_target"), 2.0 / 5); // A, E of A B C D E
  EXPECT_DOUBLE_EQ(*before("first_response_in_target"), 0.0);   // G late
  EXPECT_DOUBLE_EQ(value("acknowledged_in_target"), 3.0 / 5);   // A, B, E
  EXPECT_DOUBLE_EQ(value("closed_on_time"), 1.0);               // A and B within their closure targets
  EXPECT_DOUBLE_EQ(value("eight_d_on_time"), 1.0 / 2);          // B never contained
  EXPECT_DOUBLE_EQ(value("resolution_rate"), 3.0 / 5);          // A, B archived, E feeding back
  EXPECT_DOUBLE_EQ(value("satisfaction"), 4.0);                 // (5 + 3) / 2
  EXPECT_DOUBLE_EQ(value("revisit_satisfied"), 1.0 / 2);        // score >= 4
  EXPECT_DOUBLE_EQ(*before("satisfaction"), 4.0);
  EXPECT_DOUBLE_EQ(value("recurrence_rate"), 1.0 / 2); // B came back (E)

  ASSERT_EQ(r.pareto_product.size(), 3u);
  EXPECT_EQ(r.pareto_product[0].key, "P1");
  EXPECT_EQ(r.pareto_product[0].count, 3);
  EXPECT_DOUBLE_EQ(r.pareto_product[0].cumulative, 0.6);
  EXPECT_TRUE(r.pareto_product[0].vital);
  EXPECT_TRUE(r.pareto_product[1].vital); // brings the cumulative share from 60% to 80%
  EXPECT_FALSE(r.pareto_product[2].vital);
  EXPECT_EQ(r.pareto_defect[0].key, "product_quality / welding");
  ASSERT_EQ(r.trend.size(), 1u);
  EXPECT_EQ(r.trend[0].month, "2026-03");
  EXPECT_EQ(r.trend[0].received, 5);
  EXPECT_EQ(r.trend[0].closed, 2);

  // Earlier in the month D's 4 hours have not run out: pending, not missed.
  const auto early = workflow::compute_kpis(store, policy, period, at("2026-03-30T10:00:00Z"));
  const auto &fr = find(early, "first_response_in_target").current;
  EXPECT_EQ(fr.denominator, 4);
  EXPECT_EQ(fr.pending, 1);
}

TEST_F(KpiTest, PeriodDatesAreLocalDaysOfTheSiteAndChecked) {
  const auto p = workflow::period_of_dates("2026-01-01", "2026-12-31", "Asia/Shanghai");
  EXPECT_EQ(p.from, at("2025-12-31T16:00:00Z"));
  EXPECT_EQ(p.to, at("2026-12-31T16:00:00Z"));
  EXPECT_THROW(workflow::period_of_dates("2026-02-30", "2026-03-01", "UTC"), std::invalid_argument);
  EXPECT_THROW(workflow::period_of_dates("2026-03-02", "2026-03-01", "UTC"), std::invalid_argument);
  policy.calendar.time_zone = "Asia/Shanghai"; // months are local months of the site too
  const auto empty = workflow::compute_kpis(store, policy, p, at("2027-01-01T00:00:00Z"));
  EXPECT_EQ(*empty.kpis[0].current.value, 0);
  EXPECT_FALSE(empty.kpis[0].change.has_value()); // no previous volume to compare with
  EXPECT_EQ(empty.trend.size(), 12u);             // every month, also the empty ones
}

} // namespace
