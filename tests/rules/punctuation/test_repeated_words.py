"""typo.repeated-word: doubles a writer means, read off the findings on 3,000 real
articles and 10,037 headlines, against slips that stay reported."""

from __future__ import annotations

from copylint import lint_text
from copylint.config import Settings

RULE = Settings(select=["typo.repeated-word"])


def doubled(text: str) -> list[str]:
    return [f.message for f in lint_text("Story\n\n" + text + "\n", path="a.txt", config=RULE)]


def test_idioms_and_runs_said_on_purpose_are_not_slips():
    assert doubled("Surprise surprise, the vote passed. Ooh la la, said the critic, wink wink.") == []
    assert doubled('The chorus went "da da da da" for a minute.') == []
    assert doubled("All it was was a rumour, and what it is is luck.") == []
    assert doubled("“We do do dates, but they do do them rarely,” she said.") == []  # emphatic do


def test_the_same_words_as_slips_are_still_reported():
    assert doubled("The plan was was approved by the the board.") == [
        "the word 'was' is repeated", "the word 'the' is repeated"]
    assert doubled("They had plenty to do do before the vote.") == ["the word 'do' is repeated"]
