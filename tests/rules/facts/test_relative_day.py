"""facts.relative-day: the weekday written beside "yesterday", "today" or "tomorrow"
against the article's date, and the opt-in naming of every relative day."""

from __future__ import annotations

import datetime as dt

import copylint
from copylint.config import Settings

WEDNESDAY = dt.date(1987, 3, 4)


def hits(text: str, date: dt.date | None = WEDNESDAY, **options) -> list:
    rules = {"facts.relative-day": options} if options else {}
    return copylint.lint_text(text, path="story.txt",
                              config=Settings(select=["facts.relative-day"], date=date, rules=rules))


def test_a_weekday_beside_a_relative_day_must_be_that_day():
    assert hits("Frankfurt\n\nThe tender is held today (Wednesday) and funds credited tomorrow (Thursday).") == []
    assert hits("Frankfurt\n\nThe bank met in Frankfurt yesterday, Tuesday, officials said.") == []
    [f] = hits("Frankfurt\n\nThe bank met in Frankfurt yesterday (Monday), officials said.")
    assert f.matched == "Monday" and f.suggestions == ("Tuesday",)
    assert "1987-03-04 (Wednesday) is Tuesday, not Monday" in f.message
    assert f.fix is not None and not f.fix.safe  # the date may be the slip
    [f] = hits("FRANKFURT\n\nFUNDS ARE CREDITED TOMORROW (FRIDAY).")
    assert f.suggestions == ("THURSDAY",)
    # wrapped over two lines, as hard-wrapped Markdown is (a user saw these missed)
    [f] = hits("Frankfurt\n\nThe bank met yesterday\n(Monday), officials said.")
    assert f.matched == "Monday"
    [f] = hits("Frankfurt\n\nFunds are credited tomorrow,\nFriday, officials said.")
    assert f.matched == "Friday"


def test_without_a_date_or_inside_a_quote_nothing_is_said():
    assert hits("Frankfurt\n\nThe bank met yesterday (Monday).", date=None) == []
    assert hits('Frankfurt\n\n"The statement released yesterday (Monday) stands," he said.') == []


def test_naming_the_day_is_opt_in():
    text = "Frankfurt\n\nYesterday's tender was small, and the bank meets again tonight and tomorrow."
    assert hits(text) == []
    found = hits(text, name_days=True)
    assert [(f.matched, f.suggestions) for f in found] == [
        ("Yesterday's", ("Tuesday's",)), ("tonight", ("Wednesday night",)), ("tomorrow", ("Thursday",))]
    assert all(str(f.severity) == "info" for f in found)
