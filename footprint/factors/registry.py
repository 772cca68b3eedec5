"""Load, validate and look up emission factors and activity parameters.

A :class:`Dataset` is one folder of ``emission_factors/`` (see that folder's README for
the format). A :class:`FactorRegistry` combines datasets into two tables with values
converted once to canonical units, so the engine works on plain floats:

- ``factors``: impact per unit of flow, in ``<indicator unit>/<flow unit>``
  (``kgCO2e/kWh``, ``kgCO2e/GB``, ``kgCO2e/device``…);
- ``parameters``: activity parameters, converted on request.

Regions resolve from a country to ``EU27`` (for EU members), to ``EUR`` (geographic Europe,
for European countries) and to ``GLO``; every such
substitution is returned to the caller so that it can be reported, never silent.
"""

from __future__ import annotations

import contextlib
import functools
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DatasetError, Notice, UnknownFactorError, close_matches
from ..units import FLOW_UNITS, INDICATOR_UNITS, conversion_factor
from ._shared_draws import shared_streams
from .dataset import (INCLUDES_COLUMN, QUALITIES, STAGES, Dataset, _flow_of_unit,  # noqa: F401
                      read_dataset)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Dataset", "FactorRegistry", "read_dataset", "default_registry", "EU27",
           "EUROPE", "QUALITIES", "recording_substitutions"]

#: Parameter regions substituted during the current assessment (see
#: :func:`recording_substitutions`); None outside one.
_SUBSTITUTIONS: ContextVar[list[str] | None] = ContextVar("footprint_substitutions",
                                                          default=None)


@contextlib.contextmanager
def recording_substitutions():
    """Collect, in the list it yields, every parameter looked up for a region that had to
    use another region's value (country → EU27 → GLO) while the block runs."""
    log: list[str] = []
    token = _SUBSTITUTIONS.set(log)
    try:
        yield log
    finally:
        _SUBSTITUTIONS.reset(token)

EU27 = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE"
                 .split())
#: Geographic Europe (region ``EUR``, e.g. Boavizta's "EEE" zone): the EU-27 and the other
#: European countries; used after EU27 and before GLO for these countries.
EUROPE = EU27 | frozenset("AD AL BA BY CH FO GB GG GI IM IS JE LI MC MD ME MK NO RS SM UA VA"
                          .split())
