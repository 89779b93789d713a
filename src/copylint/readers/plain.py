"""Plain text (wire copy): the first non-empty line is the headline; blank lines separate
paragraphs. A line holding only a ``<!-- copylint: ... -->`` comment is a directive, not
prose, and ends the paragraph before it."""

from __future__ import annotations

from ..model import Document, LineIndex, Region, TextBuilder
from .common import DIRECTIVE_RE, directive_at


def read_plain(path: str, source: str) -> Document:
    b = TextBuilder()
    lines = LineIndex(source)
    regions: list[Region] = []
    directives = []
    block: list[tuple[int, int]] = []  # (start, end) source spans of the block's lines

    def flush() -> None:
        if not block:
            return
        kind = "paragraph" if any(r.kind == "headline" for r in regions) else "headline"
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

    pos = 0
    n = len(source)
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
            if m:
                flush()
                b.separate(s)
                directives.append(directive_at(m, s, b.length, lines))
            else:
                block.append((s, e))
        if nl == -1:
            break
        pos = nl + 1
    flush()
    doc = Document(path=path, source=source, text=b.text(), map=b.map, regions=regions,
                   directives=directives, format="text")
    doc._lines = lines
    return doc
