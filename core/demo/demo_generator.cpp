#include "core/demo/demo_generator.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace qloop::demo {

using domain::Timestamp;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

struct Phenomenon {
  const char *category;
  const char *subcategory;
  const char *text;
};

// Category mix of the brief: product quality 35%, service 28%, logistics 22%, other 15%.
const Phenomenon kProduct[] = {
    {"product_quality", "welding", "焊点虚焊,上电后间歇性失效,抽检 200 pcs 发现 18 pcs 焊点开裂"},
    {"product_quality", "welding",
     "Cold solder joints on the connector; intermittent failure after power-on"},
    {"product_quality", "dimension", "外壳尺寸超差,装配时卡扣无法扣合"},
    {"product_quality", "dimension", "Housing out of tolerance: snap fit does not engage at assembly"},
    {"product_quality", "function", "电源模块输出电压偏低,负载 80% 时跌落至 11.2 V"},
    {"product_quality", "appearance", "Scratches and dents on the front panel, 6 of 50 units"},
    {"product_quality", "function", "传感器读数漂移,温度循环后偏差超过 ±2 ℃"},
    {"product_quality", "material", "Wrong resin grade used; parts crack at -20 °C"},
};
const Phenomenon kService[] = {
    {"service", "response", "客服响应慢,投诉三天无人回复"},
    {"service", "attitude", "Customer service agent was dismissive on the phone"},
    {"service", "documentation", "出货检验报告缺失,客户无法入库"},
    {"service", "technical_support", "Field engineer did not bring the replacement parts"},
};
const Phenomenon kLogistics[] = {
    {"logistics", "delay", "交货延迟 5 天,客户产线待料"},
    {"logistics", "damage", "Cartons crushed in transit; 12 units with broken housings"},
    {"logistics", "wrong_shipment", "发错型号,收到 X200 而非 X100"},
    {"logistics", "labeling", "Labels show the wrong lot number"},
};
const Phenomenon kOther[] = {
    {"other", "billing", "发票金额与订单不符"},
    {"other", "packaging", "Packaging not to the customer's specification"},
    {"other", "other", "客户要求提供 RoHS 证明"},
};

const char *kCustomers[] = {
    "华东汽车电子有限公司", "Nordic Appliances AB",  "深圳新能源科技",   "Midwest Tractor Inc.",
    "苏州精密仪器",         "Rhein Automotive GmbH", "成都智能家居",     "Pacific Medical Devices",
    "北方重工机械",         "Kansai Robotics K.K.",  "杭州光电有限公司", "Iberia Solar S.L."};
// 80% of complaints on two products (BRIEF, Pareto).
const char *kTopProducts[] = {"PCBA-X100", "PSU-450W"};
const char *kOtherProducts[] = {"MOTOR-M3", "SENSOR-T7", "CABLE-HC2", "HOUSING-H5", "LED-D9", "PCBA-X200"};
const char *kChannels[] = {"phone", "phone", "email", "email", "online", "social", "file"};
const char *kDepartments[] = {"production", "rd",        "supply_chain",
                              "purchasing", "logistics", "customer_service"};
const char *kOwners[] = {"张伟", "李娜", "王强", "Emma Chen", "刘洋", "Tom Becker"};

} // namespace

DemoGenerator::DemoGenerator(std::uint64_t seed, double years, Timestamp end, std::int64_t count)
    : rng_(seed), seed_(seed), start_(end - seconds(static_cast<std::int64_t>(years * 365.25 * 86400))),
      end_(end), count_(std::max<std::int64_t>(count, 1)) {}

double DemoGenerator::uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }

template <class T, std::size_t N> const T &DemoGenerator::pick(const T (&items)[N]) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng_)];
}

