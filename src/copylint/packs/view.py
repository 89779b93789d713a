"""What pack rules need to know about one article besides the matches: which blocks a
position lies in, whether it is inside a direct quotation, words and names seen."""

from __future__ import annotations

import bisect
import re

from ..model import Document, Region
from ..text import QuoteIndex
from .patterns import at_boundaries, lower_same_length, starts_sentence

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
_EVIDENCE_KINDS = frozenset(("standfirst", "caption") + SCOPES["body"])
_COUNTED_RE = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


class DocView:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        regions = doc.regions or [Region("paragraph", 0, len(doc.text))]
        self.regions = sorted(regions, key=lambda r: (r.start, -r.end))
        self.starts = [r.start for r in self.regions]
        # the usual case: blocks one after another, none inside another
        self.flat = all(a.end <= b.start for a, b in zip(self.regions, self.regions[1:]))
        self._quotes: QuoteIndex | None = None
        self._words: dict[frozenset, int] = {}
        self._usage: dict[str, tuple[bool, bool, bool]] = {}
        self._lower: str | None = None
        self._evidence_blocks: list[tuple[int, int]] = []

    # ------------------------------------------------------------------ where
    def covering(self, start: int, end: int) -> list[Region]:
        i = bisect.bisect_right(self.starts, start)
        if self.flat:
            r = self.regions[i - 1] if i else None
            return [r] if r is not None and r.start <= start and end <= r.end else []
        return [r for r in self.regions[:i] if r.start <= start and end <= r.end]

    def kinds_at(self, start: int, end: int) -> set[str]:
        return {r.kind for r in self.covering(start, end)}

    def any_kind_at(self, start: int, end: int, kinds: frozenset[str]) -> bool:
        """Whether a block of one of ``kinds`` covers [start, end) (asked for every match)."""
        if self.flat:
            i = bisect.bisect_right(self.starts, start)
            if not i:
                return False
            r = self.regions[i - 1]
            return r.kind in kinds and r.start <= start and end <= r.end
        return any(r.kind in kinds for r in self.covering(start, end))

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
        return self.quotes.inside(start, end)

    @property
    def quotes(self) -> QuoteIndex:
        if self._quotes is None:
            self._quotes = QuoteIndex(self.text, self.doc.headline_spans())
        return self._quotes

    # ------------------------------------------------------------------ counts
    def word_count(self, kinds: frozenset[str]) -> int:
        n = self._words.get(kinds)
        if n is None:
            n = sum(len(_COUNTED_RE.findall(self.text, b.start, b.end)) for b in self.blocks(kinds))
            self._words[kinds] = n
        return n

    def evidence_words(self) -> int:
        """How many words the body, standfirst and captions hold: the evidence of how
        the article writes its words (none in a headline posted alone)."""
        return self.word_count(_EVIDENCE_KINDS)

    def word_usage(self, key: str) -> tuple[bool, bool]:
        """How the body, standfirst and captions write a word: (capitalised inside a
        sentence, i.e. as a name; in lower case). The article's own evidence of which
        capitalised words are names."""
        return self._usage_of(key)[:2]

    def capitalised_anywhere(self, key: str) -> bool:
        """Whether the body writes the word with a capital anywhere, a sentence's first
        word too ("Google has billed its IPO...")."""
        return self._usage_of(key)[2]

    def _usage_of(self, key: str) -> tuple[bool, bool, bool]:
        found = self._usage.get(key)
        if found is None:
            as_name = as_word = capital = False
            text = self.text
            if self._lower is None:
                self._lower = lower_same_length(text)
                self._evidence_blocks = [(b.start, b.end) for b in self.blocks(_EVIDENCE_KINDS)]
            low = self._lower
            for bs, be in self._evidence_blocks:
                i = low.find(key, bs, be)
                while i != -1:
                    end = i + len(key)
                    if low.startswith(("'s", "’s"), end):
                        end += 2
                    if at_boundaries(text, i, end):
                        first = text[i]
                        if first.isupper():
                            capital = True
                            if not as_name and not starts_sentence(text, i):
                                as_name = True
                        elif first.islower():
                            as_word = True
                        if as_name and as_word:
                            break
                    i = low.find(key, i + 1, be)
                if as_name and as_word:
                    break
            found = self._usage[key] = (as_name, as_word, capital)
        return found

    def phrase_capitalised(self, first: str, second: str) -> bool:
        """Whether "first second" appears in the body with both words capitalised."""
        self.word_usage(first)  # builds the lower-case view
        low, text = self._lower, self.text
        needle = f"{first} {second}"
        for bs, be in self._evidence_blocks:
            i = low.find(needle, bs, be)
            while i != -1:
                j = i + len(first) + 1
                if text[i].isupper() and text[j].isupper() and at_boundaries(text, i, i + len(needle)):
                    return True
                i = low.find(needle, i + 1, be)
        return False

    def used_as_name(self, key: str) -> bool:
        return self.word_usage(key)[0]


def base_word(word: str) -> str:
    """Case-folded, without a possessive: "Biden’s" -> "biden"."""
    w = word.casefold().replace("’", "'")
    return w[:-2] if w.endswith("'s") else w
