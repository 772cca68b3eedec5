"""Where factor datasets live: the bundled package, and a user data directory for updates.

- the bundled ``emission_factors`` package (shipped, read-only once installed);
- the user data directory: ``$FOOTPRINT_DATA_DIR`` if set, else the platform's user data
  folder (``platformdirs``: ``~/.local/share/footprint/emission_factors`` on Linux).

The default registry reads both. ``footprint factors update`` writes to an explicit
``--data-dir``, else ``$FOOTPRINT_DATA_DIR``, else the bundled folder when it is writable
(a source checkout), else the user data directory (an installed package).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ENV_DATA_DIR", "user_data_dir", "dataset_folders", "update_target"]

ENV_DATA_DIR = "FOOTPRINT_DATA_DIR"


def user_data_dir() -> Path:
    """The user data directory for updated datasets (it may not exist yet)."""
    configured = os.environ.get(ENV_DATA_DIR, "").strip()
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("footprint", appauthor=False)) / "emission_factors"


def dataset_folders(root: Path) -> list[Path]:
    """Dataset folders directly under ``root`` (hidden ones, being written, are skipped)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir()
                  if not p.name.startswith(".") and (p / "metadata.yaml").is_file())


def _writable(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.W_OK | os.X_OK)


def update_target(data_dir: str | Path | None = None) -> Path:
    """Folder where an update writes its new dataset (see the module docstring)."""
    from .registry import bundled_path

    if data_dir is not None:
        return Path(data_dir).expanduser()
    if os.environ.get(ENV_DATA_DIR, "").strip():
        return user_data_dir()
    bundled = bundled_path()
    return bundled if _writable(bundled) else user_data_dir()
