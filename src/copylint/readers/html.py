"""HTML reader for CMS exports and saved pages.

The standard library's ``html.parser`` is used with ``convert_charrefs=False``: text and
each entity then arrive separately, and ``getpos()`` with the line index gives every
piece's exact offset, so decoded entities become glue for their own span and all other
text stays verbatim. (Lenient third-party parsers such as lxml or html5lib build a tree
but report no source offsets for text, which is the one thing a linter needs.)

Page furniture is skipped: script, style, nav, footer, aside, forms, code and pre, and a
``<header>`` unless it belongs to an ``<article>`` or ``<main>`` (where it holds the
headline and byline). Headline, standfirst, byline and date come from the page body
first, then from ``<meta>`` tags, ``<title>`` and JSON-LD; a value taken from an
attribute or JSON-LD is mapped to where it is written.
"""

from __future__ import annotations

import html as _html
import json
import re
from html.parser import HTMLParser
from typing import Any

from .. import tool_notices
from ..model import Document, LineIndex, Region, TextBuilder
from .common import DIRECTIVE_RE, coerce_date, directive_at, gc_paused, near_directive_notices
from .spans import PLACEHOLDER, Piece, align, footnote_mark, pieces_text, prose_pieces, truncate

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image"}
_SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "math",
         "pre", "form", "button", "select", "textarea", "iframe", "object", "canvas", "audio", "video",
         "datalist", "dialog"}
# not prose, but part of a sentence: a placeholder keeps the sentence readable
_INLINE_CODE = {"code", "kbd", "samp", "var"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
          "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head",
          "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "option", "p", "pre",
          "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "center"}
_CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
             "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
             "menu", "nav", "ol", "p", "pre", "section", "table", "ul", "li"}
_SELF_CLOSING_SIBLINGS = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"},
                          "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}
_STANDFIRST_CLASSES = {"standfirst", "dek", "deck", "subtitle", "subheadline", "sub-headline", "strapline",
                       "article-summary", "summary", "lede-summary", "article__standfirst", "article-dek"}
_BYLINE_CLASSES = {"byline", "article-byline", "article__byline", "author-byline"}
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
                  "reviewnewsarticle", "backgroundnewsarticle", "blogposting", "liveblogposting", "report",
                  "scholarlyarticle", "techarticle"}
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
              "publish-date", "dc.date.issued", "dc.date", "dcterms.created", "dcterms.issued",
              "sailthru.date", "parsely-pub-date", "article.published")
_MAX_DEPTH = 512
_TAG_KINDS = {"figcaption": "caption", "caption": "caption", "h1": "heading", "h2": "heading", "h3": "heading",
              "h4": "heading", "h5": "heading", "h6": "heading", "td": "table", "th": "table", "title": "title",
              "blockquote": "blockquote", "li": "list", "dd": "list", "dt": "list"}
