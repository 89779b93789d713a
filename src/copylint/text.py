"""Text helpers rules share: words, sentences, direct quotations."""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
import re

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
# a word with its figures too ("5", "G7", "don't"): what a fingerprint or a comparison of
# paragraphs counts, where "rose 5 pct" and "rose 6 pct" must differ
TOKEN_RE = re.compile(r"\w+(?:['’]\w+)*")
# WORD_RE for ASCII text, where the only letters are A-Z and a-z: a plain range matches
# faster than the Unicode class (no possessive repeats: Python 3.10 lacks them)
_ASCII_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
# a sentence ends at . ! ? (optionally followed by closing quotes/brackets) and whitespace
# (one branch per first character: the engine then skips ahead to a candidate instead of
# trying the pattern at every offset; the matches are those of "[.!?]+[...]*(?=\s+|$)").
# A run of marks with no white space after it is matched too, without its closing marks,
# and passed over by the caller (_ends_sentence): left unmatched, it was tried again from
# each of its marks, each try reading to the end of the run (20 KB of dots took 6 s)
_END_TAIL = r"[.!?]*(?:[\"'”’)\]]*(?=\s|$))?"
SENTENCE_END_RE = re.compile(rf"\.{_END_TAIL}|!{_END_TAIL}|\?{_END_TAIL}|\n\s*\n")
ABBREVIATIONS = {"mr", "mrs", "ms", "messrs", "dr", "st", "jr", "sr", "gen", "lt", "col", "maj", "brig", "sgt",
                 "cpl", "pvt", "capt", "cmdr", "adm", "det", "insp", "supt", "rep", "sen", "gov", "pres", "hon",
                 "prof", "rev", "no", "v", "vs", "cf", "approx", "u.s", "u.k", "u.n", "inc", "corp", "co", "ltd",
                 "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "e.g", "i.e",
                 "etc", "dept", "govt", "assn", "bros", "univ", "ave", "blvd", "mt", "ft"}


# a chunk of text that is a URL, an e-mail address, a handle or a domain name
# (a domain ends in a label of lower-case letters: "bbc.co.uk", not "U.S.-led" or "1.5")
URLISH = re.compile(r"://|^www\.|@|^[\w-]+(\.[\w-]+)*\.(?-i:[a-z]{2,24})/?$|\.(com|org|net|gov|edu|io|uk|de|fr|ru|ua)\b",
                    re.I)


def chunk_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited chunk around a word, without the punctuation around it."""
    s = start
    while s > 0 and not text[s - 1].isspace() and start - s < 200:
        s -= 1
    e = end
    while e < len(text) and not text[e].isspace() and e - end < 200:
        e += 1
    return text[s:e].strip("\"'“”‘’()[]<>,;:!?")


def inside_address(text: str, start: int, end: int) -> bool:
    """text[start:end] is part of a URL, an e-mail address, a domain name, a handle or
    a hashtag ("info@kiev-news.com", "kiev.ua", "#Kiev"): no prose to restyle."""
    if start and text[start - 1] in "@#":
        return True
    chunk = chunk_around(text, start, end)
    return chunk != text[start:end] and bool(URLISH.search(chunk)) and any(c.isalpha() for c in chunk)


def words(text: str, start: int = 0, end: int | None = None):
    """Yield (start, end, word) for each word in text[start:end]."""
    for m in WORD_RE.finditer(text, start, len(text) if end is None else end):
        yield m.start(), m.end(), m.group()


def word_counts(text: str) -> collections.Counter:
    """How often each of WORD_RE's words occurs in ``text`` (most news copy is ASCII and
    takes the faster pattern; the words are the same)."""
    pattern = _ASCII_WORD_RE if text.isascii() else WORD_RE
    return collections.Counter(pattern.findall(text))


_remembered: tuple[str | None, dict[tuple[int, int], tuple[tuple[int, int], ...]]] = (None, {})


def sentences(text: str, start: int = 0, end: int | None = None) -> tuple[tuple[int, int], ...]:
    """(start, end) of the sentences in text[start:end]; abbreviations such as "Mr." and
    initials do not end a sentence. Several rules split the same blocks of one article,
    so the splits of the last text asked about are remembered."""
    global _remembered
    end = len(text) if end is None else end
    if _remembered[0] is not text:
        _remembered = (text, {})
    known = _remembered[1]
    found = known.get((start, end))
    if found is None:
        found = known[(start, end)] = tuple(_split_sentences(text, start, end))
    return found


def _split_sentences(text: str, start: int, end: int):
    pos = start
    for m in SENTENCE_END_RE.finditer(text, start, end):
        if not _ends_sentence(text, m.end(), end):
            continue
        if m.group().startswith(".") and abbreviation_before(text, m.start(), pos):
            continue
        s = pos
        while s < m.end() and text[s].isspace():
            s += 1
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
        pos = m.end()
    s = pos
    while s < end and text[s].isspace():
        s += 1
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        yield s, e


def abbreviation_before(text: str, stop: int, floor: int = 0) -> bool:
    """The full stop at ``stop`` ends a title, an abbreviation or an initial ("Mr.",
    "Sen.", "U.S.", "William B."), so the sentence goes on; not so after a figure or a
    word's ending ("won 2-1.", "Galliano's.", "McDonald's.")."""
    j = stop
    low = max(floor, stop - 12)
    while j > low and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    if j > floor and not (text[j - 1].isspace() or text[j - 1] in "\"'“‘([{«—–-"):
        return False
    word = text[j:stop]
    return word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _ends_sentence(text: str, pos: int, end: int) -> bool:
    """Whether a match of SENTENCE_END_RE ending at ``pos`` ends a sentence: a blank line
    does, and marks do when white space or the end follows them."""
    return pos == end or text[pos - 1] == "\n" or text[pos].isspace()


