"""Mechanical slips a copy editor fixes on sight: a word typed twice, double spaces, a
space before punctuation or none after it, and quotes or brackets left open within a
paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from ..model import BODY_KINDS, Document, Hit
from ..registry import rule
from ..packs.patterns import starts_sentence
from ..spelling.speller import get_speller
from ..text import INVISIBLE_CHARACTERS, chunk_around, headline_proper_span

_REPEAT_RE = re.compile(r"\b(\w+)(\s+)(\1)\b", re.I)


@dataclass
class RepeatedWordOptions:
    # pairs that are grammatical when doubled
    allow: list[str] = field(default_factory=lambda: ["had", "that", "bye", "no", "yada", "ha", "knock", "tut", "very", "so", "far", "chop", "goody", "hush", "mm", "sing", "wait", "wink", "surprise", "la"])


@rule("typo.repeated-word", "A word typed twice in a row (\"the the\")", fixable=True,
      options=RepeatedWordOptions, severity="error")
def repeated_word(doc: Document, ctx) -> Iterator[Hit]:
    """The same word twice in a row, as in "the the" or "in in". The fix deletes the
    second copy. Doubles that are grammatical ("had had", "that that") are allowed and
    configurable with the ``allow`` option; names and titles that repeat a word ("Boutros
    Boutros-Ghali", "Please Please Me"), a word said three times or more ("heh heh heh",
    "da da da da"), a count before a fraction ("one one-hundredth") and the columns of a
    table are left alone. "is is" and "was was" are
    slips ("the agreement is is required") unless a clause opened by what, how, all...
    comes first ("what it is is luck", "all it was was a rumour"); "do do" after I, we, you
    or they is the emphatic do ("we do do dates")."""
    allow = {w.casefold() for w in ctx.options.allow}
    text = doc.text
    for m in _REPEAT_RE.finditer(text):
        word = m.group(1)
        if word.casefold() in allow or not word.isalpha() or m.group(2).count("\n") > 1:
            continue  # numbers ("10 10") and words across paragraphs are not slips
        if _is_title_word(word) and _is_title_word(m.group(3)):
            continue  # a name or a title: "Boutros Boutros-Ghali", "Please Please Me"
        if word.casefold() in _NUMBER_WORDS and text.startswith("-", m.end(3)):
            continue  # a count of a fraction: "one one-hundredth", "two two-thirds"
        if word.casefold() in ("is", "was") and _WH_CLAUSE_BEFORE_RE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "What it really is is narrowing", "All it was was we were recording"
        third = _NEXT_WORD_RE.match(text, m.end(3))
        before = _PREVIOUS_WORD_RE.search(text, max(0, m.start() - 40), m.start())
        if word.casefold() == "do" and before and before.group(1).casefold() in _SUBJECT_PRONOUNS:
            continue  # the emphatic do: "We do do dates", "they do do it"
        if (third and third.group(1).casefold() == word.casefold()) or \
                (before and before.group(1).casefold() == word.casefold()):
            continue  # said three times or more on purpose: "Heh heh heh", "da da da da"
        if ("\t" in m.group(2) or "  " in m.group(2)) and _table_row(text, m.start()):
            continue  # two columns of a table ("Price  Price")
        # the span runs from the end of the first copy to the end of the second, so
        # deleting it leaves one copy and the spacing before it
        yield Hit(m.end(1), m.end(3), f"the word {word!r} is repeated", replacement="")


_NEXT_WORD_RE = re.compile(r"[ \t]+(\w+)\b")
_NUMBER_WORDS = frozenset(("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"))
_SUBJECT_PRONOUNS = frozenset(("i", "we", "you", "they"))
_PREVIOUS_WORD_RE = re.compile(r"\b(\w+)[ \t]+$")
# a clause opened by a wh-word (or "all") with a word or more before the first "is": the
# clause is the subject of the second ("what it is is"); "whether is is" lacks its "it"
_WH_CLAUSE_BEFORE_RE = re.compile(r"\b(?:what|whatever|how|where|why|when|who|all)\b[^.!?;:]*?\w+\W+$",
                                  re.IGNORECASE)
_COLUMN_GAP_RE = re.compile(r"\t| {2,}")


def _is_title_word(word: str) -> bool:
    return word[:1].isupper() and not word.isupper()


def _table_row(text: str, pos: int) -> bool:
    """A line laid out in columns: three gaps of tabs or several spaces, or more."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    return len(_COLUMN_GAP_RE.findall(text, start, len(text) if end == -1 else end)) >= 3


