"""A weekday written with a date must be that date's weekday: "on Friday, March 5, 2021"
when March 5, 2021 was a Friday. A story built from old notes or a template keeps the old
day, and a slip of the month ("Friday Jan 26" for Jun 26) shows the same way.

The year is the one written; without one, the article's date gives it (the date nearest
the article, a year either side, as news looks a few months back or ahead); without
either, nothing can be said and nothing is reported."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Hit, Severity, article_date
from ..registry import rule

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NUMBERS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTH_NUMBERS["sept"] = 9
# a year unwritten: dates this many days either side of the article's are candidates
WINDOW_DAYS = 274

# the space between a date's parts: spaces, or one line break (a hard-wrapped paragraph,
# "Thursday, March 5,\n2020"), never a blank line
_GAP = r"(?:[ \t\u00a0]*\r?\n[ \t\u00a0]*|[ \t\u00a0]+)"
_OPT_GAP = r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)?"
# an abbreviation's full stop only before a figure ("Feb. 26", "5 Feb. 2021"): in
# "Wednesday, 2 March." it ends the sentence
_MONTH = r"(?P<{}>" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")(?:\.(?=\s*\d))?"
_DAY = r"(?P<{}>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?"
# a day that opens a range ("March 2-6", "March 2 to 6") names no single date
_NO_RANGE = r"(?!\s*(?:[-–—]|to\b|through\b|until\b|and\b|&)\s*\d)"
_YEAR = r"(?:,?(?:[ \t\u00a0]|\r?\n)(?P<{}>(?:1[89]|2\d)\d\d)(?!\d))?"
# a weekday abbreviated as desks write it, capitalised and closed by a full stop or a
# comma ("Thurs., March 5", "Fri, 6 March"): "wed May 5" is a wedding, "Sun" a paper
ABBREVIATED_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
                        "sat": 5, "sun": 6}
_ABBREVIATED = r"(?-i:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun|MON|TUES?|WED|THU(?:RS?)?|FRI|SAT|SUN)\.?(?=[.,])"
WEEKDAY_DATE_RE = re.compile(
    r"(?<![-–—/\w])(?P<weekday>" + "|".join(WEEKDAYS) + "|" + _ABBREVIATED + r"),?" + _GAP + r"\(?(?:"
    + _MONTH.format("month_a") + _GAP + _DAY.format("day_a") + _NO_RANGE + r"\)?" + _YEAR.format("year_a")
    + r"|(?:the" + _GAP + r")?" + _DAY.format("day_b") + r"(?:" + _GAP + r"of)?" + _GAP + _MONTH.format("month_b")
    + _NO_RANGE + r"\)?" + _YEAR.format("year_b") + r")(?!\w)",
    re.IGNORECASE)
# where a weekday and a date may start: a quick case-sensitive scan (a weekday in title
# or lower case, or in capitals, before a letter or a digit), tried with the full
# pattern only there (the scan is some three times faster than the full pattern's own)
_HEADS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_START = r"day,?" + _GAP + r"\(?(?:the" + _GAP + r")?[\dA-Za-z]"
_CANDIDATE_RE = re.compile("(?:" + "|".join(_HEADS + tuple(h.capitalize() for h in _HEADS)) + ")" + _START)
_CANDIDATE_CAPS_RE = re.compile("(?:" + "|".join(h.upper() for h in _HEADS) + ")" + _START.replace("day", "DAY"))
_CANDIDATE_SHORT_RE = re.compile(r"\b" + _ABBREVIATED + r"\.?,?" + _GAP + r"\(?(?:the" + _GAP + r")?[\dA-Za-z]")
# "Monday to Friday, March 2", "Tuesday and Wednesday, March 3": the weekday closes a
# span or a list of days ("the week to Wednesday February 25" is one date)
_SPAN_BEFORE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")s?,?" + _GAP + r"(?:to|through|until|till|or|and|&)" + _GAP + r"$",
                          re.IGNORECASE)


def _weekday_of(written: str) -> int:
    """0 for "Monday", "Mon." or "MON", and so on."""
    word = written.rstrip(".").lower()
    return ABBREVIATED_WEEKDAYS[word] if word in ABBREVIATED_WEEKDAYS else [w.lower() for w in WEEKDAYS].index(word)


def _in_case_of(model: str, word: str) -> str:
    return word.upper() if model.isupper() else word.lower() if model.islower() else word


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@rule("facts.weekday-date", "A weekday that does not match the date written beside it",
      severity="error", fixable=True, skips=("note",))
def weekday_date(doc: Document, ctx) -> Iterator[Hit]:
    """A weekday written with a date ("Friday, March 5, 2021", "Thursday 4 March",
    "on Monday (Jan. 26)", "Thurs., March 5") that is not that date's weekday. With the year written, the
    weekday is that date's; without it, the article's date (front matter, HTML meta, a dateline
    with its year or ``--date``) gives the year: every reading within about nine months of it is tried, and
    only a weekday that fits none is reported. No year and no article date: not checked.
    A date that does not exist ("Friday, February 30") is reported too. The fix (unsafe:
    the date may be the slip) puts the weekday of the nearest reading."""
    text = doc.text
    starts = [c.start() for c in _CANDIDATE_RE.finditer(text)] if "day" in text else []
    if "DAY" in text:
        starts = sorted(starts + [c.start() for c in _CANDIDATE_CAPS_RE.finditer(text)])
    starts = sorted(starts + [c.start() for c in _CANDIDATE_SHORT_RE.finditer(text)])
    published = article_date(doc, ctx.settings) if starts else None
    for start in starts:
        m = WEEKDAY_DATE_RE.match(text, start)
        if m is None or _SPAN_BEFORE.search(text, max(0, start - 24), start):
            continue
        written = m.group("weekday")
        named = _weekday_of(written)
        month = MONTH_NUMBERS[(m.group("month_a") or m.group("month_b")).lower()]
        day = int(m.group("day_a") or m.group("day_b"))
        year = m.group("year_a") or m.group("year_b")
        where = " ".join(m.group()[len(written):].lstrip(", \t\n(").rstrip(")").split())
        if year is not None:
            readings = [(d, False)] if (d := _date(int(year), month, day)) else []
            if not readings:
                yield Hit(m.start(), m.end(), f"there is no {calendar.month_name[month]} {day} in {year}")
                continue
        elif _date(2000, month, day) is None:  # (2000 was a leap year)
            yield Hit(m.start(), m.end(), f"there is no {calendar.month_name[month]} {day}")
            continue
        elif published is not None:
            readings = [(d, True) for y in (published.year - 1, published.year, published.year + 1)
                        if (d := _date(y, month, day)) and abs((d - published).days) <= WINDOW_DAYS]
        else:
            continue
        if not readings or any(d.weekday() == named for d, _ in readings):
            continue
        readings.sort(key=lambda r: abs((r[0] - published).days) if r[1] else 0)
        nearest = WEEKDAYS[readings[0][0].weekday()]
        if readings[0][1]:
            days = " and ".join(f"a {WEEKDAYS[d.weekday()]} in {d.year}" for d, _ in sorted(readings))
            message = (f"{where} is {days} (the year from the article's date, {published}), "
                       f"not a {WEEKDAYS[named]}; or the date is the slip")
        else:
            message = f"{where} falls on a {nearest}, not a {WEEKDAYS[named]}; or the date is the slip"
        # an abbreviation's fix is abbreviated as AP does (Thu.), with the writer's stop or none
        right = nearest if written.rstrip(".").lower() not in ABBREVIATED_WEEKDAYS else \
            nearest[:3] + ("." if written.endswith(".") else "")
        fixed = _in_case_of(written, right) + m.group()[len(written):]
        yield Hit(m.start(), m.end(), message, suggestions=(fixed,), replacement=fixed, safe=False)


# --------------------------------------------------------------------------- relative days

_RELATIVE = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
# "yesterday (Tuesday)", "today, Monday,": a relative day with the weekday it claims
RELATIVE_WEEKDAY_RE = re.compile(
    r"\b(?P<rel>yesterday|today|tonight|tomorrow)" + _OPT_GAP + r"(?:,|\()" + _OPT_GAP + r"(?P<weekday>"
    + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\b(?P<rel>yesterday|today|tonight|tomorrow)(?P<possessive>['’]s)?\b", re.IGNORECASE)


@dataclass
class RelativeDayOptions:
    # also name the day behind every "yesterday", "today" and "tomorrow" (wire and online
    # style: a story is read on other days than it was written); off by default
    name_days: bool = False


def _named_day(word: str, day: dt.date, possessive: str) -> str:
    name = WEEKDAYS[day.weekday()] + (" night" if word.lower() == "tonight" else "") + possessive
    return name.upper() if word.isupper() else name


@rule("facts.relative-day", "A relative day that does not match the weekday beside it, by the article's date",
      severity="warning", fixable=True, skips=("quote", "note"), options=RelativeDayOptions)
def relative_day(doc: Document, ctx) -> Iterator[Hit]:
    """"Yesterday (Monday)" in a story dated on a Wednesday: the weekday written beside
    "yesterday", "today", "tonight" or "tomorrow" must be that day by the article's date
    (front matter, HTML meta, a dateline with its year or ``--date``); the fix (unsafe: the date may be the slip, or
    the story was filed after midnight) puts the right weekday. With ``name-days: true`` every
    relative day outside quotes is also reported (info) with the weekday it stands for, for
    desks whose style names the day. Without an article date nothing is checked."""
    text = doc.text
    lowered = text.lower()
    if not any(w in lowered for w in _RELATIVE):
        return
    published = article_date(doc, ctx.settings)
    if published is None:
        return
    claimed: set[int] = set()
    for m in RELATIVE_WEEKDAY_RE.finditer(text):
        rel, written = m.group("rel"), m.group("weekday")
        claimed.add(m.start())
        day = published + dt.timedelta(days=_RELATIVE[rel.lower()])
        right = WEEKDAYS[day.weekday()]
        if right.lower() != written.lower():
            yield Hit(m.start("weekday"), m.end("weekday"),
                      f"'{rel}' in a story dated {published} ({WEEKDAYS[published.weekday()]}) is {right}, "
                      f"not {written.capitalize()}; or the article's date is the slip",
                      suggestions=(_in_case_of(written, right),), replacement=_in_case_of(written, right), safe=False)
    if not ctx.options.name_days:
        return
    for m in _RELATIVE_RE.finditer(text):
        if m.start() in claimed:
            continue
        rel = m.group("rel")
        day = published + dt.timedelta(days=_RELATIVE[rel.lower()])
        named = _named_day(rel, day, m.group("possessive") or "")
        yield Hit(m.start(), m.end(), f"name the day: '{m.group()}' is {named} ({day:%B} {day.day})",
                  suggestions=(named,), replacement=named, safe=False, severity=Severity.INFO)


# --------------------------------------------------------------------------- impossible dates

# A date written with words: "November 31", "Nov. 31, 2022", "31 November", "the 31st of
# November". The words round it must show a date, not a count after a month ("In April
# 31 people died"): "on" or "the" before it, or a year, a stop or a comma after it.
_DATE_WORDS_RE = re.compile(
    r"(?<![-–—/\w.])(?:(?P<on>(?:on|On|ON|the|The|THE)" + _GAP + r")?"
    + r"(?:" + _MONTH.format("month_a") + _GAP + _DAY.format("day_a")
    + r"|(?:the" + _GAP + r")?" + _DAY.format("day_b") + r"(?:" + _GAP + r"of)?" + _GAP + _MONTH.format("month_b")
    + r")" + _NO_RANGE + r"(?P<after>" + _YEAR.format("year") + r"(?=[.,;:)!?]|\s*$|\s+(?:and|or|to|at|in|when|until|"
    + r"through|after|before|was|is|will|the)\b)" + r"|(?=[.,;:)!?]|\s*$)))(?!\w)",
    re.IGNORECASE)
# a date in figures whose every reading is impossible: 31/11/2022 (no month 31, no November
# 31), 2/30/2021, 2022-02-30
_NUMERIC_DATE_RE = re.compile(r"(?<![\w./-])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:1[89]|2\d)\d\d)"
                              r"|(?P<iy>(?:1[89]|2\d)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))(?![\w/-]|\.\d)")
_WEEKDAY_BEFORE_RE = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r"|" + _ABBREVIATED + r")\.?,?" + _GAP + r"\(?$",
                                re.IGNORECASE)


# only a 29th, 30th or 31st can be missing from a month: the full pattern is tried only
# round one (a pass of the full pattern over the text took four times as long)
_LATE_DAY_RE = re.compile(r"(?<!\d)(?:29|30|31)(?!\d)")
_DIGIT_RE = re.compile(r"\d")


def _date_words_near_late_days(text: str):
    """The matches of _DATE_WORDS_RE that hold a day from 29 to 31, in order."""
    last_end = -1
    for day in _LATE_DAY_RE.finditer(text):
        # a match starts at most "the 31st of September" before the day's end
        for m in _DATE_WORDS_RE.finditer(text, max(0, day.start() - 16), min(len(text), day.end() + 40)):
            if m.start() >= last_end and m.start() <= day.start() < m.end():
                last_end = m.end()
                yield m
                break


def _no_such_day(year: int | None, month: int, day: int) -> bool:
    """No such day in that month (in that year when one is written; a February 29
    without a year may be in a leap year)."""
    return 1 <= month <= 12 and 1 <= day <= 31 and _date(year or 2000, month, day) is None


@rule("facts.impossible-date", "A date that does not exist (November 31, February 29 in 2023)",
      severity="error", skips=("note",))
def impossible_date(doc: Document, ctx) -> Iterator[Hit]:
    """A calendar date that never was: "June 31", "Nov. 31, 2022", "31 April", "February
    29, 2023", "2/30/2021", "2022-02-30". A typo in a figure, or a month changed and the
    day left, and a reader notices at once. Only dates the words round them show to be
    dates are read ("on April 31", "April 31, 2022", "April 31."; not "in April 31
    people died"); with a weekday beside it, facts.weekday-date reports it. No fix: the
    right date is not known."""
    text = doc.text
    if _DIGIT_RE.search(text) is None:
        return
    for m in _date_words_near_late_days(text):
        month = MONTH_NUMBERS[(m.group("month_a") or m.group("month_b")).lower()]
        day = int(m.group("day_a") or m.group("day_b"))
        year = int(m.group("year")) if m.group("year") else None
        if not _no_such_day(year, month, day):
            continue
        start = m.end("on") if m.group("on") else m.start()
        if _WEEKDAY_BEFORE_RE.search(text, max(0, start - 24), start):
            continue  # facts.weekday-date's: "Friday, February 30"
        end = m.end("year") if year else m.end()
        shown = f"{calendar.month_name[month]} {day}" + (f" in {year}" if year else "")
        yield Hit(start, end, f"there is no {shown}: the day or the month is wrong")
    for m in _NUMERIC_DATE_RE.finditer(text):
        if m.group("iy"):
            year, readings = int(m.group("iy")), [(int(m.group("im")), int(m.group("id")))]
        else:
            a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            readings = [(a, b), (b, a)]  # month first (US) or day first
        if any(1 <= mo <= 12 and 1 <= d <= 31 and _date(year, mo, d) for mo, d in readings):
            continue
        if not any(_no_such_day(year, mo, d) for mo, d in readings):
            continue  # 13/13/2021 or 5/40/2022: no date at all, maybe no date meant
        yield Hit(m.start(), m.end(), f"there is no such date as {m.group()}: the day or the month is wrong")
