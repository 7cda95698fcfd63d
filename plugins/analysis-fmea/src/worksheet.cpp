#include "worksheet.hpp"

namespace qloop::fmea {

const char *type_name(FmeaType t) noexcept {
  switch (t) {
  case FmeaType::Design: return "design";
  case FmeaType::Process: return "process";
  case FmeaType::Msr: return "msr";
  }
  return "?";
}

Ap lookup_ap(FmeaType t, int s, int second, int third) {
  return t == FmeaType::Msr ? ap_msr(s, second, third) : ap_design_process(s, second, third);
}

} // namespace qloop::fmea
