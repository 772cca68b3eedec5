"""The ``digitisation_campaign`` kind: digitising a collection (pages, photographs,
maps, objects in 3D), keeping the files for a number of years and showing them online.

The figures cover the whole campaign: capture and processing once, then ``years`` of
storage and of dissemination. They are totals over the campaign's own years, as entered:
the project's reporting period does not scale them (``views_per_year`` is multiplied by
the dissemination's own years).

- **Capture** (tier ``onsite``, the venue's country, ``Context.venue``): hours = items
  ÷ items per hour; electricity = station power × hours; the station's manufacture is
  allocated by use (hours over lifetime × daily use, or calendar time, per
  ``options.allocation``) with the dataset's ``device.scanner`` capture-station proxy by
  default.
- **Files**: raster masters from size × ppi × bit depth (uncompressed TIFF,
  :func:`._digitisation_kernels.raster_mb`) divided by the format's compression ratio,
  or given in MB; derivatives likewise (scaled); 3D objects store their RAW photo set
  (photos × MB per photo) and their mesh.
- **Processing** (tier ``data_centres`` with PUE, or ``onsite`` in the venue's
  country): OCR pages ÷ pages per core-hour × W per core; derivatives by core-seconds;
  photogrammetry by kWh per object or a measured total.
- **Storage**, the whole storage system per usable TB-year: usable TB-years = Σ over
  the years of the stored volume growing by ``yearly_growth``, times the copies; a disk
  copy (HDD, SSD) holds raw TB-years = usable × ``redundancy`` (RAID/erasure overhead)
  ÷ ``fill_rate`` (share of the raw capacity that holds data); a tape copy holds its
  usable volume. Per copy, electricity = raw TB-years × the whole system's Wh per raw
  TB-hour (``storage.<media>.energy``: a storage server with its CPU, RAM and fans, not
  the drives alone) × 8,760 h × PUE in the copy's country, and embodied = raw TB-years ×
  ``storage.<media>.embodied`` on the same server boundary.
- **Dissemination**: views × MB per view over networks and from a data centre
  (:func:`footprint.inventory.transfer`) with the web serving energy ``dc.web.energy``
  (Sustainable Web Design v4, facility included: online images are web serving) and the
  image servers' manufacture per GB (``dc.web.embodied``, SWD v4's data-centre embodied
  share, as for shared/cloud web hosting), and optionally the viewers' device time; networks and devices in the audience's country.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from pydantic import Field

from ..inventory import (QUANTITY_COLUMNS, concat, device_share, device_time, quantities,
                         resolve, rows, transfer)
from ..schema.base import ServiceBase
from . import _digitisation_kernels as k
from ._digitisation_models import (
    RASTER_FIELDS,
    ArchiveStorage,
    CaptureStation,
    DigitisationProcessing,
    Dissemination,
    ItemGroup,
)
from ._common import WEB_EMBODIED_CODE, floats, reporting_basis
from ._mixes import mix_columns
from ._venue_devices import electricity_rows, embodied_rows

KIND = "digitisation_campaign"


class Service(ServiceBase):
    """A digitisation campaign with its storage and dissemination."""

    kind: Literal["digitisation_campaign"] = "digitisation_campaign"
    items: list[ItemGroup] = Field(min_length=1)
    capture: CaptureStation = CaptureStation()
    processing: DigitisationProcessing = DigitisationProcessing()
    storage: ArchiveStorage
    dissemination: Dissemination | None = None


def _default(groups, field, key):
    """Entered values of ``field`` with per-type defaults from ITEM_DEFAULTS[type][key]."""
    return floats([getattr(g, field) if getattr(g, field) is not None
                   else k.ITEM_DEFAULTS[g.type].get(key, np.nan) for _, g in groups])


def inventory(services, paths, ctx):
    """Rows for all the digitisation campaigns of a project."""
    reg = ctx.registry
    name = np.array([s.name for s in services], dtype=object)
    venue = np.array([ctx.venue(s) for s in services], dtype=object)
    audience = np.array([ctx.audience(s) for s in services], dtype=object)
    network = np.array([ctx.network(s) for s in services], dtype=object)
    hosting = np.array([ctx.hosting(s) for s in services], dtype=object)
    n = len(services)
    groups = [(i, g) for i, s in enumerate(services) for g in s.items]
    gi = np.array([i for i, _ in groups])
    gname = name[gi]
    label = np.array([g.name or g.type for _, g in groups], dtype=object).astype(str)
    count = floats([g.count for _, g in groups])
    is3d = np.array([g.type == "object_3d" for _, g in groups], dtype=bool)
    horizon = [max(s.storage.years, (s.dissemination.years or s.storage.years)
                   if s.dissemination else 0) for s in services]
    frames, qs = [], [reporting_basis(ctx, name, per_year=False, horizon_years=horizon)]

    # -- files ------------------------------------------------------------------------
    raw_mb = k.raster_mb(_default(groups, "width", "width"), _default(groups, "height", "height"),
                         _default(groups, "ppi", "ppi"), _default(groups, "bit_depth", "bits"))
    ratio = floats([k.RATIOS[g.master_format][0] for _, g in groups])
    master = floats([g.master_mb for _, g in groups])
    master = np.where(np.isnan(master), np.where(is3d, 0.0, raw_mb / ratio), master)
    ders = [(j, d) for j, (_, g) in enumerate(groups) for d in g.derivatives]
    der_mb = np.zeros(len(groups))
    if ders:
        dj = np.array([j for j, _ in ders])
        size = floats([d.size_mb for _, d in ders])
        computed = raw_mb[dj] * floats([d.scale ** 2 / k.RATIOS[d.format][0] for _, d in ders])
        der_mb = np.bincount(dj, np.where(np.isnan(size), computed, size), len(groups))
    photos = np.where(is3d, _default(groups, "photos_per_item", "photos"), 0.0)
    photo_set_mb = photos * np.where(is3d, _default(groups, "mb_per_photo", "mb_per_photo"), 0)
    mesh = np.where(is3d, _default(groups, "mesh_mb", "mesh_mb"), 0.0)
    item_mb = master + der_mb + photo_set_mb + mesh
    stored_tb = np.bincount(gi, count * item_mb / 1e6, n)
    derivative_tb = np.bincount(gi, count * der_mb / 1e6, n)
    r2 = ~is3d
    fmt_src = np.array([k.RATIOS[g.master_format][1] if g.master_mb is None else "entered"
                        for _, g in groups], dtype=object)
    qs += [quantities(gname, np.char.add("items: ", label), count, "item", "entered"),
           quantities(gname[r2], np.char.add("uncompressed size per item: ", label[r2]),
                      raw_mb[r2], "MB", [_size_source(g) for _, g in groups if g.type
                                          != "object_3d"]),
           quantities(gname[r2], np.char.add("master size per item: ", label[r2]), master[r2],
                      "MB", fmt_src[r2]),
           quantities(gname, np.char.add("derivatives per item: ", label), der_mb, "MB",
                      "computed from entered formats and scales, or entered sizes"),
           quantities(gname[is3d], np.char.add("3D photo set + mesh per item: ", label[is3d]),
                      photo_set_mb[is3d] + mesh[is3d], "MB",
                      [_3d_source(g) for _, g in groups if g.type == "object_3d"]),
           quantities(name, "stored volume (first year)", stored_tb, "TB",
                      "computed: Σ items × (master + derivatives + 3D photo set + mesh)")]

    # -- capture ----------------------------------------------------------------------
    per_hour = _default(groups, "items_per_hour", "per_hour")
    hours = k.capture_hours(count, per_hour)
    cap = [s.capture for s in services]
    dev = np.array([c.device for c in cap], dtype=object).astype(str)
    dcode = np.char.add("device.", dev)
    power, p_src = resolve(reg, np.char.add(dcode, ".power"), "W", venue,
                           floats([c.power for c in cap]))
    life, l_src = resolve(reg, np.char.add(dcode, ".lifetime"), "year", venue,
                          floats([c.lifetime for c in cap]))
    daily, d_src = resolve(reg, np.char.add(dcode, ".daily_use"), "hour/day", venue,
                           floats([c.daily_use for c in cap]))
    gpower = floats([g.capture_power for _, g in groups])
    gpower = np.where(np.isnan(gpower), power[gi], gpower)
    cap_kwh = gpower * hours / 1000.0
    svc_hours = np.bincount(gi, hours, n)
    share = device_share(reg, dev, svc_hours, venue, ctx.allocation, lifetime_years=life,
                         daily_use_h=daily)
    frames += [electricity_rows(service=gname, component=np.char.add("capture: ", label),
                                kwh=cap_kwh, region=venue[gi]),
               embodied_rows(service=name, component="capture station", device=dev,
                             devices=share, region=venue)]
    qs += [quantities(gname, np.char.add("capture throughput: ", label), per_hour, "item/h",
                      [k.ITEM_DEFAULTS[g.type]["rate_source"] if g.items_per_hour is None
                       else "entered" for _, g in groups]),
           quantities(gname, np.char.add("capture hours: ", label), hours, "h",
                      "computed: items ÷ items per hour"),
           quantities(gname, np.char.add("capture electricity: ", label), cap_kwh, "kWh",
                      "computed"),
           quantities(name, "capture station power", power, "W", p_src),
           quantities(name, "capture station lifetime", life, "year", l_src),
           quantities(name, "capture station daily use", daily, "h/day", d_src),
           quantities(name, "capture stations allocated", share, "device",
                      f"allocation {ctx.allocation}: capture hours over the station's life")]

    # -- processing ---------------------------------------------------------------------
    pr = [s.processing for s in services]
    ocr = np.array([g.ocr if g.ocr is not None else k.ITEM_DEFAULTS[g.type]["ocr"]
                    for _, g in groups], dtype=bool)
    ocr_pages = np.bincount(gi, np.where(ocr, count, 0.0), n)
    wpc = floats([p.watts_per_core for p in pr])
    ocr_kwh = k.compute_kwh(ocr_pages, floats([p.ocr_pages_per_core_hour for p in pr]), wpc)
    n_der = np.bincount(gi, count * floats([len(g.derivatives) for _, g in groups]), n)
    der_kwh = n_der * floats([p.derivative_core_seconds for p in pr]) / 3600.0 * wpc / 1000.0
    pg_item = np.where(is3d, _default(groups, "photogrammetry_kwh_per_item",
                                      "photogrammetry_kwh"), 0.0)
    pg_kwh = np.bincount(gi, count * pg_item, n)
    measured = floats([p.photogrammetry_kwh for p in pr])
    pg_kwh = np.where(np.isnan(measured), pg_kwh, measured)
    in_dc = np.array([p.location == "data_centre" for p in pr], dtype=bool)
    where = np.where(in_dc, hosting, venue)
    pue, pue_src = resolve(reg, "dc.pue", "dimensionless", where)
    pue = np.where(in_dc, pue, 1.0)
    tier = np.where(in_dc, "data_centres", "onsite")
    for comp, kwh in (("OCR", ocr_kwh), ("derivatives", der_kwh),
                      ("photogrammetry", pg_kwh)):
        sel = kwh > 0
        for t in dict.fromkeys(tier[sel]):
            s2 = sel & (tier == t)
            frames.append(electricity_rows(service=name[s2], component=comp,
                                           kwh=kwh[s2] * pue[s2], region=where[s2], tier=t))
    qs += [quantities(name, "OCR pages", ocr_pages, "page", "entered"),
           quantities(name, "OCR core-hours", ocr_pages / floats(
               [p.ocr_pages_per_core_hour for p in pr]), "h",
               [k.OCR_SOURCE if p.ocr_pages_per_core_hour == k.OCR_PAGES_PER_CORE_HOUR
                else "entered" for p in pr]),
           quantities(name, "OCR electricity (IT)", ocr_kwh, "kWh", "computed"),
           quantities(name, "derivatives made", n_der, "file", "entered"),
           quantities(name, "derivatives electricity (IT)", der_kwh, "kWh", "computed"),
           quantities(name, "photogrammetry electricity (IT)", pg_kwh, "kWh",
                      np.where(np.isnan(measured), k.ITEM_DEFAULTS["object_3d"]["kwh_source"],
                               "entered (measured)")),
           quantities(name, "processing PUE", pue, "1",
                      np.where(in_dc, pue_src, "on site: no PUE"))]

    # -- storage ------------------------------------------------------------------------
    st = [s.storage for s in services]
    years = floats([s.years for s in st])
    growth = floats([s.yearly_growth / s.growth_dedup_ratio for s in st])
    tby = k.tb_years(stored_tb, years, growth)
    copies = [(i, c) for i, s in enumerate(st) for c in s.copies]
    ci = np.array([i for i, _ in copies])
    media = np.array([c.media for _, c in copies], dtype=object).astype(str)
    creg = np.array([c.country or hosting[i] for i, c in copies], dtype=object)
    counts = floats([c.count for _, c in copies])
    without = k.copies_without_derivatives(
        ci, counts, floats([np.inf if s.derivative_copies is None else s.derivative_copies
                            for s in st]))
    copy_tby = tby[ci] * counts - k.tb_years(derivative_tb, years, growth)[ci] * without
    disk = media != "tape"
    fill, fill_src = resolve(reg, "storage.fill_rate", "dimensionless", creg,
                             floats([st[i].fill_rate for i, _ in copies]))
    red, red_src = resolve(reg, "storage.redundancy", "dimensionless", creg,
                           floats([st[i].redundancy for i, _ in copies]))
    fill, red = np.where(disk, fill, 1.0), np.where(disk, red, 1.0)
    raw_tby = k.raw_tb_years(copy_tby, red, fill)
    wh, wh_src = resolve(reg, np.char.add(np.char.add("storage.", media), ".energy"),
                         "Wh/TB/hour", creg)
    cpue, cpue_src = resolve(reg, "dc.pue", "dimensionless", creg,
                             floats([st[i].pue for i, _ in copies]))
    st_kwh = k.storage_kwh(raw_tby, wh, cpue)
    comp = np.char.add("storage: ", media)
    frames += [electricity_rows(service=name[ci], component=comp, kwh=st_kwh, region=creg,
                                tier="data_centres"),
               _storage_rows(name[ci], comp, raw_tby, media, creg)]
    tape_note = "tape: cartridges written full, no parity (1)"
    qs += [quantities(name, "TB-years (one copy)", tby, "TB*year",
                      "computed: Σ over the years of the volume growing by yearly_growth "
                      "÷ growth_dedup_ratio"),
           *([quantities(name[ci], np.char.add("copies without derivatives, ", media), without,
                         "1", "derivative_copies")] if without.any() else []),
           quantities(name[ci], np.char.add("TB-years on ", media), copy_tby, "TB*year",
                      "computed: usable TB-years × copies (less the derivatives' beyond "
                      "derivative_copies)"),
           quantities(name[ci], np.char.add("storage fill rate, ", media), fill, "1",
                      np.where(disk, fill_src, tape_note)),
           quantities(name[ci], np.char.add("storage redundancy (raw per usable TB), ", media),
                      red, "1", np.where(disk, red_src, tape_note)),
           quantities(name[ci], np.char.add("raw TB-years on ", media), raw_tby, "TB*year",
                      "computed: usable TB-years × copies × redundancy ÷ fill rate"),
           quantities(name[ci], np.char.add("storage energy per TB-hour, ", media), wh,
                      "Wh/TB/h", wh_src),
           quantities(name[ci], np.char.add("storage PUE, ", media), cpue, "1", cpue_src),
           quantities(name[ci], np.char.add("storage electricity, ", media), st_kwh, "kWh",
                      "computed: raw TB-years × Wh/TB/h × 8,760 h × PUE")]

    # -- dissemination ------------------------------------------------------------------
    ds = [(i, s.dissemination, s.storage.years) for i, s in enumerate(services)
          if s.dissemination]
    if ds:
        di = np.array([i for i, _, _ in ds])
        years = floats([d.years if d.years is not None else y for _, d, y in ds])
        views = floats([d.views_per_year for _, d, _ in ds]) * years
        gb = views * floats([d.mb_per_view for _, d, _ in ds]) / 1000.0
        wh_gb, wh_src = resolve(reg, "dc.web.energy", "Wh/GB", hosting[di])
        frames.append(transfer(ctx, service=name[di], data_gb=gb,
                               network_shares=mix_columns([d.network_mix for _, d, _ in ds]),
                               region=network[di], hosting_region=hosting[di],
                               serving_wh_per_gb=wh_gb, component_network="online viewing",
                               component_dc="image servers"))
        # the image servers' manufacture per GB served, as shared/cloud web hosting's
        served = gb > 0
        if served.any():
            frames.append(rows(service=name[di][served],
                               component="image servers (manufacture, per GB)",
                               tier="data_centres", flow="data", amount=gb[served],
                               factor_code=WEB_EMBODIED_CODE, region=hosting[di][served]))
        minutes = floats([d.minutes_per_view for _, d, _ in ds])
        seen = ~np.isnan(minutes)
        if seen.any():
            device = np.array([d.viewer_device for _, d, _ in ds], dtype=str)
            frames.append(device_time(ctx, service=name[di][seen], component="viewers' devices",
                                      tier="user_devices", device=device[seen],
                                      hours=views[seen] * minutes[seen] / 60.0,
                                      region=audience[di][seen]))
        qs += [quantities(name[di], "views", views, "view", "entered: views per year × years"),
               quantities(name[di], "data viewed", gb, "GB",
                          "computed: views × MB per view"),
               quantities(name[di], "serving energy per GB (facility included)", wh_gb,
                          "Wh/GB", wh_src),
               quantities(name[di], "serving electricity", gb * wh_gb / 1000.0, "kWh",
                          "computed: data viewed × serving energy per GB"),
               quantities(name[di], "viewer device hours", np.where(seen, views * np.nan_to_num(
                   minutes) / 60.0, 0.0), "h",
                   np.where(seen, "entered minutes per view",
                            "not counted: minutes_per_view not given"))]
    return concat(frames), concat(qs, QUANTITY_COLUMNS)


def _3d_source(group) -> str:
    d = k.ITEM_DEFAULTS["object_3d"]
    parts = [("photos_per_item", "photos_source"), ("mb_per_photo", "photo_mb_source"),
             ("mesh_mb", "mesh_source")]
    used = [d[key] for field, key in parts if getattr(group, field) is None]
    return "; ".join(used) if used else "entered"


def _size_source(group) -> str:
    if all(getattr(group, f) is None for f in RASTER_FIELDS):
        return k.ITEM_DEFAULTS[group.type]["size_source"]
    return "entered (missing ones per type: " + k.ITEM_DEFAULTS[group.type]["size_source"] + ")"


def _storage_rows(service, component, tb_year, media, region):
    """Embodied storage rows: TB-years × ``storage.<media>.embodied``."""
    return rows(service=service, component=component, tier="data_centres", flow="storage",
                amount=tb_year, factor_code=np.char.add(np.char.add("storage.", media),
                                                        ".embodied"), region=region)
