"""Where a word occurs in an article, for the speller's questions about it ("is it used
as a name elsewhere?", "where are its other uses?").

In an article, searching the whole text once per word is the cheapest way. In a very
long file (an archive pasted into one document) the number of words asked about grows
with the text too, and the searches together grow with the square of its size; there,
one pass indexes every run of letters, and a word is looked up in the index.
"""

from __future__ import annotations

import re
from typing import Iterator

LONG_TEXT = 100_000  # characters; below this the plain search is cheaper than the index

_LETTERS_RE = re.compile(r"[^\W\d_]+")  # letters, and the rare numerals that are not digits
_index: tuple[str | None, dict[str, list[int]]] = (None, {})


def candidate_starts(text: str, word: str) -> Iterator[int]:
    """Offsets where ``word`` occurs in ``text``, in order, found as ``str.find`` finds
    them one after another. Callers keep only the uses with no letter glued on either
    side, and those are all here. (In a long text only uses that start and end a run of
    letters are looked up, which are the only ones such a caller keeps; for a word with an
    apostrophe, the uses that start with its first run of letters.)"""
    if len(text) >= LONG_TEXT:
        if word.isalpha():
            yield from _letter_runs(text).get(word, ())
            return
        head = _LETTERS_RE.match(word)
        if head is not None and head.group().isalpha():
            # "Obama's", "O'Brien": a use with no letter before it starts a run of letters
            # that is the word's first one; the uses are those runs the rest follows
            # (after one another, as str.find would find them)
            n, last = len(word), None
            for i in _letter_runs(text).get(head.group(), ()):
                if (last is None or i >= last + n) and text.startswith(word, i):
                    last = i
                    yield i
            return
    n = len(word)
    i = text.find(word)
    while i != -1:
        yield i
        i = text.find(word, i + n)


def _letter_runs(text: str) -> dict[str, list[int]]:
    """Start offsets of every maximal run of letters, by the run (for the last text)."""
    global _index
    if _index[0] is not text:
        runs: dict[str, list[int]] = {}
        for m in _LETTERS_RE.finditer(text):
            run, start = m.group(), m.start()
            if run.isalpha():
                runs.setdefault(run, []).append(start)
                continue
            for part in _LETTERS_RE.finditer("".join(c if c.isalpha() else " " for c in run)):
                runs.setdefault(part.group(), []).append(start + part.start())
        _index = (text, runs)
    return _index[1]
