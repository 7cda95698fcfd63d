// The complaint record: the one standard template for every channel (BRIEF,
// 受理), plus what the ledger adds: number, grade, state, owner, links.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/domain/json.hpp"
#include "core/domain/severity.hpp"
#include "core/domain/status.hpp"
#include "core/domain/time.hpp"

namespace qloop::domain {

struct Attachment {
  std::string name;
  std::string media_type;
  std::string path; // stored under the data dir
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Attachment, name, media_type, path)

struct Complaint {
  std::int64_t id = 0;    // store identity
  std::string number;     // "QC-2026-00042", given by the ledger
  std::string source_key; // stable identity at the source (file row, Message-ID, ...)
  // The template:
  std::string customer;
  std::string contact;
  Timestamp received_at{};
  std::string channel; // phone, email, online, social, file, webhook, mes, erp, crm, ...
  std::string product_model;
  std::string lot;
  std::string order_number;
  std::int64_t quantity_affected = 0;
  std::string phenomenon; // free text, any language
  std::vector<Attachment> attachments;
  std::string reporter;
  // Channel fields with no place in the template, kept as they came (a JSON object).
  nlohmann::json extra = nlohmann::json::object();
  // Grading and ownership:
  std::string category; // product_quality, service, logistics, other
  std::string subcategory;
  Severity severity = Severity::Minor;
  bool key_complaint = false; // 重点客诉: two customer contacts within 48 h
  Status status = Status::Received;
  std::string owner;
  std::string owner_department;
  // Links:
  std::optional<std::int64_t> duplicate_of;  // set when status is Duplicate
  std::optional<std::int64_t> recurrence_of; // an archived case with the same product and defect
  // Waiting on the customer: the SLA clocks pause while set.
  bool waiting_on_customer = false;
  Timestamp created_at{};
  Timestamp updated_at{};
  std::optional<Timestamp> closed_at;
};

void to_json(nlohmann::json &j, const Complaint &c);
void from_json(const nlohmann::json &j, Complaint &c);

// Checks the template fields a complaint cannot be received without; returns
// one message per problem, naming the field ("customer: must not be empty").
std::vector<std::string> validate_new_complaint(const Complaint &c);

} // namespace qloop::domain
