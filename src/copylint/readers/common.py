"""Helpers shared by the readers: decoding bytes, suppression comments, front matter."""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import re
from contextlib import contextmanager
from typing import Any, Iterator

from ..model import Directive, Document, LineIndex, TextBuilder

# "disable=a,b" and "disable: a" (pylint's and flake8's habits) read as "disable a b": the
# separator after the verb is not part of the first name
# "disable-next-line" (ESLint's and markdownlint's spelling; "ignore-next-line" too)
# covers the next line with text
DIRECTIVE_RE = re.compile(r"<!--\s*copylint\s*:\s*((?:disable|ignore)-next-line|disable|enable|ignore)(?![\w-])"
                          r"(?:\s*[=:])?([^>]*?)\s*-->", re.I)
_BINARY_SNIFF = 8192
# an HTML comment that opens with a word like "copylint", a colon or none, and a verb:
# meant as a directive when it is no valid one ("copylint ignroe", "copylnt: ignore")
_NEAR_DIRECTIVE_RE = re.compile(r"<!--\s*([A-Za-z]{5,12})\b(\s*:)?\s*([A-Za-z][\w-]*)?")
VERBS = ("disable", "enable", "ignore", "disable-next-line", "ignore-next-line")


def near_directive(source: str, start: int) -> str | None:
    """What is wrong with the HTML comment at ``start`` when it looks meant as a
    suppression but is none (a misspelt "copylint" or verb, a missing colon); None for a
    valid directive or a comment about something else."""
    from rapidfuzz.distance import OSA

    m = _NEAR_DIRECTIVE_RE.match(source, start)
    if m is None or DIRECTIVE_RE.match(source, start) is not None:
        return None
    word, colon, verb = m.group(1), m.group(2), (m.group(3) or "").lower()
    if word.lower() != "copylint":
        if OSA.distance(word.lower(), "copylint") > 2 or not (colon or verb in VERBS):
            return None
        return f"'{word}' is not 'copylint': this comment is no suppression"
    if not colon:
        return "a suppression needs a colon after 'copylint' (<!-- copylint: ignore ... -->); this one does nothing"
    near = min(VERBS, key=lambda v: OSA.distance(verb, v))
    hint = f" (did you mean {near!r}?)" if OSA.distance(verb, near) <= 2 else ""
    return f"unknown suppression {verb or '(none)'!r}{hint}: use disable, enable, ignore or disable-next-line"


class BinaryFile(Exception):
    """The bytes are not text (NUL bytes in the first 8 KiB)."""


# byte-order marks, longest first (UTF-32 LE begins with UTF-16 LE's mark). Windows
# editors and word processors save "Unicode text" as UTF-16 with a mark: without it such
# a file is NUL bytes and would be skipped as binary.
BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
MARKS = {name: mark for mark, name in BOMS}
ENCODING_NAMES = {"": "UTF-8", "utf-8": "UTF-8", "utf-16-le": "UTF-16", "utf-16-be": "UTF-16",
                  "utf-32-le": "UTF-32", "utf-32-be": "UTF-32"}


# <meta charset="windows-1252"> or <meta http-equiv="Content-Type" content="text/html;
# charset=iso-8859-1">, in the first kilobyte of an HTML page
_META_CHARSET_RE = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", re.I)
# what browsers read these labels as (the WHATWG Encoding standard)
_CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252",
                    "us-ascii": "cp1252", "iso8859-1": "cp1252", "iso-8859-9": "cp1254"}


def declared_charset(data: bytes) -> str | None:
    """The Python codec an HTML page declares in its first kilobyte, if it names a known
    one other than UTF-8. Old CMS exports are Windows-1252 and say so."""
    import codecs

    m = _META_CHARSET_RE.search(data[:1024])
    if m is None:
        return None
    label = m.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(_CHARSET_ALIASES.get(label, label)).name
    except LookupError:
        return None
    return None if name in ("utf-8", "utf-16", "utf-32") else name


def has_mark(encoding: str) -> bool:
    """Whether a file read in ``encoding`` (as :func:`decode` names it) began with a mark."""
    return encoding in MARKS


