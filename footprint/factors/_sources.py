"""One fetcher per update source: query the API, check every field, return rows.

Field names, units and pitfalls follow the project's research notes (``apis.md``): ADEME
data-fair ``/lines`` rows, ODRÉ Explore v2.1 exports of éCO2mix, Electricity Maps v3.
A fetcher raises :class:`FactorUpdateError` for anything it cannot trust.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import FactorUpdateError
from ._http import OFFLINE

__all__ = ["Fetched", "FETCHERS"]

_MISSING = {None, "", "ND", "-", "nd", "N/A"}
MAX_PAGES = 50


@dataclass(frozen=True)
class Fetched:
    stem: str                      # dataset id without the retrieval date
    metadata: dict[str, Any]       # everything but id/retrieved/update
    provenance: dict[str, Any]     # endpoint, query, edition details
    factors: list[dict[str, Any]] = field(default_factory=list)
    hourly: Any = None             # DataFrame region, start_utc, value, unit, source_ref


def _fail(source: str, message: str) -> FactorUpdateError:
    return FactorUpdateError(f"{source}: {message}; {OFFLINE}")


def _number(source: str, value: Any, where: str) -> float | None:
    """A float from a JSON number or a string with a dot or a decimal comma; None if the
    source marks it missing; an error for anything else."""
    if value in _MISSING:
        return None
    if isinstance(value, bool):
        raise _fail(source, f"{where}: expected a number, got {value!r}")
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str) and re.fullmatch(r"\s*-?\d+([.,]\d*)?([eE][-+]?\d+)?\s*", value):
        number = float(value.replace(",", "."))
    else:
        raise _fail(source, f"{where}: non-numeric value {str(value)[:40]!r}")
    if number != number or number in (float("inf"), float("-inf")):
        raise _fail(source, f"{where}: non-finite value {value!r}")
    return number


# -- ADEME Base Carbone (data-fair) -----------------------------------------------------
_ADEME_FIELDS = ("Identifiant_de_l'élément", "Type_Ligne", "Nom_base_français",
                 "Nom_attribut_français", "Unité_français", "Total_poste_non_décomposé")
_MIX = re.compile(r"^(\d{4}) - mix moyen$")


def fetch_ademe(client, *, now, **_) -> Fetched:
    """The latest 'Electricité / <year> - mix moyen / consommation' factor of mainland
    France, found by name (identifiers change between editions)."""
    meta = client.get("")
    if not isinstance(meta, dict):
        raise _fail("ademe", "the dataset description is not a JSON object")
    version = str((meta.get("file") or {}).get("name") or meta.get("updatedAt") or "")
    params = {"q": "mix moyen", "q_fields": "Nom_attribut_français", "size": 100,
              "select": ",".join(_ADEME_FIELDS + ("Statut_de_l'élément",
                                                  "Nom_frontière_français",
                                                  "Localisation_géographique", "Incertitude",
                                                  "Date_de_modification"))}
    rows, page, url = [], 0, "lines"
    while url:
        doc = client.get(url, params if page == 0 else None)
        page += 1
        if not isinstance(doc, dict) or not isinstance(doc.get("results"), list):
            raise _fail("ademe", "a /lines page has no 'results' list")
        rows += doc["results"]
        url = doc.get("next")
        if page >= MAX_PAGES and url:
            raise _fail("ademe", f"more than {MAX_PAGES} pages for one query")
    candidates = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise _fail("ademe", f"results[{i}] is not an object")
        missing = [f for f in _ADEME_FIELDS if f not in row]
        if missing:
            raise _fail("ademe", f"results[{i}] lacks the field(s) {missing}")
        match = _MIX.match(str(row["Nom_attribut_français"]).strip())
        if (row["Type_Ligne"] == "Elément" and match
                and str(row["Nom_base_français"]).strip() == "Electricité"
                and str(row.get("Nom_frontière_français", "")).strip() == "consommation"
                and str(row.get("Statut_de_l'élément", "Valide")).startswith("Valide")
                and row.get("Localisation_géographique", "France continentale")
                == "France continentale"):
            candidates.append((int(match.group(1)), i, row))
    if not candidates:
        raise _fail("ademe", "no valid 'Electricité / <year> - mix moyen / consommation' "
                    f"element for mainland France among {len(rows)} rows")
    year, i, row = max(candidates, key=lambda c: c[:2])
    unit = re.sub(r"\s+", "", str(row["Unité_français"]))
    if unit.lower() != "kgco2e/kwh":
        raise _fail("ademe", f"results[{i}] ({row['Nom_attribut_français']}): unit "
                    f"{row['Unité_français']!r}, expected 'kgCO2e/kWh'")
    where = f"results[{i}].Total_poste_non_décomposé"
    value = _number("ademe", row["Total_poste_non_décomposé"], where)
    if value is None:
        raise _fail("ademe", f"{where} is empty")
    if not 0.02 <= value <= 0.10:  # plausibility band of the French mix (apis.md §1.8)
        raise _fail("ademe", f"{where} = {value:g} kgCO2e/kWh is outside the plausible "
                    "0.02–0.10 band for the French consumption mix (wrong unit?)")
    uncertainty = _number("ademe", row.get("Incertitude"), f"results[{i}].Incertitude")
    share = (uncertainty or 0.0) / 100.0
    element = str(row["Identifiant_de_l'élément"])
    modified = str(row.get("Date_de_modification") or "")
    note = (f"Base Carbone element {element} 'Electricité / {year} - mix moyen / "
            f"consommation', France continentale, found by name"
            + (f", modified {modified}" if modified else "")
            + (f"; range = value × (1 ± {uncertainty:g} %), ADEME's Incertitude"
               if uncertainty else "; no uncertainty published: range = value"))
    factor = {"code": "electricity", "region": "FR", "year": year, "stage": "use",
              "indicator": "climate_change", "value": value, "unit": "kgCO2e/kWh",
              "low": value * (1 - share), "high": value * (1 + share),
              "distribution": "triangular", "quality": "published",
              "source_ref": "ademe-base-carbone", "note": note}
    metadata = {
        "title": f"ADEME Base Carbone® electricity factor for mainland France, consumption "
                 f"mix, life cycle ({year} edition, fetched from data.ademe.fr)",
        "publisher": "ADEME (Agence de la transition écologique)",
        "edition": f"Base Carbone® 'Electricité - {year} - mix moyen - consommation' "
                   f"(element {element}{', file ' + version if version else ''})",
        "url": client.url("lines"),
        "licence": "Licence Ouverte / Open Licence (Etalab)",
        "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "licence_status": "unverified",
        "attribution": f"Source: ADEME, Base Carbone® (data.ademe.fr), Electricité {year} "
                       f"mix moyen consommation, retrieved {now:%Y-%m-%d}.",
        "duties": "Name ADEME, the Base Carbone® dataset and its date of update wherever "
                  "the value is shown.",
        "sources": {"ademe-base-carbone": {
            "citation": f"ADEME, Base Carbone® on data.ademe.fr (data-fair API), element "
                        f"{element} 'Electricité / {year} - mix moyen / consommation'.",
            "url": client.url("lines")}}}
    provenance = {"endpoint": client.url("lines"), "query": params, "element": element,
                  "file": version, "modified": modified}
    return Fetched("ademe-base-carbone-electricity", metadata, provenance, [factor])


# -- RTE éCO2mix on ODRÉ (Opendatasoft Explore v2.1) --------------------------------------
def _last_year(now: dt.datetime) -> tuple[dt.date, dt.date]:
    return dt.date(now.year - 1, 1, 1), dt.date(now.year, 1, 1)


def _hourly_frame(source: str, times, values, *, region: str, unit: str, ref: str,
                  upper: float):
    """Hourly means of (time, value) samples: missing and zero values dropped (RTE's
    placeholders), duplicate timestamps (clock changes) counted once."""
    import pandas as pd

    stamps = pd.to_datetime(pd.Series(times, dtype=object), utc=True, errors="coerce",
                            format="ISO8601")
    if stamps.isna().any():
        i = int(stamps.isna().to_numpy().argmax())
        raise _fail(source, f"record {i}: datetime {times[i]!r} is not an ISO 8601 time")
    frame = pd.DataFrame({"t": stamps, "v": pd.Series(values, dtype=float)})
    frame = frame[frame["v"].notna() & (frame["v"] != 0)].drop_duplicates("t")
    if frame.empty:
        raise _fail(source, "no value in the period (only empty or placeholder records)")
    if (frame["v"] < 0).any() or (frame["v"] > upper).any() or frame["v"].median() < 1:
        raise _fail(source, f"values from {frame['v'].min():g} to {frame['v'].max():g} are "
                    f"not plausible intensities in {unit} (wrong unit?)")
    hourly = frame.groupby(frame["t"].dt.floor("h"))["v"].mean()
    return pd.DataFrame({"region": region,
                         "start_utc": hourly.index.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         "value": hourly.to_numpy().round(3), "unit": unit,
                         "source_ref": ref})


def fetch_eco2mix(client, *, start, end, now, eco2mix_dataset, **_) -> Fetched:
    """Hourly ``taux_co2`` [g/kWh] of French generation over [start, end)."""
    if start is None or end is None:
        start, end = _last_year(now)
    where = (f"date_heure >= date'{start:%Y-%m-%d}T00:00:00+00:00' AND "
             f"date_heure < date'{end:%Y-%m-%d}T00:00:00+00:00'")
    params = {"select": "date_heure,taux_co2", "where": where,
              "order_by": "date_heure asc", "timezone": "UTC"}
    path = f"catalog/datasets/{eco2mix_dataset}/exports/json"
    records = client.get(path, params)
    if isinstance(records, dict) and "error_code" in records:
        raise _fail("eco2mix", f"{records.get('error_code')}: {records.get('message', '')}")
    if not isinstance(records, list):
        raise _fail("eco2mix", "the export is not a JSON array of records")
    times, values = [], []
    for i, rec in enumerate(records):
        if not isinstance(rec, dict):
            raise _fail("eco2mix", f"record {i} is not an object")
        for key in ("date_heure", "taux_co2"):
            if key not in rec:
                raise _fail("eco2mix", f"record {i} lacks the field {key!r}")
        times.append(rec["date_heure"])
        values.append(_number("eco2mix", rec["taux_co2"], f"record {i}.taux_co2"))
    hourly = _hourly_frame("eco2mix", times, [float("nan") if v is None else v
                                              for v in values],
                           region="FR", unit="g/kWh", ref="rte-eco2mix", upper=1500.0)
    period = f"{start:%Y-%m-%d} to {end:%Y-%m-%d} (end excluded)"
    metadata = {
        "title": f"RTE éCO2mix hourly CO2 intensity of French generation, {period}",
        "publisher": "RTE (Réseau de transport d'électricité), via ODRÉ",
        "edition": f"{eco2mix_dataset}, {period}, {len(records)} records",
        "url": client.url(path),
        "licence": "Licence Ouverte v2.0 (Etalab)",
        "licence_url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "licence_status": "unverified",
        "attribution": f"Source: RTE, éCO2mix ({eco2mix_dataset}) on ODRÉ, retrieved "
                       f"{now:%Y-%m-%d}.",
        "duties": "Name RTE / éCO2mix and the retrieval date wherever the series is shown.",
        "intensity_basis": "direct CO2 of French generation per kWh produced (taux_co2), "
                           "imports excluded; used as an hour-by-hour profile, not as a "
                           "life-cycle factor",
        "sources": {"rte-eco2mix": {
            "citation": f"RTE, éCO2mix '{eco2mix_dataset}', field taux_co2 (g/kWh), "
                        f"{period}, Opendatasoft Explore v2.1 export.",
            "url": client.url(path)}}}
    provenance = {"endpoint": client.url(path), "query": params,
                  "period": [f"{start:%Y-%m-%d}", f"{end:%Y-%m-%d}"]}
    return Fetched("rte-eco2mix-hourly", metadata, provenance, hourly=hourly)


# -- Electricity Maps v3 ------------------------------------------------------------------
def fetch_electricitymaps(client, *, start, end, zone, now, **_) -> Fetched:
    """Hourly life-cycle intensity [gCO2eq/kWh] of a zone: the last 24 h, or a period."""
    base = {"zone": zone, "emissionFactorType": "lifecycle"}
    entries, queries = [], []
    if start is None or end is None:
        queries.append(("carbon-intensity/history", base))
    else:
        step, t = dt.timedelta(days=10), dt.datetime.combine(start, dt.time(), dt.UTC)
        stop = dt.datetime.combine(end, dt.time(), dt.UTC)
        while t < stop:
            t2 = min(t + step, stop)
            queries.append(("carbon-intensity/past-range", {
                **base, "start": t.isoformat().replace("+00:00", "Z"),
                "end": t2.isoformat().replace("+00:00", "Z"), "temporalGranularity": "hourly"}))
            t = t2
        if len(queries) > MAX_PAGES:
            raise _fail("electricitymaps", f"the period needs more than {MAX_PAGES} requests")
    for path, params in queries:
        doc = client.get(path, params)
        items = doc.get("history", doc.get("data")) if isinstance(doc, dict) else None
        if not isinstance(items, list):
            raise _fail("electricitymaps", f"{path}: no 'history' or 'data' list")
        entries += items
    times, values = [], []
    for i, item in enumerate(entries):
        if not isinstance(item, dict) or "carbonIntensity" not in item or "datetime" not in item:
            raise _fail("electricitymaps", f"entry {i} lacks 'carbonIntensity' or 'datetime'")
        kind = item.get("emissionFactorType", "lifecycle")
        if kind != "lifecycle":
            raise _fail("electricitymaps", f"entry {i} is {kind!r} intensity, not life-cycle")
        if item.get("zone", zone) != zone:
            raise _fail("electricitymaps", f"entry {i} is for zone {item.get('zone')!r}, "
                        f"not {zone!r}")
        times.append(item["datetime"])
        value = _number("electricitymaps", item["carbonIntensity"],
                        f"entry {i}.carbonIntensity")
        values.append(float("nan") if value is None else value)
    hourly = _hourly_frame("electricitymaps", times, values, region=zone, unit="gCO2e/kWh",
                           ref="electricitymaps", upper=2000.0)
    span = f"{hourly['start_utc'].iloc[0]} to {hourly['start_utc'].iloc[-1]}"
    metadata = {
        "title": f"Electricity Maps hourly life-cycle carbon intensity, zone {zone}, {span}",
        "publisher": "Electricity Maps",
        "edition": f"API v3, {queries[0][0]}, zone {zone}, {span}",
        "url": client.url(queries[0][0]),
        "licence": "Electricity Maps API terms: hourly data are proprietary (not open data); "
                   "for the token holder's own assessments, not for redistribution",
        "licence_url": "https://www.electricitymaps.com/",
        "licence_status": "unverified",
        "attribution": f"Data: Electricity Maps (zone {zone}), retrieved {now:%Y-%m-%d}.",
        "duties": "Attribute Electricity Maps; do not redistribute the hourly values.",
        "intensity_basis": "life-cycle, flow-traced carbon intensity of consumption",
        "sources": {"electricitymaps": {
            "citation": f"Electricity Maps API v3, {queries[0][0]}, zone {zone}, "
                        "emissionFactorType=lifecycle.", "url": client.url(queries[0][0])}}}
    provenance = {"endpoint": client.url(queries[0][0]), "queries": [q[1] for q in queries]}
    stem = "electricitymaps-" + re.sub(r"[^a-z0-9]+", "-", zone.lower()).strip("-")
    return Fetched(stem, metadata, provenance, hourly=hourly)


FETCHERS = {"ademe": fetch_ademe, "eco2mix": fetch_eco2mix,
            "electricitymaps": fetch_electricitymaps}
