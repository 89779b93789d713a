"""Characters a reader cannot see: zero-width spaces, direction marks and control
characters that copy picks up when it is pasted from the web, social media, a PDF or a
word processor. They split words for search and spell-checking, keep a headline from
matching its twin, and can hide a banned spelling (Kiev with a zero-width space inside)
from every check."""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator

from ..model import Document, Hit
from ..registry import rule
from ..text import CONTROL_CHARACTERS, INVISIBLE_CHARACTERS, UNSEEN_RE

# joiners: needed inside emoji sequences and in scripts that join letters (Persian, Hindi)
JOINERS = "\u200c\u200d"
# direction marks, embeddings and isolates: needed beside Arabic or Hebrew text
DIRECTION_MARKS = "\u061c\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069"
# overrides show the letters after them in reverse order: what one reads is not what is stored
DIRECTION_OVERRIDES = "\u202d\u202e"
# (the rest are invisible whatever the script around them: nothing in copy needs them)

_SUSPECT_RE = re.compile(UNSEEN_RE.pattern + "+")  # a run of them
_RIGHT_TO_LEFT_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n")


@dataclass
class InvisibleCharacterOptions:
    # characters a desk keeps on purpose, written U+00AD (a soft hyphen set by hand to
    # break a long word in a narrow column)
    allow: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # a misspelt code point ("U+AD", "U+ZZ") would allow nothing, without a word
        for written in self.allow:
            if len(_code_point(written)) != 1:
                raise ValueError(f"option 'allow' of rule typo.invisible-character: {written!r} is "
                                 "neither one character nor a code point written U+00AD")


@rule("typo.invisible-character", "An invisible or control character in the copy (zero-width space, "
      "direction mark, a Windows quote read as a control character)", fixable=True, options=InvisibleCharacterOptions)
def invisible_character(doc: Document, ctx) -> Iterator[Hit]:
    """Characters that take no room on the page but are in the text: zero-width spaces,
    word joiners, soft hyphens and byte-order marks inside the text, direction marks
    and overrides, and control characters. Copy pasted from a web page, a social media
    post or a PDF brings them in. Readers never see them, but they split a word for
    search, spell-checking and the house rules (Kiev with a zero-width space inside
    escapes the Kyiv rule), and keep a repeated headline from matching its twin. The
    fix deletes them; one written as an HTML entity (``&#8203;``) is reported with no
    fix, to be deleted by hand.

    A character that text in another script needs is left alone: a joiner inside an
    emoji sequence or next to a letter of a script that joins (Persian, Devanagari), and
    a direction mark in a paragraph with Arabic or Hebrew letters. A direction override
    shows the letters after it in reverse order, so deleting it changes what a reader
    sees: that fix is marked unsafe.

    A control character between U+0080 and U+009F is nearly always a Windows character
    (a curly quote, a dash) decoded the wrong way on the way in; the fix puts the
    character back. A vertical tab is a line break from a word processor; the fix makes
    it a space. A DELETE character in wire copy stands for a letter or a space lost on
    the line, so it is reported with no fix.

    The option ``allow`` lists characters a desk keeps on purpose, as code points
    (``allow: [U+00AD]`` for soft hyphens set by hand)."""
    allowed = {_code_point(c) for c in ctx.options.allow}
    text = doc.text
    right_to_left = _RightToLeftParagraphs(text)
    for m in _SUSPECT_RE.finditer(text):
        for start, end in _runs(m.group(), m.start()):
            chars = text[start:end]
            if chars[0] in allowed:
                continue
            if chars[0] in JOINERS and _joins_script(text, start, end):
                continue
            if chars[0] in DIRECTION_MARKS and start in right_to_left:
                continue
            yield _hit(text, start, end, chars)  # (a fix is made only where the source has the character itself)


def _runs(chars: str, offset: int) -> Iterator[tuple[int, int]]:
    """The spans of equal characters in a run (two zero-width spaces are one finding, a
    mark and a space two); control characters from U+0080 to U+009F go together, as the
    bytes of one character decoded the wrong way do (U+0080 U+0098)."""
    i = 0
    while i < len(chars):
        j = i + 1
        while j < len(chars) and (chars[j] == chars[i] or (_c1(chars[i]) and _c1(chars[j]))):
            j += 1
        yield offset + i, offset + j
        i = j


def _c1(char: str) -> bool:
    return "\x80" <= char <= "\x9f"


def _code_point(written: str) -> str:
    """``U+00AD`` (or the character itself) as the character."""
    written = written.strip()
    if re.fullmatch(r"[Uu]\+[0-9A-Fa-f]{4,6}", written):
        return chr(int(written[2:], 16))
    return written


def _name(char: str) -> str:
    name = unicodedata.name(char, _CONTROL_NAMES.get(char, ""))
    return f"U+{ord(char):04X} {name}" if name else f"U+{ord(char):04X}"


# unicodedata has no names for control characters
_CONTROL_NAMES = {"\x0b": "LINE TABULATION (VERTICAL TAB)", "\x00": "NULL", "\x7f": "DELETE",
                  "\x1b": "ESCAPE", "\x08": "BACKSPACE", "\x85": "NEXT LINE"}


