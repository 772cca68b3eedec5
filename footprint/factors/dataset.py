"""One dataset edition of ``emission_factors/``: read its folder and check it.

See that folder's README for the format. :class:`~footprint.factors.registry.FactorRegistry`
combines datasets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DatasetError, UnitError
from ..units import FLOW_UNITS, INDICATOR_UNITS, conversion_factor
from ._shared_draws import shared_draw_problems

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Dataset", "read_dataset", "QUALITIES", "STAGES", "INCLUDES_COLUMN",
           "FACTOR_COLUMNS", "PARAMETER_COLUMNS", "METADATA_KEYS", "LICENCE_STATUSES"]

STAGES = ("manufacturing", "distribution", "use", "end_of_life")
DISTRIBUTIONS = ("triangular", "uniform", "lognormal")
#: ``published``: a source's own number (maybe unit-converted); ``press-reported``: a
#: source's number read through press or secondary coverage, the source itself not
#: retrieved; ``derived``: computed here from sourced numbers (arithmetic in ``note``);
#: ``estimate``: a labelled guess from sourced parts (arithmetic and assumptions in ``note``).
QUALITIES = ("published", "press-reported", "derived", "estimate")
LICENCE_STATUSES = ("verified", "unverified")
#: Plausible data years of a factor or parameter row.
YEARS = (1990, 2100)
FACTOR_COLUMNS = ("code", "region", "year", "stage", "indicator", "value", "unit", "low", "high",
                  "distribution", "quality", "source_ref", "note")
PARAMETER_COLUMNS = ("code", "region", "year", "value", "unit", "low", "high", "distribution",
                     "quality", "source_ref", "note")
#: Optional ``factors.csv`` column: the other stages a row's value already includes
#: (``distribution;end_of_life`` for a source's undivided non-use figure booked under
#: ``manufacturing``). Stages of an equipment neither given nor included are *not covered*.
INCLUDES_COLUMN = "includes"
METADATA_KEYS = ("id", "title", "publisher", "edition", "retrieved", "url", "licence",
                 "licence_url", "licence_status", "attribution", "sources")


@dataclass(frozen=True)
class Dataset:
    """One dataset edition: its metadata and its raw tables (values in their own units)."""

    id: str
    metadata: dict[str, Any]
    factors: "pd.DataFrame"
    parameters: "pd.DataFrame"
    path: Path | None = field(default=None, compare=False)

    def problems(self) -> list[str]:
        """Integrity problems of this dataset alone (empty when valid)."""
        out = [f"{self.id}: metadata lacks {k!r}" for k in METADATA_KEYS if not self.metadata.get(k)]
        out += _licence_problems(self.id, self.metadata) + shared_draw_problems(self)
        sources = self.metadata.get("sources") or {}
        for name, table, cols in (("factors.csv", self.factors, FACTOR_COLUMNS),
                                  ("parameters.csv", self.parameters, PARAMETER_COLUMNS)):
            missing = [c for c in cols if c not in table.columns]
            if missing:
                out.append(f"{self.id}/{name}: missing columns {missing}")
                continue
            for i, row in enumerate(table.itertuples(index=False), start=2):
                where = f"{self.id}/{name} line {i} ({row.code})"
                if row.source_ref not in sources:
                    out.append(f"{where}: source_ref {row.source_ref!r} not in metadata sources")
                if not (row.low <= row.value <= row.high):
                    out.append(f"{where}: range [{row.low}, {row.high}] does not contain {row.value}")
                if row.distribution not in DISTRIBUTIONS:
                    out.append(f"{where}: distribution {row.distribution!r} not in {DISTRIBUTIONS}")
                if row.quality not in QUALITIES:
                    out.append(f"{where}: quality {row.quality!r} not in {QUALITIES}")
                if not _is_year(row.year):
                    out.append(f"{where}: year {row.year!r} is not a year in {YEARS[0]}-{YEARS[1]}")
                if name == "factors.csv":
                    if row.stage not in STAGES:
                        out.append(f"{where}: stage {row.stage!r} not in {STAGES}")
                    included = [s for s in str(getattr(row, INCLUDES_COLUMN, "")).split(";") if s]
                    if any(s not in STAGES or s == row.stage for s in included):
                        out.append(f"{where}: includes {';'.join(included)!r}: stages other "
                                   f"than {row.stage!r} among {STAGES}, separated by ';'")
                    if row.indicator not in INDICATOR_UNITS:
                        out.append(f"{where}: indicator {row.indicator!r} unknown")
                    else:
                        try:
                            _flow_of_unit(row.unit, row.indicator)
                        except UnitError as exc:
                            out.append(f"{where}: {exc}")
                else:
                    try:
                        conversion_factor(row.unit, row.unit)
                    except UnitError as exc:
                        out.append(f"{where}: {exc}")
        return out


def _is_year(value: Any) -> bool:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return False
    return year == value and YEARS[0] <= year <= YEARS[1]


def _licence_problems(dataset_id: str, metadata: dict[str, Any]) -> list[str]:
    """The licence must point somewhere (an https URL, or this package's own folder for our
    own data) and say whether it was checked at that source."""
    out = []
    url = metadata.get("licence_url")
    if url and not (str(url).startswith("https://") or str(url).startswith("emission_factors/")):
        out.append(f"{dataset_id}: licence_url {url!r} is neither an https URL nor a path "
                   f"inside emission_factors/")
    status = metadata.get("licence_status")
    if status and status not in LICENCE_STATUSES:
        out.append(f"{dataset_id}: licence_status {status!r} not in {LICENCE_STATUSES}")
    return out


def read_dataset(path: str | Path) -> Dataset:
    """Read one dataset folder (``metadata.yaml``, ``factors.csv``, ``parameters.csv``)."""
    import pandas as pd
    import yaml

    path = Path(path)
    meta_file = path / "metadata.yaml"
    if not meta_file.is_file():
        raise DatasetError(f"{path}: no metadata.yaml")
    try:
        metadata = yaml.safe_load(meta_file.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise DatasetError(f"{meta_file}: not valid YAML ({exc})") from None

    def table(name: str, columns: tuple[str, ...]) -> pd.DataFrame:
        file = path / name
        if not file.is_file():
            return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        df = pd.read_csv(file, dtype={"code": str, "region": str, "unit": str, "note": str},
                         keep_default_na=False, na_values={"value": [""], "low": [""], "high": [""]})
        for col in ("value", "low", "high"):
            if col in df:
                df[col] = pd.to_numeric(df[col], errors="coerce")
        if name == "factors.csv":
            df[INCLUDES_COLUMN] = (df[INCLUDES_COLUMN].astype(str) if INCLUDES_COLUMN in df
                                   else "")
        return df

    return Dataset(id=str(metadata.get("id") or path.name), metadata=metadata,
                   factors=table("factors.csv", FACTOR_COLUMNS),
                   parameters=table("parameters.csv", PARAMETER_COLUMNS), path=path)


def _flow_of_unit(unit: str, indicator: str) -> tuple[str, float]:
    """Which flow a factor unit characterises, and the multiplier to canonical units."""
    target = INDICATOR_UNITS[indicator]
    conversion_factor(unit, unit)  # raises UnitError naming a unit that does not parse
    for flow, flow_unit in FLOW_UNITS.items():
        try:
            return flow, conversion_factor(unit, f"({target})/({flow_unit})")
        except UnitError:
            continue
    raise UnitError(f"factor unit {unit!r} is not {target} per one of "
                    f"{', '.join(FLOW_UNITS.values())}")
