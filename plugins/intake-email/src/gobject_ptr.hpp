// Owning pointers for GLib/GMime objects, so an early return or an
// exception never leaks a parser, stream or message.
#pragma once

#include <memory>

#include <glib-object.h>

namespace qloop::intake_email {

struct GObjectUnref {
  void operator()(void *p) const noexcept {
    if (p != nullptr) g_object_unref(p);
  }
};
template <class T> using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct GFreeDeleter {
  void operator()(void *p) const noexcept { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFreeDeleter>;

} // namespace qloop::intake_email
