"""Golden files: every export of a fixed sample, byte for byte, in both languages.

The sample uses the tiny-2026 test factors, so corrections of the bundled data do not
move it; a deliberate change of an export's layout is followed by
``python scripts/make_export_golden.py`` and a look at the diff.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "export-golden"
_spec = importlib.util.spec_from_file_location("make_export_golden",
                                               ROOT / "scripts" / "make_export_golden.py")
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)


@pytest.fixture(scope="module")
def exports():
    return make.golden_exports()


@pytest.mark.parametrize("name", sorted(f"tiny-{lang}.{ext}" for lang in ("fr", "en")
                                        for _, ext in make.FORMATS.values()))
def test_export_matches_golden_file(exports, name):
    expected = (GOLDEN / name).read_bytes()
    assert exports[name] == expected, f"{name} changed: run scripts/make_export_golden.py"
