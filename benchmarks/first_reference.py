"""style.first-reference on real news (../shared/data/news): what it reports as published,
and how many made slips it catches.

As published: every finding on the stories as printed, for reading (edited copy gives a
person's full name first, so most findings there are false alarms). Made slips: in each
story whose body names a person in full ("Casey Mears") in one paragraph and uses the
surname alone in a later one, the two paragraphs swap places, as when a desk moves a
paragraph up; a slip is caught when the rule reports the surname in the moved paragraph.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

import copylint  # noqa: E402
from _corpus import articles, as_plain_text  # noqa: E402
from copylint.config import Settings  # noqa: E402
from copylint.spelling.lexicon import name_lexicon  # noqa: E402
from copylint.text import full_names  # noqa: E402

RULE = "style.first-reference"
SETTINGS = Settings(select=[RULE], languagetool=False)
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")  # a first name or a title before


def _moved(rec, first_names) -> tuple[str, str, int] | None:
    """The story with a later paragraph that uses a surname alone moved above the one that
    names the person in full: (text, surname, where the moved paragraph starts), or None."""
    paras = rec["body"].split("\n\n")
    for i, para in enumerate(paras):
        for first, _, last, _ in full_names(para):
            if first not in first_names:
                continue
            bare = re.compile(rf"(?<![\w'’.-]){re.escape(last)}\b")
            for j in range(i + 1, len(paras)):
                alone = [m for m in bare.finditer(paras[j]) if not _CAPITALISED_BEFORE.search(paras[j], 0, m.start())]
                if alone and f"{first} {last}" not in paras[j]:
                    order = paras[:i] + [paras[j]] + paras[i:j] + paras[j + 1:]
                    head = f"{rec['headline']}\n\n"
                    return head + "\n\n".join(order) + "\n", last, len(head) + sum(len(p) + 2 for p in paras[:i])
            break
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="stories read (0: all 27,757; the Reuters wire copy comes last)")
    ap.add_argument("--show", type=int, default=20, help="findings as published to print")
    args = ap.parse_args(argv)
    first_names = name_lexicon().first_names
    recs = list(articles(("us_news_2016_real_small", "ag_news_test", "reuters21578"), limit=args.limit or None))
    t0 = time.process_time()
    published = []
    slips = caught = 0
    for rec in recs:
        text = as_plain_text(rec)
        for f in copylint.lint_text(text, path="story.txt", config=SETTINGS):
            line = text.splitlines()[f.line - 1]
            published.append(f"{rec['id']}: ...{line[max(0, f.column - 60):f.column + 40]}...")
        made = _moved(rec, first_names)
        if made is None:
            continue
        text, surname, at = made
        slips += 1
        found = copylint.lint_text(text, path="story.txt", config=SETTINGS)
        caught += any(f.matched == surname and f.start_offset >= at for f in found)
    print(f"{len(recs)} stories, {time.process_time() - t0:.1f} s CPU")
    print(f"as published: {len(published)} findings ({1000 * len(published) / max(1, len(recs)):.2f} per 1,000 stories)")
    for line in published[:args.show]:
        print("  " + line)
    print(f"made slips (a later paragraph moved above the full name): {caught} of {slips} caught "
          f"({caught / max(1, slips):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
