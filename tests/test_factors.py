"""Factor datasets and registry: integrity of the bundled data, look-ups, provenance."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from footprint.errors import DatasetError, UnknownFactorError
from footprint.factors import FactorRegistry, read_dataset
from footprint.factors.registry import bundled_path
from footprint.units import conversion_factor
from tests.conftest import TINY


def test_bundled_datasets_are_valid_and_cited(bundled):
    assert len(bundled.datasets) >= 8
    for ds in bundled.datasets.values():
        assert ds.problems() == []
        meta = ds.metadata
        assert meta["id"] == ds.path.name
        for key in ("licence", "attribution", "url", "retrieved", "edition"):
            assert str(meta[key]).strip(), (ds.id, key)
        refs = set(ds.factors["source_ref"]) | set(ds.parameters["source_ref"])
        assert refs <= set(meta["sources"]), ds.id


def test_every_row_has_a_range_containing_its_value(bundled):
    f = bundled.factors
    assert ((f["low"] <= f["value"]) & (f["value"] <= f["high"])).all()
    p = bundled.parameters
    assert ((p["low"] <= p["value"]) & (p["value"] <= p["high"])).all()


def test_estimates_are_labelled_and_explained(bundled):
    est = bundled.factors[bundled.factors["quality"] == "estimate"]
    assert len(est) > 0
    assert (est["note"].str.len() > 40).all()


def test_coverage_required_by_the_calculation_core(bundled):
    countries = {r for r in bundled.factors.query("code == 'electricity' and "
                                                  "indicator == 'climate_change'")["region"]}
    assert {"FR", "EU27", "GLO"} <= countries and len(countries - {"EU27", "GLO"}) >= 30
    for code in ("network.fixed", "network.mobile", "network.fixed_excl_box",
                 "storage.hdd.embodied", "storage.ssd.embodied"):
        assert code in bundled.codes()
    for device in ("smartphone", "tablet", "laptop", "desktop_with_monitor", "tv", "internet_box",
                   "set_top_box", "vr_headset", "pc_vr", "game_console", "projector", "kiosk"):
        assert f"device.{device}" in bundled.codes(), device
        for p in ("lifetime", "daily_use", "power"):
            assert f"device.{device}.{p}" in bundled.parameter_codes(), (device, p)
        stages = set(bundled.factors.query(f"code == 'device.{device}'")["stage"])
        assert "manufacturing" in stages
    for code in ("dc.pue", "dc.video.energy", "network.box.power", "storage.hdd.energy",
                 "storage.ssd.energy", "storage.fill_rate", "storage.redundancy",
                 "network.fixed.energy"):
        assert code in bundled.parameter_codes()


def test_published_values(bundled):
    # ADEME Base Empreinte, Electricité 2024 mix moyen consommation: 0.0519 kgCO2e/kWh
    assert bundled.factor("electricity", region="FR") == pytest.approx(0.0519)
    # Ember via CO2.js 0.19.0: world 472.94 g/kWh, EU 213.02 g/kWh, Germany 342.1 g/kWh
    assert bundled.factor("electricity", region="GLO", unit="gCO2e/kWh") == pytest.approx(472.94)
    assert bundled.factor("electricity", region="EU27", unit="gCO2e/kWh") == pytest.approx(213.02)
    assert bundled.factor("electricity", region="DE", unit="gCO2e/kWh") == pytest.approx(342.1,
                                                                                        abs=0.05)
    # ADEME publicodes-acv-numerique 2.1.0: fixed network FR 9.269 g/GB, mobile 24.684 g/GB
    assert bundled.factor("network.fixed", region="FR", unit="gCO2e/GB") == pytest.approx(9.269)
    assert bundled.factor("network.mobile", region="FR", unit="gCO2e/GB") == pytest.approx(24.684)
    # the same model: laptop non-use life cycle 170 + 12.3 + 2.79 = 185.1 kgCO2e
    assert bundled.factor("device.laptop") == pytest.approx(185.1, abs=0.1)
    assert bundled.parameter("device.tv.power", "W") == pytest.approx(65)
    # Arcep 2025 (2023 data): French colocation PUE 1.46
    assert bundled.parameter("dc.pue", "dimensionless", region="FR") == pytest.approx(1.46)


def test_lookup_by_region_with_substitution(tiny):
    assert tiny.resolve_region("electricity", "DE") == "DE"
    assert tiny.resolve_region("electricity", "IT") == "EU27"
    assert tiny.resolve_region("electricity", "US") == "GLO"
    assert not tiny.is_regional("device.laptop") and tiny.is_regional("electricity")
    with pytest.raises(UnknownFactorError) as exc:
        tiny.factor("electricty")
    assert "electricity" in exc.value.matches and isinstance(exc.value, KeyError)
    assert tiny.factor("device.laptop", stage="manufacturing") == 200
    assert tiny.factor("device.laptop") == 212  # all stages
    assert tiny.factor("electricity", region="FR", unit="gCO2e/kWh") == pytest.approx(50)


def test_provenance(tiny):
    prov = tiny.provenance()
    assert list(prov["dataset"]) == ["tiny-2026"]
    assert prov.loc[0, "licence"] == "CC0-1.0"
    assert tiny.citation("tiny-2026", "t").startswith("Invented round numbers")


def copy_tiny(tmp_path):
    dst = tmp_path / "tiny-2026"
    shutil.copytree(TINY, dst)
    return dst


def edit(path, name, fn):
    df = pd.read_csv(path / name, keep_default_na=False)
    fn(df)
    df.to_csv(path / name, index=False)


@pytest.mark.parametrize(("name", "change", "message"), [
    ("factors.csv", lambda d: d.loc.__setitem__((0, "unit"), "kgCO2e/blorp"), "not a known unit"),
    ("factors.csv", lambda d: d.loc.__setitem__((0, "unit"), "kg/kWh"), "is not kgCO2e per"),
    ("factors.csv", lambda d: d.loc.__setitem__((0, "source_ref"), "nowhere"), "source_ref"),
    ("factors.csv", lambda d: d.loc.__setitem__((0, "low"), 0.06), "does not contain"),
    ("factors.csv", lambda d: d.loc.__setitem__((0, "stage"), "cradle"), "stage"),
    ("factors.csv", lambda d: d.loc.__setitem__((0, "quality"), "great"), "quality"),
    ("factors.csv", lambda d: d.loc.__setitem__((0, "year"), 24), "not a year"),
    ("parameters.csv", lambda d: d.loc.__setitem__((0, "quality"), "press"), "quality"),
    ("parameters.csv", lambda d: d.loc.__setitem__((0, "distribution"), "normalish"),
     "distribution"),
])
def test_invalid_data_is_refused(tmp_path, name, change, message):
    path = copy_tiny(tmp_path)
    edit(path, name, change)
    with pytest.raises(DatasetError, match=message):
        FactorRegistry([read_dataset(path)])


@pytest.mark.parametrize(("old", "new", "message"), [
    ('licence_url: "https://creativecommons.org/publicdomain/zero/1.0/"\n', "",
     "lacks 'licence_url'"),
    ("https://creativecommons.org/publicdomain/zero/1.0/", "http://example.invalid/licence",
     "neither an https URL"),
    ("licence_status: verified", "licence_status: probably", "licence_status"),
    ("licence_status: verified\n", "", "lacks 'licence_status'"),
])
def test_licence_must_point_to_its_source_and_say_if_checked(tmp_path, old, new, message):
    path = copy_tiny(tmp_path)
    meta = path / "metadata.yaml"
    assert old in meta.read_text()
    meta.write_text(meta.read_text().replace(old, new))
    with pytest.raises(DatasetError, match=message):
        FactorRegistry([read_dataset(path)])


def test_quality_labels_tell_press_figures_from_published_ones(bundled):
    p = bundled.parameters.reset_index()
    # Arcep's 9.9 W box and 1.46 PUE, Uptime's 1.56 and the OB van's fuel use were read
    # through press or secondary coverage (review-2026-12 D11): not "published".
    for code, region in (("network.box.power", "GLO"), ("dc.pue", "FR"), ("dc.pue", "GLO"),
                         ("vehicle.ob_van.fuel", "GLO")):
        row = p[(p["code"] == code) & (p["region"] == region)].iloc[0]
        assert row["quality"] == "press-reported", (code, region)
    assert set(bundled.factors["quality"]) | set(p["quality"]) <= {
        "published", "press-reported", "derived", "estimate"}


def test_ember_rows_carry_their_own_data_year(bundled):
    """Years from CO2.js v0.19.0 data/output/average-intensities.json ('year' per key)."""
    f = bundled.factors.query("code == 'electricity' and dataset == 'ember-electricity-2024'")
    years = f.set_index("region")["year"]
    assert years["SN"] == 2023 and years["CI"] == 2023 and years["DE"] == 2024


def test_europe_is_called_europe_and_resolves_after_eu27(bundled):
    """Boavizta's 'EEE' zone is Europe, not the EU-27: region EUR, used for a European
    country (EU member or not) that has no value of its own, before the world value."""
    assert "EU27" not in set(bundled.factors.query("dataset == 'boavizta-api-2.5.0'")["region"])
    assert bundled.resolve_region("electricity", "RS", indicator="abiotic_depletion") == "EUR"
    assert bundled.resolve_region("electricity", "GR", indicator="abiotic_depletion") == "EUR"
    assert bundled.resolve_region("electricity", "AR", indicator="abiotic_depletion") == "GLO"


def test_data_nothing_uses_is_gone(bundled):
    """Review D11: CCF's replication and inter-DC network figures, the cinema projector
    powers (no kind takes them) and ADEME's streaming PUE (only an input of the derived
    dc.video.construction) are no longer shipped."""
    params = set(bundled.parameter_codes())
    for code in ("storage.replication", "dc.network.energy", "dc.pue.streaming",
                 "device.cinema_projector_laser.power", "device.cinema_projector_xenon.power"):
        assert code not in params


def test_duplicate_keys_across_datasets_are_refused(tmp_path):
    a = copy_tiny(tmp_path)
    b = tmp_path / "other"
    shutil.copytree(a, b)
    (b / "metadata.yaml").write_text((b / "metadata.yaml").read_text().replace("tiny-2026", "other"))
    with pytest.raises(DatasetError, match="duplicate"):
        FactorRegistry([read_dataset(a), read_dataset(b)])


def test_missing_metadata_is_refused(tmp_path):
    path = copy_tiny(tmp_path)
    (path / "metadata.yaml").unlink()
    with pytest.raises(DatasetError, match="metadata"):
        read_dataset(path)


def test_canonical_values(bundled):
    f = bundled.factors
    row = f[(f["code"] == "network.fixed") & (f["region"] == "FR") &
            (f["indicator"] == "climate_change")].iloc[0]
    assert row["unit_canonical"] == "kgCO2e/GB"
    assert row["value_canonical"] == pytest.approx(row["value"] * conversion_factor(row["unit"],
                                                                                   "kgCO2e/GB"))
    assert bundled_path().name == "emission_factors"


@pytest.mark.parametrize("dataset", [
    "ademe-acv-numerique-2.1.0", "ademe-base-empreinte-electricity-2024",
    "arcep-numerique-soutenable-2024", "arcep-numerique-soutenable-2025",
    "carbon-trust-video-streaming-2021", "sustainable-web-design-v4-2024",
    "uptime-dc-survey-2024", "svg-europe-ob-vans-2012"])
def test_unverified_licences_say_what_was_looked_up(bundled, dataset):
    # issue 8: a licence not read at its source stays "unverified", with the date and the
    # outcome of the look-up; an https licence_url points where the terms should be
    meta = bundled.datasets[dataset].metadata
    assert meta["licence_status"] == "unverified"
    assert meta["licence_check"].startswith("2026-12-03")
    assert meta["licence_url"].startswith("https://")


@pytest.mark.parametrize(("block", "message"), [
    ("shared_draws: [electricity]\n", "must map a stream name"),
    ("shared_draws:\n  s: {codes: [electricity], reason: r}\n", "at least two codes"),
    ("shared_draws:\n  s: {codes: [electricity, device.laptop]}\n", "a reason is required"),
    ("shared_draws:\n  s: {codes: [electricity, no.such], reason: r}\n",
     "'no.such' is not in this dataset"),
])
def test_shared_draws_are_checked(tmp_path, block, message):
    path = copy_tiny(tmp_path)
    meta = path / "metadata.yaml"
    meta.write_text(meta.read_text() + block)
    with pytest.raises(DatasetError, match=message):
        FactorRegistry([read_dataset(path)])


def test_shared_draws_name_one_stream_per_code(tmp_path):
    path = copy_tiny(tmp_path)
    meta = path / "metadata.yaml"
    meta.write_text(meta.read_text() + "shared_draws:\n  grid: {codes: [electricity, "
                    "device.laptop.power], reason: same grid}\n")
    reg = FactorRegistry([read_dataset(path)])
    assert reg.shared_draws == {"electricity": "tiny-2026/grid",
                                "device.laptop.power": "tiny-2026/grid"}
