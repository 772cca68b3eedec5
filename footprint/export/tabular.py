"""CSV that is safe to open in a spreadsheet.

Names typed by users (services, components) end up in exports; a cell that starts with
``=``, ``+``, ``-``, ``@`` (or a tab or carriage return before one) would run as a formula
in Excel or LibreOffice. Such text cells are prefixed with a quote (OWASP, "CSV Injection").
Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import math

__all__ = ["safe_cell", "to_csv"]

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A CSV cell: text neutralised against formula injection, floats in full precision."""
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return format(value, ".12g")
    if isinstance(value, bool | int):
        return str(value)
    text = str(value)
    return "'" + text if text.lstrip(" ")[:1] in _TRIGGERS else text


def to_csv(table) -> str:
    """A pandas DataFrame as formula-safe CSV text (header row first)."""
    out = io.StringIO()
    # CRLF rows (RFC 4180): the csv module then quotes any cell holding a CR or an LF,
    # which a "\n" terminator leaves bare for a lone CR
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in table.columns])
    for record in table.itertuples(index=False, name=None):
        writer.writerow([safe_cell(v) for v in record])
    return out.getvalue()