def _hit(text: str, start: int, end: int, chars: str) -> Hit:
    char, count = chars[0], end - start
    times = "" if count == 1 else f" ({count} times)"
    if _c1(char):
        return _decoding_slip(text, start, end, chars)
    word = _word_around(text, start, end, "")
    where = f" in '{word}'" if word else ""
    if char in DIRECTION_OVERRIDES:
        return Hit(start, end, f"{_name(char)}{times}{where}: the letters after it are shown in reverse order",
                   replacement="", safe=False)
    if char == "\x0b":
        between_words = start and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
        return Hit(start, end, f"{_name(char)}{times}: a line break from a word processor",
                   replacement=" " if between_words else "")
    if char == "\x7f":
        # wire copy garbled on the line: it stands for a letter ("p" DELETE "id") or a space
        # ("dlr" DELETE "untied"), so there is no fix to offer
        return Hit(start, end, f"control character {_name(char)}{times}: a character garbled in "
                   "transmission; check what should stand here")
    if char in CONTROL_CHARACTERS:
        return Hit(start, end, f"control character {_name(char)}{times}", replacement="")
    return Hit(start, end, f"invisible character {_name(char)}{times}{where}", replacement="")


# the second and third bytes of the UTF-8 for a curly quote, a dash or a bullet
# (E2 80 98 is ‘) whose first byte was lost, read one byte per character
_UTF8_TAIL_RE = re.compile("\x80[\x80-\x9f]")


def _decoding_slip(text: str, start: int, end: int, chars: str) -> Hit:
    """Control characters U+0080 to U+009F: bytes of the original read as Latin-1. Alone
    or repeated, one is a Windows-1252 character, a curly quote or a dash ("it" U+0092 "s");
    U+0080 and one more (U+0080 U+0098, which Windows-1252 reads as "€˜") are the last
    bytes of the UTF-8 for a quote or a dash whose first byte was lost."""
    codes = " ".join(f"U+{ord(c):04X}" for c in chars)
    if _UTF8_TAIL_RE.fullmatch(chars):
        meant = bytes([0xE2, *(ord(c) for c in chars)]).decode("utf-8", "replace")
        return Hit(start, end, f"control characters {codes}: the UTF-8 of '{meant}' decoded the wrong way",
                   suggestions=(meant,), replacement=meant, safe=False)
    try:
        windows = chars.encode("latin-1").decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90 and 0x9D mean nothing in Windows-1252
        return Hit(start, end, f"control character {codes}: a byte of the original that did not decode")
    word = _word_around(text, start, end, windows)
    where = f" in '{word}'" if word else ""
    label, what = ("control character", "character") if len(chars) == 1 else ("control characters", "characters")
    return Hit(start, end, f"{label} {codes}{where}: the Windows-1252 {what} '{windows}' decoded the wrong way",
               suggestions=(windows,), replacement=windows)


def _word_around(text: str, start: int, end: int, replacement: str) -> str:
    """The word the characters sit in, shown as the fix leaves it ("government" for
    "gov" ZWSP "ernment", "it’s" for "it" U+0092 "s"), or "" when they stand between words."""
    s = start
    while s > 0 and _in_word(text[s - 1]) and start - s < 40:
        s -= 1
    e = end
    while e < len(text) and _in_word(text[e]) and e - end < 40:
        e += 1
    if s == start or e == end:
        return ""
    return _SUSPECT_RE.sub("", text[s:start]) + replacement + _SUSPECT_RE.sub("", text[end:e])


def _in_word(char: str) -> bool:
    """Part of a word, or an invisible character that may sit inside one: a word with two
    soft hyphens ("gov-ern-ment") is named whole, not cut at the next one."""
    return char.isalnum() or char in "'’-" or char in INVISIBLE_CHARACTERS


def _joins_script(text: str, start: int, end: int) -> bool:
    """A joiner between characters that use it: emoji (and their modifiers and variation
    selectors) or letters of a script other than Latin, Greek and Cyrillic."""
    for ch in (text[start - 1] if start else "", text[end] if end < len(text) else ""):
        if not ch or ch.isascii():
            continue
        category = unicodedata.category(ch)
        if category in ("So", "Sk", "Mn", "Mc") or "\ufe00" <= ch <= "\ufe0f" or ch >= "\U0001f000":
            return True
        if category.startswith("L") and not unicodedata.name(ch, "").startswith(("LATIN", "GREEK", "CYRILLIC")):
            return True
    return False


class _RightToLeftParagraphs:
    """Which paragraphs have Arabic, Hebrew or other right-to-left letters, each paragraph
    looked at once (a paragraph of many marks asked about every one of them)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] | None = None
        self.answers: dict[int, bool] = {}

    def __contains__(self, pos: int) -> bool:
        if self.starts is None:
            self.starts = [0] + [m.end() for m in _PARAGRAPH_BREAK_RE.finditer(self.text)]
        k = bisect.bisect_right(self.starts, pos) - 1
        answer = self.answers.get(k)
        if answer is None:
            end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            answer = self.answers[k] = _RIGHT_TO_LEFT_RE.search(self.text, self.starts[k], end) is not None
        return answer
