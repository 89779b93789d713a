"""Plain text (wire copy): the first non-empty line is the headline; blank lines separate
paragraphs. A line holding only a ``<!-- copylint: ... -->`` comment is a directive, not
prose, and ends the paragraph before it."""

from __future__ import annotations

import re

from ..model import Document, LineIndex, Region, SourceMap, TextBuilder
from .common import DIRECTIVE_RE, directive_at, near_directive_notices


def read_plain(path: str, source: str) -> Document:
    b = TextBuilder()
    lines = None
    regions: list[Region] = []
    directives = []
    block: list[tuple[int, int]] = []  # (start, end) source spans of the block's lines

    def flush() -> None:
        if not block:
            return
        kind = "paragraph" if regions else "headline"  # the first region is the headline
        if kind == "headline":
            # only the first line is the headline; the rest of its block is body
            s, e = block.pop(0)
            b.separate(s)
            t0, t1 = b.verbatim(source, s, e)
            regions.append(Region("headline", t0, t1))
            if block:
                kind = "paragraph"
        if block:
            b.separate(block[0][0])
            t0 = b.length
            b.verbatim(source, block[0][0], block[-1][1])
            regions.append(Region(kind, t0, b.length))
        block.clear()

    if "<!--" not in source:
        return _read_without_directives(path, source)
    pos = 0
    n = len(source)
    notices: list[tuple[str, str, int, int]] = []
    while pos <= n:
        nl = source.find("\n", pos)
        end = n if nl == -1 else nl
        s, e = pos, end
        while s < e and source[s] in " \t":
            s += 1
        while e > s and source[e - 1] in " \t\r":
            e -= 1
        if s == e:
            flush()
        else:
            m = DIRECTIVE_RE.fullmatch(source, s, e)
            if m is None and source.startswith("<!--", s) and source.endswith("-->", s, e):
                notices.extend(near_directive_notices(source, s, e))
            if m:
                if lines is None:
                    lines = LineIndex(source)
                flush()
                b.separate(s)
                directives.append(directive_at(m, s, b.length, lines))
            else:
                block.append((s, e))
        if nl == -1:
            break
        pos = nl + 1
    flush()
    doc = _document(path, source, b, regions, directives, lines)
    doc.notices.extend(notices)
    return doc


def _read_without_directives(path: str, source: str) -> Document:
    """The common case: the prose text is the file itself (one verbatim run), so reading
    costs one scan for blocks and nothing to copy."""
    smap = SourceMap()
    smap.add(0, len(source), 0, len(source), True)
    regions: list[Region] = []
    for m in _BLOCK_RE.finditer(source):
        s, e = m.start(), m.end()
        while source[s] in " \t":
            s += 1
        while source[e - 1] in " \t\r":
            e -= 1
        if not regions:  # the headline is the first line; the rest of its block is body
            nl = source.find("\n", s, e)
            if nl != -1:
                head_end = nl
                while source[head_end - 1] in " \t\r":
                    head_end -= 1
                regions.append(Region("headline", s, head_end))
                s = nl + 1
                while source[s] in " \t":
                    s += 1
            else:
                regions.append(Region("headline", s, e))
                continue
        regions.append(Region("paragraph", s, e))
    return Document(path=path, source=source, text=source, map=smap, regions=regions, format="text")


def _document(path, source, b, regions, directives, lines) -> Document:
    doc = Document(path=path, source=source, text=b.text(), map=b.map, regions=regions,
                   directives=directives, format="text")
    if lines is not None:
        doc._lines = lines
    return doc


# a run of lines that each hold something besides spaces
_BLOCK_RE = re.compile(r"[ \t]*\S[^\n]*(?:\n[ \t]*\S[^\n]*)*")
