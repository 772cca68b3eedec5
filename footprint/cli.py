"""Command line: ``footprint assess|factors|schema``.

Bad input exits with status 2 and a message naming the field; never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import FootprintError

__all__ = ["main"]


def _registry():
    from .factors import default_registry

    return default_registry()


def _fmt(value: float) -> str:
    if value != value:  # NaN
        return "not covered"
    return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"


def _cmd_assess(args) -> int:
    import pandas as pd

    from .engine import assess
    from .files import read_project

    project = read_project(args.project)
    result = assess(project, _registry(), allocation=args.allocation)
    out = sys.stdout
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
        return 0
    if args.format == "csv":
        result.table.drop(columns="factor_idx").to_csv(out, index=False)
        return 0
    out.write(f"{project.name}" + (f" — {project.organisation}" if project.organisation else "")
              + f"\nallocation of device manufacture: {result.options['allocation']}\n\n")
    totals = result.totals()
    table = pd.DataFrame({
        "indicator": totals["indicator"], "total": totals["total"].map(_fmt),
        "range (all factors low–high)": [f"{_fmt(lo)} – {_fmt(hi)}" for lo, hi in
                                         zip(totals["low"], totals["high"])],
        "unit": totals["unit"],
        "parts not covered": totals["rows_not_covered"]})
    out.write(table.to_string(index=False) + "\n")
    out.write(f"\nelectricity used: {_fmt(result.electricity().magnitude)} kWh\n")
    fu = project.functional_unit
    if fu is not None:
        per = result.per_functional_unit().to("gCO2e").magnitude
        out.write(f"per {fu.name}: {_fmt(per)} gCO2e ({_fmt(fu.quantity)} {fu.name})\n")
    out.write("\nclimate change by stage and tier [kgCO2e]:\n")
    out.write(result.breakdown(("stage", "tier")).map(_fmt).to_string() + "\n")
    out.write("\nby service [kgCO2e]:\n")
    out.write(result.by_service().map(_fmt).to_string() + "\n")
    for w in result.warnings:
        out.write(f"note: {w}\n")
    out.write("\ndata: " + "; ".join(result.provenance["attribution"]) + "\n")
    return 0


def _cmd_factors(args) -> int:
    reg = _registry()
    if args.action == "validate":
        n = len(reg.factors)
        print(f"{len(reg.datasets)} datasets, {n} factors, {len(reg.parameters)} parameters: valid")
        return 0
    if args.action == "list":
        cols = ["code", "region", "stage", "indicator", "value", "unit", "quality", "dataset"]
        print(reg.factors[cols].to_string(index=False))
        return 0
    if not args.code:
        raise FootprintError("`footprint factors show` needs a CODE (see `footprint factors list`)")
    f = reg.factors[reg.factors["code"] == args.code]
    p = reg.parameters.reset_index()
    p = p[p["code"].str.startswith(args.code + ".") | (p["code"] == args.code)]
    if f.empty and p.empty:
        reg.flow(args.code)  # raises UnknownFactorError with close matches
    for _, row in f.iterrows():
        print(f"{row.code} [{row.region}, {row.year}] {row.stage} {row.indicator}: "
              f"{row.value:g} {row.unit} (range {row.low:g}–{row.high:g}, {row.distribution}, "
              f"{row.quality})\n  source: {reg.citation(row.dataset, row.source_ref)} "
              f"[{row.dataset}]" + (f"\n  note: {row.note}" if row.note else ""))
    for _, row in p.iterrows():
        print(f"{row.code} [{row.region}, {row.year}]: {row.value:g} {row.unit} "
              f"(range {row.low:g}–{row.high:g}, {row.quality})\n  source: "
              f"{reg.citation(row.dataset, row.source_ref)} [{row.dataset}]"
              + (f"\n  note: {row.note}" if row.note else ""))
    return 0


def _cmd_schema(args) -> int:
    from .schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="footprint", description="Environmental footprint of "
                                "digital cultural services.")
    p.add_argument("--version", action="version", version=f"footprint {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("assess", help="assess a project file (YAML or JSON)")
    a.add_argument("project")
    a.add_argument("--format", choices=("table", "json", "csv"), default="table")
    a.add_argument("--allocation", choices=("use_time", "calendar_time"), default=None,
                   help="device manufacture allocation (default: the project's option)")
    a.set_defaults(func=_cmd_assess)
    f = sub.add_parser("factors", help="list, show or validate the emission factors")
    f.add_argument("action", choices=("list", "show", "validate"))
    f.add_argument("code", nargs="?")
    f.set_defaults(func=_cmd_factors)
    s = sub.add_parser("schema", help="print the JSON Schema of project files")
    s.set_defaults(func=_cmd_schema)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``footprint`` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return args.func(args)
    except FootprintError as exc:
        print(f"footprint: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
