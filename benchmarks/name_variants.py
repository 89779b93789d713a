"""Name variants across articles: every article of the news corpora written as a file,
one run of `copylint check --select typo.name-variant`, and each finding that compares
articles printed with its context, to read (a slip, a second transliteration, or two
people?).

    python benchmarks/name_variants.py            # the three news corpora
    python benchmarks/name_variants.py --limit 3000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _corpus import articles, as_plain_text  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for n, rec in enumerate(articles(limit=args.limit), 1):
            Path(tmp, f"{n:06d}.txt").write_text(as_plain_text(rec), encoding="utf-8")
        Path(tmp, ".copylint.yaml").write_text("languagetool: false\n", encoding="utf-8")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "copylint", "check", "-q", "--no-cache", "--format", "json",
                               "--select", "typo.name-variant", "-j", str(args.jobs), tmp],
                              capture_output=True, text=True, env={"PYTHONPATH": str(HERE.parent / "src"),
                                                                   "PATH": "/usr/bin:/bin"})
        secs = time.perf_counter() - t0
        if proc.returncode not in (0, 1):
            sys.exit(proc.stderr)
        findings = json.loads(proc.stdout)["findings"]
        across = [f for f in findings if "other article" in f["message"]]
        print(f"{n} articles, {secs:.1f} s: {len(findings)} name-variant findings, "
              f"{len(across)} of them across articles")
        for f in across:
            line = Path(f["path"]).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
            c = f["column"] - 1
            print(f"  {Path(f['path']).name}:{f['line']}: {f['message']}\n      ...{line[max(0, c - 60):c + 40]}...")


if __name__ == "__main__":
    main()
