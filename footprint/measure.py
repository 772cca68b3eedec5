"""Measured energy: CodeCarbon around a block, a function or a command, and the import of
CodeCarbon's ``emissions.csv``; results become ``measured`` services of a project.

>>> from footprint.measure import Meter
>>> with Meter("OCR batch", country="FR", items=50) as meter:   # doctest: +SKIP
...     run_ocr(pages)
>>> meter.measurement.energy_kwh                                 # doctest: +SKIP

CodeCarbon is imported only inside these functions (``pip install footprint[measure]``);
its offline tracker is used, so nothing leaves the machine, and no file is written unless
``save_dir`` asks for CodeCarbon's CSV. When CodeCarbon is missing or fails, the error is
:class:`~footprint.errors.MeasurementUnavailable`.

How the energy was measured is kept: CPU energy read from hardware counters (RAPL, Power
Gadget, Windows EMI, powermetrics) or GPU energy from NVML/AMD SMI makes a ``hardware``
measurement; otherwise CodeCarbon estimated the power from the CPU's TDP and its load,
an ``estimate``. CodeCarbon always models RAM power (about 20 W for a machine, 10 W for a
process in 3.3), which ``tracking`` states.

References
----------
CodeCarbon 3.3 (MIT), ``OfflineEmissionsTracker`` and its ``emissions.csv`` columns:
https://mlco2.github.io/codecarbon/
"""

from __future__ import annotations

import functools
import logging
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import MeasurementUnavailable, ProjectError

__all__ = ["Measurement", "Meter", "measure_command", "read_emissions_csv",
           "parse_emissions_csv", "add_measurements", "EMISSIONS_COLUMNS"]

#: CPU modes of CodeCarbon that read energy counters (anything else is a power model).
_COUNTER_MODES = {"intel_rapl", "intel_power_gadget", "windows_emi"}


@dataclass(frozen=True)
class Measurement:
    """Energy of one measured run.

    Attributes
    ----------
    name : str
        What was measured.
    duration_s : float
        Duration of the run [s].
    cpu_energy_kwh, gpu_energy_kwh, ram_energy_kwh : float
        Energy of each part [kWh].
    emissions_kgco2e : float
        CodeCarbon's own emissions figure, with its own factor for the country [kgCO2e]
        (footprint characterises the energy with its datasets instead).
    country : str
        ISO 3166-1 alpha-2 country the tracker was set to.
    method : str
        ``hardware``, ``estimate`` or ``not_recorded`` (see the module docstring).
    tracking : str
        CodeCarbon's description of how each part was tracked.
    items : float or None
        Items the run processed (``energy_per_item_kwh`` divides by it).
    """

    name: str
    duration_s: float
    cpu_energy_kwh: float
    gpu_energy_kwh: float
    ram_energy_kwh: float
    emissions_kgco2e: float
    country: str
    method: str
    tracking: str = ""
    tool: str = ""
    run_id: str = ""
    timestamp: str = ""
    pue: float = 1.0
    items: float | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def energy_kwh(self) -> float:
        """CPU + GPU + RAM energy [kWh]."""
        return self.cpu_energy_kwh + self.gpu_energy_kwh + self.ram_energy_kwh

    @property
    def energy_per_item_kwh(self) -> float | None:
        """Energy per item [kWh], when the number of items is known."""
        return None if not self.items else self.energy_kwh / self.items

    def to_project_entry(self, *, tier: str = "data_centres", region: str | None = None,
                         items: float | None = None, runs: float = 1.0) -> dict[str, Any]:
        """The measurement as an entry of a ``measured`` service (see that kind)."""
        entry: dict[str, Any] = {
            "name": self.name, "tier": tier, "cpu_energy": f"{self.cpu_energy_kwh!r} kWh",
            "gpu_energy": f"{self.gpu_energy_kwh!r} kWh",
            "ram_energy": f"{self.ram_energy_kwh!r} kWh", "duration": f"{self.duration_s!r} s",
            "method": self.method, "pue": self.pue, "runs": runs, "tool": self.tool,
            "run_id": self.run_id, "timestamp": self.timestamp,
            "emissions": f"{self.emissions_kgco2e!r} kgCO2e", "country": self.country}
        if region:
            entry["region"] = region
        if self.items:
            entry["items_measured"] = self.items
            if items is not None:
                entry["items"] = items
        elif items is not None:
            raise ProjectError("the measurement has no item count: give --per-item when "
                               "measuring to scale it to a number of items", path="items",
                               value=items)
        return entry


