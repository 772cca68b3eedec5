"""The Streamlit home page (AppTest: no browser) and the i18n catalogs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
streamlit = pytest.importorskip("streamlit")
from streamlit.testing.v1 import AppTest  # noqa: E402


def app() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def test_catalogs_have_the_same_keys():
    from ui.i18n import CATALOGS

    assert set(CATALOGS["fr"]) == set(CATALOGS["en"])
    assert all(v.strip() for cat in CATALOGS.values() for v in cat.values())


def test_home_opens_a_sample_with_metrics_and_chart():
    at = app().run()
    assert not at.exception
    assert at.title[0].value.startswith("Empreinte")  # French by default
    assert at.selectbox(key="sample").value.endswith(".yaml")
    assert "tCO2e" in at.metric[0].value
    spec = json.loads(at.get("vega_lite_chart")[0].proto.spec)
    assert spec["mark"]["type"] == "bar"


def test_language_toggle_and_every_sample():
    at = app().run()
    at.button(key="lang_toggle").click().run()
    assert at.title[0].value.startswith("Environmental footprint")
    for name in at.selectbox(key="sample").options:
        at.selectbox(key="sample").set_value(name).run()
        assert not at.exception, name
        assert not at.error, (name, [e.value for e in at.error])
        assert "tCO2e" in at.metric[0].value
