#!/usr/bin/python3
"""Writes the test workbooks with openpyxl (python3-openpyxl), the way a
user's Excel would: shared strings, real date cells, numbers, an error cell.
Usage: make_xlsx.py OUT KIND"""
import datetime
import sys

import openpyxl

out, kind = sys.argv[1], sys.argv[2]
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "客诉台账"

if kind == "complaints":
    ws.append(["2025年11月客诉台账"])  # a title block above the header
    ws.append([])
    ws.append(["客户名称", "产品型号", "批号", "订单号", "不良数量", "不良现象", "投诉日期", "渠道", "严重度", "备注"])
    rows = [
        ["华为", "X100", "L01", 20251103001, 12, "屏幕闪烁", datetime.datetime(2025, 11, 3, 14, 5), "电话", "严重", "首批"],
        ["小米", "X200", "L02", "PO-002", 3.0, "外壳开裂", datetime.date(2025, 11, 4), "在线客服", "一般", None],
        ["#N/A", "X300", "L03", "PO-003", 1, "漏液", datetime.date(2025, 11, 5), None, None, None],
        ["OPPO", "X400", "L04", "PO-004", 2.5, "异响", datetime.date(2025, 11, 6), None, None, None],
        [None, None, None, None, None, None, None, None, None, None],
        ["vivo", "X500", "L05", "PO-005", None, "按键失灵", datetime.datetime(2025, 11, 7, 9, 30, 15), None, "轻微", 7],
    ]
    for r in rows:
        ws.append(r)
    for row in ws.iter_rows(min_row=4, min_col=7, max_col=7):
        for cell in row:
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = "yyyy/m/d h:mm:ss"
    second = wb.create_sheet("English")
    second.append(["Customer", "Phenomenon", "Date"])
    second.append(["ACME", "noise", datetime.date(2025, 12, 1)])
elif kind == "mixed":
    # Deterministic rows cycling through the cell types and formats exports
    # carry, so the streaming reader can be compared with recorded outputs.
    ws.append(["客户", "问题描述", "投诉日期", "不良数量", "渠道", "严重度", "订单号", "备注", "金额"])
    customers = ["华为", " 小米 ", "OPPO\u00a0", "#N/A", 12345, None, "vivo & co <x>", "  ", "格力\n电器"]
    texts = ["屏幕闪烁", "漏液, 外壳\"开裂\"", "第一行\n第二行", "", None, "x" * 300, "=1+1", "#DIV/0!"]
    dates = [datetime.datetime(2025, 11, 3, 14, 5), datetime.date(2025, 11, 4), "2025/11/5 08:00",
             45966.5, None, "not a date", datetime.datetime(2025, 11, 7, 23, 59, 59), 45967]
    qtys = [12, 3.0, 2.5, "12 pcs", -2, None, "1,200", 0, True]
    channels = ["电话", "在线客服", "Email", None, "微信", "walk-in"]
    severities = ["严重", "一般", "轻微", "critical", None, "高"]
    orders = [20251103001, "00123", "PO-9", None, 1.5, 1e20, -0.25]
    notes = [True, False, 0.1 + 0.2, "备注", None, 7, "#REF!", datetime.time(8, 30)]
    for i in range(300):
        ws.append([customers[i % len(customers)], texts[i % len(texts)], dates[i % len(dates)],
                   qtys[i % len(qtys)], channels[i % len(channels)], severities[i % len(severities)],
                   orders[i % len(orders)], notes[i % len(notes)], i * 1.25])
    formats = ["yyyy-mm-dd", "m/d/yy h:mm", "[$-409]mmm d, yyyy", "0.00", "General", "yyyy\"年\"m\"月\"d\"日\""]
    for n, row in enumerate(ws.iter_rows(min_row=2, min_col=3, max_col=3)):
        for cell in row:
            if cell.value is not None and not isinstance(cell.value, str):
                cell.number_format = formats[n % len(formats)]
    for n, row in enumerate(ws.iter_rows(min_row=2, min_col=9, max_col=9)):
        for cell in row:
            cell.number_format = ["0.00%", "#,##0.00", "h:mm", "@"][n % 4]
elif kind == "missing":
    ws.append(["客户名称", "产品型号"])
    ws.append(["华为", "X100"])
else:
    sys.exit("unknown kind " + kind)
wb.save(out)
