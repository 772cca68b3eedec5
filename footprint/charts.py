"""Altair chart builders over an :class:`~footprint.Assessment` (altair imported lazily).

Colours are keyed on ids (``user_devices``, ``manufacturing``), never on translated
labels: :data:`PALETTE` is the one palette of the app and the report, so a tier keeps its
colour in every language and on every page.
"""

from __future__ import annotations

__all__ = ["PALETTE", "bar_chart", "number_format_expr", "service_chart", "stage_tier_chart",
           "to_png", "to_svg"]

#: One colour per tier and per lifecycle stage (Okabe–Ito colour-blind-safe set, with
#: a dark blue/orange pair for the tiers the eye compares most).
PALETTE: dict[str, str] = {
    # tiers
    "user_devices": "#0072B2", "networks": "#E69F00", "data_centres": "#009E73",
    "onsite": "#CC79A7",
    # stages
    "manufacturing": "#56B4E9", "distribution": "#F0E442", "use": "#D55E00",
    "end_of_life": "#999999",
}
_ORDER = ("user_devices", "networks", "data_centres", "onsite",
          "manufacturing", "distribution", "use", "end_of_life")


def number_format_expr(locale: str = "en") -> str:
    """A Vega expression formatting an axis value the way ``locale`` writes numbers
    (``1 234,5`` in French, ``1,234.5`` in English)."""
    base = "format(datum.value, ',~r')"
    if locale.startswith("fr"):
        # swap separators through a placeholder: 1,234.5 -> 1 234,5 (narrow no-break space)
        return (f"replace(replace(replace({base}, /,/g, '|'), /\\./g, ','), /\\|/g, "
                "'\u202f')")
    return base


def _color(field: str, ids: list[str], labels):
    import altair as alt

    domain = [i for i in _ORDER if i in ids] + sorted(i for i in ids if i not in PALETTE)
    return alt.Color(f"{field}:N", title=None,
                     scale=alt.Scale(domain=domain,
                                     range=[PALETTE.get(i, "#6b6b6b") for i in domain]),
                     legend=alt.Legend(labelExpr=_label_expr(domain, labels), orient="bottom",
                                       labelLimit=240))


def _label_expr(ids: list[str], labels) -> str:
    """A Vega expression mapping each id to its display label (legend labels)."""
    import json

    mapping = json.dumps({i: labels(i) for i in ids}, ensure_ascii=False)
    return f"{mapping}[datum.label] || datum.label"


def stage_tier_chart(assessment, *, indicator: str = "climate_change", labels=None,
                     title: str = "", locale: str = "en", unit: str | None = None,
                     label_angle: float = 0):
    """Stacked bars: impact per lifecycle stage, coloured by tier (colours by tier id).

    Parameters
    ----------
    labels : callable, optional
        Maps an id (``manufacturing``, ``user_devices``…) to a display label.
    locale : str
        Language of the axis numbers (``fr`` or ``en``).
    unit : str, optional
        Unit of the bars (``tCO2e``…); the indicator's canonical unit by default.
    label_angle : float
        Angle of the stage labels (the report tilts them in its narrow column).
    """
    import altair as alt

    labels = labels or (lambda s: s)
    data = assessment.breakdown(("stage", "tier"), indicator).stack().rename("impact").reset_index()
    data["stage_label"] = data["stage"].map(labels)
    data["tier_label"] = data["tier"].map(labels)
    data["impact"] = data["impact"] * _scale(assessment, indicator, unit)
    unit = _Unit(unit) if unit else assessment.total(indicator).units
    stage_order = [labels(s) for s in ("manufacturing", "distribution", "use", "end_of_life")]
    return (alt.Chart(data, title=title)
            .mark_bar()
            .encode(x=alt.X("stage_label:N", sort=stage_order, title=None,
                            axis=alt.Axis(labelAngle=label_angle, labelLimit=200)),
                    y=alt.Y("impact:Q", title=f"{labels(indicator)} ({unit:~P})",
                            axis=alt.Axis(labelExpr=number_format_expr(locale))),
                    color=_color("tier", list(data["tier"].unique()), labels),
                    order=alt.Order("tier:N"),
                    tooltip=[alt.Tooltip("stage_label:N", title=labels("stage")),
                             alt.Tooltip("tier_label:N", title=labels("tier")),
                             alt.Tooltip("impact:Q", title=f"{unit:~P}",
                                         format=",.3~g")]))


