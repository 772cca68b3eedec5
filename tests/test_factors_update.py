"""footprint factors update: every source against a real local HTTP server
(pytest-httpserver) serving responses shaped like the real APIs (field by field from
shared/research/apis.md), and hostile ones. After each failure the datasets on disk and
the registry are unchanged. Nothing here leaves the machine (127.0.0.1 only).

The values served are test data in the APIs' shapes; where a value is a real published
figure its source is named next to it.
"""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from werkzeug import Response

from footprint.cli import main
from footprint.errors import FactorUpdateError
from footprint.factors.registry import default_registry
from footprint.factors.update import update

NOW = dt.datetime(2026, 12, 3, 17, 0, tzinfo=dt.UTC)


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """An empty user data directory that the default registry reads."""
    folder = tmp_path / "emission_factors"
    monkeypatch.setenv("FOOTPRINT_DATA_DIR", str(folder))
    default_registry.cache_clear()
    yield folder
    default_registry.cache_clear()


def snapshot(folder):
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None
            for p in sorted(folder.rglob("*"))}


def ademe_row(attribute, value, *, element, line="Elément", unit="kgCO2e/kWh",
              uncertainty=10, **extra):
    # keys exactly as data-fair returns them (apis.md §1.5)
    row = {"Identifiant_de_l'élément": element, "Type_Ligne": line,
           "Statut_de_l'élément": "Valide générique", "Type_de_l'élément": "Facteur d'émission",
           "Structure": "élément décomposé par poste", "Nom_base_français": "Electricité",
           "Nom_attribut_français": attribute, "Nom_frontière_français": "consommation",
           "Unité_français": unit, "Localisation_géographique": "France continentale",
           "Total_poste_non_décomposé": value, "Incertitude": uncertainty,
           "Date_de_modification": "2025-06-12", "Type_poste": "", "_id": f"id{element}",
           "_i": 1, "_rand": 7, "_score": None}
    row.update(extra)
    return row


PRINTER = {**ademe_row("jet d'encre", 88.2, element="27025", unit="kgCO2e/unité"),
           "Nom_base_français": "Imprimante", "Nom_frontière_français": ""}  # real, [A5]


def serve_ademe(httpserver, page2_rows=None):
    """Metadata, then two /lines pages linked by `next` (data-fair's pagination)."""
    base = httpserver.url_for("/data-fair/api/v1/datasets/base-carboner")
    httpserver.expect_request("/data-fair/api/v1/datasets/base-carboner").respond_with_json(
        {"title": "Base Carbone®", "file": {"name": "base-carbone-v23.csv"}})
    lines = "/data-fair/api/v1/datasets/base-carboner/lines"
    httpserver.expect_request(lines, query_string={"after": "p2"}).respond_with_json(
        {"total": 4, "results": page2_rows if page2_rows is not None else [
            # 0.0519 kgCO2e/kWh: Base Empreinte 'Electricité / 2024 - mix moyen /
            # consommation' (shared/research/factors.md, publicodes-commun 2.0.1)
            ademe_row("2024 - mix moyen", 0.0519, element="NNNN4"),
            ademe_row("2024 - mix moyen", 0.04, element="NNNN4", line="Poste",
                      Type_poste="Combustion à la centrale")]})
    httpserver.expect_request(lines).respond_with_json(
        {"total": 4, "next": httpserver.url_for(lines) + "?after=p2",
         "results": [PRINTER, ademe_row("2022 - mix moyen", "0,052", element="42513")]})
    return base


def test_ademe_update_finds_the_latest_edition_by_name(httpserver, data_dir):
    base = serve_ademe(httpserver)
    result = update("ademe", base_url=base, now=NOW)
    assert result.written and result.dataset_id == "ademe-base-carbone-electricity-2026-12-03"
    folder = data_dir / result.dataset_id
    assert sorted(p.name for p in folder.iterdir()) == ["factors.csv", "metadata.yaml"]
    reg = default_registry()  # reads the user data directory too
    row = reg.factors[(reg.factors["code"] == "electricity") & (reg.factors["region"] == "FR")
                      & (reg.factors["indicator"] == "climate_change")].iloc[0]
    assert row["dataset"] == result.dataset_id and row["year"] == 2024
    assert row["value"] == pytest.approx(0.0519)
    assert (row["low"], row["high"]) == pytest.approx((0.0519 * 0.9, 0.0519 * 1.1))
    assert "element NNNN4" in row["note"]
    meta = reg.datasets[result.dataset_id].metadata
    assert meta["update"]["source"] == "ademe" and meta["update"]["file"] == \
        "base-carbone-v23.csv"
    assert meta["retrieved"] == "2026-12-03" and "Licence Ouverte" in meta["licence"]
    # the same data again: nothing new is written
    again = update("ademe", base_url=base, now=NOW + dt.timedelta(days=1))
    assert not again.written and again.dataset_id == result.dataset_id
    assert [p.name for p in data_dir.iterdir()] == [result.dataset_id]


