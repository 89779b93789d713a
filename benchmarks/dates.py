#!/usr/bin/env python3
"""Benchmark of facts.weekday-date and facts.relative-day on real news.

Every weekday written with a date in the shared news data (Reuters 1987 and the dated
headlines of 2021-22 carry the article's date; US news 2016 and AG News ledes do not, so
only their dates with a year written are checkable) is checked twice:

1. as published: each alarm is printed, for a person to read (a real slip, or a false
   alarm), with the alarms per 100 checkable articles;
2. with the weekday swapped for each of the six others: the alarms found are the recall,
   on the mentions the rule judged right as published (a mention that is itself a slip
   says nothing about recall).

The same two measurements for facts.relative-day ("yesterday (Tuesday)") on the dated
articles.

    PYTHONPATH=src python benchmarks/dates.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import copylint  # noqa: E402
from copylint.config import Settings  # noqa: E402
from copylint.rules.dates import RELATIVE_WEEKDAY_RE, WEEKDAY_DATE_RE, WEEKDAYS  # noqa: E402

CORPORA = ("reuters21578", "headlines_2021_2022_fwd", "us_news_2016_real_small", "ag_news_test")


def lint(text: str, date: dt.date | None, rule: str = "facts.weekday-date") -> list:
    return copylint.lint_text(text, path="x.txt", config=Settings(select=[rule], date=date))


def relative_days(text: str, date: dt.date, label: str, tally: dict) -> None:
    """facts.relative-day on one dated article: alarms as published (printed), then each
    weekday judged right swapped for the six others."""
    found = list(RELATIVE_WEEKDAY_RE.finditer(text))
    if not found:
        return
    tally["articles"] += 1
    tally["mentions"] += len(found)
    published = lint(text, date, "facts.relative-day")
    flagged = {f.start_offset for f in published}
    for f in published:
        tally["alarms"] += 1
        s = f.start_offset
        print(f"ALARM relative-day {label} (dated {date}): ...{text[max(0, s - 50):f.end_offset + 20]!r}...\n"
              f"      {f.message}")
    for m in found:
        if m.start("weekday") in flagged:
            continue
        written = m.group("weekday")
        for other in WEEKDAYS:
            if other.lower() != written.lower():
                edited = text[:m.start("weekday")] + other + text[m.end("weekday"):]
                tally["swapped"] += 1
                tally["caught"] += any(f.start_offset == m.start("weekday")
                                       for f in lint(edited, date, "facts.relative-day"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    articles = mentions = alarms = swapped = caught = 0
    relative = dict.fromkeys(("articles", "mentions", "alarms", "swapped", "caught"), 0)
    for corpus in CORPORA:
        for line in gzip.open(args.data / "news" / f"{corpus}.jsonl.gz", "rt", encoding="utf-8"):
            r = json.loads(line)
            text = (r["headline"] or "") + "\n\n" + (r["body"] or "")
            date = dt.date.fromisoformat(r["date"]) if r.get("date") else None
            if date is not None:
                relative_days(text, date, f"{corpus} {r['id']}", relative)
            found = list(WEEKDAY_DATE_RE.finditer(text))
            if not found:
                continue
            checkable = [m for m in found if date is not None or m.group("year_a") or m.group("year_b")]
            if not checkable:
                continue
            articles += 1
            mentions += len(checkable)
            published = lint(text, date)
            flagged = {f.start_offset for f in published}
            for f in published:
                alarms += 1
                s = f.start_offset
                print(f"ALARM {corpus} {r['id']} (dated {date}): ...{text[max(0, s - 50):f.end_offset + 20]!r}...\n"
                      f"      {f.message}")
            for m in checkable:
                if m.start() in flagged:
                    continue
                written = m.group("weekday")
                for other in WEEKDAYS:
                    if other.lower() == written.lower():
                        continue
                    edited = text[:m.start()] + other + text[m.start() + len(written):]
                    swapped += 1
                    caught += any(f.start_offset == m.start() for f in lint(edited, date))
    took = time.perf_counter() - t0
    print(f"\n{articles} articles with a checkable weekday and date, {mentions} mentions")
    print(f"as published: {alarms} alarms ({100 * alarms / max(articles, 1):.2f} per 100 such articles); read them above")
    print(f"weekday swapped: {caught} of {swapped} caught, recall {100 * caught / max(swapped, 1):.1f}%")
    print(f"\nfacts.relative-day: {relative['articles']} dated articles with a relative day and a weekday, "
          f"{relative['mentions']} mentions; {relative['alarms']} alarms as published; weekday swapped: "
          f"{relative['caught']} of {relative['swapped']} caught")
    print(f"({took:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
