"""Read, parse and write project files (YAML or JSON).

Files come from users and are untrusted. Reading is bounded whatever the bytes (see
:mod:`footprint.loaders`): only regular files are read, files over :data:`MAX_BYTES` are
refused before reading, YAML is read with a safe loader (libyaml's C parser when
available) that refuses aliases ("billion laughs"), duplicate keys and over-long numbers,
JSON with the same refusals, and a UTF-8 byte-order mark is dropped everywhere. The
app's upload goes through :func:`parse_upload`, with the same limits and messages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .errors import ProjectError, excerpt
from .loaders import decode_text, load_json, load_yaml, read_regular_file

__all__ = ["read_project", "parse_project", "parse_upload", "write_project", "to_yaml",
           "to_json", "MAX_BYTES", "MAX_ERRORS", "SUFFIXES"]

MAX_BYTES = 5_000_000
#: Problems listed in one message; the rest are counted (200,000 unknown keys must not
#: make an 18 MB message).
MAX_ERRORS = 20
#: File suffixes read, and the format of each.
SUFFIXES = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _load_text(text: str, fmt: str) -> Any:
    if len(text) > MAX_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ProjectError(f"the file is larger than {MAX_BYTES:,} bytes", path="(file)")
    if fmt == "json":
        return load_json(text)
    return load_yaml(text)


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
        lines = [f"{p}: {excerpt(m, 300, quote=False)} (got {excerpt(v)})"
                 for p, m, v in errors[:MAX_ERRORS]]
        if len(errors) > MAX_ERRORS:
            lines.append(f"… and {len(errors) - MAX_ERRORS:,} more problems")
        first = errors[0]
        raise ProjectError("invalid project:\n  " + "\n  ".join(lines), path=first[0],
                           value=first[2], errors=errors, details=details) from None


def _format_of(name: str, *, field: str) -> str:
    fmt = SUFFIXES.get(Path(name).suffix.lower())
    if fmt is None:
        raise ProjectError(f"{excerpt(name, 100)} is not a project file: its name must end "
                           f"with {', '.join(SUFFIXES)}", path=field, value=name)
    return fmt


def read_project(path: str | Path):
    """Read and validate a project file; the format follows the suffix (.json is JSON,
    anything else YAML)."""
    data = read_regular_file(path, MAX_BYTES)
    text = decode_text(data, field=str(path))
    return parse_project(text, "json" if Path(path).suffix.lower() == ".json" else "yaml")


def parse_upload(data: bytes, filename: str):
    """Validate an uploaded project file (the app's upload): the same limits, decoding and
    messages as :func:`read_project`, from the bytes and the name the browser sent.

    Raises
    ------
    ProjectError
        Too large, a name without a project suffix (.yaml, .yml, .json), not UTF-8, or an
        invalid project.
    """
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ProjectError(f"expected the file's bytes, got {type(data).__name__}",
                           path="(file)")
    fmt = _format_of(str(filename), field="(file)")
    if len(data) > MAX_BYTES:
        raise ProjectError(f"the file is {len(data):,} bytes, more than the limit of "
                           f"{MAX_BYTES:,}", path="(file)")
    return parse_project(decode_text(bytes(data)), fmt)


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
