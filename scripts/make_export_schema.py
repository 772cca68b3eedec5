"""Write docs/result.schema.json, the published JSON Schema of ``footprint export --format json``.

Run after changing :mod:`footprint.export.json_export`; a test checks the copy is current.
"""

import json
from pathlib import Path

from footprint.export import json_schema

OUT = Path(__file__).resolve().parent.parent / "docs" / "result.schema.json"

if __name__ == "__main__":
    OUT.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    print(f"wrote {OUT}")
