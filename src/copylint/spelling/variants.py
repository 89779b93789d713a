"""One name spelt two ways in one article (Zelensky / Zelenskyy, Olexander / Oleksandr,
Gaddafi / Qaddafi).

Capitalised words are compared by a transliteration key that folds the usual
alternatives of romanised names together (y/i, ks/x, kh/h, q/k and an initial g,
w/v, ph/f, doubled letters), and by edit distance: two spellings belong together when
their keys are equal, or when their keys are one edit apart and at least one of them is
not a dictionary name (Johnson and Johnston are two names; Vereshchuk and Vereschuk are
one). Forms that differ by an ending that makes another word (Ivanov / Ivanova, Russia /
Russian, Smith / Smiths) are left apart. The spelling used less often is reported with
the majority one as the suggestion; on a tie the one that appears later. Spellings that
differ only by accents (Beyoncé / Beyonce) are left to house style: feeds and headline
systems that keep to ASCII drop accents, which makes no second spelling.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from .speller import normalise

_KEY_RULES = (("kh", "h"), ("ks", "x"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v"), ("y", "i"),
              ("j", "i"), ("ou", "u"))
_ENDINGS = {"a", "s", "n", "e", "es", "an", "ian", "i", "o"}
MIN_LENGTH = 4  # shorter names (Kim, Jim, Ali) are too easily one letter apart
MIN_LENGTH_EDIT = 6  # names compared by edit distance, not only by key


@lru_cache(maxsize=32768)
def translit_key(name: str) -> str:
    w = _folded(name)
    out = []
    for c in w:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=32768)
def _folded(name: str) -> str:
    """The name with its accents dropped and the usual romanisation alternatives folded,
    doubled letters kept."""
    w = unicodedata.normalize("NFKD", name.lower())
    w = "".join(c for c in w if not unicodedata.combining(c) and c.isalpha())
    if w[:1] in "gq":
        w = "k" + w[1:]
    for a, b in _KEY_RULES:
        if a in w:
            w = w.replace(a, b)
    return w


def transliterations(a: str, b: str) -> bool:
    """Two romanisations of one name (Sergey / Sergei, Mikhail / Mihail), not a slip: the
    same letters once the usual alternatives are folded, doubled letters and all (a
    doubled or dropped letter, as in Jenifer for Jennifer, is a typing slip)."""
    return a.lower() != b.lower() and _folded(a) == _folded(b)


def accents_only(a: str, b: str) -> bool:
    """The same letters but for accents (Beyoncé / Beyonce)."""
    return a != b and _unaccented(a) == _unaccented(b)


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def different_word(a: str, b: str) -> bool:
    """b is a with an ending that makes another word (gender, plural, demonym)."""
    a, b = a.lower(), b.lower()
    if len(a) > len(b):
        a, b = b, a
    return b.startswith(a) and b[len(a):] in _ENDINGS


@dataclass(frozen=True)
class VariantGroup:
    majority: str
    minority: tuple[str, ...]


def group_variants(counts: dict[str, int], first_seen, is_dictionary_name, in_dictionary=None) -> list[VariantGroup]:
    """Cluster capitalised spellings. ``counts`` maps each spelling to its uses;
    ``first_seen(name)`` gives its first offset (asked only to break ties, which the
    spelling ``in_dictionary`` wins: Benetton over Bennetton)."""
    in_dictionary = in_dictionary or is_dictionary_name
    names = sorted(counts)
    keys = {n: translit_key(n) for n in names}
    parent = {n: n for n in names}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    pairs = _near_pairs(names, keys) if len(names) > MANY_NAMES else _bucket_pairs(names, keys)
    for a, b in pairs:
        if _same_name(a, b, keys[a], keys[b], is_dictionary_name, in_dictionary):
            parent[find(a)] = find(b)
    clusters: dict[str, list[str]] = {}
    for n in names:
        clusters.setdefault(find(n), []).append(n)
    out = []
    for members in clusters.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda n: (-counts[n], not in_dictionary(n), first_seen(n)))
        out.append(VariantGroup(members[0], tuple(members[1:])))
    return out


MANY_NAMES = 300  # more spellings than this are looked up by deletions, not compared in pairs


def _bucket_pairs(names: list[str], keys: dict[str, str]):
    """The pairs of names (sorted) _same_name can join, for an article's few names: those
    whose keys share an initial and are of the same length or one letter longer, as
    (a, b) with b's key the longer, or b later among equals."""
    buckets: dict[tuple[str, int], list[str]] = {}
    for n in names:
        buckets.setdefault((keys[n][:1], len(keys[n])), []).append(n)
    for (initial, length), bucket in buckets.items():
        longer = buckets.get((initial, length + 1), [])
        for i, a in enumerate(bucket):
            for b in (*bucket[i + 1:], *longer):
                yield a, b


def _near_pairs(names: list[str], keys: dict[str, str]) -> list[tuple[str, str]]:
    """Fewer of those pairs, for a long file's thousands of names, where comparing a
    bucket's every pair grew with the square of the file: only keys equal or sharing a
    key with one letter deleted (as keys one edit apart do) are paired, in the same order."""
    by_deletion: dict[str, list[str]] = {}
    for k in dict.fromkeys(keys[n] for n in names):
        for d in {k, *(k[:i] + k[i + 1:] for i in range(len(k)))}:
            by_deletion.setdefault(d, []).append(k)
    near_keys: dict[str, set[str]] = {}
    for group in by_deletion.values():
        for ka in group:
            near_keys.setdefault(ka, set()).update(group)
    by_key: dict[str, list[str]] = {}
    for n in names:
        by_key.setdefault(keys[n], []).append(n)
    order = {n: i for i, n in enumerate(names)}
    pairs = []
    for ka, others in near_keys.items():
        for kb in others:
            if kb[:1] != ka[:1] or len(kb) < len(ka) or (len(kb) == len(ka) and kb < ka):
                continue  # each pair once: from the shorter key, or the first of equals
            for a in by_key[ka]:
                for b in by_key[kb]:
                    if len(kb) > len(ka) or order[a] < order[b]:
                        pairs.append((a, b))
                    elif ka != kb:
                        pairs.append((b, a))
    return pairs


def _same_name(a: str, b: str, ka: str, kb: str, is_dictionary_name, in_dictionary) -> bool:
    """Two spellings of one name: equal keys, or (long names) keys one edit apart when
    one of them is no dictionary name; never an ending that makes another word, nor two
    words the dictionary has that differ by a doubled letter alone (Britain and the
    surname Brittain, the provinces Shaanxi and Shanxi). The cheap tests come first:
    most pairs differ in length or in key."""
    if abs(len(ka) - len(kb)) > 1:
        return False
    if ka == kb and accents_only(a, b):
        return False  # an accent dropped: house style, no second spelling
    if ka == kb and _folded(a) != _folded(b) and in_dictionary(a) and in_dictionary(b):
        return False
    if not (ka == kb and len(ka) >= MIN_LENGTH):
        if min(len(a), len(b)) < MIN_LENGTH_EDIT or OSA.distance(ka, kb, score_cutoff=1) > 1:
            return False
        if different_word(a, b):
            return False
        return not (is_dictionary_name(a) and is_dictionary_name(b))
    return not different_word(a, b)


def possessive_base(token: str) -> str:
    key = normalise(token)
    return token[: len(key)] if len(key) < len(token) else token