class FactorRegistry:
    """Factors and parameters of several datasets, validated and indexed.

    Parameters
    ----------
    datasets
        The datasets to combine; a key present in two datasets is an error.
    """

    def __init__(self, datasets: list[Dataset]):
        import pandas as pd

        self.datasets = {d.id: d for d in datasets}
        problems = [p for d in datasets for p in d.problems()]
        if problems:
            raise DatasetError("invalid emission-factor data:\n- " + "\n- ".join(problems[:50]))
        factors = pd.concat([d.factors.assign(dataset=d.id) for d in datasets], ignore_index=True)
        params = pd.concat([d.parameters.assign(dataset=d.id) for d in datasets], ignore_index=True)
        factors, self.superseded = _supersede(factors, self.datasets)
        for name, df, key in (("factor", factors, ["code", "region", "year", "stage", "indicator"]),
                              ("parameter", params, ["code", "region", "year"])):
            dup = df[df.duplicated(key, keep=False)]
            if len(dup):
                rows = dup.sort_values(key)[key + ["dataset"]].head(10).to_string(index=False)
                raise DatasetError(f"duplicate {name} keys across datasets:\n{rows}")
        # Canonical values: one pint conversion per distinct (unit, indicator).
        conv = {(u, i): _flow_of_unit(u, i) for u, i in
                factors[["unit", "indicator"]].drop_duplicates().itertuples(index=False)}
        pairs = list(zip(factors["unit"], factors["indicator"]))
        factors["flow"] = [conv[p][0] for p in pairs]
        mult = pd.Series([conv[p][1] for p in pairs], index=factors.index, dtype=float)
        for col in ("value", "low", "high"):
            factors[f"{col}_canonical"] = factors[col] * mult
        mixed = factors.groupby("code")["flow"].nunique()
        if (mixed > 1).any():
            raise DatasetError("a factor code must characterise one flow in every region and "
                               "stage; mixed: " + ", ".join(mixed[mixed > 1].index[:10]))
        factors["unit_canonical"] = [f"{INDICATOR_UNITS[i]}/{FLOW_UNITS[f]}"
                                     for i, f in zip(factors["indicator"], factors["flow"])]
        # Latest year of each key is the one in force.
        latest = factors.sort_values("year").drop_duplicates(
            ["code", "region", "stage", "indicator"], keep="last")
        self.factors = latest.sort_values(["code", "region", "stage", "indicator"]).reset_index(drop=True)
        self.parameters = (params.sort_values("year").drop_duplicates(["code", "region"], keep="last")
                           .set_index(["code", "region"]).sort_index())
        self.shared_draws = shared_streams(datasets)  # code → its Monte Carlo stream
        self._regions = self.factors.groupby("code")["region"].agg(frozenset).to_dict()
        self._indicator_regions = (self.factors.groupby(["code", "indicator"])["region"]
                                   .agg(frozenset).to_dict())
        self._flows = self.factors.groupby("code")["flow"].first().to_dict()
        self._param_regions = (self.parameters.reset_index().groupby("code")["region"]
                               .agg(frozenset).to_dict())

    # -- look-ups ---------------------------------------------------------------------
    def codes(self) -> list[str]:
        """All factor codes."""
        return sorted(self._regions)

    def parameter_codes(self) -> list[str]:
        """All parameter codes."""
        return sorted(self._param_regions)

    def flow(self, code: str) -> str:
        """The flow a factor code characterises (``electricity``, ``data``, ``device``…)."""
        try:
            return self._flows[code]
        except KeyError:
            raise UnknownFactorError(code, matches=close_matches(code, self._flows)) from None

    def is_regional(self, code: str, indicator: str | None = None) -> bool:
        """Whether a factor code has values per region (not only a world value), for one
        indicator if given (French primary energy of electricity is one world value by
        definition, while its climate-change factors are per country)."""
        regions = (self._regions.get(code, frozenset()) if indicator is None
                   else self._indicator_regions.get((code, indicator), frozenset()))
        return regions != frozenset({"GLO"})

    def resolve_region(self, code: str, region: str, *, parameter: bool = False,
                       indicator: str | None = None) -> str | None:
        """The region whose value applies to ``region``: itself, else EU27, else GLO.

        With ``indicator``, the search is among that indicator's factors, and ``None``
        means no factor of that indicator applies to the region (not covered).
        """
        known = (self._param_regions if parameter else self._regions).get(code)
        if indicator is not None and known is not None:
            known = self._indicator_regions.get((code, indicator))
            if known is None:
                return None
        if known is None:
            pool = self._param_regions if parameter else self._regions
            raise UnknownFactorError(code, matches=close_matches(code, pool),
                                     what="parameter" if parameter else "factor")
        for candidate in (region, "EU27" if region in EU27 else None,
                          "EUR" if region in EUROPE else None, "GLO"):
            if candidate in known:
                log = _SUBSTITUTIONS.get()
                if parameter and log is not None and candidate != region and \
                        known != frozenset({"GLO"}):
                    log.append(Notice(f"{code}: no value for region {region}; the "
                                      f"{candidate} value is used",
                                      code="parameter_region_substituted",
                                      params={"code": code, "region": region,
                                              "used": candidate}))
                return candidate
        if indicator is not None:
            return None
        raise UnknownFactorError(code, region=region, matches=sorted(known)[:8],
                                 what="parameter" if parameter else "factor")

    def factor(self, code: str, *, indicator: str = "climate_change", region: str = "GLO",
               stage: str | None = None, unit: str | None = None) -> float:
        """Value of a factor, summed over stages unless ``stage`` is given.

        ``unit`` converts the result (default: canonical, e.g. ``kgCO2e/kWh``).
        """
        used = self.resolve_region(code, region, indicator=indicator)
        if used is None:
            raise UnknownFactorError(code, region=region, what=f"{indicator} factor")
        f = self.factors
        rows = f[(f["code"] == code) & (f["region"] == used) & (f["indicator"] == indicator)]
        if stage is not None:
            rows = rows[rows["stage"] == stage]
        if rows.empty:
            raise UnknownFactorError(code, region=used, what=f"{indicator} factor")
        value = float(rows["value_canonical"].sum())
        return value * conversion_factor(rows["unit_canonical"].iloc[0], unit) if unit else value

    def parameter_row(self, code: str, region: str = "GLO") -> "pd.Series":
        """The parameter's row (value, unit, range, source) for a region."""
        used = self.resolve_region(code, region, parameter=True)  # notes any substitution
        cache = self.__dict__.setdefault("_parameter_rows", {})
        row = cache.get((code, used))
        if row is None:  # a MultiIndex look-up costs ~0.1 ms: once per row and registry
            row = cache[(code, used)] = self.parameters.loc[(code, used)]
        return row

    def parameter(self, code: str, unit: str, *, region: str = "GLO") -> float:
        """A parameter's value converted to ``unit``."""
        row = self.parameter_row(code, region)
        return float(row["value"]) * conversion_factor(row["unit"], unit)

    def citation(self, dataset_id: str, source_ref: str) -> str:
        """The full citation of a source of a dataset."""
        src = self.datasets[dataset_id].metadata.get("sources", {}).get(source_ref, {})
        return src.get("citation", source_ref) if isinstance(src, dict) else str(src)

    def provenance(self, dataset_ids: list[str] | None = None) -> "pd.DataFrame":
        """One row per dataset: edition, retrieval date, licence, attribution."""
        import pandas as pd

        ids = dataset_ids if dataset_ids is not None else list(self.datasets)
        keys = ("title", "publisher", "edition", "retrieved", "url", "licence", "licence_url",
                "licence_status", "attribution")
        return pd.DataFrame([{"dataset": i, **{k: str(self.datasets[i].metadata.get(k, ""))
                                               for k in keys}} for i in ids],
                            columns=["dataset", *keys])

    def __repr__(self) -> str:
        return (f"FactorRegistry({len(self.datasets)} datasets, {len(self.factors)} factors, "
                f"{len(self.parameters)} parameters)")