_DOUBLE_SPACE_RE = re.compile(r"(?<=\S)[ ]{2,}(?=\S)")


@rule("typo.double-space", "Two or more spaces between words", fixable=True, severity="info")
def double_space(doc: Document, ctx) -> Iterator[Hit]:
    """Two or more spaces between words or after a full stop. The fix leaves one.
    Only spaces typed in the source count: gaps left where markup was removed do not, nor
    do the columns of a table set with spaces (short cells between gaps of three or more
    spaces or tabs, as in wire-service price tables)."""
    text = doc.text
    if "  " not in text:
        return  # a quick look first: most articles have none
    smap = doc.map
    tables: dict[int, bool] = {}
    for m in _DOUBLE_SPACE_RE.finditer(text):
        start = text.rfind("\n\n", 0, m.start()) + 1
        if start not in tables:
            end = text.find("\n\n", m.end())
            tables[start] = _set_in_columns(text[start:len(text) if end == -1 else end])
        if tables[start] or not smap.is_verbatim(m.start(), m.end()):
            continue
        yield Hit(m.start(), m.end(), "more than one space here", replacement=" ")


_COLUMN_GAP_WIDE_RE = re.compile(r"\t| {3,}")


def _set_in_columns(paragraph: str) -> bool:
    """A table laid out with spaces: two or more wide gaps between cells that are figures
    and labels, not sentences run together with wide gaps where line breaks were."""
    cells = [c for c in _COLUMN_GAP_WIDE_RE.split(paragraph.strip()) if c.strip()]
    if len(cells) < 3:
        return False
    sentences = sum(1 for c in cells if _sentence_cell(c))
    return sentences * 2 < len(cells)


def _sentence_cell(cell: str) -> bool:
    """Three words or more and a closing stop: a sentence, not a table's cell. The end
    first, then the words before it: one pattern for both ran from every word to the end
    of the cell, quadratic in a one-line story with wide gaps (60 KB took 15 s)."""
    end = _SENTENCE_END_RE.search(cell)
    return end is not None and _THREE_WORDS_RE.search(cell, 0, end.start()) is not None


_SENTENCE_END_RE = re.compile(r"[.!?][\"”’)]?$")
_THREE_WORDS_RE = re.compile(r"\w+\W+\w+\W+\w+")


# a run of spaces is tried from its first space only (the look-behind): a try from a later
# one reads to the same end and fails as the first did, quadratic in a long run
_SPACE_BEFORE_RE = re.compile(r"[ \t](?<![ \t][ \t])[ \t]*(?=[,.;:!?](?:[\s\"'”’)]|$))")
_SPACE_BEFORE_MARKS = tuple(space + mark for space in " \t" for mark in ",.;:!?")
# a wire dateline set off by a spaced colon ("ATHENS : ", "KANDAHAR, Afghanistan : "), as
# AFP copy was delivered: the source's convention, not a slip
_DATELINE_RE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, [A-Z][\w.]+(?: [A-Z][\w.]+)?)?$")


@rule("typo.space-before-punctuation", "A space before a comma, full stop, colon or question mark",
      fixable=True)
def space_before_punctuation(doc: Document, ctx) -> Iterator[Hit]:
    """A space typed before ``, . ; : ! ?``. English news copy closes punctuation up to
    the word before it; the fix removes the space. Left alone: a spaced colon after a
    wire dateline or between two figures (a ratio, "3 : 1"), and the separator before a site's name glued to a scraped headline
    (structure.headline-navigation reports that). A question mark with a space either
    side and a lower-case word after it stands where a dash was lost in a conversion
    ("liars ? or worse"): it is reported as such, with no fix."""
    text = doc.text
    if not any(gap in text for gap in _SPACE_BEFORE_MARKS):
        return  # a quick look first: most articles have none
    site_names = [(headline_proper_span(text, start, end)[1], end) for start, end in doc.headline_spans()]
    for m in _SPACE_BEFORE_RE.finditer(text):
        before = text[m.start() - 1] if m.start() else " "
        if not (before.isalnum()) or text.startswith(("...", ". ."), m.end()):
            continue  # an ellipsis, run together or spaced (". . .", as Chicago sets it)
        mark = text[m.end()]
        if any(cut <= m.start() < end for cut, end in site_names):
            continue
        if mark == ":" and _DATELINE_RE.search(text, max(0, m.start() - 60), m.start()):
            continue
        if mark == ":" and before.isdigit() and _FIGURE_AFTER_COLON.match(text, m.end()):
            continue  # a ratio or score set with spaces ("3 : 1"): "3: 1" would be no better
        if mark == "?" and _LOST_DASH_RE.match(text, m.end()):
            yield Hit(m.start(), m.end() + 2, "a question mark with a space either side, where a dash (or a "
                      "quotation mark) was probably lost when the text was converted")
            continue
        yield Hit(m.start(), m.end(), f"space before {mark!r}", replacement="")


