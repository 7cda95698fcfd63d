// The output is written under a temporary name beside the target and renamed
// over it only when the export finished: a failed or abandoned export never
// leaves a half-written ledger that looks complete.
#pragma once

#include <string>

namespace qloop::ledger {

class OutputFile {
public:
  explicit OutputFile(std::string final_path);
  ~OutputFile(); // removes the temporary file unless committed
  OutputFile(const OutputFile &) = delete;
  OutputFile &operator=(const OutputFile &) = delete;

  const std::string &part_path() const noexcept { return part_; }
  const std::string &final_path() const noexcept { return final_; }
  // Renames the finished temporary file to the final path; throws sdk::Error (IO).
  void commit();

private:
  std::string final_;
  std::string part_;
  bool committed_ = false;
};

} // namespace qloop::ledger
