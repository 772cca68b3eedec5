"""Portfolios: one vectorised pass equals one assessment per project; bad rows and files
are named and left out while the rest is assessed."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import footprint
from footprint.cli import main
from footprint.portfolio_files import parse_portfolio_table, read_portfolio

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_projects").glob("*.yaml"))


def _custom(name, kwh, *, country="FR", organisation="", factor="electricity"):
    return footprint.parse_project({
        "name": name, "organisation": organisation, "audience_country": country,
        "services": [{"name": "servers", "kind": "custom", "components": [{
            "name": "kiosk", "tier": "onsite",
            "activities": [{"factor": factor, "amount": kwh, "unit": "kWh"}]}]}]})


@pytest.fixture(scope="module")
def projects():
    """Every sample, two of them again with other audiences (other pools), and a repeat."""
    base = [footprint.read_project(p) for p in SAMPLES]
    moved = [p.model_copy(update={"audience_country": "DE"}) for p in base[:2]]
    return base + moved + [base[3]]


def test_assess_many_equals_the_single_assessments_concatenated(projects, bundled):
    many = footprint.assess_many(projects, bundled)
    singles = [footprint.assess(p, bundled) for p in projects]
    for attr in ("table", "inventory", "quantities"):
        expected = pd.concat([getattr(s, attr) for s in singles], ignore_index=True)
        got = getattr(many, attr).drop(columns="project_index")
        pd.testing.assert_frame_equal(got.astype(object), expected.astype(object))
    for indicator in ("climate_change", "water"):
        assert many.total(indicator).m == pytest.approx(
            sum(np.nansum([s.total(indicator).m]) for s in singles), rel=1e-12)
    # project_index tells repeated project names apart
    assert many.table["project_index"].max() == len(projects) - 1


def test_totals_per_project_kind_institution_and_country(projects, bundled):
    many = footprint.assess_many(projects, bundled)
    singles = [footprint.assess(p, bundled) for p in projects]
    by_country = many.by_country()
    de = sum(s.total().m for s in singles[len(SAMPLES):len(SAMPLES) + 2])
    assert by_country["DE"] == pytest.approx(de, rel=1e-12)
    assert by_country.sum() == pytest.approx(many.total().m, rel=1e-12)
    by_kind = many.by_kind()
    video = sum(s.by_service().sum() for s, p in zip(singles, projects)
                if p.services[0].kind == "video_streaming")
    assert by_kind["video_streaming"] == pytest.approx(video, rel=1e-12)
    assert set(many.by_institution().index) == {p.organisation for p in projects}
    assert many.by_project().sum() == pytest.approx(many.total().m, rel=1e-12)


def test_hand_computed_portfolio_by_country_and_institution(tiny):
    """tests/data/tiny-2026: electricity 0.05 kgCO2e/kWh in FR, 0.4 in DE."""
    a = _custom("a", 100, organisation="Musée A")
    b = _custom("b", 50, country="DE", organisation="Musée A")
    c = _custom("c", 10, organisation="Théâtre C")
    many = footprint.assess_many([a, b, c], tiny)
    # FR: (100 + 10) kWh × 0.05 = 5.5 kg; DE: 50 kWh × 0.4 = 20 kg
    assert many.by_country().to_dict() == pytest.approx({"FR": 5.5, "DE": 20.0})
    assert many.by_institution().to_dict() == pytest.approx({"Musée A": 25.0, "Théâtre C": 0.5})
    assert many.by_project().to_dict() == pytest.approx({"a": 5.0, "b": 20.0, "c": 0.5})


def test_a_failing_project_is_left_out_and_named_the_rest_assessed(tiny):
    good = _custom("good", 100)
    bad = _custom("bad", 100, factor="electricty")
    many = footprint.assess_many([good, bad, good], tiny)
    assert list(many.left_out["location"]) == [
        "projects[1].services[0].components[0].activities[0].factor"]
    assert "did you mean 'electricity'" in many.left_out["message"].iloc[0]
    assert many.options["projects"] == 2
    assert many.total().m == pytest.approx(2 * footprint.assess(good, tiny).total().m)


def test_table_rows_become_projects_and_bad_rows_are_reported_by_line(tmp_path, tiny):
    table = tmp_path / "services.csv"
    table.write_text(
        "project,organisation,kind,name,description,components\n"
        'p1,Musée A,custom,s1,,"[{""name"": ""r"", ""tier"": ""onsite"", '
        '""activities"": [{""factor"": ""electricity"", ""amount"": ""100 kWh""}]}]"\n'
        'p1,,custom,s2,second,"[{""name"": ""r"", ""tier"": ""onsite"", '
        '""activities"": [{""factor"": ""electricity"", ""amount"": ""20 kWh""}]}]"\n'
        "p2,Musée B,custom,s3,,[]\n"
        "p2,Musée B,video_streaming,v,,\n"
        ",,custom,orphan,,\n", encoding="utf-8")
    source = read_portfolio(table)
    assert [p.name for p in source.projects] == ["p1"]
    assert [s.name for s in source.projects[0].services] == ["s1", "s2"]
    assert source.projects[0].organisation == "Musée A"
    left = source.left_out.set_index("location")
    assert set(left.index) == {"line 4", "line 5", "line 6"}
    assert "components" in left.loc["line 4", "message"]
    assert "hours_viewed" in left.loc["line 5", "message"]
    assert "project name is required" in left.loc["line 6", "message"]
    many = footprint.assess_many(source.projects, tiny, left_out=source.left_out)
    assert len(many.left_out) == 3
    assert many.total().m == pytest.approx(120 * 0.05)  # 120 kWh in FR at 0.05 kg/kWh


def test_dotted_columns_nest_and_empty_cells_take_defaults():
    frame = pd.DataFrame({"project": ["p"], "kind": ["video_streaming"], "name": ["v"],
                          "hours_viewed": ["1000 h"], "quality_mix.hd": ["1"],
                          "network_mix.fixed": [""], "audience_country": [""]})
    source = parse_portfolio_table(frame)
    svc = source.projects[0].services[0]
    assert svc.hours_viewed == 1000 and svc.audience_country is None
    assert source.left_out.empty


def test_a_directory_reads_every_project_and_names_broken_files(tmp_path, bundled):
    for path in SAMPLES[:3]:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("name: x\nservices: []\n", encoding="utf-8")
    source = read_portfolio(tmp_path)
    assert len(source.projects) == 3
    assert source.left_out["source"].str.endswith("broken.yaml").all()
    assert source.left_out["location"].iloc[0] == "services"


def test_cli_assess_directory_summary_and_json(tmp_path, capsys):
    for path in SAMPLES[:2]:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert main(["assess", str(tmp_path), "--summary"]) == 0
    out = capsys.readouterr().out
    assert "2 projects" in out and "1 left out" in out and "broken.json" in out
    assert "by institution" in out and "by project" not in out
    assert main(["assess", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    singles = [footprint.assess(footprint.read_project(p)) for p in SAMPLES[:2]]
    assert sum(data["by_kgco2e"]["project"].values()) == pytest.approx(
        sum(s.total().m for s in singles))
    assert data["left_out"][0]["source"].endswith("broken.json")


def test_scheduled_services_take_their_hours_in_a_portfolio_too(tiny):
    """The hourly test series of tests/test_hourly.py: the event at 20:00 in Paris costs
    100 kWh × (0.05 + (80 − 24.58)/1000) = 10.54 kg, the unscheduled one 5 kg."""
    from tests.test_hourly import SERIES, event

    projects = [event(), event({"start": "2025-06-14T20:00", "duration": "2 h"}), event()]
    many = footprint.assess_many(projects, tiny, hourly=SERIES)
    singles = [footprint.assess(p, tiny, hourly=SERIES) for p in projects]
    assert many.by("project").sum() == pytest.approx(5 + 10.541667 + 5, abs=1e-5)
    pd.testing.assert_frame_equal(
        many.table.drop(columns="project_index").astype(object),
        pd.concat([s.table for s in singles], ignore_index=True).astype(object))
    pd.testing.assert_frame_equal(
        many.quantities.drop(columns="project_index").astype(object),
        pd.concat([s.quantities for s in singles], ignore_index=True).astype(object))


def test_dask_local_cluster_gives_the_local_result(projects, tiny):
    """Partitioned by project on a real LocalCluster (two worker processes)."""
    distributed = pytest.importorskip("distributed")
    from footprint.portfolio import assess_many_dask

    bad = _custom("bad", 1, factor="electricty")
    mixed = [_custom("a", 100), _custom("b", 50, country="DE"), bad, _custom("c", 10)]
    local = footprint.assess_many(mixed, tiny)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        remote = assess_many_dask(mixed, tiny, client=client, partitions=3)
    for attr in ("table", "inventory", "quantities", "services", "left_out"):
        pd.testing.assert_frame_equal(getattr(remote, attr).astype(object),
                                      getattr(local, attr).astype(object))
    assert remote.total().m == pytest.approx(local.total().m)
    assert remote.options["partitions"] == 3


def test_a_portfolio_larger_than_one_projects_limit_is_read_file_by_file(tmp_path, monkeypatch,
                                                                         tiny):
    # Each file keeps its own limit: a table has MAX_TABLE_BYTES, a directory's project
    # files each have the project limit, and an oversized file is left out by name.
    import footprint.files

    row = ('p{i},custom,s{i},"[{{""name"": ""r"", ""tier"": ""onsite"", ""activities"": '
           '[{{""factor"": ""electricity"", ""amount"": ""10 kWh""}}]}}]"\n')
    monkeypatch.setattr(footprint.files, "MAX_BYTES", 2_000)
    table = tmp_path / "table" / "services.csv"
    table.parent.mkdir()
    table.write_text("project,kind,name,components\n"
                     + "".join(row.format(i=i) for i in range(40)), encoding="utf-8")
    assert table.stat().st_size > footprint.files.MAX_BYTES
    source = read_portfolio(table)
    assert len(source.projects) == 40 and source.left_out.empty
    folder = tmp_path / "projects"
    folder.mkdir()
    one = ("name: P{i}\nservices:\n- name: s\n  kind: custom\n  components:\n"
           "  - name: r\n    tier: onsite\n    activities:\n"
           "    - {{factor: electricity, amount: 10 kWh}}\n")
    for i in range(10):
        (folder / f"p{i}.yaml").write_text(one.format(i=i), encoding="utf-8")
    (folder / "huge.yaml").write_text(one.format(i="H") + "#" * 3_000 + "\n", encoding="utf-8")
    source = read_portfolio(folder)
    assert sum(p.stat().st_size for p in folder.iterdir()) > 2 * footprint.files.MAX_BYTES
    assert [p.name for p in source.projects] == [f"P{i}" for i in range(10)]
    assert source.left_out["source"].str.endswith("huge.yaml").tolist() == [True]
    assert "larger than the limit of 2,000 bytes" in source.left_out["message"].iloc[0]
    # 10 kWh per project at the tiny set's 0.05 kgCO2e/kWh (tests/data)
    assert footprint.assess_many(source.projects, tiny).total().m == pytest.approx(10 * 0.5)
