#include "core/domain/audit_event.hpp"

#include <array>
#include <memory>
#include <stdexcept>

#include <openssl/evp.h>

namespace qloop::domain {
namespace {

void field(std::string &out, const std::string &value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

} // namespace

std::string audit_hash(const AuditEvent &e) {
  std::string msg;
  field(msg, e.prev_hash);
  field(msg, std::to_string(e.seq));
  field(msg, std::to_string(e.at.time_since_epoch().count()));
  field(msg, e.actor);
  field(msg, e.complaint_id ? std::to_string(*e.complaint_id) : std::string("-"));
  field(msg, e.kind);
  field(msg, e.before);
  field(msg, e.after);
  field(msg, e.reason);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int len = 0;
  if (EVP_Digest(msg.data(), msg.size(), digest.data(), &len, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed");
  static const char *hex = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0xF];
  }
  return out;
}

} // namespace qloop::domain
