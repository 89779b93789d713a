"""facts.weekday-date beyond the fixture: the year read from the article's date near a
new year and with two readings in reach, no date at all, case kept in the fix, and
positions through HTML."""

from __future__ import annotations

import datetime as dt

import copylint
from copylint.config import Settings


def hits(text: str, date: dt.date | None = None, path: str = "story.txt") -> list:
    return copylint.lint_text(text, path=path, config=Settings(select=["facts.weekday-date"], date=date))


def test_the_year_comes_from_the_article_date_across_a_new_year():
    # 5 January 2022 was a Wednesday: a story of 20 December 2021 looks ahead to it
    assert hits("The talks resume on Wednesday, January 5.", dt.date(2021, 12, 20)) == []
    [f] = hits("The talks resume on Tuesday, January 5.", dt.date(2021, 12, 20))
    assert f.suggestions == ("Wednesday, January 5",) and "in 2022" in f.message


def test_a_weekday_that_fits_any_reading_in_reach_passes():
    # dated 29 June 1987: Jan 26 is a Monday in 1987 and a Tuesday in 1988, both in reach
    date = dt.date(1987, 6, 29)
    assert hits("in an item that ran on Monday Jan 26", date) == []
    assert hits("in an item that ran on Tuesday Jan 26", date) == []
    [f] = hits("in an item that ran on Friday Jan 26", date)
    assert "a Monday in 1987 and a Tuesday in 1988" in f.message and f.suggestions == ("Monday Jan 26",)


def test_without_a_year_or_a_date_nothing_is_said():
    assert hits("The vote is on Friday, March 4.") == []
    # a written year is enough, and a date that exists in no year is always wrong
    assert len(hits("The vote is on Friday, March 4, 2021.")) == 1
    assert [f.message for f in hits("The vote is on Friday, April 31.")] == ["there is no April 31"]
    assert [f.message for f in hits("It was Monday, February 29, 2021.")] == ["there is no February 29 in 2021"]


def test_the_fix_keeps_the_case_and_is_not_safe():
    [f] = hits("MARKETS CLOSED ON THURSDAY, JAN 27, 2021", None)
    assert [e.text for e in f.fix.edits] == ["WEDNESDAY, JAN 27, 2021"] and not f.fix.safe


def test_positions_are_in_the_html_source():
    html = ("<html><head><meta property=\"article:published_time\" content=\"2021-03-03\"></head>"
            "<body><p>The vote is on <b>Thursday</b>, March&nbsp;5.</p></body></html>")
    [f] = hits(html, path="story.html")
    assert f.line == 1 and f.matched.startswith("Thursday</b>, March") and "a Friday in 2021" in f.message
