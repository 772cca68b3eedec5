"""Exceptions raised by footprint.

Every error is a :class:`FootprintError` and also inherits the built-in exception a
Python user would expect (``ValueError`` for bad values, ``KeyError`` for unknown
codes, ``TypeError`` for wrong units), so ``except ValueError`` keeps working.
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
    "close_matches",
]


def close_matches(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Return up to ``n`` entries of ``choices`` that look like ``word``."""
    return difflib.get_close_matches(str(word), sorted(set(choices)), n=n, cutoff=0.5)


class FootprintError(Exception):
    """Base class of every error footprint raises on purpose."""


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
    """

    def __init__(self, message: str, path: str = "", value: object = None,
                 errors: list[tuple[str, str, object]] | None = None):
        self.path = path
        self.value = value
        self.errors = errors or [(path, message, value)]
        super().__init__(f"{path}: {message}" if path else message)


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
        super().__init__(self.message)

    def __str__(self) -> str:  # KeyError would quote the message
        return self.message


class UnitError(FootprintError, TypeError):
    """A quantity has a unit of the wrong dimension, or a unit that does not parse."""


class DatasetError(FootprintError, ValueError):
    """An emission-factor dataset is malformed (missing source, bad unit, duplicate key…)."""


class FactorUpdateError(FootprintError, RuntimeError):
    """Fetching or validating new factor data failed; the datasets in use are unchanged."""


class MeasurementUnavailable(FootprintError, RuntimeError):
    """A measurement (e.g. CodeCarbon) cannot be taken on this machine."""
