#!/usr/bin/env python3
"""Writes the sample emails under tests/data/ (checked in; run again only to
change them). Each sample is built byte by byte here so the charsets are real:
the GBK sample's bytes come from .encode('gbk'), the Big5 one's from
.encode('big5'), and the transfer encodings are applied by hand, the way the
mailers that send such mail do it.

Usage: make_samples.py [OUT_DIR]   (default: data/ beside this script)
"""
import base64
import os
import quopri
import struct
import sys
import zlib

CRLF = b"\r\n"


def b_word(text, charset, codec=None):
    """One RFC 2047 B encoded word."""
    raw = text.encode(codec or charset)
    return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode("ascii"))


def q_word(text, charset, codec=None):
    """One RFC 2047 Q encoded word."""
    raw = text.encode(codec or charset)
    out = []
    for byte in raw:
        ch = chr(byte)
        if ch.isalnum() and byte < 0x80:
            out.append(ch)
        elif ch == " ":
            out.append("_")
        else:
            out.append("=%02X" % byte)
    return "=?%s?Q?%s?=" % (charset, "".join(out))


def headers(pairs):
    return CRLF.join(("%s: %s" % (k, v)).encode("ascii") for k, v in pairs) + CRLF


def wrap76(data):
    text = base64.b64encode(data).decode("ascii")
    return CRLF.join(text[i:i + 76].encode("ascii") for i in range(0, len(text), 76)) + CRLF


def crlf(text):
    return text.replace("\n", "\r\n")


def tiny_pdf():
    """A one-page PDF that says 'QC test report'."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 12 Tf 20 50 Td (QC test report) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def tiny_png(rgb):
    """A 4x4 PNG of one colour."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes(rgb) * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def gbk_quoted_printable():
    # Labelled gb2312, as Outlook and Foxmail do, but 喆 (in the name) is GBK
    # only: a reader that takes the label literally loses it.
    body = crlf("您好：\n\n"
                "我司于3月2日收到贵司PCBA-X100（批次L2026-4001）共500件，上线后发现18件焊点虚焊，"
                "上电后间歇性失效，已导致产线停线2小时。\n"
                "请于24小时内回复临时措施，并安排8D报告。\n\n"
                "王喆\n华东汽车电子有限公司 质量部\n")
    return headers([
        ("From", "%s <wang.zhe@huadong-auto.com>" % b_word("王喆", "GBK")),
        ("To", "%s <complaints@qloop-demo.cn>" % b_word("客诉受理", "gb2312")),
        ("Cc", "li.na@huadong-auto.com"),
        ("Subject", b_word("PCBA-X100批次L2026-4001焊点虚焊投诉", "gb2312", "gbk")),
        ("Date", "Tue, 3 Mar 2026 09:15:00 +0800"),
        ("Message-ID", "<20260303091500.4711@huadong-auto.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=\"gb2312\""),
        ("Content-Transfer-Encoding", "quoted-printable"),
    ]) + CRLF + quopri.encodestring(body.encode("gbk")).replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n")


def big5_8bit():
    body = crlf("您好：\n"
                "本公司本週收貨的PSU-450W電源模組（訂單號PO-88231），抽檢發現輸出電壓偏低約5%，共12台。\n"
                "請協助分析原因。\n\n陳志明\n台元科技 品保課\n")
    return headers([
        ("From", "%s <chen.zm@taiyuan-tech.com.tw>" % q_word("陳志明", "big5")),
        ("To", "complaints@qloop-demo.cn"),
        ("Subject", b_word("電源模組PSU-450W輸出電壓偏低", "big5")),
        ("Date", "Wed, 4 Mar 2026 14:30:00 +0800"),
        ("Message-ID", "<big5-0304-1430@taiyuan-tech.com.tw>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=big5"),
        ("Content-Transfer-Encoding", "8bit"),
    ]) + CRLF + body.encode("big5")


