"""Constants of the Sustainable Web Design (SWD) model, versions 3 and 4.

Values are those of CO2.js 0.19.0 (``src/constants/index.js``,
``src/constants/file-size.js``), which implement the published SWD
methodology pages. Every mapping is read-only.

References
----------
.. [1] Sustainable Web Design, "Estimating digital emissions" (version 4),
   https://sustainablewebdesign.org/estimating-digital-emissions/
.. [2] Sustainable Web Design, "Estimating digital emissions, version 3"
   (legacy), https://sustainablewebdesign.org/estimating-digital-emissions-version-3/
.. [3] Sustainable Web Design, "Digital carbon ratings",
   https://sustainablewebdesign.org/digital-carbon-ratings/
.. [4] The Green Web Foundation, CO2.js 0.19.0 (npm ``@tgwf/co2``, Apache-2.0),
   https://github.com/thegreenwebfoundation/co2.js
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "BYTES_PER_GB",
    "CO2JS_REFERENCE_VERSION",
    "SEGMENTS",
    "SUPPORTED_VERSIONS",
    "RATING_LABELS",
    "RATING_UPPER_BOUNDS_GCO2E",
    "SWD_V4_OPERATIONAL_KWH_PER_GB",
    "SWD_V4_EMBODIED_KWH_PER_GB",
    "SWD_V4_GLOBAL_GRID_INTENSITY_GCO2E_PER_KWH",
    "SWD_V4_DEFAULT_VISIT",
    "SWD_V3_KWH_PER_GB",
    "SWD_V3_SEGMENT_SHARES",
    "SWD_V3_GLOBAL_GRID_INTENSITY_GCO2E_PER_KWH",
    "SWD_V3_RENEWABLE_GRID_INTENSITY_GCO2E_PER_KWH",
    "SWD_V3_DEFAULT_VISIT",
]

#: Version of CO2.js whose totals this package reproduces.
CO2JS_REFERENCE_VERSION = "0.19.0"

#: Decimal gigabyte used by SWD and CO2.js [bytes/GB].
BYTES_PER_GB = 1e9

#: Operational grid segments whose intensity a caller may set.
SEGMENTS = ("device", "network", "data_centre")

SUPPORTED_VERSIONS = (3, 4)

# --- SWD version 4 -----------------------------------------------------------

#: Operational energy intensity of data transfer per segment [kWh/GB].
SWD_V4_OPERATIONAL_KWH_PER_GB = MappingProxyType(
    {"data_centre": 0.055, "network": 0.059, "device": 0.080}
)

#: Embodied (hardware manufacture) energy per segment [kWh/GB].
SWD_V4_EMBODIED_KWH_PER_GB = MappingProxyType(
    {"data_centre": 0.012, "network": 0.013, "device": 0.081}
)

#: Global grid intensity fixed by SWD v4; default for operational energy and
#: always used for embodied energy [gCO2e/kWh].
SWD_V4_GLOBAL_GRID_INTENSITY_GCO2E_PER_KWH = 494.0

#: Default visit assumptions of CO2.js for v4: first-visit share, return-visit
#: share, data reload ratio (share of bytes downloaded again on a return visit,
#: ``1 - data cache ratio`` of the methodology) [1].
SWD_V4_DEFAULT_VISIT = MappingProxyType(
    {"first_visit_share": 1.0, "return_visit_share": 0.0, "data_reload_ratio": 0.0}
)

# --- SWD version 3 -----------------------------------------------------------

#: Energy intensity of the whole system (device, network, data centre and
#: hardware production) [kWh/GB].
SWD_V3_KWH_PER_GB = 0.81

#: Share of :data:`SWD_V3_KWH_PER_GB` per segment [1]. Order is the
#: summation order of CO2.js (matters only in the last bit of a float).
SWD_V3_SEGMENT_SHARES = MappingProxyType(
    {"device": 0.52, "network": 0.14, "production": 0.19, "data_centre": 0.15}
)

#: Global grid intensity for SWD v3 [gCO2e/kWh]. CO2.js reads this from the
#: ``WORLD`` row of its bundled Ember table, so it drifts with each data refresh
#: (442 -> 435.99 -> 436.33 -> 485.99 -> 480.79 -> 472.94). We pin the value of
#: CO2.js 0.17.0-0.19.0 (Ember "World", 2024); pass ``v3_global_grid_intensity``
#: to use another value.
SWD_V3_GLOBAL_GRID_INTENSITY_GCO2E_PER_KWH = 472.94

#: Data-centre intensity applied by SWD v3 to green-hosted sites [gCO2e/kWh].
SWD_V3_RENEWABLE_GRID_INTENSITY_GCO2E_PER_KWH = 50.0

#: Default visit assumptions of SWD v3 (75 % first visits, 25 % return visits
#: re-downloading 2 % of the bytes) [1].
SWD_V3_DEFAULT_VISIT = MappingProxyType(
    {"first_visit_share": 0.75, "return_visit_share": 0.25, "data_reload_ratio": 0.02}
)

# --- Digital carbon ratings --------------------------------------------------

RATING_LABELS = ("A+", "A", "B", "C", "D", "E", "F")

#: Inclusive upper bound of ratings A+ ... E per page view (a total equal to
#: the bound gets the better rating); above the last bound the rating is F
#: [gCO2e/view]. Bounds are the 5th, 10th, 20th, 30th, 40th and 50th
#: percentiles of HTTP Archive pages.
RATING_UPPER_BOUNDS_GCO2E = MappingProxyType(
    {
        3: (0.095, 0.186, 0.341, 0.493, 0.656, 0.846),
        4: (0.040, 0.079, 0.145, 0.209, 0.278, 0.359),
    }
)
