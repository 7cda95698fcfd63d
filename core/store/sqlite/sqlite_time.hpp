// How the SQLite store keeps times: UTC seconds since the epoch in INTEGER
// columns (sortable, indexable, no time-zone text to parse).
#pragma once

#include <chrono>
#include <cstdint>

#include "core/domain/time.hpp"

namespace qloop::store::sqlite {

inline std::int64_t secs(domain::Timestamp t) { return t.time_since_epoch().count(); }
inline domain::Timestamp from_secs(std::int64_t s) { return domain::Timestamp{std::chrono::seconds{s}}; }

} // namespace qloop::store::sqlite
