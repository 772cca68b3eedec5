"""footprint.measure: CodeCarbon on real CPU work (offline tracker), its emissions.csv,
the ``measured`` kind and ``footprint measure``."""

from __future__ import annotations

import hashlib
import sys
import textwrap

import pytest

import footprint
from footprint.cli import main
from footprint.errors import MeasurementUnavailable, ProjectError
from footprint.measure import (Measurement, Meter, add_measurements, parse_emissions_csv,
                               read_emissions_csv)

#: the 38 columns CodeCarbon 3.3 writes (codecarbon/output_methods/emissions_data.py)
CODECARBON_COLUMNS = (
    "timestamp project_name run_id experiment_id duration emissions emissions_rate cpu_power "
    "gpu_power ram_power cpu_energy gpu_energy ram_energy energy_consumed water_consumed "
    "country_name country_iso_code region cloud_provider cloud_region os python_version "
    "codecarbon_version cpu_count cpu_model gpu_count gpu_model longitude latitude "
    "ram_total_size tracking_mode cpu_utilization_percent gpu_utilization_percent "
    "ram_utilization_percent ram_used_gb on_cloud pue wue").split()


def burn_cpu(rounds: int = 300_000) -> bytes:
    """Real CPU work: a chain of SHA-256 digests (about half a second)."""
    x = b""
    for _ in range(rounds):
        x = hashlib.sha256(x).digest()
    return x


def test_meter_measures_real_cpu_work_and_writes_nothing(tmp_path, monkeypatch):
    import socket

    monkeypatch.chdir(tmp_path)
    attempts = []

    def no_network(*args, **kwargs):
        attempts.append(args)
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with Meter("sha256 chain", country="FR", items=300) as meter:
        burn_cpu()
    assert attempts == []  # the offline tracker touched no network
    m = meter.measurement
    assert m.name == "sha256 chain" and m.country == "FR" and m.items == 300
    assert m.duration_s > 0.1
    assert m.cpu_energy_kwh > 0 and m.ram_energy_kwh > 0 and m.gpu_energy_kwh >= 0
    assert m.energy_kwh == pytest.approx(m.cpu_energy_kwh + m.gpu_energy_kwh + m.ram_energy_kwh)
    assert m.energy_per_item_kwh == pytest.approx(m.energy_kwh / 300)
    assert m.method in ("hardware", "estimate")
    assert "ram: CodeCarbon's power model" in m.tracking
    assert m.tool.startswith("codecarbon 3.")
    # CodeCarbon's own figure uses its factor for France (~56 g/kWh in 3.3, toolchain.md)
    assert 0.02 < m.emissions_kgco2e / m.energy_kwh < 0.1
    # energy equals power × time: never more than 1 kW for this machine over the run
    assert m.energy_kwh < m.duration_s / 3600 * 1.0
    assert list(tmp_path.iterdir()) == []  # no emissions.csv, no lock file


def test_decorator_measures_each_call():
    meter = Meter("digest", country="DE", measure_power_secs=0.5)

    @meter
    def work(n):
        return burn_cpu(n)

    assert work(50_000) == burn_cpu(50_000)
    work(50_000)
    assert len(meter.measurements) == 2 and work.meter is meter
    assert all(m.energy_kwh > 0 and m.country == "DE" for m in meter.measurements)
    assert meter.measurements[0].run_id != meter.measurements[1].run_id


def test_failing_block_propagates_its_error_and_records_nothing():
    meter = Meter("boom")
    with pytest.raises(ZeroDivisionError):
        with meter:
            raise ZeroDivisionError("the job failed")
    assert meter.measurements == []


def test_codecarbon_missing_is_measurement_unavailable(monkeypatch):
    monkeypatch.setitem(sys.modules, "codecarbon", None)  # import raises ImportError
    with pytest.raises(MeasurementUnavailable, match="pip install 'footprint\\[measure\\]'"):
        with Meter("x"):
            pass


