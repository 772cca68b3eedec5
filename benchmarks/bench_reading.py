"""Timings of reading untrusted input (figures, not pass/fail).

- loading a 10,000-service project text: YAML with libyaml's C parser (what
  ``footprint.loaders.load_yaml`` uses) against PyYAML's pure-Python safe loader (what
  footprint used before issue 9), and JSON;
- loading + validating it (``parse_project``): issue 14 needs 10,000 services in 1 s;
- the slowest hostile inputs of issue 9 (long whitespace runs in quantities, a 4 MB value,
  200,000 unknown keys, a 5,001-digit integer), refused: time to the refusal.

Run: ``.venv/bin/python benchmarks/bench_reading.py`` (CPU time, best of 3, so that other
work on the machine does not count).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def best(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times) * 1000


def project(n: int) -> dict:
    services = []
    for i in range(n):
        if i % 2:
            services.append({"name": f"video {i}", "kind": "video_streaming",
                             "hours_viewed": f"{100 + i} h",
                             "quality_mix": {"hd": 0.7, "sd": 0.3}})
        else:
            services.append({"name": f"db {i}", "kind": "custom", "components": [
                {"name": "server", "tier": "data_centres", "activities": [
                    {"factor": "electricity", "amount": f"{i + 1} kWh"},
                    {"factor": "network.fixed", "amount": "3 GB"}]}]})
    return {"name": "Bench", "audience_country": "FR", "services": services}


def refusal_ms(text: str, fmt: str) -> float:
    from footprint import ProjectError, parse_project

    def run():
        try:
            parse_project(text, fmt)
        except ProjectError:
            return
        raise AssertionError("accepted")

    return best(run)


def main() -> None:
    import yaml

    from footprint import parse_project
    from footprint.loaders import load_json, load_yaml

    data = project(10_000)
    yaml_text = yaml.safe_dump(data, sort_keys=False)
    json_text = json.dumps(data)
    print(f"10,000 services: YAML {len(yaml_text) / 1e6:.1f} MB, JSON {len(json_text) / 1e6:.1f} MB"
          f" (libyaml: {yaml.__with_libyaml__})")
    print(f"  load YAML, pure-Python SafeLoader (before): "
          f"{best(lambda: yaml.load(yaml_text, Loader=yaml.SafeLoader)):8.0f} ms")  # noqa: S506
    print(f"  load YAML, footprint.loaders (C parser):   "
          f"{best(lambda: load_yaml(yaml_text)):8.0f} ms")
    print(f"  load JSON, json.loads:                      "
          f"{best(lambda: json.loads(json_text)):8.0f} ms")
    print(f"  load JSON, footprint.loaders:               "
          f"{best(lambda: load_json(json_text)):8.0f} ms")
    print(f"  parse_project YAML (load + validate):       "
          f"{best(lambda: parse_project(yaml_text)):8.0f} ms")
    print(f"  parse_project JSON (load + validate):       "
          f"{best(lambda: parse_project(json_text, 'json')):8.0f} ms")

    svc = '{"name": "v", "kind": "video_streaming", "hours_viewed": "%s"}'
    hostile = {
        "quantity '1 x' + 200,000 spaces + 'y'": (
            '{"name": "P", "services": [' + svc % ("1 x" + " " * 200_000 + "y") + "]}", "json"),
        "quantity '8 h' + 300,000 spaces + 'h'": (
            '{"name": "P", "services": [' + svc % ("8 h" + " " * 300_000 + "h") + "]}", "json"),
        "a 4 MB audience_country": (
            json.dumps({"name": "P", "audience_country": "x" * 4_000_000, "services": []}),
            "json"),
        "200,000 unknown keys": (
            json.dumps({"name": "P", "services": [], **{f"k{i}": 1 for i in range(200_000)}}),
            "json"),
        "a 5,001-digit integer (YAML)": ("name: P\nx: " + "9" * 5001 + "\nservices: []\n",
                                         "yaml"),
        "20,000 services (refused: at most 10,000)": (
            json.dumps(project(20_000)), "json"),
    }
    print("hostile inputs, time to the refusal:")
    for label, (text, fmt) in hostile.items():
        print(f"  {label:44} {refusal_ms(text, fmt):8.0f} ms")


if __name__ == "__main__":
    main()
