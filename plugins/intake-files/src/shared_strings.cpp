#include "shared_strings.hpp"

#include <algorithm>

namespace qloop::intake_files {
namespace {

constexpr std::size_t kSpillWriteBytes = 1u << 20;
// A uniqueCount beyond this is not believed (a hostile header must not
// reserve gigabytes); the index then grows as strings come.
constexpr std::size_t kMaxExpected = 16u << 20;

} // namespace

SharedStrings::SharedStrings(std::size_t memory_budget) : budget_(memory_budget) {}

void SharedStrings::expect(std::size_t count) { ends_.reserve(std::min(count, kMaxExpected)); }

void SharedStrings::add(std::string_view text) {
  if (!spill_ && memory_.size() + text.size() <= budget_) {
    // Reserving the budget costs address space, not memory: pages count
    // only once written, and the text is never copied to grow.
    if (memory_.capacity() < budget_ && memory_.size() + text.size() > (1u << 20)) memory_.reserve(budget_);
    memory_.append(text);
  } else {
    if (!spill_) spill_ = std::make_unique<InputFile>(InputFile::temporary());
    pending_.append(text);
    if (pending_.size() >= kSpillWriteBytes) {
      spill_->append(pending_);
      pending_.clear();
    }
  }
  ends_.push_back((ends_.empty() ? 0 : ends_.back()) + text.size());
}

void SharedStrings::finish() {
  if (spill_ && !pending_.empty()) spill_->append(pending_);
  pending_.clear();
  pending_.shrink_to_fit();
}

std::string SharedStrings::operator[](std::size_t i) const {
  const std::uint64_t begin = i == 0 ? 0 : ends_[i - 1];
  const auto len = static_cast<std::size_t>(ends_[i] - begin);
  if (begin < memory_.size()) return memory_.substr(static_cast<std::size_t>(begin), len);
  std::string out(len, '\0');
  const std::size_t got = spill_->read_at(begin - memory_.size(), out.data(), len);
  out.resize(got);
  return out;
}

} // namespace qloop::intake_files
