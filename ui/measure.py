"""The Measure page: read an uploaded CodeCarbon ``emissions.csv``, measure a job (only
where the server allows commands), and attach the runs to the open project as a
``measured`` service. The energy figures come from :mod:`footprint.measure`."""

from __future__ import annotations

import dataclasses
import os
import shlex

import pandas as pd

from footprint.measure import add_measurements, measure_command, parse_emissions_csv
from ui import state
from ui.i18n import fmt, t

__all__ = ["COMMANDS_ENV", "commands_allowed", "parse", "run", "runs_table", "attach",
           "cli_hint", "default_service"]

#: Running a command from the browser runs it on the server: off unless this is "1"
#: (a single-user app on one's own machine).
COMMANDS_ENV = "FOOTPRINT_APP_MEASURE_COMMANDS"
MAX_COMMAND = 2000


def commands_allowed() -> bool:
    return os.environ.get(COMMANDS_ENV, "").strip() == "1"


def parse(data: bytes):
    return parse_emissions_csv(data)


def run(command: str, *, per_item: float | None, country: str):
    """Measure ``command`` (split like a shell would, run without one)."""
    from footprint.errors import ProjectError

    if not commands_allowed():
        raise ProjectError(t("measure_job_disabled", env=COMMANDS_ENV), path="command")
    try:
        argv = shlex.split(command[:MAX_COMMAND])
    except ValueError as exc:
        raise ProjectError(f"{exc}", path="command", value=command[:80]) from None
    return measure_command(argv, items=per_item or None, country=country)


def runs_table(measurements) -> pd.DataFrame:
    """One row per run, labelled in the session's language."""
    return pd.DataFrame({
        t("measure_col_name"): [m.name for m in measurements],
        t("measure_col_energy"): [fmt(m.energy_kwh * 1000) for m in measurements],
        t("measure_col_cpu"): [fmt(m.cpu_energy_kwh * 1000) for m in measurements],
        t("measure_col_gpu"): [fmt(m.gpu_energy_kwh * 1000) for m in measurements],
        t("measure_col_ram"): [fmt(m.ram_energy_kwh * 1000) for m in measurements],
        t("measure_col_duration"): [fmt(m.duration_s) for m in measurements],
        t("measure_col_method"): [t(f"measure_method_{m.method}") for m in measurements],
        t("measure_col_tool"): [m.tool for m in measurements],
        t("measure_col_run"): [m.run_id for m in measurements]})


def default_service(project) -> str:
    measured = [s.name for s in project.services if s.kind == "measured"]
    return measured[0] if measured else t("measure_default_service")


def attach(measurements, *, service: str, tier: str, items_per_run: float | None,
           items: float | None, runs: float):
    """Add the runs to the open project (a new saved version); returns the new project."""
    if items_per_run:
        measurements = [dataclasses.replace(m, items=items_per_run) for m in measurements]
    project = add_measurements(state.project(), service.strip(), measurements, tier=tier,
                               items=items or None, runs=runs)
    state.set_project(project, note=t("measure_note", n=len(measurements), service=service))
    return project


def cli_hint(project_file: str = "project.yaml", service: str = "OCR") -> str:
    return (f"footprint measure --save-csv . --per-item 50 -- ./my_job.sh\n"
            f"footprint measure --project {project_file} --service \"{service}\" "
            f"--per-item 50 --items 40000 -- ./my_job.sh")
