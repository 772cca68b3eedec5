"""Regenerate the golden export files of tests/test_export_golden.py.

The sample is the fixture project of tests/test_export_balance.py (one component per tier)
assessed with the round-number factors of tests/data/tiny-2026, so its numbers move only
when the exports change, not when the bundled data are corrected. Run it after a deliberate
change of an export's layout, look at the diff (and at the PDF), and commit the files.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "export-golden"
WHEN = dt.datetime(2026, 12, 3, 10, 0, 0)
FORMATS = {"csv": ("to_csv_zip", "zip"), "xlsx": ("to_xlsx", "xlsx"),
           "json": ("to_json", "json"), "html": ("to_html", "html"), "pdf": ("to_pdf", "pdf")}


def golden_exports() -> dict[str, bytes]:
    """File name -> bytes of every export of the golden sample, in both languages."""
    sys.path.insert(0, str(ROOT))
    import footprint
    from footprint import export
    from footprint.factors import FactorRegistry, read_dataset
    from tests.test_export_balance import tiny_project

    tiny = FactorRegistry([read_dataset(ROOT / "tests" / "data" / "tiny-2026")])
    result = footprint.assess(tiny_project(), tiny)
    out = {}
    for lang in ("fr", "en"):
        for fmt, (fn, ext) in FORMATS.items():
            out[f"tiny-{lang}.{ext}"] = getattr(export, fn)(result, lang=lang, generated=WHEN,
                                                            registry=tiny)
    return out


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in golden_exports().items():
        (OUT / name).write_bytes(data)
        print(f"wrote {OUT / name} ({len(data):,} bytes)")
