"""``footprint new KIND -o FILE``: a commented project template of one service kind."""

from __future__ import annotations

import sys


def register(sub) -> None:
    from ..archetypes import KINDS

    p = sub.add_parser("new", help="write a commented project template for a service kind")
    p.add_argument("kind", choices=sorted(KINDS), metavar="KIND",
                   help="service kind: " + ", ".join(sorted(KINDS)))
    p.add_argument("-o", "--output", metavar="FILE",
                   help="file to write (YAML); standard output when omitted")
    p.add_argument("--name", default="My project", help="the project's name in the template")
    p.add_argument("--force", action="store_true",
                   help="overwrite FILE if it exists (refused otherwise)")
    p.set_defaults(func=_cmd_new)


def _cmd_new(args) -> int:
    from pathlib import Path

    from ..errors import ProjectError
    from ..templates import commented_template

    text = commented_template(args.kind, args.name)
    if not args.output:
        sys.stdout.write(text)
        return 0
    path = Path(args.output)
    if path.exists() and not args.force:
        raise ProjectError(f"{path} exists; choose another file or add --force",
                           path="--output", value=str(path))
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({args.kind}); check it with: footprint assess {path}",
          file=sys.stderr)
    return 0
