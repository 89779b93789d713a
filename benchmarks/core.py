"""Throughput of the core rules (structure.*, the mechanical typo.* rules) on real news.

    python benchmarks/core.py                # in-process, one core
    python benchmarks/core.py --cli -j 2     # the CLI over files written to a temp folder
    python benchmarks/core.py --big 100      # one generated file of N MB: time must grow linearly

Prints MB/s and files/s.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from _corpus import articles, as_plain_text  # noqa: E402

from copylint.config import Settings  # noqa: E402
from copylint.readers import read_text  # noqa: E402
from copylint.runner import _init_worker, lint_document  # noqa: E402

CORE = ["structure", "typo.repeated-word", "typo.double-space", "typo.space-before-punctuation",
        "typo.unbalanced-quotes", "typo.unbalanced-brackets"]


def in_process(texts: list[str], settings: Settings) -> tuple[float, int]:
    from copylint.config import ConfigResolver

    resolver = ConfigResolver()
    resolver.base_for = lambda path: settings
    _init_worker(resolver, {})
    found = 0
    t0 = time.process_time()  # CPU time of this process: fair on a busy machine
    for i, text in enumerate(texts):
        doc = read_text(f"a{i}.txt", text)
        findings, _ = lint_document(doc, settings)
        found += len(findings)
    return time.process_time() - t0, found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--cli", action="store_true")
    ap.add_argument("-j", "--jobs", type=int, default=1)
    ap.add_argument("--big", type=int, default=0, help="MB of one generated file")
    ap.add_argument("--select", default=",".join(CORE))
    args = ap.parse_args()
    settings = Settings(select=args.select.split(","))

    texts = [as_plain_text(r) for r in articles(limit=args.limit)]
    if args.big:
        # one huge article built from real paragraphs; every repetition is a duplicate
        # paragraph, so findings grow with size too: time must stay linear in both
        unit = "\n\n".join(texts[:2000])
        unit_mb = len(unit.encode()) / 1e6
        for mb in (args.big / 4, args.big / 2, args.big):
            big = "\n\n".join([unit] * max(1, round(mb / unit_mb)))
            size = len(big.encode()) / 1e6
            secs, found = in_process([big], settings)
            print(f"one file of {size:7.1f} MB: {secs:6.2f} s CPU  {size / secs:6.2f} MB/s  findings={found}")
        return
    size = sum(len(t.encode()) for t in texts) / 1e6
    if args.cli:
        with tempfile.TemporaryDirectory() as tmp:
            for i, t in enumerate(texts):
                Path(tmp, f"{i:06d}.txt").write_text(t, encoding="utf-8")
            Path(tmp, ".copylint.yaml").write_text(f"select: [{args.select}]\n")
            env = dict(os.environ, PYTHONPATH=str(HERE.parent / "src"))
            t0 = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "copylint", "check", "-q", "--format", "json",
                                   "-j", str(args.jobs), tmp], capture_output=True, env=env)
            secs = time.perf_counter() - t0
            print(f"CLI -j {args.jobs}: {len(texts)} files, {size:.1f} MB in {secs:.2f} s: "
                  f"{size / secs:.2f} MB/s, {len(texts) / secs:.0f} files/s (exit {proc.returncode})")
        return
    secs, found = in_process(texts, settings)
    print(f"in-process, one core (CPU time): {len(texts)} articles, {size:.1f} MB in {secs:.2f} s: "
          f"{size / secs:.2f} MB/s, {len(texts) / secs:.0f} files/s, {found} findings")


if __name__ == "__main__":
    main()
