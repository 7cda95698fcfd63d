// A raw C++ plugin that breaks the no-exceptions rule: with THROW_IN_ENTRY the
// entry itself throws; otherwise create works and every other function throws.
// The host must survive all of it and log why.
#include <stdexcept>

#include <qloop/plugin.h>

namespace {

struct Dummy {
  int x = 0;
};

qloop_status create(const qloop_host *, qloop_instance **out) {
  *out = reinterpret_cast<qloop_instance *>(new Dummy);
  return QLOOP_OK;
}
void destroy(qloop_instance *inst) {
  delete reinterpret_cast<Dummy *>(inst);
  throw std::runtime_error("destroy throws");
}
const char *last_error(const qloop_instance *) { throw std::runtime_error("last_error throws"); }
qloop_status analyze(qloop_instance *, const char *, const char *, size_t, const char **, size_t *) {
  throw std::runtime_error("analyze throws");
}

const char *const methods[] = {"throwing", nullptr};
const qloop_analysis_api analysis{sizeof(qloop_analysis_api), 0, methods, &analyze, nullptr};

} // namespace

extern "C" QLOOP_EXPORT const qloop_plugin_descriptor *qloop_plugin_entry(const qloop_host *) {
#ifdef THROW_IN_ENTRY
  throw std::runtime_error("entry throws");
#endif
  static qloop_plugin_descriptor d = [] {
    qloop_plugin_descriptor x{};
    x.struct_size = sizeof x;
    x.abi_major = QLOOP_ABI_MAJOR;
    x.abi_minor = QLOOP_ABI_MINOR;
    x.kind = QLOOP_KIND_ANALYSIS;
    x.id = "analysis.throwing";
    x.name = "throws everywhere";
    x.version = "0";
    x.create = &create;
    x.destroy = &destroy;
    x.last_error = &last_error;
    x.kind_api = &analysis;
    return x;
  }();
  return &d;
}
