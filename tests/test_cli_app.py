"""`footprint app` starts the Streamlit app (from the checkout, or from an install)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from footprint.cli import app as app_cmd
from footprint.cli import main

pytest.importorskip("streamlit")


def test_app_dir_is_the_checkout_or_the_installed_share(tmp_path, monkeypatch):
    root = Path(__file__).resolve().parent.parent
    assert app_cmd.app_dir() == root
    # as installed: no app.py beside the package, the copy under <prefix>/share
    share = tmp_path / "share" / "footprint" / "app"
    (share / "pages").mkdir(parents=True)
    (share / "app.py").write_text("")
    monkeypatch.setattr(app_cmd, "__file__", str(tmp_path / "site" / "footprint" / "cli" /
                                                 "app.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert app_cmd.app_dir() == share


def test_footprint_app_serves_on_the_port_asked(tmp_path):
    from tests.conftest import _free_port

    port = _free_port()
    env = {**os.environ, "FOOTPRINT_WORKSPACE": str(tmp_path / "ws.sqlite")}
    proc = subprocess.Popen([sys.executable, "-m", "footprint", "app", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            cwd=tmp_path)  # from anywhere: the app finds its own files
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=1) as r:
                    assert r.read() == b"ok"
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read().decode()) from None
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_every_option_has_help(capsys):
    with pytest.raises(SystemExit):
        main(["app", "--help"])
    out = capsys.readouterr().out
    for option in ("--port", "--address", "--workspace"):
        assert option in out
