// The standard intake record (sdk/schemas/record.schema.json) as the host
// reads it: every intake channel's submissions end here. Checking is done
// field by field so a quarantined item says exactly what is wrong with it.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/domain/complaint.hpp"

namespace qloop::domain {

// An attachment as a channel sent it; the intake service stores the bytes.
struct IncomingAttachment {
  std::string name;
  std::string media_type;
  std::string content_base64; // or
  std::string path;           // a file the channel already wrote
};

// A conversation's identity (record.thread): for replies by email.
struct Thread {
  std::string message_id;
  std::vector<std::string> refers_to; // In-Reply-To, then References newest first
  std::string complaint_number;       // found by the channel, e.g. in a subject
};

struct IntakeRecord {
  Complaint complaint; // template fields, status received
  Thread thread;
  std::vector<IncomingAttachment> attachments;
  nlohmann::json extra = nlohmann::json::object(); // kept as it came
  bool severity_given = false;                     // the channel stated a severity (classification keeps it)
};

struct RecordCheck {
  IntakeRecord record;
  std::vector<std::string> problems; // "field: what is wrong"; empty when usable
};

// Reads one record; never throws for bad content, it reports it.
RecordCheck read_intake_record(const nlohmann::json &j);

// The fields read_intake_record knows (a test keeps it equal to the schema).
const std::vector<std::string> &intake_record_fields();

} // namespace qloop::domain
