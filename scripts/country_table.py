"""Print, for ten audiences, one hour of HD video and one visit of the website sample:
total and per tier, with the grid intensity that drives the electricity parts.

Run: ``.venv/bin/python scripts/country_table.py`` (Markdown tables on stdout). Used to
show how results move when the network or electricity data change (issue 8): run it
before and after a change and compare.

- Video: one hour, ``video_streaming`` defaults (HD, ADEME's average screen mix, fixed
  line, per-GB network model), audience and hosting in the country (servers near their
  users, as a CDN would serve them).
- Website: ``sample_projects/museum_website.yaml`` with its audience in the country and
  its hosting left in France, divided by its functional unit (visits of the three sites).

"not covered" is printed where a tier has activities but no factor.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import footprint  # noqa: E402
from footprint.schema.base import TIERS  # noqa: E402

COUNTRIES = ("FR", "DE", "SE", "PL", "GB", "US", "CA", "IN", "BR", "JP")


def _cell(value: float) -> str:
    return "not covered" if value is None or math.isnan(value) else f"{value:,.2f}"


def _row(country: str, result, divisor_g: float) -> str:
    registry = footprint.default_registry()
    grid = registry.factor("electricity", region=country, unit="gCO2e/kWh")
    tiers = result.by_tier()
    cells = [_cell(float(tiers.get(t, 0.0)) * divisor_g) if t in tiers.index else "–"
             for t in TIERS]
    total = float(result.total().m_as("kgCO2e")) * divisor_g
    flag = ""
    if "status" in result.totals().columns:
        status = result.totals().set_index("indicator").loc["climate_change", "status"]
        flag = "" if status == "complete" else f" ({status})"
    return f"| {country} | {grid:,.1f} | {total:,.2f}{flag} | " + " | ".join(cells) + " |"


def video(country: str):
    project = footprint.parse_project({
        "name": f"1 h HD video, {country}", "audience_country": country,
        "hosting_country": country,
        "services": [{"name": "video", "kind": "video_streaming", "hours_viewed": "1 h"}]})
    return footprint.assess(project)


def website(country: str):
    data = footprint.read_project(ROOT / "sample_projects" / "museum_website.yaml")
    return footprint.assess(data.model_copy(update={"audience_country": country}))


def main() -> None:
    header = ("| audience | grid gCO2e/kWh | total | " + " | ".join(TIERS) + " |\n"
              "|---|---:|---:|" + "---:|" * len(TIERS))
    print("One hour of HD video, fixed line, ADEME's average screen mix [gCO2e]\n")
    print(header)
    for c in COUNTRIES:
        print(_row(c, video(c), 1000.0))
    print("\nOne visit of the website sample (hosting in France) [gCO2e]\n")
    print(header)
    visits = footprint.read_project(ROOT / "sample_projects" / "museum_website.yaml"
                                    ).functional_unit.quantity
    for c in COUNTRIES:
        print(_row(c, website(c), 1000.0 / visits))


if __name__ == "__main__":
    main()
