"""Pieces of text with their source spans, shared by the Markdown and HTML readers.

A reader that cannot copy a value straight from the file (a quoted YAML scalar, an HTML
attribute with entities, a JSON string) still maps it back: the words that occur in the
source as they are become verbatim runs, everything else becomes glue standing for the
source it came from. URLs and e-mail addresses inside prose are not prose: each becomes one
placeholder character, so rules neither spell-check them nor see a gap where they were.
"""

from __future__ import annotations

import re
from typing import Iterable, Union

from ..model import TextBuilder

# U+FFFC OBJECT REPLACEMENT CHARACTER: stands for inline code, a URL or an image inside a
# sentence. It is not a word, a space or punctuation, so no rule reads anything into it.
PLACEHOLDER = "\ufffc"

URL_RE = re.compile(
    r"\b(?:https?|ftp)://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]"
    r"|\bwww\.[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]"
    r"|(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
)

# what a superscript footnote reference holds: "1", "12", "[3]", "1,2", "4-6", "*", "†"
_FOOTNOTE_MARK_RE = re.compile(r"\[?(?:\d{1,3}(?:[,–-]\d{1,3})*|[*†‡§¶]{1,3})\]?")


def footnote_mark(content: str, before: str) -> bool:
    """A ``<sup>`` holding ``content`` right after the character ``before`` is a footnote
    reference glued to a word ("said<sup>1</sup>"), which a reader drops as Markdown's
    ``[^1]`` is dropped: kept, it made "said1", a word the speller passes over. After a
    figure it may be a power ("10<sup>6</sup>"), and at a block's start it is the note's
    own number: both stay."""
    return bool(before) and not before.isspace() and not before.isdigit() and \
        _FOOTNOTE_MARK_RE.fullmatch(content.strip()) is not None


# A piece is ("v", src_start, src_end) for verbatim source, or ("g", text, src_start, src_end).
Piece = Union[tuple[str, int, int], tuple[str, str, int, int]]


