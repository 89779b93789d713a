"""Plain text (wire copy): the first non-empty line is the headline; blank lines separate
paragraphs. A line holding only a ``<!-- copylint: ... -->`` comment is a directive."""

from __future__ import annotations

import re

from ..model import Document, LineIndex, Region, TextBuilder
from .common import DIRECTIVE_RE, directive_at

_BLOCK_RE = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


def read_plain(path: str, source: str) -> Document:
    b = TextBuilder()
    lines = LineIndex(source)
    regions: list[Region] = []
    directives = []
    headline_done = False
    for block in _BLOCK_RE.finditer(source):
        start, end = block.start(), block.end()
        only = DIRECTIVE_RE.fullmatch(source, start, end) if source[start:end].strip().startswith("<!--") else None
        stripped = source[start:end]
        lstart = start + (len(stripped) - len(stripped.lstrip()))
        if only or DIRECTIVE_RE.fullmatch(stripped.strip()):
            m = DIRECTIVE_RE.search(source, start, end)
            b.separate(start)
            directives.append(directive_at(m, m.start(), b.length, lines))
            continue
        b.separate(start)
        if not headline_done:
            # the headline is the first line only; the rest of the block is body
            nl = source.find("\n", lstart, end)
            head_end = nl if nl != -1 else end
            t0, t1 = b.verbatim(source, lstart, _rstrip_end(source, lstart, head_end))
            regions.append(Region("headline", t0, t1))
            headline_done = True
            if nl == -1:
                continue
            b.separate(nl)
            lstart = nl + 1
            while lstart < end and source[lstart] in " \t\r\n":
                lstart += 1
            if lstart >= end:
                continue
        t0, t1 = b.verbatim(source, lstart, _rstrip_end(source, lstart, end))
        regions.append(Region("paragraph", t0, t1))
    doc = Document(path=path, source=source, text=b.text(), map=b.map, regions=regions,
                   directives=directives, format="text")
    doc._lines = lines
    return doc


def _rstrip_end(source: str, start: int, end: int) -> int:
    while end > start and source[end - 1] in " \t\r":
        end -= 1
    return end
