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


def test_a_date_wrapped_over_two_lines_is_read_whole():
    """From a user audit of hard-wrapped Markdown: "Thursday, March 5,\n2020" was read
    without its year and called wrong (with an unsafe fix to a right weekday), and
    "Tuesday,\nMarch 3" was missed. A blank line still ends a date."""
    date = dt.date(2021, 3, 3)
    assert hits("The first case was confirmed on Thursday, March 5,\n2020, a year before.", date) == []
    [f] = hits("A hearing on Tuesday,\nMarch 3 was held.", date)
    assert f.message.startswith("March 3 is a Wednesday in 2021") and f.suggestions == ("Wednesday,\nMarch 3",)
    assert hits("A hearing on Tuesday,\n\nMarch 3 was held.", date) == []


def test_a_sentence_s_full_stop_is_no_abbreviation_s():
    # "2 March." ended the date and the message with the sentence's stop
    [f] = hits("It met on Tuesday, 2 March. Then it rested.", dt.date(2022, 2, 20))
    assert f.matched == "Tuesday, 2 March" and f.suggestions == ("Wednesday, 2 March",)


def test_an_abbreviated_weekday_is_read_and_fixed_in_its_own_form():
    """From an audit: "Thurs., March 5" and "Thu." passed where "Thursday 5 March" was
    caught. A capitalised abbreviation closed by a full stop or a comma is a weekday;
    the fix abbreviates as AP does, with the writer's stop or none. "wed May 5" is a
    wedding, and an abbreviation with neither stop nor comma is no weekday."""
    date = dt.date(2021, 3, 5)
    got = [(f.matched, f.suggestions[0]) for f in hits(
        "The vote on Thurs., March 5 passed. Talks on Fri, March 4 went on. They wed May 5. "
        "Fri., March 5, 2021 was fine. On Sun., Mar. 8 it rained. The Sun March 7 edition.", date)]
    assert got == [("Thurs., March 5", "Fri., March 5"), ("Fri, March 4", "Thu, March 4"),
                   ("Sun., Mar. 8", "Mon., Mar. 8")]
