"""What pack rules need to know about one article besides the matches: which blocks a
position lies in, whether it is inside a direct quotation, words and names seen."""

from __future__ import annotations

import bisect
import re

from ..model import Document, Region
from ..text import QuoteIndex, WORD_RE
from .patterns import starts_sentence

# scope names a pack may use -> Region kinds
SCOPES = {
    "headline": ("headline",),
    "standfirst": ("standfirst",),
    "body": ("paragraph", "heading", "list", "blockquote", "table"),
    "caption": ("caption",),
    "paragraph": ("paragraph",),
    "heading": ("heading",),
    "list": ("list",),
    "blockquote": ("blockquote",),
    "table": ("table",),
}
_COUNTED_RE = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


class DocView:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        regions = doc.regions or [Region("paragraph", 0, len(doc.text))]
        self.regions = sorted(regions, key=lambda r: (r.start, -r.end))
        self.starts = [r.start for r in self.regions]
        self._quotes: QuoteIndex | None = None
        self._words: dict[frozenset, int] = {}
        self._evidence: tuple[set[str], set[str]] | None = None

    # ------------------------------------------------------------------ where
    def covering(self, start: int, end: int) -> list[Region]:
        i = bisect.bisect_right(self.starts, start)
        return [r for r in self.regions[:i] if r.start <= start and end <= r.end]

    def kinds_at(self, start: int, end: int) -> set[str]:
        return {r.kind for r in self.covering(start, end)}

    def block_at(self, start: int, end: int) -> Region | None:
        inside = self.covering(start, end)
        return min(inside, key=lambda r: r.end - r.start) if inside else None

    def blocks(self, kinds: frozenset[str]) -> list[Region]:
        """Regions of these kinds, outermost only, in text order."""
        out: list[Region] = []
        for r in self.regions:
            if r.kind in kinds and not (out and out[-1].start <= r.start and r.end <= out[-1].end):
                out.append(r)
        return out

    def in_quote(self, start: int, end: int) -> bool:
        if self._quotes is None:
            self._quotes = QuoteIndex(self.text)
        return self._quotes.inside(start, end)

    # ------------------------------------------------------------------ counts
    def word_count(self, kinds: frozenset[str]) -> int:
        n = self._words.get(kinds)
        if n is None:
            n = sum(1 for b in self.blocks(kinds) for _ in _COUNTED_RE.finditer(self.text, b.start, b.end))
            self._words[kinds] = n
        return n

    def name_evidence(self) -> tuple[set[str], set[str]]:
        """(words capitalised inside sentences, words written in lower case) in the
        body, standfirst and captions: the article's own evidence of which capitalised
        words are names."""
        if self._evidence is None:
            names: set[str] = set()
            lower: set[str] = set()
            kinds = frozenset(("standfirst", "caption") + SCOPES["body"])
            text = self.text
            for b in self.blocks(kinds):
                for m in WORD_RE.finditer(text, b.start, b.end):
                    w = m.group()
                    key = base_word(w)
                    if w[0].isupper():
                        if not starts_sentence(text, m.start()):
                            names.add(key)
                    elif w[0].islower():
                        lower.add(key)
            self._evidence = (names, lower)
        return self._evidence


def base_word(word: str) -> str:
    """Case-folded, without a possessive: "Biden’s" -> "biden"."""
    w = word.casefold().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w