def utf8_with_attachments(pdf, png):
    boundary = "=_qloop_mixed_0305"
    text = crlf("外壳开裂，边缘有毛刺，共3件。\n测试报告和照片见附件。\n\n苏州精密 品质部\n")
    parts = [
        headers([("Content-Type", "text/plain; charset=UTF-8"), ("Content-Transfer-Encoding", "base64")])
        + CRLF + wrap76(text.encode("utf-8")),
        # RFC 2231 file name in UTF-8, as Thunderbird and Apple Mail write it.
        headers([("Content-Type", "application/pdf; name=\"report.pdf\""),
                 ("Content-Disposition", "attachment; filename*=UTF-8''%E6%B5%8B%E8%AF%95%E6%8A%A5%E5%91%8A.pdf"),
                 ("Content-Transfer-Encoding", "base64")]) + CRLF + wrap76(pdf),
        # An inline image with a name and a Content-ID.
        headers([("Content-Type", "image/png; name=\"crack.png\""),
                 ("Content-Disposition", "inline; filename=\"crack.png\""),
                 ("Content-ID", "<crack.png@suzhou-precision.cn>"),
                 ("Content-Transfer-Encoding", "base64")]) + CRLF + wrap76(png),
    ]
    body = b"This is a multi-part message in MIME format." + CRLF
    for p in parts:
        body += b"--" + boundary.encode() + CRLF + p
    body += b"--" + boundary.encode() + b"--" + CRLF
    return headers([
        ("From", "%s <qa@suzhou-precision.cn>" % b_word("苏州精密 品质部", "UTF-8")),
        ("To", "complaints@qloop-demo.cn, sales@qloop-demo.cn"),
        ("Subject", b_word("外壳开裂 - 订单SO-2026-0311", "UTF-8")),
        ("Date", "Thu, 5 Mar 2026 10:00:00 +0800"),
        ("Message-ID", "<CAF=0305.1000@mail.suzhou-precision.cn>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "multipart/mixed; boundary=\"%s\"" % boundary),
    ]) + CRLF + body


def alternative_with_inline_image(png):
    # Outlook's shape: alternative(plain, related(html, image)). The plain
    # text is the body; the picture pasted into the HTML is still evidence.
    outer, related = "=_alt_0306", "=_rel_0306"
    plain = crlf("客户反映：包装箱破损，3箱产品外观划伤。\n照片见正文。\n")
    html = crlf("<html><head><style>p {color: #333}</style></head><body>"
                "<p>客户反映：<b>包装箱破损</b>，3箱产品外观划伤。</p>"
                "<p><img src=\"cid:image001.png@01DA0306\"></p></body></html>\n")
    html_part = headers([("Content-Type", "text/html; charset=utf-8"),
                         ("Content-Transfer-Encoding", "quoted-printable")]) + CRLF + \
        quopri.encodestring(html.encode("utf-8")).replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n") + CRLF
    image_part = headers([("Content-Type", "image/png"),
                          ("Content-ID", "<image001.png@01DA0306>"),
                          ("Content-Transfer-Encoding", "base64")]) + CRLF + wrap76(png)
    related_body = (b"--" + related.encode() + CRLF + html_part + b"--" + related.encode() + CRLF + image_part +
                    b"--" + related.encode() + b"--" + CRLF)
    plain_part = headers([("Content-Type", "text/plain; charset=utf-8"),
                          ("Content-Transfer-Encoding", "quoted-printable")]) + CRLF + \
        quopri.encodestring(plain.encode("utf-8")).replace(b"\n", b"\r\n").replace(b"\r\r\n", b"\r\n") + CRLF
    related_part = headers([("Content-Type", "multipart/related; boundary=\"%s\"; type=\"text/html\"" % related)]) + \
        CRLF + related_body
    body = (b"--" + outer.encode() + CRLF + plain_part + b"--" + outer.encode() + CRLF + related_part +
            b"--" + outer.encode() + b"--" + CRLF)
    return headers([
        ("From", "%s <logistics@beifang-heavy.com>" % b_word("北方重工 物流部", "UTF-8")),
        ("To", "complaints@qloop-demo.cn"),
        ("Subject", b_word("物流破损：订单SO-7788包装箱破损", "UTF-8")),
        ("Date", "Fri, 6 Mar 2026 16:45:10 +0800"),
        ("Message-ID", "<0306164510.AB12@beifang-heavy.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "multipart/alternative; boundary=\"%s\"" % outer),
    ]) + CRLF + body


