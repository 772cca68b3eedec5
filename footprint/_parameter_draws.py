"""Monte Carlo of the datasets' activity parameters, through the kinds' own inventory.

The draws ride the services axis (house plan §3.1): for a chunk of draws, every service
is copied once per draw and all copies go through their kind's vectorised ``inventory``
in one call. Two things tell the copies apart:

- the copy's **name** carries its draw index (``<name>\\x1f<draw>``), so every inventory
  row knows its draw (the ``draw`` grouping column);
- the **regions** the context gives a copy (``FR\\x1f<draw>``) carry it into the
  parameter look-ups: the registry seen by the kinds answers ``parameter(code, unit,
  region)`` with that draw's value of the parameter, and strips the suffix everywhere
  else (factor regions, fallbacks to EU27 and GLO).

A parameter's draws are keyed by ``(seed, code, region used)``, so the baseline and its
scenarios share them (common random numbers). Values entered by the user are not drawn:
only the datasets' values have a range. A region a kind sets without the context (a
chatbot provider's data-centre country) gets the dataset value, undrawn.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from .factors.registry import FactorRegistry, recording_substitutions
from .inventory import Context, concat
from .units import conversion_factor

__all__ = ["drawn_tables", "drawn_inventory", "SEP"]

SEP = "\x1f"
#: Service copies pushed through a kind at once (bounds memory: copies × rows per copy).
CHUNK_COPIES = 2000


def _split(region: str) -> tuple[str, int | None]:
    base, sep, d = str(region).partition(SEP)
    return (base, int(d)) if sep else (base, None)


class DrawnRegistry(FactorRegistry):
    """The base registry, answering parameter look-ups for ``<region>\\x1f<draw>`` with
    that draw's value (see the module docstring). Built by :meth:`wrap`."""

    @classmethod
    def wrap(cls, base: FactorRegistry, draws: int, seed: int,
             values: dict | None = None) -> "DrawnRegistry":
        """``values`` (optional) maps (code, region used) to the value of each draw, in
        the parameter's own unit: with it, the parameters it names take those values and
        the others keep their dataset value (sensitivity designs); without it, every
        parameter is drawn at random from its range."""
        self = cls.__new__(cls)
        self.__dict__.update(base.__dict__)
        self._base, self._draws, self._seed = base, draws, seed
        self._explicit = values
        self._rows: dict = {}
        self._values: dict = {}
        self._resolved: dict = {}
        self.drawn: dict = {}
        return self

    def resolve_region(self, code, region, *, parameter=False, indicator=None):
        key = (code, str(region).partition(SEP)[0], parameter, indicator)
        used = self._resolved.get(key)
        if used is None:
            used = self._resolved[key] = self._base.resolve_region(
                code, key[1], parameter=parameter, indicator=indicator)
        return used

    def factor(self, code, *, indicator="climate_change", region="GLO", stage=None, unit=None):
        return self._base.factor(code, indicator=indicator, region=_split(region)[0],
                                 stage=stage, unit=unit)

    def parameter_row(self, code, region="GLO"):
        key = (code, _split(region)[0])
        row = self._rows.get(key)
        if row is None:
            base = self._base.parameter_row(*key)
            row = self._rows[key] = _Row(base.to_dict(), name=base.name)
        return row

    def _drawn(self, row) -> np.ndarray:
        """All draws of a parameter row, in its own unit (keyed by code and region)."""
        from .distributions import _uniforms, draw_values, stream_key

        key = row.name
        out = self.drawn.get(key)
        if out is None and self._explicit is not None:
            out = self.drawn[key] = np.asarray(
                self._explicit.get(key, np.full(self._draws, float(row["value"]))), dtype=float)
        if out is None:
            u = _uniforms([stream_key(self._base, "parameter", *key)], self._draws, self._seed)
            out = self.drawn[key] = draw_values([row["value"]], [row["low"]], [row["high"]],
                                                [row["distribution"]], u)[:, 0]
        return out

    def _cached(self, code, base_region, unit):
        """(dataset value, array of the draws) of a parameter in ``unit``."""
        ck = (code, base_region, unit)
        cached = self._values.get(ck)
        if cached is None:
            row = self.parameter_row(code, base_region)
            conv = conversion_factor(row["unit"], unit)
            cached = self._values[ck] = (float(row["value"]) * conv, self._drawn(row) * conv)
        return cached

    def parameter(self, code, unit, *, region="GLO"):
        base_region, _, d = str(region).partition(SEP)
        value, draws = self._cached(code, base_region, unit)
        return float(draws[int(d)]) if d else value

    @staticmethod
    def plain_regions(regions) -> np.ndarray:
        """The regions without their draw index (labels of the values' sources)."""
        import pandas as pd

        idx, uniq = pd.factorize(np.asarray(regions, dtype=object).ravel())
        return np.array([str(u).partition(SEP)[0] for u in uniq],
                        dtype=object)[idx].reshape(np.shape(regions))

    def parameter_vector(self, codes, unit, regions) -> np.ndarray:
        """:func:`footprint.inventory.parameter_vector` for the draws: one look-up per
        distinct (code, region without draw), the draws gathered as one array."""
        import pandas as pd

        codes, regions = np.broadcast_arrays(np.asarray(codes, dtype=object),
                                             np.asarray(regions, dtype=object))
        shape = codes.shape
        c_idx, c_uniq = pd.factorize(codes.ravel())
        r_idx, r_uniq = pd.factorize(regions.ravel())
        split = [str(u).partition(SEP) for u in r_uniq]
        b_idx, b_uniq = pd.factorize(np.array([x[0] for x in split], dtype=object))
        draw = np.array([int(x[2]) if x[1] else -1 for x in split], dtype=np.int64)[r_idx]
        key = c_idx * len(b_uniq) + b_idx[r_idx]
        out = np.empty(len(key))
        for k in np.unique(key):
            sel = key == k
            value, draws = self._cached(c_uniq[k // len(b_uniq)], b_uniq[k % len(b_uniq)],
                                        unit)
            d = draw[sel]
            out[sel] = np.where(d >= 0, draws[np.maximum(d, 0)], value)
        return out.reshape(shape)


class _Row(dict):
    """A parameter row as a dict with the ``name`` (code, region used) of a pandas row."""

    def __init__(self, data, name):
        super().__init__(data)
        self.name = name


@dataclass(frozen=True)
class DrawContext(Context):
    """A context whose regions carry the draw index of each service copy."""

    def audience(self, service) -> str:
        return f"{Context.audience(self, service)}{SEP}{service.name.rpartition(SEP)[2]}"

    def hosting(self, service) -> str:
        return f"{Context.hosting(self, service)}{SEP}{service.name.rpartition(SEP)[2]}"

    def venue(self, service) -> str:
        base = Context.venue(self, service).partition(SEP)[0]  # may go through audience()
        return f"{base}{SEP}{service.name.rpartition(SEP)[2]}"


def drawn_inventory(project, registry: DrawnRegistry, start: int, stop: int,
                    allocation: str | None = None):
    """Inventory rows of draws ``start`` to ``stop`` of a project; service names keep
    their ``\x1f<draw>`` suffix (split after characterisation), regions are plain."""
    import pandas as pd

    from .archetypes import KINDS

    period = project.reporting_period
    ctx = DrawContext(registry=registry, allocation=allocation or project.options.allocation,
                      audience_country=project.audience_country,
                      hosting_country=project.hosting_country,
                      venue_country=project.venue_country,
                      period_years=None if period is None else period.years)
    groups: dict[str, list] = defaultdict(list)
    for i, svc in enumerate(project.services):
        groups[svc.kind].append((svc, f"services[{i}]"))
    frames = []
    with recording_substitutions(), np.errstate(all="ignore"):
        for kind, members in groups.items():
            copies, paths = [], []
            for d in range(start, stop):
                for svc, path in members:
                    copies.append(svc.model_copy(update={"name": f"{svc.name}{SEP}{d}"}))
                    paths.append(path)
            frames.append(KINDS[kind].inventory(copies, paths, ctx)[0])
    inv = concat(frames).to_pandas()
    codes, uniq = pd.factorize(inv["region"].to_numpy(dtype=object))
    inv["region"] = np.array([str(u).partition(SEP)[0] for u in uniq], dtype=object)[codes]
    return inv


def drawn_tables(projects, registry, indicators, draws: int, seed: int, drawn=None,
                 start: int = 0, stop: int | None = None):
    """Characterised rows of draws ``start`` to ``stop`` (all by default) of each project,
    with a ``draw`` column: the amounts of each draw come from that draw's parameter values
    (random, or those of ``drawn``, a :class:`DrawnRegistry` built with explicit
    values)."""
    import pandas as pd

    from .characterise import characterise

    drawn = drawn if drawn is not None else DrawnRegistry.wrap(registry, draws, seed)
    series = None
    out = []
    for project in projects:
        allocation = None
        if hasattr(project, "table"):  # an Assessment: its project and its allocation
            allocation = project.options.get("allocation")
            project = project.project
        step = max(1, CHUNK_COPIES // max(1, len(project.services)))
        parts = []
        end = draws if stop is None else stop
        for begin in range(start, end, step):
            inv = drawn_inventory(project, drawn, begin, min(end, begin + step), allocation)
            table, _ = characterise(inv, registry, indicators)
            codes, uniq = pd.factorize(table["service"].to_numpy(dtype=object))
            split = [u.rpartition(SEP) for u in uniq]
            names = np.array([x[0] for x in split], dtype=object)
            draws_of = np.array([int(x[2]) for x in split], dtype=np.int64)
            table = table.assign(service=names[codes], draw=draws_of[codes])
            if any(getattr(s, "schedule", None) is not None for s in project.services):
                # the hourly shift of scheduled electricity, as footprint.assess applies it
                from .hourly import apply_schedules, series_from_registry

                series = series_from_registry(registry) if series is None else series
                table = apply_schedules(project, table, table.iloc[:0], series)[0]
            parts.append(table[["service", "component", "tier", "stage", "indicator",
                                "amount", "factor_idx", "factor_value", "draw"]])
        out.append(pd.concat(parts, ignore_index=True))
    return out
