"""``footprint factors update``: new factor data from the official open-data sources.

Sources (field by field in the project's research notes, ``apis.md``):

- ``ademe``: ADEME's Base Carbone® on the data-fair API (data.ademe.fr). The French grid
  factor (consumption mix, life cycle) is found *by name and edition* —
  ``Electricité`` / ``<year> - mix moyen`` / ``consommation``, the latest year — because
  element identifiers change between editions. Licence Ouverte (Etalab).
- ``eco2mix``: RTE's éCO2mix on the ODRÉ portal (Opendatasoft Explore v2.1): the hourly
  ``taux_co2`` of French generation over a period (direct CO2 of French plants per kWh
  produced, imports excluded), used as an hour-by-hour profile (:mod:`footprint.hourly`).
- ``electricitymaps``: the Electricity Maps API v3 for any zone (token in
  ``ELECTRICITYMAPS_TOKEN``): hourly life-cycle intensity (``history`` = last 24 h, or
  ``past-range`` for a period, a paid route).

Each update writes a new dataset folder named with its retrieval date, with its
provenance (source, query, retrieval time, edition, licence) in ``metadata.yaml``. It is
written in a hidden folder, validated completely (dataset checks, then a registry built
with every other dataset), and only then renamed into place; an existing folder is never
touched. Any failure — offline, timeout, HTML error page, malformed JSON, missing field,
wrong unit, non-numeric value — raises :class:`~footprint.errors.FactorUpdateError` and
leaves the datasets on disk as they were.

``requests`` is imported only here (through :mod:`._http`), and only when an update runs.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import FactorUpdateError
from ._http import OFFLINE, JsonClient
from ._sources import FETCHERS, Fetched

__all__ = ["update", "UpdateResult", "SOURCES", "DEFAULT_URLS", "URL_ENV", "TOKEN_ENV"]

SOURCES = ("ademe", "eco2mix", "electricitymaps")
DEFAULT_URLS = {
    "ademe": "https://data.ademe.fr/data-fair/api/v1/datasets/base-carboner",
    "eco2mix": "https://odre.opendatasoft.com/api/explore/v2.1",
    "electricitymaps": "https://api.electricitymaps.com/v3",
}
#: environment variables that override each source's base URL (a mirror, a test server)
URL_ENV = {"ademe": "FOOTPRINT_ADEME_URL", "eco2mix": "FOOTPRINT_ECO2MIX_URL",
           "electricitymaps": "FOOTPRINT_ELECTRICITYMAPS_URL"}
TOKEN_ENV = "ELECTRICITYMAPS_TOKEN"


@dataclass(frozen=True)
class UpdateResult:
    """What an update did."""

    source: str
    written: bool
    dataset_id: str
    path: Path
    rows: int
    message: str


def update(source: str, *, base_url: str | None = None, data_dir: str | Path | None = None,
           start: dt.date | None = None, end: dt.date | None = None, zone: str = "FR",
           token: str | None = None, eco2mix_dataset: str = "eco2mix-national-cons-def",
           timeout: float = 30.0, retries: int = 3, backoff: float = 1.0,
           max_bytes: int = 50_000_000, sleep: Callable[[float], None] = time.sleep,
           now: dt.datetime | None = None) -> UpdateResult:
    """Fetch, validate and store a new dataset from ``source``.

    Parameters
    ----------
    source : {"ademe", "eco2mix", "electricitymaps"}
    base_url : str, optional
        The source's API root; default: ``$FOOTPRINT_<SOURCE>_URL``, else the official one.
    data_dir : str or Path, optional
        Where the new dataset folder goes (see :func:`.locations.update_target`).
    start, end : date, optional
        Period of an hourly series (``end`` excluded); default for ``eco2mix``: the last
        full calendar year; for ``electricitymaps``: the last 24 hours.
    zone : str
        Electricity Maps zone (``FR``, ``DE``, ``US-CAL-CISO``…).
    token : str, optional
        Electricity Maps token; default ``$ELECTRICITYMAPS_TOKEN``.
    timeout, retries, backoff, max_bytes
        Per-attempt timeout [s], further attempts on 429/5xx/timeouts, first wait [s]
        (doubled each time), largest response [B].

    Raises
    ------
    FactorUpdateError
        Nothing was written; the data in use are unchanged.
    """
    from .locations import update_target

    if source not in SOURCES:
        raise FactorUpdateError(f"unknown source {source!r}: choose one of {SOURCES}")
    now = now or dt.datetime.now(dt.UTC)
    url = base_url or os.environ.get(URL_ENV[source], "").strip() or DEFAULT_URLS[source]
    headers = {}
    if source == "electricitymaps":
        token = token or os.environ.get(TOKEN_ENV, "").strip()
        if not token:
            raise FactorUpdateError(f"electricitymaps needs an API token in {TOKEN_ENV}; "
                                    f"{OFFLINE}")
        headers["auth-token"] = token
    if start is not None and end is not None and end <= start:
        raise FactorUpdateError(f"end ({end}) must be after start ({start}); {OFFLINE}")
    client = JsonClient(url, timeout=timeout, retries=retries, backoff=backoff,
                        max_bytes=max_bytes, headers=headers, sleep=sleep, name=source)
    fetched = FETCHERS[source](client, start=start, end=end, zone=zone, now=now,
                               eco2mix_dataset=eco2mix_dataset)
    return _store(fetched, update_target(data_dir), source, now)


def _store(fetched: Fetched, target: Path, source: str, now: dt.datetime) -> UpdateResult:
    """Write aside, validate, then rename into place; never overwrite."""
    import pandas as pd
    import yaml

    from .locations import dataset_folders

    factors = pd.DataFrame(fetched.factors)
    hourly = fetched.hourly
    files = {}
    if len(factors):
        files["factors.csv"] = factors.to_csv(index=False, lineterminator="\n")
    if hourly is not None and len(hourly):
        files["hourly.csv"] = hourly.to_csv(index=False, lineterminator="\n")
    rows = len(factors) + (0 if hourly is None else len(hourly))
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FactorUpdateError(f"cannot create {target}: {exc.strerror}; {OFFLINE}") from None
    for folder in dataset_folders(target):  # same data already stored: nothing to do
        if folder.name.startswith(fetched.stem + "-") and files and all(
                (folder / n).is_file() and (folder / n).read_text(encoding="utf-8") == t
                for n, t in files.items()):
            return UpdateResult(source, False, folder.name, folder, rows,
                                f"already up to date: {folder.name} holds the same data")
    base_id = f"{fetched.stem}-{now:%Y-%m-%d}"
    dataset_id, n = base_id, 2
    while (target / dataset_id).exists():
        dataset_id, n = f"{base_id}-{n}", n + 1
    metadata = {"id": dataset_id, **fetched.metadata, "retrieved": f"{now:%Y-%m-%d}",
                "update": {**fetched.provenance, "source": source,
                           "fetched": now.isoformat(timespec="seconds")}}
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{dataset_id}-", dir=target))
    except OSError as exc:
        raise FactorUpdateError(f"cannot write in {target}: {exc.strerror}; {OFFLINE}") \
            from None
    try:
        (tmp / "metadata.yaml").write_text(yaml.safe_dump(metadata, sort_keys=False,
                                                          allow_unicode=True), encoding="utf-8")
        for name, text in files.items():
            (tmp / name).write_text(text, encoding="utf-8")
        _validate(tmp, target)
        try:
            os.rename(tmp, target / dataset_id)  # atomic; refused if the name was taken
        except OSError as exc:
            raise FactorUpdateError(f"cannot move the new dataset into {target / dataset_id}"
                                    f": {exc.strerror}; {OFFLINE}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    from .registry import dataset_roots, default_registry

    default_registry.cache_clear()  # the next assessment sees the new data
    hint = "" if target.resolve() in {r.resolve() for r in dataset_roots()} else (
        f"; the default registry does not read {target}: set FOOTPRINT_DATA_DIR={target}")
    return UpdateResult(source, True, dataset_id, target / dataset_id, rows,
                        f"wrote {dataset_id} ({rows} rows) in {target}{hint}")


def _validate(folder: Path, target: Path) -> None:
    """The new dataset alone, its hourly series, then a registry with every other dataset."""
    from ..errors import DatasetError
    from ..hourly import read_hourly_csv
    from .locations import dataset_folders, user_data_dir
    from .registry import FactorRegistry, bundled_path, read_dataset

    try:
        new = read_dataset(folder)
        problems = new.problems()
        if problems:
            raise DatasetError("; ".join(problems[:5]))
        if (folder / "hourly.csv").is_file():
            read_hourly_csv(folder / "hourly.csv")
        roots = dict.fromkeys([bundled_path(), user_data_dir(), target])
        others = [read_dataset(p) for root in roots for p in dataset_folders(root)]
        FactorRegistry([d for d in others if d.id != new.id] + [new])
    except DatasetError as exc:
        raise FactorUpdateError(f"the fetched data do not validate ({exc}); nothing was "
                                f"written; {OFFLINE}") from None

