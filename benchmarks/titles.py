#!/usr/bin/env python3
"""Benchmark of the facts.title-* rules.

1. Statements built from the shared officeholder data (not from the people base itself):
   a right title on a date inside a term, the same title on a date when the person did
   not hold it, and a title they never held (another country's, or another office).
   Prints precision and recall of the alarms, on statements about people in the base.
2. Real copy: the dated headlines of 2021-22, Reuters newswire of 1987 (dated, with
   bodies) and US news of 2016-17 (bodies, no dates: the window inference at work).
   Prints every alarm, for a person to read, and the alarms per 100 articles.

    PYTHONPATH=src python benchmarks/titles.py [--data ../shared/data] [--limit N] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

import copylint  # noqa: E402
from copylint.config import Settings  # noqa: E402
from copylint.people.importer import parse_position  # noqa: E402
from copylint.people.kb import load_kb, name_key  # noqa: E402

D = dt.date


def lint(text: str, date: dt.date | None):
    return copylint.lint_text(text, path="x.txt", config=Settings(select=["facts"], date=date))


# --------------------------------------------------------------------------- truth from the shared data


def us_terms(data: Path) -> list[dict]:
    """(name, title, place, start, end) from congress-legislators' executive terms."""
    rows = list(csv.DictReader((data / "officeholders" / "us_executive_terms.csv").open(encoding="utf-8")))
    out: dict[tuple, dict] = {}
    short = {}
    for r in rows:
        short.setdefault(f"{r['first'].split()[0]} {r['last']}", set()).add(r["full_name"])
    for r in rows:
        title = "President" if r["type"] == "prez" else "Vice President"
        name = f"{r['first'].split()[0]} {r['last']}"
        if len(short[name]) > 1:  # two presidents George Bush: the full name tells them apart
            name = r["full_name"]
        key = (r["full_name"], title)
        s, e = D.fromisoformat(r["start"]), D.fromisoformat(r["end"])
        t = out.get(key)
        if t and abs((s - t["terms"][-1][1]).days) <= 3:
            t["terms"][-1] = (t["terms"][-1][0], e)
        else:
            out.setdefault(key, {"name": name, "full": r["full_name"], "title": title, "place": "US",
                                 "adj": "US", "terms": []})["terms"].append((s, e))
    return list(out.values())


def wikidata_terms(data: Path, kb) -> list[dict]:
    """Heads of state and government holding office from 2021 (years only: the dates
    used stay a year clear of the ends)."""
    rows = list(csv.DictReader((data / "officeholders" / "world_leaders_wikidata_2021plus.csv").open(encoding="utf-8")))
    out = []
    for r in rows:
        parsed = parse_position(kb, r["positionLabel"], r["country"])
        if parsed is None or not r["start_year"]:
            continue
        title, place = parsed
        s = D(int(r["start_year"]) + 1, 1, 1)
        e = D(int(r["end_year"]) - 1, 12, 31) if r["end_year"] else D(2022, 6, 30)
        if e <= s:
            continue
        out.append({"name": r["officeholderLabel"], "full": r["officeholderLabel"], "title": title,
                    "place": place, "adj": kb.places[place].short, "terms": [(s, e)], "years_only": True,
                    "start_year": int(r["start_year"]), "end_year": int(r["end_year"]) if r["end_year"] else None})
    return out


