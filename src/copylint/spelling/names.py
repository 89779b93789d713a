"""Names are not typos because they are unknown.

A capitalised word the dictionary lacks is taken for a name when the writer chose the
capital (it stands mid-sentence, not at a sentence start or in a title-case headline),
when it is used that way elsewhere in the article, or when the name lexicon or a house
vocabulary lists it. It is still reported when it is one slip away from a much more
frequent known word or name ("Isreal" -> Israel), or when, with the word next to it, it
is one slip from a full name in the lexicon ("Kier Starmer" -> Keir Starmer).

:class:`NameEvidence` is built once per document; the LanguageTool bridge uses it too.
"""

from __future__ import annotations

import collections
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..model import HEAD_KINDS
from ..text import WORD_RE, abbreviation_before, word_counts
from .lexicon import name_lexicon, title_heads, vocabulary_for
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .deletions import SmallDeletionIndex, one_edit_apart
from .occurrences import candidate_starts
from .variants import different_word, translit_key, transliterations
from .speller import LETTERS, NEAR_KEYS, Speller, edit_cost, edit_strings, get_speller, match_case, news_articles, normalise, running_text_zipf, seen_words
from .usage import run_together_phrases

_OPENERS = "\"“‘'([{«"
_CLOSERS = "\"”’')]}»"
NEXT_NAME_RE = re.compile(r"[ \t]+([A-Z][^\W\d_]+(?:['’][A-Z]?[^\W\d_]+)?)")
INSTITUTION_WORDS = frozenset((
    "Corp", "Corporation", "Inc", "Co", "Ltd", "Plc", "PLC", "Group", "Bank", "Center", "Centre",
    "Association", "Institute", "Council", "Committee", "Department", "Ministry", "University",
    "College", "School", "Agency", "Authority", "Commission", "Foundation", "Systems", "Industries",
    "Airlines", "Party", "Court", "States", "Union", "Company", "Holdings", "Services", "Board",
    "Office", "Organization", "Organisation", "Fund", "Trust", "Society", "Federation", "Museum",
))
# after a dateline's place: ", Country", " (Agency)" or a dash
_DATELINE_RE = re.compile(r",[ \t]+[A-Z][a-z]|[ \t]+\([A-Za-z]|[ \t]+[-–—]")
_LINE_START_RE = re.compile(r"(?:^|\n)(?:[A-Z]+[ /])*$")
_BYLINE_RE = re.compile(r"[ \t]*(?:By|BY)[ \t]+(?:[A-Z][\w.'’-]*[ \t]+){0,3}$")
# what follows a company's own name: its ticker, or the word that makes it a company
# ("Vicon Inc", "BRENCO INC <BREN>", "Vendo Co"); "Co" must not begin a longer word
_COMPANY_END_RE = re.compile(r"[ \t]*<[A-Z][A-Z0-9.]*>|[ \t]+(?:Inc|INC|Corp|CORP|Co|CO|Ltd|LTD|Plc|PLC|LLC|"
                             r"Corporation|CORPORATION|Cos|COS|AG|NV|SA|SpA|GmbH|Bhd|BHD)\b(?![\'’-]\w)")
