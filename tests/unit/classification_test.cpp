// Classification at intake, routing by workload and the triage queue. The
// classifier here is a scripted stand-in for the plugin (the plugin itself
// is tested in plugins/analysis-classify, and end to end through qloop in
// tests/integration/classify_cli_test.sh): these tests are about what the
// host does with decisions.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/store/sqlite/sqlite_store.hpp"
#include "core/workflow/intake.hpp"
#include "core/workflow/routing.hpp"
#include "core/workflow/triage.hpp"
#include "test_support.hpp"

using namespace qloop;
using nlohmann::json;
using workflow::LedgerError;

namespace {

class ScriptedClassifier : public workflow::Classifier {
public:
  double confidence = 0.9;
  bool fail = false;
  std::size_t calls = 0;
  std::vector<workflow::Decisions> classify(const std::vector<const domain::Complaint *> &batch) override {
    ++calls;
    if (fail) throw std::runtime_error("plugin crashed");
    std::vector<workflow::Decisions> out;
    for (const auto *c : batch) {
      workflow::Decisions d;
      const bool fire = c->phenomenon.find("冒烟") != std::string::npos;
      d["category"] = {"product_quality", confidence, "model", "terms: 焊点"};
      d["subcategory"] = {fire ? "safety" : "welding", confidence, "model", ""};
      d["severity"] = fire ? domain::Decision{"critical", 1.0, "rule:safety", "matched 冒烟"}
                           : domain::Decision{"minor", confidence, "model", ""};
      d["department"] = {"production", confidence, "model", ""};
      out.push_back(std::move(d));
    }
    return out;
  }
};

json record(const std::string &key, const std::string &text) {
  return {{"source_key", key},
          {"channel", "phone"},
          {"received_at", "2026-03-02T08:40:00+08:00"},
          {"customer", "华东汽车电子有限公司"},
          {"product_model", "PCBA-X100"},
          {"phenomenon", text}};
}

class ClassificationTest : public ::testing::Test {
protected:
  qloop::testing::TempDir dir;
  std::unique_ptr<store::sqlite::SqliteStore> store =
      std::make_unique<store::sqlite::SqliteStore>(dir.path() / "qloop.db");
  workflow::Ledger ledger{*store, [] { return *domain::parse_iso("2026-03-02T09:00:00Z"); }};
  workflow::Intake intake{ledger, dir.path() / "attachments"};
  ScriptedClassifier classifier;

