"""Core types: what a reader produces (Document), what a rule yields (Hit) and what
leaves the engine (Finding).

These types depend on nothing else in the package, so every layer can import them.
Positions inside the engine are *text* offsets (into ``Document.text``); only the engine
converts them to *source* positions through the document's ``SourceMap``.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any


class Severity(IntEnum):
    """Ordered so that ``finding.severity >= fail_on`` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | "Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (use error, warning or info)") from None

    def __str__(self) -> str:  # "warning", as printed in reports
        return self.name.lower()


# --------------------------------------------------------------------------- positions


LINE_BREAK_RE = re.compile("\r\n?|\n")  # LF, CRLF or a lone CR, as editors count lines


class LineIndex:
    """Offsets of line starts in a string, for offset -> (line, column) in code points."""

    __slots__ = ("starts", "length")

    def __init__(self, source: str) -> None:
        starts = [0]
        if "\r" in source:  # a lone CR ends a line too, as in editors and the LSP
            starts += [m.end() for m in LINE_BREAK_RE.finditer(source)]
        else:
            find = source.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
        self.starts = starts
        self.length = len(source)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """[start, end) of a 1-based line, without its newline."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else self.length
        return start, end


LONG_LINE = 1000  # code points; a longer line is kept as an excerpt around each finding
EXCERPT_CONTEXT = 160  # code points kept on each side of a finding in an excerpt
ELLIPSIS = "\u2026"


def line_excerpt(source: str, line_start: int, line_end: int, start: int, end: int) -> tuple[str, int]:
    """The line a finding starts on, as (text, offset): ``offset`` code points of the line
    are left out before ``text``, so column ``c`` is ``text[c - 1 - offset]``. An ordinary
    line is kept whole. A line longer than LONG_LINE (a story pasted without line breaks)
    is cut to the finding and a few words either side, cut at spaces and marked with an
    ellipsis: kept whole, it would be copied into every finding on it, and one 600 KB line
    with 100,000 findings needed tens of gigabytes."""
    while line_end > line_start and source[line_end - 1] == "\r":
        line_end -= 1
    if line_end - line_start <= LONG_LINE:
        return source[line_start:line_end], 0
    start = min(max(start, line_start), line_end)
    end = min(max(end, start), line_end, start + LONG_LINE)
    a = max(line_start, start - EXCERPT_CONTEXT)
    if a > line_start:
        space = source.find(" ", a, start)
        a = space + 1 if space != -1 else a
    b = min(line_end, end + EXCERPT_CONTEXT)
    if b < line_end:
        space = source.rfind(" ", end, b)
        b = space if space != -1 else b
    head = ELLIPSIS if a > line_start else ""
    tail = ELLIPSIS if b < line_end else ""
    return head + source[a:b] + tail, a - line_start - len(head)


class SourceMap:
    """Maps offsets in the prose text back to offsets in the decoded source.

    The text is a sequence of runs. A *verbatim* run is a piece of the source copied
    unchanged, so positions inside it map one to one. A *glue* run is text that has no
    one-to-one source (a decoded entity, a block separator): any position inside it maps
    to the whole source span it stands for.
    """

    __slots__ = ("text_starts", "text_ends", "src_starts", "src_ends", "verbatim", "_by_source")

    def __init__(self) -> None:
        self.text_starts: list[int] = []
        self.text_ends: list[int] = []
        self.src_starts: list[int] = []
        self.src_ends: list[int] = []
        self.verbatim: list[bool] = []
        self._by_source: tuple[list[int], list[int]] | None = None  # see text_span

    def add(self, text_start: int, text_end: int, src_start: int, src_end: int, verbatim: bool) -> None:
        self.text_starts.append(text_start)
        self.text_ends.append(text_end)
        self.src_starts.append(src_start)
        self.src_ends.append(src_end)
        self.verbatim.append(verbatim)

    def _run_at(self, offset: int, prefer_left: bool) -> int:
        starts = self.text_starts
        if not starts:
            return -1
        if prefer_left:
            i = bisect.bisect_left(self.text_ends, offset)
        else:
            i = bisect.bisect_right(starts, offset) - 1
        return min(max(i, 0), len(starts) - 1)

    def source_start(self, offset: int) -> int:
        i = self._run_at(offset, prefer_left=False)
        if i < 0:
            return offset
        if self.verbatim[i]:
            return min(max(self.src_starts[i] + (offset - self.text_starts[i]), self.src_starts[i]), self.src_ends[i])
        return self.src_starts[i] if offset < self.text_ends[i] else self.src_ends[i]

    def source_end(self, offset: int) -> int:
        i = self._run_at(offset, prefer_left=True)
        if i < 0:
            return offset
        if self.verbatim[i]:
            return max(min(self.src_ends[i] - (self.text_ends[i] - offset), self.src_ends[i]), self.src_starts[i])
        return self.src_ends[i] if offset > self.text_starts[i] else self.src_starts[i]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Source [start, end) of text [start, end)."""
        if end <= start:
            # an empty span at the end of a verbatim run stays with that run, not with
            # the separator or entity that follows it
            s = self.source_end(start) if self._verbatim_ends_at(start) else self.source_start(start)
            return s, s
        return self.source_start(start), self.source_end(end)

    def _verbatim_ends_at(self, offset: int) -> bool:
        i = bisect.bisect_left(self.text_ends, offset)
        return 0 <= i < len(self.text_ends) and self.text_ends[i] == offset and self.verbatim[i]

    def text_span(self, src_start: int, src_end: int) -> tuple[int, int]:
        """The text [start, end) that source [src_start, src_end) stands for: the inverse of
        ``span``, for showing a finding in the text a reader sees (the HTML report). Source
        that no text stands for (a tag, a skipped script) shrinks to the nearest text: a
        span wholly in markup becomes the empty span where the text resumes."""
        if self._by_source is None:
            # runs that stand for some source, by where that source starts (a block
            # separator stands for none)
            order = sorted((i for i in range(len(self.src_starts)) if self.src_ends[i] > self.src_starts[i]),
                           key=lambda i: self.src_starts[i])
            self._by_source = (order, [self.src_starts[i] for i in order])
        order, starts = self._by_source
        if not order:
            return 0, 0
        start = self._text_at(order, starts, src_start, as_end=False)
        end = self._text_at(order, starts, src_end, as_end=True) if src_end > src_start else start
        return start, max(start, end)

    def _text_at(self, order: list[int], starts: list[int], offset: int, as_end: bool) -> int:
        """Text offset of a source offset. Outside every run: the start of the run that
        comes next in the source (for a start), the end of the one before (for an end)."""
        k = bisect.bisect_right(starts, offset - 1 if as_end else offset) - 1
        if k >= 0:
            i = order[k]
            if (self.src_starts[i] < offset <= self.src_ends[i]) if as_end else (offset < self.src_ends[i]):
                if not self.verbatim[i]:
                    return self.text_ends[i] if as_end else self.text_starts[i]
                return self.text_starts[i] + offset - self.src_starts[i]
            if as_end:
                return self.text_ends[i]
        if as_end:
            return self.text_starts[order[0]]
        return self.text_starts[order[k + 1]] if k + 1 < len(order) else self.text_ends[order[-1]]

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when text [start, end) lies inside one verbatim run (safe to edit)."""
        if not self.text_starts:
            return True
        if end <= start and self._verbatim_ends_at(start):
            return True
        i = bisect.bisect_right(self.text_starts, start) - 1
        if i < 0 or not self.verbatim[i]:
            return False
        return self.text_starts[i] <= start and end <= self.text_ends[i]


class TextBuilder:
    """Builds a Document's text and its SourceMap together, so positions are carried,
    never searched for."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.map = SourceMap()

    def verbatim(self, source: str, start: int, end: int) -> tuple[int, int]:
        """Append source[start:end] unchanged; returns its text span."""
        if end <= start:
            return self.length, self.length
        t0 = self.length
        self.parts.append(source[start:end])
        self.length += end - start
        m = self.map
        if m.verbatim and m.verbatim[-1] and m.src_ends[-1] == start and m.text_ends[-1] == t0:
            # contiguous in both text and source: one run, so a fix may span both pieces
            m.text_ends[-1] = self.length
            m.src_ends[-1] = end
        else:
            m.add(t0, self.length, start, end, True)
        return t0, self.length

    def glue(self, text: str, src_start: int, src_end: int | None = None) -> tuple[int, int]:
        """Append text standing for source[src_start:src_end] (an entity, a separator)."""
        if not text:
            return self.length, self.length
        t0 = self.length
        self.parts.append(text)
        self.length += len(text)
        self.map.add(t0, self.length, src_start, src_start if src_end is None else src_end, False)
        return t0, self.length

    def separate(self, src_pos: int, separator: str = "\n\n") -> None:
        """End a block: two newlines, unless the text is empty or already ends so."""
        if self.length == 0:
            return
        tail = self.parts[-1] if self.parts else ""
        if tail.endswith(separator):
            return
        self.glue(separator, src_pos, src_pos)

    def text(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------- document


@dataclass(frozen=True)
class Region:
    """A part of the story in text offsets: headline, standfirst, byline, heading,
    paragraph, caption, blockquote, list, table, title (an HTML <title>)."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Directive:
    """A suppression comment found in the source. ``offset`` is the text offset where
    it takes effect; ``line`` its 1-based source line."""

    action: str  # "disable" | "enable" | "ignore" | "disable-next-line"
    rules: tuple[str, ...]  # empty = all rules
    offset: int
    line: int
    column: int


@dataclass
class Document:
    path: str
    source: str
    text: str
    map: SourceMap
    regions: list[Region] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    directives: list[Directive] = field(default_factory=list)
    # whole-file suppressions from front matter ("copylint: disable: [...]")
    file_disabled: tuple[str, ...] = ()
    # problems the reader met (broken UTF-8 ...): (rule id, message, source start, source end)
    notices: list[tuple[str, str, int, int]] = field(default_factory=list)
    # values written between quote marks (an HTML attribute, a YAML, TOML or JSON string)
    # as (source start, source end, the characters a fix there may not write: its own
    # quote mark, a backslash), so that --fix never ends a value early
    quoted: list[tuple[int, int, str]] = field(default_factory=list)
    format: str = "text"
    _lines: LineIndex | None = None

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.source)
        return self._lines

    @property
    def headline(self) -> Region | None:
        return next((r for r in self.regions if r.kind == "headline"), None)

    @property
    def date(self) -> _dt.date | None:
        """The story's date: front matter, HTML meta, else a dateline that gives its year."""
        value = self.fields.get("date")
        return value if isinstance(value, _dt.date) else None

    def regions_of(self, *kinds: str) -> list[Region]:
        return [r for r in self.regions if r.kind in kinds]

    def headline_spans(self) -> tuple[tuple[int, int], ...]:
        """Where the headlines are: single marks quote there (see text.quote_spans)."""
        return tuple((r.start, r.end) for r in self.regions if r.kind == "headline")

    def region_text(self, region: Region) -> str:
        return self.text[region.start:region.end]

    def location(self, start: int, end: int, message: str) -> "Location":
        """Text [start, end) as a place in the file, for a finding's related locations
        ("first copy", "the earlier age")."""
        s, e = self.map.span(start, end)
        line, col = self.lines.position(s)
        end_line, end_col = self.lines.position(e)
        return Location(self.path, line, col, end_line, end_col, message)

    def notes(self) -> list[Region]:
        """The story's correction and update notes ("Correction: An earlier version of this
        article misspelt..."): blocks of the body that open with such a marker."""
        return [r for r in self.regions if r.kind in BODY_KINDS and NOTE_RE.match(self.text, r.start, r.end)]


# how a correction, clarification, update or editor's note opens ("Correction:", "Update,
# April 1:", "Editor's note —", "An earlier version of this article...")
NOTE_RE = re.compile(
    r"[\s*_(\[]*(?:(?:corrections?|clarifications?|updated?|editor['’]?s['’]?[ \t]+notes?|note[ \t]+to[ \t]+readers)"
    r"(?:,[^:\n]{1,40})?[\s*_)\]]*(?:[:—–]|-[ \t])|(?:an?|the)[ \t]+(?:earlier|previous)[ \t]+version[ \t]+of[ \t]+this[ \t]+"
    r"(?:story|article|report|piece|item)\b|this[ \t]+(?:story|article|report|piece|item)[ \t]+(?:has[ \t]+been|was)[ \t]+"
    r"(?:corrected|amended|updated)\b)", re.IGNORECASE)
BODY_KINDS = ("paragraph", "heading", "list", "blockquote", "caption", "table")
FRONT_KINDS = ("headline", "standfirst", "byline")
HEAD_KINDS = ("headline", "title", "heading")  # where headline style applies


# --------------------------------------------------------------------------- hits and findings


@dataclass(frozen=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str = ""


@dataclass(frozen=True)
class Hit:
    """What a rule yields, in text offsets. ``replacement`` makes a fix; ``safe`` says
    whether ``--fix`` may apply it without ``--unsafe-fixes``."""

    start: int
    end: int
    message: str
    suggestions: tuple[str, ...] = ()
    replacement: str | None = None
    safe: bool = True
    rule: str | None = None  # overrides the rule's id (e.g. grammar.<LT id>)
    severity: Severity | None = None
    related: tuple[Location, ...] = ()
    link: str | None = None


@dataclass(frozen=True)
class Edit:
    """Replace source [start, end) (code-point offsets) by ``text``."""

    start: int
    end: int
    text: str
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class Fix:
    edits: tuple[Edit, ...]
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """Self-contained: formatters, the cache and the baseline never need the Document."""

    path: str
    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    related: tuple[Location, ...] = ()
    link: str | None = None
    matched: str = ""  # the source text the finding names
    line_text: str = ""  # the first source line, for carets and fingerprints (see line_excerpt)
    line_offset: int = 0  # code points of that line left out before line_text (a long line)
    start_offset: int = 0
    end_offset: int = 0

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        fix = None
        if self.fix is not None:
            fix = {
                "safe": self.fix.safe,
                "edits": [
                    {"line": e.line, "column": e.column, "end_line": e.end_line,
                     "end_column": e.end_column, "text": e.text}
                    for e in self.fix.edits
                ],
            }
        return {
            "path": self.path,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "matched": self.matched,
            "suggestions": list(self.suggestions),
            "fix": fix,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "end_line": r.end_line,
                 "end_column": r.end_column, "message": r.message}
                for r in self.related
            ],
            "link": self.link,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Finding":
        fix = None
        if d.get("fix"):
            fix = Fix(
                edits=tuple(
                    Edit(e.get("start", 0), e.get("end", 0), e["text"], e["line"], e["column"],
                         e["end_line"], e["end_column"])
                    for e in d["fix"]["edits"]
                ),
                safe=d["fix"].get("safe", True),
            )
        return cls(
            path=d["path"], rule=d["rule"], severity=Severity.parse(d["severity"]),
            message=d["message"], line=d["line"], column=d["column"], end_line=d["end_line"],
            end_column=d["end_column"], suggestions=tuple(d.get("suggestions", ())), fix=fix,
            related=tuple(Location(**r) for r in d.get("related", ())), link=d.get("link"),
            matched=d.get("matched", ""), line_text=d.get("line_text", ""), line_offset=d.get("line_offset", 0),
        )


def article_date(doc: Document, settings) -> _dt.date | None:
    """--date (or the config's date) wins; otherwise the date the reader found."""
    if isinstance(settings.date, _dt.date):
        return settings.date
    return doc.date
