#!/usr/bin/env python3
"""Reads an exported ledger back with independent readers and prints JSON.

  read_back.py xlsx FILE            openpyxl: per sheet its name, frozen pane,
                                    autofilter, column widths and every cell
                                    as {"t": type, "v": value}; type is
                                    s (string), n (number), d (datetime, v in
                                    ISO form), b (boolean) or f (formula);
                                    strings decoded as Excel decodes them
                                    (_xHHHH_ escapes). Also counts <f> elements in the raw XML.
  read_back.py csv FILE [DELIM]     Python's csv module: the rows, whether the
                                    file starts with a UTF-8 BOM, line ends.

The C++ tests assert on this output; nothing here knows what was written.
"""
import csv
import datetime
import io
import json
import re
import sys
import zipfile


OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def excel_text(value):
    """Decodes _xHHHH_ escapes in string cells as Excel does (openpyxl 3.0 does not)."""
    return OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)


def cell_json(cell):
    value = cell.value
    if value is None:
        return None
    if cell.data_type == "f" or (isinstance(value, str) and cell.data_type not in ("s", "inlineStr")
                                 and value.startswith("=")):
        return {"t": "f", "v": str(value)}
    if isinstance(value, bool):
        return {"t": "b", "v": value}
    if isinstance(value, (datetime.datetime, datetime.date)):
        return {"t": "d", "v": value.isoformat(), "fmt": cell.number_format}
    if isinstance(value, (int, float)):
        return {"t": "n", "v": value, "fmt": cell.number_format}
    return {"t": "s", "v": excel_text(value)}


def read_xlsx(path):
    import openpyxl
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(path)  # not read_only: panes and filters need the full model
    sheets = []
    for ws in book.worksheets:
        widths = {}
        for i in range(1, ws.max_column + 1):
            letter = get_column_letter(i)
            dim = ws.column_dimensions.get(letter)
            widths[letter] = dim.width if dim is not None else None
        sheets.append({
            "name": ws.title,
            "freeze_panes": ws.freeze_panes,
            "auto_filter": ws.auto_filter.ref,
            "widths": widths,
            "header_bold": [bool(c.font and c.font.b) for c in ws[1]] if ws.max_row >= 1 else [],
            "rows": [[cell_json(c) for c in row] for row in ws.iter_rows()],
        })
    formulas = 0
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                formulas += len(re.findall(rb"<f[ >]", z.read(name)))
    return {"sheets": sheets, "formula_elements": formulas}


def read_csv(path, delimiter):
    raw = open(path, "rb").read()
    bom = raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    return {"bom": bom, "rows": rows, "crlf_lines": raw.count(b"\r\n"), "bytes": len(raw)}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "xlsx":
        out = read_xlsx(path)
    elif kind == "csv":
        out = read_csv(path, sys.argv[3] if len(sys.argv) > 3 else ",")
    else:
        raise SystemExit("unknown kind " + kind)
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
