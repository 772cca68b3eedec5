"""``suggest``: every applicable rule of the catalogue run through the engine, ranked by
the saving it computes, with the saving's own uncertainty.

A saving is always two assessments apart: the baseline, and the baseline with the rule's
overrides (:func:`footprint.scenarios.apply_overrides`). Its uncertainty comes from
:func:`footprint.uncertainty.sample_totals` with common random numbers: the baseline and
every variant share the same factor and parameter draws, so ``baseline − variant`` has a
distribution of its own and P(saving > 0) means what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ProjectError
from .catalogue import load_catalogue
from .changes import Match, match_rule
from .text import render

__all__ = ["LANGUAGES", "Suggestion", "Suggestions", "matches", "suggest"]

LANGUAGES = ("en", "fr")
#: A variant whose total moves less than this share of the baseline has no effect.
NO_EFFECT = 1e-9


@dataclass(frozen=True)
class Suggestion:
    """One change of one service (or the combination of several), with its savings.

    ``savings`` has one row per indicator: ``baseline`` and ``variant`` totals, ``saving``
    (baseline − variant) and ``saving_pct`` (of the baseline), the saving's percentiles
    ``saving_p5``/``saving_p50``/``saving_p95`` over the Monte Carlo draws and
    ``p_saving_positive`` (share of draws where the variant is lower), in ``unit``.
    """

    id: str
    service: str
    overrides: dict[str, Any]
    savings: Any  # DataFrame
    matches: tuple[Match, ...] = ()
    effort: str = ""
    quality: str = "published"
    criteria: tuple[str, ...] = ()
    members: tuple[str, ...] = field(default=())

    def saving(self, indicator: str = "climate_change") -> float:
        """Computed saving for an indicator, in the indicator's unit (NaN if not covered)."""
        return float(self.savings.set_index("indicator").loc[indicator, "saving"])

    def title(self, lang: str = "en") -> str:
        """The suggestion in a few words."""
        if not self.matches:
            return {"en": "All compatible changes together",
                    "fr": "Toutes les modifications compatibles ensemble"}[_lang(lang)]
        m = self.matches[0]
        return render(m.rule.text[_lang(lang)].title, m.params, lang)

    def detail(self, lang: str = "en") -> str:
        """What changes in the service, with its values before and after."""
        if not self.matches:
            return "; ".join(self.members)
        return " ".join(render(m.rule.text[_lang(lang)].detail, m.params, lang)
                        for m in self.matches)

    def not_modelled(self, lang: str = "en") -> str:
        """What the change also does that no kind counts (never in the saving)."""
        return " ".join(m.rule.text[_lang(lang)].not_modelled for m in self.matches
                        if m.rule.text[_lang(lang)].not_modelled)

    def to_scenario(self, lang: str = "en"):
        """This change as a project :class:`~footprint.schema.Scenario` (one click in the
        app: append it to ``project.scenarios`` and ``compare``)."""
        from ..schema import Scenario

        name = self.title(lang)
        if self.service and self.matches:
            name = f"{name} — {self.service}"
        return Scenario(name=name[:200], description=self.detail(lang),
                        overrides=dict(self.overrides))


@dataclass(frozen=True)
class Suggestions:
    """The ranked suggestions of a project.

    Attributes
    ----------
    items : tuple of Suggestion
        Changes with an effect, largest saving of the first indicator first.
    no_effect : tuple of Suggestion
        Applicable changes that the engine finds move no indicator (e.g. 1080p to 720p
        when both rates are 3 GB/h): listed, never ranked.
    combined : Suggestion or None
        All compatible changes of ``items`` applied together; changes editing the same
        value (or one inside another) conflict, and the larger saving is kept.
    indicators : tuple of str
    draws, seed : int
        Monte Carlo settings of the savings' uncertainty.
    """

    items: tuple[Suggestion, ...]
    no_effect: tuple[Suggestion, ...]
    combined: Suggestion | None
    indicators: tuple[str, ...]
    draws: int
    seed: int

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def table(self, lang: str = "en"):
        """Tidy table: one row per suggestion × indicator, ranked, combined last."""
        import pandas as pd

        frames = []
        ranked = [(i + 1, s) for i, s in enumerate(self.items)]
        if self.combined is not None:
            ranked.append((None, self.combined))
        for rank, s in ranked:
            f = s.savings.copy()
            f.insert(0, "rank", rank)
            f.insert(1, "id", s.id)
            f.insert(2, "service", s.service)
            f.insert(3, "title", s.title(lang))
            f.insert(4, "effort", s.effort)
            f.insert(5, "quality", s.quality)
            f["criteria"] = ", ".join(s.criteria)
            f["detail"] = s.detail(lang)
            frames.append(f)
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def to_dict(self, lang: str = "en") -> dict:
        """Plain data (JSON-ready: NaN becomes None)."""

        def one(s: Suggestion, rank):
            rows = s.savings.astype(object).where(s.savings.notna(), None)
            return {"rank": rank, "id": s.id, "service": s.service, "title": s.title(lang),
                    "detail": s.detail(lang), "effort": s.effort, "quality": s.quality,
                    "criteria": list(s.criteria), "not_modelled": s.not_modelled(lang),
                    "members": list(s.members), "overrides": s.overrides,
                    "savings": rows.to_dict(orient="records")}

        return {"indicators": list(self.indicators), "draws": self.draws, "seed": self.seed,
                "suggestions": [one(s, i + 1) for i, s in enumerate(self.items)],
                "combined": None if self.combined is None else one(self.combined, None),
                "no_effect": [one(s, None) for s in self.no_effect]}


