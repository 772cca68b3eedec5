"""Shared fixtures: a tiny round-number registry, the bundled one, and the app server."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from hypothesis import settings

# HYPOTHESIS_PROFILE=deep: thirty times the default examples, for occasional deep fuzz runs
# (tests that set max_examples themselves keep their own number).
settings.register_profile("deep", max_examples=3000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
TINY = Path(__file__).resolve().parent / "data" / "tiny-2026"
APP = ROOT / "app.py"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
os.environ.setdefault("CODECARBON_LOG_LEVEL", "error")
# updated factor datasets of this machine's user must not leak into the tests
os.environ.setdefault("FOOTPRINT_DATA_DIR", str(Path(tempfile.mkdtemp(prefix="footprint-"))
                                                / "emission_factors"))


@pytest.fixture(scope="session")
def tiny():
    """Registry of round-number test factors (tests/data/tiny-2026)."""
    from footprint.factors import FactorRegistry, read_dataset

    return FactorRegistry([read_dataset(TINY)])


@pytest.fixture(scope="session")
def bundled():
    from footprint.factors import default_registry

    return default_registry()


def pytest_collection_modifyitems(config, items):
    """No Chromium: skip e2e locally, but never under CI."""
    if CHROMIUM or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(reason="chromium not installed (apt-get install chromium)")
    for item in items:
        if "e2e" in item.keywords:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """`streamlit run app.py` on a free loopback port, with its own workspace file; it can
    be stopped and started again (a server restart) on the same workspace."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.workspace = folder / "workspace.sqlite"
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc = None

    def start(self) -> str:
        cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
               "--server.address", "127.0.0.1", "--server.port", str(self.port),
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
        env = {**os.environ, "FOOTPRINT_WORKSPACE": str(self.workspace)}
        log = self.folder / "streamlit.log"
        with open(log, "ab") as fh:
            self.proc = subprocess.Popen(cmd, stdout=fh, stderr=subprocess.STDOUT, cwd=ROOT,
                                         env=env)
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        return self.url
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                raise RuntimeError("streamlit did not start:\n" + log.read_text())
            time.sleep(0.2)

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.proc = None


@pytest.fixture(scope="session")
def streamlit_url(tmp_path_factory):
    server = StreamlitServer(tmp_path_factory.mktemp("st"))
    yield server.start()
    server.stop()


@pytest.fixture
def streamlit_server(tmp_path):
    """A server of the test's own, which the test may restart."""
    server = StreamlitServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args,
            "executable_path": CHROMIUM or "/usr/bin/chromium",
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--disable-dev-shm-usage"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1400}}


def _pg_bin() -> Path | None:
    """Debian's PostgreSQL binaries (apt-get install postgresql), newest version first."""
    for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (d / "initdb").exists():
            return d
    return None


@pytest.fixture(scope="session")
def postgres_url():
    """A throwaway PostgreSQL server on a free loopback port (Debian's binaries; as root it
    runs as the ``postgres`` user). Skipped locally without PostgreSQL; under CI it fails."""
    bindir = _pg_bin()
    if bindir is None:
        if os.environ.get("CI"):
            raise RuntimeError("PostgreSQL is not installed (scripts/dev.sh test installs it)")
        pytest.skip("PostgreSQL not installed (apt-get install postgresql)")
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="footprint-pg-"))  # outside pytest's 0700 tmp root
    data, sock = base / "data", base / "sock"
    sock.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        shutil.chown(base, "postgres")
        shutil.chown(sock, "postgres")
        os.chmod(base, 0o755)
        prefix = ["runuser", "-u", "postgres", "--"]
    subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-U", "footprint",
                             "--auth=trust", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True)
    port = _free_port()
    log = base / "pg.log"
    subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w",
                             "-o", f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 "
                                   "-c fsync=off", "start"],
                   check=True, capture_output=True, timeout=60)
    try:
        yield f"postgresql+psycopg://footprint@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                                 "stop"], capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)
