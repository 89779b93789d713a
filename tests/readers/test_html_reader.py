"""The HTML reader on a CMS export: page furniture skipped, fields from the body, meta
tags, <title> and JSON-LD, entities as glue, and positions exact in the file."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest

from copylint import lint_text
from copylint.config import Settings
from copylint.readers import read_text
from copylint.readers.spans import PLACEHOLDER
from helpers import assert_runs_exact, source_of

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = (FIXTURES / "cms_export.html").read_text(encoding="utf-8")
RULES = Settings(select=["typo.repeated-word", "typo.double-space", "typo.space-before-punctuation",
                         "structure", "copylint"], languagetool=False)


@pytest.fixture(params=["lf", "crlf"])
def page(request):
    source = PAGE if request.param == "lf" else PAGE.replace("\n", "\r\n")
    return read_text("story.html", source)


def test_fields(page):
    f = page.fields
    assert f["headline"] == "Odesa port handles record grain\u00a0exports"
    assert f["standfirst"] == ("Shipments rose 18% in March, the port authority said, despite drone "
                               "attacks & mines.")
    assert f["byline"] == "By Marta Kovalchuk · 2 April 2024"
    assert f["date"] == dt.date(2024, 4, 2)
    assert f["section"] == "Business"
    assert f["json_ld"]["@type"] == "NewsArticle"
    assert f["meta"]["og:title"] == "Odesa port handles record grain exports"
    assert page.format == "html"


def test_regions(page):
    got = [(r.kind, page.region_text(r)) for r in page.regions]
    assert got == [
        ("title", "Odesa port handles record grain exports"),
        ("headline", "Odesa port handles record grain\u00a0exports"),
        ("standfirst", "Shipments rose 18% in March, the port authority said, despite drone attacks & mines."),
        ("byline", "By Marta Kovalchuk · 2 April 2024"),
        ("paragraph", "ODESA, Ukraine — Ships carried 4.1\u00a0million tonnes of grain out of Odesa’s ports in "
                      "March, the most since the full-scale invasion began."),
        ("paragraph", "“It was was a good month,” said port official Andrii Lysenko."),
        ("caption", "Cranes at the port"),  # the image's alt text, which a screen reader reads out
        ("caption", "Cranes load a bulk carrier in Odesa. Photo: Harbour Post"),
        ("paragraph", f"Insurers still charge a premium, traders said. Use the {PLACEHOLDER} API for data."),
    ]


@pytest.mark.parametrize("furniture", [
    "Home", "Please enable JavaScript", "Related", "Danube", "raw data", "Sign up", "Email", "Topics",
    "©", "dataLayer", "not prose", "font-weight", "grain_exports", "The Harbour Post\n",
    "&amp;", "&nbsp;", "<",
])
def test_page_furniture_is_not_prose(page, furniture):
    assert furniture not in page.text


def test_words_map_to_themselves_and_entities_to_their_span(page):
    assert_runs_exact(page)
    for word in ("ODESA", "invasion", "Lysenko", "bulk", "Insurers", "Kovalchuk"):
        i = page.text.index(word)
        assert source_of(page, i, i + len(word)) == word
    i = page.text.index("’s ports")
    assert source_of(page, i, i + 1) == "&rsquo;"
    # a line break inside a paragraph reads as one space, standing for the whole gap
    j = page.text.index("of\u0020Odesa")
    gap = source_of(page, j + 2, j + 3)
    assert gap.strip() == "" and "\n" in gap


def test_directives(page):
    disable, enable = page.directives
    assert (disable.action, disable.rules, disable.line, disable.column) == ("disable", ("typo.repeated-word",), 41, 7)
    assert enable.action == "enable" and enable.line == 43
    quote = next(r for r in page.regions if page.region_text(r).startswith("“It was"))
    assert disable.offset <= quote.start and quote.end <= enable.offset


def test_suppressed_repeat_is_not_reported_but_positions_are_exact():
    findings = lint_text(PAGE, path="story.html", config=RULES)
    assert not [f for f in findings if f.rule == "typo.repeated-word"]
    src = PAGE.replace("<!-- copylint: disable typo.repeated-word -->", "")
    (f,) = [f for f in lint_text(src, path="story.html", config=RULES) if f.rule == "typo.repeated-word"]
    line = src.splitlines()[f.line - 1]
    assert line[f.column - 1:f.end_column - 1] == f.matched == " was"
    assert f.fix is not None


def test_headline_falls_back_to_og_title_mapped_to_the_attribute():
    src = ('<html><head><title>Other title | Site</title>'
           '<meta property="og:title" content="Kyiv &amp; Lviv sign deal"></head>'
           '<body><p>Body text.</p></body></html>')
    doc = read_text("a.html", src)
    assert doc.fields["headline"] == "Kyiv & Lviv sign deal"
    head = doc.headline
    assert doc.region_text(head) == "Kyiv & Lviv sign deal"
    assert source_of(doc, head.start, head.end) == "Kyiv &amp; Lviv sign deal"
    assert source_of(doc, head.start, head.start + 4) == "Kyiv"
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("title", "Other title"), ("headline", "Kyiv & Lviv sign deal"), ("paragraph", "Body text.")]


@pytest.mark.parametrize("title,headline", [
    ("Kyiv budget passes - The Daily Example", "Kyiv budget passes"),
    ("Kyiv budget passes | Daily", "Kyiv budget passes"),
    ("Kyiv - the budget - passes — News Site", "Kyiv - the budget - passes"),
    ("A headline with no site name", "A headline with no site name"),
])
def test_headline_falls_back_to_title_without_site_suffix(title, headline):
    doc = read_text("a.html", f"<title>{title}</title><p>Body.</p>")
    assert doc.fields["headline"] == headline
    assert doc.region_text(doc.headline) == headline
    assert source_of(doc, doc.headline.start, doc.headline.end) == headline


def test_headline_and_date_from_json_ld():
    src = ('<script type="application/ld+json">{"@type": ["NewsArticle"], '
           '"headline": "Mykolaiv water \\"restored\\" after two years", "datePublished": "2023-11-20",'
           ' "author": [{"name": "A. Writer"}, {"name": "B. Writer"}]}</script><p>Body.</p>')
    doc = read_text("a.html", src)
    assert doc.fields["headline"] == 'Mykolaiv water "restored" after two years'
    assert doc.fields["date"] == dt.date(2023, 11, 20)
    assert doc.fields["byline"] == "A. Writer, B. Writer"
    i = doc.text.index("water")
    assert source_of(doc, i, i + 5) == "water"
    j = doc.text.index('"restored"')
    assert "\\" in source_of(doc, j, j + 10)


def test_date_from_time_element():
    doc = read_text("a.html", '<p>Filed <time datetime="2022-02-24T05:00">24 Feb</time>.</p>')
    assert doc.fields["date"] == dt.date(2022, 2, 24)
    assert doc.text == "Filed 24 Feb."


def test_standfirst_from_h2_after_h1_and_byline_from_meta():
    src = ('<meta name="author" content="Ann Lee"><h1>Headline here</h1>\n<h2>The standfirst.</h2>'
           '<p>Body.</p><h2>A subheading</h2>')
    doc = read_text("a.html", src)
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("byline", "Ann Lee"), ("headline", "Headline here"), ("standfirst", "The standfirst."),
        ("paragraph", "Body."), ("heading", "A subheading")]


def test_whitespace_collapses_like_a_browser():
    src = "<p>\n  One <b>bold</b>   <i> word</i>\n\ttwo<br/>three  four </p>"
    doc = read_text("a.html", src)
    assert doc.text == "One bold word two\nthree  four"
    assert_runs_exact(doc)


@pytest.mark.parametrize("src", [
    "<![foo[ broken ]]><p>After the bad section.</p>",
    "<!DOCTYPE html [ <p>Still read.</p>",
    "<p>Unclosed <b>bold <i>italic<p>Next</div></span></p></p>",
    "</p></p><li>stray<td>cell",
    "<p>text &#xFFFFFFF; &#0; &bogus; &amp</p>",
    "<code>never closed<p>Para after.</p>",
    "<script>never closed",
    "<p>a</p><!-- unclosed comment",
    "<html><body><p>x" + "<div>" * 2000 + "deep",
    "",
])
def test_malformed_html_never_crashes(src):
    doc = read_text("a.html", src)
    assert_runs_exact(doc)
    for r in doc.regions:
        assert 0 <= r.start < r.end <= len(doc.text)


def test_malformed_declaration_is_read_on():
    doc = read_text("a.html", "<![foo[ broken ]]><p>After the bad section.</p>")
    assert "After the bad section." in doc.text
    assert doc.notices and doc.notices[0][0] == "copylint.html"


def test_markup_read_as_text_keeps_its_place_in_the_source():
    """The "<" the parser gave up on was blanked in the text it parsed, so that paragraph's
    text no longer matched the source and was mapped as one lump: the unclosed "[" of
    "<![foo[" was underlined over the whole paragraph."""
    src = "<html><body><p>Hello <![foo[ there</p><p>The goverment</p></body></html>"
    doc = read_text("a.html", src)
    assert_runs_exact(doc)
    assert "Hello <![foo[ there" in doc.text  # the "<" is read as text, as the notice says
    at = doc.text.index("[foo")
    assert source_of(doc, at, at + 1) == "[" and doc.map.span(at, at + 1)[0] == src.index("[foo")
    found = [(f.rule, f.column, f.end_column) for f in lint_text(src, path="a.html", config=Settings(
        select=["typo.unbalanced-brackets", "copylint.html"], languagetool=False))]
    assert found == [("copylint.html", 22, 23), ("typo.unbalanced-brackets", 24, 25),
                     ("typo.unbalanced-brackets", 28, 29)]


def test_code_unclosed_ends_at_next_block():
    doc = read_text("a.html", "<p>Run <code>never closed</p><p>Para after.</p>")
    assert doc.text == f"Run {PLACEHOLDER}\n\nPara after."


def test_white_space_runs_agree_with_the_plain_pattern():
    # the reader's runs of white space holding a break or a tab, tried from a run's first
    # character only, must be those of the plain pattern over a piece of text as the reader
    # passes it (white space stripped from both ends)
    from copylint.readers.html import _WS, _WS_RUN

    plain = re.compile(r"[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*")
    rng = random.Random(10)
    pieces = [" ", " ", "\t", "\n", "\r", "\f", "a", "b", "\u00a0"]
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        ls, te = len(text) - len(text.lstrip(_WS)), len(text.rstrip(_WS))
        if ls >= te:
            continue
        assert [m.span() for m in _WS_RUN.finditer(text, ls, te)] == \
            [m.span() for m in plain.finditer(text, ls, te)], text


# "Headline - Site name" in a <title>, stated plainly: right, but tried from every space of
# a long run of white space, each try reading to the run's end
_TITLE_SUFFIX_BY_REGEX = re.compile(r"\s+[-|–—·•»]{1,2}\s+([^-|–—·•»]{1,60})$")


def test_title_suffix_agrees_with_the_plain_pattern() -> None:
    from copylint.readers.html import _TITLE_SUFFIX

    rng = random.Random(3)
    pieces = [" ", " ", "\t", "\n", "-", "|", "–", "·", "a", "b", "Site", "x y"]
    for _ in range(30000):
        title = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        want, got = _TITLE_SUFFIX_BY_REGEX.search(title), _TITLE_SUFFIX.search(title)
        assert (want and (want.span(), want.group(1))) == (got and (got.span(), got.group(1))), title


def test_a_standalone_images_alt_text_is_read_as_a_caption_at_its_place():
    """Alt text is copy a screen reader reads out: an image standing alone (in a figure or
    a paragraph of its own) has its alt read as a caption, mapped into the attribute,
    entities and all. An image inside a sentence, in a heading, or with a one-word alt
    is left out, and a caption repeating the headline is no pasted headline."""
    src = ('<article><h1>Storm hits coast <img src="bolt.svg" alt="lightning bolt"></h1>'
           '<p>The storm hit <img src="i.png" alt="teh icon"> on Monday.</p>'
           '<figure><img src="y.jpg" alt="Storm hits coast"><figcaption>Storm hits coast</figcaption></figure>'
           "<p><img alt='Fire &amp; goverment crews at work' src=z.jpg></p><img src=logo.png alt=Logo></article>")
    doc = read_text("storm.html", src)
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("headline", "Storm hits coast"),
        ("paragraph", "The storm hit on Monday."),
        ("caption", "Storm hits coast"),
        ("caption", "Storm hits coast"),
        ("caption", "Fire & goverment crews at work"),
    ]
    assert_runs_exact(doc)
    findings = lint_text(src, path="storm.html", config=Settings(select=["typo.spelling", "structure"],
                                                                 languagetool=False))
    assert [(f.rule, f.matched) for f in findings] == [("typo.spelling", "goverment")]
    (f,) = findings
    assert src.splitlines()[f.line - 1][f.column - 1:f.end_column - 1] == "goverment"


Q_PAGE = """<html><body><article>
<h1>Envoy visits Kyiv</h1>
<p>The envoy wrote: <q>I am happy to be in Kiev <q>today</q></q>, and she met officials in Kiev.</p>
</article></body></html>
"""


def test_a_q_element_is_a_quotation_shown_in_marks_at_its_tags():
    doc = read_text("q.html", Q_PAGE)
    assert "wrote: “I am happy to be in Kiev ‘today’”, and" in doc.text
    assert_runs_exact(doc)
    opening = doc.text.index("“")
    assert source_of(doc, opening, opening + 1) == "<q>"
    closing = doc.text.index("”")
    assert source_of(doc, closing, closing + 1) == "</q>"
    config = Settings(select=["house.kyiv"], languagetool=False)
    # the quoted Kiev is the envoy's own word: only the writer's is reported, at its place
    (f,) = lint_text(Q_PAGE, path="q.html", config=config)
    assert (f.line, f.matched) == (3, "Kiev")
    assert Q_PAGE.splitlines()[2][f.column - 1:].startswith("Kiev.</p>")


def test_text_span_takes_a_source_span_back_to_the_text(page):
    """The HTML report shows a page as its text: each finding's source span goes back to
    the words it names, and a span in markup only to the place where the text resumes."""
    for m in re.finditer(r"\w+", page.text):
        assert page.map.text_span(*page.map.span(m.start(), m.end())) == m.span()
    tag = page.source.index("<p")
    start, end = page.map.text_span(tag, tag + 2)
    assert start == end and page.map.source_start(start) > tag


def test_a_footnote_sup_after_a_word_is_dropped_other_sups_stay():
    """'siad<sup>1</sup>' read as 'siad1', a word glued to a figure that the speller
    passes over, hiding the slip. A footnote's reference after a word or its full stop is
    dropped (as Markdown's [^1] is); a power after a figure, an ordinal's ending, a
    subscript and a note's own number at the start of its paragraph are kept."""
    source = ("<p>The mayor siad<sup>1</sup> no. Aides agreed.<sup><a href='#n2'>[2]</a></sup> "
              "Costs rose to 10<sup>6</sup> on the 1<sup>st</sup>, in CO<sub>2</sub> too.</p>\n"
              "<p><sup>1</sup> From the minutes.</p>\n")
    doc = read_text("sup.html", source)
    assert doc.text == ("The mayor siad no. Aides agreed. Costs rose to 106 on the 1st, in CO2 too.\n\n"
                        "1 From the minutes.")
    assert_runs_exact(doc)
    i = doc.text.index("siad")
    assert source_of(doc, i, i + len("siad no")) == "siad<sup>1</sup> no"
    got = [(f.line, f.column, f.matched) for f in lint_text(source, path="sup.html",
                                                             config=Settings(select=["typo.spelling"]))]
    assert got == [(1, 14, "siad")]
