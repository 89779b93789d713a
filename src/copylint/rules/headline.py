"""The headline against the body: words the headline puts in quotation marks must be
words the body reports, and a figure in the headline must be a figure the body gives.
A headline rewritten after the story changed ("Quake kills 300" over a body that now says
250), or a quote tidied into words nobody said, is a correction waiting to happen; no
spelling or style checker compares the two."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Hit
from ..registry import rule
from ..text import normalize_headline, sentences
from .dates import MONTH_NUMBERS

# --------------------------------------------------------------------------- figures

_SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
           "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trln": 1e12}
_SCALE = r"(?:[ \t\u00a0-]?(?P<scale>thousand|million|mln|mn|billion|bln|bn|trillion|trln|tn)\b|(?P<unit>[kmb]|bn|tn)\b)"
# a figure: "300", "1,200", "$1.5bn", "£20m", "10%", "4.5 per cent", "6 MLN"
FIGURE_RE = re.compile(
    r"(?<![\w.,/:-])(?P<currency>[$£€¥]|US\$|A\$|C\$)?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?"
    + _SCALE + r"?(?P<percent>%|[ \t\u00a0]?(?:percent|per[ \t\u00a0]cent|pct)\b)?(?![\w/:]|[.,]\d|-\d)",
    re.IGNORECASE)
# in the body any figure counts, even inside a range, a model number or an ordinal
# ("3-4.5 billion", "767-300ER", "the 12th"): a figure too many only costs a missed alarm
BODY_FIGURE_RE = re.compile(
    r"(?<![\d.,])(?P<currency>[$£€¥]|US\$|A\$|C\$)?(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?"
    + _SCALE + r"?(?P<percent>%|[ \t\u00a0]?(?:percent|per[ \t\u00a0]cent|pct)\b)?(?![.,]?\d)",
    re.IGNORECASE)
_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_NUMBERS = {w: n for n, w in enumerate(_SMALL)}
WORD_NUMBERS.update({w: 20 + 10 * n for n, w in enumerate(_TENS)})
WORD_NUMBERS.update({"a dozen": 12, "dozen": 12, "hundred": 100, "a hundred": 100, "one hundred": 100,
                     "half": 50})  # "fell by around half": 50 pct
# a number in words in the body: "three", "twenty-five", "three hundred", "two million", "a dozen"
_WORD_FIGURE_RE = re.compile(
    r"\b(?P<words>(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_SMALL[1:10]) + r"))?|"
    + "|".join(sorted(WORD_NUMBERS, key=len, reverse=True)) + r")"
    r"(?![^\W\d_])(?:[ \t\u00a0]+(?P<scale>hundred|thousand|million|mln|mn|billion|bln|bn|trillion|trln|tn)\b)?"
    r"(?P<percent>[ \t\u00a0]+(?:percent|per[ \t\u00a0]cent)\b)?", re.IGNORECASE)
_A_SCALE_RE = re.compile(r"\ban?[ \t\u00a0]+(thousand|million|billion|trillion)\b", re.IGNORECASE)  # "a million"
# words before a figure that say it is rounded: the body may give the exact one
_ROUGHLY_RE = re.compile(r"(?:nearly|almost|about|around|over|more[ \t\u00a0]than|at[ \t\u00a0]least|some|"
                         r"up[ \t\u00a0]to|roughly|approximately|under|fewer[ \t\u00a0]than|less[ \t\u00a0]than|"
                         r"top|tops|topping|exceeds?|near|close[ \t\u00a0]to|past|surpass(?:es)?|hits?|~)[ \t\u00a0]+$",
                         re.IGNORECASE)
ROUGH_MARGIN = 0.15  # a figure said to be rounded may be this far from the body's


_MONTHS = sorted(MONTH_NUMBERS, key=len, reverse=True)  # "september", "sept", "sep"...
# a day of a date, a clock time or a year written short: "April 7", "Dec. 1", "1800 GMT", "'87"
_DATE_BEFORE_RE = re.compile(r"(?:\b(?:" + "|".join(_MONTHS) + r")\.?|['’‘]|\bno\.|\bnumber)[ \t\u00a0]*$", re.IGNORECASE)
# ...or a length of time, which the body often gives as dates ("10-year notes" due 1997)
_CLOCK_AFTER_RE = re.compile(r"[ \t\u00a0-]*(?:(?:" + "|".join(_MONTHS) + r"|(?:year|month|week|day|hour|minute)s?)\b|gmt|bst|cet|est|edt|pst|pdt|et|utc|hrs|hours|am|pm|a\.m\.|p\.m\.)(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    values: tuple[float, ...]  # "1m" may be a million or one metre: either reading will do
    step: float  # the headline's precision: 1.5bn covers 1.45bn to 1.6bn
    scale: float  # 1e6 for "1.5 mln"


def _figure(m: re.Match) -> Figure:
    whole = m.group("number").replace(",", "")
    decimals = m.group("decimals") or ""
    scale_word = (m.group("scale") or m.group("unit") or "").lower()
    scale = _SCALES.get(scale_word, 1.0)
    number = float(whole + decimals)
    step = scale * (10 ** -(len(decimals) - 1) if decimals else 1.0)
    if m.group("unit") and not m.group("currency") and len(scale_word) == 1:
        return Figure(m.start(), m.end(), (number * scale, number), step, scale)  # "100M", "1m" people
    return Figure(m.start(), m.end(), (number * scale,), step, scale)


def _is_year(m: re.Match) -> bool:
    """A bare four-figure number from 1800 to 2100 ("2016", not "2,016" or "2016.5")."""
    number = m.group("number")
    return not m.group("decimals") and "," not in number and 1800 <= int(number) <= 2100


def _is_clock(number: str) -> bool:
    return len(number) == 4 and int(number[:2]) < 24 and int(number[2:]) < 60


def headline_figures(text: str, start: int, end: int) -> list[Figure]:
    """The figures of a headline worth holding the body to: not a year, the day of a date,
    a clock time, an ordinal ("3rd"), a ranking ("No. 3") or a number inside a name ("G7",
    "Covid-19", "F-16")."""
    out = []
    for m in FIGURE_RE.finditer(text, start, end):
        number = m.group("number")
        plain = not (m.group("currency") or m.group("scale") or m.group("unit") or m.group("percent"))
        if plain:
            if _is_year(m) or not m.group("decimals") and _is_clock(number):
                continue  # a year, or a time of day ("LONDON GOLD 1030")
            if _DATE_BEFORE_RE.search(text, max(start, m.start() - 12), m.start()) or \
                    _CLOCK_AFTER_RE.match(text, m.end(), end) or text[max(start, m.start() - 1):m.start()].isalpha():
                continue
        if len(m.group("decimals") or "") > 3 or text[max(start, m.start() - 1):m.start()] in ("(", "=", "#"):
            continue  # a rate from a table ("1.14034"), a part or a row number ("(4)")
        out.append(_figure(m))
    return out


def body_values(text: str, spans: list[tuple[int, int]]) -> list[float]:
    """Every figure the body gives, in digits or in words, as a value; and what a headline
    works out from two figures given one after the other in a sentence: their sum ("33,000
    trucks and 19,000 buses" are "52,000 trucks, buses"), their difference and the change
    from one to the other in per cent ("profit 45.2 mln vs 29.6 mln": "up 15.6 mln", "up 53 pct")."""
    values = []
    for s, e in spans:
        for sentence_start, sentence_end in sentences(text, s, e):
            found = []  # (where, value, scale)
            for m in BODY_FIGURE_RE.finditer(text, sentence_start, sentence_end):
                fig = _figure(m)
                value = fig.values[0]
                if fig.scale == 1.0 and _is_year(m):
                    values.append(value)  # a year: no part of a sum ("250 mln due 1994 and 250 mln")
                    continue
                found.append((m.start(), value, fig.scale))
            for m in _WORD_FIGURE_RE.finditer(text, sentence_start, sentence_end):
                n = _word_number(m.group("words"))
                if n is not None:
                    scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
                    found.append((m.start(), float(n) * scale, scale))
            for m in _A_SCALE_RE.finditer(text, sentence_start, sentence_end):
                found.append((m.start(), _SCALES[m.group(1).lower()], _SCALES[m.group(1).lower()]))
            found.sort()
            values.extend(v for _, v, _ in found)
            for (_, a, a_scale), (_, b, b_scale) in zip(found, found[1:]):
                # "net 327.1 mln vs 307.5": the second figure takes the first one's scale
                if b_scale == 1.0 and a_scale != 1.0:
                    b *= a_scale
                elif a_scale == 1.0 and b_scale != 1.0:
                    values.append(a * b_scale)  # "30 to 35 mln": the range opens at 30 mln
                    a *= b_scale
                values += [a + b, abs(a - b)]
                if a and b:
                    values += [abs(a - b) / b * 100, abs(a - b) / a * 100]
    return values


def _word_number(words: str) -> int | None:
    words = words.lower().replace("-", " ")
    if words in WORD_NUMBERS:
        return WORD_NUMBERS[words]
    parts = words.split()
    if len(parts) == 2 and parts[0] in WORD_NUMBERS and parts[1] in WORD_NUMBERS:
        return WORD_NUMBERS[parts[0]] + WORD_NUMBERS[parts[1]]
    return None


def _given(fig: Figure, values: list[float], rough: bool) -> bool:
    """The body gives the figure to the headline's precision, rounded or cut ("24 mln" for
    24.6 mln), or, after "nearly", "more than" and the like, within ROUGH_MARGIN."""
    for h in fig.values:
        low, high = h - fig.step / 2, h + fig.step
        margin = ROUGH_MARGIN * h if rough else 0.0
        for v in values:
            if low - margin - 1e-9 * h <= v < high + margin:
                return True
    return False


# --------------------------------------------------------------------------- quotes

# a quotation in a headline: "…", “…”, ‘…’, or '…' (an apostrophe inside a word is no quote mark)
_HEAD_QUOTE_RE = re.compile(
    r"\"(?P<a>[^\"\n]+)\"|“(?P<b>[^”\n]+)”|(?<![\w’])‘(?P<c>[^’\n]+?)’(?!\w)|(?<![\w'])'(?P<d>[^'\n]+?)'(?!\w)")
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ELLIPSIS_RE = re.compile(r"\.\.\.|…")
_HEAD_OPEN_RE = re.compile("[\"“‘']")
_HEAD_STOP_RES = {ch: re.compile(ch) for ch in "\"”’'\n"}
_HEAD_CLOSE = {'"': '"', "“": "”", "‘": "’", "'": "'"}
_WORD_CHAR_RE = re.compile(r"\w")


def _headline_quotes(text: str, start: int, end: int) -> list[re.Match]:
    """_HEAD_QUOTE_RE's matches in text[start:end]. Its quotation runs from an opening
    mark to the first closing mark or line break after it, which must be the closing
    mark (and for single marks not be followed by a letter); the pattern is tried only
    where that holds, found by bisection: finditer tried it from every mark, each try
    reading to the end of the line (a long headline of unclosed marks was quadratic)."""
    stops = {ch: [m.start() for m in rx.finditer(text, start, end)] for ch, rx in _HEAD_STOP_RES.items()}
    breaks = stops["\n"]
    out: list[re.Match] = []
    pos = start
    for o in _HEAD_OPEN_RE.finditer(text, start, end):
        p = o.start()
        if p < pos:
            continue
        closes = stops[_HEAD_CLOSE[text[p]]]
        k = bisect.bisect_right(closes, p)
        if k == len(closes):
            continue
        c = closes[k]
        b = bisect.bisect_right(breaks, p)
        if b < len(breaks) and breaks[b] < c:
            continue
        if text[p] in "‘'" and _WORD_CHAR_RE.match(text, c + 1, end):
            continue
        m = _HEAD_QUOTE_RE.match(text, p, end)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _tokens(text: str) -> list[str]:
    return [t.casefold().replace("’", "'") for t in _TOKEN_RE.findall(text)]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    """``needle`` as a run of ``haystack``, or in order within a stretch at most twice its
    length (a headline trims a quote: "'We will win'" for "we will, in the end, win")."""
    n = len(needle)
    if not n:
        return True
    first = needle[0]
    for i, word in enumerate(haystack):
        if word != first:
            continue
        if haystack[i:i + n] == needle:
            return True
        k, j = 1, i + 1
        limit = i + 2 * n
        while k < n and j < len(haystack) and j < limit:
            if haystack[j] == needle[k]:
                k += 1
            j += 1
        if k == n:
            return True
    return False


# --------------------------------------------------------------------------- the rules

@dataclass
class HeadlineBodyOptions:
    min_body_words: int = 60  # a brief or a summary this short may leave the headline's detail out


def _body(doc: Document) -> list[tuple[int, int]]:
    """Every part of the story but the headline, its copies (an HTML title, an H1 or a
    pasted paragraph that repeat it bear out nothing) and correction notes."""
    head = doc.headline
    key = normalize_headline(doc.text[head.start:head.end]) if head else None
    notes = doc.notes()  # "An earlier version said 300 died" bears out no 300
    return [(r.start, r.end) for r in doc.regions
            if r.kind not in ("headline", "title") and r not in notes
            and normalize_headline(doc.text[r.start:r.end]) != key]


def _long_enough(doc: Document, spans: list[tuple[int, int]], min_words: int) -> bool:
    words = 0
    for s, e in spans:
        words += doc.text.count(" ", s, e) + 1
        if words >= min_words:
            return True
    return False


def headline_figure_hits(doc: Document, min_body_words: int) -> Iterator[Hit]:
    head = doc.headline
    if head is None or not any(c.isdigit() for c in doc.text[head.start:head.end]):
        return
    body = _body(doc)
    if not _long_enough(doc, body, min_body_words):
        return
    figures = headline_figures(doc.text, head.start, head.end)
    if not figures:
        return
    values = body_values(doc.text, body)
    for fig in figures:
        rough = bool(_ROUGHLY_RE.search(doc.text, max(head.start, fig.start - 20), fig.start))
        if not _given(fig, values, rough):
            shown = doc.text[fig.start:fig.end]
            yield Hit(fig.start, fig.end, f"the headline gives {shown}, a figure the body never gives")


def headline_quote_hits(doc: Document, min_body_words: int) -> Iterator[Hit]:
    head = doc.headline
    if head is None:
        return
    quotes = _headline_quotes(doc.text, head.start, head.end)
    if not quotes:
        return
    body = _body(doc)
    if not _long_enough(doc, body, min_body_words):
        return
    body_tokens = _tokens(" ".join(doc.text[s:e] for s, e in body))
    for m in quotes:
        quoted = next(g for g in m.groups() if g is not None)
        if _abbreviated_title(quoted, doc.text[head.start:head.end]):
            continue
        parts = [_tokens(p) for p in _ELLIPSIS_RE.split(quoted)]
        if all(_reported(body_tokens, part) for part in parts):
            continue
        yield Hit(m.start(), m.end(), f"the headline quotes {m.group()}, words the body does not report")


def _reported(body_tokens: list[str], quote: list[str]) -> bool:
    """The quote is in the body; a quote of five words or more may open with one word the
    body lacks (a headline adds the subject: "'She seems relaxed...'" for the source's
    "seems relaxed and very happy")."""
    if _contains(body_tokens, quote):
        return True
    return len(quote) >= 5 and _contains(body_tokens, quote[1:])


def _abbreviated_title(quoted: str, headline: str) -> bool:
    """'SNL', ‘DWTS’, Toys "R" Us: a short name in capitals in a headline not in capitals
    (the body spells the show out), or a quote of one or two characters."""
    word = quoted.strip()
    return len(word) <= 2 or (word.isupper() and len(word) <= 5 and " " not in word and not headline.isupper())


@rule("facts.headline-number", "A figure in the headline that the body never gives",
      options=HeadlineBodyOptions)
def headline_number(doc: Document, ctx) -> Iterator[Hit]:
    """A figure in the headline ("Quake kills 300", "$1.5bn deal", "10% rise") must be one
    the body gives, in digits or in words ("three", "1.5 billion", "1,500 million"), to the
    headline's precision (1.5bn covers 1.46 billion). After "nearly", "more than", "about"
    and the like, a figure within 15% of the body's passes. Years, ordinals, times and
    numbers in names are not held to it; a body under 60 words is not compared."""
    yield from headline_figure_hits(doc, ctx.options.min_body_words)


@rule("facts.headline-quote", "Words the headline quotes that the body does not report",
      options=HeadlineBodyOptions)
def headline_quote(doc: Document, ctx) -> Iterator[Hit]:
    """Words in quotation marks in the headline must be in the body, in that order (a
    headline may leave words out of a quote, or mark a cut with an ellipsis, but not change
    them). Case, punctuation and curly or straight marks do not matter. A body under 60
    words is not compared."""
    yield from headline_quote_hits(doc, ctx.options.min_body_words)