def might_hold_url(text: str) -> bool:
    return "://" in text or "www." in text or "@" in text


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of URLs and e-mail addresses in text[start:end]."""
    end = len(text) if end is None else end
    if not might_hold_url(text[start:end]):
        return []
    return [(m.start(), m.end()) for m in URL_RE.finditer(text, start, end)]


def prose_pieces(source: str, start: int, end: int) -> list[Piece]:
    """source[start:end] as verbatim pieces, URLs replaced by the placeholder."""
    pieces: list[Piece] = []
    pos = start
    for s, e in url_spans(source, start, end):
        if s > pos:
            pieces.append(("v", pos, s))
        pieces.append(("g", PLACEHOLDER, s, e))
        pos = e
    if end > pos:
        pieces.append(("v", pos, end))
    return pieces


def emit_prose(b: TextBuilder, source: str, start: int, end: int) -> None:
    """Append source[start:end] verbatim, URLs replaced by the placeholder."""
    emit_pieces(b, source, prose_pieces(source, start, end))


def emit_pieces(b: TextBuilder, source: str, pieces: Iterable[Piece]) -> tuple[int, int]:
    """Append pieces; returns the text span they cover."""
    t0 = b.length
    for p in pieces:
        if p[0] == "v":
            b.verbatim(source, p[1], p[2])
        else:
            b.glue(p[1], p[2], p[3])
    return t0, b.length


def pieces_text(pieces: Iterable[Piece], source: str) -> str:
    """The text the pieces stand for."""
    return "".join(source[p[1]:p[2]] if p[0] == "v" else p[1] for p in pieces)


_WORD_OR_SPACE = re.compile(r"\S+|\s+")


def align(value: str, source: str, start: int, end: int, escapes: bool = False) -> list[Piece]:
    """Map ``value`` (a decoded string) onto source[start:end] (its raw, maybe quoted or
    escaped, form). Words found in order in the source are verbatim; whitespace between
    them is verbatim when the source has the same, else glue for the source gap; words
    not found (escapes) are glue. With ``escapes`` (a YAML or TOML string), a word
    written with backslash escapes ("Te\\u200eenager") is mapped letter by letter, each
    escape glue for the characters it writes, so a finding inside it is reported at the
    escape itself."""
    if not value:
        return []
    if source[start:end] == value:
        return [("v", start, end)]
    pieces: list[Piece] = []
    j = start
    pending_ws: str | None = None
    for m in _WORD_OR_SPACE.finditer(value):
        tok = m.group()
        if tok[0].isspace():
            pending_ws = tok
            continue
        # the next word stands near: a search to the end for each word written otherwise
        # (escaped, an entity) was quadratic in a long value (40,000 in a title took 4 s)
        k = source.find(tok, j, min(end, j + 2 * len(tok) + 256))
        doubled = None
        if k == -1 and escapes and "'" in tok:
            # YAML's single-quoted string writes an apostrophe twice ('The goverment''s plan')
            k = source.find(tok.replace("'", "''"), j, min(end, j + 3 * len(tok) + 256))
            doubled = k != -1
        if k == -1:
            if pending_ws is not None:
                pieces.append(("g", pending_ws, j, j))
                pending_ws = None
            escaped = _escaped_word(tok, source, j, end) if escapes else None
            if escaped is not None:
                pieces.extend(escaped)
                j = escaped[-1][-1]
                continue
            stop = min(j + len(tok), end)
            pieces.append(("g", tok, j, stop))
            j = stop
            continue
        if pending_ws is not None:
            if source[j:k] == pending_ws:
                pieces.append(("v", j, k))
            else:
                pieces.append(("g", pending_ws, j, k))
            pending_ws = None
        if doubled:
            at = k
            for n, part in enumerate(tok.split("'")):
                if n:
                    pieces.append(("g", "'", at, at + 2))
                    at += 2
                if part:
                    pieces.append(("v", at, at + len(part)))
                    at += len(part)
            j = at
            continue
        pieces.append(("v", k, k + len(tok)))
        j = k + len(tok)
    if pending_ws is not None:
        pieces.append(("g", pending_ws, j, j))
    return pieces


_SOURCE_WORD_RE = re.compile(r"[ \t]*[\"']?(\S+?)[\"']?(?=\s|$)")
_ESCAPE_RE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SHORT_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
                  "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
                  "L": "\u2028", "P": "\u2029"}


def _escaped_word(word: str, source: str, pos: int, end: int) -> list[Piece] | None:
    """``word`` as the next source word from ``pos`` writes it with backslash escapes:
    the letters verbatim, each escape glue. None when that word does not decode to it."""
    m = _SOURCE_WORD_RE.match(source, pos, end)
    if m is None:
        return None
    pieces: list[Piece] = []
    at = m.start(1)
    for e in _ESCAPE_RE.finditer(source, m.start(1), m.end(1)):
        seq = e.group()
        char = chr(int(seq[2:], 16)) if seq[1] in "xuU" else _SHORT_ESCAPES.get(seq[1])
        if char is None:
            return None
        if e.start() > at:
            pieces.append(("v", at, e.start()))
        pieces.append(("g", char, e.start(), e.end()))
        at = e.end()
    if at < m.end(1):
        pieces.append(("v", at, m.end(1)))
    if not pieces or pieces_text(pieces, source) != word:
        return None
    return pieces


def truncate(pieces: list[Piece], length: int) -> list[Piece]:
    """The first ``length`` characters of the pieces' text, as pieces."""
    out: list[Piece] = []
    left = length
    for p in pieces:
        if left <= 0:
            break
        if p[0] == "v":
            n = p[2] - p[1]
            out.append(p if n <= left else ("v", p[1], p[1] + left))
        else:
            n = len(p[1])
            out.append(p if n <= left else ("g", p[1][:left], p[2], p[3]))
        left -= n
    return out
