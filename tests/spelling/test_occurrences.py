"""The speller's word lookup in long files: the letter-run index finds what the plain
search finds, so a long file gets the same findings, without the search per word that
made the check grow with the square of the file's size."""

from __future__ import annotations

import gzip
import json

from copylint import api
from copylint.config import Settings
from copylint.spelling import occurrences
from helpers import SHARED_DATA


def _long_archive(count: int = 150) -> str:
    parts = []
    with gzip.open(SHARED_DATA / "news" / "us_news_2016_real_small.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            parts.append(f"{row['headline']}\n\n{row['body']}")
            if len(parts) == count:
                break
    return "\n\n".join(parts) + "\n"


def _spelling(text: str) -> list[tuple]:
    settings = Settings(select=["typo.spelling", "typo.name-variant"], languagetool=False)
    return [(f.rule, f.line, f.column, f.end_column, f.message, f.suggestions)
            for f in api.lint_text(text, path="archive.txt", config=settings)]


def test_a_long_file_gets_the_same_findings_from_the_index(monkeypatch):
    text = _long_archive()
    assert len(text) > occurrences.LONG_TEXT
    indexed = _spelling(text)
    monkeypatch.setattr(occurrences, "LONG_TEXT", len(text) + 1)  # the plain search throughout
    searched = _spelling(text)
    assert indexed == searched
    assert len(indexed) > 50  # real names and typos in 150 articles: the comparison has teeth


def test_the_index_holds_every_use_not_glued_to_a_letter(monkeypatch):
    monkeypatch.setattr(occurrences, "LONG_TEXT", 0)
    text = "Kyiv, Kyivan Kyiv’s x²Kyiv (Kyiv) Kyiv-born and O'Neill met O'Neill's aide"
    # all but "Kyivan" (6); "x²Kyiv" is here, and left to callers that take ² as part of a word
    assert list(occurrences.candidate_starts(text, "Kyiv")) == [0, 13, 22, 28, 34]
    # a word with an apostrophe: the runs of its first letters that the rest follows
    assert list(occurrences.candidate_starts(text, "O'Neill")) == [text.index("O'Neill"), text.rindex("O'Neill")]


def test_words_with_apostrophes_are_found_where_the_plain_search_finds_them(monkeypatch):
    # (looked up by their first run of letters, not searched for over the whole file once
    # each, which made a long file's check grow with the square of its size)
    text = _long_archive()
    words = sorted({w for w in text.split() if ("'" in w or "’" in w) and w[:1].isalpha()})
    words = [w.strip(".,;:!?\"”)") for w in words][:400] + ["a'a"]
    text += " a'a'a a'a."

    def unglued(t: str, word: str, starts) -> list[int]:
        return [i for i in starts if not (i and t[i - 1].isalpha())]

    indexed = {w: unglued(text, w, occurrences.candidate_starts(text, w)) for w in words}
    monkeypatch.setattr(occurrences, "LONG_TEXT", len(text) + 1)
    searched = {w: unglued(text, w, occurrences.candidate_starts(text, w)) for w in words}
    assert indexed == searched
    assert sum(map(len, indexed.values())) > 400
