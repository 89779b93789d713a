"""facts.impossible-date tries its full pattern only round a 29th, 30th or 31st: that
must find what one pass of the full pattern finds."""

from __future__ import annotations

from copylint.rules.dates import _DATE_WORDS_RE, _date_words_near_late_days


def test_the_search_round_late_days_finds_what_a_full_pass_finds():
    text = ("The council met on November 31 and on Feb. 30, 2022; the deadline is April 31.\n"
            "In April 31 people died. On 31 June the court sat, and on the 31st of September,\n"
            "2021, too. It was February 29, 2023, not March 30 or May 31. The year ended\n"
            "September\n    31, 1986. From 30 to 31 June. December 29 and December 31, 2019.\n")
    full = [(m.start(), m.end()) for m in _DATE_WORDS_RE.finditer(text)
            if int(m.group("day_a") or m.group("day_b")) >= 29]
    assert [(m.start(), m.end()) for m in _date_words_near_late_days(text)] == full
    assert len(full) >= 10  # the text does hold such dates, wrapped ones too
