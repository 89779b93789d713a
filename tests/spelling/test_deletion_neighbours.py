"""In a long file the capitalised words near a slip are looked up through their
deletions instead of compared one by one: the lookup must find every word within the
distance (a superset, which the caller checks)."""

from __future__ import annotations

import random

from rapidfuzz.distance import OSA

from copylint.spelling.names import _DeletionNeighbours


def test_every_word_within_the_distance_is_found():
    rng = random.Random(11)
    for _ in range(2000):
        words = {"".join(rng.choice("abcé") for _ in range(rng.randint(1, 8))) for _ in range(rng.randint(1, 40))}
        typed = "".join(rng.choice("abcé") for _ in range(rng.randint(1, 8)))
        for distance in (1, 2):
            within = {w for w in words if OSA.distance(typed, w) <= distance}
            assert within <= _DeletionNeighbours(words, distance).near(typed), (typed, words)
