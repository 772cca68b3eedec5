"""digitisation_campaign: kernels (file sizes, TB-years with growth, capture hours, OCR),
a hand-computed campaign on round-number factors (tests/venue_factors.py), published
values of the factors dossier on the bundled data, and validation paths."""

from __future__ import annotations

import numpy as np
import pytest

import footprint
from footprint import ProjectError, parse_project
from footprint.archetypes import _digitisation_kernels as k
from tests.helpers import cc, quantity

from .venue_factors import venue_registry


@pytest.fixture(scope="module")
def reg(tmp_path_factory):
    return venue_registry(tmp_path_factory.mktemp("venue") / "venue-test-2026")


def project(service, allocation=None, **fields):
    data = {"name": "P", "services": [{"name": "Fonds", "kind": "digitisation_campaign",
                                       **service}], **fields}
    if allocation:
        data["options"] = {"allocation": allocation}
    return parse_project(data)


def impact(result, component=None, factor=None):
    t = result.table[result.table["indicator"] == "climate_change"]
    if component is not None:
        t = t[t["component"] == component]
    if factor is not None:
        t = t[t["factor_code"] == factor]
    return float(t["impact"].sum())


# -- kernels ---------------------------------------------------------------------------

def test_raster_sizes_match_the_dossier_table():
    """Factors dossier §7.1 (formula of AIIM / Kofax / Library of Congress): A4 at 400 ppi
    RGB 24-bit = 46.4 MB; A3 at 600 ppi 48-bit = 417.6 MB; 35 mm at 4,000 ppi = 64.3 MB."""
    a4 = (210 / 25.4, 297 / 25.4)
    assert k.raster_mb(*a4, 400, 24) == pytest.approx(46.4, abs=0.05)
    assert k.raster_mb(297 / 25.4, 420 / 25.4, 600, 48) == pytest.approx(417.6, abs=0.1)
    assert k.raster_mb(36 / 25.4, 24 / 25.4, 4000, 24) == pytest.approx(64.3, abs=0.05)
    # by hand: 10 in × 10 in at 100 ppi = 1,000 × 1,000 pixels × 1 byte (8-bit) = 1 MB
    assert k.raster_mb(10, 10, 100, 8) == pytest.approx(1.0)


def test_tb_years_with_growth():
    # 10 TB growing 10 %/year over 3 years: 10 + 11 + 12.1 = 33.1 TB-years
    assert k.tb_years(10, 3, 0.1) == pytest.approx(33.1)
    # no growth: V × N
    assert k.tb_years(np.array([2.0, 5.0]), np.array([10, 4]), 0.0) == pytest.approx([20, 20])
    # 1 TB, 5 %/year, 10 years: (1.05^10 − 1) / 0.05 = 12.5779
    assert k.tb_years(1, 10, 0.05) == pytest.approx(12.577893, rel=1e-6)


def test_capture_hours_and_ocr():
    # 250,000 pages at 125 pages/h = 2,000 h
    assert k.capture_hours(250_000, 125) == pytest.approx(2000)
    # Dossier §7.3: 1,500 pages per core-hour at 4 W → 2.7 mWh per page; 1 M pages 2.67 kWh
    assert k.compute_kwh(1e6, 1500, 4) == pytest.approx(2.6667, rel=1e-4)
    # HDD 0.65 Wh/TB/h → 5.69 kWh per TB-year before PUE (CCF, dossier §4.4)
    assert k.storage_kwh(1, 0.65, 1) == pytest.approx(5.694)
    # ADEME's e-mail storage rule: size × redundancy ÷ fill rate 50 % → 3 × 2 = 6 raw
    assert k.raw_tb_years(3, 1.0, 0.5) == pytest.approx(6)


# -- a campaign by hand ------------------------------------------------------------------

PAGES = {"type": "page", "count": 1000, "items_per_hour": 100, "master_mb": 50}
STORAGE = {"years": 10}


