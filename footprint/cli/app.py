"""``footprint app``: start the Streamlit app (installed with ``footprint[app]``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("app", help="start the web app (needs: pip install 'footprint[app]')")
    p.add_argument("--port", type=int, default=8501, help="port to listen on (default 8501)")
    p.add_argument("--address", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this computer only)")
    p.add_argument("--workspace", metavar="PATH_OR_URL",
                   help="where saved projects live: a SQLite file, or a database URL such as "
                        "postgresql+psycopg://user@host/footprint (default: a file in your "
                        "user data directory; or the FOOTPRINT_WORKSPACE variable)")
    p.set_defaults(func=_cmd_app)


def app_dir() -> Path:
    """Folder holding ``app.py``, ``pages/`` and ``.streamlit/``: the source checkout, or
    the copy pip installs under ``<prefix>/share/footprint/app``."""
    here = Path(__file__).resolve().parents[2]
    if (here / "app.py").is_file() and (here / "pages").is_dir():
        return here
    for prefix in (sys.prefix, sys.base_prefix, os.path.expanduser("~/.local")):
        candidate = Path(prefix) / "share" / "footprint" / "app"
        if (candidate / "app.py").is_file():
            return candidate
    from ..errors import FootprintError

    raise FootprintError("the app's files are not installed; install with "
                         "pip install 'footprint[app]'")


def _cmd_app(args) -> int:
    from importlib.util import find_spec

    from ..errors import FootprintError

    if find_spec("streamlit") is None or find_spec("sqlalchemy") is None:
        raise FootprintError("the app needs its extra packages: pip install 'footprint[app]'")
    where = app_dir()
    env = dict(os.environ)
    if args.workspace:
        env["FOOTPRINT_WORKSPACE"] = args.workspace
    cmd = [sys.executable, "-m", "streamlit", "run", str(where / "app.py"),
           "--server.port", str(args.port), "--server.address", args.address,
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    print(f"footprint app: http://{args.address}:{args.port}  (Ctrl+C to stop)",
          file=sys.stderr, flush=True)
    if os.name == "posix":  # become the server: a signal to `footprint app` reaches it
        os.chdir(where)
        os.execve(sys.executable, cmd, env)
    try:  # pragma: no cover - Windows has no exec that keeps the console
        return subprocess.call(cmd, cwd=where, env=env)
    except KeyboardInterrupt:  # pragma: no cover
        return 0
