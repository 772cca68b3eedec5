"""``footprint factors list|show|validate``."""

from __future__ import annotations

from ..errors import FootprintError


def register(sub) -> None:
    f = sub.add_parser("factors", help="list, show or validate the emission factors")
    f.add_argument("action", choices=("list", "show", "validate", "update"),
                   help="list every factor, show one CODE, validate every dataset, or "
                   "update from an official source (--source)")
    f.add_argument("code", nargs="?", help="factor code for `show`")
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


