"""The workspace: saved projects and every saved version, through SQLAlchemy.

SQLite by default, in the user's data directory (platformdirs), or wherever
``FOOTPRINT_WORKSPACE`` points: a file path, or a database URL such as
``postgresql+psycopg://user@host/footprint`` for an institution sharing one server.

A project's scenarios live in its project file, so every saved version keeps the
scenarios it had. Each save is one transaction: a server killed mid-save leaves the
versions saved before it untouched (SQLite in WAL mode with full sync; PostgreSQL's own
transactions). No Streamlit here: the module is tested on its own.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (Column, DateTime, ForeignKey, Integer, MetaData, String, Table, Text,
                        UniqueConstraint, create_engine, event, func, select)
from sqlalchemy.exc import IntegrityError

__all__ = ["Workspace", "default_url", "ProjectInfo", "VersionInfo", "MAX_TEXT"]

MAX_TEXT = 5_000_000  # the library refuses project files over 5 MB; so does the workspace

metadata = MetaData()
projects = Table(
    "projects", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
versions = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("project_id", Integer, ForeignKey("projects.id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("number", Integer, nullable=False),
    Column("saved_at", DateTime(timezone=True), nullable=False),
    Column("note", String(500), nullable=False, default=""),
    Column("text", Text, nullable=False),
    UniqueConstraint("project_id", "number", name="one_number_per_version"),
)


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    name: str
    updated_at: dt.datetime
    versions: int


@dataclass(frozen=True)
class VersionInfo:
    number: int
    saved_at: dt.datetime
    note: str


def default_url() -> str:
    """``FOOTPRINT_WORKSPACE`` (a URL or a file path), else a SQLite file in the user's
    data directory."""
    where = os.environ.get("FOOTPRINT_WORKSPACE", "").strip()
    if "://" in where:
        return where
    if where:
        path = Path(where).expanduser()
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("footprint", appauthor=False)) / "workspace.sqlite"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)  # SQLite drops the zone


class Workspace:
    """Saved projects and their versions in one database.

    Parameters
    ----------
    url : str, optional
        SQLAlchemy URL; :func:`default_url` when omitted.
    """

    def __init__(self, url: str | None = None):
        self.url = url or default_url()
        sqlite = self.url.startswith("sqlite")
        self.engine = create_engine(self.url, pool_pre_ping=not sqlite,
                                    connect_args={"timeout": 30} if sqlite else {})
        if sqlite:
            @event.listens_for(self.engine, "connect")
            def _pragmas(conn, _record):  # durable and concurrent: WAL, full sync, FKs
                cur = conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA synchronous=FULL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.close()
        metadata.create_all(self.engine)

    def save(self, text: str, *, name: str, project_id: int | None = None,
             note: str = "") -> tuple[int, int]:
        """Save a new version of a project (a new project when ``project_id`` is None).

        One transaction: the project row and its new version are written together or not
        at all. Returns ``(project_id, version_number)``.
        """
        if len(text) > MAX_TEXT:
            raise ValueError(f"project text of {len(text):,} characters is over the "
                             f"workspace's limit of {MAX_TEXT:,}")
        name = (name or "?")[:200]
        for _attempt in range(5):  # two saves of one project at once: the later one retries
            try:
                with self.engine.begin() as conn:
                    now = _now()
                    if project_id is None:
                        project_id = conn.execute(projects.insert().values(
                            name=name, created_at=now, updated_at=now)).inserted_primary_key[0]
                        number = 1
                    else:
                        done = conn.execute(projects.update()
                                            .where(projects.c.id == project_id)
                                            .values(name=name, updated_at=now))
                        if done.rowcount != 1:
                            raise KeyError(f"no saved project with id {project_id}")
                        last = conn.execute(select(func.max(versions.c.number))
                                            .where(versions.c.project_id == project_id)
                                            ).scalar()
                        number = (last or 0) + 1
                    conn.execute(versions.insert().values(
                        project_id=project_id, number=number, saved_at=now,
                        note=note[:500], text=text))
                return int(project_id), number
            except IntegrityError:
                continue
        raise RuntimeError("could not save: the project is being saved elsewhere; try again")

    def projects(self) -> list[ProjectInfo]:
        """Saved projects, most recently saved first."""
        count = (select(versions.c.project_id, func.count().label("n"))
                 .group_by(versions.c.project_id).subquery())
        query = (select(projects.c.id, projects.c.name, projects.c.updated_at, count.c.n)
                 .join(count, count.c.project_id == projects.c.id)
                 .order_by(projects.c.updated_at.desc(), projects.c.id.desc()))
        with self.engine.connect() as conn:
            return [ProjectInfo(r.id, r.name, _aware(r.updated_at), r.n)
                    for r in conn.execute(query)]

    def versions(self, project_id: int) -> list[VersionInfo]:
        """Every saved version of a project, newest first."""
        query = (select(versions.c.number, versions.c.saved_at, versions.c.note)
                 .where(versions.c.project_id == project_id)
                 .order_by(versions.c.number.desc()))
        with self.engine.connect() as conn:
            return [VersionInfo(r.number, _aware(r.saved_at), r.note)
                    for r in conn.execute(query)]

    def load(self, project_id: int, version: int | None = None) -> str:
        """Text of a saved version (the latest by default); KeyError when there is none."""
        query = select(versions.c.text).where(versions.c.project_id == project_id)
        query = (query.where(versions.c.number == version) if version is not None
                 else query.order_by(versions.c.number.desc()).limit(1))
        with self.engine.connect() as conn:
            text = conn.execute(query).scalar()
        if text is None:
            raise KeyError(f"no saved project {project_id}"
                           + (f" version {version}" if version is not None else ""))
        return text

    def delete(self, project_id: int) -> None:
        """Remove a project and all its versions (one transaction)."""
        with self.engine.begin() as conn:
            conn.execute(versions.delete().where(versions.c.project_id == project_id))
            conn.execute(projects.delete().where(projects.c.id == project_id))

    def close(self) -> None:
        self.engine.dispose()