_LOST_DASH_RE = re.compile(r"\?[ \t](?=[a-z])")
_FIGURE_AFTER_COLON = re.compile(r":[ \t]+\d")


# a sentence's end run into the next sentence ("ended.The"), or a comma into the next
# word ("said,the"): two lower-case letters before the mark, so initials, "St.Louis" and
# "a.m." are not read, and a capital after a stop, so "example.com" is not either
_MISSING_SPACE_RE = re.compile(
    r"(?<=[a-z]{2})(?:[.!?](?=[A-Z][a-z]+\b)|,(?=[a-z]{2,}\b))"
    # a quotation's closing mark beside the stop: 'the way."However', 'her.”I came', 'bump".Some'
    r"|(?<=[a-z]{2})(?:[.!?][\"”]|[\"”][.!?])(?=[A-Z][a-z]+\b|I\b)"
    # a year before the stop: 'in August 2015.Image copyright'
    r"|(?<=\b[12]\d{3})\.(?=[A-Z][a-z]+\b)")
_LETTERS_RE = re.compile(r"[A-Za-z]+")
_URLISH_RE = re.compile(r"://|www\.|[@=<>]|\.(?:com|org|net|gov|edu|io|co|uk|html?|php|aspx?|js|py)\b", re.I)


@rule("typo.missing-space", "No space after a full stop or comma (\"ended.The\", \"said,the\")", fixable=True)
def missing_space(doc: Document, ctx) -> Iterator[Hit]:
    """A sentence run into the next one ("The meeting ended.The council...", 'on the
    way."However', "in August 2015.Image") or a word into the next after a comma
    ("said,the"): a space lost in editing or in a paste.
    Not read: web addresses, e-mail addresses, file names, markup and code (a word with
    "://", "www.", "@", "=", "<" or a known ending such as ".com" in it: a wire ticker
    "<smbs.St>", an attribute "face=verdana,arial" left in a text file), initials and abbreviations
    with one lower-case letter ("J.K.Rowling", "St.Louis"), figures ("1,000"). The fix
    puts the space in; it is applied only where both words are in the dictionary. A
    mark that splits one word ("chairm,an") is reported as such, and the fix takes it
    out."""
    text = doc.text
    speller = None
    for m in _MISSING_SPACE_RE.finditer(text):
        at = m.start()
        line_start = text.rfind("\n", 0, at) + 1
        if text.rfind("<", line_start, at) > text.rfind(">", line_start, at):
            continue  # inside a tag left in the text ('<FONT face="verdana,MS Sans Serif,arial">', '<smbs.St>')
        if _URLISH_RE.search(chunk_around(text, at, at + 1)):
            continue
        s = at
        while s and ("a" <= text[s - 1] <= "z" or "0" <= text[s - 1] <= "9"):
            s -= 1
        mark = m.group()
        before, after = text[s:at], _LETTERS_RE.match(text, m.end()).group()
        speller = speller or get_speller(ctx.settings.language)
        both_known = (before.isdigit() or speller.known(before)) and speller.known(after)
        if len(mark) == 1 and not both_known and speller.known(before + after):
            yield Hit(at, at + 1, f"a stray {mark!r} inside '{before + after}'", suggestions=("",), replacement="")
            continue
        fixed = mark + " "
        if mark[1:] == '"' and text.count('"', line_start, at) % 2 == 0:
            fixed = mark[0] + ' "'  # the mark opens the next quotation: 'he added."If you'
        yield Hit(at, m.end(), f"no space after {mark!r} before {after!r}", suggestions=(fixed,),
                  replacement=fixed, safe=both_known)


_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def _paragraphs(doc: Document):
    for r in sorted(doc.regions, key=lambda r: r.start):
        if r.kind in BODY_KINDS or r.kind in ("headline", "standfirst", "title"):
            yield r


