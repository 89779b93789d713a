"""The name lexicon (``rules/names/lexicon.tsv``) and the house vocabularies
(``rules/vocabulary/accept.txt`` and ``reject.txt`` plus the config keys ``accept`` and
``reject``).

Vocabulary entries written in lower case match any case; an entry with capitals matches
only that spelling ("iPhone"). An entry of several words (a full name) is also a name the
speller compares near misses with ("Keir Starmer").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable

from ..data import rules_path
from .speller import normalise

LEXICON_FILE = ("names", "lexicon.tsv")
FIRST_NAMES_FILE = ("names", "first_names.txt")
GIVEN_NAMES_FILE = ("names", "given_names.txt")
GIVEN_NAME_WORDS_FILE = ("names", "given_name_words.txt")
VOCABULARY_DIR = "vocabulary"


@dataclass
class NameLexicon:
    """Known names: single words (lower-case key -> display form and frequency) and
    full names indexed by first and last word."""

    words: dict[str, tuple[str, float]] = field(default_factory=dict)
    by_last: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    by_first: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    full: set[str] = field(default_factory=set)  # "keir starmer"
    first_names: frozenset[str] = frozenset()  # names news copy writes before a surname
    first_name_words: frozenset[str] = frozenset()  # given names that are common words too (Bill, Bob)
    near_cache: dict = field(default_factory=dict, repr=False)  # filled by the name logic
    token_facts: dict = field(default_factory=dict, repr=False)  # per language, ditto
    slip_cache: dict = field(default_factory=dict, repr=False)  # full names one slip away, ditto

    def add(self, name: str, zipf: float = 0.0) -> None:
        parts = name.split()
        if not parts:
            return
        for n, p in enumerate(parts):
            if len(p) > 1 and p[:1].isupper():
                key = normalise(p)
                z = zipf if n == len(parts) - 1 else 0.0  # the frequency is the last word's
                old = self.words.get(key)
                if old is None or z > old[1]:
                    self.words[key] = (p, z)
        if len(parts) >= 2:
            first, last = parts[0], parts[-1]
            pair = (first, last)
            self.full.add(f"{first} {last}".lower())
            self.by_last.setdefault(last.lower(), set()).add(pair)
            self.by_first.setdefault(first.lower(), set()).add(pair)

    def knows(self, word: str) -> bool:
        return normalise(word) in self.words

    def zipf(self, word: str) -> float:
        hit = self.words.get(normalise(word))
        return hit[1] if hit else 0.0

    def extended(self, names: Iterable[str]) -> "NameLexicon":
        """A copy with more names (a project's multi-word accept entries), made once per list."""
        names = tuple(names)
        if not names:
            return self
        cached = self.near_cache.get(("extended", names))
        if cached is not None:
            return cached
        new = NameLexicon(dict(self.words), {k: set(v) for k, v in self.by_last.items()},
                          {k: set(v) for k, v in self.by_first.items()}, set(self.full),
                          first_names=self.first_names, first_name_words=self.first_name_words)
        for n in names:
            new.add(n, 3.0)
        self.near_cache[("extended", names)] = new
        return new


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    lex = NameLexicon()
    path = rules_path(*LEXICON_FILE)
    if not path.exists():
        return lex
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, z, _docs = line.split("\t")
        lex.add(name, int(z) / 10)
    # names the news writes before a surname, and the census's given names
    paths = [rules_path(*file) for file in (FIRST_NAMES_FILE, GIVEN_NAMES_FILE)]
    lex.first_names = frozenset(name for path in paths if path.exists() for name in read_word_list(path))
    lex.first_name_words = frozenset(read_word_list(rules_path(*GIVEN_NAME_WORDS_FILE)))
    return lex


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """The last word of each title a story puts before a name ("Minister", "Senator"),
    from the people data's title forms (rules/people/titles.yaml); forms that end in a
    place ("Secretary of State") are left out. Empty when the file cannot be read."""
    import yaml

    from ..yamlutil import FAST_SAFE_LOADER

    try:
        with open(rules_path("people", "titles.yaml"), encoding="utf-8") as fh:
            families = yaml.load(fh, Loader=FAST_SAFE_LOADER)["families"]
        forms = [f for family in families.values() for f in family["forms"]]
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError):
        return frozenset()
    return frozenset(f.split()[-1] for f in forms if " of " not in f and " for " not in f)


def read_word_list(path) -> list[str]:
    """One entry a line; ``#`` starts a comment."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return word_list_entries(text)


def word_list_entries(text: str) -> list[str]:
    """The entries of a word list's text: one a line, ``#`` to the end of a line a comment."""
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=1)
def house_lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    base = rules_path(VOCABULARY_DIR)
    return (tuple(read_word_list(base / "accept.txt")), tuple(read_word_list(base / "reject.txt")))


_CURLY = str.maketrans({"’": "'"})


class Vocabulary:
    """Accept and reject lists: the shipped ones plus the project's config."""

    def __init__(self, accept: Iterable[str] = (), reject: Iterable[str] = ()) -> None:
        self.accept_any: set[str] = set()
        self.accept_exact: set[str] = set()
        self.reject_any: set[str] = set()
        self.reject_exact: set[str] = set()
        self.names: list[str] = []
        self._accepts: dict[str, bool] = {}
        for entry in accept:
            entry = entry.strip()
            if " " in entry:
                self.names.append(entry)
                for part in entry.split():
                    self._put(part, self.accept_any, self.accept_exact)
            elif entry:
                self._put(entry, self.accept_any, self.accept_exact)
                if "-" in entry:  # the speller reads "qwibzo-flarnt" as two words
                    for part in filter(None, entry.split("-")):
                        self._put(part, self.accept_any, self.accept_exact)
        for entry in reject:
            entry = entry.strip()
            if entry:
                self._put(entry, self.reject_any, self.reject_exact)

    @staticmethod
    def _put(entry: str, any_case: set[str], exact: set[str]) -> None:
        entry = entry.translate(_CURLY)
        if entry.islower() or not any(ch.isalpha() for ch in entry):
            any_case.add(entry.lower())
        else:
            exact.add(entry)

    def accepts(self, word: str) -> bool:
        """On the accept list (cached per word: the same words recur in every article)."""
        hit = self._accepts.get(word)
        if hit is None:
            if len(self._accepts) > 200_000:
                self._accepts.clear()
            hit = self._accepts[word] = self._on_accept_list(word)
        return hit

    def _on_accept_list(self, word: str) -> bool:
        w = word.translate(_CURLY)
        if w in self.accept_exact or w.lower() in self.accept_any:
            return True
        key = normalise(w)
        return key != w.lower() and (key in self.accept_any or w[: len(key)] in self.accept_exact)

    def rejects(self, word: str) -> bool:
        if not (self.reject_any or self.reject_exact):
            return False
        w = word.translate(_CURLY)
        return w in self.reject_exact or w.lower() in self.reject_any or normalise(w) in self.reject_any


_VOCABULARIES: dict[tuple, Vocabulary] = {}


def vocabulary_for(settings) -> Vocabulary:
    """The shipped lists plus the settings' ``accept``/``reject``; built once per set of lists."""
    key = (tuple(getattr(settings, "accept", ())), tuple(getattr(settings, "reject", ())))
    vocab = _VOCABULARIES.get(key)
    if vocab is None:
        acc, rej = house_lists()
        vocab = Vocabulary([*acc, *key[0]], [*rej, *key[1]])
        if len(_VOCABULARIES) > 64:
            _VOCABULARIES.clear()
        _VOCABULARIES[key] = vocab
    return vocab