def test_pages_capture_processing_storage(reg):
    # Capture: 1,000 / 100 = 10 h × 200 W = 2 kWh → 0.1 kg; the station (480 kg, 6 yr,
    #   6 h/day) by use: 10 / (6 × 365 × 6) = 1/1314 → 0.365297 kg.
    # OCR (pages by default): 1,000 / 1,500 core-h × 4 W = 2.667 Wh × PUE 1.5 = 4 Wh → 0.0002 kg.
    # Storage system: 1,000 × 50 MB = 0.05 TB × 10 years = 0.5 usable TB-year per copy;
    #   default copies 2 HDD + 1 tape. HDD: 1.0 usable TB-yr × redundancy 1.25 ÷ fill 0.5
    #   = 2.5 raw TB-yr; 2.5 × 0.5 Wh/TB/h × 8,760 h × PUE 1.5 = 16.425 kWh → 0.82125 kg,
    #   embodied 2.5 × 2 = 5 kg. Tape (no parity, written full): 0.5 × 0.02 × 8.76 × 1.5
    #   = 0.1314 kWh → 0.00657 kg, embodied 0.5 × 0.2 = 0.1 kg.
    r = footprint.assess(project({"items": [PAGES], "storage": STORAGE}), reg)
    assert quantity(r, "capture hours: page") == pytest.approx(10)
    assert impact(r, "capture station") == pytest.approx(480 / 1314)
    assert impact(r, "OCR") == pytest.approx(0.004 * 0.05)
    assert quantity(r, "TB-years (one copy)") == pytest.approx(0.5)
    assert quantity(r, "TB-years on hdd") == pytest.approx(1.0)
    assert quantity(r, "raw TB-years on hdd") == pytest.approx(2.5)
    assert quantity(r, "raw TB-years on tape") == pytest.approx(0.5)
    assert impact(r, "storage: hdd") == pytest.approx(16.425 * 0.05 + 5)
    assert impact(r, "storage: tape") == pytest.approx(0.1314 * 0.05 + 0.1)
    total = 0.1 + 480 / 1314 + 0.0002 + 16.425 * 0.05 + 5 + 0.1314 * 0.05 + 0.1
    assert cc(r) == pytest.approx(total)
    # calendar time: the station's 10 h over 6 × 8,760 h
    r2 = footprint.assess(project({"items": [PAGES], "storage": STORAGE},
                                  allocation="calendar_time"), reg)
    assert impact(r2, "capture station") == pytest.approx(480 * 10 / 52_560)


def test_storage_system_fill_rate_and_redundancy_entered(reg):
    # a fuller system with mirroring: 1.0 usable TB-yr × 2 ÷ 0.8 = 2.5 raw TB-yr (same as the
    # defaults' 1.25 ÷ 0.5); a system used to the brim without parity: 1.0 raw TB-yr
    full = {**STORAGE, "fill_rate": 0.8, "redundancy": 2}
    r = footprint.assess(project({"items": [PAGES], "storage": full}), reg)
    assert quantity(r, "raw TB-years on hdd") == pytest.approx(2.5)
    bare = {**STORAGE, "fill_rate": 1, "redundancy": 1}
    r = footprint.assess(project({"items": [PAGES], "storage": bare}), reg)
    assert quantity(r, "raw TB-years on hdd") == pytest.approx(1.0)
    assert impact(r, "storage: hdd") == pytest.approx(1.0 * 0.5 * 8.76 * 1.5 * 0.05 + 2)
    with pytest.raises(ProjectError, match="fill_rate"):
        footprint.assess(project({"items": [PAGES], "storage": {**STORAGE, "fill_rate": 0}}),
                         reg)


def test_storage_growth_ssd_country_and_pue(reg):
    # 0.05 TB growing 10 %/year over 3 years: 0.05 × 3.31 = 0.1655 TB-yr; one SSD copy in
    # Germany: × 1.25 ÷ 0.5 = 0.41375 raw TB-yr; PUE: no DE value → GLO 2: 0.41375 × 1
    # Wh/TB/h × 8.76 × 2 = 7.2489 kWh × 0.4 kg = 2.89956 kg; embodied 0.41375 × 20 = 8.275 kg.
    st = {"years": 3, "yearly_growth": 0.1, "copies": [{"media": "ssd", "country": "DE"}]}
    r = footprint.assess(project({"items": [PAGES], "storage": st}), reg)
    assert quantity(r, "TB-years (one copy)") == pytest.approx(0.1655)
    assert impact(r, "storage: ssd") == pytest.approx(0.41375 * 8.76 * 2 * 0.4 + 8.275)
    # an entered PUE replaces the dataset's
    st2 = {**st, "pue": 1.2}
    r2 = footprint.assess(project({"items": [PAGES], "storage": st2}), reg)
    assert impact(r2, "storage: ssd") == pytest.approx(0.41375 * 8.76 * 1.2 * 0.4 + 8.275)


def test_copies_without_derivatives_kernel():
    # service 0: copies 2 + 1, derivatives in the first one only → 1 and 1 without;
    # service 1 (every copy): none without
    assert k.copies_without_derivatives([0, 0, 1], [2, 1, 3], [1, np.inf]) == \
        pytest.approx([1, 1, 0])
    # derivatives in two copies of 1 + 2 + 1: the first entry and one of the second hold them
    assert k.copies_without_derivatives([0, 0, 0], [1, 2, 1], [2]) == pytest.approx([0, 1, 1])


