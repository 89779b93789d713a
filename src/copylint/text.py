"""Text helpers rules share: words, sentences, direct quotations."""

from __future__ import annotations

import bisect
import collections
import re

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# WORD_RE for ASCII text, where the only letters are A-Z and a-z: a plain range matches
# faster than the Unicode class (no possessive repeats: Python 3.10 lacks them)
_ASCII_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
# a sentence ends at . ! ? (optionally followed by closing quotes/brackets) and whitespace
# (one branch per first character: the engine then skips ahead to a candidate instead of
# trying the pattern at every offset; the matches are those of "[.!?]+[...]*(?=\s+|$)")
_END_TAIL = r"[.!?]*[\"'”’)\]]*(?=\s+|$)"
SENTENCE_END_RE = re.compile(rf"\.{_END_TAIL}|!{_END_TAIL}|\?{_END_TAIL}|\n\s*\n")
_ABBREV = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "sgt", "rep", "sen", "gov",
           "prof", "no", "vs", "u.s", "u.k", "u.n", "inc", "corp", "co", "ltd", "jan", "feb", "mar",
           "apr", "aug", "sept", "sep", "oct", "nov", "dec", "e.g", "i.e", "etc", "capt", "cmdr", "adm"}


def words(text: str, start: int = 0, end: int | None = None):
    """Yield (start, end, word) for each word in text[start:end]."""
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        yield m.start(), m.end(), m.group()


def word_counts(text: str) -> collections.Counter:
    """How often each of WORD_RE's words occurs in ``text`` (most news copy is ASCII and
    takes the faster pattern; the words are the same)."""
    pattern = _ASCII_WORD_RE if text.isascii() else WORD_RE
    return collections.Counter(pattern.findall(text))


_remembered: tuple[str | None, dict[tuple[int, int], tuple[tuple[int, int], ...]]] = (None, {})


def sentences(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """(start, end) of the sentences in text[start:end]; abbreviations such as "Mr." and
    initials do not end a sentence. Several rules split the same blocks of one article,
    so the splits of the last text asked about are remembered."""
    global _remembered
    end = len(text) if end is None else end
    if _remembered[0] is not text:
        _remembered = (text, {})
    known = _remembered[1]
    found = known.get((start, end))
    if found is None:
        found = known[(start, end)] = tuple(_split_sentences(text, start, end))
    return found


def _split_sentences(text: str, start: int, end: int):
    pos = start
    for m in SENTENCE_END_RE.finditer(text, start, end):
        if m.group().startswith("."):
            w = re.search(r"([\w.]+)$", text[max(pos, m.start() - 12):m.start()])
            if w and (w.group(1).lower() in _ABBREV or len(w.group(1)) == 1):
                continue
        s = pos
        while s < m.end() and text[s].isspace():
            s += 1
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
        pos = m.end()
    s = pos
    while s < end and text[s].isspace():
        s += 1
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


# (the look-behind after the opening quote, so the engine can skip ahead to a quote mark)
# a quotation may run over the line breaks of a hard-wrapped paragraph (up to 20 of them, so
# that a stray quote mark costs a bounded search in a file without blank lines), never over
# a blank line
_QUOTE_RE = re.compile(r"“[^”\n]*(?:\n(?![ \t]*\n)[^”\n]*){0,20}”|\"(?<![\w]\")[^\"\n]*(?:\n(?![ \t]*\n)[^\"\n]*){0,20}\"")


# a quotation in single marks, as British papers write speech: 'We lost,' he said. An
# apostrophe inside a word (don't) is passed over; one after a word and before a space or
# stop (Reuters' report) ends the search, and none opens an elision ('90s, 'em, 'n').
# Taken only when it is plainly speech: see _spoken
_SINGLE_QUOTE_RE = re.compile(r"['‘](?<![\w'’‘]['‘])(?!(?i:\d\ds?|em|n|til|cause|tis|twas)\b)(?=[^\s'’])"
                              r"[^'‘’\n]*(?:(?:(?<=\w)['’](?=\w)|\n(?![ \t]*\n))[^'‘’\n]*){0,20}['’](?!\w)")
_COLON_BEFORE_RE = re.compile(r":[ \t]*$")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Direct quotations ("...", “...”, and single-quoted speech) within one paragraph,
    as (start, end); a quotation inside another is left to the outer one."""
    spans = [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)]
    single = [(m.start(), m.end()) for m in _SINGLE_QUOTE_RE.finditer(text) if _spoken(text, m.start(), m.end())]
    if not single:
        return spans
    outer: list[tuple[int, int]] = []
    for s, e in sorted(spans + single, key=lambda span: (span[0], -span[1])):
        if not outer or s >= outer[-1][1]:
            outer.append((s, e))
    return outer


def _spoken(text: str, start: int, end: int) -> bool:
    """Single marks also set off titles, nicknames and scare quotes ('rebel' MPs): a
    quotation counts when it closes on the speaker's own , . ! ? or … ('We won,' she
    said) or follows a colon (she wrote: 'Made my year #cake')."""
    return text[end - 2] in ",.!?…" or _COLON_BEFORE_RE.search(text, max(0, start - 4), start) is not None


class QuoteIndex:
    def __init__(self, text: str) -> None:
        self.spans = quote_spans(text)
        self.starts = [s for s, _ in self.spans]

    def inside(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]


_NON_WORD_RE = re.compile(r"[^\w\s]+")


def normalize_headline(text: str) -> str:
    """Case, punctuation, quotes and whitespace folded, for comparing headlines."""
    return " ".join(_NON_WORD_RE.sub(" ", text.casefold()).split())


# site sections a breadcrumb names after "Home" ("Home › News › Local")
_SECTIONS = ("News|World|UK|US|U\\.S\\.|Local|Politics|Business|Money|Markets|Economy|Sport|Sports|Opinion|"
             "Entertainment|Culture|Arts|Tech|Technology|Science|Health|Lifestyle|Travel|Education|"
             "Environment|Weather|Europe|Asia|Africa|Americas|Latest|Top Stories")
_CRUMB_SEP = r"[ \t]*[›>»|/·•][ \t]*"
# "Home › News › " or "Home News ": a breadcrumb pasted in with a scraped headline. Only
# "Home" with a separator or a section name after it: "Home Office says", "Home Depot
# sales" and "HOME SHOPPING <HSN>" are headlines
_NAV_PREFIX_RE = re.compile(
    rf"(?:Home|HOME)(?:{_CRUMB_SEP}(?:(?:{_SECTIONS}){_CRUMB_SEP})*|(?:[ \t]+(?:{_SECTIONS}))+[ \t]+)")


def navigation_prefix(text: str, start: int, end: int) -> int:
    """Where site navigation glued to the front of a headline ends ("Home News Council
    approves ..." -> the offset of "Council"), or ``start`` when there is none. A
    headline of fewer than three words after it is left alone."""
    m = _NAV_PREFIX_RE.match(text, start, end)
    if m is None or len(WORD_RE.findall(text, m.end(), end)) < 3 or not text[m.end():m.end() + 1].isupper():
        return start
    return m.end()


def doubled_run(words: list[str], min_words: int) -> tuple[int, int] | None:
    """(start, size) of the longest run of at least ``min_words`` words repeated back to
    back ("Council approves budget Council approves budget"), if any."""
    n = len(words)
    for size in range(n // 2, min_words - 1, -1):
        for i in range(0, n - 2 * size + 1):
            if words[i:i + size] == words[i + size:i + 2 * size]:
                return i, size
    return None
