"""Our web methods against their reference packages, in one run (figures, not pass/fail).

- SWD v4 ``per_byte`` total over an array of pages (``footprint.methods.swd``) against
  CO2.js's own ``perByte`` called in a plain loop in Node (npm ``@tgwf/co2``), on the same
  page weights;
- Ecoindex over arrays (``footprint.methods.ecoindex.compute``) against
  ``ecoindex-compute``'s ``compute_ecoindex``, one page at a time as that package works;
- the values of both on the first pages, side by side (they must agree).

The references are installed on demand, never in CI: CO2.js into
``benchmarks/.reference/`` (git-ignored) with ``npm install @tgwf/co2@0.19.0``, and
``ecoindex-compute`` with ``pip install -e '.[bench]'``. Times are CPU times of the process
(Node's ``process.cpuUsage``, Python's ``time.process_time``), best of 5, so that other
work on the machine counts less.

Run: ``python benchmarks/bench_web_references.py [pages]``
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from _timing import best  # noqa: E402
from _web_pages import web_pages  # noqa: E402

REFERENCE = HERE / ".reference"
CO2JS = "@tgwf/co2@0.19.0"

NODE_LOOP = r"""
const fs = require("fs");
const { co2 } = require(process.argv[2]);
const buf = fs.readFileSync(process.argv[3]);
const bytes = new Float64Array(buf.buffer, buf.byteOffset, buf.length / 8);
const model = new co2({ model: "swd", version: 4 });
let best = Infinity, out = new Float64Array(bytes.length);
for (let r = 0; r < 5; r++) {
  const t = process.cpuUsage();
  for (let i = 0; i < bytes.length; i++) out[i] = model.perByte(bytes[i]);
  const c = process.cpuUsage(t);
  best = Math.min(best, (c.user + c.system) / 1000);
}
console.log(JSON.stringify({ ms: best, first: Array.from(out.slice(0, 5)) }));
"""


def best_cpu_ms(function, repeat: int = 5):
    """(best CPU time of ``repeat`` calls [ms], the result)."""
    return best(function, repeat=repeat, clock=time.process_time)


def co2js(data_bytes: np.ndarray):
    """(ms for all pages, first five totals) from CO2.js in Node, or None without it."""
    node, npm = shutil.which("node"), shutil.which("npm")
    package = REFERENCE / "node_modules" / "@tgwf" / "co2"
    if node is None:
        return None
    if not package.exists() and npm is not None:
        REFERENCE.mkdir(exist_ok=True)
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--silent", CO2JS],
                       cwd=REFERENCE, check=False)
    if not package.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        pages, script = Path(tmp) / "bytes.f64", Path(tmp) / "loop.js"
        pages.write_bytes(np.ascontiguousarray(data_bytes, dtype="<f8").tobytes())
        script.write_text(NODE_LOOP, encoding="utf-8")
        run = subprocess.run([node, str(script), str(package), str(pages)],
                             capture_output=True, text=True, check=True)
    result = json.loads(run.stdout)
    return result["ms"], result["first"]


def ecoindex_compute(nodes, requests, size_kb):
    """(ms per page, first five (score, grade, ges, water)) from ecoindex-compute."""
    try:
        from ecoindex.compute import compute_ecoindex
    except ImportError:
        return None

    async def loop():
        return [await compute_ecoindex(nodes=int(n), size=float(s), requests=int(r))
                for n, r, s in zip(nodes, requests, size_kb, strict=True)]

    ms, results = best_cpu_ms(lambda: asyncio.run(loop()), repeat=3)
    return ms / len(nodes), [(r.score, r.grade, r.ges, r.water) for r in results[:5]]


def main(pages: int = 1_000_000) -> None:
    from footprint.methods import ecoindex, swd

    data_bytes, nodes, requests, size_kb = web_pages(pages)
    print(f"numpy {np.__version__}, {pages:,} pages, CPU time, best of 5")

    ours_ms, ours = best_cpu_ms(lambda: swd.per_byte(data_bytes).total_gco2e)
    print(f"SWD v4 per_byte, footprint (arrays):     {1e6 * ours_ms / pages:8.1f} ns/page")
    ref = co2js(data_bytes)
    if ref is None:
        print("SWD v4 per_byte, CO2.js: Node or the npm package is not available")
    else:
        ref_ms, first = ref
        print(f"SWD v4 per_byte, CO2.js loop in Node:    {1e6 * ref_ms / pages:8.1f} ns/page "
              f"(footprint {ref_ms / ours_ms:.1f}x faster)")
        print(f"  first pages, footprint: {[float(x) for x in ours[:5]]}")
        print(f"  first pages, CO2.js:    {first}")
        assert np.allclose(ours[:5], first, rtol=1e-12, atol=0.0), "SWD values differ"

    eco_ms, eco = best_cpu_ms(lambda: ecoindex.compute(nodes, requests, size_kb))
    print(f"Ecoindex, footprint (arrays):            {1e6 * eco_ms / pages:8.1f} ns/page")
    sample = min(pages, 20_000)
    ref = ecoindex_compute(nodes[:sample], requests[:sample], size_kb[:sample])
    if ref is None:
        print("Ecoindex, ecoindex-compute is not installed (pip install -e '.[bench]')")
        return
    ref_ms_page, first = ref
    print(f"Ecoindex, ecoindex-compute loop:         {1e6 * ref_ms_page:8.1f} ns/page "
          f"({sample:,} pages; footprint {1e6 * ref_ms_page / (1e6 * eco_ms / pages):.0f}x "
          f"faster)")
    mine = [(float(s), str(g), float(c), float(w)) for s, g, c, w in zip(
        eco.score[:5], eco.grade[:5], eco.ghg_gco2e[:5], eco.water_cl[:5], strict=True)]
    print(f"  first pages, footprint:         {mine}")
    print(f"  first pages, ecoindex-compute:  {first}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