def decode(data: bytes) -> tuple[str, list[tuple[int, int]], str]:
    """Decode text: UTF-8, UTF-16/32 when a byte-order mark says so, or the charset an
    HTML page declares when its bytes are not UTF-8. Returns (text, invalid byte runs as
    (start, end) code-point offsets, the encoding: a mark's, a declared codec's, or "").
    Each undecodable byte of UTF-8 becomes one U+FFFD, so the rest of the file keeps
    its positions and is still checked."""
    mark, bom = next(((m, name) for m, name in BOMS if data.startswith(m)), (b"", ""))
    data = data[len(mark):]
    if bom and bom != "utf-8":
        try:
            return data.decode(bom), [], bom
        except UnicodeDecodeError:
            text = data.decode(bom, errors="replace")
            return text, [(m.start(), m.end()) for m in re.finditer("\ufffd+", text)], bom
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise BinaryFile()
    try:
        return data.decode("utf-8"), [], bom
    except UnicodeDecodeError:
        pass
    declared = None if bom else declared_charset(data)
    if declared is not None:
        try:
            return data.decode(declared), [], declared
        except UnicodeDecodeError:
            pass  # not what it says it is: read as UTF-8, with the bad bytes marked
    text = data.decode("utf-8", errors="surrogateescape")
    bad: list[tuple[int, int]] = []
    for m in re.finditer(r"[\udc80-\udcff]+", text):
        bad.append((m.start(), m.end()))
    text = re.sub(r"[\udc80-\udcff]", "\ufffd", text)
    return text, bad, bom


def encode(text: str, bom: str) -> bytes:
    """The bytes of ``text`` in the encoding :func:`decode` found, its mark first, so a
    fixed file keeps the encoding it was written in."""
    if not bom:
        return text.encode("utf-8")
    # a declared charset has no mark, and raises UnicodeEncodeError when it cannot hold the text
    return MARKS.get(bom, b"") + text.encode(bom)


