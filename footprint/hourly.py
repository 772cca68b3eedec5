"""Electricity hour by hour: a service with a ``schedule`` is assessed at its hours.

An hourly carbon-intensity series (from ``footprint factors update --source eco2mix`` or
``electricitymaps``, or a CSV with ``start_utc,value[,region,unit]`` in g/kWh) gives how
the grid's intensity moves through the day. For a scheduled service, the climate-change
factor of its electricity rows in the series' region becomes::

    annual factor + (mean of the series at the scheduled hours − mean of the series) / 1000

in kgCO2e/kWh. The series thus moves the factor hour by hour while the dataset's annual
life-cycle factor keeps the level (RTE's ``taux_co2`` counts only the direct CO2 of
French plants, the part that varies hour by hour; the upstream and construction parts of
a life-cycle factor do not follow the hour). A shifted factor never goes below 0.

A schedule is either a ``start`` and a ``duration`` (an event; a start outside the
series' period is read at the same date and local time of the series' year, and the
result says so) or ``hours_of_day`` (work that runs every day at those local hours,
averaged over every day of the series).

References
----------
RTE, éCO2mix, "Les émissions de CO2 par kWh produit en France" (taux_co2: direct
emissions of French generation, imports excluded).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from .errors import DatasetError, ProjectError

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["HourlySeries", "read_hourly_csv", "parse_hourly_csv", "series_from_registry",
           "scheduled_intensity", "apply_schedules", "lowest_carbon_hours", "move_to_hours",
           "shift_saving", "ShiftSaving"]

MAX_CSV_BYTES = 20_000_000
_UNITS = {"g/kwh", "gco2/kwh", "gco2e/kwh", "gco2eq/kwh"}


@dataclass(frozen=True)
class HourlySeries:
    """Carbon intensity of one region, hour by hour.

    Attributes
    ----------
    region : str
    start_s : ndarray of int64
        Start of each hour, seconds since 1970-01-01 UTC, increasing.
    value_g_per_kwh : ndarray of float
        Intensity of each hour [g/kWh].
    dataset : str
        Where it comes from (dataset id or file name).
    """

    region: str
    start_s: np.ndarray
    value_g_per_kwh: np.ndarray
    dataset: str = ""

    @property
    def mean_g_per_kwh(self) -> float:
        """Mean over every hour of the series [g/kWh]."""
        return float(self.value_g_per_kwh.mean())

    def local_hours(self, timezone: str) -> np.ndarray:
        """Local hour of day (0–23) of each hour of the series."""
        import pandas as pd

        return pd.to_datetime(self.start_s, unit="s", utc=True).tz_convert(timezone) \
            .hour.to_numpy()


def parse_hourly_csv(text: str | bytes, *, region: str | None = None,
                     name: str = "hourly.csv") -> HourlySeries:
    """A series from CSV text: ``start_utc`` (ISO 8601) and ``value`` [g/kWh], optional
    ``region`` (one per file) and ``unit``; hours unique and on the hour."""
    import pandas as pd

    raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    if len(raw) > MAX_CSV_BYTES:
        raise DatasetError(f"{name}: larger than {MAX_CSV_BYTES:,} bytes")
    try:
        df = pd.read_csv(io.BytesIO(raw), dtype=str, keep_default_na=False)
    except (ValueError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{name}: not a CSV file ({exc})") from None
    for col in ("start_utc", "value"):
        if col not in df.columns:
            raise DatasetError(f"{name}: column {col!r} is missing (found {list(df.columns)})")
    if df.empty:
        raise DatasetError(f"{name}: no hour in the series")
    if "unit" in df.columns:
        bad = ~df["unit"].str.replace(" ", "").str.lower().isin(_UNITS)
        if bad.any():
            raise DatasetError(f"{name} line {int(bad.to_numpy().argmax()) + 2}: unit "
                               f"{df['unit'][bad].iloc[0]!r}, expected g/kWh")
    regions = set(df["region"]) if "region" in df.columns else set()
    if len(regions) > 1:
        raise DatasetError(f"{name}: one region per series, found {sorted(regions)[:5]}")
    region = region or (regions.pop() if regions else None)
    if not region:
        raise DatasetError(f"{name}: no region column: give the region of the series")
    values = pd.to_numeric(df["value"], errors="coerce")
    bad = values.isna() | (values < 0) | (values > 2000)
    if bad.any():
        i = int(bad.to_numpy().argmax())
        raise DatasetError(f"{name} line {i + 2}: value {df['value'].iloc[i]!r} is not an "
                           f"intensity in g/kWh (0–2000)")
    stamps = pd.to_datetime(df["start_utc"], utc=True, errors="coerce", format="ISO8601")
    if stamps.isna().any():
        i = int(stamps.isna().to_numpy().argmax())
        raise DatasetError(f"{name} line {i + 2}: start_utc {df['start_utc'].iloc[i]!r} is "
                           f"not an ISO 8601 time")
    seconds = stamps.dt.as_unit("s").astype("int64").to_numpy()
    if (seconds % 3600).any():
        i = int(np.flatnonzero(seconds % 3600)[0])
        raise DatasetError(f"{name} line {i + 2}: {df['start_utc'].iloc[i]!r} is not on the "
                           f"hour")
    if (np.diff(seconds) <= 0).any():
        i = int(np.flatnonzero(np.diff(seconds) <= 0)[0]) + 1
        raise DatasetError(f"{name} line {i + 2}: hours must increase without repeats")
    return HourlySeries(str(region), seconds.astype(np.int64), values.to_numpy(dtype=float),
                        name)


def read_hourly_csv(path: str | Path, *, region: str | None = None) -> HourlySeries:
    """A series from a CSV file (see :func:`parse_hourly_csv`)."""
    path = Path(path)
    if not path.is_file():
        raise DatasetError(f"{path}: not a file")
    if path.stat().st_size > MAX_CSV_BYTES:
        raise DatasetError(f"{path}: larger than {MAX_CSV_BYTES:,} bytes")
    name = path.parent.name if path.name == "hourly.csv" else path.name
    return parse_hourly_csv(path.read_bytes(), region=region, name=name)


def series_from_registry(registry) -> dict[str, HourlySeries]:
    """The hourly series of the registry's datasets, by region (the most recently
    retrieved one when several datasets cover a region)."""
    found: dict[str, tuple[str, HourlySeries]] = {}
    for ds in registry.datasets.values():
        file = ds.path / "hourly.csv" if ds.path is not None else None
        if file is not None and file.is_file():
            series = read_hourly_csv(file)
            key = (str(ds.metadata.get("retrieved", "")), ds.id)
            if series.region not in found or key > found[series.region][0]:
                found[series.region] = (key, series)
    return {region: s for region, (_, s) in found.items()}


def _window_s(schedule) -> tuple[int, int]:
    from zoneinfo import ZoneInfo

    start = schedule.start
    if start.tzinfo is None:
        start = start.replace(tzinfo=ZoneInfo(schedule.timezone))
    begin = int(start.timestamp())
    return begin, begin + int(round(schedule.duration * 3600))


def _in_series_year(schedule, series: HourlySeries) -> tuple[int, int, str]:
    """The event's window, moved to the series' year when the series does not cover it."""
    from zoneinfo import ZoneInfo

    begin, end = _window_s(schedule)
    if begin < series.start_s[-1] + 3600 and end > series.start_s[0]:
        return begin, end, ""
    zone = ZoneInfo(schedule.timezone)
    local = dt.datetime.fromtimestamp(begin, zone)
    year = dt.datetime.fromtimestamp(int(series.start_s[0]), zone).year
    day = min(local.day, 28) if (local.month, local.day) == (2, 29) else local.day
    moved = local.replace(year=year, day=day)
    shift = int(moved.timestamp()) - begin
    return begin + shift, end + shift, (f"the series covers {year}: the event is read at "
                                        f"{moved:%Y-%m-%d %H:%M} {schedule.timezone}")


def scheduled_intensity(schedule, series: HourlySeries) -> tuple[float, str]:
    """Mean intensity of the series at a schedule's hours [g/kWh], and a note."""
    if schedule.hours_of_day is not None:
        mask = np.isin(series.local_hours(schedule.timezone), list(schedule.hours_of_day))
        return float(series.value_g_per_kwh[mask].mean()), ""
    begin, end, note = _in_series_year(schedule, series)
    t = series.start_s
    overlap = np.clip(np.minimum(end, t + 3600) - np.maximum(begin, t), 0, None)
    covered = overlap.sum()
    if covered == 0:
        raise ProjectError("the schedule falls in a gap of the hourly series",
                           path="schedule.start")
    if covered < end - begin:
        note = (note + "; " if note else "") + (f"the series covers {covered / 3600:g} h "
                                                f"of the {(end - begin) / 3600:g} h")
    return float((overlap * series.value_g_per_kwh).sum() / covered), note


