"""A frequency-weighted English speller.

The dictionary is SCOWL with wordfreq frequencies, pre-built into
``rules/spelling/words.txt.gz`` by ``tools/build_spelling_data.py`` and loaded once per
process. Lookup is case-insensitive ("israel" is known because "Israel" is). Candidates
for an unknown word come from edits at distance one (deletions, insertions,
substitutions and transpositions), a distance-two search with rapidfuzz among words of
the same first letter, the removal of a stray block of letters ("blockingading"), and
splits into two words ("alot"). They are ranked by frequency minus a weighted edit cost
in which typical slips (a transposition, a doubled or dropped double letter, a wrong
vowel, a neighbouring key) cost less than arbitrary ones.
"""

from __future__ import annotations

import gzip
import marshal
import re
import threading
import unicodedata
import zlib
from functools import lru_cache
from itertools import filterfalse, repeat
from pathlib import Path

from ..data import rules_path, user_cache_dir, write_atomically
from .deletions import BUILD_AFTER, DeletionIndex

DATA_FILE = ("spelling", "words.txt.gz")
SEEN_FILE = ("spelling", "seen.txt.gz")
NO_SUGGEST_FILE = ("spelling", "no_suggest.txt")
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
LETTERS = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiou")
# cost per unit of weighted edit distance, in zipf (log10 frequency) units
EDIT_WEIGHT = 2.6
MAX_COST = 3.0
SPLIT_COST = 1.4  # a missing space
SOUND_BONUS = 0.5
PREFILTER = 8  # edit candidates given the weighted cost
D1_ENOUGH = 40  # a one-edit candidate this common (zipf*10) makes the distance-2 search moot
NEARBY_MIN_ZIPF10 = 15  # distance-2 candidates need a zipf of 1.5  # off the cost of a candidate that sounds the same  # candidates costing more than this are not offered

NEAR_TOP = 3  # Speller.near keeps this many (the name logic looks at three at most)
ONE_EDIT_MIN = 0.5  # the cheapest single edit (a doubled letter dropped or added)

_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    pos = {c: (r, i) for r, row in enumerate(_KEYBOARD_ROWS) for i, c in enumerate(row)}
    out = {}
    for c, (r, i) in pos.items():
        near = set()
        for d, (r2, i2) in pos.items():
            if d != c and abs(r2 - r) <= 1 and -1 <= (i2 - i) + (0.5 * (r2 - r)) <= 1:
                near.add(d)
        out[c] = frozenset(near)
    return out


NEAR_KEYS = _keyboard_neighbours()
# letters that stand for the same sound often enough to be swapped by writers
SOUND_ALIKE = {frozenset(p) for p in ("ck", "cs", "sz", "iy", "gj", "mn", "fv", "td", "bp", "xz", "kq", "ae", "ei", "ou")}


@lru_cache(maxsize=4096)
def _sub_cost(a: str, b: str) -> float:
    if a == b:
        return 0.0
    if a in VOWELS and b in VOWELS:
        return 0.7
    if frozenset((a, b)) in SOUND_ALIKE:
        return 0.8
    if b in NEAR_KEYS.get(a, ()):
        return 0.85
    return 1.0


@lru_cache(maxsize=65536)
def edit_cost(typed: str, word: str) -> float:
    """Weighted optimal-string-alignment distance from ``word`` to ``typed``: cheap for
    the slips people make (transpositions, doubled or undoubled letters, vowels,
    neighbouring keys), 1 for anything else. Cached: the name logic, :meth:`Speller.near`
    and the candidate search weigh the same pairs."""
    one = _one_edit_cost(typed, word)
    return _table_cost(typed, word) if one is None else one


def _table_cost(typed: str, word: str) -> float:
    """:func:`edit_cost` by the full table, row by row."""
    ins_t = _indel_costs(typed)
    ins_w = _indel_costs(word)
    prev2: list[float] = []
    prev = [0.0]
    for c in ins_w:  # inserting word's letters into nothing
        prev.append(prev[-1] + c)
    a_prev = ""
    row = _cost_row
    for a, it in zip(typed, ins_t):
        prev2, prev, a_prev = prev, row(a, a_prev, it, prev, prev2, word, ins_w), a
    return prev[-1]


