#!/usr/bin/env python3
"""How pack-rule speed changes with the number of rules.

Generates synthetic packs of 10, 100, 1,000 and 10,000 rules (80% literal existence
rules, 10% literal substitutions, 10% pattern rules, terms drawn from the corpus's own
vocabulary so some of them match), loads each through the real loader (schema, RE2,
compilation), and times the engine running only those rules over the news corpus in
../shared/data/news. Reading the articles is done once, before timing. Also times the
shipped house pack. Prints MB/s and each run's time relative to the 10-rule run.

Usage: python benchmarks/packs.py [--mb 8] [--sizes 10,100,1000,10000]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from copylint.config import Settings  # noqa: E402
from copylint.engine import check_document, load_ruleset  # noqa: E402
from copylint.readers import read_text  # noqa: E402

NEWS = REPO.parent / "shared" / "data" / "news"
CORPORA = ["reuters21578.jsonl.gz", "us_news_2016_real_small.jsonl.gz", "ag_news_test.jsonl.gz",
           "headlines_2021_2022_fwd.jsonl.gz"]


def load_corpus(limit_mb: float):
    docs, size = [], 0
    per_corpus = limit_mb * 1e6 / len(CORPORA)
    for name in CORPORA:
        got = 0
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                a = json.loads(line)
                text = (a["headline"] + "\n\n" + a["body"]).strip() + "\n"
                n = len(text.encode("utf-8"))
                docs.append(read_text(a["id"] + ".txt", text))
                got += n
                if got >= per_corpus:
                    break
        size += got
    return docs, size


def vocabulary(docs, n=20000):
    words = {}
    for d in docs[:4000]:
        for w in d.text.split():
            w = w.strip(".,;:!?\"'()").lower()
            if w.isalpha() and len(w) > 3:
                words[w] = words.get(w, 0) + 1
    return [w for w, _ in sorted(words.items(), key=lambda x: -x[1])][:n]


def _q(s: str) -> str:
    return json.dumps(s)


def synthetic_pack(n: int, vocab: list[str], seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = ["pack: bench", "description: synthetic rules for benchmarks/packs.py", "rules:"]
    for i in range(n):
        a, b = rng.choice(vocab), rng.choice(vocab)
        r = i % 10
        if r < 8:
            tokens = [f"{a} {b}", f"{rng.choice(vocab)} {rng.choice(vocab)} {rng.choice(vocab)}"]
            body = [f"  - id: r{i}", "    kind: existence", '    message: "avoid {match}"',
                    f"    tokens: [{', '.join(_q(t) for t in tokens)}]",
                    f"    tests: {{fail: [{_q('x ' + tokens[0] + ' y')}], pass: [\"nothing\"]}}"]
        elif r == 8:
            body = [f"  - id: r{i}", "    kind: substitution", '    message: "write {replacement}"',
                    f"    swap: {{{_q(a + ' ' + b)}: {_q(b + ' ' + a)}}}",
                    f"    tests: {{fail: [{_q(a + ' ' + b)}], pass: [\"nothing\"]}}"]
        else:
            pattern = f"{a}(?:s|ed|ing)? (?:the |a )?{b}"
            body = [f"  - id: r{i}", "    kind: existence", '    message: "avoid {match}"',
                    f"    tokens: [{_q(pattern)}]",
                    f"    tests: {{fail: [{_q(a + ' the ' + b)}], pass: [\"nothing\"]}}"]
        lines.extend(body)
    return "\n".join(lines) + "\n"


def time_run(docs, settings, repeat: int = 1):
    ruleset = load_ruleset(settings)
    rules = ruleset.selected(settings)
    best, found = None, 0
    for _ in range(repeat):
        found = 0
        t0 = time.perf_counter()
        for d in docs:
            f, _ = check_document(d, rules, settings)
            found += len(f)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best, found, len(ruleset.rules)


def time_scan(docs, pack: str, repeat: int) -> float:
    """The shared matcher's pass over every article, without the engine around it."""
    from copylint.packs import load_engine

    matcher = load_engine([pack]).matcher
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        for d in docs:
            matcher.scan(d.text)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=8.0, help="MB of news text to check (default 8)")
    ap.add_argument("--sizes", default="10,100,1000,10000")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts (default 3)")
    args = ap.parse_args()
    t0 = time.perf_counter()
    docs, size = load_corpus(args.mb)
    print(f"corpus: {len(docs):,} articles, {size / 1e6:.1f} MB (read in {time.perf_counter() - t0:.1f} s)")
    vocab = vocabulary(docs)
    base = scan_base = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(x) for x in args.sizes.split(",")]:
            path = Path(tmp) / f"bench{n}.yaml"
            path.write_text(synthetic_pack(n, vocab), encoding="utf-8")
            settings = Settings(select=["bench"], packs=[str(path)])
            t1 = time.perf_counter()
            load_ruleset(settings)
            compile_s = time.perf_counter() - t1
            dt, found, _ = time_run(docs, settings, args.repeat)
            scan = time_scan(docs, str(path), args.repeat)
            base = base or dt
            scan_base = scan_base or scan
            print(f"{n:>6,} rules: {size / 1e6 / dt:6.1f} MB/s  {dt:6.2f} s  x{dt / base:4.2f} of the 10-rule run  "
                  f"{found:>7,} findings  (matcher alone {scan:.2f} s, x{scan / scan_base:4.2f}; "
                  f"load+compile {compile_s:.1f} s)")
    settings = Settings(select=["house"])
    dt, found, _ = time_run(docs, settings, args.repeat)
    n_house = sum(1 for r in load_ruleset(settings).rules if r.id.startswith("house."))
    print(f"house pack ({n_house} rules): {size / 1e6 / dt:6.1f} MB/s  {dt:6.2f} s  {found:,} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
