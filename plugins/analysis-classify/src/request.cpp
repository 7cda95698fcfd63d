#include "request.hpp"

#include <charconv>
#include <cmath>

namespace qloop::classify {
namespace {

std::optional<double> parse_number(const std::string &s) {
  double v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

} // namespace

Params::Params(const nlohmann::json &request) : request_(request) {
  if (!request.is_object()) throw sdk::InvalidInput("request: must be a JSON object");
  const auto it = request.find("options");
  if (it != request.end() && !it->is_null()) {
    if (!it->is_object()) throw sdk::InvalidInput("options: must be an object");
    options_ = &*it;
  }
}

const nlohmann::json *Params::find(const char *key) const {
  auto it = request_.find(key);
  if (it != request_.end() && !it->is_null()) return &*it;
  if (options_) {
    it = options_->find(key);
    if (it != options_->end() && !it->is_null()) return &*it;
  }
  return nullptr;
}

std::optional<std::string> Params::text(const char *key) const {
  const auto *v = find(key);
  if (!v) return std::nullopt;
  if (!v->is_string()) throw sdk::InvalidInput(std::string(key) + ": must be a string");
  return v->get<std::string>();
}

std::optional<double> Params::number(const char *key) const {
  const auto *v = find(key);
  if (!v) return std::nullopt;
  std::optional<double> out;
  if (v->is_number() && !v->is_boolean())
    out = v->get<double>();
  else if (v->is_string())
    out = parse_number(v->get<std::string>());
  if (!out || !std::isfinite(*out))
    throw sdk::InvalidInput(std::string(key) + ": must be a number, got " + v->dump());
  return out;
}

std::optional<std::int64_t> Params::integer(const char *key, std::int64_t min, std::int64_t max) const {
  const auto n = number(key);
  if (!n) return std::nullopt;
  if (*n != std::floor(*n) || *n < static_cast<double>(min) || *n > static_cast<double>(max))
    throw sdk::InvalidInput(std::string(key) + ": must be a whole number from " + std::to_string(min) +
                            " to " + std::to_string(max) + ", got " + find(key)->dump());
  return static_cast<std::int64_t>(*n);
}

std::optional<bool> Params::boolean(const char *key) const {
  const auto *v = find(key);
  if (!v) return std::nullopt;
  if (v->is_boolean()) return v->get<bool>();
  if (v->is_string()) {
    const auto s = v->get<std::string>();
    if (s == "true" || s == "yes" || s == "1") return true;
    if (s == "false" || s == "no" || s == "0") return false;
  }
  throw sdk::InvalidInput(std::string(key) + ": must be true or false, got " + v->dump());
}

std::optional<std::filesystem::path> Params::directory(const char *key) const {
  const auto s = text(key);
  if (!s || s->empty()) return std::nullopt;
  std::filesystem::path p(*s);
  // The host's working directory is nobody's business: say where.
  if (!p.is_absolute())
    throw sdk::InvalidInput(std::string(key) + ": must be an absolute path, got \"" + *s + "\"");
  p = p.lexically_normal();
  if (p.filename().empty()) p = p.parent_path(); // "/srv/models/" names /srv/models
  if (p == p.root_path()) throw sdk::InvalidInput(std::string(key) + ": must name a directory below /");
  return p;
}

TrainOptions train_options(const Params &params) {
  TrainOptions o;
  if (auto c = params.number("C")) {
    if (!(*c > 0)) throw sdk::InvalidInput("C: must be greater than 0");
    o.C = *c;
  }
  if (auto m = params.integer("min_df", 1, 1000000)) o.min_df = static_cast<int>(*m);
  if (auto b = params.integer("hash_bits", 10, 24)) o.features.hash_bits = static_cast<int>(*b);
  return o;
}

Records read_records(const nlohmann::json &request, const sdk::RecordBatch *columns) {
  return columns ? records_from_columns(*columns) : records_from_json(request);
}

} // namespace qloop::classify
