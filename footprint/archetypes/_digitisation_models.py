"""Project-file models of the ``digitisation_campaign`` kind (its sub-blocks)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..schema.base import MIN_LIFETIME, Model, QuantityField, Region
from . import _digitisation_kernels as k
from ._mixes import TransferNetworkMix

__all__ = ["Derivative", "ItemGroup", "CaptureStation", "DigitisationProcessing",
           "ArchiveCopy", "ArchiveStorage", "Dissemination", "RASTER_FIELDS"]

Format = Literal["tiff", "jpeg2000_lossless", "jpeg2000_lossy", "jpeg"]
RASTER_FIELDS = ("width", "height", "ppi", "bit_depth")
FIELDS_3D = ("photos_per_item", "mb_per_photo", "mesh_mb", "photogrammetry_kwh_per_item")


class Derivative(Model):
    """A derived file made from each master (access copy, thumbnail…)."""

    format: Format = "jpeg"
    scale: float = Field(1.0, gt=0, le=1, description="Linear pixel scale of the master "
                         "(0.5 = half width and height). Default 1.")
    size_mb: QuantityField("MB", ge=0, le=1e6, description=(
        "Size of one derivative, if known (overrides format and scale).")) | None = None


class ItemGroup(Model):
    """Items of one type digitised the same way."""

    type: Literal["page", "photograph", "map", "object_3d"]
    name: str = ""
    count: int = Field(ge=0, le=10**10, description="Items digitised in the campaign "
                       "(a total, not scaled by the reporting period).")
    items_per_hour: float | None = Field(None, gt=0, le=1e5, description=(
        "CaptureStation throughput. Defaults per type: page 120/h (PARC Bookscanner, factors "
        "dossier §7.2); map 10/h, photograph 30/h, object_3d 0.5/h (estimates)."))
    capture_power: QuantityField("W", ge=0, le=1e5, description=(
        "Station power for this group, if not the service's capture power.")) | None = None
    width: QuantityField("inch", gt=0, le=1000, description=(
        "Width of the original ('210 mm'). Default per type: A4 page, A2 map, 35 mm "
        "photograph (factors dossier §7.1).")) | None = None
    height: QuantityField("inch", gt=0, le=1000, description="Height of the original."
                          ) | None = None
    ppi: float | None = Field(None, gt=0, le=20_000, description=(
        "Sampling resolution. Default 400 ppi (page, map), 4,000 (35 mm photograph)."))
    bit_depth: Literal[1, 8, 16, 24, 48] | None = Field(None, description=(
        "Bits per pixel. Default 24 (RGB, 8 bits per channel)."))
    master_format: Format = Field("tiff", description="Format of the preservation master.")
    master_mb: QuantityField("MB", ge=0, le=1e6, description=(
        "Size of one master, if known (overrides the computed size).")) | None = None
    derivatives: list[Derivative] = Field(default_factory=list, description=(
        "Derived files per item. Default none."))
    ocr: bool | None = Field(None, description="OCR the items. Default: pages only.")
    photos_per_item: int | None = Field(None, ge=1, le=100_000, description=(
        "object_3d: photos per object. Default 90 (Lucidea 2018, factors dossier §7.2)."))
    mb_per_photo: QuantityField("MB", gt=0, le=10_000, description=(
        "object_3d: size of one RAW photo. Default 40 MB (estimate).")) | None = None
    mesh_mb: QuantityField("MB", ge=0, le=1e6, description=(
        "object_3d: delivered mesh + textures per object. Default 200 MB (estimate)."
    )) | None = None
    photogrammetry_kwh_per_item: QuantityField("kWh", ge=0, le=1e4, description=(
        "object_3d: processing electricity per object. Default 1 kWh (estimate).")) | None = None

    @model_validator(mode="after")
    def _fields_fit_type(self):
        wrong = FIELDS_3D if self.type != "object_3d" else RASTER_FIELDS + ("master_mb",)
        given = [f for f in wrong if getattr(self, f) is not None]
        if given:
            what = "objects in 3D" if self.type != "object_3d" else "raster masters"
            raise ValueError(f"{', '.join(given)} apply only to {what}, not to type "
                             f"{self.type!r}; remove {'them' if len(given) > 1 else 'it'}")
        if self.type == "object_3d":
            for j, d in enumerate(self.derivatives):
                if d.size_mb is None:
                    raise ValueError(f"derivatives[{j}].size_mb is required for objects in "
                                     f"3D (no raster master to scale from)")
        return self


class CaptureStation(Model):
    """The capture station(s)."""

    device: Literal["scanner", "desktop_with_monitor", "camera_broadcast"] = Field(
        "scanner", description="Device id of the station. Default 'scanner', the dataset's "
        "capture-station proxy (workstation + camera + lighting, an estimate).")
    power: QuantityField("W", ge=0, le=1e5, description=(
        "Station power while capturing. Default: dataset device.<device>.power.")) | None = None
    lifetime: QuantityField("year", ge=MIN_LIFETIME, le=30, description=(
        "Default: dataset device.<device>.lifetime.")) | None = None
    daily_use: QuantityField("hour/day", gt=0, le=24, description=(
        "CaptureStation hours per day over the station's life (allocation of its manufacture). "
        "Default: dataset device.<device>.daily_use.")) | None = None


class DigitisationProcessing(Model):
    """Computing after capture."""

    location: Literal["data_centre", "onsite"] = Field(
        "data_centre", description="Where processing runs: a data centre (hosting "
        "country, PUE applied) or on site (the venue's country). Default data_centre.")
    ocr_pages_per_core_hour: float = Field(k.OCR_PAGES_PER_CORE_HOUR, gt=0, le=1e6,
                                           description=k.OCR_SOURCE)
    watts_per_core: QuantityField("W", gt=0, le=1000, description=k.WATTS_SOURCE
                                  ) = k.WATTS_PER_CORE
    derivative_core_seconds: QuantityField("second", ge=0, le=1e5,
                                           description=k.DERIVATIVE_SOURCE
                                           ) = k.DERIVATIVE_CORE_SECONDS
    photogrammetry_kwh: QuantityField("kWh", ge=0, le=1e7, description=(
        "Measured photogrammetry electricity of the whole campaign (overrides the "
        "per-object figures).")) | None = None


class ArchiveCopy(Model):
    """One or more identical copies of the files."""

    media: Literal["hdd", "ssd", "tape"]
    count: int = Field(1, ge=1, le=100)
    country: Region | None = Field(None, description="Where the copy is kept, if not the "
                                   "service's hosting country.")


class ArchiveStorage(Model):
    """Long-term storage of masters, derivatives and 3D data."""

    years: int = Field(ge=1, le=200, description="Years the files are kept: the "
                       "campaign's own horizon (not the project's reporting period).")
    copies: list[ArchiveCopy] = Field(
        default_factory=lambda: [ArchiveCopy(media="hdd", count=2),
                                 ArchiveCopy(media="tape", count=1)],
        min_length=1, description="Default: 2 copies on HDD + 1 on tape (factors dossier "
        "§4.4, suggested archive model).")
    yearly_growth: float = Field(0.0, ge=0, le=10, description=(
        "Growth of the stored volume per year, a fraction (0.05 = +5 %/year: new "
        "versions, formats, accruals). Default 0."))
    growth_dedup_ratio: float = Field(1.0, ge=1, le=100, description=(
        "Capacity reduction of deduplication on the yearly growth (new versions and formats "
        "share most of their blocks with what is kept; unique masters deduplicate poorly, so "
        "the first year's volume is not reduced): the growth is divided by it. Default 1 "
        "(none)."))
    derivative_copies: int | None = Field(None, ge=1, le=100, description=(
        "How many of the copies, counted in the order listed, hold the derivatives (access "
        "files that can be made again from the masters); the other copies keep masters and "
        "3D data only. Default: every copy."))
    pue: float | None = Field(None, ge=1, le=5, description=(
        "PUE of the storage sites. Default: dataset dc.pue of each copy's country."))
    fill_rate: float | None = Field(None, gt=0, le=1, description=(
        "Share of the disk systems' raw capacity that holds data (hdd and ssd copies). "
        "Default: dataset storage.fill_rate (ADEME's 50 %, e-mail model after BioIS 2011)."))
    redundancy: float | None = Field(None, ge=1, le=4, description=(
        "Raw capacity per usable TB inside one disk copy (RAID or erasure coding; hdd and "
        "ssd copies). Default: dataset storage.redundancy (RAID 6 of 10 + 2 drives, 1.2, "
        "estimate). Tape copies use neither: cartridges are written full, without parity."))


class Dissemination(Model):
    """Online viewing of the digitised items."""

    views_per_year: float = Field(ge=0, le=1e12, description="Views per year, multiplied "
                                  "by the dissemination's own years (not by the project's "
                                  "reporting period).")
    mb_per_view: QuantityField("MB", ge=0, le=1e5, description="Data per view "
                               "(viewer tiles, images, mesh).")
    years: int | None = Field(None, ge=0, le=200, description="Years of viewing, the "
                              "campaign's own horizon. Default: storage.years.")
    network_mix: TransferNetworkMix = Field(
        TransferNetworkMix(fixed=0.8, mobile=0.2), description=(
            "Share of the traffic per network. Default 80 % fixed / 20 % mobile "
            "(assumption)."))
    minutes_per_view: QuantityField("minute", ge=0, le=1e4, description=(
        "Viewers' device time per view; without it, device time is not counted.")
    ) | None = None
    viewer_device: Literal["laptop", "desktop", "tablet", "smartphone"] = "laptop"
