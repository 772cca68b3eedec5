"""Regenerate the Boavizta rows of the extra indicators in
``emission_factors/boavizta-api-2.5.0/factors.csv`` from boaviztapi 2.5.0's ``factors.yml``.

Indicators (EF 3.0 names, as ADEME's digital-services rules list them): resource use,
fossils (``resource_use_fossils``, MJ), acidification (mol H+ eq), particulate matter
(disease incidence), ionising radiation (kBq U235 eq). Devices: Boavizta's Base Empreinte /
CEPIR "embedded" values (manufacture + distribution + end of life); electricity: ADEME
Base IMPACTS 2011 per country, for the countries the dataset already covers.

Usage::

    pip download boaviztapi==2.5.0 --no-deps -d /tmp/bz && unzip /tmp/bz/*.whl -d /tmp/bz
    python scripts/boavizta_indicators.py /tmp/bz/boaviztapi/data/factors.yml

Rows of these four indicators are replaced. Boavizta's electricity ``primary_energy``
(its "pe" = ADPf / (1 - renewable share), an approximation) and ``water`` (WRI
operational consumption) rows are dropped: they are not on the definitions the tool
uses for these indicators (``footprint.schema.base.INDICATOR_DEFINITIONS``). Every other
row is kept as it is.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

import yaml

DATASET = Path(__file__).resolve().parent.parent / "emission_factors" / "boavizta-api-2.5.0"
#: indicator id -> (Boavizta key, unit of the impact, what it is)
INDICATORS = {
    "resource_use_fossils": ("adpf", "MJ", "resource use, fossils (EF 3.0 ADPf, MJ net "
                             "calorific value, uranium included)"),
    "acidification": ("ap", "molHeq", "acidification (EF 3.0 accumulated exceedance, "
                      "mol H+ eq)"),
    "particulate_matter": ("pm", "disease_incidence", "particulate-matter emissions (EF 3.0, "
                           "disease incidence)"),
    "ionising_radiation": ("ir", "kBqU235eq", "ionising radiation, human health (EF 3.0, "
                           "kBq U235 eq)"),
}
#: footprint device code -> (Boavizta key, variant or None, label); a list sums keys.
DEVICES = {
    "device.laptop": [("LAPTOP", "perso")],
    "device.desktop": [("DESKTOP", "perso")],
    "device.desktop_pro": [("DESKTOP", "pro")],
    "device.monitor": [("MONITOR", None)],
    "device.smartphone": [("SMARTPHONE", None)],
    "device.tablet": [("TABLET", None)],
    "device.tv": [("TELEVISION", "perso")],
    "device.internet_box": [("BOX", None)],
    "device.vr_controller": [("VR_CONTROLLER", None)],
    "device.external_hdd": [("EXTERNAL_HDD", None)],
    "device.external_ssd": [("EXTERNAL_SSD", None)],
    "device.usb_key": [("USB_STICK", None)],
    "device.desktop_with_monitor": [("DESKTOP", "perso"), ("MONITOR", None)],
}
ISO3 = {"AT": "AUT", "AU": "AUS", "BE": "BEL", "BR": "BRA", "CA": "CAN", "CH": "CHE",
        "CI": "CIV", "CN": "CHN", "DE": "DEU", "DK": "DNK", "ES": "ESP", "FI": "FIN",
        "FR": "FRA", "GB": "GBR", "IE": "IRL", "IN": "IND", "IT": "ITA", "JP": "JPN",
        "KR": "KOR", "LU": "LUX", "MA": "MAR", "NL": "NLD", "NO": "NOR", "PL": "POL",
        "PT": "PRT", "SE": "SWE", "SG": "SGP", "SN": "SEN", "TN": "TUN", "US": "USA",
        "ZA": "ZAF", "EUR": "EEE", "GLO": "WOR"}
#: Values Boavizta's file gives that are orders of magnitude off every country's value
#: (EEE and WOR acidification: 0.22 and 2.3 mol H+ eq/kWh against 4e-5 to 0.016 for the
#: countries): left out, so these regions are not covered rather than wrong.
SKIP = {("EUR", "acidification"), ("GLO", "acidification")}
#: Indicators whose Boavizta rows are off the tool's definitions (see the docstring).
DROPPED = ("primary_energy", "water")
RANGE = 0.5


def _device_value(data, parts, key):
    total, labels = 0.0, []
    for name, variant in parts:
        entry = data[name][key]
        if variant is not None:
            entry = entry[variant]
        elif "impact" not in entry:  # two technologies (VR headset): not used here
            raise KeyError(name)
        total += float(entry["impact"])
        labels.append(f"{name}{' ' + repr(variant) if variant else ''}")
    return total, " + ".join(labels)


def rows(data):
    out = []
    for ind, (key, unit, what) in INDICATORS.items():
        for code, parts in DEVICES.items():
            value, label = _device_value(data, parts, key)
            derived = len(parts) > 1
            note = (f"{what}. boaviztapi 2.5.0 factors.yml {label} {key}"
                    f"{' (sum)' if derived else ''}: Boavizta's Base Empreinte 'embedded' "
                    f"value = manufacture + distribution + end of life, reported under stage "
                    f"manufacturing. Year 2022 is nominal. No published range: +/-50 % "
                    f"chosen here.")
            out.append(_row(code, "GLO", 2022, "manufacturing", ind, value, f"{unit}/device",
                            "derived" if derived else "published", note))
        lcd = float(data["VR_HEADSET"][key]["lcd"]["impact"])
        oled = float(data["VR_HEADSET"][key]["oled"]["impact"])
        out.append(_row("device.vr_headset", "GLO", 2022, "manufacturing", ind,
                        (lcd + oled) / 2, f"{unit}/device", "derived",
                        f"{what}. boaviztapi 2.5.0 factors.yml VR_HEADSET {key}: mean of LCD "
                        f"{lcd:g} and OLED {oled:g} (CEPIR 2022), as for the ADEME carbon "
                        f"rows. Embedded value under stage manufacturing. Range +/-50 %."))
        elec = data["electricity"]
        for region, iso3 in ISO3.items():
            if (region, ind) in SKIP or key not in elec.get(iso3, {}):
                continue
            e = elec[iso3][key]
            out.append(_row("electricity", region, int(e["reference_year"]), "use", ind,
                            float(e["value"]), f"{unit}/kWh", "published",
                            f"{elec[iso3]['country']}. {what} per kWh. boaviztapi 2.5.0 "
                            f"factors.yml electricity.{iso3}.{key} (source: "
                            f"{e['source']} {e['reference_year']}). No published range: "
                            f"+/-50 % chosen here."))
    return out


def _row(code, region, year, stage, indicator, value, unit, quality, note):
    value = float(f"{value:.6g}")
    return {"code": code, "region": region, "year": year, "stage": stage,
            "indicator": indicator, "value": value, "unit": unit,
            "low": float(f"{value * (1 - RANGE):.6g}"),
            "high": float(f"{value * (1 + RANGE):.6g}"), "distribution": "triangular",
            "quality": quality, "source_ref": "boaviztapi-2.5.0", "note": note}


def main(argv):
    data = yaml.safe_load(Path(argv[1]).read_text(encoding="utf-8"))
    path = DATASET / "factors.csv"
    old = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    keep = [r for r in old if r["indicator"] not in INDICATORS and r["indicator"] not in DROPPED]
    new = rows(data)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(old[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(keep + new)
    path.write_text(buf.getvalue(), encoding="utf-8")
    print(f"{len(keep)} rows kept, {len(new)} rows written to {path}")


if __name__ == "__main__":
    main(sys.argv)
