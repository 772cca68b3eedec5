"""`import footprint` reads no file, opens no socket and loads no heavy optional package."""

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, check=True, cwd="/").stdout


def test_import_has_no_side_effects():
    out = run("""
        import builtins, io, socket, sys
        opened = []
        real_open = builtins.open
        def spy_open(file, *a, **k):
            opened.append(str(file)); return real_open(file, *a, **k)
        builtins.open = spy_open
        io.open = spy_open
        class NoSocket(socket.socket):
            def __init__(self, *a, **k):
                raise AssertionError("socket opened at import")
        socket.socket = NoSocket
        import footprint
        builtins.open = real_open
        data = [f for f in opened if "emission_factors" in f or f.endswith((".csv", ".yaml"))]
        print("DATA", data)
        for mod in ("streamlit", "requests", "codecarbon", "altair", "ecologits"):
            print(mod, mod in sys.modules)
        """)
    assert "DATA []" in out
    for mod in ("streamlit", "requests", "codecarbon", "altair", "ecologits"):
        assert f"{mod} False" in out


def test_installed_package_contains_its_data():
    out = run("""
        from footprint.factors.registry import bundled_path
        from footprint import default_registry
        reg = default_registry()
        print(len(reg.datasets), len(reg.factors), bundled_path().name)
        """)
    n_datasets, n_factors, name = out.split()
    assert name == "emission_factors" and int(n_datasets) >= 5 and int(n_factors) >= 100
