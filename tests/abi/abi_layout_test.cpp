// Pins the size and offset of every field of the C ABI (LP64). A failing
// static_assert here means a change that breaks every plugin already built:
// such a change needs a new major version (docs/sdk.md).
#include <cstddef>

#include <gtest/gtest.h>
#include <qloop/plugin.h>

#define PIN(type, field, offset) static_assert(offsetof(type, field) == (offset), #type "." #field " moved")

static_assert(sizeof(void *) == 8, "the qloop ABI is defined for LP64 targets");

PIN(qloop_host_services, struct_size, 0);
PIN(qloop_host_services, reserved0, 4);
PIN(qloop_host_services, log, 8);
PIN(qloop_host_services, config_get, 16);
PIN(qloop_host_services, submit_records, 24);
PIN(qloop_host_services, quarantine, 32); // 1.1
static_assert(sizeof(qloop_host_services) == 40);

PIN(qloop_host, struct_size, 0);
PIN(qloop_host, abi_major, 4);
PIN(qloop_host, abi_minor, 6);
PIN(qloop_host, host_version, 8);
PIN(qloop_host, ctx, 16);
PIN(qloop_host, services, 24);
static_assert(sizeof(qloop_host) == 32);

PIN(qloop_config_key, struct_size, 0);
PIN(qloop_config_key, type, 4);
PIN(qloop_config_key, name, 8);
PIN(qloop_config_key, default_value, 16);
PIN(qloop_config_key, description, 24);
PIN(qloop_config_key, required, 32);
PIN(qloop_config_key, reserved0, 36);
static_assert(sizeof(qloop_config_key) == 40);

PIN(qloop_intake_api, struct_size, 0);
PIN(qloop_intake_api, run, 8);
static_assert(sizeof(qloop_intake_api) == 16);

PIN(qloop_analysis_api, struct_size, 0);
PIN(qloop_analysis_api, methods, 8);
PIN(qloop_analysis_api, analyze, 16);
PIN(qloop_analysis_api, analyze_columns, 24); // 1.3
static_assert(sizeof(qloop_analysis_api) == 32);

PIN(qloop_exporter_api, struct_size, 0);
PIN(qloop_exporter_api, formats, 8);
PIN(qloop_exporter_api, begin, 16);
PIN(qloop_exporter_api, write_batch, 24);
PIN(qloop_exporter_api, finish, 32);
PIN(qloop_exporter_api, write_columns, 40); // 1.2
static_assert(sizeof(qloop_exporter_api) == 48);

PIN(qloop_column, struct_size, 0); // 1.2
PIN(qloop_column, type, 4);
PIN(qloop_column, name, 8);
PIN(qloop_column, present, 16);
PIN(qloop_column, strings, 24);
PIN(qloop_column, lengths, 32);
PIN(qloop_column, ints, 40);
PIN(qloop_column, doubles, 48);
static_assert(sizeof(qloop_column) == 56);

PIN(qloop_record_batch, struct_size, 0); // 1.2
PIN(qloop_record_batch, column_count, 4);
PIN(qloop_record_batch, row_count, 8);
PIN(qloop_record_batch, columns, 16);
static_assert(sizeof(qloop_record_batch) == 24);

PIN(qloop_plugin_descriptor, struct_size, 0);
PIN(qloop_plugin_descriptor, abi_major, 4);
PIN(qloop_plugin_descriptor, abi_minor, 6);
PIN(qloop_plugin_descriptor, kind, 8);
PIN(qloop_plugin_descriptor, config_key_count, 12);
PIN(qloop_plugin_descriptor, id, 16);
PIN(qloop_plugin_descriptor, name, 24);
PIN(qloop_plugin_descriptor, version, 32);
PIN(qloop_plugin_descriptor, vendor, 40);
PIN(qloop_plugin_descriptor, description, 48);
PIN(qloop_plugin_descriptor, config_keys, 56);
PIN(qloop_plugin_descriptor, create, 64);
PIN(qloop_plugin_descriptor, destroy, 72);
PIN(qloop_plugin_descriptor, last_error, 80);
PIN(qloop_plugin_descriptor, kind_api, 88);
PIN(qloop_plugin_descriptor, license, 96); // 1.1
static_assert(sizeof(qloop_plugin_descriptor) == 104);

// Status, kind and type codes are part of the ABI too.
static_assert(QLOOP_OK == 0 && QLOOP_ERR_INVALID_INPUT == 1 && QLOOP_ERR_UNSUPPORTED == 2 &&
              QLOOP_ERR_IO == 3 && QLOOP_ERR_CONFIG == 4 && QLOOP_ERR_NO_MEMORY == 5 &&
              QLOOP_ERR_INTERNAL == 6 && QLOOP_ERR_HOST == 7);
static_assert(QLOOP_KIND_INTAKE == 1 && QLOOP_KIND_ANALYSIS == 2 && QLOOP_KIND_EXPORTER == 3);
static_assert(QLOOP_VALUE_STRING == 1 && QLOOP_VALUE_INT == 2 && QLOOP_VALUE_DOUBLE == 3 &&
              QLOOP_VALUE_BOOL == 4);
static_assert(QLOOP_CONFIG_STRING == 1 && QLOOP_CONFIG_INT == 2 && QLOOP_CONFIG_DOUBLE == 3 &&
              QLOOP_CONFIG_BOOL == 4 && QLOOP_CONFIG_PATH == 5);

TEST(AbiLayout, VersionIsOneDotThree) {
  EXPECT_EQ(QLOOP_ABI_MAJOR, 1);
  EXPECT_EQ(QLOOP_ABI_MINOR, 3);
}

TEST(AbiLayout, HasFieldMacroSeesOnlyWhatTheStructDeclares) {
  qloop_host_services v1_0{};
  v1_0.struct_size = offsetof(qloop_host_services, quarantine); // a 1.0 host's table
  EXPECT_TRUE(QLOOP_HAS_FIELD(&v1_0, qloop_host_services, submit_records));
  EXPECT_FALSE(QLOOP_HAS_FIELD(&v1_0, qloop_host_services, quarantine));
  qloop_host_services v1_1{};
  v1_1.struct_size = sizeof v1_1;
  EXPECT_TRUE(QLOOP_HAS_FIELD(&v1_1, qloop_host_services, quarantine));
}
