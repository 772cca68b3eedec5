"""``footprint export``: the assessment as CSV (zip), XLSX, JSON, or an HTML/PDF report."""

from __future__ import annotations

import datetime as dt
import os
import sys

FORMATS = ("csv", "xlsx", "json", "html", "pdf")


def register(sub) -> None:
    e = sub.add_parser("export", help="export an assessment: csv (zip of tables), xlsx, json, "
                       "html or pdf report, with BEGES and GHG-Protocol tables")
    e.add_argument("project", help="project file (.yaml, .yml or .json)")
    e.add_argument("--format", choices=FORMATS, required=True,
                   help="csv: a zip of one CSV per table; xlsx: a workbook; json: valid "
                   "against the published schema docs/result.schema.json; html, pdf: a "
                   "report for a director")
    e.add_argument("-o", "--output", required=True,
                   help="file to write ('-' writes to standard output)")
    e.add_argument("--lang", choices=("fr", "en"), default="fr",
                   help="language of labels and of numbers in the report (default: fr)")
    e.add_argument("--generated", default=None, metavar="ISO-TIME",
                   help="timestamp written in the export, e.g. 2026-12-03T10:00:00 "
                   "(default: none, so the same input gives the same bytes)")
    e.add_argument("--draws", type=int, default=0, metavar="N",
                   help="Monte Carlo draws for the 5-95%% interval of every BEGES poste and "
                   "GHG-Protocol line (default 0: the factor-range bounds instead)")
    e.add_argument("--seed", type=int, default=0,
                   help="seed of the Monte Carlo draws (the same seed gives the same file)")
    e.add_argument("--allocation", choices=("use_time", "calendar_time"), default=None,
                   help="device manufacture allocation (default: the project's option)")
    e.set_defaults(func=_cmd_export)


def _cmd_export(args) -> int:
    from .. import export
    from ..engine import assess
    from ..errors import ProjectError
    from ..factors import default_registry
    from ..files import read_project

    generated = None
    if args.generated:
        try:
            generated = dt.datetime.fromisoformat(args.generated)
        except ValueError:
            raise ProjectError(f"{args.generated!r} is not an ISO date-time (e.g. "
                               "2026-12-03T10:00:00)", path="--generated",
                               value=args.generated) from None
    project = read_project(args.project)
    result = assess(project, default_registry(), allocation=args.allocation)
    uncertainty = None
    if args.draws:
        try:
            import footprint.uncertainty  # noqa: F401
        except ImportError:
            raise ProjectError("Monte Carlo is not available in this version",
                               path="--draws", value=args.draws) from None
        uncertainty = {fw: export.uncertainty_by_line(result, framework=fw, draws=args.draws,
                                                      seed=args.seed)
                       for fw in ("beges", "ghg")}
    # the project's scenarios compared, and the eco-design suggestions, when there are any
    from ..comparison import compare
    from ..recommendations import suggest

    draws = args.draws or 200
    comparison = (compare(project, draws=draws, seed=args.seed) if project.scenarios
                  else None)
    suggestions = suggest(project, draws=draws, seed=args.seed)
    writer = getattr(export, {"csv": "to_csv_zip"}.get(args.format, f"to_{args.format}"))
    data = writer(result, lang=args.lang, generated=generated, uncertainty=uncertainty,
                  comparison=comparison, suggestions=suggestions if len(suggestions) else None)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    tmp = f"{args.output}.part"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, args.output)
    print(f"{args.output}: {len(data):,} bytes ({args.format}, {args.lang})", file=sys.stderr)
    return 0
