"""Load test: 20 concurrent browser sessions (Debian's headless Chromium through
Playwright) on one `streamlit run app.py` on loopback. Each session opens the home page,
then Results, then Emission factors, and waits for each page to finish; the script
reports errors (must be none) and the time per page (median and worst).

    .venv/bin/python benchmarks/bench_app_load.py [SESSIONS]

Measured 2026-12-03 21:55 UTC, 20 sessions, on the shared 2-core machine (load ≈ 6, the
20 Chromium renderers and the server on the same two cores): 0 errors, every page
finished; per page median / worst: home 56.9 / 58.0 s, Results 32.1 / 35.2 s (its
headline's Monte Carlo included), Emission factors 30.4 / 35.9 s; 127 s wall for the 60
page loads.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = (("", "Étape suivante"), ("Results", "Étape suivante"),
         ("Emission_factors", "Étape suivante"))


async def session(browser, url: str, times: dict, errors: list, i: int) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 1400})
    page = await context.new_page()
    try:
        for slug, done in PAGES:
            t0 = time.perf_counter()
            await page.goto(f"{url}/{slug}", wait_until="commit", timeout=300_000)
            await page.get_by_text(done).last.wait_for(timeout=300_000)
            if await page.locator("[data-testid='stException']").count():
                errors.append((i, slug, "exception shown"))
            times.setdefault(slug or "home", []).append(time.perf_counter() - t0)
    except Exception as exc:  # noqa: BLE001 - counted and reported
        errors.append((i, "?", repr(exc)[:200]))
    finally:
        await context.close()


async def run(n: int) -> None:
    from playwright.async_api import async_playwright

    from tests.conftest import StreamlitServer

    server = StreamlitServer(Path(tempfile.mkdtemp()))
    server.start()
    try:
        async with async_playwright() as pw:
            browser = await pw.chromium.launch(
                executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu",
                      "--disable-dev-shm-usage"])
            times: dict = {}
            errors: list = []
            t0 = time.perf_counter()
            await asyncio.gather(*(session(browser, server.url, times, errors, i)
                                   for i in range(n)))
            wall = time.perf_counter() - t0
            await browser.close()
    finally:
        server.stop()
    print(f"{n} concurrent sessions, wall {wall:.1f} s, errors: {len(errors)}")
    for e in errors:
        print("  error:", e)
    for page, ts in times.items():
        print(f"  {page:18} n={len(ts):3} median {statistics.median(ts):6.2f} s   "
              f"worst {max(ts):6.2f} s")


if __name__ == "__main__":
    asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else 20))
