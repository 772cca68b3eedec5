"""``footprint uncertainty``: Monte Carlo percentiles of a project's totals and
breakdowns and, with ``--sensitivity``, the inputs that drive them (tornado ranking and
Sobol indices)."""

from __future__ import annotations

import json
import sys

from ._format import fmt
from .compare import add_monte_carlo_options


def register(sub) -> None:
    u = sub.add_parser("uncertainty", help="Monte Carlo percentiles (5, 50, 95 %%) of a "
                       "project's totals and breakdowns; --sensitivity ranks the inputs")
    u.add_argument("project", help="project file (.yaml, .yml or .json)")
    u.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="table (readable), json or csv (the percentiles, one row per "
                   "indicator × total/stage/tier/service)")
    add_monte_carlo_options(u)
    u.add_argument("--sensitivity", action="store_true",
                   help="also rank the inputs: one at a time over each range (tornado) "
                   "and Sobol indices of the top ones (needs SALib)")
    u.add_argument("--top", type=int, default=6,
                   help="inputs given Sobol indices with --sensitivity (default 6)")
    u.add_argument("--sobol-n", type=int, default=256,
                   help="Sobol base sample size, a power of 2 (default 256: n × (top + 2) "
                   "evaluations)")
    u.set_defaults(func=_cmd_uncertainty)


def _cmd_uncertainty(args) -> int:
    import pandas as pd

    from ..engine import assess
    from ..files import read_project
    from ..uncertainty import summary

    project = read_project(args.project)
    table = summary(project, draws=args.draws, seed=args.seed,
                    parameters=not args.factors_only)
    ranking = sobol = None
    if args.sensitivity:
        from ..sensitivity import project_sobol, tornado

        ranking = tornado(project)
        sobol = project_sobol(project, top=args.top, n=args.sobol_n, seed=args.seed,
                              ranking=ranking)
    out = sys.stdout
    if args.format == "csv":
        from ..export import to_csv

        out.write(to_csv(table))
        return 0
    if args.format == "json":
        from ..assessment import _finite

        data = {"project": project.name,
                "monte_carlo": {"draws": args.draws, "seed": args.seed,
                                "parameters_drawn": not args.factors_only,
                                "percentiles": [5, 50, 95]},
                "percentiles": table.to_dict("records")}
        if ranking is not None:
            data["tornado"] = ranking.to_dict("records")
            data["sobol"] = sobol.to_dict("records")
        json.dump(_finite(data), out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
        return 0
    what = "factors and activity parameters" if not args.factors_only else "factors only"
    out.write(f"{project.name}\nMonte Carlo: {args.draws} draws ({what}), seed "
              f"{args.seed}\n\n")
    totals = table[table["level"] == "total"]
    bounds = assess(project).totals().set_index("indicator")
    out.write(pd.DataFrame({
        "indicator": totals["indicator"], "result": totals["value"].map(fmt),
        "median": totals["p50"].map(fmt),
        "5 – 95 %": [f"{fmt(a)} – {fmt(b)}" for a, b in zip(totals["p5"], totals["p95"])],
        "unit": totals["unit"],
        "extreme bounds (every factor at its end)": [
            f"{fmt(bounds.loc[i, 'extreme_low'])} – {fmt(bounds.loc[i, 'extreme_high'])}"
            for i in totals["indicator"]]}).to_string(index=False) + "\n")
    from ..comparison import _conventions
    from ..factors import default_registry

    conv = _conventions({"baseline": project}, [assess(project)], ("climate_change",),
                        default_registry())
    if len(conv):
        out.write("\nother conventions (a choice of method, not an uncertainty; not in the "
                  "range above):\n")
        for row in conv.itertuples():
            out.write(f"- {row.convention} = {row.setting}: {fmt(row.value)} kgCO2e "
                      f"(as chosen: {fmt(row.value_as_chosen)})\n")
    for level in ("stage", "tier", "service"):
        rows = table[(table["level"] == level) & (table["indicator"] == "climate_change")]
        out.write(f"\nclimate change by {level} [kgCO2e]:\n")
        out.write(pd.DataFrame({
            level: rows["group"], "result": rows["value"].map(fmt),
            "median": rows["p50"].map(fmt),
            "5 – 95 %": [f"{fmt(a)} – {fmt(b)}" for a, b in zip(rows["p5"], rows["p95"])]},
        ).to_string(index=False) + "\n")
    if ranking is not None:
        out.write("\nwhat drives the climate-change result, one input at a time over its "
                  "range (tornado):\n")
        top = ranking.head(12)
        out.write(pd.DataFrame({
            "input": top["label"], "kind": top["kind"],
            "total at low – high [kgCO2e]": [f"{fmt(a)} – {fmt(b)}" for a, b in
                                             zip(top["total_low"], top["total_high"])],
            "swing": top["swing_pct"].map(lambda v: f"{v:.1f} %")}).to_string(index=False)
            + "\n")
        out.write(f"\nSobol indices of the top {len(sobol)} (others at their values; "
                  f"S1 alone, ST with interactions):\n")
        out.write(pd.DataFrame({
            "input": sobol["input"],
            "S1": [f"{a:.2f} ± {b:.2f}" for a, b in zip(sobol["S1"], sobol["S1_conf"])],
            "ST": [f"{a:.2f} ± {b:.2f}" for a, b in zip(sobol["ST"], sobol["ST_conf"])]},
        ).to_string(index=False) + "\n")
    return 0
