#!/usr/bin/env bash
# scripts/dev.sh run  -> set up (once) and start the app on http://127.0.0.1:${PORT:-8501}
# scripts/dev.sh test -> set up (once, incl. Debian's chromium and PostgreSQL) and run every test
# scripts/dev.sh bench -> set up and run the benchmarks
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}; PY="$VENV/bin/python"
export PIP_DISABLE_PIP_VERSION_CHECK=1 CODECARBON_LOG_LEVEL=${CODECARBON_LOG_LEVEL:-error}

ensure_venv() {   # (re)install only when requirements.txt or pyproject.toml changed
  [ -x "$PY" ] || python3 -m venv "$VENV"
  local stamp="$VENV/.req-stamp"
  if [ ! -f "$stamp" ] || ! cat requirements.txt pyproject.toml | cmp -s - "$stamp"; then
    "$PY" -m pip install -q -r requirements.txt
    "$PY" -m pip install -q --no-deps -e .
    cat requirements.txt pyproject.toml > "$stamp"
  fi
}

ensure_chromium() {   # Playwright cannot download its browser here: use Debian's
  command -v chromium >/dev/null 2>&1 && return
  local SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    chromium fonts-liberation >/dev/null
}

ensure_postgres() {   # the workspace tests start a throwaway server from Debian's binaries
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return
  local SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    postgresql >/dev/null
}

ensure_pango() {   # WeasyPrint (PDF report) draws text with Debian's pango
  ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' && return
  local SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation >/dev/null
}

case "${1:-}" in
  run)   ensure_venv; ensure_pango; exec "$PY" -m streamlit run app.py --server.port "${PORT:-8501}" ;;
  test)  ensure_venv; ensure_chromium; ensure_postgres; ensure_pango; shift; exec "$PY" -m pytest "$@" ;;
  bench) ensure_venv; ensure_pango; shift; for b in benchmarks/bench_*.py; do "$PY" "$b"; done ;;
  *)     echo "usage: $0 run|test|bench [pytest args]" >&2; exit 2 ;;
esac
