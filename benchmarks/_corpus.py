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
