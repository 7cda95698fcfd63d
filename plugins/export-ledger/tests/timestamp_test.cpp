// ISO 8601 parsing, UTC offsets and the Excel serial of an instant.
#include <gtest/gtest.h>

#include "timestamp.hpp"

using namespace qloop::ledger;

// 2025-11-25T18:01:27Z, from Python's calendar.timegm.
constexpr double kSampleUnix = 1764093687;

TEST(Timestamp, ParsesTheHostFormAndVariants) {
  EXPECT_EQ(parse_iso8601("2025-11-25T18:01:27Z"), kSampleUnix);
  EXPECT_EQ(parse_iso8601("2025-11-25 18:01:27"), kSampleUnix); // no zone: UTC
  EXPECT_EQ(parse_iso8601("2025-11-26T02:01:27+08:00"), kSampleUnix);
  EXPECT_EQ(parse_iso8601("2025-11-26T02:01:27+0800"), kSampleUnix);
  EXPECT_EQ(parse_iso8601("2025-11-25T13:01:27-05"), kSampleUnix);
  EXPECT_EQ(parse_iso8601("2025-11-25T18:01Z"), kSampleUnix - 27);
  EXPECT_DOUBLE_EQ(*parse_iso8601("2025-11-25T18:01:27.250Z"), kSampleUnix + 0.25);
  EXPECT_EQ(parse_iso8601("2025-11-25"), kSampleUnix - (18 * 3600 + 60 + 27));
  EXPECT_EQ(parse_iso8601("1970-01-01T00:00:00Z"), 0.0);
}

TEST(Timestamp, RefusesWhatIsNotADate) {
  for (const char *bad : {"", "yesterday", "2025-13-01", "2025-02-30T00:00:00Z", "2025-11-25T24:00:00Z",
                          "2025-11-25T18:01:27ZZ", "2025-11-25T18:01:27+25:00", "2025/11/25", "2025-11-25T18",
                          "2025-11-25T18:01:27.Z", "=NOW()"})
    EXPECT_FALSE(parse_iso8601(bad).has_value()) << bad;
  EXPECT_TRUE(parse_iso8601("2024-02-29").has_value()); // a leap day is real
}

TEST(Timestamp, UtcOffsets) {
  EXPECT_EQ(parse_utc_offset("+08:00"), 480);
  EXPECT_EQ(parse_utc_offset("-05:30"), -330);
  EXPECT_EQ(parse_utc_offset("+0800"), 480);
  EXPECT_EQ(parse_utc_offset("+8"), 480);
  EXPECT_EQ(parse_utc_offset("-11"), -660);
  EXPECT_EQ(parse_utc_offset("UTC"), 0);
  EXPECT_FALSE(parse_utc_offset("+15:00").has_value());
  EXPECT_FALSE(parse_utc_offset("08:00").has_value());
  EXPECT_FALSE(parse_utc_offset("Asia/Shanghai").has_value());
  EXPECT_EQ(offset_label(0), "UTC");
  EXPECT_EQ(offset_label(480), "UTC+08:00");
  EXPECT_EQ(offset_label(-330), "UTC-05:30");
}

TEST(Timestamp, ExcelSerial) {
  // Values from Python: (datetime(2025,11,25,18,1,27) - datetime(1899,12,30)) / 1 day.
  EXPECT_NEAR(*excel_serial(kSampleUnix, 0), 45986.75100694445, 1e-9);
  EXPECT_NEAR(*excel_serial(kSampleUnix, 480), 45987.084340277775, 1e-9);
  EXPECT_NEAR(*excel_serial(*parse_iso8601("1900-03-01"), 0), 61.0, 1e-12);
  EXPECT_FALSE(excel_serial(*parse_iso8601("1900-02-28"), 0).has_value()); // Excel's fake leap day zone
  EXPECT_TRUE(excel_serial(*parse_iso8601("9999-12-31T23:59:59Z"), 0).has_value());
  EXPECT_FALSE(excel_serial(*parse_iso8601("9999-12-31T23:59:59Z"), 60).has_value());
}

TEST(Timestamp, Formats) {
  EXPECT_EQ(format_local(kSampleUnix, 0), "2025-11-25 18:01:27");
  EXPECT_EQ(format_local(kSampleUnix, 480), "2025-11-26 02:01:27");
  EXPECT_EQ(format_utc_iso(kSampleUnix + 0.9), "2025-11-25T18:01:27Z");
  EXPECT_EQ(format_local(-1, 0), "1969-12-31 23:59:59");
}
