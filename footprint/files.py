"""Read, parse and write project files (YAML or JSON).

Files come from users and are untrusted: YAML is read with a safe loader that also
refuses aliases (no "billion laughs"), and files over :data:`MAX_BYTES` are refused.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import ProjectError

__all__ = ["read_project", "parse_project", "write_project", "to_yaml", "to_json", "MAX_BYTES"]

MAX_BYTES = 5_000_000


def _yaml_loader():
    import yaml

    class NoAliasSafeLoader(yaml.SafeLoader):
        """SafeLoader that rejects anchors/aliases (exponential expansion)."""

        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, "aliases (*name) are not allowed in project files",
                    event.start_mark)
            return super().compose_node(parent, index)

    return NoAliasSafeLoader


def _load_text(text: str, fmt: str) -> Any:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ProjectError(f"the file is larger than {MAX_BYTES:,} bytes", path="(file)")
    if fmt == "json":
        try:
            return json.loads(text)
        except RecursionError:
            raise ProjectError("the file is nested too deeply", path="(file)") from None
        except json.JSONDecodeError as exc:
            raise ProjectError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column "
                               f"{exc.colno})", path="(file)") from None
    import yaml

    try:
        return yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise ProjectError("the file is nested too deeply", path="(file)") from None
    except yaml.YAMLError as exc:
        raise ProjectError(f"not valid YAML: {exc}", path="(file)") from None


def _path_of(loc: tuple, kinds: set[str]) -> str:
    out = ""
    for i, part in enumerate(loc):
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in kinds and i > 0 and isinstance(loc[i - 1], int):
            continue  # the tag pydantic adds for the service kind
        elif isinstance(part, str) and part.startswith("function-"):
            continue
        else:
            out += f".{part}" if out else str(part)
    return out


def _error_message(err: dict, kinds: set[str]) -> str:
    from .errors import close_matches

    if err["type"] == "union_tag_invalid" or (err["type"] == "literal_error"
                                              and err["loc"][-1:] == ("kind",)):
        tag = str(err.get("ctx", {}).get("tag", err.get("input", "")))
        near = close_matches(tag, kinds)
        hint = f"; did you mean {', '.join(map(repr, near))}?" if near else ""
        return f"kind {tag!r} is not known; known kinds: {', '.join(sorted(kinds))}{hint}"
    if err["type"] == "union_tag_not_found":
        return f"'kind' is required; one of: {', '.join(sorted(kinds))}"
    if err["type"] == "extra_forbidden":
        return "unknown field (check its spelling; `footprint schema` lists the fields)"
    msg = err["msg"].removeprefix("Value error, ")
    return msg


def parse_project(data: str | dict, fmt: str = "yaml"):
    """Validate a project from text (``fmt`` ``yaml`` or ``json``) or an already-loaded dict.

    Raises
    ------
    ProjectError
        Listing every problem with its path in the file, its value and what is allowed.
    """
    from pydantic import ValidationError

    from .archetypes import KINDS
    from .schema import Project

    if isinstance(data, str):
        data = _load_text(data, fmt)
    if not isinstance(data, dict):
        raise ProjectError("a project file must be a mapping (name:, services:, …), got "
                           f"{type(data).__name__}", path="(file)", value=data)
    try:
        return Project.model_validate(data)
    except ValidationError as exc:
        kinds = set(KINDS)
        errors, details = [], []
        for err in exc.errors(include_url=False):
            path = (err.get("ctx") or {}).get("path") or _path_of(err["loc"], kinds) \
                or "(project)"
            if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
                path += ".kind"
            value = (err.get("ctx") or {}).get("value", err.get("input"))
            errors.append((path, _error_message(err, kinds), value))
            details.append({"path": path, "message": errors[-1][1], "value": value,
                            "code": err["type"], "params": {
                                k: v if isinstance(v, int | float | str) else str(v)
                                for k, v in err.get("ctx", {}).items()}})
        lines = [f"{p}: {m} (got {_short(v)})" for p, m, v in errors]
        first = errors[0]
        raise ProjectError("invalid project:\n  " + "\n  ".join(lines), path=first[0],
                           value=first[2], errors=errors, details=details) from None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def read_project(path: str | Path):
    """Read and validate a project file; the format follows the suffix (.yaml/.yml/.json)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ProjectError(f"cannot read {path}: {exc.strerror}", path=str(path)) from None
    if size > MAX_BYTES:
        raise ProjectError(f"{path} is larger than {MAX_BYTES:,} bytes", path=str(path))
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ProjectError(f"{path} is not UTF-8 text", path=str(path)) from None
    return parse_project(text, "json" if path.suffix.lower() == ".json" else "yaml")


def _plain(project) -> dict:
    return project.model_dump(mode="json", exclude_unset=True, by_alias=True)


def to_yaml(project) -> str:
    """The project as YAML text (only the fields that were set: defaults stay implicit)."""
    import yaml

    return yaml.safe_dump(_plain(project), sort_keys=False, allow_unicode=True)


def to_json(project) -> str:
    """The project as JSON text."""
    return json.dumps(_plain(project), ensure_ascii=False, indent=2)


def write_project(project, path: str | Path) -> None:
    """Write a project file; JSON for a ``.json`` suffix, YAML otherwise."""
    path = Path(path)
    text = to_json(project) if path.suffix.lower() == ".json" else to_yaml(project)
    path.write_text(text, encoding="utf-8")