_WS = " \t\n\r\f"
# white space holding a line break or a tab, tried from the first character of a run only
# (the look-behind): a try from a later one fails as the first did, after reading to the
# end of the run, quadratic in a long run of spaces
_WS_RUN = re.compile(r"(?<![ \t\n\r\f])[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*")
def _attribute_re(name: str) -> re.Pattern:
    """An attribute's value in a start tag, quoted either way or not at all."""
    return re.compile(rf"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


_CONTENT_ATTR = _attribute_re("content")
_ALT_ATTR = _attribute_re("alt")
# what a fix may not write in an attribute value quoted with " (group 1), ' (2) or not at all (3)
_ENDS_ATTRIBUTE = {1: '"', 2: "'", 3: " \t\n\r\f\"'=<>`"}
_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
# (tried from the first space of a run only: the leftmost match starts there anyway, and a
# try from each later space of a long run read to its end, quadratic)
_TITLE_SUFFIX = re.compile(r"(?<!\s)\s+[-|–—·•»]{1,2}\s+([^-|–—·•»]{1,60})$")

NOTICE_ID = tool_notices.HTML


def read_html(path: str, source: str) -> Document:
    with gc_paused(len(source)):
        return _read_html(path, source)


def _read_html(path: str, source: str) -> Document:
    lines = LineIndex(source)
    parse_src = source
    notices: list[tuple[str, str, int, int]] = []
    collector = None
    for _attempt in range(20):
        collector = _Collector(source, lines)
        failed_at = collector.run(parse_src)
        if failed_at is None:
            break
        # html.parser gives up on a few malformed declarations ("<![foo[", "<!DOCTYPE x [");
        # read that "<" as text and start again
        notices.append((NOTICE_ID, "malformed markup here was read as text", failed_at, failed_at + 1))
        parse_src = parse_src[:failed_at] + " " + parse_src[failed_at + 1:]
    assert collector is not None
    notices.extend(collector.notices)
    return _Assembler(path, source, lines, collector, notices).build()


# --------------------------------------------------------------------------- parsing


class _Element:
    """An open element. ``found`` maps each region kind its ancestors-or-self imply to
    the innermost tag implying it, so a block's kind is known without walking the stack."""

    __slots__ = ("tag", "skip", "found", "in_article")

    def __init__(self, tag: str, classes: frozenset, skip: bool, parent: "_Element | None") -> None:
        self.tag = tag
        self.skip = skip
        self.in_article = tag in ("article", "main") or (parent is not None and parent.in_article)
        own = {}
        kind = _TAG_KINDS.get(tag)
        if kind is not None:
            own[kind] = tag
        if classes & _BYLINE_CLASSES:
            own["byline"] = tag
        if classes & _STANDFIRST_CLASSES:
            own["standfirst"] = tag
        if parent is None:
            self.found = own
        else:
            self.found = {**parent.found, **own} if own else parent.found


class _Block:
    """Text between two block boundaries; its kind comes from the elements open when its
    first text arrived."""

    __slots__ = ("kind", "tag", "raw", "start")

    def __init__(self) -> None:
        self.kind: str | None = None
        self.tag = ""
        self.raw: list[tuple] = []  # ("t", s, e) | ("g", text, s, e) | ("br", s, e) | ("d", match, s)
        self.start = 0


class _Collector(HTMLParser):
    """One pass over the page: blocks of text, meta values, JSON-LD, comments, in order."""

    def __init__(self, source: str, lines: LineIndex) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.parsed = source
        self.starts = lines.starts
        self.stack: list[_Element] = []
        self.skipping = 0
        self.code_depth = 0
        self.code_start = 0
        self.items: list[tuple] = []  # ("block", _Block) | ("meta", key, value, pieces, offset) | ("dir", m, s)
        self.block = _Block()
        self.meta: dict[str, str] = {}
        self.times: list[tuple[int, str]] = []  # (priority, datetime)
        self.json_ld: list[tuple[Any, int, int]] = []  # (data, script start, script end)
        self.ld_start: int | None = None
        self.ld_parts: list[str] = []
        self.notices: list[tuple[str, str, int, int]] = []  # comments meant as suppressions that are none
        self.quoted: list[tuple[int, int, str]] = []  # attribute values read as text: see Document.quoted
        self.sups: list[tuple[_Block, int]] = []  # open <sup>: its block, and where its pieces begin

    def run(self, text: str) -> int | None:
        # ``text`` is the source with each "<" the parser gave up on blanked out: data is
        # compared with it, and mapped to the source, where that "<" stays as text
        self.parsed = text
        try:
            self.feed(text)
            self.close()
        except (AssertionError, ValueError, IndexError) as exc:  # html.parser's own give-ups
            del exc
            return self._offset()
        self._flush()
        return None

    def _offset(self) -> int:
        line, col = self.getpos()
        return min(self.starts[line - 1] + col, len(self.source))

    # ----------------------------------------------------------- blocks

    def _flush(self) -> None:
        if self.block.raw:
            self.items.append(("block", self.block))
        self.block = _Block()

    def _add(self, piece: tuple) -> None:
        block = self.block
        if block.kind is None and piece[0] != "d" and not (piece[0] == "t" and not self.source[piece[1]:piece[2]].strip(_WS)):
            block.kind, block.tag = self._kind()
            block.start = piece[1] if piece[0] in ("t", "br") else piece[2]
        block.raw.append(piece)

    def _kind(self) -> tuple[str, str]:
        if not self.stack:
            return "paragraph", ""
        found = self.stack[-1].found
        for kind in ("title", "caption", "heading", "table", "byline", "standfirst", "blockquote", "list"):
            if kind in found:
                return kind, found[kind]
        return "paragraph", self.stack[-1].tag if self.stack else ""

    # ----------------------------------------------------------- tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        a = {k.lower(): (v if v is not None else "") for k, v in attrs}
        if tag == "meta":
            self._meta(a, start)
            return
        if tag == "time" and a.get("datetime") and not self.skipping:
            pri = 0 if ("pubdate" in a or a.get("itemprop", "").lower() == "datepublished") else 1
            self.times.append((pri, a["datetime"]))
        elif a.get("itemprop", "").lower() == "datepublished" and (a.get("content") or a.get("datetime")):
            self.meta.setdefault("itemprop:datepublished", a.get("content") or a.get("datetime", ""))
        if tag == "script" and a.get("type", "").strip().lower() == "application/ld+json":
            raw = self.get_starttag_text() or ""
            self.ld_start = start + len(raw)
            self.ld_parts = []
        if tag == "br":
            if not self.skipping and not self.code_depth:
                self._add(("br", start, start + len(self.get_starttag_text() or "")))
            return
        if tag == "img" and a.get("alt", "").strip(_WS) and not self.skipping and not self.code_depth:
            self._alt_text(a["alt"], start)
        if tag in _VOID:
            if tag == "hr":
                self._flush()
            return
        if self.code_depth:
            if tag not in _BLOCK:
                if tag in _INLINE_CODE:
                    self.code_depth += 1
                return
            self._end_code(start)  # an unclosed <code> ends where a block starts
        if tag in _BLOCK:
            self._close_implied(tag)
            self._flush()
        skip = tag in _SKIP or "hidden" in a or a.get("aria-hidden", "").lower() == "true"
        if tag in _INLINE_CODE and not skip and not self.skipping:
            self.code_depth = 1
            self.code_start = start
            return
        if len(self.stack) >= _MAX_DEPTH and not skip:
            return  # like browsers, stop nesting deeper (and keep the work linear)
        parent = self.stack[-1] if self.stack else None
        if tag == "header" and parent is not None and parent.in_article:
            skip = False
        classes = frozenset(a.get("class", "").lower().split())
        self.stack.append(_Element(tag, classes, skip, parent))
        if skip:
            self.skipping += 1
        if tag == "q" and not self.skipping:
            self._quotation_mark(opening=True, start=start, end=start + len(self.get_starttag_text() or ""))
        if tag == "sup" and not self.skipping:
            self.sups.append((self.block, len(self.block.raw)))

    def _alt_text(self, value: str, start: int) -> None:
        """An image's alt text is copy readers hear from a screen reader: read as a caption,
        as a Markdown image standing alone is, when the image stands alone too. An image
        inside a sentence, a heading or a table cell stays out of the text, and so does an
        alt of one word."""
        if self.block.kind is not None or self._kind()[0] in ("title", "heading", "byline", "table"):
            return
        if " " not in value.strip(_WS):
            return  # "logo", "IMG_0042.jpg": a label or a file name, not a sentence
        pieces = self._attribute_pieces(_ALT_ATTR, value, start)
        if not pieces:
            return
        self._flush()
        block = _Block()
        block.kind, block.tag = "caption", "img"
        block.start = pieces[0][1] if pieces[0][0] == "v" else pieces[0][2]
        block.raw = [("t", p[1], p[2]) if p[0] == "v" else p for p in pieces]
        self.items.append(("block", block))

    def _attribute_pieces(self, attribute: re.Pattern, value: str, start: int) -> list[Piece]:
        """The pieces of an attribute's value in the tag that starts at ``start``."""
        m = attribute.search(self.get_starttag_text() or "")
        if m is None:
            return []
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        self.quoted.append((start + m.start(g), start + m.end(g), _ENDS_ATTRIBUTE[g]))
        return _attr_pieces(self.source, start + m.start(g), start + m.end(g), value)

    def _quotation_mark(self, opening: bool, start: int, end: int) -> None:
        """A ``<q>`` is a quotation a browser shows in marks (“ ”, and ‘ ’ inside another):
        its tags become those marks, as glue for the tag's span, so the rules that leave
        quotations alone see one. (An end tag is read before its element leaves the stack.)"""
        inner = sum(1 for el in self.stack if el.tag == "q") > 1
        marks = "‘’" if inner else "“”"
        self._add(("g", marks[0] if opening else marks[1], start, end))

    def _end_code(self, end: int) -> None:
        self.code_depth = 0
        self._add(("g", PLACEHOLDER, self.code_start, end))

    def _close_implied(self, tag: str) -> None:
        stack = self.stack
        if stack and stack[-1].tag == "p" and tag in _CLOSES_P:
            self._pop()
        siblings = _SELF_CLOSING_SIBLINGS.get(tag)
        if siblings and stack and stack[-1].tag in siblings:
            self._pop()

    def _pop(self) -> None:
        el = self.stack.pop()
        if el.skip:
            self.skipping -= 1

    def handle_endtag(self, tag: str) -> None:
        if self.code_depth:
            if tag in _INLINE_CODE:
                self.code_depth -= 1
                if self.code_depth == 0:
                    start = self._offset()
                    end = self.source.find(">", start)
                    self._end_code(len(self.source) if end < 0 else end + 1)
                return
            if tag not in _BLOCK:
                return
            self._end_code(self._offset())
        if tag == "script" and self.ld_start is not None:
            end = self._offset()
            try:
                data = json.loads("".join(self.ld_parts))
            except (ValueError, RecursionError):
                data = None
            if data is not None:
                self.json_ld.append((data, self.ld_start, end))
            self.ld_start = None
        if not any(el.tag == tag for el in self.stack):
            if tag == "p":  # a stray </p> ends a paragraph
                self._flush()
            return
        if tag in _BLOCK:
            self._flush()
        if tag == "sup" and self.sups:
            self._end_sup(*self.sups.pop())
        if tag == "q" and not self.skipping:
            start = self._offset()
            end = self.source.find(">", start)
            self._quotation_mark(opening=False, start=start, end=len(self.source) if end < 0 else end + 1)
        while self.stack:
            el = self.stack[-1]
            self._pop()
            if el.tag == tag:
                break

    def _end_sup(self, block: _Block, at: int) -> None:
        """Drop a footnote reference glued to the word before it (see footnote_mark)."""
        if block is not self.block or any(p[0] not in ("t", "g") for p in block.raw[at:]):
            return
        content = "".join(self.source[p[1]:p[2]] if p[0] == "t" else p[1] for p in block.raw[at:])
        before = ""
        for p in reversed(block.raw[:at]):
            if p[0] != "d":
                before = self.source[p[2] - 1] if p[0] == "t" else "\n" if p[0] == "br" else p[1][-1:]
                break
        if footnote_mark(content, before):
            del block.raw[at:]

    # ----------------------------------------------------------- text

    def handle_data(self, data: str) -> None:
        if self.ld_start is not None:
            self.ld_parts.append(data)
            return
        if self.skipping or self.code_depth:
            return
        s = self._offset()
        e = s + len(data)
        if self.parsed[s:e] != data:  # never expected; keep the text, mapped to its place
            self._add(("g", data, s, min(e, len(self.source))))
            return
        self._add(("t", s, e))

    def handle_entityref(self, name: str) -> None:
        self._entity("&" + name)

    def handle_charref(self, name: str) -> None:
        self._entity("&#" + name)

    def _entity(self, raw: str) -> None:
        """``raw`` is the reference as the parser read it; a ";" after it belongs to it."""
        if self.skipping or self.code_depth:
            return
        s = self._offset()
        if not self.source.startswith(raw, s):
            return
        e = s + len(raw)
        if self.source.startswith(";", e):
            e += 1
        raw = self.source[s:e]
        if self.ld_start is not None:
            self.ld_parts.append(raw)
            return
        text = _html.unescape(raw)
        if text == raw:
            self._add(("t", s, e))
        else:
            self._add(("g", text, s, e))

    def handle_comment(self, data: str) -> None:
        s = self._offset()
        m = DIRECTIVE_RE.match(self.source, s)
        if m is not None:
            self.block.raw.append(("d", m, s))
        elif self.source.startswith("<!--", s):
            self.notices.extend(near_directive_notices(self.source, s, s + len(data) + 7))

    # ----------------------------------------------------------- metadata

    def _meta(self, a: dict[str, str], start: int) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or "").strip().lower()
        if not key or "content" not in a:
            return
        value = a["content"]
        self.meta.setdefault(key, value)
        self.items.append(("meta", key, value, self._attribute_pieces(_CONTENT_ATTR, value, start), start))