def _one_edit_cost(typed: str, word: str) -> float | None:
    """:func:`edit_cost` of two strings one edit apart, without the table (most pairs the
    speller weighs are); None for other pairs. Every edit costs from 0.5 to 1, so two cost
    at least 1 and the table's best is the cheapest single edit that explains the pair."""
    n, m = len(typed), len(word)
    if n - m not in (-1, 0, 1) or typed == word:
        return None
    short = min(n, m)
    p = 0  # common prefix
    while p < short and typed[p] == word[p]:
        p += 1
    if n == m:
        if typed[p + 1:] == word[p + 1:]:
            return _sub_cost(typed[p], word[p])
        if p + 1 < n and typed[p] == word[p + 1] and typed[p + 1] == word[p] and typed[p + 2:] == word[p + 2:]:
            return 0.7  # two letters swapped
        return None
    s = 0  # common suffix
    while s < short and typed[n - 1 - s] == word[m - 1 - s]:
        s += 1
    longer = typed if n > m else word
    first = len(longer) - 1 - s  # the letters whose removal leaves the shorter string
    if first > p:
        return None
    return min(_indel_costs(longer)[first:p + 1])


def _cost_row(a: str, a_prev: str, it: float, prev: list[float], prev2: list[float],
              word: str, ins_w: tuple[float, ...]) -> list[float]:
    """One row of :func:`edit_cost`'s table: the costs of typed letter ``a`` against every
    prefix of ``word``. The swap of two letters is looked at only where ``word`` has them."""
    left = prev[0] + it
    cur = [left]
    append = cur.append
    subs = map(_sub_cost, repeat(a), word)  # 0.0 where the letters agree
    swaps = _swap_columns(word, a, a_prev) if a_prev and a != a_prev and a + a_prev in word else ()
    if not swaps:
        for diag, up, s, iw in zip(prev, prev[1:], subs, ins_w):
            best = diag + s
            d = up + it  # typed has an extra letter
            if d < best:
                best = d
            d = left + iw  # typed dropped a letter
            if d < best:
                best = d
            append(best)
            left = best
        return cur
    for j, (diag, up, s, iw) in enumerate(zip(prev, prev[1:], subs, ins_w), 1):
        best = diag + s
        d = up + it
        if d < best:
            best = d
        d = left + iw
        if d < best:
            best = d
        if j in swaps:
            d = prev2[j - 2] + 0.7  # two letters swapped
            if d < best:
                best = d
        append(best)
        left = best
    return cur


def _swap_columns(word: str, a: str, a_prev: str) -> tuple[int, ...]:
    """Columns j (1-based) where ``word`` has ``a`` then ``a_prev`` at j-1, j: the cells
    where typing ``a_prev, a`` is a swap."""
    out = []
    i = word.find(a + a_prev)
    while i != -1:
        out.append(i + 2)
        i = word.find(a + a_prev, i + 1)
    return tuple(out)


@lru_cache(maxsize=65536)
def _indel_costs(s: str) -> tuple[float, ...]:
    """The cost of each letter of ``s`` being extra or missing: low when it doubles a
    neighbour, less for a vowel or an apostrophe or hyphen (cached: a typed word is
    weighed against many candidates, a candidate against many typed words)."""
    out = []
    before = ""
    for i, c in enumerate(s):
        after = s[i + 1:i + 2]
        if c == before or c == after:
            out.append(0.5)
        elif c in VOWELS or c in "'-":
            out.append(0.85)
        else:
            out.append(1.0)
        before = c
    return tuple(out)