def apply_schedules(project, table: "pd.DataFrame", quantities: "pd.DataFrame",
                    series: dict[str, HourlySeries]):
    """Shift the climate-change electricity factor of scheduled services (see the module
    docstring). Returns the new table, extra quantity rows and warnings."""
    import pandas as pd

    from .inventory import quantities as qframe

    scheduled = [s for s in project.services if getattr(s, "schedule", None) is not None]
    if not scheduled:
        return table, quantities, []
    table, warnings, extra = table.copy(), [], []
    elec = (table["flow"] == "electricity") & (table["indicator"] == "climate_change")
    for svc in scheduled:
        rows = elec & (table["service"] == svc.name)
        regions = sorted(set(table.loc[rows, "region"]))
        for region in regions:
            if region not in series:
                warnings.append(f"{svc.name}: no hourly series for {region}; its annual "
                                f"electricity factor is used at every hour")
                continue
            s = series[region]
            at_hours, note = scheduled_intensity(svc.schedule, s)
            shift = (at_hours - s.mean_g_per_kwh) / 1000.0  # kgCO2e/kWh
            sel = rows & (table["region"] == region)
            new_factor = np.maximum(table.loc[sel, "factor_value"].astype(float) + shift, 0.0)
            applied = new_factor - table.loc[sel, "factor_value"].astype(float)
            table.loc[sel, "factor_value"] = new_factor
            for col, amount in (("impact", "amount"), ("impact_low", "amount"),
                                ("impact_high", "amount")):
                table.loc[sel, col] = (table.loc[sel, col].astype(float)
                                       + table.loc[sel, amount].astype(float) * applied)
            warnings.append(f"{svc.name}: electricity in {region} at its scheduled hours: "
                            f"{at_hours:.1f} g/kWh vs {s.mean_g_per_kwh:.1f} g/kWh over the "
                            f"series {s.dataset} ({shift * 1000:+.1f} g/kWh on the annual "
                            f"factor)" + (f"; {note}" if note else ""))
            extra.append(qframe(svc.name, [f"hourly intensity at scheduled hours [{region}]",
                                           f"hourly intensity, series mean [{region}]",
                                           f"electricity factor shift [{region}]"],
                                [at_hours, s.mean_g_per_kwh, shift],
                                ["g/kWh", "g/kWh", "kgCO2e/kWh"], s.dataset).to_pandas())
    extra_q = pd.concat([quantities.drop(columns="project", errors="ignore")] + extra,
                        ignore_index=True) if extra else quantities
    if extra and "project" in quantities.columns:
        extra_q.insert(0, "project", project.name)
    return table, extra_q, warnings


