"""The built-in speller's rules: misspelt words (typo.spelling) and one name spelt two
ways in one article (typo.name-variant)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Hit, Severity
from ..registry import rule
from ..spelling.check import CAPITALISED_BEFORE_RE, analyse, skipped_context
from ..spelling.occurrences import candidate_starts
from ..spelling.variants import group_variants


@dataclass
class SpellingOptions:
    # report the other variety's spellings (colour in en-US) as warnings; off by default
    # because the house pack already keeps US and UK spelling consistent within a story,
    # and the us / uk packs enforce one variety
    other_variety: bool = False


@rule("typo.spelling", "A word the dictionary does not know, or a near miss of a known name",
      severity="error", fixable=True, skips=("note",), options=SpellingOptions)
def spelling(doc: Document, ctx) -> Iterator[Hit]:
    """Misspelt words, in the headline, body and direct quotations alike.

    The dictionary is English (``language: en-US`` or ``en-GB``) with word frequencies;
    suggestions come from edits (a transposition, a doubled or dropped letter, a wrong
    letter) ranked by how common the word is, and keep the case you typed
    (GOVERMENT -> GOVERNMENT). A fix is marked safe only when one correction clearly
    beats the rest.

    Names are not reported just because the dictionary lacks them: a word capitalised
    mid-sentence, used that way elsewhere in the article, listed in the name lexicon or
    in the ``accept`` vocabulary is taken for a name. A capitalised word one slip from a
    far more frequent name or word is still reported ("Isreal" -> Israel), and so is a
    first or last name one slip from a full name the lexicon knows ("Kier Starmer" ->
    Keir Starmer). Words glued to digits, URLs, emails, @handles and #tags are skipped;
    ALL-CAPS acronyms are skipped unless they are a clear slip of a long word. Words on
    the ``reject`` vocabulary are always reported. Write ``[sic]`` after a word that is
    spelt as in the original (or ``(sic)``).

    Spellings of the other variety ("colour" when ``language`` is en-US) are not typos:
    the house pack keeps US and UK spelling consistent within a story and the ``us`` /
    ``uk`` packs enforce one variety. With the option ``other_variety: true`` this rule
    reports them too, as warnings that name this variety's form."""
    analysis = analyse(doc, ctx.settings)
    other_variety = ctx.options.other_variety
    for m in analysis.misspellings:
        v = m.verdict
        if v.kind == "variant-spelling" and not other_variety:
            continue
        replacement = v.suggestions[0] if v.suggestions else None
        # the other language's spelling (colour in en-US) is a style matter, not a slip
        severity = Severity.WARNING if v.kind == "variant-spelling" else None
        yield Hit(m.start, m.end, v.message, suggestions=v.suggestions, replacement=replacement,
                  safe=v.safe, severity=severity)


@rule("typo.name-variant", "One name spelt two ways in the same article", fixable=True, skips=("note",))
def name_variant(doc: Document, ctx) -> Iterator[Hit]:
    """A name spelt two ways in one article: Zelensky and Zelenskyy, Olexander and
    Oleksandr, Gaddafi and Qaddafi. Spellings are matched by a transliteration key (y/i,
    ks/x, kh/h, q/k, doubled letters ...) and by edit distance, not from a list of pairs;
    two different dictionary names (Johnson, Johnston), forms that make another word
    (Ivanov, Ivanova) and spellings that differ only by accents (Beyoncé, Beyonce: a house
    style matter) are left apart, and so are two first names each always followed by
    another surname (Erick Erickson, Erik Paulsen: two people) and a first name beside
    a surname (Kiichi Miyazawa, Takashi Kiuchi); a spelling that
    typo.spelling reports is never the one to follow. The less used spelling is reported, with the
    majority one as the fix (on a tie, the later spelling is reported). The fix is not
    marked safe: the house may prefer the other spelling."""
    analysis = analyse(doc, ctx.settings)
    sp, ev, text = analysis.speller, analysis.evidence, doc.text
    counts: dict[str, int] = {}
    all_counts = analysis.counts
    flagged = analysis.flagged_words
    for token, facts in ev.caps_facts():
        base = facts.variant  # None for short and common words (Government, Russian)
        # a spelling typo.spelling reports is no spelling to follow (Venezula)
        if base is not None and base not in flagged:
            counts[base] = counts.get(base, 0) + all_counts[token]
    if len(counts) < 2:
        return
    first_seen: dict[str, int] = {}

    def first(name: str) -> int:
        if name not in first_seen:
            first_seen[name] = next(_positions(text, name), len(text))
        return first_seen[name]

    def dictionary_name(name: str) -> bool:
        return sp.known(name) or ev.lexicon.knows(name)

    for group in group_variants(counts, first, dictionary_name):
        for name in group.minority:
            if _different_people(text, name, group.majority, sp.is_common):
                continue
            for start in _positions(text, name):
                yield Hit(start, start + len(name),
                          f"'{name}' is spelt '{group.majority}' elsewhere in this article",
                          suggestions=(group.majority,), replacement=group.majority, safe=False)


_SURNAME_AFTER = re.compile(r"[ \t]+([A-Z][^\W\d_]+)")


def _different_people(text: str, a: str, b: str, is_common) -> bool:
    """Two first names, each always followed by a surname and never by the same one
    (Erick Erickson, Erik Paulsen), or a first name and a surname (Kiichi Miyazawa,
    Takashi Kiuchi): two people, not one name spelt two ways."""
    def surnames(name: str) -> set[str] | None:
        out = set()
        for i in _positions(text, name):
            m = _SURNAME_AFTER.match(text, i + len(name))
            if m is None:
                return None
            out.add(m.group(1))
        return out

    def always_surname(name: str) -> bool:
        """First used after a first name ("Takashi Kiuchi"; "The" is none), then alone
        or after it again ("Kiuchi told reporters"), and never before a surname."""
        uses = list(_positions(text, name))
        if not uses:
            return False
        m = CAPITALISED_BEFORE_RE.search(text, max(0, uses[0] - 40), uses[0])
        if m is None or is_common(m.group(1)):
            return False
        return not any(_SURNAME_AFTER.match(text, i + len(name)) for i in uses)

    sa, sb = surnames(a), surnames(b)
    if sa and sb:
        return not (sa & sb)
    return bool(sa and always_surname(b)) or bool(sb and always_surname(a))


def _positions(text: str, name: str):
    n = len(name)
    for i in candidate_starts(text, name):
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or after.isalnum()) and not skipped_context(text, i, i + n):
            yield i
