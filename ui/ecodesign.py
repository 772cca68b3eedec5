"""The Eco-design page's pieces: suggestions (cached on the project's text and language),
their card, and turning one into a scenario of the project."""

from __future__ import annotations

import streamlit as st

import footprint
from ui import cache, state
from ui.i18n import fmt, fmt_percent, lang, t

__all__ = ["suggestions", "card", "scenario_name", "to_scenario", "lang"]


@st.cache_data(show_spinner=False, max_entries=16)
def _suggest(text: str, fmt_: str):
    return footprint.suggest(cache.project_of(text, fmt_), draws=200, seed=0,
                             factors=cache.registry())


def suggestions():
    d = state.doc()
    return _suggest(d.text, d.fmt)


def card(rank, s) -> None:
    language = lang()
    head = f"**{rank}. {s.title(language)}**" if rank else f"**{s.title(language)}**"
    st.markdown(head + (f" — {s.service}" if s.service else ""))
    st.text(s.detail(language))
    row = s.savings.set_index("indicator").loc["climate_change"]
    cols = st.columns(4)
    cols[0].metric(f"{t('saving')} (kgCO2e)", fmt(row["saving"]),
                   help=t("saving_help", p5=fmt(row.get("saving_p5", float("nan"))),
                          p95=fmt(row.get("saving_p95", float("nan")))))
    cols[1].metric(t("saving_pct"), f"{fmt(row['saving_pct'], 2)} %")
    p = row.get("p_saving_positive", float("nan"))
    cols[2].metric(t("p_lower"), fmt_percent(p) if p == p else "—")
    cols[3].metric(t("effort"), t(f"effort_{s.effort}") if s.effort else "—")
    refs = ", ".join(s.criteria)
    if refs:
        st.markdown(t("rgesn_refs", refs=refs))
    if s.not_modelled(language):
        st.markdown(t("not_modelled", text=s.not_modelled(language)))
    if s.quality == "estimate":
        st.markdown(t("suggestion_estimate"))


def scenario_name(s) -> str:
    return s.to_scenario(lang()).name


def to_scenario(project, s) -> None:
    data = project.model_dump(mode="json", exclude_unset=True)
    data.setdefault("scenarios", []).append(
        s.to_scenario(lang()).model_dump(mode="json", exclude_defaults=True))
    state.set_project(footprint.parse_project(data), note="suggestion")
