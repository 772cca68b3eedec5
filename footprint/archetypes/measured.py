"""The ``measured`` kind: electricity measured on a real job (CodeCarbon, a wattmeter…)
rather than modelled from parameters.

A measured service lists measurements. Each is the energy of one run, split CPU / GPU /
RAM as CodeCarbon reports it (or one ``energy`` figure from another meter), with how it
was measured: ``hardware`` (energy counters such as RAPL or NVML), ``estimate``
(CodeCarbon's fallback on a power model when the machine exposes no counter) or
``not_recorded`` (an imported ``emissions.csv`` does not say). A run is scaled to the
period: ``× items / items_measured`` for a per-item measurement (an OCR batch of 50
pages measured, 40,000 pages digitised) and ``× runs``; a ``pue`` adds the facility's
overhead to the IT energy CodeCarbon sees.

Its rows carry ``basis = measured`` (or ``measured (estimate)``, ``measured (method not
recorded)``), so results keep measured and modelled figures apart. Electricity is
characterised with the factors of its region: CodeCarbon's own emissions figure is kept
in the quantities for comparison, not used.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field, model_validator

from ..inventory import concat, quantities, rows
from ..schema.base import Model, QuantityField, Region, ServiceBase, Tier
from ._common import TOTAL, reporting_basis

KIND = "measured"

METHODS = ("hardware", "estimate", "not_recorded")
#: value of the inventory's ``basis`` column for each measurement method
BASIS = {"hardware": "measured", "estimate": "measured (estimate)",
         "not_recorded": "measured (method not recorded)"}


class Measurement(Model):
    """The electricity of one measured run of a job."""

    name: str = Field(min_length=1, max_length=200, description="What was measured.")
    tier: Tier = Field("data_centres", description="Where the job ran: `data_centres` "
                       "(a server), `onsite` (a workstation in the institution)…")
    region: Region | None = Field(None, description="Country of the electricity; default: "
                                  "the hosting country for servers, the venue's on site.")
    cpu_energy: QuantityField("kWh", ge=0, description="CPU energy of the run.") = 0.0
    gpu_energy: QuantityField("kWh", ge=0, description="GPU energy of the run.") = 0.0
    ram_energy: QuantityField("kWh", ge=0, description="RAM energy of the run.") = 0.0
    energy: QuantityField("kWh", ge=0, description="Total energy of the run, for a meter "
                          "that gives no CPU/GPU/RAM split (leave those at 0).") | None = None
    duration: QuantityField("s", ge=0, description="Duration of the run.") = 0.0
    method: Literal["hardware", "estimate", "not_recorded"] = Field(
        "not_recorded", description="How the energy was measured: hardware counters "
        "(`hardware`), a power model (`estimate`), or unknown (`not_recorded`).")
    pue: float = Field(1.0, ge=1.0, le=5.0, description="Facility overhead multiplied "
                       "onto the measured IT energy (1: none; CodeCarbon's `pue`).")
    items_measured: float | None = Field(None, gt=0, description="Items the run "
                                         "processed (pages, files, minutes of video).")
    items: float | None = Field(None, ge=0, description="Items processed over the "
                                "period; the run is scaled by items / items_measured. "
                                + TOTAL)
    runs: float = Field(1.0, ge=0, description="Times the run happens over the period. "
                        + TOTAL)
    tool: str = Field("", max_length=100, description="Measuring tool and version.")
    run_id: str = Field("", max_length=100)
    timestamp: str = Field("", max_length=40, description="When the run ended (ISO 8601).")
    emissions: QuantityField("kgCO2e", ge=0, description="The tool's own emissions "
                             "figure (informative: footprint uses its factors).") | None = None
    country: str = Field("", max_length=3, description="Country the tool measured in.")

    @model_validator(mode="after")
    def _consistent(self):
        split = self.cpu_energy + self.gpu_energy + self.ram_energy
        if self.energy is not None and split > 0:
            raise ValueError("give either the total `energy` or the cpu/gpu/ram split, "
                             "not both")
        if self.items is not None and self.items_measured is None:
            raise ValueError("`items` scales a per-item measurement: give `items_measured`"
                             " (how many items the measured run processed) too")
        return self

    @property
    def energy_kwh(self) -> float:
        """Energy of the run [kWh] (the split's sum, or the meter's total)."""
        if self.energy is not None:
            return self.energy
        return self.cpu_energy + self.gpu_energy + self.ram_energy

    @property
    def scale(self) -> float:
        """Runs over the period: ``runs × items / items_measured`` [-]."""
        per_item = 1.0 if self.items is None else self.items / self.items_measured
        return self.runs * per_item


class Service(ServiceBase):
    """A job whose electricity was measured (``footprint measure`` writes these)."""

    kind: Literal["measured"] = "measured"
    measurements: list[Measurement] = Field(min_length=1, max_length=10_000)


def inventory(services, paths, ctx):
    """One electricity row per measurement, ``basis`` telling how it was measured."""
    where = {"data_centres": ctx.hosting, "onsite": ctx.venue}
    flat = [(svc.name, m.name, m.tier, m.region or where.get(m.tier, ctx.audience)(svc),
             m.energy_kwh, m.pue, m.scale, m.method, m.cpu_energy, m.gpu_energy,
             m.ram_energy, m.duration, m.emissions)
            for svc in services for m in svc.measurements]
    basis = reporting_basis(ctx, [s.name for s in services], per_year=False)
    cols = list(zip(*flat, strict=True))
    service, component, tier, region, method = (np.array(cols[i], dtype=object)
                                                for i in (0, 1, 2, 3, 7))
    run_kwh, pue, scale = (np.array(cols[i], dtype=float) for i in (4, 5, 6))
    kwh = run_kwh * pue * scale
    table = rows(service=service, component=component, tier=tier, flow="electricity",
                 amount=kwh, factor_code="electricity", region=region, electricity_kwh=kwh,
                 basis=np.array([BASIS[m] for m in method], dtype=object))
    label = np.char.add(np.char.add(component.astype(str), ": "),
                        np.array(["run energy", "cpu energy", "gpu energy", "ram energy",
                                  "duration", "pue", "runs in the period", "tool emissions"]
                                 )[:, None]).ravel()
    values = np.concatenate([run_kwh, np.array(cols[8], float), np.array(cols[9], float),
                             np.array(cols[10], float), np.array(cols[11], float), pue, scale,
                             np.array([np.nan if e is None else e for e in cols[12]], float)])
    units = np.repeat(["kWh", "kWh", "kWh", "kWh", "s", "dimensionless", "dimensionless",
                       "kgCO2e"], len(component))
    sources = np.tile(np.array([f"measured ({m})" for m in method], dtype=object), 8)
    qty = quantities(np.tile(service, 8), label, values, units, sources)
    return concat([table]), concat([basis, qty], ("service", "quantity", "value", "unit",
                                                 "source"))