def bar_chart(series, *, labels=None, unit: str = "", locale: str = "en",
              colour_by_id: bool = True):
    """Horizontal bars of a Series indexed by ids (tiers, stages) or names (services).

    Bars are coloured from :data:`PALETTE` when the index holds its ids; names (services,
    components) take one neutral colour.
    """
    import altair as alt
    import pandas as pd

    labels = labels or (lambda s: s)
    data = pd.DataFrame({"id": [str(i) for i in series.index],
                         "value": series.to_numpy(dtype=float)})
    data["label"] = [labels(i) if colour_by_id else i for i in data["id"]]
    ids = list(data["id"])
    color = (_color("id", ids, labels) if colour_by_id and all(i in PALETTE for i in ids)
             else alt.value("#0072B2"))
    if colour_by_id and all(i in PALETTE for i in ids):
        color = color.legend(None)
    return (alt.Chart(data).mark_bar()
            .encode(y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
                    x=alt.X("value:Q", title=unit,
                            axis=alt.Axis(labelExpr=number_format_expr(locale))),
                    color=color,
                    tooltip=[alt.Tooltip("label:N", title=" "),
                             alt.Tooltip("value:Q", title=unit, format=",.3~g")]))


class _Unit(str):
    """A unit given as text, formatted as pint units are (``f"{unit:~P}"``)."""

    def __format__(self, spec: str) -> str:
        return str(self)


def _scale(assessment, indicator: str, unit: str | None) -> float:
    if not unit:
        return 1.0
    from .units import INDICATOR_UNITS, conversion_factor

    return conversion_factor(INDICATOR_UNITS[indicator], unit)


def service_chart(assessment, *, indicator: str = "climate_change", labels=None,
                  title: str = "", locale: str = "en", unit: str | None = None,
                  top: int = 10):
    """Horizontal bars per service (the ``top`` largest), stacked by tier (colours by id)."""
    import altair as alt

    labels = labels or (lambda s: s)
    data = (assessment.breakdown(("service", "tier"), indicator).stack().rename("impact")
            .reset_index())
    data["impact"] = data["impact"] * _scale(assessment, indicator, unit)
    keep = list(data.groupby("service")["impact"].sum().sort_values(ascending=False)
                .index[:top])
    data = data[data["service"].isin(keep)].copy()
    short = {s: s if len(s) <= 40 else s[:39] + "…" for s in keep}
    data["service_label"] = data["service"].map(short)
    data["tier_label"] = data["tier"].map(labels)
    unit_text = unit or f"{assessment.total(indicator).units:~P}"
    return (alt.Chart(data, title=title)
            .mark_bar()
            .encode(y=alt.Y("service_label:N", sort=[short[s] for s in keep], title=None,
                            axis=alt.Axis(labelLimit=260)),
                    x=alt.X("impact:Q", title=f"{labels(indicator)} ({unit_text})",
                            axis=alt.Axis(labelExpr=number_format_expr(locale))),
                    color=_color("tier", list(data["tier"].unique()), labels),
                    order=alt.Order("tier:N")))


def to_svg(chart) -> str:
    """The chart as SVG text, rendered offline by vl-convert (no browser, no network)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(chart.to_json())


def to_png(chart, scale: float = 2.0) -> bytes:
    """The chart as PNG bytes, rendered offline by vl-convert."""
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale)
