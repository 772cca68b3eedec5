"""Bounded reading of untrusted bytes: regular files only, sizes checked before reading,
one text decoding (UTF-8, a byte-order mark dropped), and YAML/JSON loaders that refuse
aliases, duplicate keys and numbers longer than :data:`MAX_NUMBER_CHARS`.

Every function here is linear in the size of its input; nothing is evaluated. Errors are
:class:`~footprint.errors.ProjectError` naming the file (or the CLI option) and, for a
problem inside the text, its line.

YAML is read with libyaml's C parser when PyYAML was built with it (``yaml.CSafeLoader``,
about ten times faster than the pure-Python parser) and the pure-Python safe loader
otherwise; both build only plain data (mappings, lists, strings, numbers, booleans,
dates), and our constructor refuses aliases and duplicate keys whichever parser runs.
Ordinary texts are built straight from the C parser's events
(:mod:`footprint._yaml_fast`, ~5 times faster); anything that reader does not take as
ordinary is read again by the full loader above.
"""

from __future__ import annotations

import functools
import json
import os
import re
import stat
from collections.abc import Hashable
from typing import Any

from .errors import ProjectError, excerpt

__all__ = ["MAX_NUMBER_CHARS", "MAX_KEYS", "read_regular_file", "decode_text", "strip_bom",
           "load_yaml", "load_json"]

#: Most keys in one mapping of a project file: the largest mapping of the schema has a
#: few dozen fields, so 200,000 unknown keys are refused while reading, not one by one.
MAX_KEYS = 1_000

#: Longest number literal accepted [characters]: floats end near 1.8e308, so a literal of
#: more than 100 characters (digits, sign, point, exponent) is never a real figure.
MAX_NUMBER_CHARS = 100

