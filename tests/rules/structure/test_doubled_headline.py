"""The doubled-headline search: the longest run of words repeated back to back, found by
one pass per size, must agree with the plain definition (compare every pair of slices)."""

from __future__ import annotations

import random

from copylint import lint_text
from copylint.config import Settings
from copylint.text import MAX_DOUBLED_WORDS, doubled_run


def _by_definition(words: list[str], min_words: int) -> tuple[int, int] | None:
    n = len(words)
    for size in range(min(n // 2, MAX_DOUBLED_WORDS), min_words - 1, -1):
        for i in range(n - 2 * size + 1):
            if words[i:i + size] == words[i + size:i + 2 * size]:
                return i, size
    return None


def test_agrees_with_the_definition_on_random_word_lists() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        words = [rng.choice("abc") for _ in range(rng.randint(0, 40))]
        if words and rng.random() < 0.5:  # paste a piece twice
            k, size = rng.randrange(len(words)), rng.randint(1, 8)
            words[k:k + size] = words[k:k + size] * 2
        min_words = rng.randint(1, 4)
        assert doubled_run(words, min_words) == _by_definition(words, min_words), (words, min_words)


def test_longest_and_first_run_wins() -> None:
    words = "x a b a b y Council approves budget Council approves budget".split()
    assert doubled_run(words, 2) == (6, 3)
    assert doubled_run("a b a b c d c d".split(), 2) == (0, 2)
    assert doubled_run("a b c".split(), 1) is None


def test_a_headline_tag_that_swallows_the_story_is_still_checked() -> None:
    # an unclosed <h1> makes the whole page the headline: a run past MAX_DOUBLED_WORDS is
    # a pasted paragraph, not a doubled headline, and the search stops at that size
    unit = " ".join(f"w{i}" for i in range(MAX_DOUBLED_WORDS + 5))
    page = f"<html><body><h1>Council approves budget Council approves budget {unit} {unit}</h1></body></html>"
    findings = lint_text(page, "page.html", config=Settings(select=["structure.duplicate-headline"]))
    assert [(f.rule, f.matched) for f in findings] == [
        ("structure.duplicate-headline", "Council approves budget")]