def _attr_pieces(source: str, start: int, end: int, value: str) -> list[Piece]:
    """An attribute value as pieces: verbatim, with entities as glue; leading and
    trailing blanks dropped."""
    while start < end and source[start] in _WS:
        start += 1
    while end > start and source[end - 1] in _WS:
        end -= 1
    pieces: list[Piece] = []
    pos = start
    for m in _ENTITY.finditer(source, start, end):
        text = _html.unescape(m.group())
        if text == m.group():
            continue
        if m.start() > pos:
            pieces.append(("v", pos, m.start()))
        pieces.append(("g", text, m.start(), m.end()))
        pos = m.end()
    if end > pos:
        pieces.append(("v", pos, end))
    if pieces_text(pieces, source) != value.strip(_WS):
        return align(value.strip(_WS), source, start, end)
    return pieces


# --------------------------------------------------------------------------- assembling


class _Assembler:
    """Decides headline, standfirst and byline with the whole page known, then builds
    the text in source order."""

    def __init__(self, path: str, source: str, lines: LineIndex, c: _Collector,
                 notices: list[tuple[str, str, int, int]]) -> None:
        self.path = path
        self.source = source
        self.lines = lines
        self.c = c
        self.notices = notices
        self.b = TextBuilder()
        self.regions: list[Region] = []
        self.directives = []
        self.fields: dict[str, Any] = {}

    def build(self) -> Document:
        c = self.c
        blocks = [it[1] for it in c.items if it[0] == "block"]
        article = _article_json_ld(c.json_ld)
        # block kinds that depend on the page as a whole
        role: dict[int, str] = {}
        headline_block = next((b for b in blocks if b.kind == "heading" and b.tag == "h1" and self._has_text(b)), None)
        if headline_block is not None:
            role[id(headline_block)] = "headline"
        standfirst_block = next((b for b in blocks if b.kind == "standfirst" and self._has_text(b)), None)
        if standfirst_block is None and headline_block is not None:
            after = blocks[blocks.index(headline_block) + 1:]
            nxt = next((b for b in after if self._has_text(b)), None)
            if nxt is not None and nxt.kind == "heading" and nxt.tag == "h2":
                standfirst_block = nxt
        if standfirst_block is not None:
            role[id(standfirst_block)] = "standfirst"
        for b in blocks:
            if b.kind == "standfirst" and id(b) not in role:
                role[id(b)] = "paragraph"
        byline_blocks = [b for b in blocks if b.kind == "byline" and self._has_text(b)]
        title_block = next((b for b in blocks if b.kind == "title" and self._has_text(b)), None)

        # meta tags used as regions (only when the page body lacks the part)
        use_meta: dict[int, str] = {}
        metas = [it for it in c.items if it[0] == "meta"]
        headline_from = "h1" if headline_block is not None else None
        if headline_block is None:
            m = _first_meta(metas, ("og:title", "twitter:title", "headline"))
            if m is not None and m[3]:
                use_meta[id(m)] = "headline"
                headline_from = "meta"
            elif title_block is not None:
                role[id(title_block)] = "headline"
                headline_from = "title"
        if standfirst_block is None:
            m = _first_meta(metas, ("og:description", "description", "twitter:description"))
            if m is not None and m[3]:
                use_meta[id(m)] = "standfirst"
        if not byline_blocks:
            m = _first_meta(metas, ("author", "byl", "article:author", "dc.creator", "sailthru.author"))
            if m is not None and m[3] and not _is_url(m[2]):
                use_meta[id(m)] = "byline"

        ld_headline = None
        if headline_from is None and article is not None:
            ld_headline = _json_ld_string(self.source, c.json_ld, article, "headline")
            if ld_headline is not None:
                headline_from = "json-ld"

        # build the text in source order
        items = list(c.items)
        if ld_headline is not None:
            items.append(("ld", ld_headline))
            items.sort(key=_item_offset)
        for it in items:
            if it[0] == "block":
                block = it[1]
                self._block(block, role.get(id(block)) or block.kind or "paragraph")
            elif it[0] == "meta" and id(it) in use_meta:
                self._front(use_meta[id(it)], it[3])
            elif it[0] == "ld":
                self._front("headline", it[1])

        self._fields(metas, article, title_block)
        doc = Document(path=self.path, source=self.source, text=self.b.text(), map=self.b.map,
                       regions=self.regions, fields=self.fields, directives=self.directives,
                       notices=self.notices, format="html", quoted=self.c.quoted + _json_ld_strings(c.json_ld))
        doc._lines = self.lines
        return doc

    # ----------------------------------------------------------- pieces

    def _has_text(self, block: _Block) -> bool:
        return block.kind is not None

    def _normalize(self, block: _Block) -> list:
        """Collapse whitespace as a browser shows it: none at the ends, one between words
        (typed single spaces stay verbatim; newlines and runs across tags become glue)."""
        source = self.source
        out: list = []
        pending: tuple[int, int] | None = None
        started = False

        def flush_space() -> None:
            nonlocal pending
            if pending is not None and started:
                s, e = pending
                if e - s == 1 and source[s] == " ":
                    out.append(("v", s, e))
                else:
                    out.append(("g", " ", s, e))
            pending = None

        for p in block.raw:
            kind = p[0]
            if kind == "t":
                s, e = p[1], p[2]
                ls = s
                while ls < e and source[ls] in _WS:
                    ls += 1
                if ls == e:
                    pending = (pending[0], e) if pending else (s, e)
                    continue
                te = e
                while source[te - 1] in _WS:
                    te -= 1
                if ls > s:
                    pending = (pending[0], ls) if pending else (s, ls)
                flush_space()
                pos = ls
                for m in _WS_RUN.finditer(source, ls, te):
                    out.extend(prose_pieces(source, pos, m.start()))
                    out.append(("g", " ", m.start(), m.end()))
                    pos = m.end()
                out.extend(prose_pieces(source, pos, te))
                started = True
                pending = (te, e) if te < e else None
            elif kind == "g":
                flush_space()
                out.append(p)
                started = True
            elif kind == "br":
                pending = None
                if started:
                    out.append(("g", "\n", p[1], p[2]))
            elif kind == "d":
                out.append(p)
        return out

    def _block(self, block: _Block, kind: str) -> None:
        pieces = self._normalize(block)
        if block.kind == "title":  # "Headline - Site name": the site name is not the story's
            text = pieces_text([p for p in pieces if p[0] != "d"], self.source)
            pieces = _strip_title_suffix(pieces, text)
        b = self.b
        t0 = None
        for p in pieces:
            if p[0] == "d":
                self.directives.append(directive_at(p[1], p[2], b.length, self.lines))
                continue
            if t0 is None:
                b.separate(block.start)
                t0 = b.length
            if p[0] == "v":
                b.verbatim(self.source, p[1], p[2])
            else:
                b.glue(p[1], p[2], p[3])
        if t0 is not None and b.length > t0:
            self.regions.append(Region(kind, t0, b.length))
            if kind in ("headline", "standfirst", "byline") and kind not in self.fields:
                self.fields[kind] = b.text()[t0:b.length]

    def _front(self, kind: str, pieces: list[Piece]) -> None:
        if not pieces:
            return
        b = self.b
        b.separate(pieces[0][1] if pieces[0][0] == "v" else pieces[0][2])
        t0 = b.length
        for p in pieces:
            if p[0] == "v":
                b.verbatim(self.source, p[1], p[2])
            else:
                b.glue(p[1], p[2], p[3])
        if b.length > t0:
            self.regions.append(Region(kind, t0, b.length))
            self.fields.setdefault(kind, b.text()[t0:b.length])

    # ----------------------------------------------------------- fields

    def _fields(self, metas, article: dict | None, title_block) -> None:
        meta = self.c.meta
        f = self.fields
        if "headline" not in f:
            if article is not None and isinstance(article.get("headline"), str):
                f["headline"] = article["headline"].strip()
            elif meta.get("og:title"):
                f["headline"] = meta["og:title"].strip()
        if "standfirst" not in f:
            for key in ("og:description", "description"):
                if meta.get(key):
                    f["standfirst"] = meta[key].strip()
                    break
        if "byline" not in f:
            name = _json_ld_author(article) if article is not None else None
            if name:
                f["byline"] = name
            elif meta.get("author") and not _is_url(meta["author"]):
                f["byline"] = meta["author"].strip()
        date = coerce_date(meta.get(_DATE_META[0])) or coerce_date(meta.get("itemprop:datepublished"))
        if date is None and article is not None:
            date = coerce_date(article.get("datePublished"))
        if date is None:
            for key in _DATE_META[1:]:
                date = date or coerce_date(meta.get(key))
        if date is None and self.c.times:
            for _, value in sorted(self.c.times, key=lambda t: t[0]):
                date = coerce_date(value)
                if date is not None:
                    break
        if date is not None:
            f["date"] = date
        section = meta.get("article:section")
        if not section and article is not None:
            sec = article.get("articleSection")
            section = ", ".join(map(str, sec)) if isinstance(sec, list) else sec
        if section:
            f["section"] = str(section).strip()
        f["meta"] = dict(meta)
        if article is not None:
            f["json_ld"] = article