def test_derivative_copies_and_growth_dedup(reg):
    # 1,000 pages of 50 MB masters + 10 MB derivatives = 0.06 TB (0.01 TB of derivatives),
    # 10 years, 2 copies on HDD + 1 on tape: 0.6 TB-years per copy. Derivatives in the
    # first copy only: HDD 2 × 0.6 − 1 × 0.1 = 1.1 TB-years, tape 0.6 − 0.1 = 0.5.
    pages = {**PAGES, "derivatives": [{"format": "jpeg", "size_mb": 10}]}
    copies = [{"media": "hdd", "count": 2}, {"media": "tape", "count": 1}]
    r = footprint.assess(project({"items": [pages], "storage": {
        "years": 10, "copies": copies, "derivative_copies": 1}}), reg)
    assert quantity(r, "TB-years on hdd") == pytest.approx(1.1)
    assert quantity(r, "TB-years on tape") == pytest.approx(0.5)
    full = footprint.assess(project({"items": [pages], "storage": {
        "years": 10, "copies": copies}}), reg)
    assert quantity(full, "TB-years on hdd") == pytest.approx(1.2)
    # growth 10 %/year over 3 years, deduplicated 2:1 → 5 %/year: 0.06 × (1 + 1.05 +
    # 1.1025) = 0.18915 TB-years per copy
    grow = footprint.assess(project({"items": [pages], "storage": {
        "years": 3, "yearly_growth": 0.1, "growth_dedup_ratio": 2, "copies": copies}}), reg)
    assert quantity(grow, "TB-years (one copy)") == pytest.approx(0.18915)


def test_bundled_storage_system_per_usable_tb_year(bundled):
    """One usable TB kept one year on one HDD copy in France, by hand with the bundled
    data: raw = 1 × 1.2 (RAID 6, 10 + 2) ÷ 0.5 (ADEME fill rate) = 2.4 TB-yr; electricity
    = 2.4 × 2.164 Wh/TB/h (Boavizta platform_hddstorage_high, 727 W / 336 TB) × 8,760 h ×
    1.46 (Arcep PUE) = 66.42 kWh × 0.0519 = 3.447 kg; embodied 2.4 × 1.9 = 4.56 kg."""
    item = {"type": "page", "count": 1, "master_mb": 1e6}
    st = {"years": 1, "copies": [{"media": "hdd"}]}
    r = footprint.assess(project({"items": [item], "storage": st}), bundled)
    kwh = 2.4 * 2.164 * 8.76 * 1.46
    assert quantity(r, "storage electricity, hdd") == pytest.approx(kwh)
    assert impact(r, "storage: hdd") == pytest.approx(kwh * 0.0519 + 2.4 * 1.9)


def test_file_sizes_by_format(reg):
    # A4 400 ppi 24-bit = 46.4034 MB uncompressed: JPEG 2000 lossless master at the 2:1
    # rule of thumb (an unsourced estimate) = 23.2017 MB; derivatives: a JPEG (1:100) at
    # half scale = 46.4034 × 0.25 / 100 = 0.116 MB and a 2 MB given size.
    raw = k.raster_mb(210 / 25.4, 297 / 25.4, 400, 24)
    item = {"type": "page", "count": 10, "master_format": "jpeg2000_lossless",
            "derivatives": [{"format": "jpeg", "scale": 0.5}, {"size_mb": 2}]}
    r = footprint.assess(project({"items": [item], "storage": STORAGE}), reg)
    assert quantity(r, "master size per item: page") == pytest.approx(raw / 2)
    assert quantity(r, "derivatives per item: page") == pytest.approx(raw * 0.25 / 100 + 2)
    assert quantity(r, "stored volume (first year)") == pytest.approx(
        10 * (raw / 2 + raw / 400 + 2) / 1e6)
    q = r.quantities
    src = q.loc[q["quantity"] == "master size per item: page", "source"].iloc[0]
    assert src.startswith("estimate:") and "unsourced" in src
    # derivatives processing (IT, before PUE): 10 items × 2 derivatives × 2 core-s
    # = 40 core-s × 4 W = 0.0444 Wh
    assert quantity(r, "derivatives electricity (IT)") == pytest.approx(40 / 3600 * 4 / 1000)