def _lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ProjectError(f"language {lang!r} is not one of {list(LANGUAGES)}", path="lang",
                           value=lang)
    return lang


def matches(project, registry=None, catalogue=None) -> list[Match]:
    """Every (rule, service) pair of the catalogue that changes something in ``project``."""
    from ..factors import default_registry

    registry = registry if registry is not None else default_registry()
    catalogue = catalogue if catalogue is not None else load_catalogue()
    found = []
    for rule in catalogue.rules:
        for i in range(len(project.services)):
            m = match_rule(rule, project, i, registry)
            if m is not None:
                found.append(m)
    return found


def _conflict(a: str, b: str) -> bool:
    """Two override paths edit the same value, or one holds the other."""
    return a == b or a.startswith((b + ".", b + "[")) or b.startswith((a + ".", a + "["))


def _combine(ranked: list[tuple[Match, float]]) -> list[Match]:
    """Greedy in rank order: keep a change unless it edits a value a kept one edits."""
    kept: list[Match] = []
    for m, _ in ranked:
        paths = m.overrides
        if any(_conflict(p, q) for k in kept for p in paths for q in k.overrides):
            continue
        kept.append(m)
    return kept


def _total(values) -> np.ndarray:
    """Sum over services per indicator; NaN where no service is covered."""
    stack = np.vstack(values)
    return np.where(np.isnan(stack).all(axis=0), np.nan, np.nansum(stack, axis=0))


def _savings(indicators, base_total, saving, saving_draws=None):
    """One row per indicator: baseline, variant, saving (absolute, %), percentiles."""
    import pandas as pd

    from ..units import INDICATOR_UNITS

    rows = []
    for j, ind in enumerate(indicators):
        b, d = base_total[j], saving[j]
        row = {"indicator": ind, "baseline": b, "variant": b - d, "saving": d,
               "saving_pct": 100.0 * d / b if b else np.nan}
        if saving_draws is not None:
            ok = saving_draws[j][np.isfinite(saving_draws[j])]
            p5, p50, p95 = np.percentile(ok, (5, 50, 95)) if ok.size else (np.nan,) * 3
            row.update(saving_p5=p5, saving_p50=p50, saving_p95=p95,
                       p_saving_positive=float((ok > 0).mean()) if ok.size else np.nan)
        row["unit"] = INDICATOR_UNITS[ind]
        rows.append(row)
    return pd.DataFrame(rows)