def _item_offset(it) -> int:
    if it[0] == "block":
        b = it[1]
        return b.start if b.kind is not None else (b.raw[0][2] if b.raw and b.raw[0][0] == "d" else b.start)
    if it[0] == "meta":
        return it[4]
    if it[0] == "ld":
        p = it[1][0]
        return p[1] if p[0] == "v" else p[2]
    return 0


def _first_meta(metas, keys: tuple[str, ...]):
    for key in keys:
        for m in metas:
            if m[1] == key and m[2].strip():
                return m
    return None


def _is_url(value: str) -> bool:
    return bool(re.match(r"\s*(?:https?:)?//", value))


def _strip_title_suffix(pieces: list, text: str) -> list:
    """"Headline - Site name" -> "Headline"."""
    m = _TITLE_SUFFIX.search(text)
    if m is None or len(m.group(1).split()) > 5 or m.start() == 0:
        return pieces
    return truncate([p for p in pieces if p[0] != "d"], m.start())


# --------------------------------------------------------------------------- JSON-LD


def _article_json_ld(found: list[tuple[Any, int, int]]) -> dict | None:
    def walk(node):
        if isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            yield node
            if "@graph" in node:
                yield from walk(node["@graph"])
            main = node.get("mainEntity")
            if isinstance(main, (dict, list)):
                yield from walk(main)

    for data, _s, _e in found:
        for node in walk(data):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
                return node
    return None


