"""The peer linters for benchmarks/peers.py: pinned versions, installed outside the repository.

Python peers go into their own virtual environment and the npm peers into their own
node_modules, both under ``$COPYLINT_BENCH_HOME`` (default ``~/.cache/copylint-bench``), so
nothing here touches copylint's own environment. Both are reused when present.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HOME = Path(os.environ.get("COPYLINT_BENCH_HOME", Path.home() / ".cache" / "copylint-bench")).expanduser()
VENV = HOME / "peers-venv"
NPM_DIR = HOME / "npm"

PYPI_PINS = {"proselint": "0.16.0", "codespell": "2.4.3", "typos": "1.52.0"}
NPM_PINS = {"write-good": "1.0.8", "alex": "11.0.1"}


@dataclass
class Peer:
    name: str
    exe: Path | None  # None when the peer is unavailable
    version: str = "?"
    why_missing: str = ""


def _run(cmd: list[str], timeout: float = 900) -> tuple[int, str]:
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return 1, str(exc)
    return p.returncode, (p.stdout + p.stderr).strip()


def _last_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no output"


def install_python_peers(skip_install: bool) -> str | None:
    """Create the venv and pip-install the pinned peers; returns an error text or None."""
    if skip_install:
        return None
    pip = VENV / "bin" / "pip"
    if not pip.exists():
        rc, out = _run([sys.executable, "-m", "venv", str(VENV)])
        if rc:
            return f"python3 -m venv failed: {_last_line(out)}"
    wanted = [f"{n}=={v}" for n, v in PYPI_PINS.items()]
    if all(_installed_pypi_version(n) == v for n, v in PYPI_PINS.items()):
        return None
    rc, out = _run([str(pip), "install", "--quiet", "--disable-pip-version-check", *wanted])
    return f"pip install failed: {_last_line(out)}" if rc else None


def _installed_pypi_version(name: str) -> str | None:
    for meta in (VENV / "lib").glob(f"python3*/site-packages/{name}-*.dist-info/METADATA"):
        for line in meta.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("Version:"):
                return line.split(":", 1)[1].strip()
    return None


def install_npm_peers(skip_install: bool) -> str | None:
    if skip_install:
        return None
    npm = shutil.which("npm")
    if not npm:
        return "npm is not on PATH"
    if all(_installed_npm_version(n) == v for n, v in NPM_PINS.items()):
        return None
    NPM_DIR.mkdir(parents=True, exist_ok=True)
    if not (NPM_DIR / "package.json").exists():
        (NPM_DIR / "package.json").write_text('{"name": "copylint-bench-peers", "private": true}\n')
    rc, out = _run([npm, "install", "--prefix", str(NPM_DIR), "--no-audit", "--no-fund", "--silent",
                    *[f"{n}@{v}" for n, v in NPM_PINS.items()]])
    return f"npm install failed: {_last_line(out)}" if rc else None


def _installed_npm_version(name: str) -> str | None:
    pkg = NPM_DIR / "node_modules" / name / "package.json"
    try:
        return str(json.loads(pkg.read_text(encoding="utf-8"))["version"])
    except (OSError, ValueError, KeyError):
        return None


def peers(skip_install: bool = False, wanted: set[str] | None = None) -> dict[str, Peer]:
    """Every peer by name, installed if needed (unless ``skip_install``), with its version."""
    wanted = wanted or set(PYPI_PINS) | set(NPM_PINS)
    errors = {}
    if wanted & set(PYPI_PINS):
        err = install_python_peers(skip_install)
        errors.update({n: err for n in PYPI_PINS if err})
    if wanted & set(NPM_PINS):
        err = install_npm_peers(skip_install)
        errors.update({n: err for n in NPM_PINS if err})
    found = {}
    for name in sorted(wanted):
        if name in PYPI_PINS:
            exe, version = VENV / "bin" / name, _installed_pypi_version(name)
        elif name in NPM_PINS:
            exe, version = NPM_DIR / "node_modules" / ".bin" / name, _installed_npm_version(name)
        else:
            continue
        if exe.exists() and version:
            found[name] = Peer(name, exe, version)
        else:
            why = errors.get(name) or ("not installed (--skip-install)" if skip_install else f"{exe} missing")
            found[name] = Peer(name, None, why_missing=why)
    return found
