"""Import of CodeCarbon's ``emissions.csv``: one :class:`~footprint.measure.Measurement`
per run, for the ``measured`` kind (``footprint measure --import FILE``, the app's Measure page).

References
----------
CodeCarbon 3.3 (MIT), the columns of ``emissions.csv``: https://mlco2.github.io/codecarbon/
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ProjectError
from .loaders import read_regular_file

if TYPE_CHECKING:
    from .measure import Measurement

#: Columns of CodeCarbon 3.3's ``emissions.csv`` that an import needs.
EMISSIONS_COLUMNS = ("timestamp", "run_id", "duration", "emissions", "cpu_energy",
                     "gpu_energy", "ram_energy", "energy_consumed", "country_iso_code",
                     "codecarbon_version", "pue")
MAX_CSV_BYTES = 20_000_000


def parse_emissions_csv(data: bytes | str, *, name: str | None = None) -> list[Measurement]:
    """Measurements from the text of a CodeCarbon ``emissions.csv`` (one per run/row).

    Every column is kept in ``Measurement.extra``. CodeCarbon's CSV does not say whether
    hardware counters were used, so the method is ``not_recorded``.
    """
    import pandas as pd

    from .measure import Measurement

    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    if len(raw) > MAX_CSV_BYTES:
        raise ProjectError(f"the emissions file is larger than {MAX_CSV_BYTES:,} bytes",
                           path="emissions.csv")
    try:
        df = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ProjectError(f"not a CSV file: {exc}", path="emissions.csv") from None
    missing = [c for c in EMISSIONS_COLUMNS if c not in df.columns]
    if missing:
        raise ProjectError(f"not a CodeCarbon emissions.csv: columns {missing} are missing "
                           f"(found {list(df.columns)[:12]})", path="emissions.csv")
    if df.empty:
        raise ProjectError("the emissions file has no run", path="emissions.csv")
    numeric = ("duration", "emissions", "cpu_energy", "gpu_energy", "ram_energy", "pue")
    values = {}
    for col in numeric:
        v = pd.to_numeric(df[col].replace("", "0"), errors="coerce")
        bad = v.isna() | (v < 0) | ~v.abs().lt(float("inf"))
        if bad.any():
            i = int(bad.to_numpy().argmax())
            raise ProjectError(f"{col} must be a non-negative number, not {df[col].iloc[i]!r}",
                               path=f"emissions.csv line {i + 2}.{col}", value=df[col].iloc[i])
        values[col] = v.to_numpy(dtype=float)
    out = []
    for i, row in enumerate(df.to_dict("records")):
        iso3 = row.get("country_iso_code", "")
        out.append(Measurement(
            name=name or row.get("project_name") or "codecarbon run",
            duration_s=float(values["duration"][i]),
            cpu_energy_kwh=float(values["cpu_energy"][i]),
            gpu_energy_kwh=float(values["gpu_energy"][i]),
            ram_energy_kwh=float(values["ram_energy"][i]),
            emissions_kgco2e=float(values["emissions"][i]), country=_iso2(iso3),
            method="not_recorded", tracking=f"tracking_mode: {row.get('tracking_mode', '')}",
            tool=f"codecarbon {row['codecarbon_version']}", run_id=row["run_id"],
            timestamp=row["timestamp"], pue=max(1.0, float(values["pue"][i])), extra=row))
    return out


def _iso2(iso3: str) -> str:
    if not iso3:
        return ""
    try:
        import pycountry
    except ImportError:
        return ""
    found = pycountry.countries.get(alpha_3=iso3.upper())
    return found.alpha_2 if found else ""


def read_emissions_csv(path: str | Path, *, name: str | None = None) -> list[Measurement]:
    """Measurements from a CodeCarbon ``emissions.csv`` file (see :func:`parse_emissions_csv`)."""
    return parse_emissions_csv(read_regular_file(path, MAX_CSV_BYTES), name=name)
