"""Exports of assessments as bytes (no file is written here): CSV, XLSX, JSON, an HTML and
PDF report, and the BEGES v5 / GHG-Protocol carbon-balance tables.

Heavy libraries (xlsxwriter, weasyprint, altair, vl-convert) are imported inside the
functions that need them.
"""

from .balance import beges_table, ghg_table
from .files import to_csv_zip, to_xlsx
from .json_export import RESULT_SCHEMA_VERSION, json_schema, to_json
from .montecarlo import uncertainty_by_line
from .report import to_html, to_pdf
from .tabular import neutralise, safe_cell, to_csv

__all__ = ["neutralise", "safe_cell", "to_csv", "to_csv_zip", "to_xlsx", "to_json", "to_html", "to_pdf",
           "json_schema", "RESULT_SCHEMA_VERSION", "beges_table", "ghg_table",
           "uncertainty_by_line"]