_INITIAL_RE = re.compile(r"(?<![\w.])[A-Z]\.[ \t]+$")
_PARTICLE_RE = re.compile(r"[ \t]+(?:de|da|di|do|dos|das|du|des|del|della|van|von|der|den|al|el|bin|ibn|ben|le|la|y|zu)[ \t]+[A-Z]")
_HYPHEN_BEFORE_RE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+)-$")
_HYPHEN_AFTER_RE = re.compile(r"-([A-Z][^\W\d_]+)(?![\w'’-])")
_NAME_LINE_END_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*[ \t]*(?:,|\(|\r?$)", re.M)  # "Schake," "Schake\n"
_WORD_AT_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PREV_NAME_RE = re.compile(r"([A-Z][^\W\d_]+(?:['’][A-Z]?[^\W\d_]+)?)[ \t]+$")

# thresholds, in wordfreq zipf units (log10 of frequency per billion words)
NAME_ZIPF_TRANSPOSED = 2.5  # a name this frequent, two letters swapped: "Isreal"
NAME_ZIPF_OTHER = 3.5  # any other single slip from a name this frequent
NAME_ZIPF_FAMOUS = 4.5  # any one slip from a name this frequent ("Germny")
NAME_ZIPF_REPEATED = 4.0  # the same slip used consistently: only for very frequent names
WORD_ZIPF_CAPITALISED = 4.0  # a capitalised slip of a common word: "Goverment"
WORD_ZIPF_NAME_SLOT = 4.5  # ...written where a name would stand, mid-sentence
UNSEEN_WORD_ZIPF = 3.0  # a word nobody writes one slip from a word this frequent: "Presedent"
UNSEEN_FAR_COST = 1.6  # ...or two slips from a frequent word, for long words: "Unighted"
NEWS_NAME_ARTICLES = 5  # a capitalised word the news corpora use this often is a name
WRITTEN_AS_IS_ZIPF = 2.5  # ...and so is one this frequent in wordfreq's running text
WRITTEN_AS_IS_MARGIN = 2.5  # unless a word this much more frequent is one slip away
SHORT_SLIP_COST, SHORT_SLIP_ZIPF = 1.0, 5.0  # a short unseen word this near a word this common
FAR_BLOCK_COST, FAR_SLIP_ZIPF = 1.8, 5.0  # "Unighted" for United, wherever it stands
UNSEEN_SWAP_ZIPF = 2.0  # two letters swapped in a word nobody writes, from a word this frequent
# a common word this frequent, capitalised mid-sentence, is as often an institution's
# word ("World Cups", "Space Telescope") as a name ("Gabby Petito")
NAME_WORD_ZIPF = 4.5
LONG_WORD = 9  # letters: a word this long is seldom a name one slip from another
SAFE_IN_NAME_LENGTH = 8  # a word's slip this long keeps its safe fix inside a name
# a first name this rare (Angela, Olaf, Jacinda; not Joe, John) before a surname one slip
# from the lexicon's ("Angela Merkle") makes a slip, even when the surname is a word too
RARE_FIRST_NAME_ZIPF = 4.3
RARE_FIRST_NAME_PAIRS = 20  # ...shared by at most this many of the lexicon's full names
CHEAP_SLIP = 0.75  # edit cost of a transposition or a doubled/undoubled letter
MANY_CAPITALISED_WORDS = 3000  # more than this, and a word's near ones are looked up by deletions
INDEXED_FROM = {1: 0, 2: 6}  # ...among those this long (two slips are asked of 8-letter words)
# a word used once where its capital says nothing, a swap or a double of a word this much
# more frequent in running text, and this common, is that word ("Recieve", "Teh", "Thier")
SENTENCE_START_MARGIN, SENTENCE_START_WORD_ZIPF = 1.5, 4.5
RARE_NAME_MARGIN = 3.0  # ...or of a rare name the dictionary lists ("Fina" is no "fine")
_LOWER_WORD_NEXT_RE = re.compile(r"[ \t]+[a-z]")


def starts_sentence(text: str, start: int) -> bool:
    """True when a capital at ``start`` says nothing about the word: it opens a block,
    a sentence, a quotation after a colon, or follows a dash or a colon (a hyphen with
    no space before the word joins a compound and is no dash)."""
    i = start - 1
    newlines = 0
    while i >= 0 and (text[i] in " \t\r\n" or text[i] in _OPENERS):
        if text[i] == "\n":
            newlines += 1
            if newlines >= 2:
                return True
        i -= 1
    if i < 0:
        return True
    c = text[i]
    if c == "-" and i == start - 1 and i > 0 and text[i - 1].isalnum():
        return False  # the second part of a compound ("Kloeckner-Werke"), no dash
    while c in _CLOSERS and i > 0:  # said." Next
        i -= 1
        c = text[i]
    if c in "!?:|•—–-":
        return True
    if c == ".":
        return not abbreviation_before(text, i)  # "Mr. Isreal", "J. Smith"
    return newlines > 0 and c == "\n"


def _name_with_ending(word: str, name: str) -> bool:
    """The name with an ending that makes another name (Ibrahima, Paula, Simone), not
    its last letter doubled (Obamaa)."""
    return different_word(word, name) and len(word) > len(name) and word[len(name)] != name[-1]


def is_title_case(text: str) -> bool:
    """A headline in Title Case or ALL CAPS: its capitals are not evidence of names. Two
    lower-case words of four letters or more that title case would capitalise make it a
    sentence, however many names it holds ("The Dutch government of Prime Minister Dick
    Schoof survived a motion")."""
    words = [w for w in WORD_RE.findall(text) if len(w) >= 4]
    if not words:
        return True
    caps = sum(1 for w in words if w[:1].isupper())
    if caps / len(words) < 0.6:
        return False
    return sum(1 for w in words if w[:1].islower() and w not in _LOWER_IN_TITLES) < 2


# words of four letters or more that some title-case styles leave in lower case
_LOWER_IN_TITLES = frozenset(("with", "from", "into", "onto", "over", "upon", "than", "that", "about", "after",
                              "against", "along", "among", "around", "before", "behind", "below", "between",
                              "during", "like", "near", "past", "since", "through", "toward", "towards", "under",
                              "until", "versus", "when", "while", "within", "without", "amid"))


class TokenFacts(NamedTuple):
    """What the name logic asks of a capitalised token, whatever the article."""

    base: str  # without a possessive ending
    key: str  # base in lower case
    known: bool  # three letters or more, and the dictionary or the name lexicon has it
    surname: bool  # a lexicon surname that is no common word (for full-name slips)
    variant: str | None  # the spelling typo.name-variant counts it as, or None


@dataclass(frozen=True)
class Verdict:
    """A word judged a misspelling: what to say and what to offer."""

    suggestions: tuple[str, ...]
    message: str
    safe: bool
    kind: str  # "word", "name", "full-name", "variant-spelling", "reject"


@lru_cache(maxsize=65536)
def word_shape(word: str) -> str:
    """lower, Capitalised, UPPER or miXed (cached: the same words recur in every article)."""
    if word.isascii() and word.isalpha():  # most words: every character a cased letter
        if word.islower():
            return "lower"
        if word.isupper():
            return "upper" if len(word) > 1 else "capitalised"
        return "capitalised" if word[0].isupper() and word[1:].islower() else "mixed"
    letters = [c for c in word if c.isalpha()]
    if not letters or all(c.islower() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "capitalised"
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return "capitalised"
    # O'Brien, McDonald: capital first, more capitals after a prefix or apostrophe
    return "mixed"


class NameEvidence:
    """Per-document evidence about names: positions, repetition, lexicon, vocabularies."""

    def __init__(self, doc, settings, speller: Speller | None = None,
                 counts: collections.Counter | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.speller = speller or get_speller(getattr(settings, "language", "en-US"))
        self.vocabulary = vocabulary_for(settings)
        self.lexicon = name_lexicon().extended(self.vocabulary.names)
        self._counts = counts
        self._title_lines: dict[int, bool] = {}
        self._slips: dict[str, Verdict | None] = {}  # article_slip per word
        self._fine: dict[str, bool] = {}  # known or a name, per word
        self._repeated_fine: dict[str, bool] = {}  # used again, and no slip of a name
        self._caps_groups: dict[str, list[str]] | None = None  # lower case -> spellings
        self._caps_indexes: dict[int, _DeletionNeighbours] = {}  # see _caps_deletions
        self._caps_entries: dict[str, tuple[str, int] | None] = {}
        self._seen_caps: dict[str, str] | None = None  # see _seen_spelling_slip
        self._head_spans: list[tuple[int, int]] | None = None
        self._caps_spans: list[tuple[int, int]] | None = None

    @property
    def head_spans(self) -> list[tuple[int, int]]:
        """(start, end) of the headlines, titles and headings (found when first asked:
        most articles have no unknown word whose position needs them)."""
        if self._head_spans is None:
            self._head_spans = [(r.start, r.end) for r in self.doc.regions if r.kind in HEAD_KINDS]
        return self._head_spans

    @property
    def caps_spans(self) -> list[tuple[int, int]]:
        """The head spans written in Title Case or ALL CAPS."""
        if self._caps_spans is None:
            self._caps_spans = [(s, e) for s, e in self.head_spans if is_title_case(self.text[s:e])]
        return self._caps_spans

    # ------------------------------------------------------------------ the interface

    def vocabulary_accepts(self, word: str) -> bool:
        return self.vocabulary.accepts(word)

    def vocabulary_rejects(self, word: str) -> bool:
        return self.vocabulary.rejects(word)

    def is_probably_name(self, word: str, start: int) -> bool:
        """True when ``word`` at text offset ``start`` should be left alone as a name:
        capitalised (or mixed case), and no near miss of a known word or name."""
        if word_shape(word) == "lower":
            return False
        if self.vocabulary_accepts(word):
            return True
        return self.judge_capitalised(word, start) is None

    # ------------------------------------------------------------------ evidence

    @property
    def counts(self) -> collections.Counter:
        if self._counts is None:
            self._counts = word_counts(self.text)
        return self._counts

    def count(self, word: str) -> int:
        """Uses of a word in the article, possessives included."""
        c = self.counts
        n = c.get(word, 0) + c.get(word + "'s", 0) + c.get(word + "’s", 0)
        if "'" in word or "’" in word:
            base = word[: len(normalise(word))]
            if base != word:
                n += c.get(base, 0)
        return n

    def in_caps_heading(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.caps_spans)

    def evidential(self, start: int) -> bool:
        """True when a capital at ``start`` was the writer's choice: not at a sentence
        start, not in a title-case headline or a title-case line of the body."""
        if self.in_caps_heading(start) or starts_sentence(self.text, start):
            return False
        text = self.text
        ls = text.rfind("\n", 0, start) + 1
        titled = self._title_lines.get(ls)
        if titled is None:
            le = text.find("\n", start)
            le = len(text) if le == -1 else le
            titled = le - ls <= 120 and len(WORD_RE.findall(text, ls, le)) >= 3 and is_title_case(text[ls:le])
            self._title_lines[ls] = titled
        return not titled

    def occurrences(self, word: str):
        text, n = self.text, len(word)
        for i in candidate_starts(text, word):
            before = text[i - 1] if i else " "
            after = text[i + n] if i + n < len(text) else " "
            if not (before.isalnum() or after.isalnum()):
                yield i

    def used_as_name(self, word: str) -> bool:
        """Capitalised mid-sentence somewhere in the article."""
        return any(self.evidential(i) for i in self.occurrences(word))

    # ------------------------------------------------------------------ judging

    def known_name(self, word: str) -> bool:
        return self.lexicon.knows(word) or self.vocabulary_accepts(word)

    def name_zipf(self, key: str) -> float:
        return max(self.lexicon.zipf(key), self.speller.freq.get(key, 0) / 10)

    def _is_proper(self, key: str) -> bool:
        """A name rather than a common word: the dictionary only has it with capitals,
        or only the lexicon has it."""
        if key in self.speller.freq and key not in self.speller.extra:
            return self.speller.is_proper(key)
        return key in self.lexicon.words or key in self.speller.extra

    def near_names(self, word: str) -> list[tuple[str, float, float]]:
        """(display, zipf, edit cost) of known names one slip from ``word``, best first."""
        key = normalise(word)
        cache = self.lexicon.near_cache
        hit = cache.get((self.speller.language, key))
        if hit is not None:
            return hit
        lex = self.lexicon.words
        out = []
        for e in _proper_one_edit(self.speller, self.lexicon, key):
            display = lex[e][0] if e in lex else self.speller.display(e)
            out.append((display, self.name_zipf(e), edit_cost(key, e)))
        out.sort(key=lambda t: (t[2] - t[1] / 2.6, t[0]))
        if len(cache) > 200_000:
            cache.clear()
        cache[(self.speller.language, key)] = out
        return out

    def full_name_slip(self, word: str, start: int) -> Verdict | None:
        """"Kier Starmer" / "Keir Stramer": with its neighbour, one slip from a lexicon name."""
        text, lex, end = self.text, self.lexicon, start + len(word)
        nxt = NEXT_NAME_RE.match(text, end)
        if nxt:
            last = nxt.group(1)
            pairs = lex.by_last.get(normalise(last))
            # a frequent common word before a surname ("And Kim said") is no first name
            if pairs and not (self.speller.is_common(word) and self.speller.zipf(word) >= 3.0) and \
                    f"{word} {last}".lower() not in lex.full and \
                    (self._distinctive(last) or not (self.speller.known(word) or lex.knows(word))):
                hits = _slips_among(lex, word, 0, normalise(last), pairs)
                if len(hits) == 1:
                    right = next(iter(hits))
                    if transliterations(word, right):
                        return None  # the name romanised another way: Sergey Lavrov, Alexey Navalny
                    return Verdict((right,), f"'{word} {last}' looks like a slip for the name '{right} {last}'",
                                   True, "full-name")
        if self.speller.known(word) or lex.knows(word):
            return None  # a known word is no slip of a surname (but see rare_first_name_slip)
        # the name before: the word must follow a space or tab
        prev = _PREV_NAME_RE.search(text, max(0, start - 40), start) if text[start - 1:start] in (" ", "\t") else None
        return self._surname_slip(prev.group(1), word, safe=True) if prev else None

    def _surname_slip(self, first: str, word: str, safe: bool) -> Verdict | None:
        """``word`` after ``first`` is one slip from the surname of the lexicon's only
        full name with that first name that is so near, and no romanisation of it."""
        lex = self.lexicon
        pairs = lex.by_first.get(first.lower())
        if not pairs or f"{first} {word}".lower() in lex.full:
            return None
        hits = _slips_among(lex, word, 1, first.lower(), pairs)
        if len(hits) != 1:
            return None
        right = next(iter(hits))
        if transliterations(word, right):
            return None  # a house's romanisation: Reuters' Volodymyr Zelenskiy
        return Verdict((right,), f"'{first} {word}' looks like a slip for the name '{first} {right}'", safe,
                       "full-name")

    def rare_first_name_slip(self, first: str, word: str) -> Verdict | None:
        """After a rare first name of the lexicon (Angela, Olaf, Jacinda; not Joe or
        John, whom thousands share), a surname one slip from that name's own, even a
        word or name itself ("Angela Merkle", "Olaf Schulz", "Jacinda Arden"): reported,
        not fixed, since it may be someone else's."""
        sp = self.speller
        pairs = self.lexicon.by_first.get(first.lower())
        if not pairs or len(pairs) > RARE_FIRST_NAME_PAIRS or sp.zipf(first) >= RARE_FIRST_NAME_ZIPF or \
                sp.is_common(word.lower()):
            return None  # (a common word is no surname: "Beaufort Seas", "Hilton Hotel")
        verdict = self._surname_slip(first, word, safe=False)
        if verdict is None or translit_key(word) == translit_key(verdict.suggestions[0]) or \
                different_word(word, verdict.suggestions[0]):
            return None  # Zelensky for Zelenskyy; an ending that makes another word
        if _institution(verdict.suggestions[0]):
            return None  # a company's "Co" is no surname: "Boeing CEO" is another word
        return verdict

    def _distinctive(self, surname: str) -> bool:
        """A surname that is not also a common word (Brown, Bush), so a first name one slip
        from the lexicon's is probably a slip."""
        return not self.speller.is_common(surname)

    def judge_capitalised(self, word: str, start: int) -> Verdict | None:
        """Decide about a capitalised, upper-case or mixed-case word: None when it is fine
        (a known word or a name), else the misspelling it looks like. A fix inside a
        person's name is never safe, unless the whole name is a lexicon name's slip
        ("Kier Starmer") or a long word's slip ("Insititute of Chartered Accountants"): a
        desk checks a name before it changes it ("Donna Brazile", "Tony La Russa")."""
        verdict = self._judge_capitalised(word, start)
        if verdict is None or verdict.kind not in ("word", "name"):
            return verdict
        if word_shape(word) == "capitalised" and (
                self._national_romanisation(normalise(word)) or
                (verdict.kind == "name" and _name_with_ending(word, verdict.suggestions[0]))):
            return None  # another name, or the same one romanised as Kyiv asks
        if verdict.safe and self._fix_inside_a_name(word, start, verdict):
            return dataclasses.replace(verdict, safe=False)
        return verdict

    def _fix_inside_a_name(self, word: str, start: int, verdict: Verdict) -> bool:
        """Next to another capitalised word, a correction to a name, or to a short word
        where the capital is the writer's: one a desk checks before it is made. Where
        the capital tells nothing (a title-case headline, a sentence start), a short
        word's correction beside a name or in a headline, where brands and names
        fill the first words, is a guess too unless the story uses the corrected word
        elsewhere: "Bob Chapek", "Jane Leeves" and "Publix won't..." are no "Chapel",
        "Leaves" or "Public"; "Becuase" opening a sentence is "Because"."""
        if word_shape(word) == "upper":
            return False
        if verdict.kind == "word" and len(word) >= SAFE_IN_NAME_LENGTH:
            return False
        end = start + len(word)
        if self.text.startswith(("'s", "’s"), end):
            end += 2  # "Marsy's Law"
        beside_a_name = self._prev_name_word(start) is not None or self._next_name_word(end) is not None \
            or _HYPHEN_BEFORE_RE.search(self.text, max(0, start - 40), start) is not None \
            or _HYPHEN_AFTER_RE.match(self.text, end) is not None  # "Quist-Arcton", "Maione-Hirschberg"
        if verdict.kind == "word" and self.evidential(start):
            # a short word the writer capitalised mid-sentence is a brand or a name as often
            # as a slip: "Citi card members" is no "City", "placenta Accreta" no "Accrete"
            return True
        if verdict.kind != "word":
            return beside_a_name
        if not (beside_a_name or any(s <= start < e for s, e in self.head_spans)):
            return False
        correction = verdict.suggestions[0] if verdict.suggestions else ""
        return not (self.count(correction.lower()) or self.count(correction.capitalize()))

    def _national_romanisation(self, key: str) -> bool:
        """A Ukrainian name in the national romanisation the Kyiv style asks for: -ii for
        -ий/-ій and -iia for -ія (Yurii, Andrii, Mariia, Nataliia), where the shorter
        spelling is a known name (Yuri, Andriy, Maria, Natalia)."""
        if key.endswith("iia"):
            stem, others = key[:-3], ("ia", "iya", "ya")
        elif key.endswith("ii"):
            stem, others = key[:-2], ("i", "iy", "y")
        else:
            return False
        return len(stem) >= 2 and any(self.known_name(stem + end) or self.speller.is_proper(stem + end)
                                      for end in others)

    def _judge_capitalised(self, word: str, start: int) -> Verdict | None:
        full = self.full_name_slip(word, start)
        if full is not None:
            return full
        if self._fine_word(word):
            return self.sentence_start_slip(word, start)
        sp = self.speller
        shape = word_shape(word)
        key = normalise(word)
        if self._institution_slip(word, key, start):
            return self._word_verdict(word)
        if shape == "upper" and self._in_dateline(start, len(word)):
            return self._dateline_slip(word, key)
        if self._in_byline(start):
            return self._swap_of_name(word, key)
        if shape == "upper" and not self._caps_context(start, len(word)):
            # an acronym: only a clear slip of a long common word ("GOVERMENT")
            best = sp.near(word)[:1] if len(key) >= 6 else []
            if best and best[0].cost <= 1.0 and best[0].zipf >= WORD_ZIPF_CAPITALISED:
                return self._word_verdict(word)
            # or a swapped or doubled letter, in one nobody writes, of a frequent word
            return self._acronym_slip(word, key)
        slip = self.article_slip(word)
        if slip is not None:
            return slip
        if shape == "mixed":
            return None  # LinkedIn, DeSantis, McConnell: capitals inside mark a name or brand
        repeated = self.count(word) > 1
        if repeated and shape != "upper" and self._repeated_name_is_fine(word, key):
            return None  # a name used again, no slip of a frequent name inside a name or out
        # a word just before a ticker is a company's name ("MITEL <MLT>", "LORAL <LOR> DEBT")
        in_name = self._in_name(start, len(word)) or self._company_own_name(word, start)
        if not repeated:
            cheap = self._cheap_slip(word, key, names_only=in_name)
            if cheap is not None:
                return cheap
        verdict = self._name_slip(word, key, repeated, strict=in_name)
        if verdict is not None:
            return verdict
        if not repeated:
            after = in_name and self._after_name(start)
            verdict = self._unseen_slip(word, key, shape, after, start,
                                        before_name=in_name and not after and self._before_surname(start, len(word)),
                                        in_name=in_name)
            if verdict is not None:
                return verdict
        if in_name or (repeated and shape != "upper"):
            return None  # part of a name ("Mariah Carey", "Stade de France"), or used repeatedly
        if (shape in ("capitalised", "mixed") and self.evidential(start)) or \
                (shape != "upper" and self.used_as_name(word)):
            # a name by position; only a typical slip of a very common word counts
            # ("the Court of Humon Rights")
            institution = self._before_institution(start + len(word))
            for c in sp.near(word) if len(key) >= 5 else ():
                if (c.cost <= CHEAP_SLIP and c.zipf >= WORD_ZIPF_NAME_SLOT) or \
                        (len(key) >= 7 and c.cost <= 1.0 and c.zipf >= WORD_ZIPF_NAME_SLOT) or \
                        (c.cost <= 1.0 and c.zipf >= 3.5 and institution):
                    return self._word_verdict(word)
            return None
        # no evidence either way (sentence start, title-case headline): a slip of a
        # frequent word is a typo, anything else is taken for a name
        if len(key) <= 4 and self._short_slip(key):
            return self._word_verdict(word)
        if len(key) == 3:
            if any(c.cost <= 0.7 and c.zipf >= 5.0 for c in sp.near(word)):
                return self._word_verdict(word)
            return None
        cands = sp.near(word) if len(key) >= (5 if shape == "upper" else 4) else ()
        if not cands and len(key) >= 7 and sp.could_offer(word, 1.6, 2.5 if shape == "upper" else 3.0):
            cands = sp.candidates(word)[:1]  # the slower search, only for long words that may pass
        for c in cands:
            if c.kind != "split" and self._slip_of_word(c, key, shape):
                return self._word_verdict(word)
        return None

    def _misspelt_name(self, word: str, name: str) -> Verdict:
        display = self.speller.display(name)
        return Verdict((match_case(word, display),), f"'{word}' looks like a misspelling of the name '{display}'",
                       True, "name")

    def _acronym_slip(self, word: str, key: str) -> Verdict | None:
        """An ALL-CAPS word nobody writes with two letters swapped or one doubled in a
        frequent word ("MOER than 5000 workers")."""
        if len(key) < 4 or not self.unseen(key):
            return None
        sp = self.speller
        for c in sp.near(word)[:1]:
            proper = sp.is_proper(c.word)
            # (not of a name: acronyms are one letter from many, ERCI and Eric, NACCO and
            # Naco, CIIT and CIT)
            if not proper and c.cost <= CHEAP_SLIP and c.word[:1] == key[:1] and c.zipf >= WORD_ZIPF_NAME_SLOT:
                return self._word_verdict(word)
        return None

    def _short_slip(self, key: str) -> bool:
        """A short word nobody writes, where a capital says nothing (a headline, a sentence
        start), one slip from one of the commonest words: "Wll", "Ths year", "NEW YOKR"."""
        if running_text_zipf(key) >= WRITTEN_AS_IS_ZIPF:
            return False
        return any(c.plain_cost <= SHORT_SLIP_COST and c.zipf >= SHORT_SLIP_ZIPF for c in self.speller.near(key))

    def _institution_slip(self, word: str, key: str, start: int) -> bool:
        """One slip from a word that ends an institution's name, and written nowhere:
        "<Tennex Indutries Inc>", "Pacific Western Airlines Cotrp". Names are made of such
        words, so inside a name too it is a slip; a foreign form in use (Institut, Groupe)
        is no slip, as running text has it. After a given name stands a surname, often one
        letter from such a word ("Julie Anne Genter", Center): there only a swapped or
        doubled letter counts ("Canadian Insititute" is still a slip). A word that also
        stands alone, between no other capitalised words, is a surname used again
        ("Prime Minister Dick Schoof ... Schoof, a former intelligence chief")."""
        if len(key) < 4 or not self.unseen(key) or not _one_edit_from_institution(normalise(key)):
            return False
        if self.count(word) > 1 and any(self._prev_name_word(i) is None and self._next_name_word(i + len(word)) is None
                                        for i in self.occurrences(word)):
            return False
        slips = [c for c in self.speller.near(key) if c.plain_cost <= 1.0 and len(c.word) >= 4 and _institution(c.word)]
        if not slips:
            return False
        after_given_name = self._prev_name_word(start) in self.lexicon.first_names
        return not after_given_name or any(_swapped_or_doubled(key, c.word, c.plain_cost) for c in slips)

    def _repeated_name_is_fine(self, word: str, key: str) -> bool:
        """A capitalised word used more than once is judged only as a slip of a frequent
        name (strictly when inside a longer name); when neither reading finds one, no
        occurrence needs its neighbours looked at. Asked once per word and article."""
        fine = self._repeated_fine.get(word)
        if fine is None:
            fine = self._repeated_fine[word] = self._name_slip(word, key, True) is None and \
                self._name_slip(word, key, True, strict=True) is None
        return fine

    def _fine_word(self, word: str) -> bool:
        """A known word or name, or a name the news uses (Schering, LGBTQ), not a slip of
        a word; asked once per word and article."""
        fine = self._fine.get(word)
        if fine is None:
            fine = self._fine[word] = self.speller.known(word) or self.known_name(word) or \
                news_articles(normalise(word)) >= NEWS_NAME_ARTICLES or self._written_as_is(word)
        return fine

    def sentence_start_slip(self, word: str, start: int) -> Verdict | None:
        """A word used once at a sentence start, before a word in lower case, where its
        capital tells nothing: two letters swapped or a letter doubled in a far commoner
        word is that word ("Recieve the…", "Teh committee", "Thier plan"). wordfreq counts
        common misspellings ("recieve") and SCOWL lists rare names ("Teh"), so neither
        makes a name of it here; a name the story uses again, or the lexicon knows, is one."""
        key = normalise(word)
        if word_shape(word) != "capitalised" or self.count(word) > 1 or self.lexicon.knows(key) \
                or not _LOWER_WORD_NEXT_RE.match(self.text, start + len(word)) \
                or not starts_sentence(self.text, start):
            return None
        sp = self.speller
        rare_name = sp.known(word)  # a name SCOWL lists, a stronger claim than wordfreq's count
        margin = RARE_NAME_MARGIN if rare_name else SENTENCE_START_MARGIN
        floor = max(SENTENCE_START_WORD_ZIPF, running_text_zipf(key) + margin)
        for c in sp.near(key)[:3]:
            if c.cost <= CHEAP_SLIP and c.zipf >= floor and not sp.is_proper(c.word):
                if not rare_name:
                    return self._word_verdict(word)
                fix = match_case(word, c.word)
                return Verdict((fix,), f"'{word}' is a rare name, used once, where '{fix}' fits; "
                               "a slip?", False, "word")
        return None

    def _written_as_is(self, word: str) -> bool:
        """A capitalised word running text often uses (wordfreq: Pinterest, Kourtney,
        Permanente) is a name or a brand, unless a word one slip away is used some 300
        times as often (misspellings of common words are in wordfreq too: "Wass")."""
        key = normalise(word)
        own = running_text_zipf(key)
        if own < WRITTEN_AS_IS_ZIPF:
            return False
        return not any(c.plain_cost <= 1.0 and c.zipf >= own + WRITTEN_AS_IS_MARGIN for c in self.speller.near(key))

    def _slip_of_word(self, c, key: str, shape: str) -> bool:
        """With no evidence of a name, a slip of a frequent word: one edit from a word in
        common use, a cheap slip of a word in use, or two edits from a frequent long word."""
        cost = c.plain_cost
        if shape == "upper" and len(key) >= 7 and cost <= 1.0 and not self.speller.is_proper(c.word):
            return c.zipf >= (2.5 if len(key) >= 9 else 3.0)  # company names fill shouted headlines
        return (len(key) >= 5 and cost <= 1.0 and c.zipf >= WORD_ZIPF_CAPITALISED) or \
            (cost <= CHEAP_SLIP and c.zipf >= 3.0) or \
            (len(key) >= 7 and cost <= 1.6 and c.zipf >= WORD_ZIPF_CAPITALISED)

    def _cheap_slip(self, word: str, key: str, names_only: bool = False) -> Verdict | None:
        """Two letters swapped or one doubled or undoubled, in a frequent word or name:
        a slip wherever it stands ("Kiing Charles", "Nighht", "Thsi Week"). Next to
        another part of a name only slips of names count ("Ryan Singel" is no "single")."""
        if len(key) < 4:
            return None
        for c in self.speller.near(word)[:3]:
            if c.cost > 0.7:
                break
            doubled = c.cost <= 0.5
            swapped = sorted(key) == sorted(c.word)
            proper = self.speller.is_proper(c.word)
            if proper and c.word[:1] != key[:1]:
                continue  # first letters are seldom mistyped; names are spelt many ways
            if names_only and not proper and not _institution(c.word) and \
                    not (doubled and c.zipf >= WORD_ZIPF_CAPITALISED and self.unseen(key)):
                continue  # but a name's "Corp" or "Inc" is still a slip ("Ashton-Tate Copr"),
                # and so is a letter doubled in a frequent word nobody writes so ("Savvings Bank")
            # in a word nobody writes, the swap or the double is a slip of a rarer word
            # too ("Cabmodians", "Mutatse"); but acronyms double letters (NACCO, CIIT)
            # (inside a name, a letter doubled or single is as often another family's
            # spelling of a rarer name: "Scott Rigell" is no slip of the star Rigel)
            rare_ok = self.unseen(key) and (swapped or not word.isupper()) and \
                (swapped or not (names_only and proper))
            floor = UNSEEN_SWAP_ZIPF if rare_ok else 3.0 if proper else WORD_ZIPF_CAPITALISED
            if (doubled or swapped) and c.zipf >= floor:
                return self._misspelt_name(word, c.word) if proper else self._word_verdict(word)
        return None

    def unseen(self, key: str) -> bool:
        """Never seen in running text: no dictionary, name lexicon, wordfreq or news word."""
        return key not in seen_words() and not self.lexicon.knows(key)

    def _unseen_slip(self, word: str, key: str, shape: str, after_name: bool, start: int,
                     before_name: bool = False, in_name: bool = False) -> Verdict | None:
        """A capitalised word that nobody writes (not in wordfreq's list of running text
        nor in the news), one slip from a frequent word or name, is that word misspelt,
        wherever it stands: "Presedent Obama", "Sytems Corp", "SAYYS". After another
        part of a name only a slip of a name counts ("Kori Schake" is no "shake"), and a
        name spelt with another first letter is a transliteration ("Olexander"), not a
        slip; an ALL-CAPS word must be a slip of a common word of five letters or more."""
        if len(key) < 4 or not self.unseen(key):
            return None
        sp = self.speller
        best = [c for c in sp.near(word)[:1] if c.zipf >= 1.0]  # not a dictionary oddity ("Massachusets")
        if best:
            c = best[0]
            proper = sp.is_proper(c.word)
            if c.word[:1] != key[:1]:
                # first letters are seldom mistyped; names are transliterated; but letters
                # pushed into one of the commonest words still make a slip of it ("Unighted")
                return self._far_slip_of_common_word(word, key)
            if not proper and self._company_own_name(word, start):
                return None  # a company's own name, no slip of a word
            if proper and shape != "upper" and in_name and _vowel_variant(key, c.word):
                return None  # in a person's name, a family's spelling ("Gavyn Smith", "Kathleen Hoynes")
            if shape == "upper":
                # shouted company names are often one slip from a word; from a known name
                # only a cheap slip counts ("ADZMS EXPRESS")
                ok = len(key) >= 5 and c.plain_cost <= (0.85 if proper else 1.0) and \
                    c.zipf >= (UNSEEN_WORD_ZIPF if proper else _unseen_zipf(key))
            elif after_name:
                # after a name: a slip of a name; or a swapped or doubled letter in a
                # frequent word ("Hk Hotle shares"), or a cheap slip of one where no
                # surname stands (see _word_slot_after_name), since the last word of a
                # person's name is a surname ("Nobuyuki Idei" is no slip of idea); after a
                # first name, where rare surnames one letter from a famous one abound
                # ("Ted Kassinger"), only a slip of a very frequent name
                ok = c.plain_cost <= 1.0 and c.zipf >= (WORD_ZIPF_CAPITALISED if self._after_first_name(start)
                                                        else UNSEEN_WORD_ZIPF) if proper else \
                    (_swapped_or_doubled(key, c.word, c.plain_cost) or
                     (c.plain_cost <= 0.7 and self._word_slot_after_name(start, len(word)))) and \
                    c.zipf >= WORD_ZIPF_NAME_SLOT
            elif before_name and not proper and (
                    self._prev_name_word(start) in title_heads() or
                    (len(key) <= 6 and c.word.capitalize() not in title_heads() and
                     self._before_unknown_word(start, len(word)))):
                # after a title ("Agriculture Minister Moven Mahachi"), or short before a
                # surname nobody knows ("Saule Omarova"), the word before a surname is a
                # given name, however near a word: only a swapped or doubled letter makes
                # a slip of one ("Minister Jonh Smith"); a slip of a title ("Presedent
                # Tokayev") or of a long word ("Goverment") stays one
                ok = _swapped_or_doubled(key, c.word, c.plain_cost) and c.zipf >= WORD_ZIPF_NAME_SLOT
            elif before_name and not proper:
                # before a surname stands a first name, often one letter from a word
                # ("manager Aleen Keshishian"), or a title ("Presedent Obama"): only a
                # slip of a word as common as titles are counts there
                ok = c.plain_cost <= 1.0 and c.zipf >= WORD_ZIPF_NAME_SLOT
            elif before_name and c.zipf < NAME_ZIPF_FAMOUS and self._before_unknown_word(start, len(word)):
                # a first name one letter from another, before a surname nobody knows, is
                # a family's spelling (Lauran, Lauren), unless the other is one of the
                # commonest ("Davod Mulinix"); else only a swapped or doubled letter is a slip
                ok = _swapped_or_doubled(key, c.word, c.plain_cost) and c.zipf >= _unseen_zipf(key)
            elif not proper and not in_name and self._after_chosen_capital(start):
                # after a common word the writer capitalised, and so a name ("filed by Gabby
                # Petito's parents"): only a slip of a word as common as titles are counts
                ok = c.plain_cost <= 1.0 and c.zipf >= WORD_ZIPF_NAME_SLOT
            elif proper and c.plain_cost >= 1.0 and len(c.word) == len(key) < LONG_WORD and self.evidential(start):
                # a name the writer capitalised, one letter from another name by a letter
                # no typing slip puts there (not a neighbouring key), is as often another
                # name ("30 Gepard tanks", Gerard; "Torrei Hart", Torres): as _name_slip
                # asks, only a famous one makes it a slip; long names are seldom so near
                # another ("Munfreesboro, Tenn.", "Equadorian loans" stay slips)
                ok = c.zipf >= NAME_ZIPF_FAMOUS
            else:
                ok = c.plain_cost <= 1.0 and c.zipf >= (_unseen_zipf(key) if len(key) >= 5 else WORD_ZIPF_CAPITALISED)
            if not ok:
                return None
            return self._misspelt_name(word, c.word) if proper else self._word_verdict(word)
        verdict = self._unseen_name_slip(word, key, after_name)
        if verdict is not None or after_name or len(key) < 6:
            return verdict
        # the full candidate search only when its best could pass
        cands = sp.candidates(word)[:1] if sp.could_offer(word, UNSEEN_FAR_COST, WORD_ZIPF_CAPITALISED) else ()
        if cands and cands[0].kind == "edit" and cands[0].plain_cost <= UNSEEN_FAR_COST and \
                cands[0].zipf >= WORD_ZIPF_CAPITALISED and not (shape == "upper" and sp.is_proper(cands[0].word)):
            return self._word_verdict(word)
        return None

    def _far_slip_of_common_word(self, word: str, key: str) -> Verdict | None:
        """Two slips, or a block of letters pushed in, from one of the commonest words,
        with the same first letter, in a long word nobody writes."""
        if len(key) < 7 or not self.speller.could_offer(word, FAR_BLOCK_COST, FAR_SLIP_ZIPF):
            return None
        c = self.speller.candidates(word)[:1]
        if c and c[0].word[:1] == key[:1] and c[0].zipf >= FAR_SLIP_ZIPF and \
                c[0].plain_cost <= {"edit": UNSEEN_FAR_COST, "block": FAR_BLOCK_COST}.get(c[0].kind, 0.0):
            return self._word_verdict(word)
        return None

    def _unseen_name_slip(self, word: str, key: str, after_name: bool) -> Verdict | None:
        """An unseen word one slip from a lexicon name no dictionary word is near
        ("Blnkett", "Kunetsova"): the name in use, not a new one. After a first name the
        name must be better known, since rare surnames are often one letter apart."""
        if len(key) < 5:
            return None
        names = self.near_names(word)
        if not names:
            return None
        display, zipf, cost = names[0]
        if display[:1].lower() != key[:1] or cost > 1.0 or zipf < (3.0 if after_name else 2.0):
            return None
        if len(names) > 1 and names[1][2] <= cost and names[1][1] >= zipf - 0.5:
            return None  # two names as close: no telling which
        return Verdict((match_case(word, display),),
                       f"'{word}' looks like a misspelling of the name '{display}'", True, "name")

    def _company_own_name(self, word: str, start: int) -> bool:
        """Just before a ticker or the word that makes a company ("MITEL <MLT>", "LORAL
        <LOR> DEBT", "Vicon Inc", "HYDRON CORP"): a company's own name, coined as often as
        not (Brenco, Cenergy, Mobay), which is no slip of a word unless it is a slip of
        the company's "Corp" or "Inc", or of a common word in a name made of words."""
        if not _COMPANY_END_RE.match(self.text, start + len(word)):
            return False
        if not word.isupper() and self._prev_name_word(start) is not None:
            return False  # a name made of words ("General Motos Corp", "Staff Buildiers Inc")
        near = self.speller.near(word)
        if any(_institution(c.word) for c in near):
            return False
        # but in a name made of words, a word of six letters or more one slip from a
        # common word with its first letter is that word misspelt ("Ventra Managment
        # Inc", "SPECTRUM CONTRL INC"), as is a long one nobody writes one slip from a
        # word in use ("PINAPPLE CO INC")
        key = normalise(word)
        return not any(c.word[:1] == key[:1] and c.plain_cost <= 1.0 and len(key) >= 6 and
                       (c.zipf >= WORD_ZIPF_CAPITALISED or
                        (len(key) >= 7 and c.zipf >= UNSEEN_WORD_ZIPF and self.unseen(key)))
                       for c in near[:1])

    def _before_institution(self, end: int) -> bool:
        """Followed by a word that ends the name of an institution ("Sytems Corp",
        "Bamnk of England" is not covered): such names are made of ordinary words."""
        w = self._next_name_word(end)
        return w is not None and _institution(w)

    def _in_name(self, start: int, length: int) -> bool:
        """Next to another part of a name: after one (see :meth:`_after_name`), before a
        capitalised word that is no common word ("Mariah Carey"), or before a particle
        ("Stade de France", "Ahmed bin Salman")."""
        text = self.text
        w = self._next_name_word(start + length)
        if w is not None and not _institution(w) and (not self._common_word(w) or self.lexicon.knows(w)):
            return True
        if _PARTICLE_RE.match(text, start + length):
            return True
        if self._hyphened_to_name(start, length):
            return True
        return self._after_name(start)

    def _common_word(self, word: str) -> bool:
        """A word the dictionary has in lower case and running text uses (zipf 3 or more):
        SCOWL also lists rare surnames in lower case ("kojima", zipf 2.8), and a word
        before one of them is part of a name ("Hideo Kojima"), as _after_name reads it."""
        return self.speller.is_common(word) and self.speller.zipf(word) >= 3.0

    def _after_chosen_capital(self, start: int) -> bool:
        """After a capitalised word whose capital is the writer's choice (mid-sentence, in
        a line that is no title-case one): a name, even when it is a common word too
        ("Gabby", "Zebra"), so the word after it may well be a surname. Not after an
        acronym or a word as common as an institution's ("DC Comics", "World Cups"), nor
        inside a longer run of capitals, which an institution's name is ("Exchequer
        Borrowing Requirement", "Senate Foreign Relations Committee")."""
        prev = _PREV_NAME_RE.search(self.text, max(0, start - 30), start)
        if prev is None or word_shape(prev.group(1)) != "capitalised" or prev.group(1)[-2:] in ("'s", "’s"):
            return False
        return self.speller.zipf(prev.group(1)) < NAME_WORD_ZIPF and self.evidential(prev.start(1)) and \
            self._prev_name_word(prev.start(1)) is None

    def _before_surname(self, start: int, length: int) -> bool:
        """Before a word that reads as a surname: one the dictionary lacks ("Keshishian",
        "Bustos") or a surname of the lexicon that is no common word ("Jordan"); not a
        place or an institution's word ("Southeast Alaska", "Regulatory Commission")."""
        w = self._next_name_word(start + length)
        if w is None:
            return False
        sp = self.speller
        return not _institution(w) and not sp.is_common(w) and \
            (not sp.known(w) or w.lower() in self.lexicon.by_last)

    def _word_slot_after_name(self, start: int, length: int) -> bool:
        """A word after a name that is no surname: before another name (a title, "South
        African Presedent Thabo Mbeki") or after an acronym (a company's words, "CFC Lesing")."""
        if self._next_name_word(start + length) is not None:
            return True
        prev = self._prev_name_word(start)
        return prev is not None and prev.isupper()

    def _before_unknown_word(self, start: int, length: int) -> bool:
        """Before a capitalised word neither the dictionary nor the name lexicon knows."""
        w = self._next_name_word(start + length)
        return w is not None and not self.speller.known(w) and not self.lexicon.knows(w)

    def _next_name_word(self, end: int) -> str | None:
        """The capitalised word right after ``end`` (one space or tab between), if any."""
        nxt = NEXT_NAME_RE.match(self.text, end)
        return nxt.group(1) if nxt is not None else None

    def _prev_name_word(self, start: int) -> str | None:
        """The capitalised word right before ``start`` (spaces or tabs between), if any."""
        prev = _PREV_NAME_RE.search(self.text, max(0, start - 30), start)
        return prev.group(1) if prev is not None else None

    def _hyphened_to_name(self, start: int, length: int) -> bool:
        """Joined by a hyphen to a capitalised word the dictionary lacks: a part of that
        name ("Kloeckner-Werke", "KLOECKNER-WERKE")."""
        text = self.text
        m = _HYPHEN_BEFORE_RE.search(text, max(0, start - 30), start) if text[start - 1:start] == "-" else None
        if m is None and text[start + length:start + length + 1] == "-":
            m = _HYPHEN_AFTER_RE.match(text, start + length)
        return m is not None and not self.speller.known(m.group(1))

    def _after_name(self, start: int) -> bool:
        """After a first name or an initial ("Jamie Dimon", "Robert D. Blackwill"), or
        after a capitalised word that is no frequent common word ("Kori Schake"); at the
        start of a line or sentence, after a word the dictionary has only as a name
        ("Tristan Fewings / Getty Images")."""
        text = self.text
        prev = _PREV_NAME_RE.search(text, max(0, start - 30), start)
        if prev is not None and prev.group(1)[-2:] in ("'s", "’s"):
            prev = None  # a possessive ends its name: "Canada's Minister of State"
        if prev is not None and not self._common_word(prev.group(1)) and \
                (not starts_sentence(text, prev.start(1)) or self.speller.is_proper(prev.group(1)) or
                 self._opens_name_line(prev.group(1), prev.start(1), start)) and \
                not self.in_caps_heading(start):
            return True
        return self._after_first_name(start)

    def _opens_name_line(self, word: str, at: int, surname_at: int) -> bool:
        """A rare or unknown word, no slip of a frequent one, that opens a line and a
        two-word name standing alone there or heading a list entry ("Kori Schake",
        "Kori Schake, National Security Council aide"), as lists of people in news put
        them; a company's name runs on ("Ventra Managment Inc said")."""
        text = self.text
        line_start = text.rfind("\n", 0, at) + 1
        if text[line_start:at].strip(" \t-*•–—") or self.speller.zipf(word) >= 3.0:
            return False
        if _NAME_LINE_END_RE.match(text, surname_at) is None:
            return False
        return self.speller.known(word) or \
            not any(c.cost <= 1.0 and c.zipf >= 4.0 for c in self.speller.near(word))

    def _name_slip(self, word: str, key: str, repeated: bool, strict: bool = False) -> Verdict | None:
        """One slip from a frequent name ("Isreal"). Short names are often one letter
        from a famous one (Dimon, Simon), so the bar rises as the word gets shorter."""
        names = self.near_names(word)
        if not names or len(key) < 4:
            return None
        display, zipf, cost = names[0]
        if display[:1].lower() != key[:1]:
            return None  # another first letter: another spelling of a name (Kourtney, Courtney)
        transposed = cost <= 0.7 and sorted(key) == sorted(display.lower())
        if strict:  # inside a longer name only a swap of letters is a clear slip
            ok = transposed and zipf >= NAME_ZIPF_TRANSPOSED and not repeated
        elif repeated and display not in self.counts:
            ok = transposed and zipf >= NAME_ZIPF_REPEATED
        else:
            ok = (transposed and zipf >= NAME_ZIPF_TRANSPOSED) or \
                 (len(key) >= 5 and cost <= 0.5 and zipf >= NAME_ZIPF_TRANSPOSED + 0.5) or \
                 (len(key) >= 7 and cost <= 1.0 and zipf >= NAME_ZIPF_OTHER) or \
                 (len(key) >= 5 and cost <= 1.0 and zipf >= NAME_ZIPF_FAMOUS)
        if not ok:
            return None
        others = [n for n in names[1:] if n[2] <= cost and n[1] >= zipf - 0.5]
        return Verdict((match_case(word, display),) + tuple(match_case(word, n[0]) for n in names[1:3]),
                       f"'{word}' looks like a misspelling of the name '{display}'", not others, "name")

    def article_slip(self, word: str) -> Verdict | None:
        """One slip (two for long words) from a capitalised word this article uses at
        least as often: "Truump" in a story about Trump; not when an ending makes the one
        word of the other (TransAmerican and TransAmerica, Ivanova and Ivanov, a plural).
        Judged once per word and article."""
        slips = self._slips
        if word not in slips:
            slips[word] = self._article_slip(word)
        return slips[word]

    def _article_slip(self, word: str) -> Verdict | None:
        key = normalise(word)
        if len(key) < 3:
            return None
        keys = self._caps_keys()
        found = [v for k, v in self._caps_near(key, keys, 1) if k != key]
        if not found and len(key) >= 8:
            found = [v for k, v in self._caps_near(key, keys, 2)
                     if self._is_proper(k) and edit_cost(key, k) <= 1.4]
        mine = self.count(word)
        # the other spelling must be the commoner; on a tie of one use each, a spelling
        # nobody writes gives way to the known one when it is in the headline ("HOTEPLS",
        # then "Hotels" in the story) or stands as the other does ("John MGcillicuddy,"
        # and "McGillicuddy added"; "Takashi Kiuchi," and "Kiichi Miyazawa" are two people)
        tie = mine == 1 and self.unseen(key)
        head = tie and self._in_head(word)
        low = key
        found = [(n, t) for t, n in found
                 if (n >= max(2, mine + 1) or (tie and (head or self._same_slot(word, t)))) and t != word
                 and not different_word(word, t) and not (low.startswith(t.lower()) and low[len(t):] == "'s")
                 and (self._is_proper(t.lower()) or self.used_as_name(t))]
        if not found:
            return self._seen_spelling_slip(word, key, head) if tie else None
        found.sort(key=lambda f: (-f[0], f[1]))
        return _used_elsewhere(word, found[0][1], len(found) == 1)

    def _same_slot(self, word: str, other: str) -> bool:
        """Whether two words first stand alike: both before another capitalised word (as
        a first name stands before a surname) or neither, or both after a name or
        neither. A first name and a surname one letter apart are two people's."""
        slots = []
        for w in (word, other):
            i = next(iter(self.occurrences(w)), None)
            if i is None:
                return False
            slots.append((NEXT_NAME_RE.match(self.text, i + len(w)) is not None, self._after_name(i)))
        return slots[0][0] == slots[1][0] or slots[0][1] == slots[1][1]

    def _in_head(self, word: str) -> bool:
        """Whether ``word`` is used in a headline, title or heading."""
        return any(s <= i < e for i in self.occurrences(word) for s, e in self.head_spans)

    def _seen_spelling_slip(self, word: str, key: str, in_head: bool) -> Verdict | None:
        """A spelling nobody writes, used once, one slip from a name the article also uses
        that running text knows though no dictionary does ("Recdar" in the headline,
        "Redcar" in the story), on the terms of :meth:`_article_slip`'s tie."""
        if len(key) < 5:
            return None
        if self._seen_caps is None:
            self._seen_caps = {}
            for _token, facts in self.caps_facts():
                k = facts.key
                if not facts.known and len(k) >= 5 and not self.unseen(k):
                    self._seen_caps.setdefault(k, facts.base)
        near = [self._seen_caps[k] for k, _, _ in process.extract(
            key, list(self._seen_caps), scorer=OSA.distance, score_cutoff=1, limit=None)
            if k != key and not different_word(word, self._seen_caps[k])
            and (in_head or self._same_slot(word, self._seen_caps[k]))]
        return _used_elsewhere(word, near[0], True) if len(near) == 1 else None

    def _caps_near(self, key: str, keys: dict[int, list[str]], distance: int) -> list[tuple[str, tuple[str, int]]]:
        """(k, (spelling, count)) of the article's known capitalised words within
        ``distance`` of ``key``. Only words of a length within ``distance`` can be that
        near."""
        if len(self._caps_groups) > MANY_CAPITALISED_WORDS and len(key) - distance >= INDEXED_FROM[distance]:
            near = [k for k in self._caps_deletions(distance).near(key)
                    if OSA.distance(key, k, score_cutoff=distance) <= distance]
        else:
            near_length = [k for n in range(len(key) - distance, len(key) + distance + 1) for k in keys.get(n, ())]
            near = [k for k, _, _ in process.extract(key, near_length, scorer=OSA.distance,
                                                     score_cutoff=distance, limit=None)]
        out = []
        for k in near:
            entry = self._caps_entry(k)
            if entry is not None:
                out.append((k, entry))
        return out

    def _caps_deletions(self, distance: int) -> "_DeletionNeighbours":
        """The capitalised words' keys indexed by their deletions, for a long file."""
        index = self._caps_indexes.get(distance)
        if index is None:
            index = self._caps_indexes[distance] = _DeletionNeighbours(
                (k for k in self._caps_groups if len(k) >= INDEXED_FROM[distance]), distance)
        return index

    def _caps_keys(self) -> dict[int, list[str]]:
        """The lower-case forms of the article's known capitalised words, each once, by
        length."""
        if self._caps_groups is None:
            groups: dict[str, list[str]] = {}
            for _token, facts in self.caps_facts():
                if facts.known:  # (nor are words under three letters)
                    groups.setdefault(facts.key, []).append(facts.base)
            self._caps_groups = groups
            self._caps_by_length: dict[int, list[str]] = {}
            for k in groups:
                self._caps_by_length.setdefault(len(k), []).append(k)
        return self._caps_by_length

    def _caps_entry(self, k: str) -> tuple[str, int] | None:
        """The spelling of ``k`` the article uses most (the first of equals) and its
        count; counted only for the words a slip is near."""
        if k not in self._caps_entries:
            best, top = None, 0
            for base in self._caps_groups[k]:
                n = self.count(base)
                if n > top:
                    best, top = (base, n), n
            self._caps_entries[k] = best
        return self._caps_entries[k]

    def caps_facts(self) -> list[tuple[str, "TokenFacts"]]:
        """(token, facts) for each of :attr:`caps_tokens`; the facts of a token are
        worked out once per language and lexicon, as the same names recur."""
        out = getattr(self, "_caps_facts", None)
        if out is None:
            by_language = self.lexicon.token_facts
            cache = by_language.get(self.speller.language)
            if cache is None or len(cache) > 200_000:
                cache = by_language[self.speller.language] = {}
            out = self._caps_facts = []
            for token in self.caps_tokens:
                facts = cache.get(token)
                if facts is None:
                    facts = cache[token] = self._token_facts(token)
                out.append((token, facts))
        return out

    def _token_facts(self, token: str) -> "TokenFacts":
        sp, lex = self.speller, self.lexicon
        base = token[: len(normalise(token))] if ("'" in token or "’" in token) else token
        known = len(base) >= 3 and (sp.known(base) or lex.knows(base))
        surname = token.lower() in lex.by_last and self._distinctive(token)
        variant = base if len(token) >= 4 and len(base) >= 4 and not sp.is_common(base.lower()) else None
        return TokenFacts(base, base.lower(), known, surname, variant)

    def _after_first_name(self, start: int) -> bool:
        """The word follows a first name ("Jamie Dimon"): a surname, which the full-name
        check covers; a lone near miss of another name says nothing."""
        if _INITIAL_RE.search(self.text, max(0, start - 6), start):
            return True  # "Robert D. Blackwill"
        first = self._prev_name_word(start)
        if first is None:
            return False
        if first in self.lexicon.first_names:
            return True
        if first in self.lexicon.first_name_words and not self.evidential(self.text.rfind(first, 0, start)) and \
                self._surname_after_word_name(start):
            # a given name that is also a word, where its capital tells nothing (a title-case
            # headline, a sentence start), before a word nobody knows: "Bill Hader Explains"
            return True
        # in a title-case heading every word has a capital: "Tokyo Stocks Higher" is no name
        return first.lower() in self.lexicon.by_first and not self.in_caps_heading(start)

    def _surname_after_word_name(self, start: int) -> bool:
        """After a given name that is also a word ("Bill", "Bob"), the word at ``start``
        reads as a surname when neither the dictionary nor the name lexicon knows it and
        no word far more frequent than its own use is one slip away: "Bill Hader",
        "Bob Chapek"; not "Defeated Bill Seeked to Ban" (seemed)."""
        m = _WORD_AT_RE.match(self.text, start)
        word = m.group() if m is not None else ""
        if not word or self.speller.known(word) or self.lexicon.knows(word):
            return False
        own = max(running_text_zipf(normalise(word)), 2.0)
        return not any(c.plain_cost <= 1.0 and c.zipf >= own + WRITTEN_AS_IS_MARGIN for c in self.speller.near(word))

    def _in_dateline(self, start: int, length: int) -> bool:
        """An ALL-CAPS word that opens a line and ends a dateline's place ("PRESENTACION,
        Philippines (Reuters) -", "SAN DIEGO, Calif.")."""
        return _DATELINE_RE.match(self.text, start + length) is not None and \
            _LINE_START_RE.search(self.text, max(0, start - 40), start) is not None

    def _dateline_slip(self, word: str, key: str) -> Verdict | None:
        """A dateline holds a place's name, often a town no dictionary knows that is one
        letter from a word (PRESENTACION, presentation); only a slip of a known name counts
        there ("WASHINTON"), or a name that lost its first letter ("OSCOW")."""
        nearest = self._nearest_name(word, key, 5)
        if nearest is None or nearest[2] > 1.0:
            # a place's name is often a common word too ("NEW YORRK (Reuters) -"): a
            # letter doubled or two swapped in one of the commonest is a slip
            word_slip = [c for c in self.speller.near(word)[:1] if len(key) >= 5 and
                         c.zipf >= WORD_ZIPF_NAME_SLOT and _swapped_or_doubled(key, c.word, c.plain_cost)]
            return self._word_verdict(word) if word_slip else None
        display, zipf, cost = nearest
        if display[1:].lower() == key:
            need = NAME_ZIPF_OTHER  # the first letter lost ("THENS, Aug. 17", as AG News has it)
        elif display[:1].lower() != key[:1]:
            return None
        elif _swapped_or_doubled(key, display, cost):
            need = NAME_ZIPF_TRANSPOSED  # "BAGHDDAD", "LONDNO"
        else:  # any other slip: short places are one letter from many others (GORDA, Garda)
            need = NAME_ZIPF_OTHER if len(key) >= 7 else NAME_ZIPF_FAMOUS
        return self._misspelt_name(word, display) if zipf >= need else None

    def _nearest_name(self, word: str, key: str, min_length: int) -> tuple[str, float, float] | None:
        """(display, zipf, edit cost) of the best known name one slip from a word of
        ``min_length`` letters or more."""
        if len(key) < min_length:
            return None
        names = self.near_names(word)
        return names[0] if names else None

    def _in_byline(self, start: int) -> bool:
        """A word of the name on a byline line ("By LAURAN NEERGAARD", "By Sara Leitch")."""
        line_start = self.text.rfind("\n", 0, start) + 1
        return _BYLINE_RE.match(self.text, line_start, start) is not None

    def _swap_of_name(self, word: str, key: str) -> Verdict | None:
        """A reporter's name on a byline is spelt as the reporter spells it (Lauran, not
        Lauren; McCrea, not McCrae): only two letters swapped or one doubled in a famous
        name is a slip."""
        nearest = self._nearest_name(word, key, 4)
        if nearest is None:
            return None
        display, zipf, cost = nearest
        if display[:1].lower() == key[:1] and zipf >= NAME_ZIPF_FAMOUS and _swapped_or_doubled(key, display, cost):
            return self._misspelt_name(word, display)
        return None

    def _caps_context(self, start: int, length: int) -> bool:
        """Upper-case words around: a shouted line, where ALL CAPS are ordinary words, or
        a dateline ("BAGHDAD (Reuters) -", "KABUL, Afghanistan --"), where they are places."""
        text = self.text
        if self._in_dateline(start, length) or any(
                s <= start < e and _shouted_beside(text[s:start], text[start + length:e]) for s, e in self.caps_spans):
            return True
        around = WORD_RE.findall(text, max(0, start - 30), min(len(text), start + length + 30))
        longer = [w for w in around if len(w) >= 4]
        return len(longer) >= 3 and all(w.isupper() for w in longer)

    def _word_verdict(self, word: str) -> Verdict | None:
        return judge_word(self.speller, word, self.context)

    def context(self, key: str) -> bool:
        """True when the article uses the lower-case word ``key`` (in any usual case)."""
        c = self.counts
        return key in c or key.capitalize() in c or key.upper() in c

    @property
    def caps_tokens(self) -> list[str]:
        """The article's distinct words that start with a capital (ALL CAPS excluded)."""
        caps = getattr(self, "_caps_tokens", None)
        if caps is None:
            caps = self._caps_tokens = [t for t in self.counts if t[0].isupper() and not t.isupper()]
        return caps


class _DeletionNeighbours:
    """Words within ``distance`` edits of a word, found through deletions: two words
    that many edits apart (a substitution, an insertion or a swap of neighbours each
    counting one) leave a common string when each loses at most ``distance`` letters. A
    superset, to be checked; used for a long file's thousands of capitalised words, where
    comparing a word with all of them grew with the square of the file."""

    def __init__(self, words, distance: int) -> None:
        self.distance = distance
        self.table: dict[str, list[str]] = {}
        for w in words:
            for d in _deletions_within(w, distance):
                self.table.setdefault(d, []).append(w)

    def near(self, word: str) -> set[str]:
        table = self.table
        return {w for d in _deletions_within(word, self.distance) for w in table.get(d, ())}


def _deletions_within(word: str, distance: int) -> set[str]:
    """The word and the strings it leaves when it loses up to ``distance`` letters."""
    out = {word}
    layer = {word}
    for _ in range(distance):
        layer = {w[:i] + w[i + 1:] for w in layer for i in range(len(w))}
        out |= layer
    return out


def _shouted_beside(before: str, after: str) -> bool:
    """A headline's word stands among capitals when the nearest word of four letters or
    more on either side is in capitals ("CRN INTERVIEW: JOHN FOWLRE, SUN"); in a Title
    Case headline an ALL-CAPS word is an acronym ("Dollar Awaits ZEW/CPI")."""
    prev = [w for w in WORD_RE.findall(before) if len(w) >= 4][-1:]
    nxt = [w for w in WORD_RE.findall(after) if len(w) >= 4][:1]
    return any(w.isupper() for w in prev + nxt)


def _swapped_or_doubled(key: str, other: str, cost: float) -> bool:
    """``other`` is ``key`` with a letter doubled or undoubled (the cheapest edits) or two
    letters swapped: the slips a name's other spellings seldom differ by."""
    return cost <= 0.5 or (cost <= CHEAP_SLIP and sorted(key) == sorted(other.lower()))


def _vowel_variant(key: str, other: str) -> bool:
    """``other`` is ``key`` with one vowel written as another on a key apart from it
    (Gavyn / Gavin, Hoynes / Haynes): how one name's spellings differ, where fingers slip
    to a neighbouring key (Gavun)."""
    other = other.lower()
    if len(key) != len(other):
        return False
    diff = [(a, b) for a, b in zip(key, other) if a != b]
    return len(diff) == 1 and diff[0][0] in _NAME_VOWELS and diff[0][1] in _NAME_VOWELS and \
        diff[0][1] not in NEAR_KEYS[diff[0][0]]


_NAME_VOWELS = frozenset("aeiouy")


def _used_elsewhere(word: str, right: str, safe: bool) -> Verdict:
    return Verdict((match_case(word, right),), f"'{word}' looks like a slip for '{right}', used elsewhere in this article",
                   safe, "name")


def _unseen_zipf(key: str) -> float:
    """How frequent a word must be for an unseen word one slip from it to be its typo:
    long words are seldom names, and a long word one slip from a rarer word is still
    that word ("DIFFEERNTIALS")."""
    return UNSEEN_WORD_ZIPF - (0.5 if len(key) >= LONG_WORD else 0.0)


# the institution words of four letters or more, as the speller's lower-case keys, by length
_INSTITUTION_KEYS: dict[int, list[str]] = {}
for _w in sorted({w.lower() for w in INSTITUTION_WORDS if len(w) >= 4}):
    _INSTITUTION_KEYS.setdefault(len(_w), []).append(_w)


@lru_cache(maxsize=65536)
def _one_edit_from_institution(key: str) -> bool:
    """Whether an institution word of four letters or more is one edit from ``key``, as
    :meth:`Speller.near`'s words are: when none is, no near word can be one, and the
    dictionary search is spared (a few string tests against the words of a near length;
    cached, as the same names recur)."""
    n = len(key)
    return any(one_edit_apart(key, i, LETTERS + "'")
               for length in (n - 1, n, n + 1) for i in _INSTITUTION_KEYS.get(length, ()))


def _institution(word: str) -> bool:
    """A word that ends an institution's name, in any case ("Corp", "CORP")."""
    return word in INSTITUTION_WORDS or word.capitalize() in INSTITUTION_WORDS or word.upper() in INSTITUTION_WORDS


def _slips_among(lexicon, word: str, part: int, key: str, pairs) -> frozenset[str]:
    """The first (``part`` 0) or last names (1) of the lexicon's full names ``pairs``
    (those with the other name ``key``) one slip from ``word``; cached per lexicon, as a
    common surname has hundreds of first names to compare."""
    cache = lexicon.slip_cache
    k = (part, word, key)
    hit = cache.get(k)
    if hit is None:
        if len(cache) > 200_000:
            cache.clear()
        hit = cache[k] = frozenset(p[part] for p in pairs if _one_slip(word, p[part]))
    return hit


def _one_slip(a: str, b: str) -> bool:
    """Two different spellings one edit (a transposition counts as one) apart."""
    a, b = a.lower(), b.lower()
    return a != b and abs(len(a) - len(b)) <= 1 and OSA.distance(a, b, score_cutoff=1) <= 1


_PROPER: dict[tuple[int, int], frozenset[str]] = {}


def _proper_keys(speller: Speller, lexicon) -> frozenset[str]:
    """Lower-case keys of names: the dictionary's capitals-only entries and the lexicon's
    words that are not common dictionary words."""
    k = (id(speller), id(lexicon))
    keys = _PROPER.get(k)
    if keys is None:
        freq, forms = speller.freq, speller.forms
        keys = frozenset([*forms, *(w for w in lexicon.words if w not in freq or w in forms)])
        if len(_PROPER) > 16:
            _PROPER.clear()
        _PROPER[k] = keys
    return keys


_PROPER_REST: dict[tuple[int, int], SmallDeletionIndex] = {}


def _proper_one_edit(speller: Speller, lexicon, key: str) -> frozenset[str] | set[str]:
    """Names one edit from ``key``: with the speller's deletion index, its dictionary
    words that are names plus the names the dictionary lacks (a small index of their
    own); without it, every edit of ``key`` looked up."""
    proper = _proper_keys(speller, lexicon)
    if speller.deletion_index() is None:
        return proper.intersection(edit_strings(key)) - {key}
    k = (id(speller), id(lexicon))
    rest = _PROPER_REST.get(k)
    if rest is None:
        if len(_PROPER_REST) > 16:
            _PROPER_REST.clear()
        rest = _PROPER_REST[k] = SmallDeletionIndex(proper - speller.words)
    return (speller.one_edit(key) & proper) | rest.one_edit(key, LETTERS + "'")


SAFE_MARGIN = 1.5  # score lead the best candidate needs for a safe fix
RIVAL_ZIPF = 4.0  # a word in common use as near as the best one leaves the choice to the writer
RIVAL_GAP = 2.0  # ...unless the best is a hundred times as common


def _equally_near_rival(best, others) -> bool:
    """Another common word just as near the typed one ("itme": time and item, each two
    letters swapped): frequency alone picks the best, and the sentence may want the other,
    so --fix does not choose."""
    return any(c.kind == "edit" and c.plain_cost <= best.plain_cost and c.zipf >= max(RIVAL_ZIPF, best.zipf - RIVAL_GAP)
               for c in others)


CONTEXT_BONUS = 1.0  # zipf units added to a candidate the article itself uses


def judge_word(speller: Speller, word: str, context=None) -> Verdict:
    """The verdict on an unknown word taken as an ordinary word. ``context(key)`` tells
    whether the article uses a word: a correction the article uses elsewhere is likelier."""
    phrase = run_together_phrases().get(normalise(word))
    if phrase is not None:
        return Verdict((match_case(word, phrase),), f"'{word}' is the phrase '{phrase}' run together", True, "word")
    cands = list(speller.candidates(word))
    if context is not None and len(cands) > 1:
        used = {c.word for c in cands[:8] if context(c.word)}
        if used:
            cands.sort(key=lambda c: (-(c.score + (CONTEXT_BONUS if c.word in used else 0.0)), c.word))
    suggestions = tuple(match_case(word, speller.display(c.word) if c.kind != "split" else c.word)
                        for c in cands[:5])
    if speller.other_spelling(word):
        other = "British" if speller.language == "en-US" else "American"
        right = speller.counterpart(word)
        if right is not None:
            suggestions = (right,) + tuple(x for x in suggestions if x != right)[:4]
        msg = f"'{word}' is the {other} spelling"
        if suggestions:
            msg += f"; {speller.language} has '{suggestions[0]}'"
        return Verdict(suggestions, msg, False, "variant-spelling")
    if not cands:
        return Verdict((), f"'{word}' is not in the dictionary", False, "word")
    best = cands[0]
    second = cands[1] if len(cands) > 1 else None
    safe = (best.kind != "split" and best.cost <= 1.0
            and (second is None or best.score - second.score >= SAFE_MARGIN)
            and not _equally_near_rival(best, cands[1:5]))
    return Verdict(suggestions, f"'{word}' is not in the dictionary; did you mean '{suggestions[0]}'?",
                   safe, "word")
