"""Words an article explains by itself, which no dictionary needs to know: abbreviations
it defines ("processed palm oil (ppo)"), foreign phrases English copy keeps as they are
("pari passu", "en masse", listed in ``rules/spelling/phrases.txt``) and interjections
with a letter held or a laugh drawn out ("goshh", "ummm", "hahahah")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..data import rules_path
from .lexicon import read_word_list

PHRASES_FILE = ("spelling", "phrases.txt")
# words an abbreviation's letters may skip ("Bank for International Settlements (BIS)")
_SKIPPABLE = frozenset(("of", "and", "the", "for", "de", "du", "des", "la", "le", "del", "in", "on", "to", "&"))
_IN_PARENS = re.compile(r"\(([^\W\d_]{2,8})\)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+|&)[\s-]*$")
# interjections, each held letter of theirs written once ("hmm" is "hm", "ooh" is "oh")
INTERJECTIONS = frozenset("""ah aw ay bo bah br duh eh gah gosh gr hah heh hey hm huh jeez m meh mwah
nah naw ok oh ops ow oy phew pf ps sh ugh uh um wah whoa wow ya yay yeah yep yup yuck yum""".split())
_LAUGH = re.compile(r"(?:ha|he|hi|ah|ja|lo)+[ahl]?")


_RUN = re.compile(r"(.)\1+")  # a letter written twice or more in a row


def _squeezed(word: str) -> str:
    """Each run of one letter written once ("goshh" -> "gosh", "ummm" -> "um")."""
    return _RUN.sub(r"\1", word)


def held_interjection(key: str) -> bool:
    """An interjection drawn out on purpose: a letter held ("goshh", "naww", "ummm") or
    a laugh ("hahahah"); the dictionary lists only the plain forms. (Asked of every
    unknown word: most have no letter held, and a search costs less than squeezing.)"""
    if _RUN.search(key) and _squeezed(key) in INTERJECTIONS:
        return True
    return len(key) >= 6 and _LAUGH.fullmatch(key) is not None


def defined_abbreviations(text: str) -> frozenset[str]:
    """Abbreviations the article spells out, lower-cased, with their plural or singular:
    a word in brackets whose letters are the initials of the words just before it
    ("video tape recorders (vtrs)", "processed palm oil (PPO)"). Such a word is the
    article's own term, however few dictionaries list it."""
    out: set[str] = set()
    for m in _IN_PARENS.finditer(text):
        abbr = m.group(1).lower()
        if _spelled_out_before(text, m.start(), abbr) or \
                (abbr.endswith("s") and _spelled_out_before(text, m.start(), abbr[:-1])):
            out.update((abbr, abbr[:-1]) if abbr.endswith("s") else (abbr, abbr + "s"))
    return frozenset(out)


def _spelled_out_before(text: str, end: int, abbr: str) -> bool:
    """Whether the words ending at ``end`` begin, in order, with the letters of ``abbr``
    (last letter, last word), skipping small words such as "of" and "and"."""
    letters = list(abbr)
    pos = end
    skipped = 0
    while letters:
        m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
        if m is None:
            return False
        word = m.group(1).lower()
        pos = m.start()
        if word[0] == letters[-1]:
            letters.pop()
        elif word in _SKIPPABLE and skipped < 2:
            skipped += 1
        else:
            return False
    return True


@lru_cache(maxsize=1)
def loan_phrases() -> tuple[frozenset[str], re.Pattern | None]:
    """The listed phrases' words, and one pattern that finds any of them."""
    phrases = read_word_list(rules_path(*PHRASES_FILE))
    words = frozenset(w for p in phrases for w in re.split(r"[\s-]+", p))
    if not phrases:
        return words, None
    alternatives = sorted((r"[\s-]+".join(_word_pattern(w) for w in re.split(r"[\s-]+", p)) for p in phrases),
                          key=len, reverse=True)
    return words, re.compile(r"(?<![^\W\d_])(?:" + "|".join(alternatives) + r")(?![^\W\d_])", re.I)


@lru_cache(maxsize=1)
def run_together_phrases() -> dict[str, str]:
    """The listed phrases written as one word, each to its phrase ("bonafide": "bona
    fide"): slips, however often running text has them."""
    return {re.sub(r"[\s'-]+", "", p): p for p in read_word_list(rules_path(*PHRASES_FILE))}


def _word_pattern(word: str) -> str:
    """A phrase's word, its apostrophe straight or curly ("coup d’état")."""
    return "['’]".join(map(re.escape, word.split("'")))


@lru_cache(maxsize=1)
def _loan_phrase_reach() -> int:
    """How far from a word of it a listed phrase can stretch, spaces doubled."""
    return 2 * max((len(p) for p in read_word_list(rules_path(*PHRASES_FILE))), default=0) + 8


def in_loan_phrase(text: str, pos: int) -> bool:
    """Whether text[pos] is inside a listed foreign phrase ("pari passu"). Only the
    stretch a phrase could cover is searched: the whole text once per article cost
    0.3 s a megabyte in an archive pasted into one file."""
    _, pattern = loan_phrases()
    if pattern is None:
        return False
    reach = _loan_phrase_reach()
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    for m in pattern.finditer(text, lo, hi):
        if m.start() <= pos < m.end() and (m.end() < hi or hi == len(text)):
            return True  # (a match that ends at the window's edge may go on into a longer word)
    return False
