"""Property tests: random Markdown and HTML stories built from realistic constructs.

Each generated story comes with the prose a reader of the rendered page would see
(the oracle). For every story:
- the words of ``doc.text`` are exactly the oracle's words, and no markup leaks in
  (every non-prose token the generator writes contains "zq");
- every verbatim run of the source map is exactly the source it claims;
- every word lying inside a verbatim run maps back to a source slice equal to the word;
- end to end, every finding's (line, column)-(end_line, end_column) names exactly
  ``finding.matched`` in the source, and a fix edits exactly that text.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copylint import lint_text
from copylint.config import Settings
from copylint.readers import read_text
from copylint.text import WORD_RE

WORDS = ["Kyiv", "council", "budget", "Zelenskyy", "café", "naïve", "Київ", "Львів", "東京", "résumé",
         "Straße", "O'Hara", "𝔘nicode", "mayor", "the", "said", "Odesa", "İzmir", "ﬁnal"]
EMOJI = ["🚋", "👍🏽", "🇺🇦", "✅", "😀"]
RULES = Settings(select=["typo.repeated-word", "typo.double-space", "typo.space-before-punctuation",
                         "typo.unbalanced-brackets", "typo.unbalanced-quotes", "structure", "copylint"],
                 languagetool=False)
# COPYLINT_EXAMPLES=5000 for a longer hunt
EXAMPLES = int(os.environ.get("COPYLINT_EXAMPLES", "120"))
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# a suffix makes most words unique in a story, so each can be traced to where it was typed
word = st.builds(lambda w, suffix: w + suffix, st.sampled_from(WORDS), st.sampled_from(["", "", "q", "x", "qz", "zx", "xq"]))
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


# --------------------------------------------------------------------------- Markdown


@st.composite
def md_part(draw):
    """(markdown, prose) of one inline construct."""
    kind = draw(st.sampled_from(["word", "word", "emphasis", "link", "code", "entity", "escape", "span",
                                 "comment", "autolink", "url", "email", "emoji", "image", "footnote", "repeat"]))
    w = draw(word)
    if kind == "word":
        return w, w
    if kind == "footnote":  # a note's reference after a word is no part of it
        return draw(st.sampled_from([(f"{w}[^1]", w), (f"{w}<sup>2</sup>", w), (f"{w}.<sup>[3]</sup>", f"{w}.")]))
    if kind == "emphasis":
        p = draw(phrase)
        m = draw(st.sampled_from(["*", "**", "_", "~~", "***"]))
        return f"{m}{p}{m}", p
    if kind == "link":
        p = draw(phrase)
        title = draw(st.sampled_from(["", ' "zqtitle"', " 'zq title'", " (zq)"]))
        dest = draw(st.sampled_from(["http://example.com/zqurl", "<http://example.com/zq url>", "/zq(a)b"]))
        return f"[{p}]({dest}{title})", p
    if kind == "code":
        return draw(st.sampled_from([f"`zqcode {w}`", f"`` zq`{w} ``", "`zq`"])), ""
    if kind == "entity":
        return draw(st.sampled_from([("&amp;", "&"), ("&mdash;", "—"), ("caf&eacute;", "café"),
                                     ("Kyiv&#8217;s", "Kyiv’s"), ("&#x1F600;", "😀"), ("&nbsp;", "\u00a0"),
                                     ("AT&T", "AT&T")]))
    if kind == "escape":
        return draw(st.sampled_from([(f"\\*{w}\\*", f"*{w}*"), (f"\\[{w}\\]", f"[{w}]"), ("\\_", "_"),
                                     (f"\\#{w}", f"#{w}")]))
    if kind == "span":
        p = draw(phrase)
        return f'<span class="zqclass">{p}</span>', p
    if kind == "comment":
        return "<!-- zqcomment -->", ""
    if kind == "autolink":
        return "<https://example.com/zqauto>", ""
    if kind == "url":
        return "https://example.com/zqbare?a=1", ""
    if kind == "email":
        return "zqmail@example.com", ""
    if kind == "emoji":
        e = draw(st.sampled_from(EMOJI))
        return e, e
    if kind == "image":
        return "![zqalt](zqimg.png)", ""
    return f"{w} {w}", f"{w} {w}"


@st.composite
def md_line(draw, max_parts=5):
    first = draw(word)
    parts = draw(st.lists(md_part(), max_size=max_parts))
    md = " ".join([first] + [p[0] for p in parts])
    prose = " ".join([first] + [p[1] for p in parts])
    return md, prose


@st.composite
def md_paragraph_lines(draw, max_lines=3):
    lines = draw(st.lists(md_line(), min_size=1, max_size=max_lines))
    breaks = draw(st.lists(st.sampled_from(["\n", "  \n", "\\\n", "\n   "]), min_size=len(lines) - 1,
                           max_size=len(lines) - 1))
    return lines, breaks


def _join_lines(lines, breaks, prefix=""):
    md = prefix + lines[0][0]
    prose = lines[0][1]
    for (m, p), br in zip(lines[1:], breaks):
        md += br.replace("\n", "\n" + prefix) + m
        prose += "\n" + p
    return md, prose


@st.composite
def md_block(draw, previous: str):
    kinds = ["paragraph", "paragraph", "heading", "quote", "list", "ordered", "fence", "html", "html-prose",
             "directive", "table", "rule"]
    if previous not in ("list", "ordered"):
        kinds.append("indented")
    kind = draw(st.sampled_from(kinds))
    if kind == "paragraph":
        return kind, _join_lines(*draw(md_paragraph_lines()))
    if kind == "heading":
        md, prose = draw(md_line())
        return kind, ("#" * draw(st.integers(1, 6)) + " " + md + draw(st.sampled_from(["", " ##"])), prose)
    if kind == "quote":
        return kind, _join_lines(*draw(md_paragraph_lines()), prefix="> ")
    if kind in ("list", "ordered"):
        items = draw(st.lists(md_line(), min_size=1, max_size=3))
        continuation = draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))
        md, prose = [], []
        for n, ((m, p), more) in enumerate(zip(items, continuation)):
            marker = "- " if kind == "list" else f"{n + 1}. "
            line = marker + m
            text = p
            if more:
                m2, p2 = draw(md_line())
                line += "\n" + " " * len(marker) + m2
                text += "\n" + p2
            md.append(line)
            prose.append(text)
        return kind, ("\n".join(md), "\n\n".join(prose))
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````"]))
        return kind, (f"{fence}python\nzqfence = {draw(word)!r}\n{fence}", "")
    if kind == "indented":
        return kind, ("    zqindented code\n    more zq", "")
    if kind == "html":
        return kind, ('<div class="zqdiv">\nzqblock text\n</div>', "")
    if kind == "html-prose":  # a CMS export's paragraphs, headings, lists... as raw HTML
        return kind, draw(html_block(kinds=["p", "h2", "quote", "list", "figure", "table", "skip"],
                                     skipped=MARKDOWN_RAW_SKIPPED))
    if kind == "directive":
        return kind, ("<!-- copylint: disable typo.repeated-word -->", "")
    if kind == "rule":
        return kind, ("* * *", "")
    cols = draw(st.integers(1, 3))
    rows = draw(st.lists(st.lists(md_line(max_parts=1), min_size=cols, max_size=cols), min_size=1, max_size=3))
    md = ["| " + " | ".join(c[0] for c in row) + " |" for row in rows]
    md.insert(1, "|" + "---|" * cols)
    prose = "\n\n".join(c[1] for row in rows for c in row)
    return kind, ("\n".join(md), prose)


@st.composite
def md_front_matter(draw):
    lines, prose = ["---"], []
    title = draw(st.one_of(st.none(), phrase))
    if title is not None:
        style = draw(st.sampled_from(["plain", "double", "single"]))
        typed = {"plain": title, "double": f'"{title}"', "single": "'" + title.replace("'", "''") + "'"}[style]
        lines.append(f"title: {typed}")
        prose.append(title)
    if draw(st.booleans()):
        a, b = draw(phrase), draw(phrase)
        lines.append(f"description: >-\n  {a}\n  {b}")
        prose.append(f"{a} {b}")
    if draw(st.booleans()):
        names = draw(st.lists(phrase, min_size=1, max_size=2))
        lines.append("author: [" + ", ".join(f'"{n}"' for n in names) + "]")
        prose.extend(names)
    lines.append("zqtags: [zqone, zqtwo]")
    lines.append("date: 2024-05-14")
    lines.append("---")
    return "\n".join(lines), "\n\n".join(prose)


@st.composite
def markdown_story(draw):
    parts, prose = [], []
    if draw(st.booleans()):
        fm, fm_prose = draw(md_front_matter())
        parts.append(fm)
        prose.append(fm_prose)
    previous = ""
    for _ in range(draw(st.integers(1, 6))):
        previous, (md, p) = draw(md_block(previous))
        parts.append(md)
        prose.append(p)
    source = "\n\n".join(parts) + "\n"
    if draw(st.booleans()):
        source = source.replace("\n", "\r\n")
    return source, "\n\n".join(prose)


# --------------------------------------------------------------------------- HTML


@st.composite
def html_part(draw):
    kind = draw(st.sampled_from(["word", "word", "bold", "link", "code", "entity", "br", "comment", "span",
                                 "emoji", "url", "newline", "footnote", "repeat"]))
    w = draw(word)
    if kind == "word":
        return w, w
    if kind == "footnote":  # a note's reference after a word is no part of it
        return draw(st.sampled_from([(f"{w}<sup>2</sup>", w), (f'{w}.<sup><a href="#zqn">[3]</a></sup>', f"{w}.")]))
    if kind == "bold":
        p = draw(phrase)
        tag = draw(st.sampled_from(["b", "strong", "em", "i"]))
        return f"<{tag}>{p}</{tag}>", p
    if kind == "link":
        p = draw(phrase)
        return f'<a href="https://example.com/zqurl?a=1&amp;b=2" title="zq">{p}</a>', p
    if kind == "code":
        return draw(st.sampled_from(["<code>zqcode()</code>", "<kbd>zq</kbd>"])), ""
    if kind == "entity":
        return draw(st.sampled_from([("&amp;", "&"), ("caf&eacute;", "café"), ("Kyiv&rsquo;s", "Kyiv’s"),
                                     ("&#8212;", "—"), ("&#x1F600;", "😀"), ("&nbsp;", "\u00a0"),
                                     ("AT&T", "AT&T"), ("&lt;b&gt;", "<b>")]))
    if kind == "br":
        return f"<br>{w}", f"\n{w}"
    if kind == "comment":
        return "<!-- zqcomment -->", ""
    if kind == "span":
        p = draw(phrase)
        return f'<span class="zqclass">{p}</span>', p
    if kind == "emoji":
        e = draw(st.sampled_from(EMOJI))
        return e, e
    if kind == "url":
        return "https://example.com/zqbare", ""
    if kind == "newline":
        return f"\n      {w}", w
    return f"{w} {w}", f"{w} {w}"


@st.composite
def html_inline(draw):
    first = draw(word)
    parts = draw(st.lists(html_part(), max_size=5))
    return " ".join([first] + [p[0] for p in parts]), " ".join([first] + [p[1] for p in parts])


# blocks an HTML page holds that are no copy (in Markdown, those that open a raw HTML block)
MARKDOWN_RAW_SKIPPED = [
    "<nav><a href='/'>zqnav</a></nav>", "<script>var zq = '<p>zq</p>';</script>",
    "<style>.zq { color: red }</style>", "<pre>zqpre\n  code</pre>", "<aside><p>zqaside</p></aside>",
    "<footer><p>zqfooter</p></footer>", "<form><button>zqbutton</button></form>", "<!-- zqcomment -->"]
HTML_SKIPPED = MARKDOWN_RAW_SKIPPED + ["<noscript>zqnoscript</noscript>", '<svg><title>zqsvg</title></svg>']


@st.composite
def html_block(draw, kinds=("p", "p", "h1", "h2", "h3", "quote", "list", "figure", "table", "div",
                            "byline", "standfirst", "skip", "directive"), skipped=HTML_SKIPPED):
    kind = draw(st.sampled_from(kinds))
    if kind == "skip":
        return draw(st.sampled_from(skipped)), ""
    if kind == "directive":
        return "<!-- copylint: disable typo.repeated-word -->", ""
    html, prose = draw(html_inline())
    if kind in ("p", "h1", "h2", "h3", "div"):
        return f"<{kind}>{html}</{kind}>", prose
    if kind == "quote":
        return f"<blockquote>\n  <p>{html}</p>\n</blockquote>", prose
    if kind == "list":
        more, more_prose = draw(html_inline())
        close = draw(st.sampled_from(["</li>", ""]))  # </li> is optional in HTML
        return f"<ul>\n<li>{html}{close}\n<li>{more}</li>\n</ul>", f"{prose}\n\n{more_prose}"
    if kind == "figure":
        return f'<figure><img src="zq.jpg" alt="zqalt"><figcaption>{html}</figcaption></figure>', prose
    if kind == "table":
        more, more_prose = draw(html_inline())
        return f"<table><tr><th>{html}</th><td>{more}</td></tr></table>", f"{prose}\n\n{more_prose}"
    cls = "byline" if kind == "byline" else "standfirst"
    return f'<p class="{cls}">{html}</p>', prose


@st.composite
def html_story(draw):
    head, prose = [], []
    title = draw(st.one_of(st.none(), phrase))
    if title is not None:
        head.append(f"<title>{title}</title>")
        prose.append(title)
    head.append('<meta charset="utf-8"><link rel="stylesheet" href="zq.css">')
    body = []
    for _ in range(draw(st.integers(1, 6))):
        html, p = draw(html_block())
        body.append(html)
        prose.append(p)
    wrap = draw(st.sampled_from(["page", "article", "fragment"]))
    inner = "\n".join(body)
    if wrap == "article":
        # the site's header is furniture; the article's own header holds its headline
        own = draw(phrase)
        prose.insert(1 if title is not None else 0, own)
        inner = (f"<header class='site'><p>zqsite</p></header>\n<main><article>\n<header><h1>{own}</h1></header>\n"
                 f"{inner}\n</article></main>")
    if wrap == "fragment":
        source = "\n".join(head) + "\n" + inner + "\n"
    else:
        source = ("<!DOCTYPE html>\n<html lang='en'>\n<head>\n" + "\n".join(head) + "\n</head>\n<body>\n"
                  + inner + "\n</body>\n</html>\n")
    if draw(st.booleans()):
        source = source.replace("\n", "\r\n")
    return source, "\n\n".join(prose)


@st.composite
def html_page_with_meta(draw):
    """Pages whose meta tags may stand in for a missing headline, standfirst or byline."""
    source, _ = draw(html_story())
    metas = []
    for key in draw(st.lists(st.sampled_from(["og:title", "description", "og:description", "author",
                                              "article:published_time"]), max_size=4, unique=True)):
        value = draw(st.sampled_from([draw(phrase), "Kyiv &amp; Lviv", "caf&eacute; &#8212; naïve",
                                      "2024-02-03T10:00:00Z"]))
        attr = "property" if key.startswith(("og:", "article:")) else "name"
        quote = draw(st.sampled_from(['"', "'"]))
        metas.append(f"<meta {attr}={quote}{key}{quote} content={quote}{value}{quote}>")
    return source.replace("<meta charset", "\n".join(metas) + "<meta charset", 1)


# --------------------------------------------------------------------------- properties


def _offset(source: str, line: int, column: int) -> int:
    """(line, column) -> offset, counted here independently of LineIndex."""
    lines = source.split("\n")
    return sum(len(s) + 1 for s in lines[:line - 1]) + column - 1


def check_document(doc) -> None:
    text, source, m = doc.text, doc.source, doc.map
    runs = list(zip(m.text_starts, m.text_ends, m.src_starts, m.src_ends, m.verbatim))
    previous_end = 0
    for ts, te, ss, se, verbatim in runs:
        assert ts == previous_end  # runs tile the text
        previous_end = te
        if verbatim:
            assert text[ts:te] == source[ss:se]
        assert 0 <= ss <= se <= len(source)
    assert previous_end == len(text)
    spans = sorted((ss, se) for ts, te, ss, se, verbatim in runs if verbatim)
    for (_, a_end), (b_start, _) in zip(spans, spans[1:]):
        assert a_end <= b_start  # no source character is copied twice
    for match in WORD_RE.finditer(text):
        start, end = match.span()
        if m.is_verbatim(start, end):
            s, e = m.span(start, end)
            assert source[s:e] == match.group()
            if source.count(match.group()) == 1:
                assert s == source.index(match.group())  # found where it was typed, not elsewhere
    for r in doc.regions:
        assert 0 <= r.start < r.end <= len(text)
    for d in doc.directives:
        assert 0 <= d.offset <= len(text)
        s = _offset(source, d.line, d.column)
        assert source.startswith("<!--", s)


def check_findings(source: str, path: str) -> None:
    for f in lint_text(source, path=path, config=RULES):
        s = _offset(source, f.line, f.column)
        e = _offset(source, f.end_line, f.end_column)
        assert source[s:e] == f.matched
        if f.fix is not None:
            for edit in f.fix.edits:
                assert source[edit.start:edit.end] == f.matched
                assert (edit.line, edit.column, edit.end_line, edit.end_column) == \
                       (f.line, f.column, f.end_line, f.end_column)


@PROPERTY
@given(markdown_story())
def test_markdown_text_is_the_rendered_prose(story):
    source, prose = story
    doc = read_text("story.md", source)
    assert words(doc.text) == words(prose)
    assert "zq" not in doc.text
    check_document(doc)


@PROPERTY
@given(markdown_story())
def test_markdown_findings_name_their_source(story):
    check_findings(story[0], "story.md")


@PROPERTY
@given(html_story())
def test_html_text_is_the_rendered_prose(story):
    source, prose = story
    doc = read_text("story.html", source)
    assert words(doc.text) == words(prose)
    assert "zq" not in doc.text
    check_document(doc)


@PROPERTY
@given(html_page_with_meta())
def test_html_meta_values_map_back(source):
    doc = read_text("story.html", source)
    check_document(doc)
    assert "zq" not in doc.text
    check_findings(source, "story.html")


@PROPERTY
@given(html_story())
def test_html_findings_name_their_source(story):
    check_findings(story[0], "story.html")


@settings(max_examples=EXAMPLES * 2, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>!-[]()*_`&#;:/\\|\"' \n\r\tabc1é😀")), max_size=200))
def test_any_text_reads_without_error(source):
    for path in ("a.md", "a.html"):
        doc = read_text(path, source)
        check_document(doc)