_BOMS = ((b"\xef\xbb\xbf", None), (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def read_regular_file(path, limit: int, *, field: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    A directory, named pipe, device or socket is refused before it is opened (reading a
    FIFO or ``/dev/zero`` would block or never end); the size is checked before reading,
    and at most ``limit + 1`` bytes are read in case the file grows meanwhile.

    Parameters
    ----------
    path : str or Path
        The file.
    limit : int
        Largest accepted size [bytes].
    field : str, optional
        What the error names (a CLI option such as ``--har``); the path by default.

    Raises
    ------
    ProjectError
        Missing, unreadable, not a regular file, or larger than ``limit``.
    """
    name = excerpt(os.fspath(path), 200, quote=False)
    where = field or name
    subject = name if field else "the file"

    def fail(message: str):
        raise ProjectError(message, path=where, value=name)

    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            fail(f"{subject} is {_file_type(mode)}, not a regular file")
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        fail(f"cannot read {subject}: {exc.strerror or exc}")
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):  # replaced between the two looks
            fail(f"{subject} is {_file_type(info.st_mode)}, not a regular file")
        if info.st_size > limit:
            fail(f"{subject} is larger than the limit of {limit:,} bytes "
                 f"({info.st_size:,} bytes)")
        data = fh.read(limit + 1)
    if len(data) > limit:
        fail(f"{subject} is larger than the limit of {limit:,} bytes")
    return data


def decode_text(data: bytes, *, field: str = "(file)") -> str:
    """UTF-8 text of ``data``; a UTF-8 byte-order mark is dropped (the same everywhere:
    project files, uploads, HAR files, page CSVs), a UTF-16/32 one is refused."""
    for bom, other in _BOMS:
        if data.startswith(bom):
            if other is None:
                data = data[len(bom):]
                break
            raise ProjectError(f"the file is {other} text (it starts with a {other} "
                               f"byte-order mark); save it as UTF-8", path=field)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise ProjectError(f"the file is not UTF-8 text (byte {exc.start:,}, line {line}); "
                           f"save it as UTF-8", path=field) from None


def strip_bom(text: str) -> str:
    """Text without a leading byte-order mark (text already decoded elsewhere)."""
    return text[1:] if text.startswith("\ufeff") else text


#: A JSON escape of half a surrogate pair without its other half (json.loads would make
#: it a lone surrogate, which no UTF-8 output can write).
_LONE_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                                    r"|(?<![0-9a-fA-F]{4})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


def _check_unicode(text: str, field: str) -> None:
    """Refuse lone surrogates (text that is not valid Unicode), raw or as JSON escapes."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProjectError(f"the text is not valid Unicode: a lone surrogate at character "
                           f"{exc.start:,}", path=field) from None
    if "\\u" in text:
        found = _LONE_SURROGATE_ESCAPE.search(text)
        if found:
            raise ProjectError(f"the text is not valid Unicode: {found.group()} is half a "
                               f"surrogate pair{_line_of(text, found.group())}", path=field)


class _Refused(ValueError):
    """Raised inside a parser's hook; turned into a ProjectError with a line."""

    def __init__(self, message: str, needle: str | None = None):
        super().__init__(message)
        self.needle = needle


def _line_of(text: str, needle: str | None) -> str:
    if not needle:
        return ""
    pos = text.find(needle)
    return "" if pos < 0 else f" (line {text.count(chr(10), 0, pos) + 1})"


# -- YAML -------------------------------------------------------------------------------

@functools.cache
def _yaml_loader():
    import yaml
    from yaml.constructor import ConstructorError
    from yaml.nodes import MappingNode

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class Loader(base):
        """Safe loader (C parser when available) that refuses aliases, duplicate keys and
        over-long numbers."""

        def construct_object(self, node, deep=False):
            # an alias is the same node met again: refusing it stops "billion laughs"
            if node in self.constructed_objects or node in self.recursive_objects:
                raise ConstructorError(None, None, "aliases (*name) are not allowed in "
                                       "project files", node.start_mark)
            return super().construct_object(node, deep=deep)

        def construct_mapping(self, node, deep=False):
            if not isinstance(node, MappingNode):
                return super().construct_mapping(node, deep=deep)
            self.flatten_mapping(node)
            if len(node.value) > MAX_KEYS:
                raise ConstructorError(None, None, f"a mapping with {len(node.value):,} keys; "
                                       f"at most {MAX_KEYS:,} are accepted", node.start_mark)
            mapping, lines = {}, {}
            for key_node, value_node in node.value:
                key = self.construct_object(key_node, deep=deep)
                line = key_node.start_mark.line + 1
                if not isinstance(key, Hashable):
                    raise ConstructorError(None, None, "a mapping key must be a plain value",
                                           key_node.start_mark)
                if key in mapping:
                    raise ConstructorError(
                        None, None, f"key {excerpt(key)} appears twice in the same mapping, "
                        f"at lines {lines[key]} and {line}; keep one", key_node.start_mark)
                lines[key] = line
                mapping[key] = self.construct_object(value_node, deep=deep)
            return mapping

        def construct_yaml_int(self, node):
            _check_number(node.value)
            return super().construct_yaml_int(node)

        def construct_yaml_float(self, node):
            _check_number(node.value)
            return super().construct_yaml_float(node)

    Loader.add_constructor("tag:yaml.org,2002:int", Loader.construct_yaml_int)
    Loader.add_constructor("tag:yaml.org,2002:float", Loader.construct_yaml_float)
    return Loader


def _check_number(literal: str) -> None:
    if len(literal) > MAX_NUMBER_CHARS:
        raise _Refused(f"a number written with {len(literal):,} characters "
                       f"({excerpt(literal, 20)}); at most {MAX_NUMBER_CHARS} are accepted",
                       literal)


def load_yaml(text: str, *, field: str = "(file)") -> Any:
    """Plain data from YAML text (see the module's docstring for what is refused)."""
    import yaml

    from . import _yaml_fast

    _check_unicode(text, field)
    try:  # the ordinary case, straight from the C parser's events
        return _yaml_fast.load(strip_bom(text), MAX_KEYS, MAX_NUMBER_CHARS)
    except _yaml_fast.Unusual:
        pass  # the full loader reads it again: its answer, or its precise error
    try:
        return yaml.load(strip_bom(text), Loader=_yaml_loader())  # noqa: S506 - safe loader
    except RecursionError:
        raise ProjectError("the file is nested too deeply", path=field) from None
    except _Refused as exc:
        raise ProjectError(f"{exc}{_line_of(text, exc.needle)}", path=field) from None
    except yaml.YAMLError as exc:
        if "nesting depth" in str(exc):  # libyaml stops at 1,000 levels
            raise ProjectError("the file is nested too deeply", path=field) from None
        raise ProjectError(f"not valid YAML: {_yaml_message(exc)}", path=field) from None


def _yaml_message(exc) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
    return excerpt(problem, 300, quote=False) + where


# -- JSON -------------------------------------------------------------------------------

def _json_int(literal: str) -> int:
    _check_number(literal)
    return int(literal)


def _json_float(literal: str) -> float:
    _check_number(literal)
    return float(literal)


def _json_constant(name: str):
    raise _Refused(f"{name} is not a JSON number (strict JSON has no NaN or Infinity)", name)


def _no_duplicates(pairs: list) -> dict:
    if len(pairs) > MAX_KEYS:
        raise _Refused(f"an object with {len(pairs):,} keys; at most {MAX_KEYS:,} are "
                       f"accepted", None)
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(f"key {excerpt(key)} appears twice in the same object; keep "
                               f"one", None)
            seen.add(key)
    return obj


def load_json(text: str, *, field: str = "(file)", duplicates: bool = False) -> Any:
    """Plain data from JSON text, with the same refusals as :func:`load_yaml`
    (``duplicates=True`` lets repeated keys and large objects through, the last key
    winning, for machine-written files such as HAR exports)."""
    text = strip_bom(text)
    _check_unicode(text, field)
    try:
        return json.loads(text, parse_int=_json_int, parse_float=_json_float,
                          parse_constant=_json_constant,
                          object_pairs_hook=None if duplicates else _no_duplicates)
    except RecursionError:
        raise ProjectError("the file is nested too deeply", path=field) from None
    except _Refused as exc:
        message = str(exc)
        if "appears twice" in message:  # the YAML reader names both lines
            try:
                load_yaml(text, field=field)
            except ProjectError as located:
                if "appears twice" in str(located):
                    raise located from None
        raise ProjectError(f"not valid: {message}{_line_of(text, exc.needle)}",
                           path=field) from None
    except json.JSONDecodeError as exc:
        raise ProjectError(f"not valid JSON: {exc.msg} (line {exc.lineno}, column "
                           f"{exc.colno})", path=field) from None
