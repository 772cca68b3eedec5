"""CSV that is safe to open in a spreadsheet.

Names typed by users (services, components, page titles) end up in exports; text that
starts with ``=``, ``+``, ``-`` or ``@`` would run as a formula in Excel or LibreOffice
(OWASP, "CSV Injection"). A formula can also start *inside* a cell, after a line break or
a tab, for a reader that splits rows or fields there. :func:`neutralise` therefore

1. turns every carriage return (and CR LF) into a line feed and every tab into a space,
   and drops the other control characters (C0, DEL, C1): nothing is left that a reader
   could split a row or a field at, except the line feed, which the CSV writer quotes;
2. prefixes each line whose first non-blank character is a trigger with a quote (``'``),
   so the cell is inert even for a reader that splits at line feeds.

Every CSV the tool writes goes through :func:`to_csv`; the XLSX export uses the same
:func:`neutralise` on its text cells. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
import math
import re

__all__ = ["neutralise", "safe_cell", "to_csv"]

#: Characters removed or replaced: C0 controls (tab and CR become a space and a line
#: feed; the line feed stays), DEL and the C1 controls.
_CONTROLS = {c: None for c in (*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))}
_CONTROLS.update({0x09: " ", 0x0D: "\n", 0x0A: "\n"})
_CONTROLS.update({c: "\ufffd" for c in range(0xD800, 0xE000)})  # lone surrogates
#: A line (start of the text or after a line feed) whose first non-blank is a trigger.
_FORMULA_LINE = re.compile(r"^(?=[ ]*[=+\-@])", re.MULTILINE)
_NEEDS_WORK = re.compile(r"[=+\-@\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def neutralise(text: str) -> str:
    """``text`` made inert for a spreadsheet (see the module's docstring); linear time.

    >>> neutralise("x\\r=1+1")
    "x\\n'=1+1"
    """
    if not _NEEDS_WORK.search(text):
        return text
    text = text.replace("\r\n", "\n").translate(_CONTROLS)
    return _FORMULA_LINE.sub("'", text)


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
    return neutralise(str(value))


def to_csv(table) -> str:
    """A pandas DataFrame as formula-safe CSV text (header row first)."""
    out = io.StringIO()
    # CRLF rows (RFC 4180): the csv module then quotes any cell holding a CR or an LF,
    # which a "\n" terminator leaves bare for a lone CR
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([safe_cell(c) for c in table.columns])
    for record in table.itertuples(index=False, name=None):
        writer.writerow([safe_cell(v) for v in record])
    return out.getvalue()
