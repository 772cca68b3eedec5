"""Read a portfolio: a directory of project files, or one table with a service per row.

A ministry's inventory of services lives in spreadsheets. A portfolio table (CSV, UTF-8,
or Parquet) has one row per service:

============================ ==============================================================
``project`` (required)       the project the service belongs to (rows with the same name
                             form one project)
``kind``, ``name`` (required) the service's kind and its name (unique within the project)
``organisation``             the institution (per project: its first non-empty value)
``reporting_start``,         the project's reporting period (ISO dates), optional
``reporting_end``
any field of the kind        ``hours_viewed``, ``audience_country``…; a nested mapping as
                             dotted columns (``resolution_mix.hd``); a list as JSON text
                             (``production_equipment``: ``[{"device": "monitor"}]``)
============================ ==============================================================

An empty cell takes the field's default. Rows of different kinds may share one file
(cells a kind does not have are left empty). Every bad row is reported by file and line,
with the field and what is allowed, in :attr:`Portfolio.left_out`; the other rows are read.
"""

from __future__ import annotations

import json
import stat
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .errors import ProjectError

__all__ = ["read_portfolio", "parse_portfolio_table", "PortfolioSource", "MAX_TABLE_BYTES",
           "TABLE_SUFFIXES", "PROJECT_SUFFIXES"]

#: A portfolio table may be far larger than one project file: 100,000 services of a few
#: hundred bytes each, with margin.
MAX_TABLE_BYTES = 200_000_000
TABLE_SUFFIXES = (".csv", ".parquet")
PROJECT_SUFFIXES = (".yaml", ".yml", ".json")
_PROJECT_COLUMNS = ("project", "organisation", "reporting_start", "reporting_end")


@dataclass(frozen=True)
class PortfolioSource:
    """Projects read from files, and what could not be read."""

    projects: list = field(default_factory=list)
    #: One row per file or table row left out: ``source``, ``location``, ``project``,
    #: ``message`` (the columns of :attr:`PortfolioAssessment.left_out`).
    left_out: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["source", "location", "project", "message"]))


