// The descriptor checks, fed hand-made descriptors: every refusal reason and
// the "read as far as it goes" rule for older, smaller descriptors.
#include <cstring>

#include <gtest/gtest.h>

#include "core/plugins/abi_check.hpp"

using namespace qloop::plugins;

namespace {

qloop_status create(const qloop_host *, qloop_instance **) { return QLOOP_ERR_INTERNAL; }
void destroy(qloop_instance *) {}
const char *last_error(const qloop_instance *) { return ""; }
qloop_status analyze(qloop_instance *, const char *, const char *, size_t, const char **, size_t *) {
  return QLOOP_OK;
}
const char *const kMethods[] = {"m1", "m2", nullptr};
const qloop_analysis_api kAnalysis{sizeof(qloop_analysis_api), 0, kMethods, &analyze, nullptr};
const qloop_config_key kKeys[] = {
    {sizeof(qloop_config_key), QLOOP_CONFIG_INT, "n", "3", "a number", 0, 0},
    {sizeof(qloop_config_key), QLOOP_CONFIG_PATH, "dir", nullptr, "a folder", 1, 0},
};

qloop_plugin_descriptor good() {
  qloop_plugin_descriptor d{};
  d.struct_size = sizeof d;
  d.abi_major = QLOOP_ABI_MAJOR;
  d.abi_minor = QLOOP_ABI_MINOR;
  d.kind = QLOOP_KIND_ANALYSIS;
  d.id = "analysis.good";
  d.name = "Good";
  d.version = "1.0";
  d.create = &create;
  d.destroy = &destroy;
  d.last_error = &last_error;
  d.kind_api = &kAnalysis;
  d.config_keys = kKeys;
  d.config_key_count = 2;
  d.license = "MIT";
  return d;
}

std::string refusal(const qloop_plugin_descriptor &d) {
  auto r = check_descriptor(&d);
  EXPECT_FALSE(r.plugin.has_value());
  return r.refusal;
}

} // namespace

TEST(AbiCheck, AcceptsAGoodDescriptorAndCopiesEverything) {
  auto d = good();
  auto r = check_descriptor(&d);
  ASSERT_TRUE(r.plugin) << r.refusal;
  const auto &info = r.plugin->info;
  EXPECT_EQ(info.id, "analysis.good");
  EXPECT_EQ(info.license, "MIT");
  EXPECT_EQ(info.capabilities, (std::vector<std::string>{"m1", "m2"}));
  ASSERT_EQ(info.config_keys.size(), 2u);
  EXPECT_EQ(info.config_keys[0].default_value, "3");
  EXPECT_FALSE(info.config_keys[1].default_value);
  EXPECT_TRUE(info.config_keys[1].required);
}

TEST(AbiCheck, ReadsAnOlderSmallerDescriptorOnlyAsFarAsItGoes) {
  // A 1.0 descriptor ends before `license`; whatever lies behind it in memory
  // must not be read as a licence.
  struct {
    qloop_plugin_descriptor d;
  } storage{good()};
  storage.d.struct_size = kDescriptorSizeV1_0;
  storage.d.abi_minor = 0;
  storage.d.license = "garbage beyond the struct";
  auto r = check_descriptor(&storage.d);
  ASSERT_TRUE(r.plugin) << r.refusal;
  EXPECT_EQ(r.plugin->info.license, "");
  EXPECT_EQ(r.plugin->info.abi_minor, 0);
}

TEST(AbiCheck, RefusesNullAndZeroSize) {
  EXPECT_NE(check_descriptor(nullptr).refusal.find("no descriptor"), std::string::npos);
  auto d = good();
  d.struct_size = 0;
  EXPECT_EQ(refusal(d), "descriptor size 0 is too small to be a qloop descriptor");
}

TEST(AbiCheck, RefusesAnotherMajorNamingBothVersions) {
  auto d = good();
  d.abi_major = QLOOP_ABI_MAJOR + 1;
  d.abi_minor = 0;
  EXPECT_EQ(refusal(d),
            "plugin ABI 2.0 is incompatible with host ABI 1.3 (the major versions must be equal)");
  d.abi_major = 0;
  EXPECT_NE(refusal(d).find("plugin ABI 0.0 is incompatible with host ABI 1.3"), std::string::npos);
}

TEST(AbiCheck, RefusesANewerMinorNamingBothVersions) {
  auto d = good();
  d.abi_minor = QLOOP_ABI_MINOR + 1;
  EXPECT_NE(refusal(d).find("plugin ABI 1.4 is newer than host ABI 1.3"), std::string::npos);
}

TEST(AbiCheck, RefusesSizesOutsideWhatTheHostKnows) {
  auto d = good();
  d.struct_size = kDescriptorSizeV1_0 - 8;
  EXPECT_NE(refusal(d).find("smaller than the ABI 1.0 minimum"), std::string::npos);
  struct {
    qloop_plugin_descriptor d;
    char tail[64];
  } big{good(), {}};
  big.d.struct_size = sizeof(qloop_plugin_descriptor) + 8;
  EXPECT_NE(refusal(big.d).find("larger than this host knows (104 bytes)"), std::string::npos);
}