  domain::Complaint by_key(const std::string &key) {
    return *store->complaint(*store->complaint_id_by_source_key(key));
  }
  workflow::RoutingPolicy routing() {
    return workflow::RoutingPolicy::load(dir.write("routing.ini", R"(
[department.production]
owners = 张伟, 李娜
[department.rd]
owners = Emma Chen
[route.psu]
category = product_quality
product = PSU-*
department = rd
)"));
  }
};

} // namespace

TEST_F(ClassificationTest, DecisionsFillWhatTheChannelLeftEmptyAndAreKept) {
  intake.set_classifier(&classifier, {0.6});
  auto given = record("k2", "焊点虚焊");
  given["severity"] = "major";
  given["category"] = "service";
  auto t = intake.submit("intake.webhook", json::array({record("k1", "电源冒烟"), given}).dump());
  EXPECT_EQ(t.stored, 2u);
  EXPECT_EQ(t.triage, 0u);
  EXPECT_EQ(classifier.calls, 1u) << "one call per batch";
  auto fire = by_key("k1");
  EXPECT_EQ(fire.severity, domain::Severity::Critical);
  EXPECT_EQ(fire.category, "product_quality");
  EXPECT_EQ(fire.subcategory, "safety");
  EXPECT_EQ(fire.owner_department, "production");
  auto kept = by_key("k2");
  EXPECT_EQ(kept.severity, domain::Severity::Major) << "the channel's severity stands";
  EXPECT_EQ(kept.category, "service");
  auto record_of_fire = store->classification(fire.id);
  ASSERT_TRUE(record_of_fire);
  EXPECT_EQ(record_of_fire->decisions.at("severity").by, "rule:safety");
  EXPECT_EQ(record_of_fire->filled,
            (std::vector<std::string>{"category", "subcategory", "severity", "owner_department"}));
  EXPECT_FALSE(record_of_fire->triage);
}

TEST_F(ClassificationTest, LowConfidenceOrAFailingClassifierSendsToTriageAndLosesNothing) {
  intake.set_classifier(&classifier, {0.6});
  classifier.confidence = 0.41;
  auto t = intake.submit("intake.webhook", json::array({record("k1", "焊点虚焊")}).dump());
  EXPECT_EQ(t.triage, 1u);
  auto c = by_key("k1");
  auto q = store->classification(c.id);
  ASSERT_TRUE(q && q->triage);
  EXPECT_NE(q->triage_reason.find("category: 0.41 < 0.60"), std::string::npos) << q->triage_reason;

  classifier.fail = true;
  t = intake.submit("intake.webhook", json::array({record("k3", "焊点虚焊")}).dump());
  EXPECT_EQ(t.stored, 1u) << "a failing classifier never loses the record";
  auto unclassified = store->classification(by_key("k3").id);
  ASSERT_TRUE(unclassified && unclassified->triage);
  EXPECT_NE(unclassified->triage_reason.find("plugin crashed"), std::string::npos);
  EXPECT_EQ(workflow::Triage(ledger).queue(0).size(), 2u);
}

TEST_F(ClassificationTest, TriageReviewCorrectsTheComplaintAuditsAndLeavesTheQueue) {
  intake.set_classifier(&classifier, {0.95});
  intake.submit("intake.webhook", json::array({record("k1", "焊点虚焊")}).dump());
  auto c = by_key("k1");
  workflow::Triage triage(ledger);
  ASSERT_EQ(triage.queue(10).size(), 1u);
  EXPECT_THROW(triage.review(c.id, {{"owner", "x"}}, "", "", "cqe", ""), LedgerError);
  auto reviewed = triage.review(c.id, {{"category", "logistics"}, {"subcategory", "damage"}}, "logistics",
                                "王强", "cqe", "");
  EXPECT_EQ(reviewed.corrections["category"]["from"], "product_quality");
  EXPECT_EQ(reviewed.corrections["category"]["to"], "logistics");
  EXPECT_EQ(reviewed.corrections["owner_department"]["to"], "logistics");
  auto after = by_key("k1");
  EXPECT_EQ(after.category, "logistics") << "the next training learns the correction";
  EXPECT_EQ(after.owner, "王强");
  EXPECT_TRUE(triage.queue(10).empty());
  auto events = store->events({c.id, 0, 0});
  EXPECT_EQ(events.back().kind, "classification.corrected");
  try {
    triage.review(c.id, json::object(), "", "", "cqe", "");
    FAIL() << "reviewed twice";
  } catch (const LedgerError &e) {
    EXPECT_NE(std::string(e.what()).find("not in the triage queue"), std::string::npos);
  }
}

TEST_F(ClassificationTest, RoutingPicksTheDepartmentsOwnerWithTheFewestOpenComplaints) {
  auto policy = routing();
  intake.set_classifier(&classifier, {0.6});
  intake.set_routing(&policy);
  json batch = json::array();
  for (int i = 0; i < 5; ++i)
    batch.push_back(record("k" + std::to_string(i), "焊点虚焊 " + std::to_string(i)));
  intake.submit("intake.webhook", batch.dump());
  EXPECT_EQ(store->open_complaints_of("张伟"), 3);
  EXPECT_EQ(store->open_complaints_of("李娜"), 2);
  auto first = store->classification(by_key("k0").id);
  EXPECT_NE(first->assigned_by.find("张伟 had the fewest open in production (0)"), std::string::npos)
      << first->assigned_by;
  // A route overrides the classifier's department.
  auto psu = record("p1", "output voltage low");
  psu["product_model"] = "PSU-450W";
  intake.submit("intake.webhook", json::array({psu}).dump());
  auto routed = by_key("p1");
  EXPECT_EQ(routed.owner_department, "rd");
  EXPECT_EQ(routed.owner, "Emma Chen");
  EXPECT_NE(store->classification(routed.id)->assigned_by.find("route psu"), std::string::npos);
}

TEST_F(ClassificationTest, ARoutingFileWithAMistakeSaysWhere) {
  auto bad = dir.write("bad.ini", "[route.x]\ncategory = service\nproduct = A*\n");
  try {
    workflow::RoutingPolicy::load(bad);
    FAIL();
  } catch (const std::runtime_error &e) {
    EXPECT_NE(std::string(e.what()).find("[route.x] department: is required"), std::string::npos) << e.what();
  }
  auto unknown = dir.write("unknown.ini", "[team.x]\nowners = a\n");
  EXPECT_THROW(workflow::RoutingPolicy::load(unknown), std::runtime_error);
}