def test_objects_in_3d_and_maps(reg):
    # 10 objects: 100 photos × 50 MB + 100 MB mesh = 5,100 MB each → 0.051 TB;
    # photogrammetry default 1 kWh each (estimate) → 10 kWh × PUE 1.5 → 0.75 kg;
    # capture at 0.5 object/h (estimate) = 20 h × 200 W = 4 kWh.
    obj = {"type": "object_3d", "count": 10, "photos_per_item": 100, "mb_per_photo": 50,
           "mesh_mb": 100}
    r = footprint.assess(project({"items": [obj], "storage": STORAGE}), reg)
    assert quantity(r, "stored volume (first year)") == pytest.approx(0.051)
    assert impact(r, "photogrammetry") == pytest.approx(10 * 1.5 * 0.05)
    assert quantity(r, "capture hours: object_3d") == pytest.approx(20)
    assert quantity(r, "OCR pages") == 0
    # a measured total replaces the per-object estimate; processing on site: no PUE
    r2 = footprint.assess(project({"items": [obj], "storage": STORAGE, "processing": {
        "photogrammetry_kwh": 3, "location": "onsite"}}), reg)
    assert impact(r2, "photogrammetry") == pytest.approx(3 * 0.05)
    assert set(r2.inventory.loc[r2.inventory["component"] == "photogrammetry", "tier"]) == \
        {"onsite"}


def test_dissemination(reg):
    # 1,000 views/yr × 10 years × 5 MB = 50 GB: 40 GB fixed × 10 g + 10 GB mobile × 20 g
    # = 0.6 kg; image servers (web serving, dc.web.energy 40 Wh/GB, facility included: no
    # PUE) 50 × 40 Wh = 2 kWh → 0.1 kg, and their manufacture per GB served (dc.web.embodied
    # 5 g/GB, as shared web hosting) 50 × 5 g = 0.25 kg. Devices: 10,000 views × 3 min =
    # 500 h of laptop: 500 / (5 × 365 × 4) × 200 = 13.6986 kg + 12.5 kWh → 0.625 kg.
    base = {"items": [PAGES], "storage": STORAGE}
    d = {"views_per_year": 1000, "mb_per_view": 5, "minutes_per_view": 3}
    r0 = footprint.assess(project(base), reg)
    r = footprint.assess(project({**base, "dissemination": d}), reg)
    assert cc(r) - cc(r0) == pytest.approx(0.6 + 0.1 + 0.25 + 500 / 7300 * 200 + 0.625)
    assert impact(r, "image servers (manufacture, per GB)") == pytest.approx(0.25)
    assert r.by_tier()["networks"] == pytest.approx(0.6)
    assert quantity(r, "serving electricity") == pytest.approx(2)
    q = r.quantities.set_index("quantity")
    assert "dc.web.energy" in q.loc["serving energy per GB (facility included)", "source"]
    r2 = footprint.assess(project({**base, "dissemination": {**d, "minutes_per_view": None}}),
                          reg)
    assert "user_devices" not in r2.by_tier().index


def test_bundled_plausibility(bundled):
    """A 250,000-page fonds on the bundled data: OCR is negligible next to capture and
    storage (dossier §7.3), and a tape TB-year is far below an HDD TB-year (§4.4)."""
    service = {"items": [{"type": "page", "count": 250_000}],
               "storage": {"years": 10}}
    r = footprint.assess(project(service), bundled)
    ocr = impact(r, "OCR")
    assert ocr < 0.01 * impact(r, "storage: hdd")
    assert ocr < 0.01 * (impact(r, "capture: page") + impact(r, "capture station"))
    assert impact(r, "storage: tape") < 0.2 * impact(r, "storage: hdd") / 2
    assert quantity(r, "capture station power") == pytest.approx(220)


