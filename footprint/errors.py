"""Exceptions raised by footprint.

Every error is a :class:`FootprintError` and also inherits the built-in exception a
Python user would expect (``ValueError`` for bad values, ``KeyError`` for unknown
codes, ``TypeError`` for wrong units), so ``except ValueError`` keeps working.

Beside its English message, every error and warning carries a stable ``code`` (a short
lowercase id such as ``unknown_factor``) and ``params`` (the values the message names), so
an application renders it in its user's language from its own catalogs and falls back to
the English text for a code it does not know. Warnings are :class:`Notice` objects: plain
strings (the English text) with the same two attributes.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

__all__ = [
    "FootprintError",
    "ProjectError",
    "UnknownFactorError",
    "UnitError",
    "DatasetError",
    "FactorUpdateError",
    "MeasurementUnavailable",
    "Notice",
    "close_matches",
    "excerpt",
]


def close_matches(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Return up to ``n`` entries of ``choices`` that look like ``word`` (none for a word
    over 100 characters: difflib's cost grows with the product of the lengths)."""
    if len(str(word)) > 100:
        return []
    return difflib.get_close_matches(str(word), sorted(set(choices)), n=n, cutoff=0.5)


class Notice(str):
    """A warning: its English text, with a stable ``code`` and the ``params`` it names.

    A ``str`` subclass, so code that joins, prints or compares warnings keeps working.

    >>> n = Notice("x: no value for region FR; the GLO value is used",
    ...            code="region_substituted", params={"code": "x", "region": "FR", "used": "GLO"})
    >>> n.code, n == "x: no value for region FR; the GLO value is used"
    ('region_substituted', True)
    """

    code: str
    params: dict

    def __new__(cls, text: str, *, code: str = "notice", params: dict | None = None):
        self = super().__new__(cls, text)
        self.code = code
        self.params = dict(params or {})
        return self

    def __reduce__(self):  # keeps code and params through pickling (caches, processes)
        return (_notice, (str(self), self.code, self.params))


def _notice(text: str, code: str, params: dict) -> Notice:
    return Notice(text, code=code, params=params)


def excerpt(value: object, limit: int = 60, *, quote: bool = True) -> str:
    """A short excerpt of ``value`` for a message: at most about ``limit`` characters, with
    the full length said when cut, so that a 4 MB value never makes a 4 MB message.

    Control characters are shown escaped (``repr``) when ``quote`` is true.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    if isinstance(value, str):
        cut = value[:limit]
        text = repr(cut) if quote else cut
        return text + (f"… ({len(value):,} characters)" if len(value) > limit else "")
    import reprlib

    shortener = reprlib.Repr()
    shortener.maxlevel, shortener.maxdict = 2, 4
    shortener.maxlist = shortener.maxtuple = shortener.maxset = 4
    shortener.maxstring = shortener.maxother = shortener.maxlong = limit
    short = shortener.repr(value)
    return short if len(short) <= 2 * limit else short[:2 * limit] + "…"


class FootprintError(Exception):
    """Base class of every error footprint raises on purpose.

    ``code`` and ``params`` (keyword-only, optional) identify the message for
    translation; a class gives its default ``code``.
    """

    code: str = "error"

    def __init__(self, *args, code: str | None = None, params: dict | None = None):
        super().__init__(*args)
        if code is not None:
            self.code = code
        self.params = dict(params or {})


class ProjectError(FootprintError, ValueError):
    """A project (file or object) is invalid.

    Parameters
    ----------
    message
        What is wrong and what is allowed.
    path
        Where in the project file, e.g. ``services[2].components[0].amount``.
    value
        The offending value, kept so that nothing the user entered is lost.
    errors
        For a file with several problems: a list of ``(path, message, value)``.
    code, params
        Stable id of the problem and the values it names (for translation).
    details
        One dict per problem: ``path``, ``message``, ``value``, ``code``, ``params``
        (the same problems as ``errors``, with their codes).
    """

    code = "invalid_project"

    def __init__(self, message: str, path: str = "", value: object = None,
                 errors: list[tuple[str, str, object]] | None = None, *,
                 code: str | None = None, params: dict | None = None,
                 details: list[dict] | None = None):
        self.path = path
        self.value = value
        self.errors = errors or [(path, message, value)]
        super().__init__(f"{path}: {message}" if path else message, code=code, params=params)
        self.details = details or [
            {"path": p, "message": m, "value": v,
             "code": self.code if len(self.errors) == 1 else "invalid_project",
             "params": self.params if len(self.errors) == 1 else {}}
            for p, m, v in self.errors]


class UnknownFactorError(FootprintError, KeyError):
    """A factor or parameter code (or region) is not in the loaded datasets."""

    def __init__(self, code: str, *, region: str | None = None,
                 matches: list[str] | None = None, what: str = "factor"):
        self.code = code
        self.region = region
        self.matches = matches or []
        where = f" for region {region!r}" if region else ""
        hint = f"; did you mean {', '.join(map(repr, self.matches))}?" if self.matches else ""
        self.message = f"unknown {what} {code!r}{where}{hint}"
        super().__init__(self.message, code=f"unknown_{what}",
                         params={"code": code, "region": region or "",
                                 "matches": ", ".join(self.matches)})

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class UnitError(FootprintError, TypeError):
    """A quantity has a unit of the wrong dimension, or a unit that does not parse."""

    code = "unit"


class DatasetError(FootprintError, ValueError):
    """An emission-factor dataset is malformed (missing source, bad unit, duplicate key…)."""

    code = "dataset"


class FactorUpdateError(FootprintError, RuntimeError):
    """Fetching or validating new factor data failed; the datasets in use are unchanged."""

    code = "factor_update"


class MeasurementUnavailable(FootprintError, RuntimeError):
    """A measurement (e.g. CodeCarbon) cannot be taken on this machine."""

    code = "measurement_unavailable"
