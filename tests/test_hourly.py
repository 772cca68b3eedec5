"""Electricity hour by hour: a scheduled service takes the hourly series' variation on top
of the annual factor. Hand-computed on the tiny registry (FR electricity 0.05 kgCO2e/kWh)
and a small *test* series (not real data): 48 hours of 14–15 June 2025 at 20 g/kWh,
except 18:00 and 19:00 UTC (20:00–22:00 in Paris, summer time) at 80 g/kWh and 01:00 UTC
(03:00 in Paris) at 10 g/kWh.

Series mean = (4 × 80 + 2 × 10 + 42 × 20) / 48 = 1180 / 48 = 24.5833 g/kWh.
"""

from __future__ import annotations

import pytest

import footprint
from footprint.errors import DatasetError, ProjectError
from footprint.hourly import lowest_carbon_hours, move_to_hours, parse_hourly_csv

MEAN = 1180 / 48


def series_csv() -> str:
    lines = ["start_utc,value,region,unit"]
    for day in (14, 15):
        for hour in range(24):
            value = 80 if hour in (18, 19) else 10 if hour == 1 else 20
            lines.append(f"2025-06-{day:02d}T{hour:02d}:00:00Z,{value},FR,g/kWh")
    return "\n".join(lines) + "\n"


SERIES = parse_hourly_csv(series_csv(), name="test-series")


def event(schedule=None, region="FR"):
    svc = {"name": "Concert", "kind": "custom", "components": [{
        "name": "stage and stream", "tier": "onsite", "region": region,
        "activities": [{"factor": "electricity", "amount": "100 kWh"}]}]}
    if schedule:
        svc["schedule"] = schedule
    return footprint.parse_project({"name": "Opera", "services": [svc]})


def total(project, tiny):
    return footprint.assess(project, tiny, hourly=SERIES).total().to("kgCO2e").magnitude


def test_series_mean():
    assert SERIES.mean_g_per_kwh == pytest.approx(MEAN)
    assert len(SERIES.start_s) == 48 and SERIES.region == "FR"


def test_same_event_at_20h_and_03h(tiny):
    at_20 = total(event({"start": "2025-06-14T20:00", "duration": "2 h"}), tiny)
    at_03 = total(event({"start": "2025-06-14T03:00", "duration": "2 h"}), tiny)
    unscheduled = total(event(), tiny)
    # 20:00-22:00 Paris = 18-19 UTC: 80 g/kWh; factor 0.05 + (80 - 24.5833)/1000
    assert at_20 == pytest.approx(100 * (0.05 + (80 - MEAN) / 1000))  # 10.5417 kg
    # 03:00-05:00 Paris = 01-02 UTC: (10 + 20)/2 = 15 g/kWh
    assert at_03 == pytest.approx(100 * (0.05 + (15 - MEAN) / 1000))  # 4.0417 kg
    assert unscheduled == pytest.approx(5.0)
    assert at_20 == pytest.approx(10.541667, abs=1e-5)
    assert at_03 == pytest.approx(4.041667, abs=1e-5)


def test_trace_and_partial_hours(tiny):
    # 21:30-22:30 Paris = 19:30-20:30 UTC: half an hour at 80, half at 20 → 50 g/kWh
    result = footprint.assess(event({"start": "2025-06-14T21:30:00+02:00", "duration": 1}),
                              tiny, hourly=SERIES)
    row = result.table[(result.table["indicator"] == "climate_change")].iloc[0]
    assert row["factor_value"] == pytest.approx(0.05 + (50 - MEAN) / 1000)
    q = result.quantities.set_index("quantity")["value"]
    assert q["hourly intensity at scheduled hours [FR]"] == pytest.approx(50)
    assert q["hourly intensity, series mean [FR]"] == pytest.approx(MEAN)
    assert any("50.0 g/kWh vs 24.6 g/kWh" in w for w in result.warnings)


def test_event_outside_the_series_year_is_read_in_it(tiny):
    result = footprint.assess(event({"start": "2026-06-14T20:00", "duration": "2 h"}), tiny,
                              hourly=SERIES)
    assert result.total().to("kgCO2e").magnitude == pytest.approx(10.541667, abs=1e-5)
    assert any("read at 2025-06-14 20:00 Europe/Paris" in w for w in result.warnings)


