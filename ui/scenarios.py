"""The Scenarios page's pieces: scenarios kept in the project file (so every saved version
keeps them), comparison and tornado through the library, cached on the project's text."""

from __future__ import annotations

import re

import pandas as pd
import streamlit as st

import footprint
from footprint.archetypes import KINDS
from footprint.charts import bar_chart
from footprint.schema.describe import fields
from ui import state, widgets
from ui.form import field_label, normalise_number
from ui.i18n import fmt, fmt_percent, has, label, lang, t

_SCALAR = ("quantity", "number", "integer", "bool", "choice", "text", "region")


def parameters(project, service_name: str):
    svc = next(s for s in project.services if s.name == service_name)
    return [s for s in fields(KINDS[svc.kind].Service, skip_common=True)
            if s.widget in _SCALAR]


def param_label(specs):
    by_name = {s.name: s for s in specs}
    return lambda name: field_label(by_name[name])


def current_value(project, service_name: str, param: str, specs) -> str:
    svc = next(s for s in project.services if s.name == service_name)
    value = getattr(svc, param, None)
    spec = next((s for s in specs if s.name == param), None)
    shown = t("form_default_data") if value is None else (
        fmt(value) if isinstance(value, int | float) and not isinstance(value, bool)
        else str(value))
    unit = f" {spec.unit}" if spec is not None and spec.unit and value is not None else ""
    return t("current_value", value=shown + unit)


def _override_label(path: str) -> str:
    """``services[Live].quality_mix`` as people read it: ``Live › <the field's label>``."""
    m = re.fullmatch(r"services\[(.+)\]\.([\w.]+)", path)
    head, rest = ([m.group(1)], m.group(2)) if m else ([], path)
    if not re.fullmatch(r"[\w.]+", rest):
        return path
    return " › ".join(head + [t("param_" + p) if has("param_" + p) else p
                              for p in rest.split(".")])


def _override_value(value) -> str:
    """An override's value with numbers in the user's language; mixes as ``id share``."""
    from babel.numbers import format_decimal

    from ui.i18n import LOCALES

    def one(v):
        if isinstance(v, int | float) and not isinstance(v, bool):
            return format_decimal(v, locale=LOCALES[lang()], decimal_quantization=False)
        return label(v) if isinstance(v, str) else str(v)

    if isinstance(value, dict):
        return " ; ".join(f"{label(k)} {one(v)}" for k, v in value.items())
    if isinstance(value, str):
        try:
            return one(float(value))
        except ValueError:
            return value
    return one(value)


def overrides_table(scenario) -> dict:
    return {t("parameter"): [_override_label(p) for p in scenario.overrides],
            t("new_value"): [_override_value(v) for v in scenario.overrides.values()]}


def _data(project) -> dict:
    return project.model_dump(mode="json", exclude_unset=True)


def add(project, name: str, service: str, param: str, value: str, specs) -> None:
    spec = next(s for s in specs if s.name == param)
    raw = value.strip()
    if spec.widget in ("quantity", "number", "integer"):
        raw = normalise_number(raw)
    data = _data(project)
    data.setdefault("scenarios", []).append(
        {"name": name.strip() or f"{param} = {raw}",
         "overrides": {f"services[{service}].{param}": raw}})
    state.set_project(footprint.parse_project(data), note="scenario")


def remove(project, index: int) -> None:
    data = _data(project)
    data["scenarios"].pop(index)
    state.set_project(footprint.parse_project(data), note="scenario removed")
    st.rerun()


@st.cache_data(show_spinner=False, max_entries=16)
def _compare(text: str, fmt_: str, draws: int):
    from ui.cache import project_of, registry

    return footprint.compare(project_of(text, fmt_), draws=draws, seed=0,
                             indicators=("climate_change",), factors=registry())


def compare(draws: int):
    d = state.doc()
    return _compare(d.text, d.fmt, draws)


def comparison_view(c) -> None:
    totals = c.totals[c.totals["indicator"] == "climate_change"].set_index("scenario")
    deltas = c.deltas[(c.deltas["level"] == "total") &
                      (c.deltas["indicator"] == "climate_change")].set_index("scenario")
    rows = []
    for name in c.scenarios:
        tot = totals.loc[name]
        d = deltas.loc[name] if name in deltas.index else None
        rows.append({
            t("scenario"): t("baseline") if name == "baseline" else name,
            f"{t('value')} (kgCO2e)": fmt(tot["value"]),
            "p5 – p95": f"{fmt(tot['p5'])} – {fmt(tot['p95'])}",
            "Δ (kgCO2e)": "" if d is None else fmt(d["delta"]),
            "Δ %": "" if d is None else fmt(d["delta_pct"], 2),
            t("p_lower"): "" if d is None else fmt_percent(d["p_lower"])})
    table = pd.DataFrame(rows)
    series = totals["value"].rename(index={"baseline": t("baseline")})
    st.altair_chart(bar_chart(series, unit="kgCO2e", locale=lang(), colour_by_id=False),
                    width="stretch", key="chart_comparison")
    # a few rows: a static table, read by screen readers and found in the page's text
    st.table(table, hide_index=True)
    st.markdown(t("mc_note", draws=c.draws, seed=c.seed))


@st.cache_data(show_spinner=False, max_entries=16)
def _tornado(text: str, fmt_: str):
    from footprint.sensitivity import tornado
    from ui.cache import project_of, registry

    return tornado(project_of(text, fmt_), factors=registry())


def tornado():
    d = state.doc()
    return _tornado(d.text, d.fmt)


def tornado_view(table, top: int = 10) -> None:
    import altair as alt

    from footprint.charts import number_format_expr

    head = table.head(top)
    names = [f"{c} [{r}] {label(s)}" if s else f"{c} [{r}]"
             for c, r, s in zip(head["code"], head["region"], head["stage"])]
    data = pd.DataFrame({"input": names, "low": head["total_low"],
                         "high": head["total_high"]})
    chart = (alt.Chart(data).mark_bar(color="#0072B2")
             .encode(y=alt.Y("input:N", sort=None, title=None, axis=alt.Axis(labelLimit=190)),
                     x=alt.X("low:Q", title="kgCO2e",
                             axis=alt.Axis(labelExpr=number_format_expr(lang()))),
                     x2="high:Q",
                     tooltip=[alt.Tooltip("input:N"), alt.Tooltip("low:Q", format=",.3~g"),
                              alt.Tooltip("high:Q", format=",.3~g")]))
    rule = alt.Chart(pd.DataFrame({"x": [table.attrs.get("total", 0.0)]})) \
        .mark_rule(color="#D55E00").encode(x="x:Q")
    widgets.chart_with_table(
        chart + rule,
        {t("input"): names, t("kind_of_input"): [label(k) for k in head["kind"]],
         t("total_low"): [fmt(v) for v in head["total_low"]],
         t("total_high"): [fmt(v) for v in head["total_high"]],
         t("swing_pct"): [fmt(v, 2) for v in head["swing_pct"]]}, key="tornado")