def _iso3(country: str) -> str:
    import pycountry  # a dependency of codecarbon

    found = pycountry.countries.get(alpha_2=str(country).upper())
    if found is None:
        raise ProjectError(f"{country!r} is not an ISO 3166-1 alpha-2 country code",
                           path="country", value=country)
    return found.alpha_3


def _codecarbon():
    os.environ.setdefault("CODECARBON_LOG_LEVEL", "error")
    try:
        import codecarbon
        from codecarbon import OfflineEmissionsTracker
    except Exception as exc:  # ImportError, or a broken install
        raise MeasurementUnavailable(
            f"CodeCarbon cannot be imported ({type(exc).__name__}: {exc}); install it with "
            "`pip install 'footprint[measure]'`") from None
    logging.getLogger("codecarbon").setLevel(logging.ERROR)
    return codecarbon, OfflineEmissionsTracker


def _method(tracker) -> tuple[str, str]:
    """``hardware`` or ``estimate`` from the tracker's hardware objects, and a description."""
    try:
        parts = list(tracker._hardware)  # CodeCarbon 3.x keeps its trackers here
    except AttributeError:
        return "not_recorded", "CodeCarbon did not expose its hardware trackers"
    counters, estimated, described = False, False, []
    for part in parts:
        kind = type(part).__name__
        mode = getattr(part, "_mode", None)
        if kind == "CPU":
            ok = mode in _COUNTER_MODES
            counters |= ok
            estimated |= not ok
            described.append(f"cpu: {mode}" + ("" if ok else " (power model)"))
        elif kind in ("GPU", "AppleSiliconChip", "Raspberry"):
            counters = True
            described.append(f"{kind.lower()}: hardware counters")
        elif kind == "RAM":
            described.append("ram: CodeCarbon's power model")
    if not counters and not estimated:
        return "not_recorded", "; ".join(described)
    return ("estimate" if estimated else "hardware"), "; ".join(described)


class Meter:
    """Measure a block (``with``) or each call of a function (decorator) with CodeCarbon.

    Parameters
    ----------
    name : str
        What is measured (the measurement's name).
    country : str
        ISO 3166-1 alpha-2 country of the machine's electricity (CodeCarbon's offline
        factor; footprint's results use its own datasets).
    items : float, optional
        Items the block processes (pages, files…), for energy per item.
    tracking_mode : {"machine", "process"}
        CodeCarbon's scope: the whole machine, or this process only.
    measure_power_secs : float
        Sampling interval [s].
    save_dir : str or Path, optional
        Write CodeCarbon's ``emissions.csv`` there too (nothing is written without it).

    Attributes
    ----------
    measurement : Measurement or None
        The last measurement; ``measurements`` lists them all (one per call when used as
        a decorator).
    """

    def __init__(self, name: str = "measurement", *, country: str = "FR",
                 items: float | None = None, tracking_mode: str = "machine",
                 measure_power_secs: float = 1.0, save_dir: str | Path | None = None):
        if tracking_mode not in ("machine", "process"):
            raise ProjectError(f"tracking_mode {tracking_mode!r} is not 'machine' or "
                               "'process'", path="tracking_mode", value=tracking_mode)
        if items is not None and not items > 0:
            raise ProjectError(f"items must be a positive number, not {items!r}",
                               path="items", value=items)
        self.name, self.country, self.items = name, str(country).upper(), items
        self._iso3 = _iso3(self.country)
        self.tracking_mode, self.measure_power_secs = tracking_mode, float(measure_power_secs)
        self.save_dir = None if save_dir is None else Path(save_dir)
        self.measurements: list[Measurement] = []
        self._tracker = None

    @property
    def measurement(self) -> Measurement | None:
        return self.measurements[-1] if self.measurements else None

    def _start(self) -> None:
        codecarbon, tracker_cls = _codecarbon()
        from codecarbon.output_methods.base_output import OutputMethod

        kwargs: dict[str, Any] = dict(
            country_iso_code=self._iso3, project_name=self.name, log_level="error",
            tracking_mode=self.tracking_mode, measure_power_secs=self.measure_power_secs,
            output_methods=[], allow_multiple_runs=True)
        if self.save_dir is not None:
            self.save_dir.mkdir(parents=True, exist_ok=True)
            kwargs.update(output_methods=[OutputMethod.CSV], output_dir=str(self.save_dir))
        try:
            tracker = tracker_cls(**kwargs)
            tracker.start()
        except Exception as exc:
            raise MeasurementUnavailable(f"CodeCarbon could not start: {exc}") from exc
        if not hasattr(tracker, "_start_time"):  # its __init__ swallows errors
            raise MeasurementUnavailable("CodeCarbon could not set up its tracker on this "
                                         "machine (see CODECARBON_LOG_LEVEL=debug)")
        self._tracker, self._version = tracker, codecarbon.__version__

    def _stop(self) -> Measurement:
        tracker, self._tracker = self._tracker, None
        try:
            tracker.stop()
            data = tracker.final_emissions_data
        except Exception as exc:
            raise MeasurementUnavailable(f"CodeCarbon failed while stopping: {exc}") from exc
        if data is None:
            raise MeasurementUnavailable("CodeCarbon returned no measurement")
        method, tracking = _method(tracker)
        m = Measurement(
            name=self.name, duration_s=float(data.duration),
            cpu_energy_kwh=float(data.cpu_energy), gpu_energy_kwh=float(data.gpu_energy),
            ram_energy_kwh=float(data.ram_energy), emissions_kgco2e=float(data.emissions),
            country=self.country, method=method, tracking=tracking,
            tool=f"codecarbon {self._version}", run_id=str(data.run_id),
            timestamp=str(data.timestamp), pue=float(getattr(data, "pue", 1.0) or 1.0),
            items=self.items, extra=dict(data.values))
        self.measurements.append(m)
        return m

    def __enter__(self) -> Meter:
        self._start()
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:  # the block failed: stop quietly, let its error through
            try:
                self._tracker.stop()
            except Exception:
                pass
            self._tracker = None
            return
        self._stop()

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)
        wrapper.meter = self
        return wrapper