# Quotations are paired in one pass, not by regular expressions: from an opening mark with
# no closing one, a search runs on to the end of the paragraph, so a long paragraph of
# unclosed marks (a one-line story whose export turned every ” into “) was quadratic:
# 100 KB took 8 s, 400 KB over two minutes.
# (each pattern starts with its marks, so the search skips to them; "(?<!\w.)" after a
# mark is "no letter before it")
_DOUBLE_OPEN_RE = re.compile(r"[“\"](?:(?<=“)|(?<!\w.))")
_DOUBLE_CLOSE = {"“": re.compile("”"), '"': re.compile('"')}
_SINGLE_OPEN_RE = re.compile(r"[‘'](?<!\w.)")
_SINGLE_CLOSE = {"‘": re.compile(r"’(?!\w)"), "'": re.compile(r"'(?!\w)")}  # not "don’t"
# speech in single marks, as British papers write it: 'We lost,' he said. An apostrophe
# inside a word (don't) is passed over; any other mark ends the search (Reuters' report,
# a second opening mark), and closes the quotation only when no letter follows it; no
# elision opens one ('90s, 'em, 'n'). Taken only when it is plainly speech: see _spoken
_SPEECH_OPEN_RE = re.compile(r"['‘](?<![\w'’‘]['‘])(?!(?i:\d\ds?|em|n|til|cause|tis|twas)\b)(?=[^\s'’])")
_SPEECH_STOP_RE = re.compile(r"[‘'’](?:(?<=‘)|(?<!\w.)|(?!\w))")
_SPEECH_STOP = {"'": _SPEECH_STOP_RE, "‘": _SPEECH_STOP_RE}
_SPEECH_CLOSE_RE = re.compile(r"['’](?!\w)")
_COLON_BEFORE_RE = re.compile(r":[ \t]*$")
_BREAK_RE = re.compile("\n")
_BLANK_LINE_RE = re.compile(r"\n(?=[ \t]*\n)")


def _paired(text: str, start: int, end: int, opener_re: re.Pattern, stop_res: dict[str, re.Pattern],
            max_breaks: int, close_re: re.Pattern | None = None) -> list[tuple[int, int]]:
    """(start, end) of each quotation in text[start:end]: an opening mark, left to right,
    and the first stop after it (by the opening mark's pattern), which must be a closing
    mark (``close_re``, when given), with at most ``max_breaks`` line breaks and no blank
    line between them; a quotation's end is where the next opening mark is looked for,
    and an opening mark without such a closing one opens nothing."""
    breaks: list[int] | None = None  # line breaks and blank lines, read when a quotation spans one
    walls: list[int] = []
    found: dict[re.Pattern, list[int]] = {}
    for rx in stop_res.values():
        if rx not in found:
            found[rx] = [m.start() for m in rx.finditer(text, start, end)]
    stops = {mark: found[rx] for mark, rx in stop_res.items()}
    out: list[tuple[int, int]] = []
    pos = start
    for m in opener_re.finditer(text, start, end):
        o = m.start()
        if o < pos:
            continue
        ends = stops[text[o]]
        k = bisect.bisect_right(ends, o)
        if k == len(ends):
            continue
        c = ends[k]
        if close_re is not None and not close_re.match(text, c, end):
            continue
        if breaks is None and text.find("\n", o, c) != -1:
            breaks = [b.start() for b in _BREAK_RE.finditer(text, start, end)]
            walls = [b.start() for b in _BLANK_LINE_RE.finditer(text, start, end)] if max_breaks else []
        if breaks is not None and (bisect.bisect_left(breaks, c) - bisect.bisect_right(breaks, o) > max_breaks or
                                   bisect.bisect_left(walls, c) > bisect.bisect_right(walls, o)):
            continue
        out.append((o, c + 1))
        pos = c + 1
    return out


