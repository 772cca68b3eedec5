"""Emission factors: browse and search every bundled dataset — value, unit, range,
quality, source and licence."""

from __future__ import annotations

import streamlit as st

from ui import factors
from ui.i18n import choose, label, t
from ui.nav import next_step, page

page("nav_factors")
st.markdown(t("factors_intro"))
table, params, datasets = factors.tables()

c1, c2, c3 = st.columns([2, 1, 1])
query = c1.text_input(t("search"), key="factor_search", placeholder=t("search_hint"))
region = choose(c2.selectbox, t("col_region"), [None] + sorted(table["region"].unique()),
                lambda r: t("all") if r is None else r, key="factor_region")
indicator = choose(c3.selectbox, t("indicator"), [None] + list(factors.INDICATORS),
                   lambda i: t("all") if i is None else label(i), key="factor_indicator")
tab_f, tab_p, tab_d = st.tabs([t("factors_tab"), t("parameters_tab"), t("datasets_tab")])
with tab_f:
    shown = factors.filter_rows(table, query, region, indicator)
    st.markdown(t("rows_shown", n=len(shown), total=len(table)))
    st.dataframe(factors.display(shown), hide_index=True, key="factors_table")
with tab_p:
    shown_p = factors.filter_rows(params, query, region, None)
    st.markdown(t("rows_shown", n=len(shown_p), total=len(params)))
    st.dataframe(factors.display(shown_p), hide_index=True, key="parameters_table")
with tab_d:
    st.dataframe(datasets, hide_index=True, key="datasets_table")
next_step(("pages/1_Describe.py", "nav_describe"))