def test_assessment_names_the_updated_edition(httpserver, data_dir):
    import footprint

    update("ademe", base_url=serve_ademe(httpserver), now=NOW)
    project = footprint.parse_project({"name": "p", "services": [{
        "name": "s", "kind": "custom", "components": [{
            "name": "server", "tier": "data_centres",
            "activities": [{"factor": "electricity", "amount": "1000 kWh"}]}]}]})
    result = footprint.assess(project)
    assert "ademe-base-carbone-electricity-2026-12-03" in set(result.provenance["dataset"])
    assert result.total().to("kgCO2e").magnitude == pytest.approx(51.9)


HOSTILE = {
    "html": (lambda: Response("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>",
                              status=200, content_type="text/html"), "HTML page"),
    "malformed": (lambda: Response('{"results": [', content_type="application/json"),
                  "malformed JSON"),
    "huge": (lambda: Response(json.dumps({"results": [PRINTER] * 200}),
                              content_type="application/json"), "larger than"),
    "not found": (lambda: Response("Dataset not found", status=404,
                                   content_type="text/plain"), "HTTP 404"),
    "server error": (lambda: Response('{"error": "boom"}', status=500,
                                      content_type="application/json"), "HTTP 500: boom"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_responses_change_nothing(httpserver, data_dir, case):
    make, message = HOSTILE[case]
    httpserver.expect_request("/api").respond_with_handler(lambda request: make())
    before_disk, before = snapshot(data_dir), default_registry().factors.copy()
    waits = []
    with pytest.raises(FactorUpdateError, match=message) as exc:
        update("ademe", base_url=httpserver.url_for("/api"), max_bytes=20_000, retries=2,
               backoff=0.01, sleep=waits.append, now=NOW)
    assert "embedded factor data stay in use" in str(exc.value)
    assert snapshot(data_dir) == before_disk
    default_registry.cache_clear()
    assert default_registry().factors.equals(before)
    assert len(waits) == (2 if case == "server error" else 0)  # retried 5xx only


@pytest.mark.parametrize("row, message", [
    (ademe_row("2024 - mix moyen", 0.0519, element="X", unit="kgCO2e/kg"), "unit 'kgCO2e/kg'"),
    ({k: v for k, v in ademe_row("2024 - mix moyen", 1, element="X").items()
      if k != "Total_poste_non_décomposé"}, "lacks the field"),
    (ademe_row("2024 - mix moyen", "n/a!", element="X"), "non-numeric value 'n/a!'"),
    (ademe_row("2024 - mix moyen", 51.9, element="X"), "outside the plausible"),
])
def test_bad_ademe_rows_change_nothing(httpserver, data_dir, row, message):
    base = serve_ademe(httpserver, page2_rows=[row])
    before = snapshot(data_dir)
    with pytest.raises(FactorUpdateError, match=message):
        update("ademe", base_url=base, now=NOW)
    assert snapshot(data_dir) == before


def test_429_then_200_is_retried_after_backoff(httpserver, data_dir):
    base = serve_ademe(httpserver)
    httpserver.expect_oneshot_request("/data-fair/api/v1/datasets/base-carboner") \
        .respond_with_response(Response("Too Many Requests", status=429,
                                        headers={"Retry-After": "0.05"}))
    waits = []
    result = update("ademe", base_url=base, sleep=waits.append, now=NOW)
    assert result.written and waits == [0.05]  # Retry-After obeyed


def test_timeout_and_offline_change_nothing(httpserver, data_dir, tmp_path):
    def slow(request):
        time.sleep(0.6)
        return Response("[]", content_type="application/json")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    waits = []
    with pytest.raises(FactorUpdateError, match="no answer within 0.2 s .* after 2 attempt"):
        update("ademe", base_url=httpserver.url_for("/slow"), timeout=0.2, retries=1,
               sleep=waits.append, now=NOW)
    assert waits == [1.0] and snapshot(data_dir) == {}
    import socket

    with socket.socket() as s:  # a port with nobody listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FactorUpdateError, match="cannot connect .*offline"):
        update("eco2mix", base_url=f"http://127.0.0.1:{port}/api/explore/v2.1", retries=0,
               now=NOW)
    assert snapshot(data_dir) == {}


def test_next_link_outside_the_base_url_is_refused(httpserver, data_dir):
    base = httpserver.url_for("/ademe")
    httpserver.expect_request("/ademe").respond_with_json({"title": "x"})
    httpserver.expect_request("/ademe/lines").respond_with_json(
        {"results": [], "next": "https://elsewhere.invalid/lines?after=1"})
    with pytest.raises(FactorUpdateError, match="outside"):
        update("ademe", base_url=base, now=NOW)


def eco2mix_records():
    """An /exports/json array (bare, no envelope) of 15-minute records over 2 hours, with
    RTE's quirks: a null placeholder, 'ND', a repeated timestamp (apis.md §2.4, §2.8)."""
    return [
        {"date_heure": "2025-06-14T19:00:00+00:00", "taux_co2": 20},
        {"date_heure": "2025-06-14T19:15:00+00:00", "taux_co2": 22},
        {"date_heure": "2025-06-14T19:30:00+00:00", "taux_co2": 24},
        {"date_heure": "2025-06-14T19:30:00+00:00", "taux_co2": 24},
        {"date_heure": "2025-06-14T19:45:00+00:00", "taux_co2": 26},
        {"date_heure": "2025-06-14T20:00:00+00:00", "taux_co2": 30},
        {"date_heure": "2025-06-14T20:15:00+00:00", "taux_co2": "ND"},
        {"date_heure": "2025-06-14T20:30:00+00:00", "taux_co2": 0},
        {"date_heure": "2025-06-14T20:45:00+00:00", "taux_co2": None},
    ]


def test_eco2mix_hourly_series(httpserver, data_dir):
    path = "/api/explore/v2.1/catalog/datasets/eco2mix-national-cons-def/exports/json"
    httpserver.expect_request(path, query_string={
        "select": "date_heure,taux_co2", "order_by": "date_heure asc", "timezone": "UTC",
        "where": "date_heure >= date'2025-06-14T00:00:00+00:00' AND "
                 "date_heure < date'2025-06-15T00:00:00+00:00'"}).respond_with_json(
        eco2mix_records())
    result = update("eco2mix", base_url=httpserver.url_for("/api/explore/v2.1"),
                    start=dt.date(2025, 6, 14), end=dt.date(2025, 6, 15), now=NOW)
    text = (result.path / "hourly.csv").read_text().splitlines()
    # 19 h: mean of 20, 22, 24, 26 (the repeat counted once) = 23; 20 h: only 30 (ND, 0
    # and null are RTE's missing values)
    assert text == ["region,start_utc,value,unit,source_ref",
                    "FR,2025-06-14T19:00:00Z,23.0,g/kWh,rte-eco2mix",
                    "FR,2025-06-14T20:00:00Z,30.0,g/kWh,rte-eco2mix"]
    from footprint.hourly import series_from_registry

    series = series_from_registry(default_registry())
    assert series["FR"].value_g_per_kwh.tolist() == [23.0, 30.0]


@pytest.mark.parametrize("records, message", [
    ([{"date_heure": "2025-06-14T19:00:00+00:00", "taux_co2": 0.021}], "wrong unit"),
    ([{"date_heure": "2025-06-14T19:00:00+00:00"}], "lacks the field 'taux_co2'"),
    ([{"date_heure": "2025-06-14T19:00:00+00:00", "taux_co2": "vingt"}], "non-numeric"),
    ([{"date_heure": "yesterday", "taux_co2": 20}], "not an ISO 8601"),
    ({"results": []}, "not a JSON array"),
    ([{"date_heure": "2025-06-14T19:00:00+00:00", "taux_co2": None}], "no value"),
])
def test_bad_eco2mix_exports_change_nothing(httpserver, data_dir, records, message):
    httpserver.expect_request("/api/explore/v2.1/catalog/datasets/eco2mix-national-cons-def/"
                              "exports/json").respond_with_json(records)
    with pytest.raises(FactorUpdateError, match=message):
        update("eco2mix", base_url=httpserver.url_for("/api/explore/v2.1"), now=NOW)
    assert snapshot(data_dir) == {}


def test_electricitymaps_history_with_token(httpserver, data_dir, monkeypatch):
    # real fixture shape (aioelectricitymaps tests, apis.md §3.3)
    entry = {"zone": "DE", "updatedAt": "2024-03-06T15:48:54.012Z",
             "createdAt": "2024-03-02T20:47:49.346Z", "emissionFactorType": "lifecycle",
             "isEstimated": False, "estimationMethod": None}
    httpserver.expect_request("/v3/carbon-intensity/history", headers={"auth-token": "t0k"},
                              query_string={"zone": "DE", "emissionFactorType": "lifecycle"}) \
        .respond_with_json({"zone": "DE", "history": [
            {**entry, "carbonIntensity": 599, "datetime": "2024-03-05T20:00:00.000Z"},
            {**entry, "carbonIntensity": 607, "datetime": "2024-03-05T21:00:00.000Z"},
            {**entry, "carbonIntensity": None, "datetime": "2024-03-05T22:00:00.000Z"}]})
    monkeypatch.setenv("FOOTPRINT_ELECTRICITYMAPS_URL", httpserver.url_for("/v3"))
    monkeypatch.delenv("ELECTRICITYMAPS_TOKEN", raising=False)
    with pytest.raises(FactorUpdateError, match="ELECTRICITYMAPS_TOKEN"):
        update("electricitymaps", zone="DE", now=NOW)
    monkeypatch.setenv("ELECTRICITYMAPS_TOKEN", "t0k")
    result = update("electricitymaps", zone="DE", now=NOW)
    assert result.dataset_id == "electricitymaps-de-2026-12-03"
    assert (result.path / "hourly.csv").read_text().splitlines()[1:] == [
        "DE,2024-03-05T20:00:00Z,599.0,gCO2e/kWh,electricitymaps",
        "DE,2024-03-05T21:00:00Z,607.0,gCO2e/kWh,electricitymaps"]
    assert "proprietary" in default_registry().datasets[result.dataset_id].metadata["licence"]


def test_electricitymaps_direct_intensity_is_refused(httpserver, data_dir):
    httpserver.expect_request("/v3/carbon-intensity/history").respond_with_json(
        {"zone": "FR", "history": [{"zone": "FR", "carbonIntensity": 20,
                                    "datetime": "2024-03-05T20:00:00Z",
                                    "emissionFactorType": "direct"}]})
    with pytest.raises(FactorUpdateError, match="'direct' intensity, not life-cycle"):
        update("electricitymaps", base_url=httpserver.url_for("/v3"), token="t", now=NOW)
    assert snapshot(data_dir) == {}


def test_cli_update_and_failure(httpserver, data_dir, capsys):
    base = serve_ademe(httpserver)
    assert main(["factors", "update", "--source", "ademe", "--base-url", base,
                 "--data-dir", str(data_dir)]) == 0
    assert "wrote ademe-base-carbone-electricity-" in capsys.readouterr().out
    before = snapshot(data_dir)
    assert main(["factors", "update", "--source", "eco2mix", "--base-url",
                 httpserver.url_for("/nothing-here"), "--retries", "0"]) == 2
    err = capsys.readouterr().err
    assert "HTTP" in err and "embedded factor data stay in use" in err
    assert snapshot(data_dir) == before


def test_where_updates_go(tmp_path, monkeypatch):
    import platformdirs

    from footprint.factors import locations
    from footprint.factors.registry import bundled_path

    assert locations.update_target(tmp_path / "x") == tmp_path / "x"  # --data-dir first
    monkeypatch.setenv("FOOTPRINT_DATA_DIR", str(tmp_path / "env"))
    assert locations.update_target() == tmp_path / "env"
    monkeypatch.delenv("FOOTPRINT_DATA_DIR")
    monkeypatch.setattr(locations, "_writable", lambda path: True)
    assert locations.update_target() == bundled_path()  # a checkout: the bundled folder
    monkeypatch.setattr(locations, "_writable", lambda path: False)  # an installed package
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "user"))
    assert locations.update_target() == tmp_path / "user" / "emission_factors"
    assert locations.user_data_dir() == tmp_path / "user" / "emission_factors"


def test_update_supersedes_the_bundled_key_and_says_so(httpserver, data_dir, capsys):
    update("ademe", base_url=serve_ademe(httpserver), now=NOW)
    reg = default_registry()
    key = ("electricity", "FR", 2024, "use", "climate_change")
    assert (key, "ademe-base-empreinte-electricity-2024") in reg.superseded
    assert main(["factors", "validate"]) == 0
    assert "valid" in capsys.readouterr().out


def test_a_folder_the_registry_does_not_read_is_named(httpserver, data_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    result = update("ademe", base_url=serve_ademe(httpserver), data_dir=elsewhere, now=NOW)
    assert result.written and result.path.parent == elsewhere
    assert f"set FOOTPRINT_DATA_DIR={elsewhere}" in result.message
    assert result.dataset_id not in default_registry().datasets
