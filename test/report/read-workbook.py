"""A second, independent reader of the client report's workbook (openpyxl, not exceljs).

Prints, as JSON: each sheet's name, frozen cell, header row, row count, and every cell of the
first two data rows with its type and number format, so the test can check what Excel would see.
"""
import datetime
import json
import sys

import openpyxl


def cell_view(cell):
    value = cell.value
    if isinstance(value, (datetime.datetime, datetime.date)):
        value = value.isoformat()
    return {"type": cell.data_type, "value": value, "format": cell.number_format}


def main(path):
    wb = openpyxl.load_workbook(path)
    sheets = []
    for ws in wb.worksheets:
        rows = list(ws.iter_rows(min_row=1, max_row=min(ws.max_row, 40)))
        sheets.append(
            {
                "name": ws.title,
                "frozen": ws.freeze_panes,
                "rows": ws.max_row,
                "header": [c.value for c in rows[0]] if rows else [],
                "cells": [[cell_view(c) for c in row] for row in rows[1:]],
            }
        )
    json.dump({"sheets": sheets}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
