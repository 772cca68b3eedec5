"""Scenarios: named variants of a project, each a set of overrides of the baseline by path.

A path names one value of the project file, the way an error message does:
``services[0].quality_mix``, ``services[Live stream and replay].replay_hours_viewed``
(a service, or any list item with a ``name``, by its name), ``options.allocation``,
``services[0].production_equipment[cameras].count``. An override replaces that value;
the variant is validated like any project, so a bad path or value is a
:class:`~footprint.errors.ProjectError` naming it.

:func:`compare` (from :mod:`footprint.comparison`) assesses the baseline and every scenario
with the same random draws (common random numbers), so each difference has a distribution
of its own and P(scenario lower than baseline) is meaningful.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from .comparison import Comparison, compare
from .errors import ProjectError

__all__ = ["apply_overrides", "scenario_project", "scenario_projects", "parse_path",
           "compare", "Comparison", "MAX_PATH_LENGTH"]

MAX_PATH_LENGTH = 300
# one segment: a field name, then any number of [index] or [name]; linear, no backtracking
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def parse_path(path: str) -> list[str | int]:
    """The steps of a path: field names (str), list indices (int) and item names
    (``("name", str)`` tuples).

    >>> parse_path("services[0].quality_mix.hd")
    ['services', 0, 'quality_mix', 'hd']
    >>> parse_path("services[Opera live].renditions")
    ['services', ('name', 'Opera live'), 'renditions']
    """
    if not isinstance(path, str) or not path.strip():
        raise ProjectError("an override path must be a non-empty string such as "
                           "'services[0].hours_viewed'", path=repr(path), value=path)
    if len(path) > MAX_PATH_LENGTH:
        raise ProjectError(f"an override path is at most {MAX_PATH_LENGTH} characters",
                           path=path[:40] + "…", value=len(path))
    steps: list = []
    i, n = 0, len(path)
    expect_name = True
    while i < n:
        if expect_name:
            m = _NAME.match(path, i)
            if not m:
                raise ProjectError(f"expected a field name at character {i + 1} of the path "
                                   f"(fields look like 'services[0].hours_viewed')",
                                   path=path, value=path)
            steps.append(m.group())
            i = m.end()
            expect_name = False
        elif path[i] == "[":
            end = path.find("]", i + 1)
            if end < 0:
                raise ProjectError("a '[' in the path is not closed by ']'", path=path,
                                   value=path)
            key = path[i + 1:end].strip()
            if len(key) >= 2 and key[0] == key[-1] and key[0] in "'\"":
                steps.append(("name", key[1:-1]))
            elif key.isdigit():
                steps.append(int(key))
            elif key:
                steps.append(("name", key))
            else:
                raise ProjectError("empty [] in the path: give an index ([0]) or a name",
                                   path=path, value=path)
            i = end + 1
        elif path[i] == ".":
            i += 1
            expect_name = True
        else:
            raise ProjectError(f"unexpected {path[i]!r} at character {i + 1} of the path: "
                               f"use '.' between fields and [index] or [name] for items",
                               path=path, value=path)
    if expect_name:
        raise ProjectError("the path ends with '.': name a field after it", path=path,
                           value=path)
    return steps


def _step_label(step) -> str:
    if isinstance(step, int):
        return f"[{step}]"
    if isinstance(step, tuple):
        return f"[{step[1]}]"
    return f".{step}"


def _set(data: dict, steps: list, value: Any, path: str) -> str:
    """Set ``value`` at ``steps`` inside plain data (dicts and lists), in place; return
    the path with item names resolved to indices (``services[0].renditions``)."""
    node: Any = data
    where = ""
    for k, step in enumerate(steps):
        last = k == len(steps) - 1
        if isinstance(step, str):
            if not isinstance(node, dict):
                raise ProjectError(f"{where or 'the project'} is a list, not a set of fields: "
                                   f"use an index or a name in [] before .{step}",
                                   path=path, value=value)
            if step not in node and not last:
                near = ", ".join(sorted(node)[:30])
                raise ProjectError(f"{where or 'the project'} has no field {step!r}; "
                                   f"its fields: {near}", path=path, value=value)
            if last:
                node[step] = copy.deepcopy(value)
                if step == "amount" and isinstance(value, str) and "unit" in node:
                    node.pop("unit")  # "400 kWh" gives the amount and its unit
                return f"{where}.{step}" if where else step
            node = node[step]
        else:
            if not isinstance(node, list):
                raise ProjectError(f"{where or 'the project'} is not a list: "
                                   f"{_step_label(step)} does not apply", path=path, value=value)
            if isinstance(step, int):
                if step >= len(node):
                    raise ProjectError(f"{where} has {len(node)} item(s): index {step} is out "
                                       f"of range", path=path, value=value)
                index = step
            else:
                names = [item.get("name") if isinstance(item, dict) else None for item in node]
                if step[1] not in names:
                    known = ", ".join(repr(x) for x in names if x)
                    raise ProjectError(f"{where} has no item named {step[1]!r}; names: "
                                       f"{known or 'none'}", path=path, value=value)
                index = names.index(step[1])
            if last:
                node[index] = copy.deepcopy(value)
                return f"{where}[{index}]"
            node = node[index]
            step = index
        where += _step_label(step) if where or not isinstance(step, str) else step
    return where  # pragma: no cover - the loop always returns


def apply_overrides(project, overrides: dict[str, Any], *, where: str = "overrides"):
    """A new project: ``project`` with each path of ``overrides`` set to its value.

    Parameters
    ----------
    project : Project
        The baseline (unchanged: projects are immutable).
    overrides : mapping of str to any
        Path → new value (``{"services[0].quality_mix": {"hd": 1.0}}``). A value is given
        as in a project file (``"30 h"`` or ``30`` for hours).
    where : str, optional
        Prefix of error paths: ``overrides`` by default, ``scenarios[1].overrides`` from
        :func:`scenario_project` and the project's validation.

    Returns
    -------
    Project
        Validated like a project read from a file; without scenarios of its own.

    Raises
    ------
    ProjectError
        A path that names nothing, or a value the project's model refuses; the error's path
        is ``<where>['<override path>']`` followed by the field the model names.
    """
    from pydantic import ValidationError

    from .files import parse_project
    from .schema import Project

    if not isinstance(overrides, dict):
        raise ProjectError("overrides must be a mapping of paths to values", path=where,
                           value=overrides)
    data = project.model_dump(mode="python", exclude={"scenarios"})
    resolved: dict[str, str] = {}
    for path, value in overrides.items():
        label = f"{where}[{path!r}]"
        try:
            steps = parse_path(path)
            if steps[0] in ("scenarios", "schema_version"):
                raise ProjectError(f"{steps[0]} cannot be overridden by a scenario",
                                   path=path, value=value)
            resolved[_set(data, steps, value, path)] = path
        except ProjectError as exc:
            message = str(exc).split(": ", 1)[1] if exc.path and str(exc).startswith(
                f"{exc.path}: ") else str(exc)
            raise ProjectError(message, path=label, value=value) from None
    try:
        return Project.model_validate(data)
    except ValidationError:
        pass
    # the same data through the file parser, for its messages and paths
    try:
        parse_project(data)
    except ProjectError as exc:
        errors = [(f"{where}{_owner(p, resolved)}", m, v) for p, m, v in exc.errors]
        lines = [f"{p}: {m}" for p, m, _ in errors]
        raise ProjectError("invalid scenario:\n  " + "\n  ".join(lines), path=errors[0][0],
                           value=errors[0][2], errors=errors) from None
    raise ProjectError("the overrides give an invalid project", path=where,  # pragma: no cover
                       value=overrides)


def _owner(field_path: str, resolved: dict[str, str]) -> str:
    """``['<override>']`` for the override whose value holds the error's field (followed
    by the field inside it, if deeper); else the field the model names."""
    for canonical, path in resolved.items():
        if field_path == canonical:
            return f"[{path!r}]"
        if field_path.startswith((canonical + ".", canonical + "[")):
            return f"[{path!r}]{field_path[len(canonical):]}"
    for canonical, path in resolved.items():  # a check of the item that holds the value
        if canonical.startswith((field_path + ".", field_path + "[")):
            return f"[{path!r}] ({field_path})"
    if len(resolved) == 1:  # a model-level check (e.g. shares sum) set off by the one override
        path = next(iter(resolved.values()))
        return f"[{path!r}] ({field_path})"
    return f": {field_path}"


def scenario_project(project, name: str):
    """The project of the scenario called ``name`` (the baseline with its overrides)."""
    names = [s.name for s in project.scenarios]
    if name not in names:
        from .errors import close_matches

        near = close_matches(name, names)
        hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
        raise ProjectError(f"no scenario named {name!r}; scenarios: "
                           f"{', '.join(map(repr, names)) or 'none'}{hint}",
                           path="scenarios", value=name)
    i = names.index(name)
    return apply_overrides(project, project.scenarios[i].overrides,
                           where=f"scenarios[{i}].overrides")


def scenario_projects(project) -> dict[str, Any]:
    """The baseline (key ``"baseline"``) and every scenario's project, in order."""
    out = {"baseline": project.model_copy(update={"scenarios": []})}
    for s in project.scenarios:
        out[s.name] = scenario_project(project, s.name)
    return out
