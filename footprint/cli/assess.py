"""``footprint assess``: totals, stage × tier, services and published web methods."""

from __future__ import annotations

import json
import sys

from ._format import fmt


def register(sub) -> None:
    a = sub.add_parser("assess", help="assess a project file, or a portfolio (a directory "
                       "of project files, or a CSV/Parquet table of services)")
    a.add_argument("project", help="project file (.yaml, .yml or .json); or a directory, "
                   ".csv or .parquet portfolio: totals per project, kind, institution and "
                   "country")
    a.add_argument("--format", choices=("table", "json", "csv"), default="table",
                   help="table (readable), json (with units and provenance) or csv (the "
                   "traceable table, one row per activity × stage × indicator)")
    a.add_argument("--allocation", choices=("use_time", "calendar_time"), default=None,
                   help="device manufacture allocation (default: the project's option)")
    a.add_argument("--hourly", metavar="CSV", help="hourly intensity series "
                   "(start_utc,value[,region,unit] in g/kWh) for services with a schedule "
                   "(default: the series of updated datasets, if any)")
    a.add_argument("--grid-basis", choices=("reference", "ember"), default=None,
                   help="electricity factors: reference (ADEME's consumption mix for France, "
                   "Ember elsewhere) or ember (Ember's generation mix for every country, for "
                   "comparisons); default: the project's option")
    a.add_argument("--summary", action="store_true",
                   help="portfolio: only the totals and the breakdowns, not every project")
    a.set_defaults(func=_cmd_assess)


def _registry():
    from ..factors import default_registry

    return default_registry()


def _cmd_assess(args) -> int:
    import pandas as pd

    from ..engine import assess
    from ..files import read_project
    from ._portfolio import is_portfolio, run_portfolio

    if is_portfolio(args.project):
        return run_portfolio(args)
    project = read_project(args.project)
    hourly = None
    if args.hourly:
        from ..hourly import read_hourly_csv

        hourly = read_hourly_csv(args.hourly)
    result = assess(project, _registry(), allocation=args.allocation,
                    grid_basis=args.grid_basis, hourly=hourly)
    out = sys.stdout
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2, default=str,
                  allow_nan=False)
        out.write("\n")
        return 0
    if args.format == "csv":
        from ..export import to_csv

        status = result.totals().set_index("indicator")["status"]
        table = result.table.drop(columns="factor_idx")
        table["total_status"] = table["indicator"].map(status)
        out.write(to_csv(table))
        return 0
    out.write(f"{project.name}" + (f" — {project.organisation}" if project.organisation else "")
              + f"\nallocation of device manufacture: {result.options['allocation']}\n"
              + f"grid basis: {result.options['grid_basis']}\n")
    for region, basis in result.options["electricity"].items():
        out.write(f"  electricity {region}: {basis}\n")
    out.write("\n")
    totals = result.totals()
    table = pd.DataFrame({
        "indicator": totals["indicator"], "total": totals["total"].map(fmt),
        "unit": totals["unit"],
        "coverage": [_coverage(r) for r in totals.itertuples(index=False)]})
    out.write(table.to_string(index=False) + "\n")
    out.write("uncertainty (Monte Carlo 5–95 %, what drives it): footprint uncertainty "
              "PROJECT [--sensitivity]\n")
    out.write(f"\nelectricity used: {fmt(result.electricity().magnitude)} kWh\n")
    fu = project.functional_unit
    if fu is not None:
        per = result.per_functional_unit()
        unit = "kgCO2e" if per.m_as("gCO2e") >= 1000 else "gCO2e"
        out.write(f"per {fu.name}: {fmt(per.m_as(unit))} {unit} ({fmt(fu.quantity)} "
                  f"{fu.name})\n")
    out.write("\nclimate change by stage and tier [kgCO2e]:\n")
    stage_tier = result.breakdown(("stage", "tier"))
    labels = result.stage_tier_labels()
    out.write((stage_tier.map(fmt).where(labels == "", labels).to_string() if stage_tier.size else
               "0 (no activity: nothing happens in this project)") + "\n")
    out.write("\nby service [kgCO2e]:\n")
    out.write(result.by_service().map(fmt).to_string() + "\n")
    _write_methods(out, result)
    _write_measured(out, result)
    for w in result.warnings:
        out.write(f"note: {w}\n")
    out.write("\ndata: " + "; ".join(result.provenance["attribution"]) + "\n")
    return 0


def _coverage(row) -> str:
    """``complete``, or the status with the rows not covered and the estimated share of the
    impact they carry (``INCOMPLETE: 2/5 rows not covered, ~96 % of impact``)."""
    if row.status in ("complete", "empty"):
        return row.status
    share = f", ~{row.share_not_covered:.0%} of impact" if row.share_not_covered == \
        row.share_not_covered else ", share unknown"
    label = "INCOMPLETE" if row.status == "incomplete" else row.status
    return f"{label}: {row.rows_not_covered}/{row.rows} rows not covered{share}"


_METHOD_LABELS = {"swd_v4": "Sustainable Web Design v4", "swd_v3": "Sustainable Web Design v3",
                  "ecoindex": "Ecoindex"}


def _write_methods(out, result) -> None:
    """Quantities ``method.*`` (published methods, not in the totals) beside our figure."""
    import pandas as pd

    q = result.quantities
    m = q[q["quantity"].str.startswith("method.")]
    if m.empty:
        return
    by_service = result.by_service()
    lines = []
    for service, group in m.groupby("service", sort=False):
        ours = float(by_service.get(service, float("nan")))
        lines.append((service, "footprint (French-calibrated, in the totals)", ours,
                      "kgCO2e"))
        visits = q[(q["service"] == service) & (q["quantity"] == "visits")]["value"]
        if len(visits) and visits.iloc[0] > 0:
            lines.append((service, "footprint (French-calibrated) per visit",
                          ours * 1000.0 / visits.iloc[0], "gCO2e/visit"))
        for _, row in group.iterrows():
            method, _, per = row["quantity"].removeprefix("method.").partition(".")
            label = _METHOD_LABELS.get(method, method) + (f" {per.replace('_', ' ')}"
                                                          if per else "")
            lines.append((service, label, row["value"], row["unit"]))
    table = pd.DataFrame(lines, columns=["service", "method", "value", "unit"])
    table["value"] = table["value"].map(fmt)
    out.write("\nother published methods (for comparison, not in the totals):\n")
    out.write(table.to_string(index=False) + "\n")
    if m["quantity"].str.startswith("method.ecoindex").any():
        from ..methods.ecoindex import ATTRIBUTION

        out.write(f"Ecoindex figures: {ATTRIBUTION}\n")


def _write_measured(out, result) -> None:
    """Measured parts (the ``measured`` kind) apart from modelled ones, estimates named."""
    if not (result.table["basis"] != "modelled").any():
        return
    out.write("\nclimate change by basis [kgCO2e] (measured estimate: CodeCarbon's power "
              "model, no energy counter):\n")
    out.write(result.breakdown("basis").map(fmt).to_string() + "\n")
