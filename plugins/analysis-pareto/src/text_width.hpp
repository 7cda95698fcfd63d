// Text width and wrapping come from the SDK (qloop/text.hpp), shared with
// the other chart-drawing plugins.
#pragma once

#include <qloop/text.hpp>

namespace qloop::pareto {
namespace text = ::qloop::text;
} // namespace qloop::pareto
