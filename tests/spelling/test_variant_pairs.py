"""In a long file group_variants looks name pairs up by their keys' one-letter deletions
instead of comparing every pair of a bucket: it must join exactly the pairs the plain
comparison joins. (In a 5 MB archive pasted into one file, the bucket comparison took an
eighth of the run and grew with the square of the file.)"""

from __future__ import annotations

import random

from copylint.spelling import variants


def test_the_looked_up_pairs_join_what_the_bucket_comparison_joined():
    rng = random.Random(7)
    in_dictionary = lambda name: len(name) % 3 == 0  # any fixed answer will do
    for _ in range(3000):
        names = sorted({"".join(rng.choice("AaBbeéoh") for _ in range(rng.randint(1, 9)))
                        for _ in range(rng.randint(0, 30))})
        keys = {n: variants.translit_key(n) for n in names}

        def joined(pairs):
            return {p for p in pairs if variants._same_name(p[0], p[1], keys[p[0]], keys[p[1]],
                                                            in_dictionary, in_dictionary)}

        assert joined(variants._near_pairs(names, keys)) == joined(variants._bucket_pairs(names, keys)), names
