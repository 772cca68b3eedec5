"""The small tables kinds build: named numpy columns, one pandas DataFrame per kind pass.

A kind pass makes dozens of row and quantity blocks (one per activity type, device,
phase…) and concatenates them. As pandas DataFrames each block cost ~0.1 ms of fixed
overhead (index, block manager, dtype checks) whatever its length, which dominated the
assessment of a small project and grew with every block of a large one. A
:class:`Frame` is a dict of equal-length numpy arrays: building, masking and
concatenating are numpy operations, and the engine makes one DataFrame of the whole
inventory (:meth:`Frame.to_pandas`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = ["Frame", "frame_of", "concat_frames"]

#: Columns held as floats; every other column holds Python objects (text).
FLOAT_COLUMNS = frozenset(("amount", "amount_low", "amount_high", "electricity_kwh", "value"))


class Frame:
    """Columns of equal length as numpy arrays (floats, or objects for text).

    ``frame["service"]`` is a column (a numpy array), ``frame[mask]`` the rows where a
    boolean mask (or an index array) selects, ``len(frame)`` the number of rows.
    """

    __slots__ = ("data",)

    def __init__(self, data: dict[str, np.ndarray]):
        self.data = data

    def __len__(self) -> int:
        return len(next(iter(self.data.values()))) if self.data else 0

    def __getitem__(self, key):
        if isinstance(key, str):
            return self.data[key]
        return Frame({c: v[key] for c, v in self.data.items()})

    @property
    def columns(self) -> list[str]:
        return list(self.data)

    def to_pandas(self) -> "pd.DataFrame":
        """One DataFrame; text columns stay numpy object arrays (not pandas' string dtype,
        whose inference costs more than the rest of a small assessment)."""
        import pandas as pd

        index = pd.RangeIndex(len(self))  # one index for every column: no alignment
        columns = {c: v if v.flags.writeable else v.copy() for c, v in self.data.items()}
        return pd.DataFrame({c: v if v.dtype.kind == "f" else
                             pd.Series(v, dtype=object, index=index, copy=False)
                             for c, v in columns.items()}, index=index, copy=False)

    def __repr__(self) -> str:
        return f"Frame({len(self)} rows: {', '.join(self.data)})"


def _column(values, n: int, dtype) -> np.ndarray:
    """``values`` (a scalar or an array of ``n``) as an array of ``n``, of ``dtype``."""
    a = np.asarray(values, dtype=dtype)
    return a if a.shape == (n,) else np.broadcast_to(a, (n,))


def frame_of(columns, values: dict) -> Frame:
    """A frame of ``columns`` from ``values`` given as scalars or equal-length arrays."""
    n = max((np.size(v) for v in values.values() if not np.isscalar(v)), default=1)
    return Frame({c: _column(values[c], n, float if c in FLOAT_COLUMNS else object)
                  for c in columns})


def concat_frames(frames, columns) -> Frame:
    """The rows of ``frames`` one after the other, as new arrays, in ``columns`` order."""
    frames = [f for f in frames if len(f)]
    if not frames:
        return Frame({c: np.empty(0, dtype=float if c in FLOAT_COLUMNS else object)
                      for c in columns})
    return Frame({c: np.concatenate([f[c] for f in frames]) for c in columns})