def near_directive_notices(source: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """A reader's notices for the comments in source[start:end] meant as suppressions
    that are none: without one, a misspelt comment silently suppressed nothing."""
    from ..tool_notices import UNKNOWN_SUPPRESSION

    out = []
    at = source.find("<!--", start, end)
    while at != -1:
        problem = near_directive(source, at)
        if problem is not None:
            close = source.find("-->", at, end)
            out.append((UNKNOWN_SUPPRESSION, problem, at, close + 3 if close != -1 else at + 4))
        at = source.find("<!--", at + 4, end)
    return out


def rule_name_at(text: str, name: str, start: int = 0, end: int | None = None) -> re.Match | None:
    """The first place in text[start:end] that writes the rule id ``name`` as a word of its
    own ("house.kyiv", not "house.kyiv-old"): where a notice about that name points."""
    return re.compile(r"(?<![\w.-])" + re.escape(name) + r"(?![\w.-])").search(
        text, start, len(text) if end is None else end)


def parse_directive(match: re.Match) -> tuple[str, tuple[str, ...]]:
    action = match.group(1).lower().replace("ignore-next-line", "disable-next-line")
    rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
    return action, rules


def directive_at(match: re.Match, src_offset: int, text_offset: int, lines: LineIndex) -> Directive:
    action, rules = parse_directive(match)
    line, col = lines.position(src_offset)
    return Directive(action, rules, text_offset, line, col)


FIELD_ALIASES = {
    "headline": ("title", "headline"),
    "standfirst": ("description", "subtitle", "summary", "standfirst", "dek"),
    "byline": ("author", "byline", "authors"),
    "date": ("date", "published", "pubdate", "publishDate", "datePublished", "published_at"),
    "section": ("section", "category", "desk"),
}


_MONTH_NUMBERS = {name.lower(): n for names in (calendar.month_name, calendar.month_abbr)
                  for n, name in enumerate(names) if name} | {"sept": 9}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
# the dates a newsroom writes by hand: 2024-03-14 (and a time after it), 2024/03/14,
# "March 14, 2024", "Mar. 14 2024", "14 March 2024"; 14/03/2024 is no date (which order?)
_DATE_FORMS = (
    re.compile(r"\s*(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"\s*(?:\w+,?\s+)??" + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b", re.I),
    re.compile(r"\s*(?:\w+,?\s+)??(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\b", re.I),
)


# The article dates the rules reason about. A CMS's placeholder (9999-12-31 for "never",
# 0001-01-01 for "unset") is no publication date, and a day or a year on either side of
# it is past what Python's dates hold: "yesterday" in a story dated 0001-01-01 crashed.
EARLIEST_DATE, LATEST_DATE = dt.date(1000, 1, 1), dt.date(8999, 12, 31)


def judged_date(day: dt.date) -> bool:
    return EARLIEST_DATE <= day <= LATEST_DATE


def coerce_date(value: Any) -> dt.date | None:
    """A front matter's or a page's date: a YAML date, or a string in a form newsrooms
    write (see _DATE_FORMS); None for anything else, a day no calendar has, or a
    placeholder outside the years judged (see placeholder_date)."""
    day = _any_date(value)
    return day if day is not None and judged_date(day) else None


def placeholder_date(value: Any) -> dt.date | None:
    """The date ``value`` gives when it is one outside the years judged, else None."""
    day = _any_date(value)
    return day if day is not None and not judged_date(day) else None


def _any_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        for form in _DATE_FORMS:
            m = form.match(value)
            if m:
                month = m.group("month")
                try:
                    return dt.date(int(m.group("year")), int(month) if month.isdigit() else _MONTH_NUMBERS[month.lower()],
                                   int(m.group("day")))
                except ValueError:
                    return None
    return None


# a dateline that gives its year, at the story's start: an optional place in capitals
# ("WASHINGTON", "KANDAHAR, Afghanistan", "BANGKOK/JEDDAH"), the date, an optional agency in
# brackets, then a dash or a colon: "WASHINGTON, Nov. 5, 2022 (Reuters) -", "ABUJA, Aug 25,
# 2004 (dpa) --", "March 3, 2022 —". A dateline without a year ("WASHINGTON, Nov. 5
# (Reuters) -") gives no date: the year cannot be known from the story alone.
_MONTH_NAME = r"(?i:" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_DATELINE_RE = re.compile(
    r"[ \t]*(?:[A-Z][A-Z.'’/\-]+(?:[ \t]+[A-Z][A-Z.'’/\-]+)*(?:,[ \t]*[A-Z][\w.'’\-]*(?:[ \t]+[A-Z][\w.'’\-]*)*)?(?:,?[ \t]+|--))?"
    r"\(?(?P<date>" + _MONTH_NAME + r"[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+" + _MONTH_NAME + r",?[ \t]+\d{4}"
    r"|\d{4}-\d{2}-\d{2})\)?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:-{1,2}|[–—]|:)[ \t]")


def dateline_date(doc: Document) -> dt.date | None:
    """The date of a dateline that opens the story (its headline's line in a plain file
    without one, or its first paragraph) and gives a year; None otherwise."""
    opening = [r for r in doc.regions if r.kind in ("headline", "paragraph")][:2]
    for region in opening:
        m = _DATELINE_RE.match(doc.text, region.start, region.end)
        if m:
            return coerce_date(m.group("date"))
    return None


def front_matter_disabled(meta: dict) -> tuple[str, ...]:
    """``copylint: {disable: [ids]}`` or ``copylint-disable: [ids]`` in front matter."""
    value = None
    block = meta.get("copylint")
    if isinstance(block, dict):
        value = block.get("disable")
    if value is None:
        value = meta.get("copylint-disable") or meta.get("copylint_disable")
    if isinstance(value, str):
        return tuple(v for v in re.split(r"[\s,]+", value) if v)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def front_matter_block_problem(meta: dict) -> str | None:
    """What is wrong with a front matter's ``copylint:`` entry, which takes only
    ``disable``; None when it is right or absent. Without a notice a misspelt key
    suppressed nothing, silently."""
    block = meta.get("copylint")
    if block is None:
        return None
    if not isinstance(block, dict):
        return "front matter's 'copylint' takes a mapping, as in 'copylint: {disable: [house.numbers]}'; it was ignored"
    from difflib import get_close_matches

    for key in block:
        if key != "disable":
            hint = " (did you mean 'disable'?)" if get_close_matches(str(key), ["disable"], 1, 0.6) else ""
            return f"front matter's 'copylint' has no key {str(key)!r}{hint}; it takes 'disable'"
    if not isinstance(block.get("disable"), (str, list)):  # `disable: 5` (or nothing) disabled nothing, unsaid
        return ("front matter's 'copylint: disable' takes a list of rule ids, as in 'disable: [house.numbers]'; "
                "it was ignored")
    return None


def empty_document(path: str, source: str, fmt: str) -> Document:
    b = TextBuilder()
    return Document(path=path, source=source, text="", map=b.map, format=fmt)


@contextmanager
def gc_paused(size: int, threshold: int = 1_000_000) -> Iterator[None]:
    """Pause the cyclic garbage collector while a big file is parsed: a parser makes
    millions of small objects that are all alive until the end, and repeated full
    collections over them cost about a third of the reading time."""
    if size < threshold or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
