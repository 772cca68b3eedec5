"""Every page in a real Chromium, in both languages: no serious or critical axe-core
violation in our content, and a screenshot of each (desktop and 390 px phone width) in
``screenshots/`` for people to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from ui.messages import en, fr
from ui.nav import PAGES, ROOT

pytestmark = pytest.mark.e2e
expect.set_options(timeout=30_000)
# not under test-results/: pytest-playwright empties that folder when any session starts
SCREENS = ROOT / "screenshots"
TITLES = {"fr": fr.MESSAGES, "en": en.MESSAGES}


def _pages():
    for path, key, _icon in PAGES:
        if (ROOT / path).exists():
            slug = "" if path == "app.py" else re.sub(r"^\d+_", "", Path(path).stem)
            yield slug, key


def _grave(page: Page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    page.wait_for_timeout(1500)  # charts and fonts settle
    found = Axe().run(page).response["violations"]
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in found
            if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_accessible_with_screenshots(page: Page, streamlit_url, lang):
    SCREENS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for slug, key in _pages():
        title = TITLES[lang]["app_title" if key == "nav_home" else key]
        # tall viewports: Streamlit scrolls inside its own container, so a full-page
        # screenshot stops at the viewport's height
        page.set_viewport_size({"width": 1280, "height": 4200})
        page.goto(f"{streamlit_url}/{slug}?lang={lang}")
        expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible()
        # every page ends with its link to the next step: the page has finished
        expect(page.get_by_text(TITLES[lang]["next_step"], exact=False).last).to_be_visible()
        grave = _grave(page)
        if grave:
            problems[slug or "home"] = grave
        page.screenshot(path=str(SCREENS / f"{slug or 'home'}-{lang}.png"), full_page=True)
        page.set_viewport_size({"width": 390, "height": 3600})
        page.wait_for_timeout(800)
        # the language switch stays reachable at phone width
        expect(page.get_by_role("button", name=TITLES[lang]["language"])).to_be_visible()
        page.screenshot(path=str(SCREENS / f"{slug or 'home'}-{lang}-phone.png"),
                        full_page=True)
    assert not problems, problems