def _json_ld_string(source: str, found, article: dict, key: str) -> list[Piece] | None:
    value = article.get(key)
    if not isinstance(value, str) or not value.strip():
        return None
    pattern = re.compile(r'"' + re.escape(key) + r'"\s*:\s*"((?:[^"\\\n]|\\.)*)"')
    for _data, s, e in found:
        for m in pattern.finditer(source, s, e):
            try:
                decoded = json.loads('"' + m.group(1) + '"')
            except ValueError:
                continue
            if decoded != value:
                continue
            vs, ve = m.start(1), m.end(1)
            stripped = value.strip()
            if "\\" not in m.group(1):
                lead = len(value) - len(value.lstrip())
                return [("v", vs + lead, vs + lead + len(stripped))]
            return align(stripped, source, vs, ve)
    return None


def _json_ld_strings(found: list[tuple[Any, int, int]]) -> list[tuple[int, int, str]]:
    """JSON-LD scripts, each as one quoted value: a fix there may not write a double quote
    or a backslash (nor a line break) without escaping it."""
    return [(s, e, '"\\\n') for _data, s, e in found]


def _json_ld_author(article: dict) -> str | None:
    author = article.get("author")
    names = []
    for a in author if isinstance(author, list) else [author]:
        if isinstance(a, str) and not _is_url(a):
            names.append(a.strip())
        elif isinstance(a, dict) and isinstance(a.get("name"), str):
            names.append(a["name"].strip())
    return ", ".join(n for n in names if n) or None
