"""Real-word slips (pubic health, Prime Minster, free reign): copylint's house rules
beside LanguageTool, on real news.

A spelling check cannot see a slip that makes another real word. The house pack lists
them in context (`house.idioms`, `house.wrong-word`, `house.usage`); LanguageTool has
rules of its own for many. Both are measured on the same text:

- slips made: paragraphs of real articles (../shared/data/news: US news 2016, Reuters
  NORM stories, AG News) holding a right form the pack knows ("public health", "free
  rein"), outside quotation marks, with it turned into the wrong form. Found means a
  finding over the slipped words. copylint's recall here is of its own list, so it
  shows how well the rules hold in real sentences (case, line breaks, punctuation),
  not how many of the slips in the world the list knows; LanguageTool's shows how much
  of the list a run without the house pack would still catch;
- false alarms: the same paragraphs untouched, with a finding over the right form. For
  the whole archive, run
  `copylint check ARCHIVE --select house.idioms,house.wrong-word,house.usage` and read
  what it finds.

    python benchmarks/word_slips.py [--per-pair 5] [--seed 1] [--no-languagetool] [--show 15]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))
DATA = REPO.parent / "shared" / "data"

from copylint.config import Settings  # noqa: E402
from copylint.engine import check_document, load_ruleset  # noqa: E402
from copylint.packs.patterns import keep_case  # noqa: E402
from copylint.readers import read_text  # noqa: E402

RULES = ("idioms", "wrong-word", "usage")
CORPORA = {"us_news_2016_real_small": None, "reuters21578": "NORM", "ag_news_test": None}
QUOTE_MARKS = "\"“”"


def pairs() -> list[tuple[str, str, str]]:
    """(rule, wrong, right) from the shipped house pack."""
    pack = yaml.safe_load((REPO / "rules" / "house.yaml").read_text(encoding="utf-8"))
    out = []
    for rule in pack["rules"]:
        if rule["id"] in RULES:
            out += [(rule["id"], wrong, right) for wrong, right in rule["swap"].items()]
    return out


def paragraphs() -> list[str]:
    out = []
    for name, text_type in CORPORA.items():
        for line in gzip.open(DATA / "news" / f"{name}.jsonl.gz", "rt", encoding="utf-8"):
            r = json.loads(line)
            if text_type is None or r.get("text_type") == text_type:
                out += [p for p in (r["body"] or "").split("\n\n") if p.strip()]
    return out


def slipped_cases(per_pair: int, seed: int) -> tuple[list[tuple[str, str, str, int, int, str]], int]:
    """(rule, wrong, right, start, end, slipped paragraph); and how many pairs had data.
    The right form must stand outside quotation marks (both engines leave quotes alone)."""
    rng = random.Random(seed)
    paras = paragraphs()
    cases = []
    with_data = 0
    for rule, wrong, right in pairs():
        if wrong.lower() == right.lower():
            continue
        rx = re.compile(r"(?<![\w'’-])" + re.escape(right) + r"(?![\w'’-])", re.I)
        found = []
        for p in paras:
            m = rx.search(p)
            if m and sum(p.count(q, 0, m.start()) for q in QUOTE_MARKS) % 2 == 0:
                found.append((p, m))
        if not found:
            continue
        with_data += 1
        for p, m in rng.sample(found, min(per_pair, len(found))):
            slip = keep_case(m.group(), wrong)
            text = p[:m.start()] + slip + p[m.end():]
            cases.append((rule, wrong, right, m.start(), m.start() + len(slip), text))
    return cases, with_data


def copylint_engine():
    settings = Settings(select=[f"house.{r}" for r in RULES], languagetool=False)
    ruleset = load_ruleset(settings)
    rules = ruleset.selected(settings)

    def run(text: str) -> list[tuple[int, int]]:
        findings, _ = check_document(read_text("a.txt", text), rules, settings, ruleset)
        return [(f.start_offset, f.end_offset) for f in findings]

    return run


def languagetool_engine():
    from languagetool import languagetool_engine as lt  # benchmarks/languagetool.py

    spans = lt(select="grammar")
    return lambda text: [(s, e) for s, e, _ in spans(text)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-pair", type=int, default=5, help="slipped paragraphs per pair of forms")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-languagetool", action="store_true")
    ap.add_argument("--show", type=int, default=15, help="slips LanguageTool misses to print")
    args = ap.parse_args(argv)

    cases, with_data = slipped_cases(args.per_pair, args.seed)
    engines = {"copylint": copylint_engine()}
    if not args.no_languagetool:
        engines["LanguageTool"] = languagetool_engine()
    total = len(pairs())
    print(f"{len(cases)} slipped paragraphs from {with_data} of the pack's {total} pairs "
          f"(the others' right forms are not in the news data)")
    missed_by: dict[str, list] = {name: [] for name in engines}
    print(f"{'engine':<14}{'found':>8}{'recall':>9}{'false alarms (untouched)':>27}")
    for name, engine in engines.items():
        found = alarms = 0
        for rule, wrong, right, s, e, text in cases:
            if any(a < e and s < b for a, b in engine(text)):
                found += 1
            else:
                missed_by[name].append((wrong, right, text[max(0, s - 40):e + 30]))
            fixed = keep_case(text[s:e], right)
            untouched = text[:s] + fixed + text[e:]
            alarms += any(a < s + len(fixed) and s < b for a, b in engine(untouched))
        print(f"{name:<14}{found:>8}{found / len(cases):>9.1%}{alarms:>27}")
    for name, missed in missed_by.items():
        if missed and args.show:
            print(f"\nmissed by {name} ({len(missed)}; a sample):")
            for wrong, right, context in random.Random(args.seed).sample(missed, min(args.show, len(missed))):
                print(f"  {wrong!r} for {right!r}: ...{context.replace(chr(10), ' ')}...")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
