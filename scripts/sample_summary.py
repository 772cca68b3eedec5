"""Write sample_projects/README.md: each sample with its headline result.

Run: ``.venv/bin/python scripts/sample_summary.py`` after changing a sample or the data.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import footprint  # noqa: E402


def story(path: Path) -> str:
    """First comment line of the sample's header."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") and line.strip("# ").strip():
            return line.strip("# ").strip()
    return ""


def main() -> None:
    lines = ["# Sample projects", "",
             "Realistic examples, one per service kind at least. Each file's comment header tells "
             "its story and where its numbers come from. This page is written by "
             "`scripts/sample_summary.py` from `footprint.assess` with the bundled factors; do not "
             "edit it by hand.", "",
             "| file | kinds | story | climate change | per functional unit | largest stage × tier |",
             "|---|---|---|---:|---|---|"]
    for path in sorted((ROOT / "sample_projects").glob("*.yaml")):
        project = footprint.read_project(path)
        result = footprint.assess(project)
        total = result.total().to("tCO2e").magnitude
        per = ""
        if project.functional_unit is not None:
            grams = result.per_functional_unit().to("gCO2e").magnitude
            amount = f"{grams / 1000:,.3g} kgCO2e" if grams >= 1000 else f"{grams:,.3g} gCO2e"
            per = f"{amount} per {project.functional_unit.name}"
        cells = result.breakdown(("stage", "tier")).stack()
        top = cells.idxmax()
        share = cells.max() / cells.sum()
        kinds = ", ".join(sorted({s.kind for s in project.services}))
        lines.append(f"| [{path.name}]({path.name}) | {kinds} | {story(path)} | "
                     f"{total:,.3g} tCO2e | {per} | {top[0]} × {top[1]} ({share:.0%}) |")
    (ROOT / "sample_projects" / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
