"""`footprint web` (SWD v4/v3 and Ecoindex for one page or a CSV of pages) and the
published-methods section of `footprint assess`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from footprint.cli import web as cli
from footprint.cli import main
from footprint.methods import ecoindex, swd

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_projects" / "museum_website.yaml"


def test_one_page_json_equals_direct_calls(capsys):
    assert main(["web", "--size-kb", "2420", "--requests", "78", "--nodes", "693",
                 "--format", "json"]) == 0
    d = json.loads(capsys.readouterr().out)
    (page,) = d["pages"]
    assert page["swd_v4_gco2e"] == swd.per_visit(2_420_000, version=4).total_gco2e
    assert page["swd_v3_gco2e"] == swd.per_visit(2_420_000, version=3).total_gco2e
    # Ecoindex reference medians → score 44, grade D, 2.12 gCO2e (ecoindex.md §2.4)
    assert (page["ecoindex_score"], page["ecoindex_grade"], page["ecoindex_gco2e"]) == \
        (44, "D", 2.12)
    assert d["ecoindex_attribution"] == ecoindex.ATTRIBUTION


def test_one_page_table_with_green_and_grid(capsys):
    assert main(["web", "--size-kb", "1000000", "--requests", "10", "--nodes", "10",
                 "--green", "1"]) == 0
    out = capsys.readouterr().out
    # 1 GB green: SWD v4 121.03 g, SWD v3 perVisit 250.42911345 g (co2js.md §2.1-2.2)
    assert "121" in out and "250.4" in out
    assert ecoindex.ATTRIBUTION in out
    assert main(["web", "--size-kb", "100", "--requests", "1", "--nodes", "1",
                 "--grid-intensity", "52", "--format", "json"]) == 0
    page = json.loads(capsys.readouterr().out)["pages"][0]
    assert page["swd_v4_gco2e"] == swd.per_visit(1e5, grid_intensity=52.0).total_gco2e


def write_csv(tmp_path, text, name="pages.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


PAGES = ("url,size_kb,requests,nodes\n"
         "https://musee.example/,100,100,100\n"
         "https://musee.example/collection,1000,100,100\n"
         "\"=HYPERLINK(\"\"http://evil.example\"\")\",10000,200,200\n"
         "@SUM(A1),2493,267,2355\n")


def test_csv_batch_vectorised_and_formula_safe(tmp_path, capsys):
    path = write_csv(tmp_path, PAGES)
    assert main(["web", "--csv", path, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["url"] for r in rows] == ["https://musee.example/",
                                         "https://musee.example/collection",
                                         "'=HYPERLINK(\"http://evil.example\")", "'@SUM(A1)"]
    # Ecoindex worked examples (ecoindex-compute 5.10.0; ecoindex.md §2.5)
    assert [(r["ecoindex_score"], r["ecoindex_grade"], r["ecoindex_gco2e"]) for r in rows] == \
        [("72", "B", "1.56"), ("67", "C", "1.66"), ("46", "D", "2.08"), ("10", "G", "2.8")]
    v4 = swd.per_visit([1e5, 1e6, 1e7, 2.493e6], version=4).total_gco2e
    assert [float(r["swd_v4_gco2e"]) for r in rows] == pytest.approx(list(v4), rel=1e-9)
    assert all(r["ecoindex_source"] == ecoindex.ATTRIBUTION for r in rows)


def test_csv_table_and_json(tmp_path, capsys):
    path = write_csv(tmp_path, PAGES)
    assert main(["web", "--csv", path]) == 0
    out = capsys.readouterr().out
    assert "https://musee.example/collection" in out and ecoindex.ATTRIBUTION in out
    assert main(["web", "--csv", path, "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["pages"]) == 4


@pytest.mark.parametrize("text, words", [
    ("url,size_kb,requests,nodes\na,1,2,3\nb,abc,2,3\n", "row 2 (line 3), column size_kb"),
    ("url,size_kb,requests,nodes\na,1,-2,3\n", "row 1 (line 2), column requests"),
    ("url,size_kb,requests,nodes\na,1,2,nan\n", "row 1 (line 2), column nodes"),
    ("url,size_kb,requests,nodes\na,1,2\n", "row 1 (line 2) has 3 cells"),
    ("url,size_kb,requests\na,1,2\n", "missing column(s) nodes"),
    ("url,size_kb,requests,nodes\n", "no page rows"),
    ("", "missing column(s)"),
])
def test_bad_csv_exits_2_naming_row_and_column(tmp_path, capsys, text, words):
    assert main(["web", "--csv", write_csv(tmp_path, text)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_csv_size_limit(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli, "MAX_CSV_BYTES", 50)
    assert main(["web", "--csv", write_csv(tmp_path, PAGES)]) == 2
    assert "larger than the limit of 50 bytes" in capsys.readouterr().err


@pytest.mark.parametrize("argv, words", [
    (["web", "--size-kb", "1", "--requests", "2"], "--nodes"),
    (["web", "--size-kb", "-1", "--requests", "2", "--nodes", "3"], "--size-kb"),
    (["web", "--size-kb", "1", "--requests", "2", "--nodes", "3", "--green", "1.5"], "--green"),
    (["web", "--size-kb", "1", "--requests", "2", "--nodes", "3", "--grid-intensity", "-4"],
     "--grid-intensity"),
    (["web", "--size-kb", "1", "--requests", "2", "--nodes", "3", "--grid-intensity", "ZZ"],
     "--grid-intensity"),
    (["web", "--csv", "x.csv", "--size-kb", "1"], "not both"),
    (["web", "--csv", "/nonexistent/pages.csv"], "cannot read"),
])
def test_bad_arguments_exit_2(capsys, argv, words):
    assert main(argv) == 2
    assert words in capsys.readouterr().err


def test_web_subprocess_exit_code(tmp_path):
    bad = write_csv(tmp_path, "url,size_kb,requests,nodes\nx,1,y,3\n")
    proc = subprocess.run([sys.executable, "-m", "footprint", "web", "--csv", bad],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "column requests" in proc.stderr and "Traceback" not in proc.stderr


def test_assess_shows_published_methods_beside_our_figure(capsys):
    assert main(["assess", str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    head, _, section = out.partition("other published methods (for comparison, not in the "
                                     "totals):")
    assert section, out
    for words in ("footprint (French-calibrated, in the totals)", "Sustainable Web Design v4",
                  "Sustainable Web Design v3", "Ecoindex per visit", "gCO2e/visit",
                  ecoindex.ATTRIBUTION):
        assert words in section
    assert "Online collection" in section


def test_har_file_gives_one_row_per_page(tmp_path, capsys):
    """Two pages of a hand-written HAR (tests/test_har.py): page_1 = 30,000 + 120,000 +
    (400,000 + 500) bytes over 3 requests; page_2 = 50,000 bytes + one unknown size."""
    from footprint.methods import ecoindex
    from tests.test_har import HAR

    har = tmp_path / "pages.har"
    har.write_text(json.dumps(HAR))
    assert main(["web", "--har", str(har), "--nodes", "500", "--format", "json"]) == 0
    pages = json.loads(capsys.readouterr().out)["pages"]
    assert [p["size_kb"] for p in pages] == pytest.approx([550.5, 50.0])
    assert [p["requests"] for p in pages] == [3, 2]
    assert pages[0]["ecoindex_score"] == int(ecoindex.compute(500, 3, 550.5).score)
    # the DOM node count is not in a HAR: it must be given
    assert main(["web", "--har", str(har)]) == 2
    assert "--nodes" in capsys.readouterr().err
