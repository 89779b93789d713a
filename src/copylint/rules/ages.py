"""One person's age given twice in a story, and differently: "John Smith, 45, ..." then
"Smith, 46, said". A slip of the keyboard or a second source that counted another
birthday; either way one figure is wrong, and no word list can know which
(facts.age-mismatch)."""

from __future__ import annotations

import re
from typing import Iterator

from ..model import Document, Hit
from ..registry import rule
from ..text import full_names, sentences
from .dates import MONTH_NUMBERS, WEEKDAYS

# a name and an age set off after it: "John Smith, 45," or "John Smith (45)"; up to four
# capitalised words, a title among them ("President Joe Biden, 79,")
_NAME_AGE_RE = re.compile(
    r"(?<![\w'’.-])(?P<name>(?:[A-Z][\w'’-]*\.?[ \t]+){0,3}(?P<surname>[A-Z][a-z][\w'’-]*))"
    r"(?:,[ \t]+(?P<age>\d{1,3}),|[ \t]+\((?P<paren_age>\d{1,3})\))")
_YEAR_RE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_NOT_A_PERSON = frozenset(WEEKDAYS) | {month.capitalize() for month in MONTH_NUMBERS}  # "Monday, 12,"


@rule("facts.age-mismatch", "One person's age given twice in a story, and differently",
      severity="warning", skips=("note",))
def age_mismatch(doc: Document, ctx) -> Iterator[Hit]:
    """A person's age set off after their name ("John Smith, 45," or "John Smith (45)")
    that differs from the age the story gave them before: one of the two is wrong. Only
    the same surname is compared, and not when the story names two people of that
    surname (a couple, a parent and a child), nor when either sentence names a year
    ("in 2010, Smith, 38, ..." tells of another time)."""
    text = doc.text
    found: dict[str, list[tuple[int, int, int]]] = {}  # surname -> (age, start, end) in order
    for m in _NAME_AGE_RE.finditer(text):
        surname = m.group("surname")
        if surname in _NOT_A_PERSON:
            continue
        age = m.group("age") or m.group("paren_age")
        start = m.start("age") if m.group("age") else m.start("paren_age")
        if 0 < int(age) <= 120:
            found.setdefault(surname, []).append((int(age), start, start + len(age)))
    if not any(len({a for a, _, _ in uses}) > 1 for uses in found.values()):
        return  # most stories give each age once, or the same age again
    firsts: dict[str, set[str]] = {}
    for first, _, last, _ in full_names(text):
        firsts.setdefault(last, set()).add(first)
    for surname, uses in found.items():
        if len({a for a, _, _ in uses}) < 2 or len(firsts.get(surname, ())) > 1:
            continue
        uses = [u for u in uses if not _YEAR_RE.search(_sentence_of(text, u[1]))]
        for (first_age, first_start, _), (age, start, end) in zip(uses, uses[1:]):
            if age != first_age:
                yield Hit(start, end, f"{surname} is {age} here but {first_age} earlier: one of the ages is wrong",
                          related=(doc.location(first_start, first_start + len(str(first_age)), "the earlier age"),))
                break


def _sentence_of(text: str, pos: int) -> str:
    """The sentence around ``pos``, as the splitter reads it, within its paragraph."""
    lo = text.rfind("\n\n", 0, pos)
    hi = text.find("\n\n", pos)
    lo, hi = (0 if lo == -1 else lo + 2), (len(text) if hi == -1 else hi)
    for s, e in sentences(text, lo, hi):
        if s <= pos < e:
            return text[s:e]
    return text[lo:hi]
