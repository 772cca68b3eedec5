"""footprint — environmental footprint of digital cultural services.

>>> import footprint
>>> project = footprint.read_project("sample_projects/collections_database_custom.yaml")  # doctest: +SKIP
>>> result = footprint.assess(project)                                      # doctest: +SKIP
>>> result.total("climate_change").to("tCO2e")                              # doctest: +SKIP

Importing this package reads no file and opens no connection; factor data load on
first use.
"""

from __future__ import annotations

from .assessment import Assessment
from .comparison import Comparison, compare
from .engine import assess
from .errors import (DatasetError, FactorUpdateError, FootprintError, MeasurementUnavailable,
                     Notice, ProjectError, UnitError, UnknownFactorError)
from .factors import FactorRegistry, default_registry
from .recommendations import suggest
from .schema import Project

__version__ = "0.1.0"

           "FootprintError", "ProjectError", "UnknownFactorError", "UnitError", "DatasetError",
           "FactorUpdateError", "MeasurementUnavailable", "Notice"]
