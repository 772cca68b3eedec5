"""``footprint web``: SWD v4/v3 and Ecoindex for one page, a CSV of pages or a HAR export."""

from __future__ import annotations

import json
import sys

from ._format import fmt


def register(sub) -> None:
    w = sub.add_parser("web", help="SWD v4/v3 and Ecoindex of one web page or a CSV of pages",
                       description="Published per-page methods for one page (--size-kb "
                       "--requests --nodes) or for every row of a CSV file with columns "
                       "url,size_kb,requests,nodes (--csv FILE, '-' for stdin), or for the "
                       "pages of a browser's HAR export (--har FILE --nodes N).")
    w.add_argument("--csv", metavar="FILE", help="pages CSV (url,size_kb,requests,nodes)")
    w.add_argument("--har", metavar="FILE", help="a browser's HAR export: one row per page "
                   "(weight and requests from the file; give --nodes)")
    w.add_argument("--size-kb", type=float, help="transferred page weight [kB = 1000 bytes]")
    w.add_argument("--requests", type=float, help="HTTP requests of the page")
    w.add_argument("--nodes", type=float, help="DOM nodes of the page")
    w.add_argument("--url", default="(page)", help="label of the single page")
    w.add_argument("--green", type=float, default=0.0,
                   help="share of the host's energy that is renewable, 0-1 (SWD)")
    w.add_argument("--grid-intensity", metavar="G",
                   help="grid intensity for SWD: gCO2e/kWh or a country code such as FR")
    w.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="output: a readable table, CSV or JSON (default table)")
    w.set_defaults(func=_cmd_web)


MAX_CSV_BYTES = 20_000_000
_WEB_COLUMNS = ("url", "size_kb", "requests", "nodes")
_WEB_NUMBERS = ("size_kb", "requests", "nodes")
#: Largest value of each figure of a page: the bounds of the website kind's page profiles.
_WEB_MAX = {"size_kb": 1e7, "requests": 1e5, "nodes": 1e7}
#: Longest number cell read [characters] (float() is linear, but a number is short).
_NUMBER_CHARS = 40


def _read_limited(path: str, limit: int, flag: str) -> bytes:
    """The bytes of a regular file (``-``: standard input), refusing files over ``limit``
    bytes; a named pipe, device or directory is refused before it is opened."""
    from ..errors import ProjectError
    from ..loaders import read_regular_file

    if path != "-":
        return read_regular_file(path, limit, field=flag)
    try:
        data = sys.stdin.buffer.read(limit + 1)
    except OSError as exc:
        raise ProjectError(f"cannot read {path}: {exc.strerror or exc}", path=flag) from None
    if len(data) > limit:
        raise ProjectError(f"{path} is larger than {limit:,} bytes; split it", path=flag)
    return data


def _read_pages_har(path: str, nodes: float | None):
    """One row per page of a browser's HAR export; the DOM node count is entered."""
    from ..errors import ProjectError
    from ..har import MAX_HAR_CHARS, parse_har

    if nodes is None or not 0 <= nodes <= _WEB_MAX["nodes"]:
        raise ProjectError("--har needs --nodes: a HAR file does not record the DOM node "
                           "count (read it in the browser's console: "
                           "document.getElementsByTagName('*').length)", path="--nodes",
                           value=nodes)
    pages = parse_har(_read_limited(path, MAX_HAR_CHARS, "--har"))
    return ([p.url or p.title for p in pages],
            [[p.transfer_bytes / 1000.0, float(p.requests), nodes] for p in pages])


def _read_pages_csv(path: str):
    """``url`` and numeric columns of a pages CSV; errors name the row and column."""
    import csv
    import io
    import math

    from ..errors import ProjectError, excerpt

    from ..loaders import decode_text

    text = decode_text(_read_limited(path, MAX_CSV_BYTES, "--csv"), field="--csv")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        missing = [c for c in _WEB_COLUMNS if c not in header]
        if missing:
            raise ProjectError(f"{path}: missing column(s) {', '.join(missing)} in the header "
                               f"(found: {', '.join(header) or 'nothing'}); expected "
                               f"{','.join(_WEB_COLUMNS)}", path="--csv")
        idx = {c: header.index(c) for c in _WEB_COLUMNS}
        urls, values, row = [], [], 0
        for rec in reader:
            if not any(cell.strip() for cell in rec):
                continue
            row += 1
            where = f"{path}: row {row} (line {reader.line_num}), column"
            if len(rec) != len(header):
                raise ProjectError(f"{path}: row {row} (line {reader.line_num}) has "
                                   f"{len(rec)} cells, the header has {len(header)}",
                                   path="--csv")
            numbers = []
            for col in _WEB_NUMBERS:
                cell = rec[idx[col]].strip()
                try:
                    x = float(cell) if len(cell) <= _NUMBER_CHARS else math.nan
                except ValueError:
                    x = math.nan
                if not 0 <= x <= _WEB_MAX[col]:  # NaN fails too
                    raise ProjectError(f"{where} {col}: {excerpt(cell, 40)} is not a number "
                                       f"from 0 to {_WEB_MAX[col]:g}", path="--csv",
                                       value=cell)
                numbers.append(x)
            urls.append(rec[idx["url"]])
            values.append(numbers)
    except csv.Error as exc:
        raise ProjectError(f"{path}: line {reader.line_num}: {exc}", path="--csv") from None
    if not urls:
        raise ProjectError(f"{path} has a header but no page rows", path="--csv")
    return urls, values