@rule("typo.unbalanced-brackets", "A bracket opened and not closed (or closed and not opened) within a paragraph")
def unbalanced_brackets(doc: Document, ctx) -> Iterator[Hit]:
    """Round, square and curly brackets must pair up within a paragraph. The finding
    points at the bracket left without a partner. List markers such as "1)" and "a)" at
    the start of a line are not brackets."""
    text = doc.text
    if not any(c in text for c in "()[]{}"):
        return
    for r in _paragraphs(doc):
        stack: list[tuple[str, int]] = []
        for m in _BRACKET_RE.finditer(text, r.start, r.end):
            c, i = m.group(), m.start()
            if c in _OPENERS:
                stack.append((c, i))
            elif stack and stack[-1][0] == _CLOSERS[c]:
                stack.pop()
            else:
                line_start = max(text.rfind("\n", r.start, i) + 1, r.start)
                if _LIST_MARKER_RE.fullmatch(text, line_start, i):
                    continue  # "1)" list marker
                if _SMILEY_RE.search(text[max(r.start, i - 2):i]):
                    continue
                yield Hit(i, i + 1, f"{c!r} closes a bracket that was never opened")
        for c, i in stack:
            yield Hit(i, i + 1, f"{c!r} is never closed in this paragraph")


_BRACKET_RE = re.compile(r"[()\[\]{}]")
_LIST_MARKER_RE = re.compile(r"\s*(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})")
_SMILEY_RE = re.compile(r"[:;8][-^]?$")
# (two apostrophes stand for a double mark in copy from old typesetting and wire systems:
# ''Stairway to Heaven'', "...is remarkable,'' he continued")
_QUOTE_CHARS_RE = re.compile(r"[“”„\"]|(?<!['’])''(?!['’])")
_CURLY_OPEN, _CURLY_CLOSE = "“", "”"
_LOW_OPEN = "„"  # opens a quotation in German, Polish and others, closed by “ or ”
_BEFORE_OPENING = "([{—–-/‘“"  # what may stand right before an opening mark
_AFTER_CLOSING = ".,;:!?)]}’”…"  # and right after a closing one
# an apostrophe typed as a double mark: Brazil"s, isn"t, they"re (Reuters wire copy)
_APOSTROPHE_ENDINGS_RE = re.compile(r"(?:s|t|d|ll|re|ve|m)\b", re.I)


_FEET_RE = re.compile(r"\d+['’]\d+$")


def _closes_after_figure(text: str, i: int, pending: bool, start: int, width: int = 1) -> bool:
    """A straight mark (or two apostrophes, ``width`` 2) after a figure is an inch mark
    (5'10", a 12" screen) unless it closes a quotation left open before it ("4:44" tour,
    ''new G8''): an opening mark is pending, no foot mark comes before the figure, and no
    letter or figure follows."""
    if not pending or (i + width < len(text) and text[i + width].isalnum()):
        return False
    return _FEET_RE.search(text, max(start, i - 8), i) is None


def _sides(text: str, i: int, start: int, end: int, width: int = 1) -> tuple[bool, bool]:
    """Whether the mark at ``i`` (``width`` characters) stands where a quotation opens
    (after a space, at the start of the paragraph, after a dash or bracket, before a
    word) and where one closes (after a word or stop, before a space, a stop or the end)."""
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    opening = (before.isspace() or before in _BEFORE_OPENING) and not after.isspace()
    closing = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
    return opening, closing


@rule("typo.unbalanced-quotes", "A quotation mark opened and not closed within a paragraph",
      fixable=True)
