"""Round-number factors for the venue kinds' hand-computed tests (vr_experience,
onsite_screens, digitisation_campaign). Not real data: every number is chosen so that
expected results can be computed by hand in the tests' comments."""

from __future__ import annotations

from pathlib import Path

METADATA = """\
id: venue-test-2026
title: Round-number factors for the venue kinds' tests (not real data)
publisher: footprint tests
edition: "2026"
retrieved: 2026-11-25
url: https://example.invalid/venue
licence: CC0-1.0
licence_url: "https://creativecommons.org/publicdomain/zero/1.0/"
licence_status: verified
attribution: Test data of the footprint project.
duties: none
sources:
  t: {citation: "Invented round numbers.", url: "https://example.invalid/venue"}
"""

#: (code, region, stage, value, unit)
FACTORS = [
    ("electricity", "FR", "use", 0.05, "kgCO2e/kWh"),
    ("electricity", "DE", "use", 0.4, "kgCO2e/kWh"),
    ("electricity", "GLO", "use", 0.5, "kgCO2e/kWh"),
    ("network.fixed", "FR", "use", 10, "gCO2e/GB"),
    ("network.mobile", "FR", "use", 20, "gCO2e/GB"),
    ("device.vr_headset", "GLO", "manufacturing", 70, "kgCO2e/device"),
    ("device.vr_headset", "GLO", "end_of_life", 2, "kgCO2e/device"),
    ("device.vr_controller", "GLO", "manufacturing", 4, "kgCO2e/device"),
    ("device.pc_vr", "GLO", "manufacturing", 300, "kgCO2e/device"),
    ("device.monitor", "GLO", "manufacturing", 60, "kgCO2e/device"),
    ("device.kiosk", "GLO", "manufacturing", 350, "kgCO2e/device"),
    ("device.projector", "GLO", "manufacturing", 120, "kgCO2e/device"),
    ("device.tv", "GLO", "manufacturing", 320, "kgCO2e/device"),
    ("device.scanner", "GLO", "manufacturing", 480, "kgCO2e/device"),
    ("device.laptop", "GLO", "manufacturing", 200, "kgCO2e/device"),
    ("storage.hdd.embodied", "GLO", "manufacturing", 2, "kgCO2e/TB/year"),
    ("storage.ssd.embodied", "GLO", "manufacturing", 20, "kgCO2e/TB/year"),
    ("storage.tape.embodied", "GLO", "manufacturing", 0.2, "kgCO2e/TB/year"),
    ("dc.web.embodied", "GLO", "manufacturing", 5, "gCO2e/GB"),
]

#: (code, region, value, unit)
PARAMETERS = [
    ("device.vr_headset.lifetime", "GLO", 5, "year"),
    ("device.vr_headset.daily_use", "GLO", 1, "hour/day"),
    ("device.vr_headset.power", "GLO", 2, "W"),
    ("device.vr_headset_standalone.power", "GLO", 10, "W"),
    ("device.vr_controller.lifetime", "GLO", 5, "year"),
    ("device.vr_controller.daily_use", "GLO", 1, "hour/day"),
    ("device.vr_controller.power", "GLO", 0, "W"),
    ("device.pc_vr.lifetime", "GLO", 6, "year"),
    ("device.pc_vr.daily_use", "GLO", 6, "hour/day"),
    ("device.pc_vr.power", "GLO", 200, "W"),
    ("device.monitor.lifetime", "GLO", 6, "year"),
    ("device.monitor.daily_use", "GLO", 4, "hour/day"),
    ("device.monitor.power", "GLO", 50, "W"),
    ("device.kiosk.lifetime", "GLO", 7, "year"),
    ("device.kiosk.daily_use", "GLO", 10, "hour/day"),
    ("device.kiosk.power", "GLO", 200, "W"),
    ("device.projector.lifetime", "GLO", 6, "year"),
    ("device.projector.daily_use", "GLO", 8, "hour/day"),
    ("device.projector.power", "GLO", 250, "W"),
    ("device.tv.lifetime", "GLO", 8, "year"),
    ("device.tv.daily_use", "GLO", 3, "hour/day"),
    ("device.tv.power", "GLO", 100, "W"),
    ("device.tv.standby_power", "GLO", 1, "W"),
    ("device.scanner.lifetime", "GLO", 6, "year"),
    ("device.scanner.daily_use", "GLO", 6, "hour/day"),
    ("device.scanner.power", "GLO", 200, "W"),
    ("device.laptop.lifetime", "GLO", 5, "year"),
    ("device.laptop.daily_use", "GLO", 4, "hour/day"),
    ("device.laptop.power", "GLO", 25, "W"),
    ("storage.hdd.energy", "GLO", 0.5, "Wh/TB/hour"),
    ("storage.ssd.energy", "GLO", 1, "Wh/TB/hour"),
    ("storage.tape.energy", "GLO", 0.02, "Wh/TB/hour"),
    ("storage.fill_rate", "GLO", 0.5, "dimensionless"),
    ("storage.redundancy", "GLO", 1.25, "dimensionless"),
    ("dc.pue", "FR", 1.5, "dimensionless"),
    ("dc.pue", "GLO", 2, "dimensionless"),
    ("dc.video.energy", "GLO", 2, "Wh/GB"),
    ("dc.web.energy", "GLO", 40, "Wh/GB"),
]


def venue_registry(folder: Path):
    """Write the dataset into ``folder`` and return a registry of it."""
    from footprint.factors import FactorRegistry, read_dataset

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "metadata.yaml").write_text(METADATA, encoding="utf-8")
    head = ("code,region,year,stage,indicator,value,unit,low,high,distribution,quality,"
            "source_ref,note")
    lines = [head] + [f"{c},{r},2026,{s},climate_change,{v},{u},{v},{v},triangular,estimate,t,"
                      for c, r, s, v, u in FACTORS]
    (folder / "factors.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    head = "code,region,year,value,unit,low,high,distribution,quality,source_ref,note"
    lines = [head] + [f"{c},{r},2026,{v},{u},{v},{v},triangular,estimate,t,"
                      for c, r, v, u in PARAMETERS]
    (folder / "parameters.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return FactorRegistry([read_dataset(folder)])
