"""Altair chart builders over an :class:`~footprint.Assessment` (altair imported lazily)."""

from __future__ import annotations

__all__ = ["stage_tier_chart"]


def stage_tier_chart(assessment, *, indicator: str = "climate_change", labels=None,
                     title: str = ""):
    """Stacked bars: impact per lifecycle stage, coloured by tier.

    Parameters
    ----------
    labels : callable, optional
        Maps an id (``manufacturing``, ``user_devices``…) to a display label.
    """
    import altair as alt

    labels = labels or (lambda s: s)
    data = assessment.breakdown(("stage", "tier"), indicator).stack().rename("impact").reset_index()
    data["stage_label"] = data["stage"].map(labels)
    data["tier_label"] = data["tier"].map(labels)
    unit = assessment.total(indicator).units
    stage_order = [labels(s) for s in ("manufacturing", "distribution", "use", "end_of_life")]
    return (alt.Chart(data, title=title)
            .mark_bar()
            .encode(x=alt.X("stage_label:N", sort=stage_order, title=None),
                    y=alt.Y("impact:Q", title=f"{labels(indicator)} ({unit:~P})"),
                    color=alt.Color("tier_label:N", title=None),
                    tooltip=["stage_label", "tier_label", alt.Tooltip("impact:Q", format=",.3~g")]))