TEST(AbiCheck, RefusesBadIdsKindsAndMissingFunctions) {
  auto d = good();
  d.id = "NoKind";
  EXPECT_NE(refusal(d).find("invalid plugin id 'NoKind'"), std::string::npos);
  d = good();
  d.id = nullptr;
  EXPECT_NE(refusal(d).find("invalid plugin id ''"), std::string::npos);
  d = good();
  d.kind = 42;
  EXPECT_NE(refusal(d).find("unknown plugin kind 42"), std::string::npos);
  d = good();
  d.destroy = nullptr;
  EXPECT_NE(refusal(d).find("lacks create, destroy or last_error"), std::string::npos);
  d = good();
  d.kind_api = nullptr;
  EXPECT_NE(refusal(d).find("analysis table is missing"), std::string::npos);
}

TEST(AbiCheck, ChecksTheKindTable) {
  auto d = good();
  qloop_analysis_api no_methods{sizeof(qloop_analysis_api), 0, nullptr, &analyze, nullptr};
  d.kind_api = &no_methods;
  EXPECT_NE(refusal(d).find("names no methods"), std::string::npos);
  qloop_analysis_api no_fn{sizeof(qloop_analysis_api), 0, kMethods, nullptr, nullptr};
  d.kind_api = &no_fn;
  EXPECT_NE(refusal(d).find("lacks analyze"), std::string::npos);
  qloop_analysis_api small{8, 0, kMethods, &analyze, nullptr};
  d.kind_api = &small;
  EXPECT_NE(refusal(d).find("analysis table size 8"), std::string::npos);
  d.kind = QLOOP_KIND_EXPORTER;
  qloop_exporter_api exporter{sizeof(qloop_exporter_api), 0, nullptr, nullptr, nullptr, nullptr, nullptr};
  d.kind_api = &exporter;
  EXPECT_NE(refusal(d).find("lacks begin, write_batch or finish"), std::string::npos);
}

TEST(AbiCheck, AcceptsAnExporterTableFromBefore12WithoutTheColumnPath) {
  auto d = good();
  d.kind = QLOOP_KIND_EXPORTER;
  struct {
    qloop_exporter_api api;
  } old{{static_cast<uint32_t>(kExporterApiSizeV1_0), 0, kMethods,
         [](qloop_instance *, const char *, size_t) { return QLOOP_OK; },
         [](qloop_instance *, const char *, size_t) { return QLOOP_OK; },
         [](qloop_instance *, const char **, size_t *) { return QLOOP_OK; },
         [](qloop_instance *, const qloop_record_batch *) { return QLOOP_OK; }}}; // beyond its size: ignored
  d.kind_api = &old.api;
  auto r = check_descriptor(&d);
  ASSERT_TRUE(r.plugin) << r.refusal;
  EXPECT_EQ(r.plugin->exporter.write_columns, nullptr);
  EXPECT_EQ(r.plugin->info.capabilities, (std::vector<std::string>{"m1", "m2"}));
}

TEST(AbiCheck, AcceptsAnAnalysisTableFromBefore13WithoutTheColumnPath) {
  auto d = good();
  d.abi_minor = 2;
  auto columns = [](qloop_instance *, const char *, const char *, size_t, const qloop_record_batch *,
                    const char **, size_t *) { return QLOOP_OK; };
  qloop_analysis_api old{static_cast<uint32_t>(kAnalysisApiSizeV1_0), 0, kMethods, &analyze, columns};
  d.kind_api = &old; // analyze_columns lies beyond its size: ignored
  auto r = check_descriptor(&d);
  ASSERT_TRUE(r.plugin) << r.refusal;
  EXPECT_EQ(r.plugin->analysis.analyze_columns, nullptr);
  qloop_analysis_api now{sizeof(qloop_analysis_api), 0, kMethods, &analyze, columns};
  d.kind_api = &now;
  r = check_descriptor(&d);
  ASSERT_TRUE(r.plugin) << r.refusal;
  EXPECT_NE(r.plugin->analysis.analyze_columns, nullptr);
}

TEST(AbiCheck, ChecksConfigKeys) {
  auto d = good();
  d.config_keys = nullptr;
  EXPECT_NE(refusal(d).find("declares 2 config keys but no table"), std::string::npos);
  qloop_config_key bad[] = {{sizeof(qloop_config_key), 99, "x", nullptr, nullptr, 0, 0}};
  d = good();
  d.config_keys = bad;
  d.config_key_count = 1;
  EXPECT_NE(refusal(d).find("unknown type"), std::string::npos);
  qloop_config_key short_stride[] = {{8, QLOOP_CONFIG_INT, "x", nullptr, nullptr, 0, 0}};
  d.config_keys = short_stride;
  EXPECT_NE(refusal(d).find("invalid entry size 8"), std::string::npos);
}

TEST(AbiCheck, IdRules) {
  EXPECT_TRUE(valid_plugin_id("analysis.5why"));
  EXPECT_TRUE(valid_plugin_id("intake.file-watch"));
  EXPECT_FALSE(valid_plugin_id("analysis"));
  EXPECT_FALSE(valid_plugin_id("Analysis.doe"));
  EXPECT_FALSE(valid_plugin_id("analysis.doe/../../x"));
}
