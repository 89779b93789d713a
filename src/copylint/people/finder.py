"""Where title forms occur in an article, found in one pass over the whole text.

A block can hold a mention only where a title form occurs in it, and most blocks hold
none. Python's backtracking engine needs one search per block and tries the forms at
every letter; RE2 (google-re2, an automaton) finds them all in one pass over the
article, about ten times faster. Its hits may include a few more places than the
patterns of mentions.py would accept, never fewer: a block without a hit cannot hold a
mention.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right

try:  # a declared dependency; without it the same search runs on Python's engine
    import re2 as _re2
except ImportError:  # pragma: no cover
    _re2 = None


class TitleFinder:
    """Spans of title forms in a text. ``titles`` is the alternation of the forms (no
    look-arounds), ``forms`` the forms themselves and ``places`` the place forms;
    ``use_re2=False`` runs the search on Python's engine (the tests compare the two)."""

    def __init__(self, titles: str, forms, places, use_re2: bool = True) -> None:
        starts_word = _titles_start_words(forms, places)
        self._source = ("(?<!\\w)" if starts_word else "") + f"(?:{titles})"
        self._on_bytes = None
        if use_re2 and _re2 is not None and starts_word and all(_ascii_word_char(f[:1]) for f in forms):
            options = _re2.Options()
            options.log_errors = False
            try:
                self._on_bytes = _re2.compile(f"\\b(?:{titles})".encode("utf-8"), options)
            except Exception:  # noqa: BLE001 - a pattern RE2 refuses runs on Python's engine
                self._on_bytes = None

    @functools.cached_property
    def _python(self) -> re.Pattern:
        """The search on Python's engine, compiled only when asked (15 ms: RE2 does
        the work for nearly every text)."""
        return re.compile(self._source)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the forms found, in order, not overlapping. Every place where a
        title form starts after a non-word character lies inside one of them."""
        if self._on_bytes is not None:
            try:
                data = text.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates: RE2 reads UTF-8 only
                data = None
            if data is not None:
                found = [m.span() for m in self._on_bytes.finditer(data)]
                return found if len(data) == len(text) or not found else _char_spans(data, found)
        return [m.span() for m in self._python.finditer(text)]


def _char_spans(data: bytes, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in the UTF-8 bytes of a text as spans in its characters (the bytes are
    decoded once, piece by piece; google-re2's own conversion on str costs more)."""
    out = []
    byte = char = 0
    for s, e in spans:
        start = char + len(data[byte:s].decode("utf-8"))
        char = start + len(data[s:e].decode("utf-8"))
        byte = e
        out.append((start, char))
    return out


def touches(spans: list[tuple[int, int]], ends: list[int], start: int, end: int) -> bool:
    """Does a span (``ends``: their ends, in order) overlap ``text[start:end]``?"""
    i = bisect_right(ends, start)
    return i < len(spans) and spans[i][0] < end


def _ascii_word_char(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch == "_")


def _titles_start_words(forms, places) -> bool:
    """Every title a pattern can match follows a non-word character: a qualifier's or a
    place's gap or hyphen, ", ", "the ", or the prefix pattern's look-behind. The one
    exception would be the lead pattern's look-ahead for "<place>'s" with the title where
    the place starts, possible only if a title form and a place form begin alike."""
    return not any(t.startswith(p) or p.startswith(t) for t in forms for p in places)
