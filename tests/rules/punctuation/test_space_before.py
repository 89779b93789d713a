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


def test_a_ratio_set_with_spaces_is_left_alone_but_a_word_before_a_colon_is_not() -> None:
    """A user's "--fix" made "The ratio was 3 : 1" into "3: 1"."""
    from copylint import lint_text
    from copylint.config import Settings

    text = "Story\n\nThe ratio was 3 : 1 and the score 2 : 0. He said : no.\n"
    found = lint_text(text, "a.txt", config=Settings(select=["typo.space-before-punctuation"]))
    assert [(f.column, f.matched) for f in found] == [(49, " ")]  # before "He said :"
