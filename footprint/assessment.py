"""The result of an assessment, with summaries that keep "not covered" apart from zero."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from .coverage import coverage, summary
from .schema.base import INDICATORS, STAGES, TIERS
from .units import INDICATOR_UNITS, conversion_factor, quantity

__all__ = ["Assessment"]


@dataclass(frozen=True)
class Assessment:
    """Impacts of a project with every number traceable to its factor and source.

    Attributes
    ----------
    table : DataFrame
        One row per activity × stage × indicator, with trace columns (factor code and
        value, dataset, source, region used) and ``impact`` in ``impact_unit``; NaN
        impact means *not covered* (no factor for that indicator).
    inventory : DataFrame
        The physical flows (kWh, GB, device shares, TB-years) before characterisation.
    quantities : DataFrame
        Intermediate figures of the kinds (GB moved, device-hours…) with their sources.
    provenance : DataFrame
        The datasets used: edition, retrieval date, licence, attribution.
    warnings : tuple of str
        Region substitutions and other points to read.
    options : dict
        Method choices (device allocation, default regions).
    """

    project: Any
    table: pd.DataFrame
    inventory: pd.DataFrame
    quantities: pd.DataFrame
    provenance: pd.DataFrame
    warnings: tuple[str, ...] = ()
    options: dict = field(default_factory=dict)

    # -- totals -----------------------------------------------------------------------
    def _rows(self, indicator: str) -> pd.DataFrame:
        if indicator not in INDICATOR_UNITS:
            from .errors import ProjectError

            raise ProjectError(f"indicator {indicator!r} is not one of {list(INDICATOR_UNITS)}",
                               path="indicator", value=indicator)
        return self.table[self.table["indicator"] == indicator]

    def total(self, indicator: str = "climate_change"):
        """Total of the covered parts as a pint quantity (``.to("tCO2e")`` works).

        Parts with no factor for the indicator are listed by :meth:`not_covered` (and
        :meth:`coverage`); when activities exist but none is covered the total is NaN,
        never 0. With no activity at all (no hours watched) the total is 0.
        """
        rows = self._rows(indicator)
        value = 0.0 if rows.empty else float(rows["impact"].sum(min_count=1))
        return quantity(value, INDICATOR_UNITS[indicator])

    def electricity(self):
        """Final electricity of the activities modelled as electricity, in kWh (pint).

        Flows characterised by life-cycle factors per unit of service (ADEME's per-GB
        network factors, device manufacture) carry their energy inside the factor and are
        not counted here: with the ``per_time`` network model the networks' electricity
        appears, with ``per_gb`` it does not. The inventory's ``electricity_kwh`` column
        shows each activity's part.
        """
        return quantity(float(self.inventory["electricity_kwh"].sum()), "kWh")

    def totals(self, units: dict[str, str] | None = None) -> pd.DataFrame:
        """One row per indicator: total, its extreme bounds and how much of it is covered.

        ``extreme_low``/``extreme_high`` put every factor at the low (high) end of its
        range at once: bounds nothing can pass, not a confidence interval (for that, the
        Monte Carlo percentiles of :func:`footprint.uncertainty.summary`). ``units`` maps
        indicators to the units wanted (``{"climate_change": "tCO2e"}``); canonical units
        otherwise.

        Coverage columns (see :mod:`footprint.coverage`): ``rows``, ``rows_not_covered``,
        ``share_not_covered`` (estimated share of the impact missing, climate change as
        the weight of each activity; NaN when it cannot be estimated), ``complete``
        (every activity has a factor), ``status`` (``complete``, ``partial``,
        ``incomplete`` when a whole tier or stage is not covered, ``empty`` when nothing
        happened: total 0) and ``missing`` (what is not covered).
        """
        g = self.table.groupby("indicator", sort=False)
        out = pd.DataFrame({
            "total": g["impact"].sum(min_count=1),
            "extreme_low": g["impact_low"].sum(min_count=1),
            "extreme_high": g["impact_high"].sum(min_count=1),
            "rows_not_covered": g["impact"].agg(lambda s: int(s.isna().sum())),
        }).reindex(list(INDICATORS), fill_value=None if len(self.table) else 0.0)
        out["unit"] = [INDICATOR_UNITS[i] for i in out.index]
        for indicator, unit in (units or {}).items():
            factor = conversion_factor(INDICATOR_UNITS[indicator], unit)
            out.loc[indicator, ["total", "extreme_low", "extreme_high"]] *= factor
            out.loc[indicator, "unit"] = unit
        cov = summary(self.table).set_index("indicator")
        empty = cov["status"] == "empty"
        out.loc[empty[empty].index, ["total", "extreme_low", "extreme_high"]] = 0.0
        out["rows"] = cov["rows"]
        out["rows_not_covered"] = cov["rows_not_covered"]
        out["share_not_covered"] = cov["share_not_covered"]
        out["complete"] = cov["status"].isin(["complete", "empty"])
        out["status"] = cov["status"]
        out["missing"] = cov["missing"]
        return out.rename_axis("indicator").reset_index()

    def coverage(self, indicator: str | None = None) -> pd.DataFrame:
        """Covered and not-covered rows per indicator × tier × stage, with each cell's
        status (``covered``, ``partial``, ``not covered``): where a total's gaps are.

        :meth:`totals` summarises it per indicator (``status``, ``share_not_covered``).
        """
        if indicator is not None:
            self._rows(indicator)  # refuses an unknown indicator
        return coverage(self.table, indicator)

    def stage_tier_labels(self, indicator: str = "climate_change") -> pd.DataFrame:
        """The stage × tier grid of :meth:`breakdown` as text for its empty cells:
        ``""`` where the grid has a number, ``"not covered"`` where a factor is missing,
        ``"in manufacturing"`` where another stage's figure holds the cell."""
        grid = self.breakdown(("stage", "tier"), indicator)
        labels = pd.DataFrame("", index=grid.index, columns=grid.columns)
        labels[grid.isna()] = "not covered"
        cells = self.coverage(indicator)
        for cell in cells[cells["status"] == "included"].itertuples(index=False):
            if cell.stage in labels.index and cell.tier in labels.columns:
                labels.loc[cell.stage, cell.tier] = f"in {cell.included_in}"
        return labels

    def not_covered(self, indicator: str | None = None) -> pd.DataFrame:
        """Parts of the project with no factor for an indicator, with the stage that
        lacks one: the rows :meth:`coverage` counts as not covered."""
        rows = self.table if indicator is None else self._rows(indicator)
        miss = rows[rows["impact"].isna()]
        return (miss[["indicator", "service", "component", "tier", "stage", "factor_code"]]
                .drop_duplicates().reset_index(drop=True))

    # -- breakdowns -------------------------------------------------------------------
    def breakdown(self, by=("stage", "tier"), indicator: str = "climate_change") -> pd.DataFrame:
        """Impacts summed by one or two columns (``stage``, ``tier``, ``service``,
        ``component``…). A cell whose activities have no factor is NaN (not covered); a
        cell with no activity at all is 0. In the stage × tier grid a stage that another
        stage's figure includes (a network's distribution and end of life inside ADEME's
        non-use figure, booked under manufacturing) is NaN too: :meth:`coverage` says
        ``included`` and where (:meth:`stage_tier_labels`)."""
        by = [by] if isinstance(by, str) else list(by)
        rows = self._rows(indicator)
        order = {"stage": list(STAGES), "tier": list(TIERS)}
        summed = rows.groupby(by, sort=False)["impact"].sum(min_count=1)
        if len(by) == 1:
            out = summed
            if by[0] in order:
                out = out.reindex([k for k in order[by[0]] if k in out.index])
            return out.rename(f"{indicator}_{INDICATOR_UNITS[indicator]}").to_frame()
        # a cell with no activity is 0; a cell whose activities lack factors stays NaN,
        # and so does a stage held in another stage's figure (``coverage``: included)
        present = rows.groupby(by, sort=False).size().unstack(by[1]).notna()
        table = summed.unstack(by[1])
        table = table.where(~(table.isna() & ~present), 0.0)
        if set(by) == {"stage", "tier"}:
            cells = coverage(rows)
            for cell in cells[cells["status"] == "included"].itertuples(index=False):
                key = {"stage": cell.stage, "tier": cell.tier}
                if key[by[0]] in table.index and key[by[1]] in table.columns:
                    table.loc[key[by[0]], key[by[1]]] = np.nan
        if by[0] in order:
            table = table.reindex([k for k in order[by[0]] if k in table.index])
        if by[1] in order:
            table = table.reindex(columns=[k for k in order[by[1]] if k in table.columns])
        return table

    def by_stage(self, indicator: str = "climate_change") -> pd.Series:
        return self.breakdown("stage", indicator).iloc[:, 0]

    def by_tier(self, indicator: str = "climate_change") -> pd.Series:
        return self.breakdown("tier", indicator).iloc[:, 0]

    def by_service(self, indicator: str = "climate_change") -> pd.Series:
        """Impact of each service of the project; 0 for a service with no activity (no
        hours watched), NaN for one whose activities have no factor."""
        out = self.breakdown("service", indicator).iloc[:, 0]
        names = [s.name for s in self.project.services]
        return out.reindex(list(dict.fromkeys(list(out.index) + names)),
                           fill_value=0.0).astype(float)

    def per_year(self, indicator: str = "climate_change") -> pd.DataFrame:
        """Each service's total, the years its figures cover and its yearly average.

        A digitisation campaign's figures are totals over its own horizon (storage and
        viewing years), not per year: ``years`` is that horizon and ``per_year`` the
        average over it. Per-year services cover the reporting period (or one year), and
        totals entered for a period cover that period (NaN years without one). The
        project's total adds the ``total`` column; the assessment warns when it mixes a
        campaign's horizon with other services' years.
        """
        totals = self.by_service(indicator)
        q = self.quantities[self.quantities["quantity"] == "reporting basis"]
        q = q.drop_duplicates("service").set_index("service").reindex(totals.index)
        out = pd.DataFrame({"total": totals, "years": q["value"].astype(float),
                            "basis": q["source"]})
        out["per_year"] = out["total"] / out["years"]
        out["unit"] = INDICATOR_UNITS[indicator]
        return out.rename_axis("service")

    def per_functional_unit(self, indicator: str = "climate_change"):
        """Total divided by the functional unit's quantity (None without a functional unit)."""
        fu = self.project.functional_unit
        if fu is None:
            return None
        return self.total(indicator) / fu.quantity

    # -- export -----------------------------------------------------------------------
    def to_dict(self) -> dict:
        """A JSON-ready summary with units, breakdowns, options and provenance."""
        totals = self.totals().to_dict("records")
        fu = self.project.functional_unit
        per_fu = None
        if fu is not None:
            per_fu = {"functional_unit": fu.name, "quantity": fu.quantity,
                      "climate_change_kgco2e": self.per_functional_unit().magnitude}
        stage_tier = self.breakdown(("stage", "tier"))
        return _finite({
            "project": self.project.name,
            "organisation": self.project.organisation,
            "options": self.options,
            "totals": totals,
            "electricity_kwh": self.electricity().magnitude,
            "per_functional_unit": per_fu,
            "climate_change_by_stage_and_tier_kgco2e": {
                s: {t: float(v) for t, v in row.items()}
                for s, row in stage_tier.to_dict("index").items()},
            "climate_change_by_service_kgco2e": {k: float(v) for k, v in
                                                 self.by_service().items()},
            "not_covered": self.not_covered().to_dict("records"),
            "coverage": self.coverage().to_dict("records"),
            "warnings": list(self.warnings),
            "provenance": self.provenance.to_dict("records"),
            "quantities": self.quantities.to_dict("records"),
        })


def _finite(obj):
    """The same structure with numpy scalars made plain and NaN/inf made None (strict JSON:
    "not covered" is null, never a number)."""
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    if hasattr(obj, "item"):
        obj = obj.item()
    if isinstance(obj, float) and not np.isfinite(obj):
        return None
    return obj