def suggest(project, *, draws: int | None = 1000, seed: int = 0,
            indicators=("climate_change",), parameters: bool = False, factors=None,
            catalogue=None) -> Suggestions:
    """Eco-design changes of a project, ranked by the saving the engine computes.

    Parameters
    ----------
    project : Project
        The baseline (its own ``scenarios``, if any, are left aside).
    draws : int or None
        Monte Carlo draws for the savings' uncertainty (common random numbers across the
        baseline and every variant); ``None`` for the computed savings only.
    seed : int
        Seed of the draws (the same seed gives the same figures).
    indicators : sequence of str
        Indicators to compute; the first ranks the suggestions.
    parameters : bool
        Also draw the datasets' activity parameters (lifetimes, powers, PUE…) where the
        project leaves them to the datasets; default ``False``: the factors are drawn,
        the parameters keep their values (about 10× faster on the samples).
    factors : FactorRegistry, optional
        The bundled datasets by default.
    catalogue : Catalogue, optional
        The bundled rules (``footprint/recommendations/rules.yaml``) by default.

    Returns
    -------
    Suggestions

    Notes
    -----
    Each variant is the baseline with one rule's overrides
    (:func:`footprint.scenarios.apply_overrides`, validated like a project file). Its
    saving is the difference of the two assessments; as a rule edits one service, that
    is the difference of the edited service's totals, all variants being assessed in
    one pass (:mod:`footprint.recommendations._batch`).

    References
    ----------
    Arcep–Arcom, *Référentiel général d'écoconception de services numériques* (RGESN),
    17 May 2024: the criteria each rule implements.
    """
    from ..factors import default_registry
    from ..scenarios import apply_overrides
    from ._batch import service_totals, variant_name

    registry = factors if factors is not None else default_registry()
    indicators = tuple([indicators] if isinstance(indicators, str) else indicators)
    if not indicators:
        raise ProjectError("give at least one indicator", path="indicators", value=indicators)
    if getattr(project, "scenarios", None):
        project = project.model_copy(update={"scenarios": []})

    found = matches(project, registry, catalogue)
    edited = []
    for k, m in enumerate(found):
        variant = apply_overrides(project, m.overrides)
        svc = variant.services[m.service_index]
        edited.append(svc.model_copy(update={"name": variant_name(svc.name, k)}))
    batch = service_totals(project, edited, registry, indicators, draws=draws, seed=seed,
                           parameters=parameters)
    names = [s.name for s in project.services]
    base_total = _total([batch.value[n] for n in names])

    def change(pairs, totals):
        """Saving (indicators,) and its draws (indicators, draws) over (old, new) names."""
        saving = sum(batch.value[old] - totals.value[new] for old, new in pairs)
        if batch.draws is None:
            return saving, None
        return saving, sum(batch.draws[old] - totals.draws[new] for old, new in pairs)

    results = [change([(m.service, edited[k].name)], batch) for k, m in enumerate(found)]
    scale = np.nanmax(np.abs(base_total)) if np.isfinite(base_total).any() else 0.0
    effective = [k for k, (d, _) in enumerate(results)
                 if np.isfinite(d).any() and np.nanmax(np.abs(d)) > NO_EFFECT * scale]
    order = sorted(effective, key=lambda k: -np.nan_to_num(results[k][0][0], nan=-np.inf))
    idle = [k for k in range(len(found)) if k not in effective]

    def make(k):
        m, (saving, saving_draws) = found[k], results[k]
        return Suggestion(id=m.rule.id, service=m.service, overrides=m.overrides,
                          savings=_savings(indicators, base_total, saving, saving_draws),
                          matches=(m,), effort=m.rule.effort, quality=m.rule.quality,
                          criteria=tuple(m.rule.criteria))

    kept = _combine([(found[k], results[k][0][0]) for k in order if results[k][0][0] > 0])
    combo = None
    while len(kept) > 1:
        overrides = {p: v for m in kept for p, v in m.overrides.items()}
        try:
            combined = apply_overrides(project, overrides)
        except ProjectError:  # changes valid alone, not together: drop the smallest
            kept.pop()
            continue
        touched = sorted({m.service_index for m in kept})
        services = [combined.services[i].model_copy(
            update={"name": variant_name(combined.services[i].name, "combined")})
            for i in touched]
        totals = service_totals(project, services, registry, indicators, draws=draws,
                                seed=seed, parameters=parameters, with_baseline=False)
        saving, saving_draws = change([(names[i], s.name) for i, s in zip(touched, services)],
                                      totals)
        combo = Suggestion(
            id="combined", service=", ".join(dict.fromkeys(m.service for m in kept)),
            overrides=overrides, savings=_savings(indicators, base_total, saving,
                                                  saving_draws),
            effort=max((m.rule.effort for m in kept), key=("low", "medium", "high").index),
            quality="estimate" if any(m.rule.quality == "estimate" for m in kept)
            else "published",
            criteria=tuple(dict.fromkeys(c for m in kept for c in m.rule.criteria)),
            members=tuple(f"{m.rule.id} ({m.service})" for m in kept))
        break
    return Suggestions(items=tuple(make(k) for k in order),
                       no_effect=tuple(make(k) for k in idle), combined=combo,
                       indicators=indicators, draws=draws or 0, seed=seed)
