#!/usr/bin/env python3
"""Reads an exported review workbook back with openpyxl and prints JSON.

  read_back.py FILE

Per sheet: its name, frozen pane, the number of charts openpyxl found on it,
and every cell as {"t": type, "v": value, "fmt": number format}; type is
s (string), n (number), b (boolean), d (datetime, v in ISO form) or
f (formula). From the zip itself: the chart parts (xl/charts/chart*.xml)
with the chart types each holds, and how many <f> (formula) elements the
sheets contain. The C++ tests and the end-to-end script assert on this
output; nothing here knows what was written.
"""
import datetime
import json
import re
import sys
import zipfile


def cell_json(cell):
    value = cell.value
    if value is None:
        return None
    if cell.data_type == "f":
        return {"t": "f", "v": str(value)}
    if isinstance(value, bool):
        return {"t": "b", "v": value}
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {"t": "d", "v": value.isoformat(), "fmt": cell.number_format}
    if isinstance(value, (int, float)):
        return {"t": "n", "v": value, "fmt": cell.number_format}
    return {"t": "s", "v": value}


def main():
    import openpyxl

    path = sys.argv[1]
    book = openpyxl.load_workbook(path)  # not read_only: panes and charts need the full model
    sheets = []
    for ws in book.worksheets:
        sheets.append({
            "name": ws.title,
            "freeze_panes": ws.freeze_panes,
            "charts": len(getattr(ws, "_charts", [])),
            "header_bold": [bool(c.font and c.font.b) for c in ws[1]] if ws.max_row >= 1 else [],
            "rows": [[cell_json(c) for c in row] for row in ws.iter_rows()],
        })
    charts = []
    formulas = 0
    with zipfile.ZipFile(path) as z:
        for name in sorted(z.namelist()):
            if re.fullmatch(r"xl/charts/chart\d+\.xml", name):
                xml = z.read(name).decode("utf-8")
                kinds = sorted(set(re.findall(r"<c:(barChart|lineChart|pieChart|areaChart)>", xml)))
                direction = re.findall(r'<c:barDir val="(\w+)"', xml)
                charts.append({"part": name, "types": kinds, "bar_dir": direction[:1],
                               "series": len(re.findall(r"<c:ser>", xml)),
                               "points": len(re.findall(r"<c:dPt>", xml))})
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                formulas += len(re.findall(rb"<f[ >]", z.read(name)))
    json.dump({"sheets": sheets, "charts": charts, "formula_elements": formulas}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
