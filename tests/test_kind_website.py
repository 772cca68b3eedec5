"""website kind: hand-computed French-calibrated values on a small registry, the
published-method rows (equal to direct calls of the SWD and Ecoindex modules, and to
published worked values), validation errors with their paths, and the sample project."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import footprint
from footprint import parse_project
from footprint.methods import ecoindex, swd
from tests.helpers import assert_climate_covered, cc

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).resolve().parent / "data" / "tiny-2026"
SAMPLE = ROOT / "sample_projects" / "museum_website.yaml"

# Round numbers added to tests/data/tiny-2026 (electricity FR 0.05 kgCO2e/kWh, fixed
# network FR 10 gCO2e/GB, laptop 200 + 10 + 2 kg, 5 yr, 4 h/day, 25 W, dc.pue FR 1.5;
# web serving dc.web.energy 50 Wh/GB).
EXTRA_FACTORS = """\
network.mobile,FR,2024,use,climate_change,20,gCO2e/GB,10,40,triangular,estimate,t,
dc.web.embodied,GLO,2024,manufacturing,climate_change,5,gCO2e/GB,2,10,triangular,estimate,t,
device.smartphone,GLO,2024,manufacturing,climate_change,60,kgCO2e/device,50,100,triangular,estimate,t,
device.tablet,GLO,2024,manufacturing,climate_change,90,kgCO2e/device,50,100,triangular,estimate,t,
device.desktop_with_monitor,GLO,2024,manufacturing,climate_change,300,kgCO2e/device,200,400,triangular,estimate,t,
device.server,GLO,2024,manufacturing,climate_change,1000,kgCO2e/device,500,1500,triangular,estimate,t,
"""
EXTRA_PARAMETERS = """\
device.smartphone.lifetime,GLO,2024,2,year,2,3,triangular,estimate,t,
device.smartphone.daily_use,GLO,2024,3,hour/day,2,6,triangular,estimate,t,
device.smartphone.power,GLO,2024,5,W,2,6,triangular,estimate,t,
device.tablet.lifetime,GLO,2024,3,year,2,4,triangular,estimate,t,
device.tablet.daily_use,GLO,2024,2,hour/day,1,3,triangular,estimate,t,
device.tablet.power,GLO,2024,10,W,5,20,triangular,estimate,t,
device.desktop_with_monitor.lifetime,GLO,2024,6,year,5,7,triangular,estimate,t,
device.desktop_with_monitor.daily_use,GLO,2024,4,hour/day,2,6,triangular,estimate,t,
device.desktop_with_monitor.power,GLO,2024,100,W,50,150,triangular,estimate,t,
device.server.lifetime,GLO,2024,5,year,3,7,triangular,estimate,t,
device.server.daily_use,GLO,2024,24,hour/day,12,24,triangular,estimate,t,
device.server.power,GLO,2024,400,W,100,900,triangular,estimate,t,
dc.web.energy,GLO,2024,50,Wh/GB,2,120,triangular,estimate,t,
"""


@pytest.fixture(scope="module")
def reg(tmp_path_factory):
    """tiny-2026 plus the rows above."""
    from footprint.factors import FactorRegistry, read_dataset

    folder = tmp_path_factory.mktemp("web") / "tiny-2026"
    shutil.copytree(TINY, folder)
    with open(folder / "factors.csv", "a") as fh:
        fh.write(EXTRA_FACTORS)
    with open(folder / "parameters.csv", "a") as fh:
        fh.write(EXTRA_PARAMETERS)
    return FactorRegistry([read_dataset(folder)])


BASE = {"name": "Site", "kind": "website", "visits_per_year": 100_000, "pages_per_visit": 2,
        "page_weight": "1 MB", "requests": 50, "nodes": 400, "time_on_page": "1 min",
        "return_visit_share": 0.5, "cached_share": 0.8,
        "device_mix": {"smartphone": 0.5, "laptop": 0.5},
        "network_mix": {"fixed": 0.75, "mobile": 0.25}}


def project(*services, allocation=None, period=None):
    data = {"name": "P", "audience_country": "FR", "hosting_country": "FR",
            "services": list(services)}
    if allocation:
        data["options"] = {"allocation": allocation}
    if period:
        data["reporting_period"] = period
    return parse_project(data)


def qty(result, quantity, service="Site"):
    q = result.quantities
    sel = q[(q["service"] == service) & (q["quantity"] == quantity)]
    assert len(sel) == 1, quantity
    return float(sel["value"].iloc[0])


def test_french_calibrated_by_hand(reg):
    r = footprint.assess(project(BASE), reg)
    # 100,000 visits × 2 pages = 200,000 views × 60 s = 3,333.3 h, half on each device
    h = 200_000 * 60 / 3600 / 2
    phone = h / (2 * 365 * 3) * 60 + 5 * h / 1000 * 0.05       # share × 60 kg + 5 W
    laptop = h / (5 * 365 * 4) * 212 + 25 * h / 1000 * 0.05    # share × 212 kg + 25 W
    # data: 200,000 × 1,000 kB × (1 − 0.5 × 0.8) = 120 GB; 90 GB fixed, 30 GB mobile
    network = 90 * 10 / 1000 + 30 * 20 / 1000
    dc = 120 * 50 / 1000 * 0.05                                # 50 Wh/GB, no PUE on top
    hosting = 120 * 5 / 1000                                   # manufacture, 5 g/GB
    assert cc(r) == pytest.approx(phone + laptop + network + dc + hosting, rel=1e-12)
    assert r.by_tier()["networks"] == pytest.approx(1.5)
    assert r.by_tier()["data_centres"] == pytest.approx(0.3 + 0.6)
    assert r.breakdown(("stage", "tier")).loc["manufacturing", "data_centres"] == \
        pytest.approx(0.6)
    assert qty(r, "data transferred") == pytest.approx(120.0)
    assert qty(r, "device hours (smartphone)") == pytest.approx(h)
    assert qty(r, "device hours (tablet)") == 0
    assert r.electricity().m_as("kWh") == pytest.approx(5 * h / 1000 + 25 * h / 1000 + 6)
    src = r.quantities.set_index("quantity")["source"]
    assert "dc.web.energy" in src["serving energy per GB"]
    # an entered serving energy replaces the dataset's: 2 Wh/GB → 120 × 2 Wh × 0.05 kg
    r2 = footprint.assess(project({**BASE, "serving_energy": "2 Wh/GB"}), reg)
    assert r2.by_tier()["data_centres"] == pytest.approx(0.012 + 0.6)
    assert qty(r2, "serving energy per GB") == 2


#: January to March 2025: 90 days, 90/365 = 0.2466 of a year (about a quarter).
QUARTER = {"start": "2025-01-01", "end": "2025-03-31"}


def test_reporting_period_scales_the_yearly_traffic(reg):
    # visits_per_year is per year: over 90 days, 100,000 × 90/365 = 24,657.5 visits.
    f = 90 / 365
    r = footprint.assess(project(BASE, period=QUARTER), reg)
    h = 200_000 * f * 60 / 3600 / 2                            # 821.9 h on each device
    phone = h / (2 * 365 * 3) * 60 + 5 * h / 1000 * 0.05
    laptop = h / (5 * 365 * 4) * 212 + 25 * h / 1000 * 0.05
    gb = 120 * f                                               # 29.59 GB
    network = gb * 0.75 * 10 / 1000 + gb * 0.25 * 20 / 1000
    dc = gb * 50 / 1000 * 0.05 + gb * 5 / 1000                 # use + manufacture
    assert cc(r) == pytest.approx(phone + laptop + network + dc, rel=1e-12)
    assert qty(r, "visits") == pytest.approx(100_000 * f)
    assert qty(r, "data transferred") == pytest.approx(gb)
    # every row is the year's row × 90/365, i.e. about a quarter of it
    year = footprint.assess(project(BASE), reg)
    assert list(r.inventory["amount"]) == pytest.approx(list(year.inventory["amount"] * f),
                                                        rel=1e-12)
    assert cc(r) / cc(year) == pytest.approx(0.25, abs=0.004)
    q = r.quantities.set_index("quantity")
    assert q.loc["reporting basis", "value"] == pytest.approx(f)
    assert (q.loc["reporting basis", "unit"], q.loc["reporting basis", "source"]) == \
        ("year", "reporting period")
    # without a period: one year, as before
    q = year.quantities.set_index("quantity")
    assert q.loc["reporting basis", "value"] == 1
    assert q.loc["reporting basis", "source"] == "one year (no reporting period given)"


def test_reporting_period_scales_dedicated_servers(reg):
    # 2 servers running 8,760 h a year, over 90 days: 2 × 8,760 × 90/365 = 4,320 h;
    # manufacture 4,320 / (5 × 365 × 24) × 1,000 kg = 98.63 kg; electricity 400 W ×
    # 4,320 h × PUE 1.5 = 2,592 kWh × 0.05 = 129.6 kg.
    r = footprint.assess(project({**BASE, "hosting": "dedicated", "servers": 2},
                                 period=QUARTER), reg)
    hours = 2 * 8760 * 90 / 365
    kwh = 400 * hours / 1000 * 1.5
    assert r.by_tier()["data_centres"] == pytest.approx(hours / 43_800 * 1000 + kwh * 0.05)
    assert qty(r, "data-centre electricity") == pytest.approx(kwh)


def test_calendar_time_allocation(reg):
    r = footprint.assess(project(BASE, allocation="calendar_time"), reg)
    h = 200_000 * 60 / 3600 / 2
    phone = h / (2 * 8760) * 60 + 5 * h / 1000 * 0.05
    laptop = h / (5 * 8760) * 212 + 25 * h / 1000 * 0.05
    assert cc(r) == pytest.approx(phone + laptop + 1.5 + 0.3 + 0.6, rel=1e-12)


def test_dedicated_hosting_counts_whole_servers(reg):
    svc = {**BASE, "hosting": "dedicated", "servers": 2}
    r = footprint.assess(project(svc), reg)
    # 2 × 8,760 h: manufacture share 17,520 / (5 × 365 × 24) = 0.4 × 1,000 kg = 400 kg;
    # electricity 400 W × 17,520 h × PUE 1.5 = 10,512 kWh × 0.05 = 525.6 kg
    assert r.by_tier()["data_centres"] == pytest.approx(400 + 525.6)
    assert qty(r, "data-centre electricity") == pytest.approx(10_512)
    assert qty(r, "PUE") == 1.5
    ours = footprint.assess(project({**svc, "server_power": "200 W", "pue": 1.2}), reg)
    assert ours.by_tier()["data_centres"] == pytest.approx(400 + 200 * 17_520 / 1000 * 1.2 * 0.05)


def test_green_share_does_not_change_the_location_based_figure(reg):
    grey = footprint.assess(project(BASE), reg)
    green = footprint.assess(project({**BASE, "green_share": 1.0}), reg)
    assert cc(green) == pytest.approx(cc(grey))
    assert qty(green, "method.swd_v4") < qty(grey, "method.swd_v4")


def test_page_profiles_average_the_weight(reg):
    pages = [{"name": "home", "share": 0.25, "size": "3 MB", "requests": 90, "nodes": 900},
             {"name": "record", "share": 0.75, "size": "200 kB", "requests": 20, "nodes": 300}]
    svc = {k: v for k, v in BASE.items() if k not in ("page_weight", "requests", "nodes")}
    r = footprint.assess(project({**svc, "pages": pages}), reg)
    assert qty(r, "page weight") == pytest.approx(0.25 * 3000 + 0.75 * 200)
    assert qty(r, "data transferred") == pytest.approx(200_000 * 900e-6 * 0.6)
    eco = ecoindex.compute([900, 300], [90, 20], [3000, 200]).ghg_gco2e
    assert qty(r, "method.ecoindex.per_visit") == pytest.approx(2 * (0.25 * eco[0] + 0.75 * eco[1]))
    v4 = [swd.per_visit(b, version=4, return_visit_share=0.5, data_reload_ratio=0.2).total_gco2e
          for b in (3e6, 2e5)]
    assert qty(r, "method.swd_v4.per_visit") == pytest.approx(2 * (0.25 * v4[0] + 0.75 * v4[1]),
                                                              rel=1e-12)


def test_autoplay_off_removes_its_media_from_every_page(reg):
    # 1 MB pages of which 750 kB autoplaying video: on, nothing changes; off, 250 kB pages:
    # data 200,000 × 250 kB × (1 − 0.5 × 0.8) = 30 GB instead of 120 (devices unchanged)
    on = footprint.assess(project({**BASE, "autoplay_kb": "750 kB"}), reg)
    assert cc(on) == pytest.approx(cc(footprint.assess(project(BASE), reg)))
    off = footprint.assess(project({**BASE, "autoplay_kb": "750 kB", "autoplay": False}), reg)
    assert qty(off, "page weight") == pytest.approx(250)
    assert qty(off, "data transferred") == pytest.approx(30.0)
    # networks 22.5 GB × 10 g + 7.5 GB × 20 g = 0.375 kg; serving 30 × 50 Wh × 0.05 kg/kWh
    # = 0.075 kg; hosting manufacture 30 × 5 g = 0.15 kg
    assert off.by_tier()["networks"] == pytest.approx(0.375)
    assert off.by_tier()["data_centres"] == pytest.approx(0.075 + 0.15)
    # profiles: the autoplay weight leaves each page, never below 0
    pages = [{"name": "home", "share": 0.5, "size": "3 MB"},
             {"name": "record", "share": 0.5, "size": "200 kB"}]
    svc = {k: v for k, v in BASE.items() if k not in ("page_weight", "requests", "nodes")}
    prof = footprint.assess(project({**svc, "pages": pages, "autoplay_kb": "500 kB",
                                     "autoplay": False}), reg)
    assert qty(prof, "page weight") == pytest.approx(0.5 * 2500 + 0.5 * 0)


@pytest.mark.parametrize("green", [0.0, 0.4, 1.0])
def test_method_rows_equal_direct_calls(reg, green):
    r = footprint.assess(project({**BASE, "green_share": green}), reg)
    v4 = swd.per_visit(1e6, version=4, green_hosting_factor=green, return_visit_share=0.5,
                       data_reload_ratio=0.2).total_gco2e
    v3 = swd.per_visit(1e6, version=3, green_hosting_factor=1.0 if green == 1 else 0.0,
                       return_visit_share=0.5, data_reload_ratio=0.2).total_gco2e
    eco = ecoindex.compute(400, 50, 1000).ghg_gco2e
    for method, per_page in (("swd_v4", v4), ("swd_v3", v3), ("ecoindex", eco)):
        assert qty(r, f"method.{method}.per_visit") == pytest.approx(2 * per_page, rel=1e-12)
        assert qty(r, f"method.{method}") == pytest.approx(2 * per_page * 100_000 / 1000,
                                                           rel=1e-12)
    q = r.quantities.set_index("quantity")
    assert q.loc["method.swd_v4", "unit"] == "kgCO2e"  # over the reporting period
    assert q.loc["method.swd_v4.per_visit", "unit"] == "gCO2e/visit"
    assert "Sustainable Web Design v4" in q.loc["method.swd_v4", "source"]
    assert "Sustainable Web Design v3" in q.loc["method.swd_v3", "source"]
    assert "Ecoindex — ecoindex.fr (CC BY-NC-ND)" in q.loc["method.ecoindex", "source"]
    # information only: not inventory rows, so not in the totals
    assert not r.inventory["factor_code"].str.contains("method").any()


def test_published_worked_values(reg):
    # CO2.js 0.19.0 worked numbers (shared/research/co2js.md §2.1-2.2): 1 GB → SWD v4
    # 148.2 g (no caching), SWD v3 perVisit 289.226457 g (25 % return visits, 2 % reloaded).
    one_gb = {**BASE, "visits_per_year": 1, "pages_per_visit": 1, "page_weight": "1 GB",
              "return_visit_share": 0.0}
    assert qty(footprint.assess(project(one_gb), reg), "method.swd_v4.per_visit") == \
        pytest.approx(148.2, rel=1e-12)
    v3 = {**one_gb, "return_visit_share": 0.25, "cached_share": 0.98}
    assert qty(footprint.assess(project(v3), reg), "method.swd_v3.per_visit") == \
        pytest.approx(289.226457, rel=1e-9)
    # Ecoindex worked example (ecoindex-compute 5.10.0, shared/research/ecoindex.md §2.5):
    # 100 nodes, 100 requests, 100 kB → score 72, 1.56 gCO2e per page view
    eco = {**one_gb, "page_weight": "100 kB", "requests": 100, "nodes": 100}
    assert qty(footprint.assess(project(eco), reg), "method.ecoindex.per_visit") == 1.56


def test_defaults_are_named_and_resolved(reg):
    svc = {"name": "Site", "kind": "website", "visits_per_year": 1000}
    r = footprint.assess(project(svc), reg)
    assert qty(r, "page weight") == ecoindex.MEDIANS["size_kb"]
    assert qty(r, "time on page") == 54
    src = r.quantities.set_index("quantity")["source"]
    assert "Ecoindex reference median" in src["page weight"]
    assert "estimate" in src["pages per visit"]
    assert "StatCounter" in src["device hours (laptop)"]
    assert "Contentsquare" in src["time on page"]


def test_many_services_in_one_call(reg):
    a = {**BASE, "name": "A"}
    b = {**BASE, "name": "B", "visits_per_year": 300_000, "green_share": 1.0}
    both = footprint.assess(project(a, b), reg)
    alone = footprint.assess(project(b), reg)
    assert both.by_service()["B"] == pytest.approx(cc(alone))
    assert qty(both, "method.swd_v4", "B") == pytest.approx(qty(alone, "method.swd_v4", "B"))
    assert qty(both, "method.swd_v4", "A") > qty(both, "method.swd_v4", "B") / 3


@pytest.mark.parametrize("change, path, words", [
    ({"device_mix": {"smartphone": 0.5, "laptop": 0.4}}, "services[0].device_mix", "sum to 1"),
    ({"network_mix": {"fixed": 1.2}}, "services[0].network_mix.fixed", "less than or equal"),
    ({"visits_per_year": -5}, "services[0].visits_per_year", "greater than or equal"),
    ({"page_weight": "3 kg"}, "services[0].page_weight", "kB-like"),
    ({"time_on_page": "2 GB"}, "services[0].time_on_page", "second"),
    ({"pages": [{"name": "a", "share": 1, "size": "1 MB"}]}, "services[0]", "not both"),
    ({"servers": 3}, "services[0]", "dedicated"),
    ({"pue": 1.4}, "services[0]", "dedicated"),
    ({"hosting": "vps"}, "services[0].hosting", "shared"),
    ({"device_mix": {"phablet": 1}}, "services[0].device_mix.phablet", "unknown field"),
])
def test_validation_errors_name_the_path(change, path, words):
    with pytest.raises(footprint.ProjectError) as exc:
        project({**BASE, **change})
    assert exc.value.path == path
    assert words in str(exc.value)


def test_page_shares_must_sum_to_one():
    svc = {k: v for k, v in BASE.items() if k not in ("page_weight", "requests", "nodes")}
    pages = [{"name": "a", "share": 0.5, "size": "1 MB"}, {"name": "b", "share": 0.3,
                                                           "size": "2 MB"}]
    with pytest.raises(footprint.ProjectError) as exc:
        project({**svc, "pages": pages})
    assert exc.value.path == "services[0]" and "pages[*].share must sum to 1" in str(exc.value)


def test_bundled_sample_assesses(bundled):
    from footprint.files import read_project

    r = footprint.assess(read_project(SAMPLE), bundled)
    assert cc(r) > 0
    assert_climate_covered(r)
    q = r.quantities
    methods = q[q["quantity"].str.startswith("method.")]
    assert len(methods) == 6 * q[q["quantity"] == "visits"].shape[0]
    assert (methods["value"] > 0).all()
