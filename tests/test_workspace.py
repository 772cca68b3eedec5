"""The workspace database: projects and every saved version, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

sqlalchemy = pytest.importorskip("sqlalchemy")
from ui.workspace import MAX_TEXT, Workspace, default_url  # noqa: E402

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'ws.sqlite'}"
    base = request.getfixturevalue("postgres_url")
    # one fresh database per test on the shared throwaway server
    from sqlalchemy import create_engine, text

    name = f"t{abs(hash(request.node.nodeid)) % 10**9}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        conn.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return base.rsplit("/", 1)[0] + "/" + name


def test_save_versions_and_reload(url):
    ws = Workspace(url)
    pid, n = ws.save("name: A\n", name="A")
    assert n == 1
    assert ws.save("name: A2\n", name="A2", project_id=pid, note="second") == (pid, 2)
    other, _ = ws.save("name: B\n", name="B")
    assert [p.name for p in ws.projects()] == ["B", "A2"]  # newest first
    assert [(p.versions) for p in ws.projects()] == [1, 2]
    assert [v.number for v in ws.versions(pid)] == [2, 1]
    assert ws.versions(pid)[0].note == "second"
    assert ws.load(pid) == "name: A2\n"
    assert ws.load(pid, 1) == "name: A\n"
    ws.close()
    again = Workspace(url)  # a server restart: a new engine on the same database
    assert again.load(other) == "name: B\n"
    with pytest.raises(KeyError):
        again.load(pid, 9)
    with pytest.raises(KeyError):
        again.save("x", name="x", project_id=424242)
    again.delete(pid)
    assert [p.id for p in again.projects()] == [other]
    again.close()


def test_text_over_the_limit_is_refused_and_nothing_written(url):
    ws = Workspace(url)
    with pytest.raises(ValueError, match="limit"):
        ws.save("x" * (MAX_TEXT + 1), name="big")
    assert ws.projects() == []
    ws.close()


def test_a_save_killed_midway_loses_nothing_saved_before(url):
    """The process dies between writing the project row and the version row: the
    database still holds version 1 only, and the project row is not half-updated."""
    ws = Workspace(url)
    pid, _ = ws.save("name: first\n", name="first")
    before = ws.projects()[0]
    ws.close()
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(ROOT)!r})
        from sqlalchemy import event
        from ui.workspace import Workspace
        ws = Workspace({url!r})
        @event.listens_for(ws.engine, "before_cursor_execute")
        def die(conn, cursor, statement, *a):
            if statement.lstrip().upper().startswith("INSERT INTO VERSIONS"):
                os._exit(9)   # killed after the project row was updated, before commit
        ws.save("name: second\\n", name="second", project_id={pid})
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == 9, proc.stderr.decode()
    ws = Workspace(url)
    assert ws.load(pid) == "name: first\n"
    assert [v.number for v in ws.versions(pid)] == [1]
    assert ws.projects()[0].name == before.name == "first"
    ws.close()


def test_default_location_is_configurable(monkeypatch, tmp_path):
    monkeypatch.setenv("FOOTPRINT_WORKSPACE", str(tmp_path / "sub" / "w.sqlite"))
    assert default_url() == f"sqlite:///{tmp_path / 'sub' / 'w.sqlite'}"
    assert (tmp_path / "sub").is_dir()
    monkeypatch.setenv("FOOTPRINT_WORKSPACE", "postgresql+psycopg://u@h/db")
    assert default_url() == "postgresql+psycopg://u@h/db"
    monkeypatch.delenv("FOOTPRINT_WORKSPACE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_url() == f"sqlite:///{tmp_path / 'xdg' / 'footprint' / 'workspace.sqlite'}"
