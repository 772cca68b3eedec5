"""The app in a real headless Chromium (Debian's), against `streamlit run app.py`."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)


def test_open_sample_see_result_switch_language(page: Page, streamlit_url, tmp_path):
    page.goto(streamlit_url)
    expect(page.get_by_role("heading", name="Empreinte environnementale des services "
                                             "numériques culturels")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_contain_text("tCO2e")
    page.get_by_role("link", name="Résultats").click()
    expect(page.get_by_text("Par étape du cycle de vie et par tiers")).to_be_visible()
    chart = page.locator("[data-testid='stVegaLiteChart'] canvas, "
                         "[data-testid='stVegaLiteChart'] svg").first
    expect(chart).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_text("By lifecycle stage and tier")).to_be_visible()
    assert "lang=en" in page.url
    page.reload()  # the language and the page survive a reload
    expect(page.get_by_text("By lifecycle stage and tier")).to_be_visible()


def test_upload_invalid_project_shows_error_naming_field(page: Page, streamlit_url, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nservices:\n  - name: s\n    kind: custom\n    components: []\n")
    page.goto(streamlit_url)
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
    page.get_by_role("tab", name="Importer un fichier").click()
    page.locator("input[type='file']").set_input_files(str(bad))
    expect(page.get_by_text("services[0].components", exact=False)).to_be_visible()
    expect(page.get_by_text("n'a pas été importé", exact=False)).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_contain_text("tCO2e")


def test_accessibility_of_the_home_page(page: Page, streamlit_url):
    """axe-core (WCAG 2 A/AA rules) finds nothing serious or critical on our page, in both
    languages. Minor findings inside Streamlit's own widgets are not ours to fix."""
    from axe_playwright_python.sync_playwright import Axe

    page.goto(streamlit_url)
    expect(page.get_by_test_id("stMetricValue").first).to_be_visible()

    def grave_violations():
        page.wait_for_timeout(1000)  # let the chart and fonts settle
        found = Axe().run(page).response["violations"]
        return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in found
                if v["impact"] in ("serious", "critical")]

    assert not grave_violations()
    page.get_by_role("button", name="English").click()
    expect(page.get_by_text("At a glance", exact=False)).to_be_visible()
    assert not grave_violations()
