"""``footprint compare``: each scenario of a project against its baseline, with the
uncertainty of each difference (common random numbers) and P(scenario lower)."""

from __future__ import annotations

import json
import sys

from ._format import fmt


def add_monte_carlo_options(parser) -> None:
    """``--draws`` and ``--seed``, shared with ``footprint uncertainty``."""
    parser.add_argument("--draws", type=int, default=1000,
                        help="Monte Carlo draws (default 1000)")
    parser.add_argument("--seed", type=int, default=0,
                        help="seed of the draws: the same seed gives the same figures "
                        "(default 0)")
    parser.add_argument("--factors-only", action="store_true",
                        help="draw only the emission factors, not the datasets' activity "
                        "parameters (lifetimes, powers…)")


def register(sub) -> None:
    c = sub.add_parser("compare", help="compare a project's scenarios with its baseline")
    c.add_argument("project", help="project file (.yaml, .yml or .json) with scenarios")
    c.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="table (readable), json (every table) or csv (the deltas, one row "
                   "per scenario × indicator × stage, tier or service)")
    add_monte_carlo_options(c)
    c.set_defaults(func=_cmd_compare)


def _pct(value: float) -> str:
    return "n/a" if value != value else f"{value:+.1f} %"


def _cmd_compare(args) -> int:
    import pandas as pd

    from ..comparison import compare
    from ..files import read_project

    project = read_project(args.project)
    result = compare(project, draws=args.draws, seed=args.seed,
                     parameters=not args.factors_only)
    out = sys.stdout
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
        return 0
    if args.format == "csv":
        from ..export import to_csv

        out.write(to_csv(result.deltas))
        return 0
    out.write(f"{project.name}\n")
    if len(result.scenarios) == 1:
        out.write("this project has no scenarios: add some under `scenarios:` (name and "
                  "overrides by path, e.g. services[0].quality_mix)\n")
    what = "factors and activity parameters" if result.parameters else "factors only"
    out.write(f"Monte Carlo: {result.draws} draws ({what}), seed {result.seed}; scenarios "
              f"and baseline share the same draws\n\n")
    t = result.totals[result.totals["indicator"] == "climate_change"]
    out.write("climate change [kgCO2e]:\n")
    out.write(pd.DataFrame({
        "scenario": t["scenario"], "total": t["value"].map(fmt),
        "median (5–95 %)": [f"{fmt(m)} ({fmt(lo)} – {fmt(hi)})"
                            for m, lo, hi in zip(t["p50"], t["p5"], t["p95"])]},
    ).to_string(index=False) + "\n")
    d = result.deltas
    d = d[(d["indicator"] == "climate_change") & (d["level"] == "total")]
    if len(d):
        out.write("\nchange against the baseline [kgCO2e]:\n")
        out.write(pd.DataFrame({
            "scenario": d["scenario"], "change": d["delta"].map(fmt),
            "%": d["delta_pct"].map(_pct),
            "change, 5–95 %": [f"{fmt(lo)} – {fmt(hi)}"
                               for lo, hi in zip(d["delta_p5"], d["delta_p95"])],
            "P(lower)": [("n/a" if p != p else f"{100 * p:.0f} %") for p in d["p_lower"]]},
        ).to_string(index=False) + "\n")
        for _, row in d.iterrows():
            if row["p_lower"] == row["p_lower"]:
                out.write(f"- {row['scenario']} is lower than the baseline in "
                          f"{100 * row['p_lower']:.0f} % of the draws\n")
    conv = result.conventions[result.conventions["indicator"] == "climate_change"]
    if len(conv):
        out.write("\nother conventions (a choice of method, not an uncertainty) — change "
                  "against the baseline under the same convention [kgCO2e]:\n")
        out.write(pd.DataFrame({
            "scenario": conv["scenario"],
            "convention": conv["convention"] + " = " + conv["setting"],
            "total": conv["value"].map(fmt), "as chosen": conv["value_as_chosen"].map(fmt),
            "change": conv["delta"].map(lambda v: "—" if v != v else fmt(v))},
        ).to_string(index=False) + "\n")
    return 0
