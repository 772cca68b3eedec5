"""CSV (a zip of one file per table) and XLSX exports of an assessment, as bytes.

CSV: UTF-8 with a BOM (Excel then reads accents right), a dot as decimal mark, numbers as
plain numbers, headers labelled in the language with units in brackets, text cells
neutralised against formulas (:func:`footprint.export.tabular.safe_cell`).

XLSX (xlsxwriter): numbers as numbers with readable formats, frozen header rows,
autofilters, widths that fit; every text cell passes through the same neutraliser. The
workbook's dates are the ``generated`` argument (or a fixed epoch), so the same input gives
the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile

import numpy as np
import pandas as pd

from .labels import check_lang, label
from .tables import TABLE_ORDER, build_tables, header, scenario_tables

__all__ = ["to_csv_zip", "to_xlsx", "FIXED_TIME"]

#: the date written in files when no ``generated`` time is given (zip's earliest date)
FIXED_TIME = dt.datetime(1980, 1, 1)
#: a sheet or CSV is cut at this many rows (Excel's limit is 1,048,576)
MAX_ROWS = 1_000_000


def _attributions(result) -> str:
    return "\n".join(result.provenance["attribution"].astype(str))


def _frame(table: pd.DataFrame, lang: str) -> pd.DataFrame:
    return table.rename(columns={c: header(c, lang) for c in table.columns})


def to_csv_zip(result, *, lang: str = "fr", generated=None, comparison=None,
               suggestions=None, uncertainty=None, registry=None) -> bytes:
    """A zip of CSV files, one per table, plus ``ATTRIBUTIONS.txt``.

    Parameters
    ----------
    result : Assessment
    lang : {"fr", "en"}
    generated : datetime, optional
        Written in the method table and as the files' date in the zip; without it the
        output carries no time (byte-identical for the same input).
    comparison, suggestions : DataFrame, optional
        Scenario comparison and recommendations, added as ``scenarios.csv`` and
        ``recommendations.csv`` when given.
    uncertainty : DataFrame, optional
        Monte Carlo percentiles per carbon-balance line (see :func:`beges_table`).
    registry : FactorRegistry, optional
        Where factor citations (and the report's equivalences) are read; the bundled
        datasets by default.
    """
    from .tabular import to_csv

    check_lang(lang)
    tables = build_tables(result, lang=lang, generated=generated, uncertainty=uncertainty,
                          registry=registry)
    comparison, suggestions = scenario_tables(comparison, suggestions, lang)
    extra = {"scenarios": comparison, "recommendations": suggestions}
    when = (generated or FIXED_TIME).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in TABLE_ORDER + tuple(extra):
            table = extra.get(name) if name in extra else tables[name]
            if table is None:
                continue
            text = "\ufeff" + to_csv(_frame(table.head(MAX_ROWS), lang))
            info = zipfile.ZipInfo(f"{name}.csv", date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
        info = zipfile.ZipInfo("ATTRIBUTIONS.txt", date_time=when)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        z.writestr(info, ("\ufeff" + _attributions(result) + "\n").encode("utf-8"))
    return out.getvalue()


# -- XLSX -----------------------------------------------------------------------------------
_NUMBER_FORMATS = {"share": "0.0%", "total_tco2e": "#,##0.000", "low_tco2e": "#,##0.000",
                   "high_tco2e": "#,##0.000", "rows_not_covered": "0"}
_SHEETS = TABLE_ORDER[:3] + ("scenarios", "recommendations") + TABLE_ORDER[3:]


def _sheet_name(key: str, lang: str) -> str:
    return label(key, lang)[:31]


def _write_table(wb, ws, table: pd.DataFrame, lang: str, formats: dict, start_row: int = 0):
    from .tabular import safe_cell

    bold = formats["header"]
    cols = list(table.columns)
    widths = []
    for j, col in enumerate(cols):
        text = header(col, lang)
        ws.write_string(start_row, j, safe_cell(text), bold)
        widths.append(len(text))
    fmt_for = [formats.get(_NUMBER_FORMATS.get(c, "general")) for c in cols]
    # a missing number is "not covered"; a missing text is empty
    numeric = [pd.api.types.is_numeric_dtype(table[c]) for c in cols]
    nc = label("not_covered", lang)
    for i, record in enumerate(table.head(MAX_ROWS).itertuples(index=False, name=None),
                               start=start_row + 1):
        for j, v in enumerate(record):
            if hasattr(v, "item"):
                v = v.item()
            if v is None or (isinstance(v, float) and math.isnan(v)):
                text = nc if numeric[j] else ""
                if text:
                    ws.write_string(i, j, text)
                width = len(text)
            elif isinstance(v, bool):
                ws.write_boolean(i, j, v)
                width = 5
            elif isinstance(v, int | float):
                if math.isfinite(v):
                    ws.write_number(i, j, v, fmt_for[j])
                    width = 12
                else:  # ±inf: never produced by the engine, kept visible if it ever is
                    ws.write_string(i, j, str(v))
                    width = 4
            else:
                text = safe_cell(v)
                ws.write_string(i, j, text, formats["wrap"] if len(text) > 60 else None)
                width = min(len(text), 60)
            if width > widths[j]:
                widths[j] = width
    for j, w in enumerate(widths):
        ws.set_column(j, j, min(max(w + 2, 8), 62))
    ws.freeze_panes(start_row + 1, 0)
    if len(table):
        ws.autofilter(start_row, 0, start_row + min(len(table), MAX_ROWS), len(cols) - 1)


def _stage_tier_grid(result, lang: str) -> pd.DataFrame:
    """Stages down, tiers across, with totals, in kgCO2e (the CSV keeps the tidy form)."""
    grid = result.breakdown(("stage", "tier"))
    why = result.stage_tier_labels()  # "in manufacturing" where another stage holds it
    out = pd.DataFrame({"stage": grid.index.astype(str),
                        "stage_label": [label(s, lang) for s in grid.index]})
    for tier in grid.columns:
        values = grid[tier].to_numpy(dtype=float)
        held = (why[tier] == "in manufacturing").to_numpy()
        out[f"{label(tier, lang)} [kgCO2e]"] = (
            np.where(held, label("in manufacturing", lang), values.astype(object))
            if held.any() else values)
    out[f"{label('total', lang)} [kgCO2e]"] = grid.sum(axis=1, min_count=1).to_numpy()
    return out


def to_xlsx(result, *, lang: str = "fr", generated=None, comparison=None, suggestions=None,
            uncertainty=None, registry=None) -> bytes:
    """A workbook: summary, stage × tier, services, scenarios and recommendations (when
    given), BEGES, GHG Protocol, detail with trace, factors, method, assumptions,
    coverage, sources and licences, warnings. Arguments as :func:`to_csv_zip`."""
    import xlsxwriter

    check_lang(lang)
    tables = build_tables(result, lang=lang, generated=generated, uncertainty=uncertainty,
                          registry=registry)
    tables["scenarios"], tables["recommendations"] = scenario_tables(comparison, suggestions,
                                                                     lang)
    tables["stage_tier"] = _stage_tier_grid(result, lang)
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False,
                                   "strings_to_urls": False, "strings_to_numbers": False,
                                   "nan_inf_to_errors": False})
    when = generated or FIXED_TIME
    if getattr(when, "tzinfo", None) is not None:
        when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    from .tabular import safe_cell

    wb.set_properties({"title": safe_cell(result.project.name)[:255], "created": when,
                       "comments": _attributions(result)[:2000]})
    formats = {"header": wb.add_format({"bold": True, "bg_color": "#E8EEF4", "border": 1,
                                        "text_wrap": True, "valign": "top"}),
               "wrap": wb.add_format({"text_wrap": True, "valign": "top"}),
               "general": wb.add_format({"num_format": "#,##0.####"})}
    for f in set(_NUMBER_FORMATS.values()):
        formats[f] = wb.add_format({"num_format": f})
    for key in _SHEETS:
        table = tables.get(key)
        if table is None:
            continue
        ws = wb.add_worksheet(_sheet_name(key, lang))
        _write_table(wb, ws, table, lang, formats)
    wb.close()
    return out.getvalue()
