"""Input checks shared by the published web methods (SWD, Ecoindex)."""

from __future__ import annotations

import numpy as np

from footprint.errors import ProjectError

__all__ = ["nonnegative_array"]


def nonnegative_array(value, name: str, unit: str) -> np.ndarray:
    """A finite number or array of numbers >= 0, as float64 (0-d for a number).

    Raises
    ------
    ProjectError
        Naming the parameter (and the index of the first bad element of an array).
    """
    bad = isinstance(value, (str, bytes, bool, np.bool_)) or value is None
    try:
        array = None if bad else np.asarray(value)
    except (TypeError, ValueError):  # ragged nested lists
        array = None
    if array is None or array.dtype.kind not in "iuf":
        raise ProjectError(f"{name} must be a finite number >= 0 or an array of them [{unit}], "
                           f"got {value!r:.80}", path=name, value=value)
    array = array.astype(np.float64, copy=False)
    ok = (array >= 0.0) & (array < np.inf)
    if not ok.all():
        if array.ndim == 0:
            raise ProjectError(f"{name} must be finite and >= 0 [{unit}], got {value!r}",
                               path=name, value=value)
        where = np.unravel_index(int(np.argmin(ok)), array.shape)
        index = int(where[0]) if len(where) == 1 else tuple(int(i) for i in where)
        bad_value = float(array[where])
        raise ProjectError(f"{name} must be finite and >= 0 [{unit}], "
                           f"got {name}[{index}] = {bad_value!r}",
                           path=f"{name}[{index}]", value=bad_value)
    return array
