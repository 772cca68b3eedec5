"""Sample projects (YAML), installed with the package: the app opens them and
``footprint new`` takes its templates from them."""