def lowest_carbon_hours(series: HourlySeries, hours: int, timezone: str = "Europe/Paris"):
    """The ``hours`` consecutive local hours of the day (wrapping at midnight) with the
    lowest mean intensity over the series: ``(hours_of_day, mean g/kWh)``."""
    if not 1 <= hours <= 24:
        raise ProjectError(f"hours must be 1–24, not {hours!r}", path="hours", value=hours)
    local = series.local_hours(timezone)
    by_hour = np.array([series.value_g_per_kwh[local == h].mean() if (local == h).any()
                        else np.inf for h in range(24)])
    ring = np.concatenate([by_hour, by_hour])
    means = np.array([ring[h:h + hours].mean() for h in range(24)])
    best = int(np.argmin(means))
    return [(best + k) % 24 for k in range(hours)], float(means[best])


def move_to_hours(project, service: str, hours_of_day, timezone: str = "Europe/Paris"):
    """A copy of ``project`` where ``service`` runs every day at ``hours_of_day`` (local):
    assess both to get the saving of moving deferrable work (processing, backups,
    transcoding) to lower-carbon hours."""
    from .files import parse_project

    data = project.model_dump(mode="json", exclude_unset=True)
    for svc in data["services"]:
        if svc["name"] == service:
            svc["schedule"] = {"hours_of_day": sorted(int(h) for h in hours_of_day),
                               "timezone": timezone}
            return parse_project(data)
    raise ProjectError(f"no service named {service!r}", path="service", value=service)


@dataclass(frozen=True)
class ShiftSaving:
    """What moving a service's work to the lowest-carbon hours of the day saves."""

    service: str
    hours_of_day: list[int]
    intensity_g_per_kwh: float
    baseline_kgco2e: float
    moved_kgco2e: float
    moved_project: object

    @property
    def saving_kgco2e(self) -> float:
        return self.baseline_kgco2e - self.moved_kgco2e


def shift_saving(project, service: str, *, hours: int | None = None, factors=None,
                 hourly: HourlySeries | None = None) -> ShiftSaving:
    """Assess ``project`` as it is and with ``service`` moved to the lowest-carbon window
    of ``hours`` local hours (default: as many hours as its schedule has, else 1), for the
    eco-design suggestions: the saving is the difference of the two assessments.

    Raises :class:`ProjectError` when no hourly series covers the service's region.
    """
    from .engine import assess
    from .factors import default_registry

    registry = factors if factors is not None else default_registry()
    svc = next((s for s in project.services if s.name == service), None)
    if svc is None:
        raise ProjectError(f"no service named {service!r}", path="service", value=service)
    series = {hourly.region: hourly} if hourly is not None else series_from_registry(registry)
    base = assess(project, registry, hourly=list(series.values()))
    rows = base.table[(base.table["service"] == service)
                      & (base.table["flow"] == "electricity")]
    regions = [r for r in dict.fromkeys(rows["region"]) if r in series]
    if not regions:
        raise ProjectError(f"no hourly series covers the electricity of {service!r}",
                           path="service", value=service)
    schedule = svc.schedule
    if hours is None:
        hours = (len(schedule.hours_of_day) if schedule is not None and schedule.hours_of_day
                 else max(1, min(24, round(schedule.duration))) if schedule is not None
                 else 1)
    timezone = schedule.timezone if schedule is not None else "Europe/Paris"
    window, mean = lowest_carbon_hours(series[regions[0]], hours, timezone)
    moved = move_to_hours(project, service, window, timezone)
    after = assess(moved, registry, hourly=list(series.values()))

    def kg(result) -> float:
        t = result.table
        return float(t.loc[(t["service"] == service) & (t["indicator"] == "climate_change"),
                           "impact"].sum())

    return ShiftSaving(service, window, mean, kg(base), kg(after), moved)
