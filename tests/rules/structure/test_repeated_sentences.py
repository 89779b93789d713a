"""structure.duplicate-paragraph's cheap first pass cuts the text into rough sentences; its
pattern tries a run of marks from the first mark only, and must cut as the plain one does."""

from __future__ import annotations

import random
import re

import copylint
from copylint.config import Settings
from copylint.rules.structure import _ROUGH_SENTENCE_RE

# the plain statement: right, but a run of marks not followed by white space was tried
# from each of its marks, each try reading to the end of the run (quadratic)
_ROUGH_BY_REGEX = re.compile(r"\.[.!?]*[\"'”’)\]]?\s+|![.!?]*[\"'”’)\]]?\s+|\?[.!?]*[\"'”’)\]]?\s+|\n\s*\n")


def test_rough_sentences_agree_with_the_plain_pattern() -> None:
    rng = random.Random(6)
    pieces = [".", ".", "!", "?", '"', "”", ")", "]", " ", "\n", "\t", "a", "\u2028"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert _ROUGH_SENTENCE_RE.split(text) == _ROUGH_BY_REGEX.split(text), text
        assert [m.span() for m in _ROUGH_SENTENCE_RE.finditer(text)] == \
            [m.span() for m in _ROUGH_BY_REGEX.finditer(text)], text


def test_a_repeat_that_ends_the_story_is_found() -> None:
    """The story's last full stop has nothing after it: the cheap pass must cut there too."""
    text = ("# Warehouse blaze in Leeds\n\n"
            "A fire destroyed a warehouse in Leeds on Monday night, crews said. Nobody was hurt.\n\n"
            "Crews said the cause was not known. A fire destroyed a warehouse in Leeds on Monday night, crews said.")
    findings = copylint.lint_text(text, path="s4.md", config=Settings(select=["structure.duplicate-paragraph"]))
    assert [(f.line, f.column, f.message) for f in findings] == [(5, 37, "this sentence repeats an earlier one")]


def test_a_paragraph_nearly_repeated_is_found_but_not_one_with_other_figures() -> None:
    """From an audit: a paragraph repeated with "morning" added, or with a comma or a
    capital changed, passed. A paragraph of ten words or more that differs from an
    earlier one by case, punctuation and at most two words is reported; one whose
    difference is a figure states another fact and is not."""
    text = ("# Fire destroys warehouse in Leeds\n\n"
            "Nobody was hurt, West Yorkshire Fire and Rescue Service said in a statement on Tuesday.\n\n"
            "A fire destroyed a warehouse in Leeds on Monday night, crews said.\n\n"
            "Nobody was hurt, West Yorkshire Fire and Rescue Service said in a statement on Tuesday morning.\n\n"
            "a fire destroyed a warehouse in Leeds on Monday night , crews said\n\n"
            "Sales at the Leeds warehouse rose 5 percent in the first quarter of the year.\n\n"
            "Sales at the Leeds warehouse rose 6 percent in the first quarter of the year.")
    findings = copylint.lint_text(text, path="d1.md", config=Settings(select=["structure.duplicate-paragraph"]))
    assert [(f.line, f.message, f.related[0].line) for f in findings] == [
        (7, "this paragraph nearly repeats an earlier one ('morning' added)", 3),
        (9, "this paragraph nearly repeats an earlier one (case and punctuation aside)", 5),
    ]
