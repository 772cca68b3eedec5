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
from .files import parse_project, parse_upload, read_project, to_json, to_yaml, write_project
from .portfolio import PortfolioAssessment, assess_many
from .portfolio_files import read_portfolio
from .recommendations import suggest
from .schema import Project

__version__ = "0.1.0"

__all__ = ["__version__", "assess", "Assessment", "compare", "Comparison", "suggest",
           "assess_many", "PortfolioAssessment", "read_portfolio", "Project", "read_project",
           "parse_project", "parse_upload", "write_project", "to_yaml", "to_json",
           "default_registry", "FactorRegistry", "FootprintError", "ProjectError",
           "UnknownFactorError", "UnitError", "DatasetError", "FactorUpdateError",
           "MeasurementUnavailable", "Notice"]
