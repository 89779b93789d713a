#!/usr/bin/env python3
"""Start-up cost of a one-file run, as a pre-commit hook or an editor pays it.

    python benchmarks/startup.py            # 9 runs of the CLI on one short article
    python benchmarks/startup.py --runs 21 --file story.md

Runs ``python -m copylint check FILE --no-languagetool --no-cache`` in fresh processes
and prints the median wall and CPU time (user + system, of the child). Then runs it
once more with every regular-expression compile timed (Python's ``re`` and google-re2)
and prints the time spent compiling, summed by the module that asked for the pattern.
Figures are printed, not judged: the machine may be shared, so compare medians.
Compile bytecode first (``python -m compileall -q src``), as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# a short made-up article with title forms, so the title patterns are built as in most
# real runs
ARTICLE = """Council backs harbour plan after long debate

President Joe Biden met Prime Minister Rishi Sunak in Washington on Tuesday, the White
House said. Britain's prime minister, Rishi Sunak, said the talks went well.

Former US Vice President Mike Pence, who spoke later, said the plan would cost $4m.
"""

# run inside the child: time every compile and print the sums by calling module at exit
PROBE = r"""
import atexit, re, sys, time
from collections import defaultdict

totals = defaultdict(float)
counts = defaultdict(int)
depth = [0]
SKIP = ("re", "re._compiler", "re._parser", "functools", "re2", "enum")

def caller():
    f = sys._getframe(2)
    while f is not None and f.f_globals.get("__name__", "") in SKIP:
        f = f.f_back
    return f.f_globals.get("__name__", "?") if f is not None else "?"

def timed(fn, engine):
    def wrapper(*args, **kwargs):
        depth[0] += 1
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                key = (engine, caller())
                totals[key] += time.perf_counter() - t
                counts[key] += 1
    return wrapper

re._compile = timed(re._compile, "re")
try:
    import re2
    re2.compile = timed(re2.compile, "re2")
except ImportError:
    pass

@atexit.register
def report():
    rows = sorted(totals.items(), key=lambda kv: -kv[1])
    out = sys.__stderr__
    print("STARTUP-PROBE", f"{sum(totals.values()) * 1000:.1f}", file=out)
    for (engine, module), secs in rows:
        print("STARTUP-PROBE", f"{secs * 1000:.1f}", engine, module, counts[(engine, module)], file=out)

sys.argv = ["copylint", *sys.argv[1:]]
import runpy
runpy.run_module("copylint", run_name="__main__", alter_sys=True)
"""


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.exit(f"copylint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return wall, cpu, proc.stderr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--file", help="the article to check (default: a short made-up one)")
    args = ap.parse_args()

    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        path = args.file
        if path is None:
            path = os.path.join(tmp, "story.txt")
            Path(path).write_text(ARTICLE, encoding="utf-8")
        check = ["check", path, "--no-languagetool", "--no-cache", "-q"]
        cmd = [sys.executable, "-m", "copylint", *check]
        run_once(cmd, env)  # warm the file cache
        walls, cpus = [], []
        for _ in range(args.runs):
            wall, cpu, _ = run_once(cmd, env)
            walls.append(wall)
            cpus.append(cpu)
        print(f"one-file run, {args.runs} runs: wall median {statistics.median(walls) * 1000:.0f} ms "
              f"(min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f}); "
              f"CPU median {statistics.median(cpus) * 1000:.0f} ms (min {min(cpus) * 1000:.0f})")

        _, _, err = run_once([sys.executable, "-c", PROBE, *check], env)
    rows = [line.split()[1:] for line in err.splitlines() if line.startswith("STARTUP-PROBE")]
    if not rows:
        sys.exit("the compile probe printed nothing")
    print(f"regex compilation (one run): {rows[0][0]} ms in all")
    for ms, engine, module, count in rows[1:]:
        if float(ms) >= 0.5:
            print(f"  {float(ms):7.1f} ms  {engine:3}  {module}  ({count} calls)")


if __name__ == "__main__":
    main()
