"""Command line: ``footprint assess|compare|uncertainty|factors|web|schema …``.

Each sub-command lives in its own module with a ``register(subparsers)`` function; add a
module and name it in :data:`COMMANDS`. Bad input exits with status 2 and a message naming
the field; never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import sys
from collections.abc import Sequence

from ..errors import FootprintError
from ._format import MAX_MESSAGE_CHARS, TerminalSafe, terminal_safe

__all__ = ["main", "COMMANDS"]

#: sub-command modules of this package, in the order ``footprint --help`` lists them
COMMANDS = ("assess", "compare", "uncertainty", "suggest", "export", "factors", "web",
            "measure", "new", "app")


def _cmd_schema(args) -> int:
    from ..schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _parser() -> argparse.ArgumentParser:
    from .. import __version__

    p = argparse.ArgumentParser(prog="footprint", description="Environmental footprint of "
                                "digital cultural services.")
    p.add_argument("--version", action="version", version=f"footprint {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    s = sub.add_parser("schema", help="print the JSON Schema of project files")
    s.set_defaults(func=_cmd_schema)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``footprint`` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        with contextlib.redirect_stdout(TerminalSafe(sys.stdout)):
            return args.func(args)
    except FootprintError as exc:
        message = str(exc)
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[:MAX_MESSAGE_CHARS] + "… (message cut)"
        print(f"footprint: error: {terminal_safe(message)}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
