"""Markdown reader: front matter fields, the first ``#`` heading as headline, and the
prose of every block, each piece mapped back to the exact place it was typed.

markdown-it-py gives each block its line range (``token.map``) and each inline token its
text, but no columns. Positions are recovered without ever searching the file: every
inline token's content is first aligned line by line with the block's own source lines,
then walked with a cursor that only moves forward, token by token, skipping exactly the
markup markdown-it consumed (emphasis markers, link brackets and destinations, escapes).

Not prose: code (fenced, indented, inline), link destinations, URLs, autolinks, raw HTML
and HTML comments, front-matter keys. Inline code, URLs and images inside a sentence
become one placeholder character (``spans.PLACEHOLDER``), so rules see neither the code
nor a hole where it was; so do the template tags static-site generators put in Markdown
(Hugo shortcodes ``{{< figure >}}``, Liquid and Jinja ``{% include %}``, ``{{ page.title }}``,
kramdown attribute lists ``{: .lede}``). A footnote marker (``[^1]``, and the label
opening its note) is dropped: it is a link, not a word or a figure of the sentence; so is
an inline ``<sup>`` footnote reference after a word (see spans.footnote_mark).
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from .. import tool_notices
from ..model import Document, LineIndex, Region, TextBuilder
from .common import (DIRECTIVE_RE, EARLIEST_DATE, FIELD_ALIASES, LATEST_DATE, coerce_date, directive_at,
                     front_matter_block_problem, front_matter_disabled, gc_paused, near_directive_notices,
                     placeholder_date)
from .frontmatter import read_front_matter
from .spans import PLACEHOLDER, emit_pieces, footnote_mark, pieces_text, url_spans

# what CommonMark trims from both ends of a paragraph (JavaScript's String.trim)
_TRIM = "\t\n\x0b\x0c\r \xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
        "\u2028\u2029\u202f\u205f\u3000"
_SPACE_NL = " \t\n"
# inline HTML whose content is not prose (the tags themselves never are)
_SKIP_TAGS = {"script", "style", "code", "kbd", "samp", "pre", "noscript", "svg", "math", "template", "textarea"}
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)")
_SUP_OPEN_RE = re.compile(r"<sup(?:\s[^<>]*)?>", re.I)
_SUP_CLOSE_RE = re.compile(r"</sup\s*>", re.I)
# The elements of HTML (the living standard's and the obsolete ones pages still carry).
# Markdown's raw-HTML syntax takes any "<Word ...>" for a tag, but a wire story's ticker
# or company in angle brackets ("American Express Co <AXP>", "<Shearson Lehman Brothers
# Inc>") is text: a name that is no element (nor a custom element, which has a hyphen)
# is read as the words it is.
_HTML_ELEMENTS = frozenset("""
a abbr acronym address area article aside audio b base basefont bdi bdo bgsound big blink
blockquote body br button canvas caption center cite code col colgroup data datalist dd del
details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd
keygen label legend li link listing main map mark marquee menu menuitem meta meter multicol
nav nextid nobr noembed noframes noscript object ol optgroup option output p param picture
plaintext portal pre progress q rb rp rt rtc ruby s samp script search section select slot
small source spacer span strike strong style sub summary sup svg math table tbody td template
textarea tfoot th thead time title tr track tt u ul var video wbr xmp
""".split())
_EMPHASIS = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}
# a company whose name begins with an element's ("<Mark Resources Inc>", "<Video Shopping
# Mall Inc>"): capitalised words where a tag's attributes would stand, none with a value
# (all words without values; one of them capitalised is tested apart: one pattern for both
# tried every split of the words, quadratic in a tag of thousands)
_COMPANY_RE = re.compile(r"<[A-Z][A-Za-z0-9]*(?:\s+[^\s=<>\"'`]+)+\s*>")
_CAPITALISED_WORD_RE = re.compile(r"\s[A-Z]")
# a ticker that is an element's name in capitals ("Sears <S>", "Du Pont <DD>")
_CAPITALS_TAG_RE = re.compile(r"<([A-Z][A-Z0-9]*)>")

_MD: dict[bool, MarkdownIt] = {}
# markdown-it tries every "[" as the start of a link label and reads on to its "]" or to the
# end of the paragraph: quadratic when thousands stay open or nest (100,000 "[" took 20 s).
# Past this many, the file is parsed without link and image syntax: a link's text is still
# prose and its URL still a placeholder, only the brackets stay in the text.
MAX_OPEN_BRACKETS = 2000
# CommonMark's preset gives up below 20 levels of nesting and drops the text there unread;
# 200 is far past any story and well inside Python's recursion limit
MAX_NESTING = 200
NOTICE_ID = tool_notices.MARKDOWN
_TOO_DEEP = "copylint_too_deep"  # env key: where markdown-it skipped blocks, (start, end of line)


def _parser(links: bool = True) -> MarkdownIt:
    md = _MD.get(links)
    if md is None:
        md = MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
        md.enable(["table", "strikethrough"])
        # keep entities and escapes as separate tokens, so each keeps its own source span
        md.disable("text_join")
        if not links:
            md.disable(["link", "image"])
        md.block.tokenize = _noting_skips(md.block.tokenize)
        _MD[links] = md
    return md


def _brackets_left_open(text: str) -> int:
    """How many "[" a link-label search would read far from: those never closed and
    those closed more than four deep, each counted once, in one pass."""
    if text.count("[") < MAX_OPEN_BRACKETS:
        return 0
    depth = far = 0
    for m in _BRACKET_RE.finditer(text):
        if m.group() == "[":
            depth += 1
        elif depth:
            far += depth > 4
            depth -= 1
    return far + depth


_BRACKET_RE = re.compile(r"[\[\]]")
_WORD_OR_SPACE_RE = re.compile(r"\S+|\s+")


def _noting_skips(tokenize):
    """markdown-it's block tokenizer skips, unread, every line it is given once it is
    MAX_NESTING levels deep; this one first notes in the parse's env where the skipped
    text starts, so the reader can say so. It makes markdown-it's own test, once per
    call: nothing is scanned twice."""
    def tokenize_noting(state, start_line: int, end_line: int) -> None:
        if state.level >= MAX_NESTING:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                start = state.bMarks[line] + state.tShift[line]
                state.env.setdefault(_TOO_DEEP, []).append((start, state.eMarks[line]))
        tokenize(state, start_line, end_line)
    return tokenize_noting


# a raw HTML block of prose holds an element made for it; a "<div>" of text alone is a
# promotion or a widget ("Subscribe to our newsletter"), as an embed or a script is
_HTML_PROSE_RE = re.compile(r"<(?:p|h[1-6]|li|dd|blockquote|figcaption|td|th)[\s>]", re.I)


def read_markdown(path: str, source: str) -> Document:
    with gc_paused(len(source)):
        return _MarkdownReader(path, source).read()


class _MarkdownReader:
    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.lines = LineIndex(source)
        self.b = TextBuilder()
        self.regions: list[Region] = []
        self.directives = []
        self.notices: list[tuple[str, str, int, int]] = []
        self.fields: dict[str, Any] = {}
        self.file_disabled: tuple[str, ...] = ()
        self.cell_cursor = 0  # where the previous table cell ended, to find the next one on its row

    # ------------------------------------------------------------------ document

    def read(self) -> Document:
        source = self.source
        # markdown-it turns "\r\n" into "\n", which would shift every offset; a space in
        # place of each "\r" keeps them (trailing spaces mean nothing to CommonMark here)
        parse_src = source.replace("\r", " ")
        fm = read_front_matter(source)
        if fm is not None:
            self._front_matter(fm)
            # the front matter stays in the parsed copy as blank lines, so lines still match
            head = re.sub(r"[^\n]", " ", parse_src[:fm.end])
            parse_src = head + parse_src[fm.end:]
        self.parse_src = parse_src
        self.env: dict[str, Any] = {}
        self.md = _parser(links=_brackets_left_open(parse_src) < MAX_OPEN_BRACKETS)
        tokens = self.md.parse(parse_src, self.env)
        self._blocks(tokens)
        self._too_deep()
        doc = Document(path=self.path, source=source, text=self.b.text(), map=self.b.map,
                       regions=self.regions, fields=self.fields, directives=self.directives,
                       file_disabled=self.file_disabled, notices=self.notices, format="markdown",
                       quoted=fm.quoted if fm is not None else [])
        doc._lines = self.lines
        return doc

    def _too_deep(self) -> None:
        """A notice at the start of each stretch markdown-it skipped as nested too deep
        (offsets in parse_src are the source's: it changes characters, never lengths)."""
        for start, end in self.env.get(_TOO_DEEP, ()):
            while end > start and self.parse_src[end - 1] in " \t":
                end -= 1  # (a "\r" read as a space)
            self.notices.append((NOTICE_ID, f"text nested {MAX_NESTING} levels deep or more (a quote counts "
                                            "one level, a list two) was not read: from here it is not checked",
                                 start, end))

    def _front_matter(self, fm) -> None:
        self.notices.extend(fm.notices)
        data = fm.data
        self.fields["front_matter"] = data
        self.file_disabled = front_matter_disabled(data)
        problem = front_matter_block_problem(data)
        if problem is not None:
            key = re.compile(r"^[ \t]*copylint\b", re.M).search(self.source, 0, fm.end)
            at = key.start() if key else 0
            self.notices.append((tool_notices.UNKNOWN_SUPPRESSION, problem, at, at + (len("copylint") if key else 0)))
        lower = {k.lower(): k for k in data}
        front: list[tuple[int, str, list]] = []
        for name, aliases in FIELD_ALIASES.items():
            keys = [lower[a.lower()] for a in aliases
                    if a.lower() in lower and data[lower[a.lower()]] not in (None, "", [], {})]
            if not keys:
                continue
            key = keys[0]
            if name in _ALSO_PUBLISHED:  # a "subtitle" beside a "description" is copy too
                for other in keys[1:]:
                    front.extend((_first_src(pieces), _ALSO_PUBLISHED[name], pieces)
                                 for pieces in fm.values.get(other, [])[:1])
            value = data[key]
            if name == "date":
                date = coerce_date(value)
                if date is not None:
                    self.fields["date"] = date
                elif (placeholder := placeholder_date(value)) and fm.values.get(key):
                    at = _first_src(fm.values[key][0])
                    shown = pieces_text(fm.values[key][0], self.source)
                    self.notices.append((tool_notices.FRONT_MATTER,
                                         f"{key} {placeholder} is outside the years copylint judges articles in "
                                         f"({EARLIEST_DATE.year} to {LATEST_DATE.year}), so it is taken for a "
                                         "placeholder; the story is checked without its date", at, at + len(shown)))
                elif isinstance(value, str) and fm.values.get(key):
                    at = _first_src(fm.values[key][0])
                    self.notices.append((tool_notices.FRONT_MATTER,
                                         f"{key} {value.strip()!r} is no date copylint can read (write it as 2024-03-14 "
                                         "or March 14, 2024); the story is checked without its date", at, at + len(value.strip())))
                continue
            found = fm.values.get(key, [])
            if name in ("headline", "standfirst", "byline") and found:
                texts = [pieces_text(p, self.source) for p in found]
                self.fields[name] = ", ".join(texts) if name == "byline" else texts[0]
                for pieces in (found if name == "byline" else found[:1]):
                    front.append((_first_src(pieces), name, pieces))
            elif isinstance(value, (list, tuple)):
                self.fields[name] = ", ".join(str(v) for v in value)
            elif not isinstance(value, dict):
                self.fields[name] = str(value).strip()
        for _, kind, pieces in sorted(front, key=lambda f: f[0]):
            self.b.separate(_first_src(pieces))
            t0, t1 = emit_pieces(self.b, self.source, pieces)
            if t1 > t0:
                self.regions.append(Region(kind, t0, t1))

    # ------------------------------------------------------------------ blocks

    def _blocks(self, tokens) -> None:
        containers: list[str] = []
        starts = self.lines.starts
        n = len(tokens)
        i = 0
        while i < n:
            t = tokens[i]
            ty = t.type
            if ty == "blockquote_open":
                containers.append("blockquote")
            elif ty in ("bullet_list_open", "ordered_list_open"):
                containers.append("list")
            elif ty in ("blockquote_close", "bullet_list_close", "ordered_list_close"):
                if containers:
                    containers.pop()
            elif ty in ("heading_open", "paragraph_open", "th_open", "td_open") and i + 1 < n \
                    and tokens[i + 1].type == "inline":
                inline = tokens[i + 1]
                i += 1
                if ty == "heading_open":
                    if t.tag == "h1" and not containers and "headline" not in self.fields:
                        kind = "headline"
                    else:
                        kind = "heading"
                    mode = "atx" if t.markup.startswith("#") else "lines"
                elif ty == "paragraph_open":
                    kind = "blockquote" if "blockquote" in containers else "list" if "list" in containers \
                        else "paragraph"
                    mode = "lines"
                    if _starts_with_image(inline.children or []):
                        kind = "caption"
                else:
                    kind, mode = "table", "cell"
                t0, t1 = self._inline_block(inline, mode, kind == "caption")
                if t1 > t0:
                    self.regions.append(Region(kind, t0, t1))
                    if kind == "headline":
                        self.fields["headline"] = self.b.text()[t0:t1]
            elif ty == "html_block" and t.map:
                s = starts[t.map[0]]
                e = starts[t.map[1]] if t.map[1] < len(starts) else len(self.source)
                for m in DIRECTIVE_RE.finditer(self.source, s, e):
                    self.directives.append(directive_at(m, m.start(), self.b.length, self.lines))
                self.notices.extend(near_directive_notices(self.source, s, e))
                self._html_block_prose(s, e)
            elif ty == "code_block" and t.map and i and self._footnote_before(tokens, i):
                # an indented paragraph after a footnote's definition goes on with the note
                # (GitHub and Pandoc read it so), not a block of code
                s = starts[t.map[0]]
                e = starts[t.map[1]] if t.map[1] < len(starts) else len(self.source)
                for m in _INDENTED_PARAGRAPH_RE.finditer(self.source, s, e):  # each paragraph of it
                    self.b.separate(m.start(1))
                    t0, t1 = self.b.verbatim(self.source, m.start(1), m.end(1))
                    self.regions.append(Region("paragraph", t0, t1))
            i += 1

    def _html_block_prose(self, s: int, e: int) -> None:
        """The prose of a raw HTML block of paragraphs, headings, lists, quotations,
        captions or tables (a CMS export's "<div><p>...</p></div>"), read as the HTML
        reader reads a page and placed at its own offsets in the file: skipped, a story
        exported that way was checked as empty. Its headings are headings (the story's
        headline comes from the front matter or the first "#")."""
        from .html import read_html

        raw = self.source[s:e]
        if not _HTML_PROSE_RE.search(raw):
            return  # a promotion's <div>, an embed's <iframe>, a <script>: no copy
        sub = read_html(self.path, raw)
        runs = sub.map
        k = 0
        for region in sub.regions:
            if region.kind == "title":
                continue  # a <title> in a block is no part of the story
            while k < len(runs.text_ends) and runs.text_ends[k] <= region.start:
                k += 1
            first = True
            t0 = None
            j = k
            while j < len(runs.text_starts) and runs.text_starts[j] < region.end:
                ts, te = max(runs.text_starts[j], region.start), min(runs.text_ends[j], region.end)
                src = s + runs.src_starts[j]
                if first:
                    self.b.separate(src)
                    t0, first = self.b.length, False
                if runs.verbatim[j]:
                    offset = src + ts - runs.text_starts[j]
                    self.b.verbatim(self.source, offset, offset + te - ts)
                else:
                    self.b.glue(sub.text[ts:te], src, s + runs.src_ends[j])
                j += 1
            if t0 is not None and self.b.length > t0:
                kind = "heading" if region.kind == "headline" else region.kind
                self.regions.append(Region(kind, t0, self.b.length))

    def _footnote_before(self, tokens, i: int) -> bool:
        """The block before token ``i`` is a footnote's definition ("[^a]: ...") or an
        indented paragraph that goes on with one."""
        j = i - 1
        while j >= 0 and tokens[j].type in ("paragraph_close", "inline"):
            j -= 1
        if j < 0 or not tokens[j].map:
            return False
        if tokens[j].type == "code_block":
            return self._footnote_before(tokens, j)
        line = self.lines.starts[tokens[j].map[0]]
        return tokens[j].type == "paragraph_open" and _FOOTNOTE_DEF_RE.match(self.source, line) is not None

    def _inline_block(self, tok, mode: str, caption: bool) -> tuple[int, int]:
        content = tok.content
        if not content or not tok.map:
            return self.b.length, self.b.length
        if mode == "atx":
            segs = self._segments_atx(content, tok.map[0])
        elif mode == "cell":
            segs = self._segments_cell(content, tok.map[0])
        else:
            segs = self._segments_lines(content, tok.map[0])
        self.b.separate(self.lines.starts[tok.map[0]])
        t0 = self.b.length
        walker = _InlineWalker(self, content, segs)
        walker.walk(tok.children or [], 0, len(content), caption)
        if mode == "cell":
            self.cell_cursor = walker.src_end(len(content))
        return t0, self.b.length

    # ------------------------------------------------------------------ content -> source

    def _line_bounds(self, line: int) -> tuple[int, int]:
        starts = self.lines.starts
        s = starts[line] if line < len(starts) else len(self.source)
        e = starts[line + 1] - 1 if line + 1 < len(starts) else len(self.source)
        return s, e

    def _segments_lines(self, content: str, first_line: int) -> tuple[list[int], list[int]]:
        """Each content line is a suffix of its source line (indentation, list and quote
        markers removed; the last line also lost trailing blanks), followed by the
        source's newline."""
        src = self.parse_src
        cst: list[int] = []
        sst: list[int] = []
        c = 0
        parts = content.split("\n")
        last = len(parts) - 1
        for k, part in enumerate(parts):
            ls, le = self._line_bounds(first_line + k)
            e = le
            if k == last:
                while e > ls and src[e - 1] in _TRIM:
                    e -= 1
            s = e - len(part)
            if s >= ls and src.startswith(part, s):
                cst.append(c)
                sst.append(s)
            else:
                bare = part.lstrip(" \t")
                pad = len(part) - len(bare)
                s = e - len(bare)
                cst.append(c)
                if s >= ls and src.startswith(bare, s):
                    sst.append(-1)
                    if bare:
                        cst.append(c + pad)
                        sst.append(s)
                else:
                    sst.append(-1)
            c += len(part) + 1
        return cst, sst

    def _segments_atx(self, content: str, line: int) -> tuple[list[int], list[int]]:
        src = self.parse_src
        ls, le = self._line_bounds(line)
        p = ls
        while p < le and src[p] in " \t":
            p += 1
        while p < le and src[p] == "#":
            p += 1
        while p < le and src[p] in " \t":
            p += 1
        if not src.startswith(content, p):
            p = src.find(content, ls, le)
        return [0], [p]

    def _segments_cell(self, content: str, line: int) -> tuple[list[int], list[int]]:
        """Table cells come in order along their row; a ``|`` inside a cell was typed
        ``\\|`` (markdown-it drops the backslash)."""
        src = self.parse_src
        ls, le = self._line_bounds(line)
        cursor = self.cell_cursor
        if not ls <= cursor <= le:
            cursor = ls
        pieces = content.split("|")
        typed = "\\|".join(pieces)
        p = src.find(typed, cursor, le)
        if p < 0:
            return [0], [-1]
        cst = [0]
        sst = [p]
        c = len(pieces[0])
        p += len(pieces[0])
        for piece in pieces[1:]:
            # content "|" at c was typed "\\|" at p
            cst.append(c)
            sst.append(p + 1)
            c += 1 + len(piece)
            p += 2 + len(piece)
        return cst, sst


# template tags of static-site generators (Hugo shortcodes, Liquid, Jinja, Nunjucks) and
# kramdown attribute lists; each stands for markup or for text rendered in its place (a tag
# is taken within one line, as an inline token holds one: a bounded search, never quadratic)
_TEMPLATE_RE = re.compile(r"\{\{<.{0,500}?>\}\}|\{\{%.{0,500}?%\}\}|\{%.{0,500}?%\}|\{\{.{0,500}?\}\}|\{#.{0,500}?#\}|\{:[^{}\n]{0,500}\}")
# a footnote's marker in the text, or the label that opens its note ("[^1]: ")
_FOOTNOTE_RE = re.compile(r"\[\^[^\]\s]{1,40}\](?::[ \t]*)?")
_FOOTNOTE_DEF_RE = re.compile(r"[ \t]{0,3}\[\^[^\]\s]{1,40}\]:")
# lines with words, after their indentation, up to a blank line
_INDENTED_PARAGRAPH_RE = re.compile(r"[ \t]*(\S[^\n]*?(?:\n[ \t]*\S[^\n]*?)*)[ \t\r]*(?=\n|$)")


def _not_prose(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, kind) of what in text[start:end] is no prose: URLs, template tags and
    footnote markers, in order, none inside another."""
    spans = [(s, e, "url") for s, e in url_spans(text, start, end)]
    if "{" in text[start:end]:
        spans += [(m.start(), m.end(), "template") for m in _TEMPLATE_RE.finditer(text, start, end)]
    if "[^" in text[start:end]:
        spans += [(m.start(), m.end(), "footnote") for m in _FOOTNOTE_RE.finditer(text, start, end)]
    if len(spans) < 2:
        return spans
    spans.sort(key=lambda span: (span[0], -span[1]))
    kept = [spans[0]]
    for span in spans[1:]:
        if span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _first_src(pieces) -> int:
    for p in pieces:
        return p[1] if p[0] == "v" else p[2]
    return 0


def _starts_with_image(children) -> bool:
    for t in children:
        if t.type == "text" and not t.content.strip():
            continue
        return t.type == "image"
    return False


# front-matter fields with several keys for one part (FIELD_ALIASES): the first key
# present gives the part; the others are published copy as well (a site shows the
# "subtitle", search engines the "description"), read as regions of this kind
_ALSO_PUBLISHED = {"headline": "title", "standfirst": "standfirst"}


class _InlineWalker:
    """Walks one inline token's children with a forward-only cursor in its content."""

    def __init__(self, reader: _MarkdownReader, content: str, segs: tuple[list[int], list[int]]) -> None:
        self.r = reader
        self.b = reader.b
        self.source = reader.source
        self.content = content
        self.closed_tags: dict[str, bool] = {}  # see _ticker_or_company
        self.cst, self.sst = segs
        self.states: dict[int, StateInline] = {}
        self.skip_tag: str | None = None
        self.skip_depth = 0
        self.skip_from = 0
        self.quote_depth = 0  # open inline <q> elements
        self.in_reference_label = 0  # inside a link label that is also its reference: see emit
        self.line_end: tuple[int, int, int] | None = None

    # ----------------------------------------------------------- mapping

    def src(self, c: int) -> int:
        """Source offset of content offset ``c`` (as a start)."""
        cst, sst = self.cst, self.sst
        i = max(bisect.bisect_right(cst, c) - 1, 0)
        s = sst[i]
        if s >= 0:
            return s + (c - cst[i])
        for j in range(i + 1, len(sst)):
            if sst[j] >= 0:
                return sst[j]
        for j in range(i - 1, -1, -1):
            if sst[j] >= 0:
                seg_end = cst[j + 1]
                return sst[j] + (seg_end - cst[j])
        return 0

    def src_end(self, c: int) -> int:
        """Source offset of content offset ``c`` (as an exclusive end)."""
        cst, sst = self.cst, self.sst
        i = bisect.bisect_left(cst, c) - 1
        if i < 0 or sst[i] < 0:
            return self.src(c)
        return sst[i] + (c - cst[i])

    def emit(self, a: int, z: int) -> None:
        """Append content[a:z]: verbatim where it is the source, else glue."""
        cst, sst, content, source, b = self.cst, self.sst, self.content, self.source, self.b
        n = len(cst)
        i = max(bisect.bisect_right(cst, a) - 1, 0)
        while a < z and i < n:
            seg_end = cst[i + 1] if i + 1 < n else len(content)
            pz = min(z, seg_end)
            if pz > a:
                piece = content[a:pz]
                s = sst[i]
                if s >= 0:
                    ss = s + (a - cst[i])
                    if source.startswith(piece, ss) and self.in_reference_label:
                        _emit_unfixable(b, source, ss, ss + len(piece))
                    elif source.startswith(piece, ss):
                        b.verbatim(source, ss, ss + len(piece))
                    else:
                        _emit_differing(b, source, piece, ss)
                else:
                    at = self.src(a)
                    b.glue(piece, at, at)
                a = pz
            i += 1

    def emit_text(self, a: int, z: int) -> None:
        for us, ue, markup in _not_prose(self.content, a, z):
            self.emit(a, us)
            if markup != "footnote":
                self.b.glue(PLACEHOLDER, self.src(us), self.src_end(ue))
            a = ue
        self.emit(a, z)

    def glue_here(self, text: str, c: int) -> None:
        at = self.src(c)
        self.b.glue(text, at, at)

    # ----------------------------------------------------------- walking

    def walk(self, children, cur: int, limit: int, caption: bool = False) -> int:
        c = self.content
        links: list[tuple[int, int]] = []
        in_autolink = False
        skip_to = -1  # children up to this one are read (a footnote's <sup> and its content)
        for k, t in enumerate(children):
            if k <= skip_to:
                continue
            ty = t.type
            if in_autolink:
                if ty == "link_close":
                    in_autolink = False
                continue
            if ty == "html_inline":
                s = c.find(t.content, cur, limit)
                if s < 0:
                    continue
                dropped = self._footnote_sup(children, k, s, limit) if self.skip_tag is None else None
                if dropped is not None:
                    cur, skip_to = dropped
                    continue
                cur = self._html_inline(t.content, s)
                continue
            if self.skip_tag is not None:
                continue  # inside inline <code>, <script>...
            if ty == "text":
                if not t.content:
                    continue
                s = c.find(t.content, cur, self._line_end(cur, limit))
                if s < 0:
                    self.glue_here(t.content, cur)
                    continue
                self.emit_text(s, s + len(t.content))
                cur = s + len(t.content)
            elif ty == "text_special":
                s = c.find(t.markup, cur, self._line_end(cur, limit))
                if s < 0:
                    self.glue_here(t.content, cur)
                    continue
                e = s + len(t.markup)
                if t.info == "escape":
                    # the escaped character itself is typed in the source, after the backslash
                    self.emit(s + (len(t.markup) - len(t.content)), e)
                else:
                    self.b.glue(t.content, self.src(s), self.src_end(e))
                cur = e
            elif ty in ("softbreak", "hardbreak"):
                s = c.find("\n", cur, limit)
                if s < 0:
                    self.glue_here("\n", cur)
                    continue
                self.emit(s, s + 1)
                cur = s + 1
            elif ty == "code_inline":
                s = c.find(t.markup, cur, limit)
                if s < 0:
                    self.glue_here(PLACEHOLDER, cur)
                    continue
                e = _code_end(c, s, len(t.markup), limit)
                self.b.glue(PLACEHOLDER, self.src(s), self.src_end(e))
                cur = e
            elif ty in _EMPHASIS:
                s = c.find(t.markup, cur, limit)
                if s >= 0:
                    cur = s + len(t.markup)
            elif ty == "link_open":
                if t.markup == "autolink" or t.info == "auto":
                    s = c.find("<", cur, limit)
                    e = c.find(">", s, limit) + 1 if s >= 0 else 0
                    if s >= 0 and e > 0:
                        self.b.glue(PLACEHOLDER, self.src(s), self.src_end(e))
                        cur = e
                    in_autolink = True
                    continue
                s = c.find("[", cur, limit)
                if s < 0:
                    links.append((cur, -1))
                    continue
                label_end = self._label_end(s, limit, nested=False)
                reference = label_end >= 0 and self._label_is_reference(s + 1, label_end, limit)
                if reference and _FOOTNOTE_RE.fullmatch(c, s, label_end + 1):
                    # "[^3]" whose note ("[^3]: Reuters.") CommonMark reads as a link's
                    # definition: a footnote marker still, dropped (not "said^3")
                    skip_to = next((j for j in range(k + 1, len(children)) if children[j].type == "link_close"),
                                   len(children))
                    cur = self._link_tail(s + 1, label_end, limit)
                    continue
                links.append((s + 1, label_end, reference))
                self.in_reference_label += reference
                cur = s + 1
            elif ty == "link_close":
                if links:
                    label_start, label_end, reference = links.pop()
                    self.in_reference_label -= reference
                    if label_end >= 0:
                        cur = self._link_tail(label_start, label_end, limit)
            elif ty == "image":
                s = c.find("![", cur, limit)
                if s < 0:
                    self.glue_here(PLACEHOLDER, cur)
                    continue
                label_end = self._label_end(s + 1, limit, nested=True)
                if label_end < 0:
                    cur = s + 2
                    continue
                end = self._link_tail(s + 2, label_end, limit)
                if caption:
                    reference = self._label_is_reference(s + 2, label_end, limit)
                    self.in_reference_label += reference
                    self.walk(t.children or [], s + 2, label_end)
                    self.in_reference_label -= reference
                else:
                    self.b.glue(PLACEHOLDER, self.src(s), self.src_end(end))
                cur = end
        return cur

    def _line_end(self, cur: int, limit: int) -> int:
        # cached: on a long line, searching for its end at every token would be quadratic
        cached = self.line_end
        if cached is not None and cached[0] <= cur <= cached[1] and cached[2] == limit:
            return cached[1]
        nl = self.content.find("\n", cur, limit)
        end = limit if nl < 0 else nl
        self.line_end = (cur, end, limit)
        return end

    def _html_inline(self, raw: str, s: int) -> int:
        e = s + len(raw)
        m = DIRECTIVE_RE.match(raw)
        if m:
            self.r.directives.append(directive_at(m, self.src(s), self.b.length, self.r.lines))
            return e
        if raw.startswith("<!--"):
            at = self.src(s)
            self.r.notices.extend(near_directive_notices(self.r.source, at, at + len(raw)))
        tag = _TAG_RE.match(raw)
        if tag is None:
            return e
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if self.skip_tag is not None:
            if name == self.skip_tag:
                self.skip_depth += -1 if closing else (0 if raw.rstrip().endswith("/>") else 1)
                if self.skip_depth <= 0:
                    self.skip_tag = None
                    self.b.glue(PLACEHOLDER, self.src(self.skip_from), self.src_end(e))
            return e
        if (name not in _HTML_ELEMENTS and "-" not in name) or (not closing and self._ticker_or_company(raw)):
            self.emit_text(s, e)  # "<AXP>": a ticker, not a tag
        elif not closing and name in _SKIP_TAGS and not raw.rstrip().endswith("/>"):
            self.skip_tag, self.skip_depth, self.skip_from = name, 1, s
        elif name == "br":
            self.b.glue("\n", self.src(s), self.src_end(e))
        elif name == "q" and not raw.rstrip().endswith("/>") and (self.quote_depth or not closing):
            self._quotation_mark(closing, s, e)
        return e

    def _footnote_sup(self, children, k: int, s: int, limit: int) -> tuple[int, int] | None:
        """When children[k], at content offset ``s``, opens a ``<sup>`` that is a footnote
        reference glued to a word (see footnote_mark): the content offset after its
        ``</sup>`` and the index of that closing child, to read on from; else None."""
        opening = children[k].content
        if not _SUP_OPEN_RE.fullmatch(opening):
            return None
        parts = []
        for j in range(k + 1, len(children)):
            t = children[j]
            if t.type == "html_inline" and _SUP_CLOSE_RE.fullmatch(t.content):
                close = self.content.find(t.content, s + len(opening), limit)
                tail = self.b.parts[-1] if self.b.parts else ""
                if close < 0 or not footnote_mark("".join(parts), tail[-1:]):
                    return None
                return close + len(t.content), j
            if t.type == "text":
                parts.append(t.content)
            elif t.type not in ("html_inline", "link_open", "link_close"):
                return None
        return None

    def _quotation_mark(self, closing: bool, s: int, e: int) -> None:
        """An inline ``<q>`` is a quotation shown in marks (“ ”, ‘ ’ inside another): its
        tags become those marks, as glue for the tag, as the HTML reader reads them."""
        if closing:
            self.quote_depth -= 1
        inner = self.quote_depth > 0
        if not closing:
            self.quote_depth += 1
        marks = "‘’" if inner else "“”"
        self.b.glue(marks[1] if closing else marks[0], self.src(s), self.src_end(e))

    def _ticker_or_company(self, raw: str) -> bool:
        """A tag with an element's name that a wire story writes for a company: its name
        in capitals with no closing tag in the paragraph ("Sears <S>", "<DD>"; "<B>bold</B>"
        is bold), or a name of capitalised words ("<Mark Resources Inc>")."""
        if _COMPANY_RE.fullmatch(raw) and _CAPITALISED_WORD_RE.search(raw):
            return True
        m = _CAPITALS_TAG_RE.fullmatch(raw)
        if m is None:
            return False
        name = m.group(1).lower()
        closed = self.closed_tags.get(name)
        if closed is None:  # (once per name and paragraph: a long one may hold many tickers)
            closed = self.closed_tags[name] = re.search(f"</{name}\\b", self.content, re.I) is not None
        return not closed

    def _state(self, limit: int) -> StateInline:
        state = self.states.get(limit)
        if state is None:
            state = StateInline(self.content, self.r.md, self.r.env, [])
            state.posMax = limit
            self.states[limit] = state
        return state

    def _label_end(self, bracket: int, limit: int, nested: bool) -> int:
        state = self._state(limit)
        return self.r.md.helpers.parseLinkLabel(state, bracket, not nested)

    def _label_is_reference(self, label_start: int, label_end: int, limit: int) -> bool:
        """A shortcut or collapsed reference link ("[goverment]", "[goverment][]"): its label
        is also the name of its definition, so a fix to its words would break the link."""
        tail = self._link_tail(label_start, label_end, limit)
        return self.content[label_end + 1:tail] in ("", "[]")

    def _link_tail(self, label_start: int, label_end: int, limit: int) -> int:
        """Where a link or image that markdown-it accepted ends: after ``(dest "title")``,
        ``[ref]``, ``[]`` or just the label (the same steps as markdown-it's link rule)."""
        src = self.content
        md = self.r.md
        pos = label_end + 1
        parse_reference = True
        if pos < limit and src[pos] == "(":
            parse_reference = False
            pos += 1
            while pos < limit and src[pos] in _SPACE_NL:
                pos += 1
            if pos >= limit:
                return label_end + 1
            res = md.helpers.parseLinkDestination(src, pos, limit)
            if res.ok:
                # markdown-it validates the normalised URL; only its scheme matters, and
                # normalising (punycode) costs more than the whole walk
                if md.validateLink(res.str):
                    pos = res.pos
                start = pos
                while pos < limit and src[pos] in _SPACE_NL:
                    pos += 1
                res = md.helpers.parseLinkTitle(src, pos, limit)
                if pos < limit and start != pos and res.ok:
                    pos = res.pos
                    while pos < limit and src[pos] in _SPACE_NL:
                        pos += 1
            if pos >= limit or src[pos] != ")":
                parse_reference = True
            pos += 1
        if parse_reference:
            if pos < limit and src[pos] == "[":
                end = md.helpers.parseLinkLabel(self._state(limit), pos)
                pos = end + 1 if end >= 0 else label_end + 1
            else:
                pos = label_end + 1
        return min(pos, limit)


def _emit_unfixable(b: TextBuilder, source: str, start: int, end: int) -> None:
    """source[start:end] as glue, a word or a run of spaces at a time: each word is still
    reported at its exact place, but no fix edits it (the engine fixes verbatim text only)."""
    for m in _WORD_OR_SPACE_RE.finditer(source, start, end):
        b.glue(m.group(), m.start(), m.end())


def _emit_differing(b: TextBuilder, source: str, piece: str, ss: int) -> None:
    """``piece`` was parsed from source[ss:ss+len(piece)] with single characters changed
    (a lone "\r" read as a space, NUL as U+FFFD): equal stretches stay verbatim."""
    n = len(piece)
    i = 0
    while i < n:
        j = i
        while j < n and ss + j < len(source) and source[ss + j] == piece[j]:
            j += 1
        b.verbatim(source, ss + i, ss + j)
        if j < n:
            b.glue(piece[j], min(ss + j, len(source)), min(ss + j + 1, len(source)))
            j += 1
        i = j


def _code_end(c: str, start: int, n: int, limit: int) -> int:
    """End of an inline code span whose opening run of ``n`` backticks is at ``start``."""
    p = start + n
    while True:
        q = c.find("`", p, limit)
        if q < 0:
            return limit
        r = q
        while r < limit and c[r] == "`":
            r += 1
        if r - q == n:
            return r
        p = r