def unbalanced_quotes(doc: Document, ctx) -> Iterator[Hit]:
    """Double quotation marks must pair up within a paragraph. A quote that runs on into
    the next paragraph is left open on purpose when the next paragraph opens with a quote
    mark (the usual news convention), so that is not reported. A straight mark may close a
    curly one (mixing the two is ``house.quote-style``'s business); a curly mark turned the
    wrong way ("on “Face the Nation“ (CBS)") is reported as such, with the right one as its
    fix, and a double mark inside a word ("Brazil"s") as the apostrophe it stands for.
    Two apostrophes written for a double mark (''Stairway to Heaven'', "...is
    remarkable,'' he continued", from old typesetting and wire systems) pair as one and
    are reported, with the double mark as the fix. Inch marks (5'10") are not quotes. A
    low mark („) opens a quotation, as in German or Polish copy, and “ or ” closes it."""
    text = doc.text
    if not any(mark in text for mark in ('"', _CURLY_OPEN, _CURLY_CLOSE, _LOW_OPEN, "''")):
        return
    apostrophe = "’" if text.count("’") > text.count("'") else "'"
    curly = text.count(_CURLY_OPEN) + text.count(_CURLY_CLOSE) > text.count('"')
    paras = list(_paragraphs(doc))
    for n, r in enumerate(paras):
        nxt = paras[n + 1] if n + 1 < len(paras) else None
        next_opens = nxt is not None and text[nxt.start:nxt.start + 1] in ('"', _CURLY_OPEN, _LOW_OPEN)
        opened: list[int] = []  # opening marks not yet closed, straight or curly
        for m in _QUOTE_CHARS_RE.finditer(text, r.start, r.end):
            c, i = m.group(), m.start()
            opening, closing = _sides(text, i, r.start, r.end, len(c))
            if c == "''":
                if not (opening or closing) or (
                        i > r.start and text[i - 1].isdigit()
                        and not _closes_after_figure(text, i, bool(opened), r.start, 2)):
                    continue  # between two words or two spaces, or inches (5'10''): no quotation mark
                closes = bool(opened) if opening == closing else closing
                mark = (_CURLY_CLOSE if closes else _CURLY_OPEN) if curly else '"'
                yield Hit(i, i + 2, f"two apostrophes stand for a double quotation mark; write {mark}",
                          suggestions=(mark,), replacement=mark, safe=False)
                if not closes:
                    opened.append(i)
                elif opened:
                    opened.pop()
                continue
            if c == '"':
                before = text[i - 1] if i > r.start else " "
                if before.isdigit() and not _closes_after_figure(text, i, bool(opened), r.start):
                    continue  # an inch mark
                if before.isalpha() and i + 1 < r.end and text[i + 1].isalpha():
                    ending = _APOSTROPHE_ENDINGS_RE.match(text, i + 1, r.end)
                    if ending is None and text[i + 1].isupper() and not opened:
                        # 'banker said"It will be': a quotation opens with its space lost
                        yield Hit(i, i + 1, "a space is missing before this opening quotation mark",
                                  suggestions=(' "',), replacement=' "', safe=False)
                        opened.append(i)
                        continue
                    yield Hit(i, i + 1, f"a double quotation mark inside a word; write an apostrophe ({apostrophe})",
                              suggestions=(apostrophe,), replacement=apostrophe, safe=ending is not None)
                    continue
                closes = bool(opened) if opening == closing else closing
            elif c == _CURLY_OPEN and opened and text[opened[-1]] == _LOW_OPEN:
                opened.pop()  # „so“: the German pair
                continue
            elif c == _CURLY_OPEN and closing and not opening and opened:
                yield Hit(i, i + 1, f"this {c} closes a quotation; write {_CURLY_CLOSE}",
                          suggestions=(_CURLY_CLOSE,), replacement=_CURLY_CLOSE, safe=False)
                opened.pop()
                continue
            elif c == _CURLY_CLOSE and opening and not closing and not opened:
                yield Hit(i, i + 1, f"this {c} opens a quotation; write {_CURLY_OPEN}",
                          suggestions=(_CURLY_OPEN,), replacement=_CURLY_OPEN, safe=False)
                opened.append(i)
                continue
            else:
                closes = c == _CURLY_CLOSE
            if not closes:
                opened.append(i)
            elif opened:
                opened.pop()
            else:
                yield Hit(i, i + 1, "closing quotation mark without an opening one")
        for i in opened:
            width = 2 if text.startswith("''", i) else 1
            is_opening = _sides(text, i, r.start, r.end, width)[0] or text[i] in (_CURLY_OPEN, _LOW_OPEN)
            if is_opening and next_opens:
                continue
            yield Hit(i, i + width, "quotation mark is never closed in this paragraph" if is_opening
                      else "quotation mark without a partner in this paragraph")


# "a" or "an" and the word after it (lower case, or opening a sentence)
_ARTICLE_RE = re.compile(f"(?<![\\w'’./{INVISIBLE_CHARACTERS}-])(a|an|A|An|AN)[ \\t]+(?:\\r?\\n[ \\t]*)?"
                         f"([A-Za-z][a-z]*(?:['’][a-z]+)?|\\d[\\d,.]*)(?![\\w'’;{INVISIBLE_CHARACTERS}])(?!-[A-Z]\\b)")
# words spelt with a vowel and said with a consonant: "a university", "a European", "a one-off"
_CONSONANT_SOUND = ("unanim", "unic", "unif", "unil", "unio", "uniq", "unis", "unit", "univ", "use", "usa", "usu",
                    "uten", "uti", "uto", "utah", "unix", "ura", "ure", "uri", "uro", "ubiq", "ugan", "uku", "ukr", "eu",
                    "ewe", "ouija")