def read_portfolio(path: str | Path) -> PortfolioSource:
    """Projects of a directory (every ``.yaml``, ``.yml``, ``.json`` project file and every
    ``.csv``/``.parquet`` portfolio table in it, recursively, in name order) or of one
    portfolio table. Files and rows that fail are reported in ``left_out``."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.suffix.lower() in PROJECT_SUFFIXES + TABLE_SUFFIXES)
        if not files:
            raise ProjectError(f"the directory {path} holds no project file ({', '.join(PROJECT_SUFFIXES)}) "
                               f"and no portfolio table ({', '.join(TABLE_SUFFIXES)})",
                               path=str(path))
    else:
        files = [path]
    projects, left_out = [], []
    for file in files:
        if file.suffix.lower() in TABLE_SUFFIXES:
            source = _read_table(file)
            projects.extend(source.projects)
            left_out.append(source.left_out)
            continue
        from .files import read_project

        try:
            projects.append(read_project(file))
        except ProjectError as exc:
            left_out.append(pd.DataFrame([(str(file), exc.path, "", str(exc))],
                                         columns=["source", "location", "project", "message"]))
    return PortfolioSource(projects, pd.concat(left_out, ignore_index=True) if left_out
                           else PortfolioSource().left_out)


def _read_table(path: Path) -> PortfolioSource:
    try:
        info = path.stat()
    except OSError as exc:
        raise ProjectError(f"cannot read {path}: {exc.strerror}", path=str(path)) from None
    if not stat.S_ISREG(info.st_mode):
        raise ProjectError(f"{path} is not a regular file", path=str(path))
    if info.st_size > MAX_TABLE_BYTES:
        raise ProjectError(f"{path} is larger than {MAX_TABLE_BYTES:,} bytes; split it",
                           path=str(path))
    try:
        if path.suffix.lower() == ".parquet":
            frame = pd.read_parquet(path).astype(object)
            first_line = 1  # Parquet has rows, not lines: row 1 is the first service
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
            first_line = 2  # line 1 is the header
    except (ValueError, OSError, UnicodeDecodeError, ImportError) as exc:
        raise ProjectError(f"{path} is not a readable portfolio table: {exc}"[:300],
                           path=str(path)) from None
    return parse_portfolio_table(frame, source=str(path), first_line=first_line,
                                 unit="row" if path.suffix.lower() == ".parquet" else "line")


def parse_portfolio_table(frame: pd.DataFrame, *, source: str = "(table)",
                          first_line: int = 2, unit: str = "line") -> PortfolioSource:
    """Projects from a table of services (see the module's documentation)."""
    from pydantic import TypeAdapter, ValidationError

    from .files import parse_project
    from .schema.project import Service

    missing = [c for c in ("project", "kind", "name") if c not in frame.columns]
    if missing:
        raise ProjectError(f"{source}: missing column(s) {', '.join(missing)}; a portfolio "
                           "table needs project, kind and name", path=source)
    adapter = TypeAdapter(Service)
    service_columns = [c for c in frame.columns if c not in _PROJECT_COLUMNS]
    left_out, by_project, lines_of, meta = [], {}, {}, {}
    records = frame.to_dict("records")
    for k, record in enumerate(records):
        line = f"{unit} {first_line + k}"
        project = _text(record.get("project"))
        if not project:
            left_out.append((source, line, "", "project: a project name is required"))
            continue
        try:
            service = adapter.validate_python(_nested(record, service_columns))
        except (ValidationError, ValueError) as exc:
            left_out.append((source, line, project, _error_text(exc)))
            continue
        by_project.setdefault(project, []).append(service)
        lines_of.setdefault(project, []).append(line)
        info = meta.setdefault(project, {})
        for c in ("organisation", "reporting_start", "reporting_end"):
            if not info.get(c) and _text(record.get(c)):
                info[c] = _text(record.get(c))
    projects = []
    for name, services in by_project.items():
        info = meta[name]
        data = {"name": name, "organisation": info.get("organisation", ""),
                "services": services}
        if info.get("reporting_start") or info.get("reporting_end"):
            data["reporting_period"] = {"start": info.get("reporting_start"),
                                        "end": info.get("reporting_end")}
        try:
            projects.append(parse_project(data))
        except ProjectError as exc:
            lines = lines_of[name]
            left_out.append((source, f"{lines[0]}–{lines[-1]}", name,
                             str(exc).replace("\n", " ")))
    return PortfolioSource(projects, pd.DataFrame(
        left_out, columns=["source", "location", "project", "message"]))


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _nested(record: dict, columns) -> dict:
    """A service dict from a flat row: empty cells dropped, dotted columns nested, JSON
    text (``[…]``, ``{…}``) decoded."""
    out: dict = {}
    for column in columns:
        value = record.get(column)
        if isinstance(value, str):
            value = value.strip()
            if value[:1] in ("[", "{"):
                try:
                    value = json.loads(value)
                except ValueError:
                    raise ProjectError(f"{column}: {value[:40]!r} is not valid JSON",
                                       path=column, value=value[:40]) from None
        if value is None or value == "" or (isinstance(value, float) and value != value):
            continue
        target = out
        *parents, leaf = str(column).split(".")
        for part in parents:
            target = target.setdefault(part, {})
            if not isinstance(target, dict):
                raise ProjectError(f"{column}: {part} is both a value and a mapping",
                                   path=column)
        target[leaf] = value
    return out


def _error_text(exc) -> str:
    """Up to five problems of a row, each with its field, as project files report them."""
    from pydantic import ValidationError

    from .archetypes import KINDS
    from .files import _error_message, _path_of

    if not isinstance(exc, ValidationError):
        return str(exc)
    kinds = set(KINDS)
    parts = []
    for err in exc.errors(include_url=False)[:5]:
        head, _, rest = _path_of(err["loc"], kinds).partition(".")
        where = rest if head in kinds else ".".join(p for p in (head, rest) if p)
        parts.append(f"{where or 'kind'}: {_error_message(err, kinds)}")
    return "; ".join(parts)
