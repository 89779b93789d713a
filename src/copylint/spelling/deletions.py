"""Words one edit from a typed word, found through their one-letter deletions.

A word one edit from ``typed`` either is ``typed`` with a letter deleted, or has a letter
deleted that leaves ``typed`` (a letter inserted), or shares with ``typed`` a deletion at
the same or the next position (a substitution or a swap). So looking up ``typed`` and its
deletions in an index of the dictionary's deletions, and keeping the words that really
are one edit away, finds what intersecting the dictionary with every edit of ``typed``
finds, for a dozen lookups instead of some five hundred new strings.

The index of a large dictionary takes about a second to build, so it is built once a
run has asked for many words (:data:`BUILD_AFTER`) and kept in the user's cache folder
(``$COPYLINT_CACHE_DIR``), written atomically, for later runs to load in milliseconds:
a sorted array of ``crc32(deletion) << 20 | word number``. A small word list (names the
dictionary lacks) is indexed in memory with a dict.
"""

from __future__ import annotations

import array
import bisect
import zlib
from pathlib import Path

from ..data import write_atomically

FORMAT = 1
BUILD_AFTER = 1000  # one-edit searches a run makes before the index pays for its build
_ID_BITS = 20
_ID_MASK = (1 << _ID_BITS) - 1


def one_edit_apart(typed: str, word: str, letters: str) -> bool:
    """True when ``word`` is one of :func:`~copylint.spelling.speller.edits1`'s strings
    for ``typed``: one letter deleted, two neighbours swapped, or one letter of
    ``letters`` substituted or inserted."""
    n, m = len(typed), len(word)
    i = 0
    short = min(n, m)
    while i < short and typed[i] == word[i]:
        i += 1  # the first position where they differ
    if m == n - 1:
        return typed[i + 1:] == word[i:]
    if m == n + 1:
        return word[i] in letters and word[i + 1:] == typed[i:]
    if m != n or i == n:
        return False
    if typed[i + 1:] == word[i + 1:]:
        return word[i] in letters  # a substitution
    return i + 1 < n and typed[i] == word[i + 1] and typed[i + 1] == word[i] and typed[i + 2:] == word[i + 2:]


def _deletions(word: str) -> list[str]:
    return [word[:i] + word[i + 1:] for i in range(len(word))]


def _one_edit(lookup, known, typed: str, letters: str) -> set[str]:
    """The words one edit from ``typed``, given ``lookup`` (a deletion -> the words that
    leave it) and ``known`` (the words themselves): those that leave ``typed`` or one of
    its deletions, and its deletions that are words, kept when really one edit away."""
    found = set(lookup(typed))
    for d in _deletions(typed):
        found.update(lookup(d))
        if d in known:
            found.add(d)
    return {w for w in found if w != typed and one_edit_apart(typed, w, letters)}


def _crc(s: str) -> int:
    return zlib.crc32(s.encode("utf-8"))


class DeletionIndex:
    """The dictionary's one-letter deletions, as a sorted array of hashes and word numbers."""

    def __init__(self, words: list[str], table: array.array) -> None:
        self.words = words
        self.table = table

    @classmethod
    def build(cls, words: list[str]) -> "DeletionIndex":
        if len(words) > _ID_MASK:
            raise ValueError("too many words for the index")
        # Sorted bucket by bucket of the hash's top byte, each kept as 8-byte numbers until
        # its turn: the same table as sorting one list of every key, for a quarter of the
        # memory at its peak (a list holds a Python int per key) and somewhat less time.
        shift = 32 + _ID_BITS - 8
        buckets = [array.array("Q") for _ in range(256)]
        for n, w in enumerate(words):
            for d in _deletions(w):
                key = _crc(d) << _ID_BITS | n
                buckets[key >> shift].append(key)
        table = array.array("Q")
        for bucket in buckets:
            table.extend(sorted(bucket))
        return cls(words, table)

    def lookup(self, deletion: str) -> list[str]:
        """Words that leave ``deletion`` when a letter is deleted (and a few whose
        deletion only shares its hash)."""
        table = self.table
        h = _crc(deletion)
        i = bisect.bisect_left(table, h << _ID_BITS)
        out = []
        while i < len(table) and table[i] >> _ID_BITS == h:
            out.append(self.words[table[i] & _ID_MASK])
            i += 1
        return out

    def one_edit(self, typed: str, known, letters: str) -> set[str]:
        """The indexed words one edit from ``typed``; ``known`` is the set of the words."""
        return _one_edit(self.lookup, known, typed, letters)

    # ------------------------------------------------------------------ the cache file

    @staticmethod
    def path_for(words: list[str], cache_dir: Path) -> Path:
        """The file for exactly these words, indexed by exactly this module."""
        signature = zlib.crc32("\n".join(words).encode("utf-8"), zlib.crc32(Path(__file__).read_bytes()))
        return cache_dir / f"spelling-deletions-{FORMAT}-{len(words)}-{signature:08x}.bin"

    @classmethod
    def load(cls, words: list[str], cache_dir: Path) -> "DeletionIndex | None":
        """The index saved for exactly this word list, or None."""
        path = cls.path_for(words, cache_dir)
        table = array.array("Q")
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if len(data) % table.itemsize:
            return None
        table.frombytes(data)
        if len(table) != sum(map(len, words)):
            return None  # a truncated or foreign file
        return cls(words, table)

    def save(self, cache_dir: Path) -> None:
        write_atomically(self.path_for(self.words, cache_dir), self.table.tobytes(), "spelling-deletions-*.bin")


class SmallDeletionIndex:
    """The same for a few thousand words, in a dict built on the spot."""

    def __init__(self, words) -> None:
        self.known = frozenset(words)
        self.table: dict[str, list[str]] = {}
        for w in self.known:
            for d in _deletions(w):
                self.table.setdefault(d, []).append(w)

    def one_edit(self, typed: str, letters: str) -> set[str]:
        table = self.table
        return _one_edit(lambda d: table.get(d, ()), self.known, typed, letters)