def test_codecarbon_failing_is_measurement_unavailable(monkeypatch):
    import codecarbon

    def broken(self):
        raise OSError("no /proc here")

    monkeypatch.setattr(codecarbon.OfflineEmissionsTracker, "start", broken)
    with pytest.raises(MeasurementUnavailable, match="no /proc here"):
        with Meter("x"):
            pass


def test_bad_arguments_name_the_field():
    with pytest.raises(ProjectError, match="'XX' is not an ISO") as exc:
        Meter(country="XX")
    assert exc.value.path == "country"
    with pytest.raises(ProjectError) as exc:
        Meter(items=0)
    assert exc.value.path == "items"


def test_import_of_a_csv_written_by_codecarbon_itself(tmp_path):
    meter = Meter("transcode", country="FR", save_dir=tmp_path)
    for rounds in (100_000, 200_000):  # two runs, two rows
        with meter:
            burn_cpu(rounds)
    csv = tmp_path / "emissions.csv"
    header = csv.read_text().splitlines()[0].split(",")
    assert header == CODECARBON_COLUMNS
    runs = read_emissions_csv(csv)
    assert len(runs) == 2
    for imported, measured in zip(runs, meter.measurements, strict=True):
        assert imported.run_id == measured.run_id
        assert imported.cpu_energy_kwh == pytest.approx(measured.cpu_energy_kwh)
        assert imported.ram_energy_kwh == pytest.approx(measured.ram_energy_kwh)
        assert imported.duration_s == pytest.approx(measured.duration_s)
        assert imported.country == "FR" and imported.name == "transcode"
        assert imported.method == "not_recorded"  # the CSV does not say
        assert set(imported.extra) == set(CODECARBON_COLUMNS)  # every column kept

    project = footprint.parse_project(PROJECT)
    updated = add_measurements(project, "Transcoding", runs)
    result = footprint.assess(updated)
    rows = result.table[(result.table["service"] == "Transcoding")
                        & (result.table["indicator"] == "climate_change")]
    assert len(rows) == 2
    assert set(rows["basis"]) == {"measured (method not recorded)"}
    assert rows["amount"].sum() == pytest.approx(sum(r.energy_kwh for r in runs))


def test_malformed_emissions_csv_names_the_problem():
    with pytest.raises(ProjectError, match="columns .* missing"):
        parse_emissions_csv("a,b\n1,2\n")
    good = ",".join(CODECARBON_COLUMNS)
    row = dict.fromkeys(CODECARBON_COLUMNS, "0")
    row.update(cpu_energy="lots", country_iso_code="FRA", codecarbon_version="3.3.2")
    with pytest.raises(ProjectError, match="cpu_energy must be a non-negative number, not "
                       "'lots'") as exc:
        parse_emissions_csv(good + "\n" + ",".join(row[c] for c in CODECARBON_COLUMNS))
    assert exc.value.path == "emissions.csv line 2.cpu_energy"
    with pytest.raises(ProjectError, match="no run"):
        parse_emissions_csv(good + "\n")


PROJECT = textwrap.dedent("""
    name: Archive
    hosting_country: FR
    services:
      - name: Portal
        kind: custom
        components:
          - name: downloads
            tier: networks
            activities: [{factor: network.fixed, amount: 10 GB}]
""")


