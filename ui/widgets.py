"""Pieces of pages shared by several of them: headline figures, saved projects, charts
with their data tables, labels of samples and kinds."""

from __future__ import annotations

import re

import streamlit as st

from footprint.units import format_unit
from ui import state
from ui.i18n import fmt, fmt_date, fmt_int, has, label, lang, t


@st.cache_data(show_spinner=False)
def _kinds() -> list[str]:
    from footprint.templates import kinds_with_template

    return kinds_with_template()


def kinds() -> list[str]:
    """Kinds a new project or service can start from (those with a template)."""
    return sorted(_kinds(), key=lambda k: (k == "custom", label(k)))


def sample_title(name: str) -> str:
    key = "sample_" + name.removesuffix(".yaml")
    return t(key) if has(key) else name


def file_name(project_name: str, ext: str) -> str:
    stem = re.sub(r"[^\w-]+", "_", project_name, flags=re.UNICODE).strip("_")[:60]
    return f"{stem or 'project'}.{ext}"


def text(value: str) -> None:
    """Plain text (never markup) from a user's file or a dataset."""
    st.text(value)


def best_unit(q, units: tuple[str, ...]) -> tuple[float, str]:
    """The magnitude and unit of ``q`` in the first of ``units`` (largest first) where it
    reaches 1, else the last."""
    for unit in units:
        m = q.m_as(unit)
        if abs(m) >= 1 or unit == units[-1]:
            return m, unit
    return q.m_as(units[-1]), units[-1]


def coverage(result, indicator: str = "climate_change") -> int:
    """Parts of the project with no factor for the indicator (0 = complete)."""
    totals = result.totals().set_index("indicator")
    return int(totals.loc[indicator, "rows_not_covered"])


def incomplete_note(result, indicator: str = "climate_change") -> str | None:
    """The headline's warning when the total leaves parts out (the library's coverage
    status when it has one: ``incomplete`` when a whole tier or stage is missing)."""
    row = result.totals().set_index("indicator").loc[indicator]
    if "status" in row.index:
        if row["status"] != "incomplete":
            return None
        share = row.get("share_not_covered", float("nan"))
        return t("incomplete_total", missing=row.get("missing", ""),
                 share=t("not_covered") if share != share else f"{fmt(100 * share, 2)} %")
    missing = int(row["rows_not_covered"])
    return t("incomplete", n=missing) if missing else None


def headline(result, band: dict | None = None) -> None:
    """Total climate change (coverage; with ``band``, its Monte Carlo P5–P95 under it, else
    the extreme bounds in its help), electricity, per functional unit."""
    from footprint.units import conversion_factor

    total = result.total("climate_change")
    value, unit = best_unit(total, ("tCO2e", "kgCO2e", "gCO2e"))
    note = incomplete_note(result)
    cols = st.columns(3)
    title = t("total") + (" *" if note else "")
    shown = f"{fmt(value)} {format_unit(unit)}"
    if band is None:
        row = result.totals({"climate_change": unit}).set_index("indicator") \
            .loc["climate_change"]
        cols[0].metric(title, shown, help=t("range_help", low=fmt(row["extreme_low"]),
                                            high=fmt(row["extreme_high"]),
                                            unit=format_unit(unit)))
    else:
        k = conversion_factor(band["unit"], unit)
        cols[0].metric(title, shown, help=t("band_help", draws=fmt_int(band["draws"]),
                                            seed=band["seed"]))
        if band["p5"] == band["p5"]:  # NaN: nothing covered, no band
            cols[0].markdown(t("band", low=fmt(band["p5"] * k), high=fmt(band["p95"] * k),
                               unit=format_unit(unit)))
    e_value, e_unit = best_unit(result.electricity(), ("GWh", "MWh", "kWh", "Wh"))
    cols[1].metric(t("electricity"), f"{fmt(e_value)} {e_unit}")
    fu = result.project.functional_unit
    if fu is not None:
        per = result.per_functional_unit()
        p_value, p_unit = best_unit(per, ("kgCO2e", "gCO2e", "mgCO2e"))
        cols[2].metric(t("per_fu", unit=fu.name), f"{fmt(p_value)} {format_unit(p_unit)}")
    if note:
        st.warning("\\* " + note, icon=":material/warning:")


def saved_projects() -> None:
    """The workspace's projects, with their versions; opening one makes it current."""
    ws = state.workspace()
    if ws is None:
        url, error = state.workspace_error() or ("?", "")
        st.error(t("workspace_unavailable", url=url, error=error))
        return
    saved = ws.projects()
    if not saved:
        st.info(t("no_saved"))
        return
    st.dataframe({t("saved_list"): [p.name for p in saved],
                  t("saved_at"): [fmt_date(p.updated_at) for p in saved],
                  t("versions"): [p.versions for p in saved]}, hide_index=True)
    by_id = {p.id: p for p in saved}
    left, right = st.columns(2)
    pid = left.selectbox(t("saved_list"), list(by_id), key="saved_pick",
                         format_func=lambda i: by_id[i].name)
    numbers = [v.number for v in ws.versions(pid)]
    number = right.selectbox(t("version_pick"), numbers, key=f"version_pick_{pid}")
    if st.button(t("open_version"), key="open_saved"):
        state.open_doc(state.Doc(ws.load(pid, number), "yaml", "workspace", "", pid, number))
        st.rerun()


def chart_with_table(chart, table, *, key: str) -> None:
    """A chart and, below it, its data as a table (for screen readers and for copying)."""
    # legends in two columns: four tiers in one row overflow a phone-width screen
    st.altair_chart(chart.configure_legend(columns=2), width="stretch", key=f"chart_{key}")
    with st.expander(t("data_table")):
        st.dataframe(table, hide_index=True, key=f"table_{key}")


def series_table(series, unit: str, *, ids: bool = True) -> dict:
    return {" ": [label(i) if ids else i for i in series.index],
            f"{t('value')} ({format_unit(unit)})": [fmt(v) for v in series.to_numpy()]}


def locale() -> str:
    return lang()
