"""The headline against the body (facts.headline-number, facts.headline-quote) on real news.

    python benchmarks/headlines.py            # alarms on the articles as published, and recall
    python benchmarks/headlines.py --show 0   # figures only

Two measurements on ../shared/data/news (read by path):

- alarms: every headline figure or quote the rules report on the articles as published,
  per 1,000 headlines checked, each printed for reading (some are real slips);
- recall: in headlines whose figures and quotes the body bears out, one slip is made at a
  time and the rules must report it: a figure's first digit changed ("300" -> "400"), a
  quoted word changed for another, two quoted words swapped.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from _corpus import articles, as_plain_text  # noqa: E402

from copylint.readers import read_text  # noqa: E402
from copylint.rules.headline import (HeadlineBodyOptions, headline_figure_hits, headline_figures,  # noqa: E402
                                     headline_quote_hits, _body, _HEAD_QUOTE_RE, _long_enough)

MIN_BODY = HeadlineBodyOptions().min_body_words
CORPORA = ("reuters21578", "us_news_2016_real_small", "ag_news_test")
_WORD = re.compile(r"[A-Za-z]{3,}")


def _changed_figure(headline: str, start: int, end: int) -> str:
    digits = [i for i in range(start, end) if headline[i].isdigit()]
    i = digits[0]
    d = int(headline[i])
    return headline[:i] + str(d % 9 + 1) + headline[i + 1:]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", type=int, default=100, help="alarms to print per rule")
    args = ap.parse_args()
    rng = random.Random(7)
    checked = {"number": 0, "quote": 0}
    alarms: dict[str, list[str]] = {"number": [], "quote": []}
    caught = {"figure changed": [0, 0], "quoted word changed": [0, 0], "quoted words swapped": [0, 0]}
    seconds, size = 0.0, 0
    for name in CORPORA:
        for rec in articles((name,)):
            text = as_plain_text(rec)
            doc = read_text("a.txt", text)
            head = doc.headline
            if head is None:
                continue
            t0 = time.process_time()
            numbers = list(headline_figure_hits(doc, MIN_BODY))
            quotes = list(headline_quote_hits(doc, MIN_BODY))
            seconds += time.process_time() - t0
            size += len(text.encode())
            if not _long_enough(doc, _body(doc), MIN_BODY):
                continue  # the rules do not compare a body this short
            headline = text[head.start:head.end]
            figures = headline_figures(text, head.start, head.end)
            quoted = list(_HEAD_QUOTE_RE.finditer(text, head.start, head.end))
            checked["number"] += bool(figures)
            checked["quote"] += bool(quoted)
            for rule, hits in (("number", numbers), ("quote", quotes)):
                alarms[rule] += [f"{name[:8]}: {headline!r} -> {text[h.start:h.end]}" for h in hits]
            body = text[head.end:]
            if figures and not numbers:
                fig = rng.choice(figures)
                slipped = _changed_figure(text, fig.start, fig.end)
                tally = caught["figure changed"]
                tally[0] += 1
                tally[1] += any(True for _ in headline_figure_hits(read_text("a.txt", slipped), MIN_BODY))
            if quoted and not quotes:
                m = rng.choice(quoted)
                words = list(_WORD.finditer(text, m.start(), m.end()))
                lower_body = body.lower()
                if words:
                    w = max(words, key=lambda x: len(x.group()))
                    stand_in = next(s for s in ("certainly", "never", "always", "entirely", "wholly")
                                    if s not in lower_body)
                    slipped = text[:w.start()] + stand_in + text[w.end():]
                    tally = caught["quoted word changed"]
                    tally[0] += 1
                    tally[1] += any(True for _ in headline_quote_hits(read_text("a.txt", slipped), MIN_BODY))
                pairs = [(a, b) for a, b in zip(words, words[1:]) if a.group().lower() != b.group().lower()]
                if pairs:
                    a, b = rng.choice(pairs)
                    slipped = text[:a.start()] + b.group() + text[a.end():b.start()] + a.group() + text[b.end():]
                    tally = caught["quoted words swapped"]
                    tally[0] += 1
                    tally[1] += any(True for _ in headline_quote_hits(read_text("a.txt", slipped), MIN_BODY))

    print(f"articles with a body of {MIN_BODY} words or more: headlines with a figure {checked['number']}, "
          f"with a quote {checked['quote']}")
    for rule in ("number", "quote"):
        n = len(alarms[rule])
        rate = 1000 * n / checked[rule] if checked[rule] else 0.0
        print(f"facts.headline-{rule}: {n} alarms on the articles as published "
              f"({rate:.1f} per 1,000 headlines with a {'figure' if rule == 'number' else 'quote'})")
    for kind, (tried, found) in caught.items():
        print(f"recall, {kind}: {found}/{tried} = {100 * found / tried if tried else 0:.1f}%")
    print(f"speed: {size / 1e6 / seconds if seconds else 0:.1f} MB/s of articles (both rules, CPU time)")
    for rule in ("number", "quote"):
        if args.show:
            print(f"\nfacts.headline-{rule} alarms (read them: some are real slips):")
            for line in alarms[rule][:args.show]:
                print("  - " + line)


if __name__ == "__main__":
    main()
