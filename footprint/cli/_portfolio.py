"""``footprint assess DIR|TABLE``: a portfolio's totals per project, kind, institution and
country, and the files or rows left out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from ._format import fmt


def is_portfolio(path: str) -> bool:
    from ..portfolio_files import TABLE_SUFFIXES

    p = Path(path)
    return p.is_dir() or p.suffix.lower() in TABLE_SUFFIXES


def run_portfolio(args) -> int:
    import pandas as pd

    from ..factors import default_registry
    from ..portfolio import assess_many
    from ..portfolio_files import read_portfolio

    source = read_portfolio(args.project)
    result = assess_many(source.projects, default_registry(), allocation=args.allocation,
                         name=str(args.project), left_out=source.left_out)
    out = sys.stdout
    if args.format == "csv":
        from ..export import to_csv

        out.write(to_csv(result.table.drop(columns="factor_idx")))
        return 0
    breakdowns = {by: result.by(by) for by in ("kind", "organisation", "country", "project")}
    if args.format == "json":
        data = result.to_dict()
        data["by_kgco2e"] = {by: {str(k): v for k, v in s.items()}
                             for by, s in breakdowns.items()}
        data["left_out"] = result.left_out.to_dict("records")
        from ..assessment import _finite

        json.dump(_finite(data), out, ensure_ascii=False, indent=2, default=str,
                  allow_nan=False)
        out.write("\n")
        return 0
    n_services = len(result.services)
    out.write(f"portfolio {args.project}: {result.options['projects']:,} projects, "
              f"{n_services:,} services assessed; {len(result.left_out):,} left out\n\n")
    totals = result.totals()
    out.write(pd.DataFrame({"indicator": totals["indicator"],
                            "total": totals["total"].map(fmt), "unit": totals["unit"],
                            "parts not covered": totals["rows_not_covered"]})
              .to_string(index=False) + "\n")
    labels = {"kind": "kind", "organisation": "institution", "country": "audience country",
              "project": "project"}
    for by, series in breakdowns.items():
        if by == "project" and args.summary:
            continue
        shown = series.sort_values(ascending=False, na_position="last")
        out.write(f"\nclimate change by {labels[by]} [kgCO2e]:\n")
        out.write(shown.map(fmt).to_string() + "\n")
    if len(result.left_out):
        out.write("\nleft out (not in the totals):\n")
        for row in result.left_out.itertuples(index=False):
            out.write(f"- {row.source}: {row.location}: {row.message}\n")
    out.write("\ndata: " + "; ".join(result.provenance["attribution"]) + "\n")
    return 0
