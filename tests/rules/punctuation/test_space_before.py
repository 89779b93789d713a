"""typo.space-before-punctuation's pattern tries a run of spaces from its first space only;
it must find what the plain pattern finds."""

from __future__ import annotations

import random
import re

from copylint.rules.punctuation import _SPACE_BEFORE_RE

# the plain statement: right, but tried from every space of a run, each try reading to its end
_SPACE_BEFORE_BY_REGEX = re.compile(r"[ \t]+(?=[,.;:!?](?:[\s\"'”’)]|$))")


def test_space_before_agrees_with_the_plain_pattern() -> None:
    rng = random.Random(8)
    pieces = [" ", " ", "\t", ",", ".", "!", "a", "\n", '"', ")", "’"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert [m.span() for m in _SPACE_BEFORE_RE.finditer(text)] == \
            [m.span() for m in _SPACE_BEFORE_BY_REGEX.finditer(text)], text
