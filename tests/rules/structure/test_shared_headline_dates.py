"""structure.duplicate-headline across articles: a wire's daily slug on different dates is
no duplicate; the same headline on one date, or beside an undated article, still is."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from helpers import SHARED_DATA

import copylint
from copylint.config import Settings

SLUG = "HOG AND CATTLE SLAUGHTER GUESSTIMATES"


def _slug_stories() -> list[dict]:
    with gzip.open(SHARED_DATA / "news" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [r for r in rows if r["headline"] == SLUG and r["body"] and r["date"]]


def _write(folder: Path, name: str, row: dict, date: str | None) -> Path:
    front = f"---\ntitle: \"{row['headline']}\"\n" + (f"date: {date}\n" if date else "") + "---\n\n"
    path = folder / name
    path.write_text(front + row["body"] + "\n", encoding="utf-8")
    return path


def _shared(paths) -> list[str]:
    findings = copylint.lint_paths(paths, Settings(select=["structure.duplicate-headline"]))
    return sorted(Path(f.path).name for f in findings if "another article" in f.message)


def test_a_daily_slug_on_different_dates_is_not_a_duplicate(tmp_path):
    rows = _slug_stories()
    dates = sorted({r["date"] for r in rows})
    assert len(dates) >= 5  # the slug recurs on many days
    by_date = {r["date"]: r for r in rows}
    paths = [_write(tmp_path, f"{d}.md", by_date[d], d) for d in dates[:5]]
    assert _shared(paths) == []


def test_the_same_headline_on_one_date_or_undated_is_still_reported(tmp_path):
    rows = _slug_stories()
    first, second = rows[0], rows[1]
    a = _write(tmp_path, "a.md", first, first["date"])
    b = _write(tmp_path, "b.md", second, first["date"])  # posted twice that day
    c = _write(tmp_path, "c.md", second, second["date"] if second["date"] != first["date"] else "1987-12-31")
    assert _shared([a, b, c]) == ["a.md", "b.md"]
    undated = _write(tmp_path, "u.md", second, None)
    assert _shared([a, c, undated]) == ["a.md", "c.md", "u.md"]  # a and c each beside u only
