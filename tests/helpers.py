"""Shared test helpers: run the real CLI in a subprocess, paths of shared data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


def run_cli(*args: str, cwd: str | Path | None = None, input: bytes | None = None,
            env: dict[str, str] | None = None, timeout: float = 300,
            raw: bool = False) -> subprocess.CompletedProcess:
    """Run ``python -m copylint ARGS`` with this checkout's sources; returns the process
    with text stdout/stderr (bytes with ``raw``)."""
    full_env = dict(os.environ)
    extra = dict(env or {})
    paths = [str(REPO / "src"), extra.pop("PYTHONPATH", ""), full_env.get("PYTHONPATH", "")]
    full_env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    full_env.setdefault("NO_COLOR", "1")
    full_env.update(extra)
    proc = subprocess.run([sys.executable, "-m", "copylint", *args], cwd=cwd, input=input,
                          capture_output=True, env=full_env, timeout=timeout)
    if raw:
        return proc
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def source_of(doc, start: int, end: int) -> str:
    """The source text that the prose text [start, end) maps back to."""
    s, e = doc.map.span(start, end)
    return doc.source[s:e]


def assert_runs_exact(doc) -> None:
    """Every verbatim run of the source map is exactly the source it claims to copy."""
    m = doc.map
    for ts, te, ss, se, verbatim in zip(m.text_starts, m.text_ends, m.src_starts, m.src_ends, m.verbatim):
        if verbatim:
            assert doc.text[ts:te] == doc.source[ss:se]