_SOUND_RULES = (
    ("tch", "ch"), ("tion", "shn"), ("sion", "shn"), ("cian", "shn"), ("ph", "f"), ("ck", "k"),
    ("wr", "r"), ("kn", "n"), ("wh", "w"), ("dg", "j"), ("gh", ""), ("ce", "se"), ("ci", "si"),
    ("cy", "sy"), ("c", "k"), ("q", "k"), ("x", "ks"), ("z", "s"), ("y", "i"),
)


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A rough key of how a word sounds: spellings of one sound folded together, vowel
    runs reduced to one mark, doubled letters collapsed ("seperate" ~ "separate")."""
    w = word.lower()
    for a, b in _SOUND_RULES:
        if a in w:
            w = w.replace(a, b)
    out = []
    for ch in w:
        ch = "a" if ch in "aeiou" else ch
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=8192)
def edits1(word: str, letters: str = LETTERS + "'") -> frozenset[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    return frozenset(edit_strings(word, letters)) - {word}


@lru_cache(maxsize=8192)
def edit_strings(word: str, letters: str = LETTERS + "'") -> tuple[str, ...]:
    """The strings of :func:`edits1` with repeats and maybe ``word`` itself: a tuple
    built by comprehensions is about twice as fast as a set, and intersecting a
    frozenset with it (as :meth:`Speller.one_edit` does) hashes each string once."""
    n = len(word)
    out: list[str] = []
    extend = out.extend
    for i in range(n):
        a, rest = word[:i], word[i + 1:]
        extend([a + c + rest for c in letters])  # substitution
        rest = word[i:]
        extend([a + c + rest for c in letters])  # insertion before word[i]
    extend([word + c for c in letters])  # insertion at the end
    extend([word[:i] + word[i + 1:] for i in range(n)])  # deletion
    extend([word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(n - 1)])  # transposition
    return tuple(out)


def strip_accents(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def normalise(word: str) -> str:
    """The lookup key: lower case, typographic apostrophes made straight, a possessive
    ending removed."""
    if "'" not in word and "’" not in word and "‘" not in word and "ʼ" not in word:
        return word.lower()
    w = word.translate(APOSTROPHES).lower()
    if w.endswith("'s") and len(w) > 2:
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    return w


class Candidate:
    """A correction for a typed word; its score is worked out once, as sorting asks often
    (a plain class with slots: three times faster to make than a frozen dataclass)."""

    __slots__ = ("word", "cost", "zipf", "kind", "raw", "plain_cost", "score")

    def __init__(self, word: str, cost: float, zipf: float, kind: str, raw: float = -1.0) -> None:
        self.word = word  # lower-case key
        self.cost = cost  # weighted edit cost from the typed word
        self.zipf = zipf
        self.kind = kind  # "edit", "block" or "split"
        self.raw = raw  # the cost before the sound-alike bonus (-1: same as cost)
        self.plain_cost = cost if raw < 0 else raw
        self.score = zipf - EDIT_WEIGHT * cost

    def __repr__(self) -> str:
        return f"Candidate({self.word!r}, {self.cost}, {self.zipf}, {self.kind!r}, {self.raw})"


def _rank(c: Candidate) -> tuple[float, str]:
    """The order of candidates: best score first, then alphabetical."""
    return -c.score, c.word


def match_case(original: str, suggestion: str) -> str:
    """Give a suggestion the case pattern of what was typed: GOVERMENT -> GOVERNMENT,
    Goverment -> Government; a proper noun keeps its own capitals."""
    if len(original) > 1 and original.isupper():
        return suggestion.upper()
    if original[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def build_tables(language: str, entries: dict[str, tuple[int, str]]) -> tuple:
    """A speller's tables from the dictionary's entries (word -> (zipf*10, tag)): the
    frequency of each key in this language and in the other, the capitalised form of
    keys only written so, the keys from wordfreq alone, unaccented keys, rare names and
    the keys with an entry in capitals (NATO, GOP)."""
    want = "gb" if language.lower().endswith("gb") else "us"
    freq: dict[str, int] = {}
    other: dict[str, int] = {}
    forms: dict[str, str] = {}
    lower_seen: set[str] = set()
    rare_proper: set[str] = set()
    rare_lower: set[str] = set()
    extra: set[str] = set()
    capitals: set[str] = set()
    for word, (z, tag) in entries.items():
        key = word.lower()
        if len(word) > 1 and word.isupper():
            capitals.add(key)
        rare = "+" in tag
        if "*" in tag:
            extra.add(key)
        tag = tag.rstrip("+*")
        if rare and word != key:
            rare_proper.add(key)
        table = freq if tag in ("-", want) else other
        if z > table.get(key, -1):
            table[key] = z
        if word == key:
            # a rare lower-case entry ("israel", size 95) does not make a name common
            (rare_lower if rare else lower_seen).add(key)
        elif key not in forms or forms[key].isupper():
            forms[key] = word  # prefer "Nasa"-style over "NASA" only when both
    for key in lower_seen:
        forms.pop(key, None)
    for key in rare_lower:
        if key in forms and key not in rare_proper:
            continue
        forms.pop(key, None)
    unaccented = frozenset(strip_accents(k) for k in freq if not k.isascii())
    rare_names = frozenset(k for k in rare_proper if k in forms)
    return freq, other, forms, frozenset(extra), unaccented, rare_names, frozenset(capitals)


class Speller:
    """One language's dictionary. Build it with :func:`get_speller`."""

    def __init__(self, language: str, entries: dict[str, tuple[int, str]]) -> None:
        self._setup(language, build_tables(language, entries))

    @classmethod
    def from_tables(cls, language: str, tables: tuple) -> "Speller":
        """A speller from the tables :func:`build_tables` made (read back from a cache)."""
        sp = cls.__new__(cls)
        sp._setup(language, tables)
        return sp

    def tables(self) -> tuple:
        return (self.freq, self.other, self.forms, self.extra, self.unaccented, self.rare_names,
                self.capitals)

    def _setup(self, language: str, tables: tuple) -> None:
        self.language = language
        self.freq: dict[str, int]  # lower-case key -> zipf*10
        self.other: dict[str, int]  # the other language's spellings (colour in en-US)
        self.forms: dict[str, str]  # keys whose every dictionary form has capitals
        self.extra: frozenset[str]  # words from wordfreq alone, not from SCOWL
        self.unaccented: frozenset[str]  # keys without their accents (cafe for café)
        self.rare_names: frozenset[str]  # a rare name ("Teh", size 95) makes no word of "teh"
        self.capitals: frozenset[str]  # keys with an entry in capitals: abbreviations (NATO, GOP)
        self.freq, self.other, self.forms, self.extra, self.unaccented, self.rare_names, self.capitals = tables
        self.words = frozenset(self.freq)  # the keys again: frozensets intersect fastest
        self.unsuggested = unsuggested_words()  # known, but never offered as a correction
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._near: dict[str, list[Candidate]] = {}
        self._one_edit: dict[str, frozenset[str]] = {}  # dictionary words one edit away
        self._counterparts: dict[str, str | None] = {}
        self._known: dict[str, bool] = {}
        self._common: dict[str, bool] = {}  # is_common per surface form
        self._known_tokens: set[str] = set()  # surface forms found known, for unknown_among
        self._buckets: dict[tuple[str, int], list[str]] | None = None
        self._bucket_zipfs: dict[tuple[str, int], list[int]] = {}  # each bucket's zipf*10, in order
        self._frequent: dict[tuple[str, int, int], list[str]] = {}  # buckets' words above a zipf
        self._offers: dict[tuple[str, float, float], bool] = {}  # could_offer per question
        self._index: DeletionIndex | None = None
        self._index_state = "unread"  # then "counting" one-edit searches, or "none"
        self._longest: int | None = None
        self._searches = 0
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ lookup

    def known(self, word: str) -> bool:
        """True when the word (possessive removed) is in this language's dictionary, in
        any case ("israel"), except that a rare name's lower-case form is no word ("teh")."""
        hit = self._known.get(word)
        if hit is None:
            key = normalise(word)
            hit = key in self.freq and not (key in self.rare_names and word[:1].islower())
            if not hit and not key.isascii():
                hit = strip_accents(key) in self.freq  # résumé, Musée
            if not hit and key in self.unaccented:
                hit = True  # cafe for café
            if len(self._known) > 1_000_000:
                self._known.clear()
            self._known[word] = hit
        return hit

    def unknown_among(self, tokens) -> list[str]:
        """The tokens (a set or dict keys) this dictionary does not know. Tokens once found
        known are remembered, so a document costs a set lookup per distinct word and a
        dictionary lookup per new one."""
        known_tokens = self._known_tokens
        rest = list(filterfalse(known_tokens.__contains__, tokens))  # no set built per document
        if not rest:
            return []
        out = []
        if len(known_tokens) > 1_000_000:
            known_tokens.clear()
        for w in rest:
            if self.known(w):
                known_tokens.add(w)
            else:
                out.append(w)
        return out

    def clear_caches(self) -> None:
        """Forget this speller's per-word results (``spelling.check.clear_word_caches``
        forgets the name logic's and the shared per-word caches too)."""
        for cache in (self._cache, self._near, self._known, self._known_tokens, self._common,
                      self._one_edit, self._counterparts, self._offers):
            cache.clear()

    def is_common(self, word: str) -> bool:
        """A dictionary word written in lower case (shake, city), not a name: words taken
        from wordfreq alone are left out, since many of them are names (kardashian)."""
        hit = self._common.get(word)
        if hit is None:
            key = normalise(word)
            hit = key in self.freq and key not in self.forms and key not in self.extra
            if len(self._common) > 1_000_000:
                self._common.clear()
            self._common[word] = hit
        return hit

    def known_to_scowl(self, word: str) -> bool:
        """Known without the words added from wordfreq (for measurements)."""
        return self.known(word) and normalise(word) not in self.extra

    def zipf(self, word: str) -> float:
        return self.freq.get(normalise(word), 0) / 10

    def is_proper(self, word: str) -> bool:
        """True when the dictionary spells this word only with capitals (Israel, NATO)."""
        return normalise(word) in self.forms

    def display(self, key: str) -> str:
        return self.forms.get(key, key)

    def shouted(self, word: str) -> bool:
        """An ALL-CAPS word that the dictionary has only in lower case or with one capital
        ("NEVER", "ATHENS", "REUTER"), in either variety of English ("COLOUR"): a word or a
        name in capitals, not an abbreviation."""
        key = word.lower()  # (words from wordfreq alone come lower-cased: no telling)
        return (key in self.freq or key in self.other) and key not in self.capitals and key not in self.extra

    def counterpart(self, word: str) -> str | None:
        """This language's spelling of the other language's word: metre -> meter,
        colour -> color, organise -> organize (and back for en-GB); cached per word, since
        the same British words recur from article to article."""
        if word in self._counterparts:
            return self._counterparts[word]
        if len(self._counterparts) > 100_000:
            self._counterparts.clear()
        right = self._counterparts[word] = self._find_counterpart(word)
        return right

    def _find_counterpart(self, word: str) -> str | None:
        key = normalise(word)
        rules = _GB_TO_US if self.language == "en-US" else _US_TO_GB
        for pattern, repl in rules:
            for m in pattern.finditer(key):
                cand = key[:m.start()] + m.expand(repl) + key[m.end():]
                if cand != key and cand in self.freq:
                    return match_case(word, self.display(cand))
        return None

    def other_spelling(self, word: str) -> bool:
        """True when the word is the other language's spelling (colour in en-US)."""
        key = normalise(word)
        return key not in self.freq and key in self.other

    # ------------------------------------------------------------------ candidates

    def candidates(self, word: str) -> tuple[Candidate, ...]:
        """Ranked corrections for an unknown word (best first); cached per word."""
        key = normalise(word)
        hit = self._cache.get(key)
        if hit is None:
            hit = tuple(sorted(self._generate(key), key=_rank))
            if len(self._cache) > 200_000:
                self._cache.clear()  # bounded like the other word caches: a process may live for weeks
            self._cache[key] = hit
        return hit

    def could_offer(self, word: str, max_cost: float, min_zipf: float) -> bool:
        """Whether :meth:`candidates` may hold a correction other than a split (an edit or
        a block) to a word of zipf ``min_zipf`` or more that costs ``max_cost`` or less
        before the sound-alike bonus; False only when it cannot. A caller that asks no more
        of the best candidates skips the distance-2 search over every word in use for most
        unknown words: the words that frequent are a small part of it."""
        key = normalise(word)
        question = (key, max_cost, min_zipf)
        hit = self._offers.get(question)
        if hit is None:
            hit = self._could_offer(key, max_cost, min_zipf)
            if len(self._offers) > 200_000:
                self._offers.clear()
            self._offers[question] = hit
        return hit

    def _could_offer(self, key: str, max_cost: float, min_zipf: float) -> bool:
        if key in self._cache or not key or len(key) > 40:
            return True  # nothing to save
        freq = self.freq
        ones = self.one_edit(key)
        if len(key) < 4 or any(freq[e] >= D1_ENOUGH for e in ones):
            return True  # no distance-2 search to skip
        # the edits _generate weighs: these, the words two edits away, and three edits
        # away for a long word with none nearer (a superset when fewer frequent words are)

        def offers(words) -> bool:
            return any(freq[w] / 10 >= min_zipf and edit_cost(key, w) <= max_cost for w in words)

        if offers(ones) or (len(key) >= 6 and any(freq[w] / 10 >= min_zipf and cost <= max_cost
                                                  for w, cost in _blocks(key, freq))):
            return True
        floor = int(min_zipf * 10) - 1  # below every word of zipf min_zipf, whatever the rounding
        near = [w for w, _ in self._nearby(key, 2, floor)]
        if offers(near):
            return True
        if len(key) >= 7 and not ones and not near:
            return offers(w for w, _ in self._nearby(key, 3, floor))
        return False

    def suggest(self, word: str, n: int = 5) -> list[str]:
        """Up to ``n`` corrections, best first, in the case pattern of ``word``."""
        return [match_case(word, self.display(c.word) if c.kind != "split" else c.word)
                for c in self.candidates(word)[:n]]

    def near(self, word: str) -> list[Candidate]:
        """The best ``NEAR_TOP`` dictionary words one edit from ``word`` (for the name
        logic: "Isreal"), ranked. No edit costs less than ONE_EDIT_MIN, so words are
        weighed most frequent first and the rest skipped once even their best possible
        score is below the last of the top ones."""
        key = normalise(word)
        out = self._near.get(key)
        if out is None:
            freq = self.freq
            hits = sorted(((freq[e], e) for e in self.one_edit(key) - self.unsuggested), reverse=True)
            out = []
            for z10, e in hits:
                z = z10 / 10
                if len(out) >= NEAR_TOP and z - EDIT_WEIGHT * ONE_EDIT_MIN < out[NEAR_TOP - 1].score:
                    break  # this and every rarer word score below the top ones
                out.append(Candidate(e, edit_cost(key, e), z, "edit"))
                out.sort(key=_rank)
                del out[NEAR_TOP:]  # the best of the rest can only displace one of these
            if len(self._near) > 200_000:
                self._near.clear()
            self._near[key] = out
        return out

    @property
    def longest(self) -> int:
        """The length of the dictionary's longest word: no word longer by two or more is
        one edit from any, and none is half of a compound."""
        if self._longest is None:
            self._longest = max(map(len, self.freq), default=0)
        return self._longest

    def one_edit(self, key: str) -> frozenset[str]:
        """The dictionary's words one edit from ``key`` (for :meth:`near` and the candidate
        search alike): through the deletion index once there is one, else by intersecting
        the dictionary with every edit of ``key``."""
        hit = self._one_edit.get(key)
        if hit is None and len(key) > self.longest + 1:
            return frozenset()  # (its deletions alone cost the square of its length)
        if hit is None:
            if len(self._one_edit) > 200_000:
                self._one_edit.clear()
            index = self.deletion_index()
            if index is not None:
                hit = frozenset(index.one_edit(key, self.words, LETTERS + "'"))
            else:
                hit = self.words.intersection(edit_strings(key))
                if key in hit:
                    hit = hit - {key}
            self._one_edit[key] = hit
        return hit

    def deletion_index(self, build_now: bool = False) -> DeletionIndex | None:
        """The dictionary's deletion index: loaded from the user's cache folder when saved
        there, built (and saved) once this process has searched for many words, else None.
        ``build_now``: the caller knows many searches are coming (a run over many files,
        before its workers fork, so they share one index instead of each building one)."""
        if self._index is None and self._index_state != "none":
            with self._lock:
                if self._index is None and self._index_state == "unread":
                    self._index_state = "counting"
                    self._index = DeletionIndex.load(list(self.freq), user_cache_dir())
                if self._index is None and self._index_state == "counting":
                    self._searches += 1
                    if self._searches >= BUILD_AFTER or build_now:
                        self._index_state = "none"  # one try, whatever happens
                        try:
                            self._index = DeletionIndex.build(list(self.freq))
                        except ValueError:  # a dictionary too large for the index
                            return None
                        self._index.save(user_cache_dir())
        return self._index

    def _generate(self, key: str) -> list[Candidate]:
        freq, unsuggested = self.freq, self.unsuggested
        found: dict[str, Candidate] = {}
        if not key or len(key) > 40:
            return []

        sound = sound_key(key)

        def add(w: str, kind: str, cost: float | None = None) -> None:
            if w in unsuggested:
                return
            raw = c = edit_cost(key, w) if cost is None else cost
            if sound_key(w) == sound:
                c = max(0.3, c - SOUND_BONUS)
            old = found.get(w)
            if c <= MAX_COST and (old is None or c < old.cost):
                found[w] = Candidate(w, c, freq[w] / 10, kind, raw)

        # plain edit candidates with their unweighted distance; only the most promising
        # are given the (slower) weighted cost
        plain: dict[str, int] = dict.fromkeys(self.one_edit(key) - unsuggested, 1)
        enough = any(freq[e] >= D1_ENOUGH for e in plain)
        if len(key) >= 4 and not enough:
            # (never-offered words are dropped before the PREFILTER slots are handed out)
            for w, d in self._nearby(key, 2):
                if w not in unsuggested:
                    plain.setdefault(w, d)
            if len(key) >= 7 and not plain:
                for w, d in self._nearby(key, 3):
                    if w not in unsuggested:
                        plain.setdefault(w, d)
        for w in _most_promising(plain, freq, sound):
            add(w, "edit")
        if len(key) >= 6 and not enough:
            for w, cost in _blocks(key, freq):
                add(w, "block", cost)
        if len(key) >= 4:
            # two words run together ("alot", "inthe")
            for i in range(1, len(key)):
                a, b = key[:i], key[i:]
                za, zb = freq.get(a, 0), freq.get(b, 0)
                if _split_part(a, za) and _split_part(b, zb) and a not in unsuggested and b not in unsuggested:
                    w = f"{self.display(a)} {self.display(b)}"
                    found[w] = Candidate(w, SPLIT_COST, min(za, zb) / 10, "split")
        return list(found.values())

    def _nearby(self, key: str, distance: int, min_zipf10: int = NEARBY_MIN_ZIPF10) -> list[tuple[str, int]]:
        """Words within an optimal-string-alignment distance that share the first letter
        (and are ``min_zipf10`` frequent or more). Each edit costs at most two insertions
        or deletions, so rapidfuzz's cheaper Indel distance first keeps the words within
        twice the distance, then OSA decides."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA, Indel

        buckets = self._buckets
        if buckets is None:
            with self._lock:
                if self._buckets is None:
                    b: dict[tuple[str, int], list[str]] = {}
                    zipfs = self._bucket_zipfs
                    for w, z in self.freq.items():
                        if z >= NEARBY_MIN_ZIPF10:  # distant corrections only to words in use
                            k = (w[:1], len(w))
                            words = b.get(k)
                            if words is None:
                                words = b[k] = []
                                zipfs[k] = []
                            words.append(w)
                            zipfs[k].append(z)
                    self._buckets = b
                buckets = self._buckets
        first, n = key[0], len(key)
        out: list[tuple[str, int]] = []
        for length in range(max(1, n - distance), n + distance + 1):
            pool = buckets.get((first, length))
            if pool and min_zipf10 > NEARBY_MIN_ZIPF10:
                # a bucket's more frequent words, picked out once (a few floors are asked),
                # by the zipfs kept beside it: looking each word up again costs twice as much
                k = (first, length, min_zipf10)
                frequent = self._frequent.get(k)
                if frequent is None:
                    zipfs = self._bucket_zipfs[(first, length)]
                    frequent = self._frequent[k] = [w for w, z in zip(pool, zipfs) if z >= min_zipf10]
                pool = frequent
            if pool:
                near = [w for w, _, _ in process.extract(
                    key, pool, scorer=Indel.distance, score_cutoff=2 * distance, limit=None)]
                if near:
                    out.extend((w, d) for w, d, _ in process.extract(
                        key, near, scorer=OSA.distance, score_cutoff=distance, limit=None))
        return out


def _blocks(key: str, freq: dict[str, int]) -> list[tuple[str, float]]:
    """(word, cost) for a stray block of letters typed in the middle ("blockingading"),
    cheap when the block echoes letters typed elsewhere in the word."""
    out = []
    for size in (2, 3, 4, 5):
        for i in range(1, len(key) - size + 1):
            w = key[:i] + key[i + size:]
            if len(w) >= 4 and w in freq:
                echo = key[i:i + size] in w
                out.append((w, (0.9 + 0.15 * size) if echo else (1.2 + 0.3 * size)))
    return out


def _most_promising(plain: dict[str, int], freq: dict[str, int], sound: str) -> list[str]:
    """The PREFILTER words ranked best by plain distance less frequency, less a bonus of
    0.3 for sounding like the typed word. The bonus can only lift a word whose rank without
    it is within 0.3 of the last one kept, so only those words are sounded out."""
    base = {w: d - freq[w] / (10 * EDIT_WEIGHT) for w, d in plain.items()}
    if len(base) > PREFILTER:
        cut = sorted(base.values())[PREFILTER - 1] + 0.3 + 1e-9
        base = {w: b for w, b in base.items() if b <= cut}
    return sorted(base, key=lambda w: (base[w] - (0.3 if sound_key(w) == sound else 0.0), w))[:PREFILTER]


def _split_part(part: str, zipf10: int) -> bool:
    """A word that may stand on its own in a split: common, and a one- or two-letter
    part only if it is a very common word ("a", "of"), not a prefix ("un", "de")."""
    if len(part) <= 2:
        return part in ("a", "i") or zipf10 >= 58
    return zipf10 >= 40


# the regular differences between British and American spelling, as rewrites to try
_GB_TO_US = tuple((re.compile(a), b) for a, b in (
    (r"([^aeiou])re(s|d)?$", r"\1er\2"), (r"our", "or"), (r"is(e|ed|es|ing|ation|ations)$", r"iz\1"),
    (r"ys(e|ed|es|ing)$", r"yz\1"), (r"ence$", "ense"), (r"ogue$", "og"), (r"ll(ed|ing|er|ers)$", r"l\1"),
    (r"ae", "e"), (r"oe", "e"), (r"mme$", "m"), (r"que$", "k"),
))
_US_TO_GB = tuple((re.compile(a), b) for a, b in (
    (r"([^aeiou])er(s|ed)?$", r"\1re\2"), (r"or", "our"), (r"ense$", "ence"), (r"og$", "ogue"),
    (r"([aeiou])l(ed|ing|er|ers)$", r"\1ll\2"), (r"m$", "mme"),
))


# ---------------------------------------------------------------------- loading


def load_entries(path: Path) -> dict[str, tuple[int, str]]:
    """Read the grouped dictionary file: ``@zipf tag`` lines, each followed by a line of words."""
    entries: dict[str, tuple[int, str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for i in range(0, len(lines) - 1, 2):
        head = lines[i]
        if not head.startswith("@"):
            continue
        z, tag = head[1:].split(" ", 1)
        entries.update(dict.fromkeys(lines[i + 1].split(" "), (int(z), tag)))
    return entries


@lru_cache(maxsize=1)
def _entries() -> dict[str, tuple[int, str]]:
    return load_entries(rules_path(*DATA_FILE))


@lru_cache(maxsize=1)
def _seen() -> tuple[frozenset[str], dict[str, int], dict[str, int]]:
    path = rules_path(*SEEN_FILE)
    if not path.exists():
        return frozenset(), {}, {}
    words: set[str] = set()
    news: dict[str, int] = {}
    running: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for i in range(0, len(lines) - 1, 2):
        n, tag = lines[i][1:].split(" ", 1)
        group = lines[i + 1].split(" ")
        words.update(group)
        (news if tag == "news" else running).update(dict.fromkeys(group, int(n)))
    return frozenset(words), news, running


@lru_cache(maxsize=1)
def unsuggested_words() -> frozenset[str]:
    """Words never offered as a correction (``rules/spelling/no_suggest.txt``)."""
    from .lexicon import read_word_list

    return frozenset(w.lower() for w in read_word_list(rules_path(*NO_SUGGEST_FILE)))


def seen_words() -> frozenset[str]:
    """Lower-case words the dictionary lacks that running text is known to use (wordfreq's
    list and the news corpora; ``tools/build_seen_words.py``): evidence that a capitalised
    word is a name, never that it is a word."""
    return _seen()[0]


def news_articles(key: str) -> int:
    """In how many news articles (the corpora behind ``seen.txt.gz``) a word the
    dictionary lacks was used, in any case; 0 when fewer than three."""
    return _seen()[1].get(key, 0)


def running_text_zipf(key: str) -> float:
    """wordfreq's frequency (zipf) of a word the dictionary lacks; 0 below 1.5."""
    return _seen()[2].get(key, 0) / 10


