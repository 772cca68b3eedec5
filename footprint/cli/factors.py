"""``footprint factors list|show|validate``."""

from __future__ import annotations

from ..errors import FootprintError
from ..units import format_unit


def register(sub) -> None:
    f = sub.add_parser("factors", help="list, show or validate the emission factors")
    f.add_argument("action", choices=("list", "show", "validate", "update"),
                   help="list every factor, show one CODE, validate every dataset, or "
                   "update from an official source (--source)")
    f.add_argument("code", nargs="?", help="factor or parameter code for `show` (e.g. "
                   "electricity, device.smartphone)")
    f.add_argument("--search", metavar="TEXT", help="`list`: only the factors whose code, "
                   "description or source contains TEXT (case-insensitive), e.g. --search "
                   "smartphone; exit status 1 when none does")
    f.add_argument("--region", type=_region, metavar="REGION", help="`show`: only the "
                   "figures that apply to REGION (ISO 3166-1 alpha-2 code such as FR, or EU27, "
                   "GLO): its own, else the EU27 or European, else the world figure, as the "
                   "calculation uses them")
    u = f.add_argument_group("update (network: only with `update`)")
    u.add_argument("--source", choices=("ademe", "eco2mix", "electricitymaps"),
                   help="ademe: Base Carbone French grid factor; eco2mix: RTE hourly French "
                   "series; electricitymaps: hourly series of a zone (ELECTRICITYMAPS_TOKEN)")
    u.add_argument("--base-url", help="API root of the source (a mirror or test server); "
                   "default: FOOTPRINT_<SOURCE>_URL, else the official address")
    u.add_argument("--data-dir", help="folder for the new dataset (default: "
                   "FOOTPRINT_DATA_DIR, else the bundled folder if writable, else the user "
                   "data directory)")
    u.add_argument("--start", type=_date, help="first day of an hourly series (YYYY-MM-DD)")
    u.add_argument("--end", type=_date, help="day after the last one (YYYY-MM-DD, excluded)")
    u.add_argument("--zone", default="FR", help="Electricity Maps zone (default FR)")
    u.add_argument("--timeout", type=float, default=30.0, help="seconds per attempt "
                   "(default 30)")
    u.add_argument("--retries", type=int, default=3, help="further attempts on 429, 5xx "
                   "and timeouts (default 3)")
    f.set_defaults(func=_cmd_factors)


def _region(text: str) -> str:
    import argparse

    from ..schema.base import _check_region

    try:
        return _check_region(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _date(text: str):
    import argparse
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def _cmd_update(args) -> int:
    from ..factors.update import update

    if not args.source:
        raise FootprintError("`footprint factors update` needs --source ademe|eco2mix|"
                             "electricitymaps")
    result = update(args.source, base_url=args.base_url, data_dir=args.data_dir,
                    start=args.start, end=args.end, zone=args.zone, timeout=args.timeout,
                    retries=args.retries)
    print(result.message)
    return 0


def _registry():
    from ..factors import default_registry

    return default_registry()


def _cmd_factors(args) -> int:
    if args.action == "update":
        return _cmd_update(args)
    import pandas as pd

    from ..factors.registry import QUALITIES

    reg = _registry()
    if args.action == "validate":
        n = len(reg.factors)
        print(f"{len(reg.datasets)} datasets, {n} factors, {len(reg.parameters)} parameters: valid "
              f"(quality labels, years, ranges, units, sources and licence URLs checked)")
        rows = pd.concat([reg.factors[["quality"]], reg.parameters[["quality"]]])
        counts = rows["quality"].value_counts()
        print("quality: " + ", ".join(f"{q} {counts.get(q, 0)}" for q in QUALITIES))
        for ds in reg.datasets.values():
            if ds.metadata.get("licence_status") != "verified":
                print(f"licence not verified at its source: {ds.id} ({ds.metadata['licence_url']})")
        f = reg.factors
        grids = f[(f["code"] == "electricity") & (f["indicator"] == "climate_change")]
        for ds_id in sorted(set(grids["dataset"])):
            basis = reg.datasets[ds_id].metadata.get("electricity_basis")
            print(f"electricity basis of {ds_id}: {basis or 'not stated in its metadata'}")
        return 0
    if args.action == "list":
        return _list(reg, args.search)
    if not args.code:
        raise FootprintError("`footprint factors show` needs a CODE (see `footprint factors list`)")
    f = reg.factors[reg.factors["code"] == args.code]
    p = reg.parameters.reset_index()
    p = p[p["code"].str.startswith(args.code + ".") | (p["code"] == args.code)]
    if f.empty and p.empty:
        reg.flow(args.code)  # raises UnknownFactorError with close matches
    if args.region:
        f, p = _in_region(reg, f, p, args.region)
    for _, row in f.iterrows():
        print(f"{row.code} [{row.region}, {row.year}] {row.stage} {row.indicator}: "
              f"{row.value:g} {format_unit(row.unit)} (range {row.low:g}–{row.high:g}, "
              f"{row.distribution}, {row.quality})\n  source: "
              f"{reg.citation(row.dataset, row.source_ref)} [{row.dataset}]"
              + (f"\n  note: {row.note}" if row.note else ""))
    for _, row in p.iterrows():
        print(f"{row.code} [{row.region}, {row.year}]: {row.value:g} {format_unit(row.unit)} "
              f"(range {row.low:g}–{row.high:g}, {row.quality})\n  source: "
              f"{reg.citation(row.dataset, row.source_ref)} [{row.dataset}]"
              + (f"\n  note: {row.note}" if row.note else ""))
    return 0


def _list(reg, search: str | None) -> int:
    import sys

    f = reg.factors
    if search:
        text = search.strip()
        sources = f["dataset"] + " " + f["source_ref"] + " " + f["dataset"].map(
            lambda d: reg.datasets[d].metadata.get("title", ""))
        hit = (f["code"].str.contains(text, case=False, regex=False)
               | f["note"].fillna("").str.contains(text, case=False, regex=False)
               | sources.str.contains(text, case=False, regex=False))
        f = f[hit]
        if f.empty:
            print(f"no factor's code, description or source contains {text!r}",
                  file=sys.stderr)
            return 1
    cols = ["code", "region", "stage", "indicator", "value", "unit", "quality", "dataset"]
    print(f[cols].assign(unit=f["unit"].map(format_unit)).to_string(index=False))
    return 0


def _in_region(reg, f, p, region: str):
    """The factor rows (per indicator) and parameter rows that apply to ``region``, with
    the registry's own fallback (EU27, Europe, world); a line says when one is used."""
    keep = []
    for indicator, rows in f.groupby("indicator", sort=False):
        used = reg.resolve_region(rows["code"].iloc[0], region, indicator=indicator)
        if used is not None:
            keep.extend(rows.index[rows["region"] == used])
    f = f.loc[sorted(keep)]
    used_p = {code: reg.resolve_region(code, region, parameter=True)
              for code in p["code"].unique()}
    p = p[p["region"] == p["code"].map(used_p)]
    if f.empty and p.empty:
        raise FootprintError(f"no figure applies to region {region!r} (nor EU27, nor the "
                             f"world value)")
    others = sorted((set(f["region"]) | set(p["region"])) - {region})
    if others:
        print(f"where {region} has no figure of its own, the {', '.join(others)} figure "
              f"applies (region in brackets)")
    return f, p


