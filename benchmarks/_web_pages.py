"""The pages both web-method benchmarks time: seeded random draws shaped like HTTP Archive
pages (log-normal page weight around 2.4 MB, DOM nodes around 700, requests around 80)."""

from __future__ import annotations

import numpy as np


def web_pages(pages: int):
    """(bytes, DOM nodes, requests, size in kB) of ``pages`` pages, seeded."""
    rng = np.random.default_rng(20240601)
    data_bytes = rng.lognormal(mean=np.log(2.4e6), sigma=1.0, size=pages)
    nodes = np.rint(rng.lognormal(mean=np.log(700), sigma=0.8, size=pages))
    requests = np.rint(rng.lognormal(mean=np.log(80), sigma=0.7, size=pages))
    return data_bytes, nodes, requests, data_bytes / 1000.0
