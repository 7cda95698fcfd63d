#include "output_file.hpp"

#include <filesystem>
#include <system_error>

#include <qloop/plugin.hpp>

namespace qloop::ledger {

OutputFile::OutputFile(std::string final_path) : final_(std::move(final_path)), part_(final_ + ".part") {}

OutputFile::~OutputFile() {
  if (committed_) return;
  std::error_code ignored;
  std::filesystem::remove(part_, ignored);
}

void OutputFile::commit() {
  std::error_code ec;
  std::filesystem::rename(part_, final_, ec);
  if (ec) throw sdk::Error(QLOOP_ERR_IO, "cannot move " + part_ + " to " + final_ + ": " + ec.message());
  committed_ = true;
}

} // namespace qloop::ledger
