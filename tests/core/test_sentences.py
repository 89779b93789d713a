"""Sentence ends as copylint.text.sentences finds them: a run of marks with no white space
after it is matched and passed over, and must leave the same ends as the plain pattern."""

from __future__ import annotations

import random
import re

from copylint.text import SENTENCE_END_RE, _ends_sentence, sentences

# the plain statement: right, but a run of marks not followed by white space was tried
# from each of its marks, each try reading to the end of the run (quadratic)
_TAIL = r"[.!?]*[\"'”’)\]]*(?=\s+|$)"
_END_BY_REGEX = re.compile(rf"\.{_TAIL}|!{_TAIL}|\?{_TAIL}|\n\s*\n")


def test_sentence_ends_agree_with_the_plain_pattern() -> None:
    rng = random.Random(5)
    pieces = [".", ".", "!", "?", '"', "”", ")", "]", "'", " ", "\n", "\t", "a", "Mr", "\u2028"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        want = [m.span() for m in _END_BY_REGEX.finditer(text, start, end)]
        got = [m.span() for m in SENTENCE_END_RE.finditer(text, start, end) if _ends_sentence(text, m.end(), end)]
        assert got == want, (text, start, end)


def test_a_long_run_of_dots_is_read_once() -> None:
    text = "It was " + "." * 50_000 + "x and then it ended. Next one."  # 33 s before
    assert sentences(text) == ((0, 50_027), (50_028, 50_037))  # (its time: benchmarks/inputs.py)


def test_titles_and_initials_go_on_and_figures_and_endings_end() -> None:
    """"Mr.", "v." and an initial do not end a sentence; a full stop after a figure or
    after a word's ending does ("won 2-1.", "Galliano's.")."""
    text = ("She is a fan of Galliano's. It was at McDonald's. Then they won 2-1. Fans cheered. "
            "Mr. Gray and William B. Plowman cited Roe v. Wade in the U.S. on Monday.")
    assert [text[a:b] for a, b in sentences(text)] == [
        "She is a fan of Galliano's.", "It was at McDonald's.", "Then they won 2-1.", "Fans cheered.",
        "Mr. Gray and William B. Plowman cited Roe v. Wade in the U.S. on Monday."]


def test_titles_and_ranks_do_not_end_a_sentence() -> None:
    """One list of abbreviations (text.ABBREVIATIONS) serves the splitter, the packs and
    the speller; the splitter used to end sentences at "Rev." and "Maj." that the speller's
    own list knew."""
    text = "The Rev. Al Sharpton met Maj. Gen. Ann Lee and Det. Insp. Roe on Mt. Hood. They spoke."
    assert [text[s:e].strip() for s, e in sentences(text)] == \
        ["The Rev. Al Sharpton met Maj. Gen. Ann Lee and Det. Insp. Roe on Mt. Hood.", "They spoke."]
