#include "core/domain/status.hpp"

#include <array>
#include <utility>

namespace qloop::domain {
namespace {

constexpr std::array<std::pair<Status, const char *>, 12> kNames{{
    {Status::Received, "received"},
    {Status::Acknowledged, "acknowledged"},
    {Status::Containing, "containing"},
    {Status::Investigating, "investigating"},
    {Status::Correcting, "correcting"},
    {Status::Verifying, "verifying"},
    {Status::FeedingBack, "feeding_back"},
    {Status::Revisiting, "revisiting"},
    {Status::Archived, "archived"},
    {Status::Rejected, "rejected"},
    {Status::Duplicate, "duplicate"},
    {Status::Reopened, "reopened"},
}};

} // namespace

const char *status_name(Status s) {
  for (const auto &[status, name] : kNames)
    if (status == s) return name;
  return "unknown";
}

std::optional<Status> parse_status(const std::string &name) {
  for (const auto &[status, n] : kNames)
    if (name == n) return status;
  return std::nullopt;
}

bool is_closed(Status s) { return s == Status::Archived || s == Status::Rejected || s == Status::Duplicate; }

} // namespace qloop::domain