def measure_command(argv: list[str], *, name: str | None = None, country: str = "FR",
                    items: float | None = None, save_dir: str | Path | None = None,
                    measure_power_secs: float = 1.0) -> tuple[int, Measurement]:
    """Run a command (no shell) and measure the machine while it runs.

    Returns
    -------
    returncode : int
        The command's exit status.
    measurement : Measurement
    """
    if not argv:
        raise ProjectError("no command to measure: put it after `--`", path="command")
    meter = Meter(name or " ".join(" ".join(argv).split())[:200], country=country,
                  items=items, tracking_mode="machine", measure_power_secs=measure_power_secs,
                  save_dir=save_dir)
    with meter:
        try:
            code = subprocess.call(argv)  # noqa: S603 - the user's own command, no shell
        except OSError as exc:
            raise ProjectError(f"cannot run {argv[0]!r}: {exc.strerror}", path="command",
                               value=argv[0]) from None
    return code, meter.measurement


def add_measurements(project, service: str, measurements: list[Measurement], *,
                     tier: str = "data_centres", region: str | None = None,
                     items: float | None = None, runs: float = 1.0):
    """A new project with the measurements added to the ``measured`` service ``service``
    (created if absent). Raises :class:`ProjectError` if ``service`` exists with another
    kind."""
    from .files import parse_project

    if not measurements:
        raise ProjectError("no measurement to add", path="measurements")
    data = project.model_dump(mode="json", exclude_unset=True)
    entries = [m.to_project_entry(tier=tier, region=region, items=items, runs=runs)
               for m in measurements]
    for i, svc in enumerate(data["services"]):
        if svc["name"] == service:
            if svc.get("kind") != "measured":
                raise ProjectError(f"service {service!r} is a {svc.get('kind')!r} service; "
                                   "measurements go to a 'measured' service: give another "
                                   "name", path=f"services[{i}].kind", value=svc.get("kind"))
            svc["measurements"] = list(svc["measurements"]) + entries
            break
    else:
        data["services"].append({"name": service, "kind": "measured",
                                 "measurements": entries})
    return parse_project(data)


# The emissions.csv import lives in its own module; re-exported here.
from .codecarbon_csv import EMISSIONS_COLUMNS, parse_emissions_csv, read_emissions_csv