def quote_spans(text: str, headlines: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Direct quotations ("...", “...”, and speech in single marks) as (start, end): the
    paired ones (see paired_quotations), and the paragraph of a quotation that runs on
    into the next one, as news copy writes it (no closing mark, the next paragraph
    opening with one)."""
    spans, doubles = _paired_quotations(text, headlines)
    if _NEXT_PARAGRAPH_QUOTED_RE.search(text):
        starts = [s for s, _ in spans]  # (sorted, and no span inside another)

        def inside_a_quotation(at: int) -> bool:
            i = bisect.bisect_right(starts, at) - 1
            return i >= 0 and at < spans[i][1]

        running = [r for r in _running_on(text, doubles) if not inside_a_quotation(r[0])]
        spans = sorted(spans + running)
    return spans


def paired_quotations(text: str, headlines: tuple[tuple[int, int], ...] = ()) -> list[tuple[int, int]]:
    """Quotations opened and closed within one paragraph, as (start, end); one may run
    over the line breaks of a hard-wrapped paragraph (up to 20 of them), never over a
    blank line; a quotation inside another is left to the outer one. In a headline
    (``headlines``: its spans), where single marks are the quotation marks, any two or
    more words in them are a quotation ("‘First woman president’: ...")."""
    return _paired_quotations(text, headlines)[0]


def _paired_quotations(text: str, headlines: tuple[tuple[int, int], ...]):
    """(the paired quotations, the double-mark ones among them before nesting is
    resolved): quote_spans needs both, and pairing a long text is not cheap."""
    doubles = _paired(text, 0, len(text), _DOUBLE_OPEN_RE, _DOUBLE_CLOSE, 20)
    single = [(s, e) for s, e in _paired(text, 0, len(text), _SPEECH_OPEN_RE, _SPEECH_STOP, 20, _SPEECH_CLOSE_RE)
              if _spoken(text, s, e) or (_in_any(headlines, s, e) and " " in text[s:e].strip())]
    if not single:
        return doubles, doubles
    outer: list[tuple[int, int]] = []
    for s, e in sorted(doubles + single, key=lambda span: (span[0], -span[1])):
        if not outer or s >= outer[-1][1]:
            outer.append((s, e))
    return outer, doubles


_NEXT_PARAGRAPH_QUOTED_RE = re.compile(r"\n[ \t]*\n\s*[“\"]")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")


def _running_on(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A quotation that runs on into the next paragraph, as news copy writes one: no
    closing mark at the paragraph's end, an opening mark at the next one's start. The
    last opening mark left unclosed in such a paragraph quotes the rest of it."""
    out = []
    paired_starts = {s for s, _ in spans}
    start = 0
    k = 0  # spans before this one start before the paragraph (one pass: a 20 MB file has many)
    for brk in _PARAGRAPH_BREAK_RE.finditer(text):
        end = brk.start()
        last_closed = start
        while k < len(spans) and spans[k][0] < end:
            if spans[k][0] >= start:
                last_closed = max(last_closed, spans[k][1])
            k += 1
        if text[brk.end():brk.end() + 1] in "“\"":
            opening = [m.start() for m in _DOUBLE_OPEN_RE.finditer(text, last_closed, end)
                       if m.start() not in paired_starts]
            if opening:
                out.append((opening[-1], end))
        start = brk.end()
    return out


def _in_any(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _spoken(text: str, start: int, end: int) -> bool:
    """Single marks also set off titles, nicknames and scare quotes ('rebel' MPs): a
    quotation counts when it closes on the speaker's own , . ! ? or … ('We won,' she
    said) or follows a colon (she wrote: 'Made my year #cake')."""
    return text[end - 2] in ",.!?…" or _COLON_BEFORE_RE.search(text, max(0, start - 4), start) is not None


def single_quote_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Any stretch in single marks (‘...’ or '...', speech or not) within one line, as
    (start, end), for the people judge ('President Trump is wrong'); an apostrophe inside a
    word ("don’t") closes nothing."""
    return _paired(text, start, len(text) if end is None else end, _SINGLE_OPEN_RE, _SINGLE_CLOSE, 0)


class QuoteIndex:
    def __init__(self, text: str, headlines: tuple[tuple[int, int], ...] = ()) -> None:
        self.spans = quote_spans(text, headlines)
        self.starts = [s for s, _ in self.spans]

    def inside(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.spans[i][0] <= start and end <= self.spans[i][1]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that overlap text[start:end], clipped to it."""
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        out = []
        for s, e in self.spans[i:]:
            if s >= end:
                break
            if e > start:
                out.append((max(s, start), min(e, end)))
        return out


_NON_WORD_RE = re.compile(r"[^\w\s]+")

# characters that take no room on the page: soft hyphen, zero-width spaces and joiners,
# direction marks, embeddings, overrides and isolates, word joiner, invisible operators,
# and a byte-order mark inside the text (typo.invisible-character reports them)
INVISIBLE_CHARACTERS = ("\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                        "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
# C0 and C1 control characters but the tab, the line feed, the form feed and the carriage return
CONTROL_CHARACTERS = "".join(chr(c) for c in (*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), *range(0x7f, 0xa0)))
# either kind: what typo.invisible-character reports
UNSEEN_RE = re.compile("[" + re.escape(INVISIBLE_CHARACTERS + CONTROL_CHARACTERS) + "]")


def normalize_headline(text: str) -> str:
    """Case, punctuation, quotes and whitespace folded, for comparing headlines; an
    invisible character pasted into one copy does not make it another headline."""
    return " ".join(_NON_WORD_RE.sub(" ", INVISIBLE_RE.sub("", text.casefold())).split())


# site sections a breadcrumb names after "Home" ("Home › News › Local")
_SECTIONS = ("News|World|UK|US|U\\.S\\.|Local|Politics|Business|Money|Markets|Economy|Sport|Sports|Opinion|"
             "Entertainment|Culture|Arts|Tech|Technology|Science|Health|Lifestyle|Travel|Education|"
             "Environment|Weather|Europe|Asia|Africa|Americas|Latest|Top Stories")
_CRUMB_SEP = r"[ \t]*[›>»|/·•][ \t]*"
# "Home › News › " or "Home News ": a breadcrumb pasted in with a scraped headline. Only
# "Home" with a separator or a section name after it: "Home Office says", "Home Depot
# sales" and "HOME SHOPPING <HSN>" are headlines
_NAV_PREFIX_RE = re.compile(
    rf"(?:Home|HOME)(?:{_CRUMB_SEP}(?:(?:{_SECTIONS}){_CRUMB_SEP})*|(?:[ \t]+(?:{_SECTIONS}))+[ \t]+)")


# news outlets and video platforms whose name a scraped page title carries after the
# headline ("... | CBC News", "... - The Moscow Times", "... : NPR", "... | HBO Max")
_OUTLET_WORDS = ("News|Times|Post|Journal|Guardian|Telegraph|Herald|Tribune|Independent|Express|Mirror|Mail|"
                 "Chronicle|Gazette|Observer|Economist|Reuters|Bloomberg|AP|AFP|CNN|BBC|NPR|CBC|ABC|NBC|CBS|"
                 "PBS|Fox|Sky|Politico|Axios|Vox|Forbes|Fortune|Insider|Deadline|Variety|Wired|TechCrunch|"
                 "Yahoo|HuffPost|Vice|TMZ|Euronews|DW|Pravda|Meduza|Video|TV|Radio|Magazine|Netflix|HBO|"
                 "Hulu|YouTube")
_NAME_WORD = r"[A-Z0-9][\w'’.&]*\+?"
_SITE_NAME = rf"(?:{_NAME_WORD}[ \t]+){{0,4}}(?:{_OUTLET_WORDS})\+?(?:[ \t]+{_NAME_WORD}){{0,3}}"
_DOMAIN = r"[\w-]+(?:\.[\w-]+)*\.(?:com|ca|co\.uk|org|net|news|au|ie)"
# the site's name (or its section, after a pipe) at the end, after a separator
_NAV_SUFFIX_RE = re.compile(
    rf"[ \t]+(?:[|:\-–—][ \t]+(?:{_SITE_NAME}|{_DOMAIN})|\|[ \t]+(?:{_SECTIONS}|(?:World|US|UK) [Nn]ews|"
    rf"Opinion|Editorial|Comment)|\[(?:{_SITE_NAME}|{_DOMAIN})\])[ \t]*$")


def navigation_suffix(text: str, start: int, end: int) -> int:
    """Where the site's name glued to the end of a headline begins ("Talks resume in
    Istanbul | CBC News" -> the offset of " | CBC News"; also in brackets, "[BBC NEWS]";
    chained ones, " | Opinion | The Guardian", all go), or ``end`` when there is none. A
    headline of fewer than three words before it is left alone."""
    cut = end
    while True:
        # (a site's name is short: only the end is searched, and three words counted, so
        # that a headline of thousands of " | News" is not read again for each)
        m = _NAV_SUFFIX_RE.search(text, max(start, cut - 120), cut)
        if m is None or sum(1 for _ in itertools.islice(WORD_RE.finditer(text, start, m.start()), 3)) < 3:
            return cut
        cut = m.start()


def headline_proper_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The headline itself, without site navigation glued to its front or the site's
    name glued to its end."""
    start = navigation_prefix(text, start, end)
    return start, navigation_suffix(text, start, end)


def navigation_prefix(text: str, start: int, end: int) -> int:
    """Where site navigation glued to the front of a headline ends ("Home News Council
    approves ..." -> the offset of "Council"), or ``start`` when there is none. A
    headline of fewer than three words after it is left alone."""
    m = _NAV_PREFIX_RE.match(text, start, end)
    if m is None or len(WORD_RE.findall(text, m.end(), end)) < 3 or not text[m.end():m.end() + 1].isupper():
        return start
    return m.end()


# no headline runs longer: a longer doubled run is a pasted paragraph, not a headline
MAX_DOUBLED_WORDS = 100


def doubled_run(words: list[str], min_words: int, max_words: int = MAX_DOUBLED_WORDS) -> tuple[int, int] | None:
    """(start, size) of the longest run of ``min_words`` to ``max_words`` words repeated
    back to back ("Council approves budget Council approves budget"), if any, the first
    of that size. Per size, one pass at C speed marks each word equal to the one ``size``
    words on, and a run of ``size`` marks is a doubled run: comparing slices was cubic in
    the words, and a page whose headline tag swallowed the story took seconds."""
    for size in range(min(len(words) // 2, max_words), min_words - 1, -1):
        i = bytes(map(operator.eq, words, words[size:])).find(b"\x01" * size)
        if i >= 0:
            return i, size
    return None


# a full name: two capitalised words (McConnell, DeSantis, Abdul-Rahim) with only spaces
# between, the second read ahead so that "John Paul Jones" gives both pairs, and followed
# by nothing word-like but a possessive. The pattern opens with a capital, so the engine
# skips from capital to capital; what stands before the first word is tested in Python
PERSON_NAME_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[A-Z][a-zß-öø-ÿ]+)?(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?"
_FULL_NAME_RE = re.compile(rf"({PERSON_NAME_WORD})[ \t]+(?=({PERSON_NAME_WORD})(?:['’]s)?(?![\w'’-]))")


def full_names(text: str, start: int = 0, end: int | None = None):
    """(first, its start, last, its start) of each pair of capitalised words that may be
    a full name in text[start:end], the first word not glued to what comes before
    ("iPhone", "O'Neill", "U.S.")."""
    for m in _FULL_NAME_RE.finditer(text, start, len(text) if end is None else end):
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "_'’.-"):
            continue
        yield m.group(1), s, m.group(2), m.start(2)


ROW_MAX_WORDS = 12
_CLOSING_STOP_RE = re.compile(r"[.!?:;…\"'”’]$")


def row_like(block: str) -> bool:
    """A short line with no closing stop: a list's entry, a table's row, a title or a
    subheading set as a paragraph."""
    return len(block.split()) <= ROW_MAX_WORDS and not _CLOSING_STOP_RE.search(block.rstrip())