_SPELLERS: dict[str, Speller] = {}
_SPELLERS_LOCK = threading.Lock()


def get_speller(language: str = "en-US") -> Speller:
    """The speller for ``en-US`` or ``en-GB``, loaded once per process."""
    lang = "en-GB" if language.lower().replace("_", "-") in ("en-gb", "gb", "british") else "en-US"
    sp = _SPELLERS.get(lang)
    if sp is None:
        with _SPELLERS_LOCK:
            sp = _SPELLERS.get(lang)
            if sp is None:
                sp = _SPELLERS[lang] = _load_speller(lang)
    return sp


def prepare_for_many_searches() -> None:
    """Give every speller this process has loaded its deletion index now (loaded, or built
    and saved): for a run over many files, before its workers fork and would each build one."""
    for sp in list(_SPELLERS.values()):
        sp.deletion_index(build_now=True)


SPELLER_FORMAT = 2


def _load_speller(language: str) -> Speller:
    """The speller, from its tables in the user's cache folder when they were saved there
    for this dictionary file and this module (marshal reads them in a fifth of the time
    building them takes), else built and saved there, written atomically."""
    try:
        stamp = zlib.crc32(rules_path(*DATA_FILE).read_bytes(), zlib.crc32(Path(__file__).read_bytes()))
    except OSError:
        return Speller(language, _entries())
    path = user_cache_dir() / f"speller-{SPELLER_FORMAT}-{language}-{stamp:08x}.marshal"
    try:
        tables = marshal.loads(path.read_bytes())
        if _tables_look_right(tables):
            return Speller.from_tables(language, tables)
    except (OSError, EOFError, ValueError, TypeError):
        pass
    sp = Speller(language, _entries())
    write_atomically(path, marshal.dumps(sp.tables()), f"speller-*-{language}-*.marshal")
    return sp


def _tables_look_right(tables) -> bool:
    kinds = (dict, dict, dict, frozenset, frozenset, frozenset, frozenset)
    return isinstance(tables, tuple) and len(tables) == len(kinds) and \
        all(isinstance(t, k) for t, k in zip(tables, kinds))
