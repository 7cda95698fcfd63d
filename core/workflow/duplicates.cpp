#include "core/workflow/duplicates.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "core/domain/text_similarity.hpp"

namespace qloop::workflow {

namespace {

std::string days_apart(domain::Timestamp a, domain::Timestamp b) {
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(a > b ? a - b : b - a).count();
  if (hours < 48) return std::to_string(hours) + " h apart";
  return std::to_string(hours / 24) + " days apart";
}

std::string two_digits(double x) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", x);
  return buf;
}

} // namespace

std::optional<DuplicateMatch> find_probable_duplicate(store::Store &store, const domain::Complaint &incoming,
                                                      const DuplicatePolicy &policy) {
  if (!policy.link || incoming.customer.empty()) return std::nullopt;
  const auto window = std::chrono::hours(24 * policy.window_days);
  auto candidates = store.duplicate_candidates(incoming.customer, incoming.order_number,
                                               incoming.product_model, incoming.received_at - window,
                                               incoming.received_at + window, policy.max_candidates);
  std::optional<DuplicateMatch> best;
  for (auto &c : candidates) {
    if (c.source_key == incoming.source_key && !c.source_key.empty()) continue;
    if (policy.other_channels_only && c.channel == incoming.channel) continue;
    const bool same_product = !incoming.product_model.empty() && c.product_model == incoming.product_model;
    const bool products_agree = same_product || incoming.product_model.empty() || c.product_model.empty();
    const bool same_order = !incoming.order_number.empty() && c.order_number == incoming.order_number;
    const bool same_lot = !incoming.lot.empty() && c.lot == incoming.lot;
    const double similarity = domain::text_similarity(c.phenomenon, incoming.phenomenon);
    std::string why;
    if (same_order && products_agree)
      why = "same customer and order " + c.order_number;
    else if (same_product && same_lot)
      why = "same customer, product and lot " + c.lot;
    else if (same_product && similarity >= policy.min_similarity)
      why = "same customer and product";
    else
      continue;
    if (!c.product_model.empty() && why.find("product") == std::string::npos)
      why += " (" + c.product_model + ")";
    why += ", " + days_apart(c.received_at, incoming.received_at) + "; text " + two_digits(similarity) +
           " alike; first reported via " + c.channel + " as " + c.number;
    // The earliest reported is the one the others fold into.
    if (!best || c.received_at < best->first.received_at ||
        (c.received_at == best->first.received_at && c.id < best->first.id))
      best = DuplicateMatch{std::move(c), similarity, std::move(why)};
  }
  return best;
}

} // namespace qloop::workflow
