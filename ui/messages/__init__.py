"""Message catalogs of the app, one module per language (same keys in each)."""
