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
elif kind == "missing":
    ws.append(["客户名称", "产品型号"])
    ws.append(["华为", "X100"])
else:
    sys.exit("unknown kind " + kind)
wb.save(out)
