// MIME to record on the checked-in samples (tests/data, written by
// make_samples.py with real GBK/Big5 bytes).
#include <cstdio>

#include <glib.h>
#include <gtest/gtest.h>

#include "fakes.hpp"
#include "mime_record.hpp"

namespace {

using namespace qloop::intake_email;
using email_test::json;
using email_test::sample;

const char *kMap = "huadong-auto.com = 华东汽车电子有限公司\n"
                   "taiyuan-tech.com.tw = 台元科技股份有限公司\n"
                   "suzhou-precision.cn = 苏州精密制造有限公司\n"
                   "nanfang-motors.com = 南方电机\n";

ConvertOptions options() {
  ConvertOptions o;
  o.customers = CustomerRule(CustomerFrom::Domain, CustomerRule::parse_map(kMap));
  o.now = [] { return std::string("2026-03-10T00:00:00Z"); };
  return o;
}

json record_of(const std::string &raw, const ConvertOptions &o = options()) {
  const Conversion c = convert_message(raw, o);
  EXPECT_TRUE(c.record.has_value()) << c.reason;
  return c.record.value_or(json::object());
}

// Decoded attachment bytes, compared with the file make_samples.py attached.
std::string decoded(const json &attachment) {
  gsize n = 0;
  guchar *bytes = g_base64_decode(attachment["content_base64"].get<std::string>().c_str(), &n);
  std::string out(reinterpret_cast<const char *>(bytes), n);
  g_free(bytes);
  return out;
}

// SHA-256 by the coreutils tool, independent of the plugin's own hashing.
std::string sha256sum(const std::string &path) {
  FILE *p = popen(("sha256sum '" + path + "'").c_str(), "r");
  char buf[65] = {};
  if (p == nullptr || fread(buf, 1, 64, p) != 64) ADD_FAILURE() << "sha256sum";
  if (p != nullptr) pclose(p);
  return buf;
}

TEST(MimeRecord, GbkQuotedPrintable) {
  const json r = record_of(sample("gbk-quoted-printable.eml"));
  EXPECT_EQ(r["source_key"], "email:<20260303091500.4711@huadong-auto.com>");
  EXPECT_EQ(r["channel"], "email");
  EXPECT_EQ(r["received_at"], "2026-03-03T09:15:00+08:00");
  EXPECT_EQ(r["customer"], "华东汽车电子有限公司");
  EXPECT_EQ(r["contact"], "wang.zhe@huadong-auto.com");
  EXPECT_EQ(r["reporter"], "王喆");
  const std::string p = r["phenomenon"];
  EXPECT_EQ(
      p.rfind(
          "PCBA-X100批次L2026-4001焊点虚焊投诉\n\n您好：\n\n我司于3月2日收到贵司PCBA-X100（批次L2026-4001）",
          0),
      0u)
      << p;
  EXPECT_NE(p.find("上电后间歇性失效，已导致产线停线2小时。"), std::string::npos);
  EXPECT_NE(p.find("\n\n王喆\n华东汽车电子有限公司 质量部"), std::string::npos) << p;
  EXPECT_EQ(r["thread"], (json{{"message_id", "<20260303091500.4711@huadong-auto.com>"}}));
  const json e = r["extra"]["email"];
  EXPECT_EQ(e["subject"], "PCBA-X100批次L2026-4001焊点虚焊投诉");
  EXPECT_EQ(e["from"], "王喆 <wang.zhe@huadong-auto.com>");
  EXPECT_EQ(e["to"], "客诉受理 <complaints@qloop-demo.cn>");
  EXPECT_EQ(e["cc"], "li.na@huadong-auto.com");
  EXPECT_EQ(e["date"], "Tue, 3 Mar 2026 09:15:00 +0800");
  EXPECT_FALSE(r.contains("attachments"));
}

TEST(MimeRecord, Big5EightBit) {
  const json r = record_of(sample("big5-8bit.eml"));
  EXPECT_EQ(r["customer"], "台元科技股份有限公司");
  EXPECT_EQ(r["reporter"], "陳志明");
  EXPECT_EQ(r["received_at"], "2026-03-04T14:30:00+08:00");
  const std::string p = r["phenomenon"];
  EXPECT_EQ(
      p.rfind("電源模組PSU-450W輸出電壓偏低\n\n您好：\n本公司本週收貨的PSU-450W電源模組（訂單號PO-88231）",
              0),
      0u)
      << p;
  EXPECT_NE(p.find("陳志明\n台元科技 品保課"), std::string::npos) << p;
}

TEST(MimeRecord, Utf8Base64WithPdfAndInlinePng) {
  const json r = record_of(sample("utf8-attachments.eml"));
  EXPECT_EQ(r["customer"], "苏州精密制造有限公司");
  EXPECT_EQ(r["reporter"], "苏州精密 品质部");
  EXPECT_EQ(r["phenomenon"],
            "外壳开裂 - "
            "订单SO-2026-0311\n\n外壳开裂，边缘有毛刺，共3件。\n测试报告和照片见附件。\n\n苏州精密 品质部");
  EXPECT_EQ(r["extra"]["email"]["to"], "complaints@qloop-demo.cn, sales@qloop-demo.cn");
  ASSERT_EQ(r["attachments"].size(), 2u);
  const json pdf = r["attachments"][0], png = r["attachments"][1];
  EXPECT_EQ(pdf["name"], "测试报告.pdf"); // RFC 2231 UTF-8 file name
  EXPECT_EQ(pdf["media_type"], "application/pdf");
  EXPECT_EQ(decoded(pdf), sample("expected-report.pdf"));
  EXPECT_EQ(png["name"], "crack.png");
  EXPECT_EQ(png["media_type"], "image/png");
  EXPECT_EQ(decoded(png), sample("expected-crack.png"));
}

TEST(MimeRecord, AlternativePrefersPlainAndKeepsTheInlineImage) {
  const json r = record_of(sample("alternative-inline-image.eml"));
  EXPECT_EQ(r["phenomenon"],
            "物流破损：订单SO-7788包装箱破损\n\n客户反映：包装箱破损，3箱产品外观划伤。\n照片见正文。");
  EXPECT_EQ(r["customer"], "beifang-heavy.com"); // not in the map: the sender's domain
  ASSERT_EQ(r["attachments"].size(), 1u);
  EXPECT_EQ(r["attachments"][0]["name"], "image001.png"); // from its Content-ID
  EXPECT_EQ(r["attachments"][0]["media_type"], "image/png");
  EXPECT_EQ(decoded(r["attachments"][0]), sample("expected-image001.png"));
}

TEST(MimeRecord, HtmlOnlyBecomesText) {
  const json r = record_of(sample("html-only.eml"));
  EXPECT_EQ(r["reporter"], "星河电源客服");
  EXPECT_EQ(r["phenomenon"],
            "风扇异响\n\n产品型号：PSU-450W\n问题 描述：风扇异响&过热 过热保护\n谢谢\n星河电源");
}

TEST(MimeRecord, ReplyCarriesTheThreadAndLosesTheQuote) {
  const json r = record_of(sample("reply.eml"));
  EXPECT_EQ(r["phenomenon"],
            "Re: [QC-2026-00012] "
            "PCBA-X100批次L2026-4001焊点虚焊投诉\n\n收到，我们已隔离剩余482件，等待贵司的8D报告。\n\n王喆");
  const json t = r["thread"];
  EXPECT_EQ(t["message_id"], "<20260304082000.5120@huadong-auto.com>");
  EXPECT_EQ(t["refers_to"],
            (json{"<ack.QC-2026-00012@qloop-demo.cn>", "<20260303091500.4711@huadong-auto.com>"}));
  EXPECT_EQ(t["complaint_number"], "QC-2026-00012");
  EXPECT_EQ(r["extra"]["email"]["in_reply_to"], "<ack.QC-2026-00012@qloop-demo.cn>");
  EXPECT_EQ(r["extra"]["email"]["references"],
            (json{"<20260303091500.4711@huadong-auto.com>", "<ack.QC-2026-00012@qloop-demo.cn>"}));

  ConvertOptions keep = options();
  keep.cut_quoted = false;
  EXPECT_NE(
      record_of(sample("reply.eml"), keep)["phenomenon"].get<std::string>().find("> 我们将在24小时内回复。"),
      std::string::npos);
}

TEST(MimeRecord, NoMessageIdIsKeyedByItsBytesAndDatedByTheServer) {
  const std::string raw = sample("no-message-id.eml");
  ConvertOptions o = options();
  o.internal_date = [] { return std::optional<std::string>("2026-03-09T10:00:00+08:00"); };
  const Conversion c = convert_message(raw, o);
  ASSERT_TRUE(c.record.has_value()) << c.reason;
  const json &r = *c.record;
  EXPECT_EQ(r["source_key"], "email:sha256:" + sha256sum(email_test::data_dir() + "no-message-id.eml"));
  EXPECT_EQ(r["received_at"], "2026-03-09T10:00:00+08:00");
  EXPECT_EQ(r["customer"], "南方电机");
  EXPECT_EQ(r["contact"], "service@nanfang-motors.com");
  EXPECT_FALSE(r.contains("reporter"));
  EXPECT_FALSE(r.contains("thread"));
  EXPECT_EQ(r["phenomenon"],
            "Warranty claim: PSU-450W fan noise\n\nTwo PSU-450W units (serial 4501123, 4501187) "
            "make a loud fan noise after 10 minutes.\nPlease advise.");
  EXPECT_TRUE(c.warnings.empty());

  // No INTERNALDATE either (a file): the time it was read, with a warning.
  const Conversion now = convert_message(raw, options());
  EXPECT_EQ((*now.record)["received_at"], "2026-03-10T00:00:00Z");
  ASSERT_EQ(now.warnings.size(), 1u);
  EXPECT_EQ((*now.record)["extra"]["email"]["warnings"][0], now.warnings[0]);
}

TEST(MimeRecord, BrokenMessageIsRefusedWithAReason) {
  const Conversion c = convert_message(sample("broken.eml"), options());
  EXPECT_FALSE(c.record.has_value());
  EXPECT_EQ(c.reason, "not an email message: no header block the MIME parser could read");
  EXPECT_EQ(c.source_key, "email:sha256:" + sha256sum(email_test::data_dir() + "broken.eml"));
}

TEST(MimeRecord, WhatARecordNeeds) {
  const Conversion no_from =
      convert_message("Subject: hello\r\nMessage-ID: <x@y>\r\n\r\nbody\r\n", options());
  EXPECT_FALSE(no_from.record.has_value());
  EXPECT_EQ(no_from.source_key, "email:<x@y>");
  EXPECT_EQ(no_from.reason.rfind("From: no sender address", 0), 0u);

  const Conversion empty = convert_message("From: a@b.com\r\n\r\n\r\n", options());
  EXPECT_EQ(empty.reason, "phenomenon: the message has no subject and no text");

  ConvertOptions strict = options();
  strict.customers = CustomerRule(CustomerFrom::Map, CustomerRule::parse_map(kMap));
  const Conversion unknown = convert_message(sample("alternative-inline-image.eml"), strict);
  EXPECT_EQ(unknown.reason, "customer: sender domain 'beifang-heavy.com' is not in customer_map");
  EXPECT_EQ(unknown.source_key, "email:<0306164510.AB12@beifang-heavy.com>");
}

TEST(MimeRecord, RawEightBitHeadersUseTheFallbackCharsets) {
  // Some gateways send GBK headers without RFC 2047.
  const std::string raw =
      "From: \xcd\xf5\x86\xb4 <w@huadong-auto.com>\r\nSubject: \xba\xb8\xb5\xe3\xd0\xe9\xba\xb8\r\n"
      "Content-Type: text/plain\r\n\r\n\xba\xb8\xb5\xe3\r\n";
  const json r = record_of(raw);
  EXPECT_EQ(r["reporter"], "王喆");
  EXPECT_EQ(r["phenomenon"], "焊点虚焊\n\n焊点");
}

TEST(MimeRecord, ForwardsKeepTheForwardedComplaint) {
  const std::string raw =
      "From: sales@qloop-demo.cn\r\nSubject: Fwd: 焊点虚焊\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
      "请处理\r\n\r\n-----Original Message-----\r\nFrom: 客户\r\n焊点虚焊18件\r\n";
  EXPECT_NE(record_of(raw)["phenomenon"].get<std::string>().find("焊点虚焊18件"), std::string::npos);
}

TEST(MimeRecord, AttachedMessageAndRepeatedNames) {
  const std::string raw =
      "From: a@huadong-auto.com\r\nSubject: two photos\r\n"
      "Content-Type: multipart/mixed; boundary=b\r\n\r\n"
      "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
      "--b\r\nContent-Type: image/jpeg; name=photo.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/\r\n"
      "--b\r\nContent-Type: image/jpeg; name=photo.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/\r\n"
      "--b\r\nContent-Type: application/octet-stream\r\n\r\nxyz\r\n"
      "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: c@d.com\r\nSubject: original\r\n\r\nold\r\n"
      "--b--\r\n";
  const json r = record_of(raw);
  ASSERT_EQ(r["attachments"].size(), 4u) << r["attachments"].dump();
  EXPECT_EQ(r["attachments"][0]["name"], "photo.jpg");
  EXPECT_EQ(r["attachments"][1]["name"], "photo-2.jpg");
  EXPECT_EQ(r["attachments"][2]["name"], "part-1.bin");
  EXPECT_EQ(r["attachments"][3]["name"], "original.eml");
  EXPECT_EQ(r["attachments"][3]["media_type"], "message/rfc822");
  EXPECT_NE(decoded(r["attachments"][3]).find("Subject: original"), std::string::npos);
  EXPECT_EQ(r["phenomenon"], "two photos\n\nsee attached");
}

TEST(MimeRecord, ComplaintNumberNeedsExactlyFiveDigits) {
  const std::string raw = "From: a@b.com\r\nSubject: Re: QC-2026-000123 and QC-2026-00077\r\n\r\nx\r\n";
  EXPECT_EQ(record_of(raw)["thread"]["complaint_number"], "QC-2026-00077");
}

} // namespace