def bundled_path() -> Path:
    """Folder of the bundled ``emission_factors`` data package."""
    import emission_factors

    if not getattr(emission_factors, "__file__", None):
        raise DatasetError("the emission_factors data package is not installed")
    return Path(emission_factors.__file__).parent


def _supersede(factors: "pd.DataFrame", datasets: dict[str, Dataset]):
    """Rows of a fetched update (``footprint factors update``, metadata ``update``) replace
    the rows with the same key of other datasets; among updates the latest fetch wins.
    Returns the remaining rows and the list of replaced ``(key, dataset)``."""
    fetched = {i: str((d.metadata.get("update") or {}).get("fetched", ""))
               for i, d in datasets.items() if isinstance(d.metadata.get("update"), dict)}
    if not fetched or factors.empty:
        return factors, []
    key = ["code", "region", "year", "stage", "indicator"]
    ranked = factors.assign(_update=factors["dataset"].isin(list(fetched)).astype(int),
                            _fetched=factors["dataset"].map(fetched).fillna(""))
    ranked = ranked.sort_values(["_update", "_fetched"], kind="stable")
    has_update = ranked.groupby(key)["_update"].transform("max").astype(bool)
    drop = has_update & ranked.duplicated(key, keep="last")
    replaced = list(zip(map(tuple, ranked.loc[drop, key].to_numpy()),
                        ranked.loc[drop, "dataset"]))
    ranked = ranked.drop(columns=["_update", "_fetched"])
    return ranked[~drop].sort_index(), replaced


def dataset_roots() -> list[Path]:
    """Folders the default registry reads: the bundled package, then the user data
    directory of updates (see :mod:`footprint.factors.locations`)."""
    from .locations import user_data_dir

    return list(dict.fromkeys([bundled_path(), user_data_dir()]))


@functools.cache
def default_registry() -> FactorRegistry:
    """The registry of the bundled datasets and of the updates in the user data directory
    (loaded on first call, then cached; an update clears the cache)."""
    from .locations import dataset_folders

    roots = dataset_roots()
    folders = [p for root in roots for p in dataset_folders(root)]
    if not folders:
        raise DatasetError(f"no dataset found in {roots[0]}")
    return FactorRegistry([read_dataset(p) for p in folders])