def test_measured_kind_hand_computed(tiny):
    # 3 Wh per run of 50 pages, scaled to 40,000 pages, PUE 1.5:
    # 0.003 kWh × 40000/50 × 1.5 = 3.6 kWh; tiny FR electricity 0.05 kgCO2e/kWh → 0.18 kg
    m = Measurement("ocr", 60.0, 0.002, 0.0, 0.001, 0.0002, "FR", "estimate", pue=1.5, items=50)
    project = add_measurements(footprint.parse_project(PROJECT), "OCR", [m], items=40000)
    result = footprint.assess(project, tiny)
    t = result.table
    ocr = t[(t["service"] == "OCR") & (t["indicator"] == "climate_change")]
    assert ocr["amount"].tolist() == pytest.approx([3.6])
    assert ocr["impact"].tolist() == pytest.approx([0.18])
    assert ocr["basis"].tolist() == ["measured (estimate)"]
    assert ocr["tier"].tolist() == ["data_centres"] and ocr["region"].tolist() == ["FR"]
    assert set(t.loc[t["service"] == "Portal", "basis"]) == {"modelled"}
    q = result.quantities.set_index("quantity")["value"]
    assert q["ocr: runs in the period"] == pytest.approx(800)
    assert q["ocr: tool emissions"] == pytest.approx(0.0002)
    # a second measurement goes to the same service
    again = add_measurements(project, "OCR", [m])
    assert len(again.services[-1].measurements) == 2


def test_measured_service_checks():
    project = footprint.parse_project(PROJECT)
    m = Measurement("ocr", 1.0, 0.001, 0.0, 0.0, 0.0, "FR", "hardware")
    with pytest.raises(ProjectError, match="'custom' service") as exc:
        add_measurements(project, "Portal", [m])
    assert exc.value.path == "services[0].kind"
    with pytest.raises(ProjectError, match="no item count"):
        add_measurements(project, "OCR", [m], items=10)
    base = {"name": "A", "services": [{"name": "M", "kind": "measured", "measurements": [
        {"name": "run", "energy": "2 kWh", "cpu_energy": "1 kWh"}]}]}
    with pytest.raises(ProjectError, match="not both") as exc:
        footprint.parse_project(base)
    assert exc.value.path.startswith("services[0].measurements[0]")
    base["services"][0]["measurements"][0] = {"name": "run", "energy": "2 kWh", "items": 5}
    with pytest.raises(ProjectError, match="items_measured"):
        footprint.parse_project(base)


def test_cli_measures_a_real_command_into_a_project(tmp_path, capsys):
    project = tmp_path / "p.yaml"
    project.write_text(PROJECT)
    code = main(["measure", "--project", str(project), "--service", "OCR", "--per-item", "20",
                 "--items", "1000", "--name", "digests", "--", sys.executable, "-c",
                 "import hashlib\nx=b''\nfor i in range(200000): x=hashlib.sha256(x).digest()"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "digests" in out and "per item" in out and "method:" in out
    assert "added 1 measurement(s) to service 'OCR'" in err
    updated = footprint.read_project(project)
    m = updated.services[-1].measurements[0]
    assert updated.services[-1].kind == "measured"
    assert m.items_measured == 20 and m.items == 1000 and m.tool.startswith("codecarbon")
    assert m.duration > 0 and m.energy_kwh > 0 and m.method in ("hardware", "estimate")


def test_cli_failing_command_adds_nothing(tmp_path, capsys):
    project = tmp_path / "p.yaml"
    project.write_text(PROJECT)
    code = main(["measure", "--project", str(project), "--service", "OCR", "--",
                 sys.executable, "-c", "raise SystemExit(3)"])
    assert code == 3
    assert "nothing added" in capsys.readouterr().err
    assert project.read_text() == PROJECT
    assert main(["measure", "--project", str(project)]) == 2  # no --service
    assert main(["measure"]) == 2  # no command


def test_cli_imports_emissions_csv(tmp_path, capsys):
    with Meter("batch", save_dir=tmp_path):
        burn_cpu(50_000)
    project = tmp_path / "p.yaml"
    project.write_text(PROJECT)
    out_file = tmp_path / "out.yaml"
    assert main(["measure", "--import", str(tmp_path / "emissions.csv"), "--project",
                 str(project), "--service", "Batch", "--output", str(out_file),
                 "--format", "json"]) == 0
    assert '"method": "not_recorded"' in capsys.readouterr().out
    assert project.read_text() == PROJECT  # --output leaves the original alone
    assert footprint.read_project(out_file).services[-1].measurements[0].name == "batch"
