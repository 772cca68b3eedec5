"""Tables of the Emission factors page: the registry's factor and parameter rows with
their dataset's source citation and licence."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from footprint.schema.base import INDICATORS
from footprint.units import format_unit
from ui.cache import registry
from ui.i18n import fmt, label, t

__all__ = ["INDICATORS", "tables", "filter_rows", "display"]


@st.cache_data(show_spinner=False)
def _tables() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    reg = registry()
    prov = reg.provenance()
    licence = dict(zip(prov["dataset"], prov["licence"]))
    out = []
    for frame in (reg.factors.reset_index(), reg.parameters.reset_index()):
        frame = frame.copy()
        pairs = frame[["dataset", "source_ref"]].drop_duplicates()
        cite = {(d, s): reg.citation(d, s) for d, s in pairs.itertuples(index=False)}
        frame["source"] = [cite[(d, s)] for d, s in zip(frame["dataset"], frame["source_ref"])]
        frame["licence"] = frame["dataset"].map(licence)
        out.append(frame)
    return out[0], out[1], prov


def tables():
    return _tables()


def filter_rows(frame: pd.DataFrame, query: str, region: str | None,
                indicator: str | None) -> pd.DataFrame:
    """Rows whose code, note or source contains every word of ``query`` (case-insensitive,
    plain substring search: no pattern from the user is compiled)."""
    mask = pd.Series(True, index=frame.index)
    if region:
        mask &= frame["region"] == region
    if indicator and "indicator" in frame:
        mask &= frame["indicator"] == indicator
    haystack = (frame["code"].astype(str) + " " + frame["note"].fillna("").astype(str) + " "
                + frame["source"].astype(str) + " " + frame["dataset"].astype(str)).str.lower()
    for word in (query or "").lower().split()[:10]:
        mask &= haystack.str.contains(word, regex=False)
    return frame[mask]


def display(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns a reader needs, labelled in the session's language, numbers per locale."""
    cols = {"code": t("col_factor"), "region": t("col_region")}
    out = pd.DataFrame({cols["code"]: frame["code"], cols["region"]: frame["region"]})
    if "stage" in frame:
        out[t("stage")] = frame["stage"].map(label)
        out[t("indicator")] = frame["indicator"].map(label)
    out[t("value")] = [fmt(v, 4) for v in frame["value"]]
    out[t("unit")] = [format_unit(u) for u in frame["unit"]]
    out[t("range")] = [f"{fmt(lo, 4)} – {fmt(hi, 4)}" for lo, hi in
                       zip(frame["low"], frame["high"])]
    out[t("quality")] = frame["quality"].map(lambda q: t(f"quality_{q}"))
    out[t("source")] = frame["source"]
    out[t("licence")] = frame["licence"]
    out[t("note")] = frame["note"].fillna("")
    out[t("dataset")] = frame["dataset"]
    return out
