"""``footprint factors list|show|validate``."""

from __future__ import annotations

from ..errors import FootprintError


def register(sub) -> None:
    f = sub.add_parser("factors", help="list, show or validate the emission factors")
    f.add_argument("action", choices=("list", "show", "validate"),
                   help="list every factor, show one CODE, or validate every dataset")
    f.add_argument("code", nargs="?", help="factor code for `show`")
    f.set_defaults(func=_cmd_factors)


def _registry():
    from ..factors import default_registry

    return default_registry()


def _cmd_factors(args) -> int:
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


