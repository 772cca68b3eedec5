"""Kernels of the ``digitisation_campaign`` kind: pure numpy functions with units in
their names, and the defaults (with their sources) that no factor dataset carries.

References
----------
Factors dossier (shared/research/factors.md) §4.4 (storage per TB-year), §7.1 (file
sizes), §7.2 (throughput), §7.3 (OCR compute); codecarbon 3.3.2 ``core/cpu.py``
(default power per core); Aquaforest, "Estimating OCR conversion processing time".
"""

from __future__ import annotations

import numpy as np

from ..inventory import HOURS_PER_YEAR

__all__ = ["raster_mb", "tb_years", "copies_without_derivatives", "capture_hours", "compute_kwh", "storage_kwh", "raw_tb_years",
           "RATIOS", "ITEM_DEFAULTS"]

#: Compression ratio (uncompressed size ÷ file size) per format, with its source.
RATIOS: dict[str, tuple[float, str]] = {
    "tiff": (1.0, "TIFF uncompressed: size = pixels × bit depth ÷ 8 (factors dossier §7.1, "
                  "AIIM / Kofax / Library of Congress formula)"),
    "jpeg2000_lossless": (2.0, "estimate: 2:1 lossless JPEG 2000, a common rule of thumb, "
                               "unsourced (factors dossier §7.1 lists it as a gap)"),
    "jpeg2000_lossy": (10.0, "estimate: 10:1 'visually lossless' JPEG 2000 (assumption, "
                             "unsourced)"),
    "jpeg": (100.0, "JPEG ≈ 1:100, a rough rule (Kofax knowledge base / AIIM blog, factors "
                    "dossier §7.1); a high-quality JPEG is nearer 1:10: give size_mb then"),
}

_INCH_PER_MM = 1.0 / 25.4

#: Defaults per item type: (width in, height in, ppi, bit depth, items per hour, sources).
ITEM_DEFAULTS: dict[str, dict] = {
    "page": dict(width=210 * _INCH_PER_MM, height=297 * _INCH_PER_MM, ppi=400.0, bits=24,
                 per_hour=120.0, ocr=True,
                 size_source="A4 at 400 ppi, 24-bit RGB = 46.4 MB (factors dossier §7.1 "
                             "table; Illinois access spec 400 dpi)",
                 rate_source="120 pages/h: overhead book scanner in colour (PARC "
                             "Bookscanner manual, factors dossier §7.2)"),
    "map": dict(width=420 * _INCH_PER_MM, height=594 * _INCH_PER_MM, ppi=400.0, bits=24,
                per_hour=10.0, ocr=False,
                size_source="A2 at 400 ppi, 24-bit RGB = 185.7 MB (factors dossier §7.1 "
                            "table, maps and posters)",
                rate_source="estimate: 10 maps/h on a large-format station, handling "
                            "included (assumption, no source found)"),
    "photograph": dict(width=36 * _INCH_PER_MM, height=24 * _INCH_PER_MM, ppi=4000.0,
                       bits=24, per_hour=30.0, ocr=False,
                       size_source="35 mm original at 4,000 ppi, 24-bit RGB = 64.3 MB "
                                   "(factors dossier §7.1 table)",
                       rate_source="estimate: 30 photographs/h on a copy stand or film "
                                   "scanner (assumption, no source found)"),
    "object_3d": dict(photos=90, mb_per_photo=40.0, mesh_mb=200.0, per_hour=0.5, ocr=False,
                      photogrammetry_kwh=1.0,
                      photos_source="90 photos: 3 elevation rings × one shot every 20° "
                                    "(Lucidea, '3D digitization in the museum', 2018; "
                                    "factors dossier §7.2)",
                      photo_mb_source="estimate: 40 MB per RAW photo (24-45 MP camera, "
                                      "25-60 MB; assumption in factors dossier §7.2)",
                      mesh_source="estimate: 200 MB of mesh + textures per object "
                                  "(assumption; 'far smaller' than the photo set, factors "
                                  "dossier §7.2)",
                      rate_source="estimate: 0.5 object/h (90 photos on a turntable plus "
                                  "set-up, about 2 h; assumption)",
                      kwh_source="estimate: 1 kWh per object (GPU workstation ≈400 W × "
                                 "2.5 h of photogrammetry; assumption, no source found)"),
}

OCR_PAGES_PER_CORE_HOUR = 1500.0
OCR_SOURCE = ("1,500 pages per core-hour: Aquaforest, 'medium' OCR job complexity (factors "
              "dossier §7.3; range 600-3,000)")