def test_daily_hours_and_other_regions(tiny):
    nightly = total(event({"hours_of_day": [3, 4]}), tiny)  # 01, 02 UTC on both days: 15
    assert nightly == pytest.approx(100 * (0.05 + (15 - MEAN) / 1000))
    result = footprint.assess(event({"hours_of_day": [3]}, region="DE"), tiny, hourly=SERIES)
    assert result.total().to("kgCO2e").magnitude == pytest.approx(40.0)  # DE: 0.4, unshifted
    assert any("no hourly series for DE" in w for w in result.warnings)


def test_moving_deferrable_work_saves_what_the_engine_says(tiny):
    hours, mean = lowest_carbon_hours(SERIES, 2)
    assert hours == [2, 3] and mean == pytest.approx(15)  # local: 20 then 10 g/kWh
    evening = event({"hours_of_day": [20, 21]})
    moved = move_to_hours(evening, "Concert", hours)
    saving = total(evening, tiny) - total(moved, tiny)
    assert saving == pytest.approx(100 * (80 - 15) / 1000)  # 6.5 kgCO2e
    with pytest.raises(ProjectError, match="no service named"):
        move_to_hours(evening, "Nope", hours)


def test_schedule_validation():
    for bad, message in (({"start": "2025-06-14T20:00"}, "both `start` and `duration`"),
                         ({"hours_of_day": [1], "start": "2025-06-14T20:00", "duration": 1},
                          "not both"),
                         ({"hours_of_day": [1, 1]}, "repeats"),
                         ({"hours_of_day": [24]}, "less than or equal to 23"),
                         ({"hours_of_day": [1], "timezone": "Mars/Olympus"}, "IANA")):
        with pytest.raises(ProjectError, match=message) as exc:
            event(bad)
        assert exc.value.path.startswith("services[0].schedule")


@pytest.mark.parametrize("text, message", [
    ("start_utc,value,region,unit\n2025-06-14T18:00:00Z,80,FR,kgCO2e/kWh\n", "expected g/kWh"),
    ("start_utc,value,region\n2025-06-14T18:30:00Z,80,FR\n", "not on the hour"),
    ("start_utc,value,region\n2025-06-14T18:00:00Z,80,FR\n2025-06-14T18:00:00Z,80,FR\n",
     "without repeats"),
    ("start_utc,value,region\n2025-06-14T18:00:00Z,lots,FR\n", "not an intensity"),
    ("start_utc,value\n2025-06-14T18:00:00Z,80\n", "give the region"),
    ("time,value\n", "'start_utc' is missing"),
])
def test_bad_series_csv(text, message):
    with pytest.raises(DatasetError, match=message):
        parse_hourly_csv(text)


def test_cli_assess_with_an_hourly_csv(tmp_path, capsys):
    from footprint.cli import main
    from footprint.factors import default_registry

    csv = tmp_path / "series.csv"
    csv.write_text(series_csv())
    project = tmp_path / "p.json"
    footprint.write_project(event({"start": "2025-06-14T20:00", "duration": "2 h"}), project)
    assert main(["assess", str(project), "--hourly", str(csv), "--format", "json"]) == 0
    annual = default_registry().factor("electricity", region="FR")  # kgCO2e/kWh
    expected = 100 * (annual + (80 - MEAN) / 1000)
    import json

    out = json.loads(capsys.readouterr().out)
    assert json.dumps(out).count("80.0 g/kWh vs 24.6 g/kWh") == 1
    totals = {t["indicator"]: t["total"] for t in out["totals"]}
    assert totals["climate_change"] == pytest.approx(expected)


def test_shift_saving_for_the_suggestions(tiny):
    from footprint.hourly import shift_saving

    evening = event({"hours_of_day": [20, 21]})
    found = shift_saving(evening, "Concert", factors=tiny, hourly=SERIES)
    assert found.hours_of_day == [2, 3] and found.intensity_g_per_kwh == pytest.approx(15)
    assert found.baseline_kgco2e == pytest.approx(100 * (0.05 + (80 - MEAN) / 1000))
    assert found.moved_kgco2e == pytest.approx(100 * (0.05 + (15 - MEAN) / 1000))
    assert found.saving_kgco2e == pytest.approx(6.5)
    with pytest.raises(ProjectError, match="no hourly series covers"):
        shift_saving(event(region="DE"), "Concert", factors=tiny, hourly=SERIES)