_SAID_WITH_W = {"one", "once", "ones", "oneself"}  # not "onerous", "onion"
# and the h that is not said: "an hour", "an honest man", "an heir"
_SILENT_H = ("hour", "honest", "honor", "honour", "heir")
# not a word the article goes with: German's "an der" (Frankfurt an der Oder), a letter's
# name ("A and P"), a second article ("a an amnesiac"); and "an historic" and "an
# homage", forms some houses keep
_NOT_ARTICLE_BEFORE = {"der", "die", "das", "dem", "den", "and", "or", "nor", "a", "an", "the"}
_EITHER_ARTICLE = ("histor", "homage")
# words no article goes before: "an that", "an between", "a about" are other slips ("and
# that", a word dropped or doubled), and changing the article would not mend them
_FUNCTION_WORDS = {"that", "this", "these", "those", "which", "who", "whom", "whose", "what", "when", "where",
                   "between", "for", "from", "with", "to", "of", "in", "on", "by", "at", "is", "was", "are", "were",
                   "be", "been", "it", "he", "she", "they", "we", "you", "his", "her", "their", "its", "our", "my",
                   "your", "about", "another", "any", "each", "every", "if", "then", "than", "but", "so", "not",
                   "also", "as", "after", "before", "because", "into", "over", "under", "upon", "up", "out", "off"}


def _vowel_sound(word: str) -> bool | None:
    """Whether a word is said with a vowel first, as the article before it hears it;
    None when it cannot be told (a figure read in several ways)."""
    if word[0].isdigit():
        digits = word.split(".")[0].replace(",", "")
        if word[0] == "8":
            return True
        if word[0] == "0":
            return None  # "an 0-10 start" is said "oh", "a 0.5 pct rise" "zero"
        if digits[:2] in ("11", "18") and (len(digits) % 3 == 2 or (len(digits) == 4 and "," not in word)):
            return True  # eleven, eighteen (thousand, hundred): "an 11-year-old", "an 1800s house"; not "a 1,850"
        return False
    w = word.lower()
    if w.startswith(_SILENT_H):
        return True
    if w[0] in "aeiou":
        return not (w.startswith(_CONSONANT_SOUND) or w in _SAID_WITH_W)
    return False


@rule("typo.a-an", "\"a\" before a vowel sound or \"an\" before a consonant (\"a apple\", \"an university\")",
      fixable=True)
def a_an(doc: Document, ctx) -> Iterator[Hit]:
    """"an" goes before a vowel sound and "a" before a consonant sound: "an hour", "a
    university", "a one-off", "an onerous task", "an 8-year-old", "an 11-point lead". A
    slip of editing (the article left when the word after it was cut or changed: "an
    ongoing review" made "an review") or of typing. Read: lower-case words and figures, and capitalised words (a name's sound
    is guessed from its letters, so their fix is offered, not applied); left alone:
    abbreviations ("an FBI agent", "a NATO summit": said as letters or as a word), a
    capital "A" inside a sentence (Plan A, a grade), a letter standing alone, German's
    "an der", "an historic" (a form some houses keep), and an article before a word no
    article goes with ("an that", "a about"), where the slip is another one ("and that",
    a word doubled) that changing the article would not mend."""
    text = doc.text
    speller = None
    for m in _ARTICLE_RE.finditer(text):
        article, word = m.group(1), m.group(2)
        if article[0] == "A" and not starts_sentence(text, m.start()):
            continue  # "Plan A", "grade A", "Class A shares"
        if (len(word) == 1 and word.isalpha()) or (word[0].isupper() and word[1:2].isupper()):
            continue  # a letter ("an F grade"), an abbreviation
        lowered = word.lower()
        if lowered in _NOT_ARTICLE_BEFORE or lowered in _FUNCTION_WORDS or lowered.startswith(_EITHER_ARTICLE):
            continue
        vowel = _vowel_sound(word)
        wants_an = article.lower() == "an"
        if vowel is None or vowel == wants_an:
            continue
        lower_word = word[0].islower() or word[0].isdigit()
        speller = speller or get_speller(ctx.settings.language)
        if lower_word and not word[0].isdigit() and not speller.known(word):
            continue  # a misspelling or another language's word: the speller's business
        right = "an" if vowel else "a"
        right = right.upper() if article == "AN" else right.capitalize() if article[0] == "A" else right
        yield Hit(m.start(1), m.end(1), f"'{right} {word}', not '{article} {word}'", suggestions=(right,),
                  replacement=right, safe=lower_word)
