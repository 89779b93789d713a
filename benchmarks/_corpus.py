"""Load the real news corpora in ../shared/data/news (research use: read by path, never copied)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news"


def articles(names=("reuters21578", "us_news_2016_real_small", "ag_news_test"), limit=None):
    """Yield dicts with headline, body, date from the named corpora."""
    n = 0
    for name in names:
        with gzip.open(NEWS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if not rec.get("body"):
                    continue
                yield rec
                n += 1
                if limit and n >= limit:
                    return


def as_plain_text(rec) -> str:
    """An article as wire copy: headline, blank line, body."""
    return f"{rec['headline']}\n\n{rec['body']}\n"


# The spelling benchmark's articles: per corpus (and the text type it keeps), the rows are
# sorted by id, shuffled with a fixed seed and cut in two halves, "dev" and "test". Word
# lists built from the news (tools/build_name_lexicon.py, tools/build_news_words.py) must
# leave the test half out, or the benchmark would measure them on their own source.
SPELLING_CORPORA = {"us_news_2016_real_small": None, "reuters21578": "NORM", "ag_news_test": None}


def split_rows(name: str, rows: list[dict], split: str) -> list[dict]:
    """The "dev" or "test" half of one corpus's rows (only rows with a body, of the kept type)."""
    import random

    text_type = SPELLING_CORPORA.get(name)
    rows = [r for r in rows if r["body"] and (text_type is None or r.get("text_type") == text_type)]
    rows.sort(key=lambda r: r["id"])
    random.Random(f"{name}-order").shuffle(rows)
    half = len(rows) // 2
    return rows[:half] if split == "dev" else rows[half:]


def spelling_test_ids() -> set[str]:
    """Ids of every article in the spelling benchmark's test halves."""
    out: set[str] = set()
    for name in SPELLING_CORPORA:
        with gzip.open(NEWS / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh]
        out.update(r["id"] for r in split_rows(name, rows, "test"))
    return out


def rows_outside_spelling_test(news_dir: Path = NEWS):
    """Every row of every news corpus in ``news_dir`` except the spelling benchmark's
    test halves: what the data builders may learn from without the benchmark measuring
    them on their own source."""
    held_out = spelling_test_ids()
    for path in sorted(news_dir.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["id"] not in held_out:
                    yield row
