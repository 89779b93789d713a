"""typo.double-space leaves tables laid out with spaces alone; a cell counts as a sentence
by _sentence_cell, which must agree with the plain statement of it as one pattern."""

from __future__ import annotations

import random
import re

from copylint import lint_text
from copylint.config import Settings
from copylint.rules.punctuation import _sentence_cell

# three words, anything, a closing stop: right, but run from every word to the end of the cell
_SENTENCE_CELL_BY_REGEX = re.compile(r"\w+\W+\w+\W+\w+.*[.!?][\"”’)]?$", re.S)


def test_sentence_cells_agree_with_the_pattern() -> None:
    rng = random.Random(4)
    pieces = ["a", "bc", " ", "\n", ".", "!", "?", '"', "”", ")", ",", "é", "1", "\t"]
    for _ in range(50000):
        cell = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _sentence_cell(cell) == (_SENTENCE_CELL_BY_REGEX.search(cell) is not None), cell


def test_a_table_is_no_double_space_but_sentences_run_together_are() -> None:
    rules = Settings(select=["typo.double-space"], languagetool=False)
    table = "Results\n\nWheat     12.5     13.1\nCorn      8.2      8.0\nSoy       4.4      4.9\n"
    assert lint_text(table, "a.txt", config=rules) == []
    prose = "Results\n\nThe council met.     It agreed the budget.     Then it rose.\n"
    assert [f.matched for f in lint_text(prose, "a.txt", config=rules)] == ["     ", "     "]
