#include "core/plugins/host_services.hpp"

#include "core/version.hpp"

namespace qloop::plugins {
namespace {

spdlog::level::level_enum to_spdlog(qloop_log_level level) {
  switch (level) {
  case QLOOP_LOG_TRACE: return spdlog::level::trace;
  case QLOOP_LOG_DEBUG: return spdlog::level::debug;
  case QLOOP_LOG_INFO: return spdlog::level::info;
  case QLOOP_LOG_WARN: return spdlog::level::warn;
  default: return spdlog::level::err;
  }
}

void service_log(qloop_host_ctx *ctx, qloop_log_level level, const char *msg) {
  if (ctx == nullptr || msg == nullptr) return;
  try {
    ctx->logger->log(to_spdlog(level), "{}", msg);
  } catch (...) {
    // A failing log sink must not unwind into the plugin.
  }
}

const char *service_config_get(qloop_host_ctx *ctx, const char *key) {
  if (ctx == nullptr || key == nullptr) return nullptr;
  try {
    auto it = ctx->config.find(key);
    return it == ctx->config.end() ? nullptr : it->second.c_str();
  } catch (...) {
    return nullptr;
  }
}

qloop_status service_submit_records(qloop_host_ctx *ctx, const char *json, size_t len) {
  if (ctx == nullptr || json == nullptr) return QLOOP_ERR_HOST;
  try {
    if (!ctx->hooks || !ctx->hooks->submit_records) {
      ctx->logger->error("submitted {} bytes of records, but this host has no ledger to take them", len);
      return QLOOP_ERR_HOST;
    }
    std::string refusal = ctx->hooks->submit_records(ctx->plugin_id, std::string_view(json, len));
    if (refusal.empty()) return QLOOP_OK;
    ctx->logger->error("record batch refused: {}", refusal);
    return QLOOP_ERR_HOST;
  } catch (const std::exception &e) {
    ctx->logger->error("record batch failed in the host: {}", e.what());
    return QLOOP_ERR_HOST;
  } catch (...) {
    return QLOOP_ERR_HOST;
  }
}

qloop_status service_quarantine(qloop_host_ctx *ctx, const char *source_key, const char *raw, size_t raw_len,
                                const char *reason) {
  if (ctx == nullptr) return QLOOP_ERR_HOST;
  try {
    std::string key = source_key ? source_key : "";
    std::string why = reason ? reason : "";
    std::string_view bytes(raw ? raw : "", raw ? raw_len : 0);
    if (!ctx->hooks || !ctx->hooks->quarantine) {
      ctx->logger->error("could not quarantine {} ({}): this host has no quarantine", key, why);
      return QLOOP_ERR_HOST;
    }
    std::string refusal = ctx->hooks->quarantine(ctx->plugin_id, key, bytes, why);
    if (refusal.empty()) return QLOOP_OK;
    ctx->logger->error("quarantine of {} failed: {}", key, refusal);
    return QLOOP_ERR_HOST;
  } catch (...) {
    return QLOOP_ERR_HOST;
  }
}

} // namespace

const qloop_host_services *host_services() {
  static const qloop_host_services services = [] {
    qloop_host_services s{};
    s.struct_size = sizeof(qloop_host_services);
    s.log = &service_log;
    s.config_get = &service_config_get;
    s.submit_records = &service_submit_records;
    s.quarantine = &service_quarantine;
    return s;
  }();
  return &services;
}

} // namespace qloop::plugins
