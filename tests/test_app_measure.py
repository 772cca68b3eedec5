"""The Measure page through AppTest: the command line shown where commands are off,
runs attached to the open project as a measured service, a real job measured where the
server allows commands."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
streamlit = pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402

import footprint  # noqa: E402
from footprint.measure import Measurement  # noqa: E402

PAGE = "pages/5_Measure.py"


@pytest.fixture(autouse=True)
def workspace(tmp_path, monkeypatch):
    monkeypatch.setenv("FOOTPRINT_WORKSPACE", str(tmp_path / "ws.sqlite"))
    monkeypatch.delenv("FOOTPRINT_APP_MEASURE_COMMANDS", raising=False)
    streamlit.cache_resource.clear()
    yield
    streamlit.cache_resource.clear()


def app(**query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    at.switch_page(PAGE)
    return at


def test_clean_session_in_french_shows_the_command_line_instead_of_running():
    at = app().run()
    assert not at.exception
    assert any("Mesurez ce que consomment" in m.value for m in at.markdown)
    assert any("FOOTPRINT_APP_MEASURE_COMMANDS=1" in i.value for i in at.info)
    assert any("footprint measure --save-csv" in c.value for c in at.code)


def test_runs_are_attached_to_the_open_project_as_a_measured_service():
    at = app(lang="en").run()
    run = Measurement("ocr batch", 120.0, 0.002, 0.0, 0.001, 0.0002, "FR", "estimate")
    at.session_state["measure_runs"] = [run]
    at.run()
    assert any(w.value.startswith("Estimate: without energy counters") for w in at.warning)
    table = at.dataframe[0].value
    assert table["Energy (Wh)"].tolist() == ["3"] and table["How it was measured"].tolist() \
        == ["estimate"]
    at.text_input[0].set_value("OCR")
    at.number_input[0].set_value(50.0)      # items per run
    at.number_input[1].set_value(40000.0)   # items over the period
    next(b for b in at.button if b.label == "Add to the project").click().run()
    assert not at.exception and not at.error
    assert any("1 run(s) added to “OCR”" in s.value for s in at.success)
    project = footprint.parse_project(at.session_state["doc"].text)
    svc = project.services[-1]
    assert svc.kind == "measured" and svc.name == "OCR"
    m = svc.measurements[0]
    assert (m.items_measured, m.items, m.method) == (50, 40000, "estimate")
    assert m.energy_kwh == pytest.approx(0.003)


def test_a_real_job_is_measured_where_commands_are_allowed(monkeypatch):
    monkeypatch.setenv("FOOTPRINT_APP_MEASURE_COMMANDS", "1")
    at = app(lang="en").run()
    at.text_input(key="measure_command").set_value(
        f"{sys.executable} -c \"import hashlib; [hashlib.sha256(b'x').digest() "
        f"for _ in range(200000)]\"")
    at.button(key="measure_run").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table["How it was measured"].iloc[0] in ("estimate", "hardware counters")
    assert float(table["Energy (Wh)"].iloc[0].replace(",", "")) > 0