@pytest.mark.parametrize(("service", "path", "words"), [
    ({"items": [PAGES]}, "services[0].storage", "required"),
    ({"items": [], "storage": STORAGE}, "services[0].items", "at least 1"),
    ({"items": [{"type": "object_3d", "count": 1, "ppi": 400}], "storage": STORAGE},
     "services[0].items[0]", "ppi apply only to raster masters"),
    ({"items": [{"type": "page", "count": 1, "photos_per_item": 90}], "storage": STORAGE},
     "services[0].items[0]", "photos_per_item apply only to objects in 3D"),
    ({"items": [{"type": "object_3d", "count": 1, "derivatives": [{"format": "jpeg"}]}],
      "storage": STORAGE}, "services[0].items[0]", "derivatives[0].size_mb is required"),
    ({"items": [{"type": "page", "count": 1, "bit_depth": 12}], "storage": STORAGE},
     "services[0].items[0].bit_depth", "24"),
    ({"items": [{"type": "page", "count": 1, "width": "3 GB"}], "storage": STORAGE},
     "services[0].items[0].width", "inch"),
    ({"items": [PAGES], "storage": {"years": 10, "copies": []}},
     "services[0].storage.copies", "at least 1"),
    ({"items": [PAGES], "storage": {"years": 10, "copies": [{"media": "cloud"}]}},
     "services[0].storage.copies[0].media", "tape"),
    ({"items": [PAGES], "storage": STORAGE, "dissemination": {
        "views_per_year": 1, "mb_per_view": 1, "network_mix": {"fixed": 0.9}}},
     "services[0].dissemination.network_mix", "network_mix shares must sum to 1, got 0.9"),
])
def test_validation_errors_name_the_path(service, path, words):
    with pytest.raises(ProjectError) as exc:
        project(service)
    assert exc.value.path == path
    assert words in str(exc.value)


def test_several_campaigns_in_one_project(reg):
    # Two campaigns built in one call: the second hosted in Germany (electricity 0.4 kg,
    # PUE: GLO 2). Each keeps its own figures.
    data = {"name": "P", "services": [
        {"name": "A", "kind": "digitisation_campaign", "items": [PAGES], "storage": STORAGE},
        {"name": "B", "kind": "digitisation_campaign", "hosting_country": "DE",
         "items": [{**PAGES, "count": 2000}], "storage": {"years": 5,
                                                          "copies": [{"media": "hdd"}]}}]}
    r = footprint.assess(parse_project(data), reg)
    by = r.by_service()
    a = footprint.assess(project({"items": [PAGES], "storage": STORAGE}), reg)
    assert by["A"] == pytest.approx(cc(a))
    # B: 0.1 TB × 5 yr = 0.5 usable TB-yr on HDD × 1.25 ÷ 0.5 = 1.25 raw TB-yr:
    # 1.25 × 0.5 × 8.76 × 2 = 10.95 kWh × 0.4 + 1.25 × 2 kg;
    # OCR 2,000 / 1,500 × 4 W × 2 = 10.667 Wh × 0.4; capture 20 h × 200 W = 4 kWh × 0.05
    # (the station is in the venue, FR) + 480 × 20 / 13,140.
    expected_b = (10.95 * 0.4 + 2.5 + 2000 / 1500 * 4 * 2 / 1000 * 0.4 + 4 * 0.05
                  + 480 * 20 / 13140)
    assert by["B"] == pytest.approx(expected_b)


def test_capture_in_the_venue_dissemination_with_the_audience(reg):
    # Venue in Germany (0.4 kg/kWh), audience and hosting in France: capture 10 h × 200 W
    # = 2 kWh × 0.4 = 0.8 kg instead of 0.1 kg; OCR on site in the venue (no PUE):
    # 2.667 Wh × 0.4; online viewing over French networks as before (0.6 kg).
    base = {"items": [PAGES], "storage": STORAGE,
            "dissemination": {"views_per_year": 1000, "mb_per_view": 5}}
    fr = footprint.assess(project(base), reg)
    de = footprint.assess(project(base, venue_country="DE"), reg)
    assert impact(de, "capture: page") == pytest.approx(0.8)
    assert impact(de, "capture: page") - impact(fr, "capture: page") == pytest.approx(0.7)
    assert de.by_tier()["networks"] == pytest.approx(0.6)
    assert set(de.inventory.loc[de.inventory["tier"] == "networks", "region"]) == {"FR"}
    onsite = footprint.assess(project({**base, "processing": {"location": "onsite"}},
                                      venue_country="DE"), reg)
    assert impact(onsite, "OCR") == pytest.approx(1000 / 1500 * 4 / 1000 * 0.4)


def test_campaign_totals_unchanged_by_the_period(reg):
    # items and the campaign's own storage years are totals, whatever the project's period
    base = {"items": [PAGES], "storage": STORAGE,
            "dissemination": {"views_per_year": 1000, "mb_per_view": 5}}
    plain = footprint.assess(project(base), reg)
    quarter = footprint.assess(project(base, reporting_period={"start": "2025-01-01",
                                                               "end": "2025-03-31"}), reg)
    assert cc(quarter) == pytest.approx(cc(plain))
    q = quarter.quantities.set_index("quantity")
    # the figures cover the campaign's own horizon: its storage years here
    assert q.loc["reporting basis", "source"] == \
        "the campaign's own horizon (storage and viewing years)"
    assert q.loc["reporting basis", "value"] == STORAGE["years"]