def _web_results(urls, values, green: float, grid):
    """SWD v4, v3 and Ecoindex per page view for all pages at once (arrays)."""
    import numpy as np
    import pandas as pd

    from ..methods import ecoindex, swd

    size_kb, requests, nodes = np.asarray(values, dtype=float).reshape(-1, 3).T
    v4 = swd.per_visit(size_kb * 1000.0, version=4, green_hosting_factor=green,
                       grid_intensity=grid)
    v3 = swd.per_visit(size_kb * 1000.0, version=3,
                       green_hosting_factor=1.0 if green == 1.0 else 0.0, grid_intensity=grid)
    eco = ecoindex.compute(nodes, requests, size_kb)
    return pd.DataFrame({
        "url": urls, "size_kb": size_kb, "requests": requests, "nodes": nodes,
        "swd_v4_gco2e": v4.total_gco2e, "swd_v4_rating": v4.rating,
        "swd_v3_gco2e": v3.total_gco2e, "swd_v3_rating": v3.rating,
        "ecoindex_score": eco.score, "ecoindex_grade": eco.grade,
        "ecoindex_gco2e": eco.ghg_gco2e, "ecoindex_water_cl": eco.water_cl})


def _cmd_web(args) -> int:
    from ..errors import ProjectError
    from ..methods.ecoindex import ATTRIBUTION

    one = (args.size_kb, args.requests, args.nodes)
    if args.csv is not None and args.har is not None:
        raise ProjectError("give either --csv FILE or --har FILE, not both", path="--har")
    if args.har is not None:
        if args.size_kb is not None or args.requests is not None:
            raise ProjectError("--har reads page weights and requests from the file; drop "
                               "--size-kb/--requests", path="--har")
        urls, values = _read_pages_har(args.har, args.nodes)
    elif args.csv is not None:
        if any(v is not None for v in one):
            raise ProjectError("give either --csv FILE or --size-kb/--requests/--nodes, not both",
                               path="--csv")
        urls, values = _read_pages_csv(args.csv)
    else:
        for (col, limit), v in zip(_WEB_MAX.items(), one):
            flag = "--" + col.replace("_", "-")
            if v is None or not 0 <= v <= limit:
                got = "missing" if v is None else f"got {v:g}"
                raise ProjectError(f"a number from 0 to {limit:g} is needed (or use --csv "
                                   f"FILE); {got}", path=flag, value=v)
        urls, values = [args.url], [list(one)]
    if not 0.0 <= args.green <= 1.0:
        raise ProjectError(f"a share in [0, 1] is needed, got {args.green:g}",
                           path="--green", value=args.green)
    grid = args.grid_intensity
    if grid is not None:
        try:
            grid = float(grid)
        except ValueError:
            pass  # a country code, resolved by the SWD module
    try:
        table = _web_results(urls, values, args.green, grid)
    except ProjectError as exc:
        if not exc.path.startswith("grid_intensity"):
            raise
        raise ProjectError(str(exc).partition(": ")[2], path="--grid-intensity",
                           value=args.grid_intensity) from None
    note = ("gCO2e per page view; SWD with the CO2.js 0.19.0 per-visit defaults (v4: no "
            "caching; v3: 25 % return visits reloading 2 %), grid "
            + ("SWD global default" if grid is None else f"{grid:g} gCO2e/kWh"
               if isinstance(grid, float) else f"of {grid.upper()}")
            + ("; v3 counts the host as green only at --green 1" if 0 < args.green < 1 else ""))
    out = sys.stdout
    if args.format == "json":
        json.dump({"unit": "gCO2e per page view", "note": note, "ecoindex_attribution":
                   ATTRIBUTION, "pages": table.to_dict("records")}, out, ensure_ascii=False,
                  indent=2, default=lambda x: x.item() if hasattr(x, "item") else str(x))
        out.write("\n")
    elif args.format == "csv":
        from ..export import to_csv

        table["ecoindex_source"] = ATTRIBUTION
        out.write(to_csv(table))
    else:
        shown = table.copy()
        for col in ("size_kb", "requests", "nodes", "swd_v4_gco2e", "swd_v3_gco2e"):
            shown[col] = shown[col].map(fmt)
        out.write(shown.to_string(index=False) + f"\n\n{note}\nEcoindex: {ATTRIBUTION}\n")
    return 0