def archigos_terms(data: Path) -> list[dict]:
    """Effective leaders with exact dates (Archigos 4.1) in the countries where that
    leader always held one title, mapped as tools/build_people.py maps them."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_people", REPO / "tools" / "build_people.py")
    bp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bp)
    rows = list(csv.DictReader((data / "officeholders" / "archigos_4.1_leaders.csv").open(encoding="utf-8")))
    out: dict[tuple, dict] = {}
    for r in rows:
        if r["idacr"] not in bp.ARCHIGOS_TITLES:
            continue
        place, title, since = bp.ARCHIGOS_TITLES[r["idacr"]]
        if r["startdate"] < max(since, "1945-01-01"):
            continue
        name = bp._dbpedia_name(r["dbpediauri"]) or r["leader"]
        if len(name.split()) < 2 or "," in name:
            continue
        item = out.setdefault((name, place), {"name": name, "full": name, "title": title, "place": place, "terms": []})
        end = D.fromisoformat(r["enddate"])
        if r["exit"] == "Still in Office":  # in office at the end of 2015, and maybe long after
            item["open"] = True
            end = D(2026, 12, 31)
        item["terms"].append((D.fromisoformat(r["startdate"]), end))
    return list(out.values())


def in_base(kb, item) -> bool:
    return bool(kb.full_index.get(name_key(item["name"])) or kb.full_index.get(name_key(item["full"])))


def held(item, day: dt.date, margin: int) -> bool:
    if item.get("years_only"):
        ey = item["end_year"] or 9999
        return item["start_year"] - 1 <= day.year <= ey + 1
    return any(s - dt.timedelta(days=margin) <= day < e + dt.timedelta(days=margin) for s, e in item["terms"])


# --------------------------------------------------------------------------- statements


TEMPLATES = [
    ("headline", "{adj} {title} {name} visits Berlin for talks"),
    ("body", "Talks\n\n{title} {name} said on Tuesday that the talks would go on."),
    ("body", "Talks\n\n{name}, the {title_lc} of {place_name}, said on Monday that the talks would go on."),
    ("body", "Talks\n\n{title} {name} met the delegation in the capital."),
]
OTHER_OFFICE = {"President": "Prime Minister", "Vice President": "Prime Minister", "Prime Minister": "President",
                "Chancellor": "President", "Premier": "President"}


def statements(kb, items: list[dict], rng: random.Random):
    """Yield (text, date, wrong, kind) for each officeholder item."""
    places = [c for c, p in kb.places.items() if not p.within and c not in ("EU-COM", "EU-CO", "ECB", "UN", "NATO")]
    by_surname: dict[tuple, list[dict]] = {}
    for item in items:
        by_surname.setdefault((item["name"].split()[-1], item["title"]), []).append(item)

    def anyone_held(item, day):  # "President Bush" is right if either Bush held it then
        return any(held(o, day, 400) for o in by_surname[(item["name"].split()[-1], item["title"])])

    for item in items:
        s, e = item["terms"][0]
        kind_tpl = rng.choice(TEMPLATES)

        def fill(title: str, place_code: str) -> str:
            p = kb.places[place_code]
            return kind_tpl[1].format(adj=p.short, title=title, title_lc=title.lower(), name=item["name"],
                                      place_name=p.name)

        # right title, right date: well inside a term (for a term still running at the
        # end of the source's data, no later than that)
        if item.get("open"):
            e = min(e, D(2015, 12, 31))
        span = (e - s).days
        if span > 40:
            day = s + dt.timedelta(days=rng.randint(10, span - 10))
            yield fill(item["title"], item["place"]), day, False, "right"
        # right title, wrong date: 1-10 years after the last term, or 1-4 years before the first
        last_end = max(t[1] for t in item["terms"])
        first_start = min(t[0] for t in item["terms"])
        for _ in range(5):
            if rng.random() < 0.6 and last_end.year < 2025:
                day = last_end + dt.timedelta(days=rng.randint(365, 3650))
            else:
                day = first_start - dt.timedelta(days=rng.randint(365, 1460))
            if day < D(2026, 6, 1) and not held(item, day, 400):
                yield fill(item["title"], item["place"]), day, True, "wrong-date"
                break
        # "former": right once every term is over, wrong inside a term
        last_end = max(t[1] for t in item["terms"])
        known = min(e, D(2025, 10, 31))  # the data's knowledge ends about there
        if (known - s).days > 40:
            inside = s + dt.timedelta(days=rng.randint(10, (known - s).days - 10))
            yield f"Talks\n\nFormer {item['title']} {item['name']} said on Tuesday that the talks would go on.", inside, True, "former-wrong"
        if not item.get("open") and last_end < D(2025, 6, 1):
            after = last_end + dt.timedelta(days=rng.randint(30, 3000))
            if not held(item, after, 30) and after < D(2026, 6, 1):
                yield f"Talks\n\nFormer {item['title']} {item['name']} said on Tuesday that the talks would go on.", after, False, "former-right"
        # a bare surname after the title ("President Biden"), in a headline
        surname = item["name"].split()[-1]
        if span > 40:
            day = s + dt.timedelta(days=rng.randint(10, span - 10))
            yield f"{item['title']} {surname} visits Berlin for talks", day, False, "surname-right"
        for _ in range(5):
            day = last_end + dt.timedelta(days=rng.randint(365, 3650)) if rng.random() < 0.6 and last_end.year < 2025 \
                else first_start - dt.timedelta(days=rng.randint(365, 1460))
            if day < D(2026, 6, 1) and not anyone_held(item, day):
                yield f"{item['title']} {surname} visits Berlin for talks", day, True, "surname-wrong"
                break
        # a title never held: the same title of another country (templates that name the
        # country), or for a US president or vice president an office no one of them held
        day = s + dt.timedelta(days=max(1, span // 2))
        if "{adj}" in kind_tpl[1] or "{place_name}" in kind_tpl[1]:
            other = rng.choice([c for c in places if c != item["place"]])
            yield fill(item["title"], other), day, True, "never-held"
        elif item["place"] == "US":
            yield fill(rng.choice(["Prime Minister", "Chancellor"]), "US"), day, True, "never-held"


def run_statements(kb, data: Path, rng: random.Random, quiet: bool):
    items = [i for i in us_terms(data) + wikidata_terms(data, kb) + archigos_terms(data) if in_base(kb, i)]
    stats = {}
    tp = fp = fn = tn = 0
    misses = []
    t0 = time.perf_counter()
    n = 0
    for text, day, wrong, kind in statements(kb, items, rng):
        n += 1
        alarmed = bool(lint(text, day))
        k = stats.setdefault(kind, [0, 0])
        k[0] += 1
        k[1] += alarmed
        if wrong and alarmed:
            tp += 1
        elif wrong:
            fn += 1
            misses.append((kind, day, text))
        elif alarmed:
            fp += 1
            misses.append(("false alarm", day, text))
        else:
            tn += 1
    elapsed = time.perf_counter() - t0
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"statements about {len(items)} officeholders in the base: {n} statements "
          f"({', '.join(f'{k}: {v[0]} ({v[1]} alarmed)' for k, v in sorted(stats.items()))})")
    print(f"  precision {precision:.1%}  recall {recall:.1%}  (tp {tp}, fp {fp}, fn {fn}, tn {tn}); "
          f"{n / elapsed:.0f} statements/s")
    if not quiet:
        for kind, day, text in misses[:40]:
            print(f"    {kind:<11} {day}  {text!r}")
    return precision, recall


# --------------------------------------------------------------------------- real copy


def read_news(path: Path, limit: int | None):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if limit and i >= limit:
                break
            yield json.loads(line)


def run_real(data: Path, name: str, with_body: bool, limit: int | None):
    path = data / "news" / name
    if not path.is_file():
        print(f"{name}: not found, skipped")
        return
    n = alarms = 0
    t0 = time.perf_counter()
    chars = 0
    for row in read_news(path, limit):
        text = row["headline"] + ("\n\n" + row["body"] if with_body and row["body"] else "")
        if not text.strip():
            continue
        n += 1
        chars += len(text)
        day = D.fromisoformat(row["date"]) if row.get("date") else None
        for f in lint(text, day):
            alarms += 1
            print(f"  ALARM {row['id']} {row.get('date')} {f.rule} line {f.line}: {f.matched!r}\n"
                  f"        {f.line_text[:160]}\n        -> {f.message}")
    elapsed = time.perf_counter() - t0
    print(f"{name}: {n} articles, {alarms} alarms = {100 * alarms / max(n, 1):.2f} per 100 articles; "
          f"{n / elapsed:.0f} articles/s, {chars / elapsed / 1e6:.2f} MB/s")


def run_scaling(data: Path, extra_people: int) -> None:
    """The same headlines checked with the shipped base and with ``extra_people`` more
    people: the cost per article should not grow with the base."""
    import tempfile

    from copylint.people.judge import Options, analyse

    rows = [r for r, _ in zip(read_news(data / "news" / "headlines_2021_2022_fwd.jsonl.gz", None), range(3000))]
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "many.yaml"
        lines = ["source: synthetic", "people:"]
        for i in range(extra_people):  # one after another: the office has one holder at a time
            start = D(1000, 1, 1) + dt.timedelta(days=i)
            lines.append(f"  - {{name: Testname{i} Examplesurname{i}, positions: "
                         f"[{{title: Prime Minister, of: EE, start: {start}, end: {start + dt.timedelta(days=1)}}}]}}")
        f.write_text("\n".join(lines) + "\n", encoding="utf-8")
        for label, kb in (("shipped base", load_kb()), (f"base + {extra_people} people", load_kb([str(f)]))):
            t0 = time.perf_counter()
            for r in rows:
                h = r["headline"]
                analyse(kb, h, [(0, len(h), "headline")], D.fromisoformat(r["date"]), Options())
            el = time.perf_counter() - t0
            print(f"  scaling: {label:<24} {len(kb.people):>6} people: {len(rows) / el:,.0f} headlines/s")


def run_stale(data: Path, when: dt.date, show: int) -> None:
    """Real 2016 copy published as if on ``when``: the titles of 2016 ("President Obama",
    "Vice President Joe Biden") are then stale, as in a story written from old notes.
    Prints how many titled mentions of people in the base are reported, and a sample."""
    from copylint.people.judge import Options, analyse
    from copylint.people.kb import load_kb

    kb = load_kb()
    mentions = flagged = 0
    samples = []
    for row in read_news(data / "news" / "us_news_2016_real_small.jsonl.gz", None):
        text = row["headline"] + "\n\n" + row["body"]
        blocks, pos = [], 0
        for part in text.split("\n\n"):
            blocks.append((pos, pos + len(part), "headline" if pos == 0 else "paragraph"))
            pos += len(part) + 2
        for v in analyse(kb, text, blocks, when, Options()).verdicts:
            if v.mention.qualifier != "current" or v.person is None:
                continue
            mentions += 1
            if v.rule.startswith("facts."):
                flagged += 1
                if len(samples) < show:
                    samples.append(f"    {v.mention.core_text} {v.mention.name_text}: {v.message}")
    print(f"us_news_2016 judged as of {when}: {flagged} of {mentions} bare titled mentions of people "
          f"in the base reported as stale")
    print("\n".join(samples))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, help="at most N articles per real-copy set")
    ap.add_argument("--seed", type=int, default=4)
    ap.add_argument("--quiet", action="store_true", help="do not list missed statements")
    ap.add_argument("--scale", type=int, default=50000, help="extra synthetic people for the scaling check")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"no shared data at {args.data}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    kb = load_kb()
    print(f"people base: {len(kb.people)} people, {sum(len(p.positions) for p in kb.people.values())} positions, "
          f"loaded in {time.perf_counter() - t0:.2f} s")
    run_statements(kb, args.data, random.Random(args.seed), args.quiet)
    run_scaling(args.data, args.scale)
    run_stale(args.data, D(2022, 3, 31), 12)
    run_real(args.data, "headlines_2021_2022_fwd.jsonl.gz", False, args.limit)
    run_real(args.data, "reuters21578.jsonl.gz", True, args.limit)
    run_real(args.data, "us_news_2016_real_small.jsonl.gz", True, args.limit)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