WATTS_PER_CORE = 4.0
WATTS_SOURCE = "4 W per core: codecarbon 3.3.2 DEFAULT_POWER_PER_CORE (factors dossier §4.2)"
DERIVATIVE_CORE_SECONDS = 2.0
DERIVATIVE_SOURCE = ("estimate: 2 core-seconds per derivative (decode, resize, encode of a "
                     "15-50 MP image; assumption, no source found)")


def raster_mb(width_in, height_in, ppi, bit_depth):
    """Uncompressed raster size [MB, decimal]: (w × ppi) × (h × ppi) × bit depth ÷ 8.

    Parameters
    ----------
    width_in, height_in : array
        Size of the original [inch].
    ppi : array
        Sampling resolution [pixel/inch].
    bit_depth : array
        Bits per pixel (1 bitonal, 8 grey, 24 RGB, 48 RGB 16-bit) [bit].

    References
    ----------
    AIIM community blog "Estimating the file size of a scanned image"; Kofax knowledge
    base (factors dossier §7.1). A4 at 400 ppi, 24-bit: 46.4 MB.
    """
    pixels = (np.asarray(width_in, float) * ppi) * (np.asarray(height_in, float) * ppi)
    return pixels * np.asarray(bit_depth, float) / 8.0 / 1e6


def tb_years(stored_tb, years, yearly_growth):
    """TB-years kept over ``years`` with the stored volume growing each year [TB·year].

    Year 1 holds ``stored_tb``; each following year holds ``(1 + growth)`` times the
    previous one: ``Σ_{k=0}^{N−1} V (1 + g)^k`` (= ``V × N`` without growth).

    Parameters
    ----------
    stored_tb : array
        Volume stored in the first year [TB].
    years : array of int
        Years kept [year].
    yearly_growth : array
        Growth of the stored volume per year, a fraction (0.05 = +5 %/year) [1].
    """
    years = np.asarray(years, dtype=float)
    g = np.asarray(yearly_growth, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        geometric = np.where(np.abs(g) < 1e-12, years, ((1.0 + g) ** years - 1.0) / g)
    return np.asarray(stored_tb, dtype=float) * geometric


def copies_without_derivatives(service, counts, derivative_copies):
    """Per copy entry (rows of one service in the order listed): how many of its
    ``counts`` copies do not hold the derivatives, when only the first
    ``derivative_copies`` copies of each service (one value per service, ``inf``: all)
    hold them.

    >>> copies_without_derivatives([0, 0, 1], [2, 1, 3], [1, np.inf])
    array([1., 1., 0.])
    """
    service = np.asarray(service, dtype=np.int64)
    counts = np.asarray(counts, dtype=float)
    allowed = np.asarray(derivative_copies, dtype=float)[service]
    total = np.cumsum(counts)
    # copies of the same service listed before each entry
    first = np.r_[True, service[1:] != service[:-1]]
    start = np.maximum.accumulate(np.where(first, np.arange(len(counts)), 0))
    before = total - counts - np.r_[0.0, total][start]
    held = np.clip(allowed - before, 0.0, counts)
    return counts - held


def capture_hours(items, items_per_hour):
    """Hours of capture at a throughput [h]."""
    return np.asarray(items, dtype=float) / np.asarray(items_per_hour, dtype=float)


def compute_kwh(tasks, tasks_per_core_hour, watts_per_core):
    """Electricity of CPU work [kWh]: tasks ÷ (tasks per core-hour) × W per core ÷ 1000."""
    core_hours = np.asarray(tasks, dtype=float) / np.asarray(tasks_per_core_hour, dtype=float)
    return core_hours * np.asarray(watts_per_core, dtype=float) / 1000.0


def raw_tb_years(usable_tb_year, redundancy, fill_rate):
    """Raw capacity a storage system holds for the usable TB-years [TB·year]:
    usable × redundancy (RAID/erasure overhead) ÷ fill rate (share of raw capacity used).

    References
    ----------
    ADEME ``publicodes-acv-numerique`` 2.1.0, rule ``email . … stockage``: size ×
    redundancy ÷ (server capacity × fill rate 50 %).
    """
    return (np.asarray(usable_tb_year, float) * np.asarray(redundancy, float)
            / np.asarray(fill_rate, float))


def storage_kwh(tb_year, wh_per_tb_hour, pue):
    """Storage electricity [kWh] = TB-years × Wh per TB-hour × 8,760 h ÷ 1000 × PUE."""
    return (np.asarray(tb_year, float) * np.asarray(wh_per_tb_hour, float) * HOURS_PER_YEAR
            / 1000.0 * np.asarray(pue, float))