workflow::ComplaintFile DemoGenerator::next() {
  workflow::ComplaintFile f;
  auto &c = f.complaint;
  const auto span = (end_ - start_).count();
  const auto offset = static_cast<std::int64_t>((static_cast<double>(made_) + uniform()) / count_ * span);
  c.received_at = start_ + seconds(offset);
  c.created_at = c.received_at;
  c.source_key = "demo:" + std::to_string(seed_) + ":" + std::to_string(made_);
  ++made_;

  double r = uniform();
  const Phenomenon &p = r < 0.35   ? pick(kProduct)
                        : r < 0.63 ? pick(kService)
                        : r < 0.85 ? pick(kLogistics)
                                   : pick(kOther);
  c.category = p.category;
  c.subcategory = p.subcategory;
  c.phenomenon = p.text;
  c.customer = pick(kCustomers);
  c.contact = "QA " + std::to_string(100 + made_ % 900);
  c.channel = pick(kChannels);
  c.product_model = uniform() < 0.8 ? pick(kTopProducts) : pick(kOtherProducts);
  c.lot = "L" + std::to_string(2024 + (made_ % 3)) + "-" + std::to_string(100 + made_ % 400);
  c.order_number = "SO-" + std::to_string(880000 + made_);
  c.quantity_affected = 1 + static_cast<std::int64_t>(std::floor(-std::log(1 - uniform()) * 40));
  c.reporter = "call-centre";
  double s = uniform();
  c.severity = s < 0.005  ? domain::Severity::Critical
               : s < 0.03 ? domain::Severity::Major
                          : domain::Severity::Minor;
  c.key_complaint = c.severity != domain::Severity::Minor || uniform() < 0.05;
  c.owner = pick(kOwners);
  c.owner_department = pick(kDepartments);

  // First response: 98% within the severity's target (30 min / 2 h / 4 h).
  const double target_min = c.severity == domain::Severity::Critical ? 30
                            : c.severity == domain::Severity::Major  ? 120
                                                                     : 240;
  const double response_min = target_min * (uniform() < 0.98 ? 0.1 + 0.8 * uniform() : 1.1 + 2 * uniform());
  const Timestamp responded = c.received_at + seconds(static_cast<std::int64_t>(response_min * 60));
  // Cycle (receive to close): lognormal, median about 2.5 days, mean about 3.
  const double cycle_days = std::exp(std::log(2.5) + 0.6 * std::normal_distribution<double>(0, 1)(rng_));
  const Timestamp closes = c.received_at + seconds(static_cast<std::int64_t>(cycle_days * 86400));
  const Timestamp revisit_at = closes + hours(24 * 7);
  const bool done = revisit_at < end_;

  auto contact = [&](Timestamp at, const char *purpose, const std::string &summary) {
    domain::Contact k;
    k.channel = c.channel == "email" ? "email" : "phone";
    k.direction = domain::Direction::Outbound;
    k.purpose = purpose;
    k.at = at;
    k.summary = summary;
    k.actor = c.owner;
    f.contacts.push_back(k);
  };
  c.status = domain::Status::Received;
  if (responded < end_) {
    contact(responded, "first_response", "已确认收到投诉,安排调查 / acknowledged, investigation started");
    c.status = domain::Status::Acknowledged;
  }
  if (c.key_complaint && responded + hours(20) < end_)
    contact(responded + hours(20), "update", "containment status update");

  if (c.status == domain::Status::Acknowledged && c.received_at + hours(24) < end_) {
    f.eight_d.d2 = {
        c.phenomenon, "customer impact",           domain::format_iso(c.received_at),           c.customer,
        c.owner,      "reported via " + c.channel, std::to_string(c.quantity_affected) + " pcs"};
    domain::ContainmentAction d3;
    d3.description = "Sort suspect lot " + c.lot + " at the warehouse and in transit";
    d3.lots = {c.lot};
    d3.quantity_sorted = c.quantity_affected * 20;
    d3.found_bad = c.quantity_affected;
    d3.shipments_stopped = c.severity != domain::Severity::Minor;
    d3.owner = c.owner;
    d3.done_at = c.received_at + hours(20);
    f.eight_d.d3.push_back(d3);
    f.eight_d.d4.push_back(
        {"occurrence", "Process parameter drift at " + c.product_model, "SPC chart, DOE", {}});
    f.eight_d.d4.push_back(
        {"escape", "Final test did not cover the failure mode", "test coverage review", {}});
    c.status = domain::Status::Investigating;
  }
  auto action = [&](domain::ActionType type, const std::string &what, bool verified) {
    domain::Action a;
    a.type = type;
    a.description = what;
    a.owner = c.owner;
    a.owner_department = c.owner_department;
    a.due = c.received_at + hours(24 * 5);
    a.status = verified ? domain::ActionStatus::Verified : domain::ActionStatus::InProgress;
    if (verified) {
      a.evidence = "pilot run of 500 pcs, 0 defects";
      a.verification_result = "3 later lots without recurrence";
      a.verified_by = "QA manager";
      a.verified_at = closes - hours(12);
    }
    f.actions.push_back(a);
  };
  if (c.status == domain::Status::Investigating) {
    action(domain::ActionType::Temporary, "100% inspection of outgoing " + c.product_model, done);
    action(domain::ActionType::Permanent, "Correct the process window and add a test step", done);
    if (c.severity != domain::Severity::Minor)
      action(domain::ActionType::Preventive, "Update PFMEA and control plan", done);
    c.status = done ? domain::Status::Archived : domain::Status::Correcting;
  }
  if (done) {
    contact(closes - hours(2), "feedback", "8D report sent to the customer");
    f.eight_d.d8 = {closes, c.owner, "closed after verification"};
    domain::Revisit rv;
    rv.at = revisit_at;
    rv.actor = c.owner;
    if (uniform() < 0.97) {
      // Satisfaction averaging about 4.5.
      double x = uniform();
      rv.satisfaction = x < 0.6 ? 5 : x < 0.92 ? 4 : x < 0.98 ? 3 : 2;
      rv.comment = "满意 / satisfied";
      rv.problem_recurred = uniform() < 0.04;
    } else {
      rv.waived = true;
      rv.waiver_reason = "customer unreachable after three attempts";
    }
    f.revisits.push_back(rv);
    c.closed_at = revisit_at;
    c.updated_at = revisit_at;
  } else {
    c.updated_at = std::max(c.received_at, std::min(end_, responded));
  }
  return f;
}

} // namespace qloop::demo
