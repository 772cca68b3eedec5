"""Codes whose Monte Carlo draws share one random stream (dataset metadata ``shared_draws``).

Two rows whose low and high bounds are the same physical alternatives (the embodied
emissions and the electricity of HDD storage both range from the drive alone to a
small-drive storage server) are not independent: when one is at its low bound, so is the
other. A dataset says so in its ``metadata.yaml``::

    shared_draws:
      storage.hdd:
        codes: [storage.hdd.embodied, storage.hdd.energy]
        reason: "both bounds are ..."

and :func:`footprint.distributions.stream_key` gives those codes one stream: they are drawn
at the same quantile in every draw.
"""

from __future__ import annotations

from typing import Any

from ..errors import DatasetError

__all__ = ["shared_draw_problems", "shared_streams"]


def shared_draw_problems(dataset: Any) -> list[str]:
    """Problems of a dataset's ``shared_draws`` (empty when absent or valid): a mapping of
    stream name to at least two of the dataset's own codes and a reason."""
    shared = dataset.metadata.get("shared_draws")
    if shared is None:
        return []
    if not isinstance(shared, dict):
        return [f"{dataset.id}: shared_draws must map a stream name to codes and a reason"]
    own = set(dataset.factors.get("code", [])) | set(dataset.parameters.get("code", []))
    out = []
    for name, entry in shared.items():
        where = f"{dataset.id}: shared_draws {name!r}"
        codes = entry.get("codes") if isinstance(entry, dict) else None
        if not isinstance(codes, list) or len(codes) < 2 or \
                not all(isinstance(c, str) for c in codes):
            out.append(f"{where}: codes must list at least two codes")
            continue
        if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
            out.append(f"{where}: a reason is required (why the bounds move together)")
        out += [f"{where}: code {c!r} is not in this dataset" for c in codes if c not in own]
    return out


def shared_streams(datasets) -> dict[str, str]:
    """Code → ``dataset/stream`` for every code named in a valid ``shared_draws``; a code
    in two streams is an error."""
    out: dict[str, str] = {}
    for d in datasets:
        for name, entry in (d.metadata.get("shared_draws") or {}).items():
            for code in entry["codes"]:
                if code in out:
                    raise DatasetError(f"{d.id}: code {code!r} is in two shared_draws streams "
                                       f"({out[code]} and {d.id}/{name})")
                out[code] = f"{d.id}/{name}"
    return out
