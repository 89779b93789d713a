"""style.title-capitals on real news (../shared/data/news): what it flags as published,
and how many made slips it catches.

As published: every finding in the default style (capitalise: before-name, as the AP and
Reuters copy of these corpora is written), printed for reading. Made slips: in each article
with a correctly capitalised title right before a known person's name, that title is put
in lower case ("President Ronald Reagan" -> "president Ronald Reagan"); a slip counts as
caught when the rule reports that span with the original capitals as the fix. The
Guardian style (capitalise: lower) is run on the same articles: it should report the
capitalised titles the AP style leaves alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "src")]

import copylint  # noqa: E402
from _corpus import articles, as_plain_text  # noqa: E402
from copylint.config import Settings  # noqa: E402

RULE = "style.title-capitals"


def _settings(style: str, date) -> Settings:
    return Settings(select=[RULE], date=date, rules={RULE: {"capitalise": style}})


def _date(rec) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(rec.get("date") or "")[:10])
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=6000, help="articles read")
    ap.add_argument("--show", type=int, default=40, help="findings as published to print")
    ap.add_argument("--misses", type=int, default=0, help="missed slips to print")
    args = ap.parse_args(argv)

    recs = list(articles(("us_news_2016_real_small", "reuters21578", "ag_news_test"), limit=args.limit))
    found, slips, caught, lower_style, missed = [], 0, 0, 0, []
    size = 0
    for rec in recs:
        text, date = as_plain_text(rec), _date(rec)
        size += len(text.encode("utf-8"))
        published = copylint.lint_text(text, "story.txt", _settings("before-name", date))
        found += [(rec.get("id"), f, text) for f in published]
        lowered = copylint.lint_text(text, "story.txt", _settings("lower", date))
        lower_style += len(lowered)
        # the made slip: the first capitalised title the Guardian style would lower
        guardian = [f for f in lowered
                    if f.matched[:1].isupper() and f.matched[1:2].islower() and " " not in f.matched[:1]]
        for f in guardian[:1]:
            slipped = text[:f.start_offset] + f.matched.lower() + text[f.end_offset:]
            slips += 1
            again = copylint.lint_text(slipped, "story.txt", _settings("before-name", date))
            if any(g.start_offset == f.start_offset and g.suggestions[:1] == (f.matched,) for g in again):
                caught += 1
            else:
                missed.append(slipped[max(0, f.start_offset - 40):f.end_offset + 30].replace("\n", " "))

    print(f"{len(recs)} articles, {size / 1e6:.1f} MB")
    print(f"as published, capitalise: before-name: {len(found)} findings "
          f"({100 * len(found) / len(recs):.2f} per 100 articles)")
    for rid, f, text in found[:args.show]:
        line = text.splitlines()[f.line - 1]
        print(f"  {rid}: ...{line[max(0, f.column - 50):f.column - 1]}[{f.matched}]{line[f.end_column - 1:][:30]}... "
              f"-> {f.suggestions[0]}")
    print(f"capitalise: lower on the same articles: {lower_style} findings")
    if slips:
        print(f"made slips (a title before a name put in lower case): {caught}/{slips} caught "
              f"= {100 * caught / slips:.1f}%")
    for m in missed[:args.misses]:
        print(f"  missed: ...{m}...")
    return 0


if __name__ == "__main__":
    sys.exit(main())
