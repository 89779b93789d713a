"""One matcher for the terms of every loaded pack rule, so the cost of a pass over an
article does not grow with the number of rules.

Literal terms go into two Aho–Corasick automatons (pyahocorasick): word terms on the
lower-case, quote-folded text (those that keep case are checked against the folded text),
punctuation terms on the text as it is; pattern terms are screened with one RE2 set, and
only the patterns the set reports are run on their own. A match is kept only when it
does not cut a word.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from .patterns import (at_boundaries, compile_pattern, fold_term, fold_view, is_literal, is_wordish,
                       lower_same_length, search_set)


@dataclass(eq=False)
class Term:
    """One thing to look for, on behalf of one rule. ``payload`` is what the rule's kind
    needs back (a replacement, a variant...)."""

    rule: int  # index of the rule in the matcher's rule list
    text: str  # the term as written in the pack
    ignorecase: bool = True
    literal: bool | None = None  # None: decide from the term (no regex syntax = literal)
    payload: Any = None
    regex: Any = field(default=None, repr=False)

    @property
    def is_literal(self) -> bool:
        return is_literal(self.text) if self.literal is None else self.literal

    @functools.cached_property
    def folded(self) -> bool:
        """Asked several times per term while the matcher is built: worked out once."""
        return is_wordish(self.text)


class _Views:
    """The text as each group of terms sees it, built lazily once per article."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._cache: dict[tuple[bool, bool], str] = {}

    def get(self, folded: bool, lower: bool) -> str:
        key = (folded, lower)
        view = self._cache.get(key)
        if view is None:
            if not folded:
                view = self.text  # punctuation-only terms: white space and case do not matter
            elif lower:
                view = lower_same_length(self.get(True, False))
            else:
                view = fold_view(self.text)
            self._cache[key] = view
        return view


class Matcher:
    """Compiled terms of all rules. ``scan(text)`` returns ``{rule index: [(start, end,
    term), ...]}`` sorted by position."""

    def __init__(self, terms: list[Term]) -> None:
        self.automatons: dict[tuple[bool, bool], Any] = {}
        self.patterns: list[Term] = []
        # Word terms share one automaton on the lower-case view; a term that keeps case
        # carries its folded form, and its matches must show it in the folded view (the
        # same matches as an automaton of its own on that view, one pass fewer).
        # Punctuation terms have no case and are matched in the text as it is.
        buckets: dict[tuple[bool, bool], dict[str, list[tuple[Term, str | None]]]] = {}
        for t in terms:
            if t.is_literal:
                if t.folded:
                    key, form = (True, True), fold_term(t.text)
                    needle, exact = lower_same_length(form), (None if t.ignorecase else form)
                else:
                    key, needle, exact = (False, False), t.text, None
                buckets.setdefault(key, {}).setdefault(needle, []).append((t, exact))
            else:
                if t.regex is None:
                    t.regex = compile_pattern(fold_term(t.text) if t.folded else t.text, t.ignorecase)
                self.patterns.append(t)
        for key, needles in buckets.items():
            a = ahocorasick.Automaton()
            for needle, owners in needles.items():
                a.add_word(needle, (len(needle), tuple(owners)))
            a.make_automaton()
            self.automatons[key] = a
        # one RE2 set per text view screens every pattern in a single pass
        self.sets: dict[bool, tuple[Any, list[Term]]] = {}
        for folded in (True, False):
            group = [t for t in self.patterns if t.folded == folded]
            if group:
                screened = search_set([("(?i)" if t.ignorecase else "") + (fold_term(t.text) if folded else t.text)
                                       for t in group])
                self.sets[folded] = (screened, group)
        self.term_count = len(terms)

    def scan(self, text: str) -> dict[int, list[tuple[int, int, Term]]]:
        found: dict[int, list[tuple[int, int, Term]]] = {}
        views = _Views(text)
        last = len(text) - 1
        for (folded, lower), automaton in self.automatons.items():
            view = views.get(folded, lower)
            for end, (length, owners) in automaton.iter(view):
                start = end - length + 1
                # at_boundaries(text, start, end + 1), written out: this loop sees every
                # digit of every number and every "said"
                if start:
                    a, b = text[start - 1], text[start]
                    if (a.isalnum() or a == "_") and (b.isalnum() or b == "_"):
                        continue
                if end < last:
                    a, b = text[end], text[end + 1]
                    if (a.isalnum() or a == "_") and (b.isalnum() or b == "_"):
                        continue
                for t, exact in owners:
                    if exact is not None and views.get(True, False)[start:end + 1] != exact:
                        continue
                    found.setdefault(t.rule, []).append((start, end + 1, t))
        for folded, (screened, group) in self.sets.items():
            view = views.get(folded, False)
            if screened is not None:
                hits = screened.Match(view)
                if not hits:
                    continue
                candidates = [group[i] for i in sorted(hits)]
            else:
                candidates = group
            for t in candidates:
                for s, e in t.regex.spans(view):
                    if e > s and at_boundaries(text, s, e):
                        found.setdefault(t.rule, []).append((s, e, t))
        for matches in found.values():
            matches.sort(key=lambda x: (x[0], -x[1]))
        return found


def longest_first(matches: list[tuple[int, int, Term]]) -> list[tuple[int, int, Term]]:
    """Drop matches that overlap an earlier (or, at the same start, longer) one."""
    out: list[tuple[int, int, Term]] = []
    last_end = -1
    for m in matches:
        if m[0] >= last_end:
            out.append(m)
            last_end = m[1]
    return out
