"""``footprint measure [options] -- COMMAND …`` and ``footprint measure --import FILE``."""

from __future__ import annotations

import argparse
import json
import sys


def register(sub) -> None:
    m = sub.add_parser(
        "measure", help="measure a command's energy with CodeCarbon (offline), or import "
        "CodeCarbon's emissions.csv, and optionally add it to a project",
        description="Measure the energy of COMMAND with CodeCarbon's offline tracker, or "
        "import the runs of an emissions.csv. With --project and --service the result is "
        "added to the project as a 'measured' service.")
    m.add_argument("--project", metavar="P", help="project file to add the measurement to")
    m.add_argument("--service", metavar="S", help="name of the 'measured' service to add it "
                   "to (created if absent); needed with --project")
    m.add_argument("--per-item", type=float, metavar="N", help="items the command processes "
                   "(pages, files…): the result is also given per item")
    m.add_argument("--items", type=float, metavar="M", help="items processed over the "
                   "project's period: the measurement is scaled by M / N (needs --per-item)")
    m.add_argument("--runs", type=float, default=1.0, help="times the job runs over the "
                   "project's period (default 1)")
    m.add_argument("--tier", default="data_centres", choices=("data_centres", "onsite",
                   "user_devices", "networks"), help="where the job runs (default "
                   "data_centres: a server)")
    m.add_argument("--country", default=None, help="ISO country of the machine's "
                   "electricity (default: the project's hosting country, else FR)")
    m.add_argument("--name", help="name of the measurement (default: the command)")
    m.add_argument("--import", dest="import_csv", metavar="FILE", help="import the runs of a "
                   "CodeCarbon emissions.csv instead of running a command")
    m.add_argument("--save-csv", metavar="DIR", help="also write CodeCarbon's emissions.csv "
                   "in DIR (nothing is written otherwise)")
    m.add_argument("--output", metavar="FILE", help="write the updated project there "
                   "(default: update the --project file in place)")
    m.add_argument("--format", choices=("text", "json"), default="text",
                   help="how to print the measurement")
    m.add_argument("command", nargs=argparse.REMAINDER, help="the command to measure, "
                   "after `--`")
    m.set_defaults(func=_cmd_measure)


def _cmd_measure(args) -> int:
    from ..errors import ProjectError
    from ..files import read_project, write_project
    from ..measure import add_measurements, measure_command, read_emissions_csv

    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if args.project and not args.service:
        raise ProjectError("--project needs --service (the measured service to add to)",
                           path="--service")
    if args.items is not None and args.per_item is None:
        raise ProjectError("--items scales a per-item measurement: give --per-item too",
                           path="--items", value=args.items)
    project = read_project(args.project) if args.project else None
    country = args.country or (project.hosting_country if project else "FR")
    status = 0
    if args.import_csv:
        if command:
            raise ProjectError("give either --import FILE or a command, not both",
                               path="--import")
        measurements = read_emissions_csv(args.import_csv, name=args.name)
    else:
        if not command:
            raise ProjectError("no command to measure: `footprint measure [options] -- "
                               "COMMAND …`, or --import FILE", path="command")
        status, measurement = measure_command(command, name=args.name, country=country,
                                              items=args.per_item, save_dir=args.save_csv)
        measurements = [measurement]
    _print(measurements, args.format)
    if status != 0:
        print(f"footprint: the command exited with status {status}; nothing added to the "
              "project", file=sys.stderr)
        return status
    if project is not None:
        region = country.upper() if args.country else None
        updated = add_measurements(project, args.service, measurements, tier=args.tier,
                                   region=region, items=args.items, runs=args.runs)
        target = args.output or args.project
        write_project(updated, target)
        print(f"added {len(measurements)} measurement(s) to service {args.service!r} in "
              f"{target}", file=sys.stderr)
    return 0


def _print(measurements, fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([{"name": m.name, "energy_kwh": m.energy_kwh,
                           "cpu_energy_kwh": m.cpu_energy_kwh,
                           "gpu_energy_kwh": m.gpu_energy_kwh,
                           "ram_energy_kwh": m.ram_energy_kwh, "duration_s": m.duration_s,
                           "energy_per_item_kwh": m.energy_per_item_kwh, "items": m.items,
                           "method": m.method, "tracking": m.tracking,
                           "codecarbon_emissions_kgco2e": m.emissions_kgco2e,
                           "country": m.country, "tool": m.tool, "run_id": m.run_id,
                           "timestamp": m.timestamp} for m in measurements], indent=2))
        return
    for m in measurements:
        per_item = (f"\n  per item:  {m.energy_per_item_kwh * 1000:.6g} Wh ({m.items:g} items)"
                    if m.energy_per_item_kwh is not None else "")
        label = {"hardware": "hardware counters", "estimate": "ESTIMATE (CodeCarbon's power "
                 "model: no energy counter on this machine)",
                 "not_recorded": "not recorded in the file"}[m.method]
        print(f"{m.name}\n  energy:    {m.energy_kwh * 1000:.6g} Wh (cpu "
              f"{m.cpu_energy_kwh * 1000:.4g}, gpu {m.gpu_energy_kwh * 1000:.4g}, ram "
              f"{m.ram_energy_kwh * 1000:.4g})\n  duration:  {m.duration_s:.3g} s{per_item}"
              f"\n  method:    {label}" + (f" [{m.tracking}]" if m.tracking else "")
              + f"\n  {m.tool or 'tool not recorded'}, run {m.run_id or '?'}")