def html_only():
    html = crlf("<html><head><title>x</title><style>td {font: 12px}</style>"
                "<script>var a = 1 < 2;</script></head><body>"
                "<p>产品<b>型号</b>：PSU-450W</p><div>问题&nbsp;描述：风扇异响&amp;过热 &#36807;&#x70ED;保护</div>"
                "谢谢<br>星河电源</body></html>\n")
    return headers([
        ("From", "%s <service@xinghe-power.com>" % b_word("星河电源客服", "gb2312", "gbk")),
        ("To", "complaints@qloop-demo.cn"),
        ("Subject", b_word("风扇异响", "gb2312")),
        ("Date", "Sat, 7 Mar 2026 08:00:00 +0800"),
        ("Message-ID", "<html-only-0307@xinghe-power.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/html; charset=GB2312"),
        ("Content-Transfer-Encoding", "base64"),
    ]) + CRLF + wrap76(html.encode("gbk"))


def reply():
    # The customer answers qloop's acknowledgement: In-Reply-To is that
    # acknowledgement, References ends with it and starts at the complaint.
    body = crlf("收到，我们已隔离剩余482件，等待贵司的8D报告。\n\n王喆\n\n"
                "在 2026年3月3日 10:02，qloop 客诉受理 写道：\n"
                "> 王先生您好，已收到投诉，编号 QC-2026-00012。\n"
                "> 我们将在24小时内回复。\n")
    return headers([
        ("From", "%s <wang.zhe@huadong-auto.com>" % b_word("王喆", "UTF-8")),
        ("To", "complaints@qloop-demo.cn"),
        ("Subject", b_word("Re: [QC-2026-00012] PCBA-X100批次L2026-4001焊点虚焊投诉", "UTF-8")),
        ("Date", "Wed, 4 Mar 2026 08:20:00 +0800"),
        ("Message-ID", "<20260304082000.5120@huadong-auto.com>"),
        ("In-Reply-To", "<ack.QC-2026-00012@qloop-demo.cn>"),
        ("References", "<20260303091500.4711@huadong-auto.com>\r\n <ack.QC-2026-00012@qloop-demo.cn>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "8bit"),
    ]) + CRLF + body.encode("utf-8")


def no_message_id():
    # No Message-ID and no Date: keyed by the hash of its bytes, dated by the
    # server's INTERNALDATE (or the time it was read).
    return headers([
        ("From", "service@nanfang-motors.com"),
        ("To", "complaints@qloop-demo.cn"),
        ("Subject", "Warranty claim: PSU-450W fan noise"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=us-ascii"),
    ]) + CRLF + crlf("Two PSU-450W units (serial 4501123, 4501187) make a loud fan noise after 10 minutes.\n"
                     "Please advise.\n").encode("ascii")


def broken():
    # What a crashed gateway leaves behind: no header block at all.
    return b"\xff\xfe\xfd\xfc corrupted spool item 0x3f2a" + CRLF + b"\x81\x82\x83 \xa4\xa4\xa4\xe5" + CRLF


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    os.makedirs(out, exist_ok=True)
    pdf, png, png2 = tiny_pdf(), tiny_png((200, 30, 30)), tiny_png((30, 30, 200))
    samples = {
        "gbk-quoted-printable.eml": gbk_quoted_printable(),
        "big5-8bit.eml": big5_8bit(),
        "utf8-attachments.eml": utf8_with_attachments(pdf, png),
        "alternative-inline-image.eml": alternative_with_inline_image(png2),
        "html-only.eml": html_only(),
        "reply.eml": reply(),
        "no-message-id.eml": no_message_id(),
        "broken.eml": broken(),
        # The attachments as they must come out, for the tests to compare.
        "expected-report.pdf": pdf,
        "expected-crack.png": png,
        "expected-image001.png": png2,
    }
    for name, data in samples.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
