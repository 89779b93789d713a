"""The Markdown reader on a realistic story: fields, regions, what is not prose, and
positions that point at the exact characters in the file (LF and CRLF)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from copylint import lint_text
from copylint.config import Settings
from copylint.readers import read_text
from copylint.readers.spans import PLACEHOLDER
from helpers import assert_runs_exact, source_of

FIXTURES = Path(__file__).parent / "fixtures"
STORY = (FIXTURES / "story.md").read_text(encoding="utf-8")
RULES = Settings(select=["typo.repeated-word", "typo.double-space", "typo.space-before-punctuation",
                         "structure", "copylint"], languagetool=False)


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


@pytest.fixture(params=["lf", "crlf"])
def story(request):
    source = STORY if request.param == "lf" else _crlf(STORY)
    return read_text("story.md", source)


def test_front_matter_fields(story):
    f = story.fields
    assert f["headline"] == "Kharkiv tram depot reopens after repairs"
    assert f["standfirst"] == "The depot was damaged in 2022; the city says trams will run again on three routes."
    assert f["byline"] == "Iryna Melnyk, Tom O'Hara"
    assert f["date"] == dt.date(2024, 5, 14)
    assert f["section"] == "Cities"
    assert f["front_matter"]["tags"] == ["transport", "kharkiv"]
    assert story.file_disabled == ("typo.double-space",)
    assert story.format == "markdown"


def test_regions_in_order(story):
    got = [(r.kind, story.region_text(r)) for r in story.regions]
    assert got == [
        ("headline", "Kharkiv tram depot reopens after repairs"),
        ("standfirst", "The depot was damaged in 2022; the city says trams will run again on three routes."),
        ("byline", "Iryna Melnyk"),
        ("byline", "Tom O'Hara"),
        ("paragraph", "KHARKIV, Ukraine — The city's main tram depot reopened on Tuesday, two years after\n"
                      "it was hit, the mayor's office said in a statement\non its website."),
        ("paragraph", "Repairs cost ₴48 million — about $1.2m & more than planned. Engineers\n"
                      "replaced 1,200\u00a0metres of overhead wire."),
        ("paragraph", "Passengers had had enough of buses, one driver said."),
        ("blockquote", '"We waited a long time for this," said Olha Bondar, 61, who rides route 12.\n'
                       '"It feels like the city is coming back."'),
        ("heading", "What reopens first"),
        ("list", "Route 5, from the depot to Freedom Square"),
        ("list", "Route 12 to the northern districts"),
        ("list", f"Route 27 once the bridge is checked (see {PLACEHOLDER})"),
        ("table", "Route"), ("table", "Reopens"), ("table", "5"), ("table", "14 May"),
        ("table", "12"), ("table", "1 June"),
        ("paragraph", f"Officials asked riders to report faults by email at {PLACEHOLDER} or with the\n"
                      f"{PLACEHOLDER} command in the city app. Fares stay at ₴8 🚋."),
        ("caption", "Trams wait inside the repaired depot\nPhoto: city council press office"),
    ]


@pytest.mark.parametrize("not_prose", [
    "routes: [5", "not_prose", "indented code block", "example.org", "/fault", "City hall", "depot.jpg",
    "Subscribe", "promo", "tags", "transport", "copylint", "disable", "**", "&mdash;", "&amp;", "](", "`",
])
def test_markup_is_not_prose(story, not_prose):
    assert not_prose not in story.text


def test_front_matter_values_map_to_where_they_are_typed(story):
    head = story.headline
    s, e = story.map.span(head.start, head.end)
    assert story.lines.position(s) == (2, 9)  # inside the quotes of title: "..."
    assert story.source[s:e] == "Kharkiv tram depot reopens after repairs"
    byline = story.regions_of("byline")[1]
    assert source_of(story, byline.start, byline.end) == "Tom O'Hara"
    # the folded standfirst: each word is verbatim, the line break between is glue
    standfirst = story.regions_of("standfirst")[0]
    says = story.text.index("says", standfirst.start)
    assert source_of(story, says, says + 4) == "says"
    assert story.lines.position(story.map.source_start(says))[0] == 4


def test_every_word_maps_to_itself(story):
    assert_runs_exact(story)
    for word in ("Tuesday", "statement", "Engineers", "Bondar", "Freedom", "Reopens", "June", "Photo", "🚋"):
        i = story.text.index(word)
        assert source_of(story, i, i + len(word)) == word


def test_entities_are_glue_for_their_whole_span(story):
    i = story.text.index("—", story.text.index("Repairs"))
    assert source_of(story, i, i + 1) == "&mdash;"
    assert not story.map.is_verbatim(i, i + 1)
    j = story.text.index("\u00a0")
    assert source_of(story, j, j + 1) == "&nbsp;"


def test_suppression_comment_becomes_a_directive(story):
    (d,) = story.directives
    assert (d.action, d.rules, d.line, d.column) == ("ignore", ("typo.repeated-word",), 23, 1)
    paragraph = next(r for r in story.regions if story.region_text(r).startswith("Passengers"))
    assert story.text[d.offset:paragraph.start].strip() == ""


def test_first_heading_is_the_headline_without_a_title_field():
    doc = read_text("a.md", "Intro line? no.\n\n# Kyiv *budget* passes\n\nBody text.\n\n# Second h1\n")
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("paragraph", "Intro line? no."), ("headline", "Kyiv budget passes"),
        ("paragraph", "Body text."), ("heading", "Second h1")]
    assert doc.fields["headline"] == "Kyiv budget passes"


def test_setext_heading_and_hard_breaks():
    src = "Kyiv budget\npasses\n===\n\nLine one  \nline two\\\nline three\n"
    doc = read_text("a.md", src)
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("headline", "Kyiv budget\npasses"), ("paragraph", "Line one\nline two\nline three")]
    assert_runs_exact(doc)


def test_escapes_keep_the_escaped_character_verbatim():
    doc = read_text("a.md", r"Price \*not\* 5\_000 \[sic\] AT\&T" + "\n")
    assert doc.text == "Price *not* 5_000 [sic] AT&T"
    i = doc.text.index("[sic]")
    s, e = doc.map.span(i, i + 5)
    assert doc.source[s:e] == r"[sic\]"


def test_links_keep_text_drop_destinations():
    src = ('See [the report](<https://a.example/x y> "Title (draft)") and [the data][d], '
           '[d][] or [d]. [undefined][] Not a link: [x](\n\n[d]: https://d.example "D"\n')
    doc = read_text("a.md", src)
    assert doc.text == "See the report and the data, d or d. [undefined][] Not a link: [x]("


def test_nested_quote_and_list_markers_are_not_text():
    src = "> - first *point*\n>   continues\n> - second\n>\n> > inner quote\n"
    doc = read_text("a.md", src)
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("blockquote", "first point\ncontinues"), ("blockquote", "second"), ("blockquote", "inner quote")]
    i = doc.text.index("continues")
    s, e = doc.map.span(i, i + 9)
    assert doc.lines.position(s) == (2, 5) and doc.source[s:e] == "continues"


def test_table_cell_with_escaped_pipe():
    src = "| Name | Note |\n|---|---|\n| Kyiv | a \\| b |\n"
    doc = read_text("a.md", src)
    assert [doc.region_text(r) for r in doc.regions] == ["Name", "Note", "Kyiv", "a | b"]
    i = doc.text.index("a | b")
    assert source_of(doc, i, i + 5) == "a \\| b"
    assert source_of(doc, i + 2, i + 3) == "|"


def test_inline_html_and_comments():
    src = ("Text <span class='x'>kept</span> and <code>hidden()</code> plus "
           "<!-- copylint: disable typo --> after<br>next\n")
    doc = read_text("a.md", src)
    assert doc.text == f"Text kept and {PLACEHOLDER} plus  after\nnext"
    (d,) = doc.directives
    assert d.action == "disable" and doc.text[d.offset:].startswith(" after")


def test_malformed_front_matter_is_a_notice_and_the_body_is_read():
    src = "---\ntitle: [unclosed\nauthor: x\n---\n\n# Real headline\n\nBody.\n"
    doc = read_text("a.md", src)
    assert doc.fields.get("headline") == "Real headline"
    ((rule, message, s, e),) = doc.notices
    assert rule == "copylint.front-matter" and "YAML" in message
    assert 4 <= s <= src.index("\n---\n") + 1
    assert "unclosed" not in doc.text


def test_a_footnote_s_indented_paragraphs_are_read_as_its_text():
    """From a user audit: the second paragraph of a footnote (indented, as GitHub and
    Pandoc read it) was taken for code and never checked. An indented block elsewhere is
    still code."""
    src = ("Title here\n===\n\nBody ref[^a].\n\n[^a]: First footnote paragraph.\n\n"
           "    Second footnote paragraph with occured.\n\n    Third one, recieved.\n\nAfter it.\n\n    code blok\n")
    doc = read_text("a.md", src)
    assert doc.text.endswith("First footnote paragraph.\n\nSecond footnote paragraph with occured.\n\n"
                             "Third one, recieved.\n\nAfter it.")
    found = lint_text(src, "a.md", Settings(select=["typo.spelling"], languagetool=False))
    assert [(f.line, f.column, f.matched) for f in found] == [(8, 36, "occured"), (10, 16, "recieved")]


def test_a_doubled_apostrophe_in_single_quoted_front_matter_keeps_positions():
    """From a user audit: in title: 'The goverment''s plan' the finding stood one column
    left, over " goverment'", with no fix."""
    src = "---\ntitle: 'The goverment''s plan'\ndescription: 'Officials met in Kiev''s centre.'\n---\n\nBody.\n"
    found = lint_text(src, "a.md", Settings(select=["typo.spelling", "house.kyiv"], languagetool=False))
    assert [(f.line, f.column, f.matched, f.fix.edits[0].text) for f in found] == [
        (2, 13, "goverment", "government"), (3, 32, "Kiev", "Kyiv")]


def test_a_day_no_calendar_has_keeps_the_rest_of_the_front_matter():
    """A user's "date: 2024-02-30" dropped the whole front matter, headline and all, with
    "could not be read (ValueError)" at the opening fence. Now the notice is at the date,
    and the headline is still read."""
    src = "---\ntitle: Talks resume in Kiev\ndate: 2024-02-30\ntags: [a, b]\n---\n\nBody.\n"
    doc = read_text("a.md", src)
    assert doc.fields.get("headline") == "Talks resume in Kiev" and "date" not in doc.fields
    assert [(r, m, src[s:e]) for r, m, s, e in doc.notices] == [
        ("copylint.front-matter", "'2024-02-30' is not a real date; it was not used", "2024-02-30")]


@pytest.mark.parametrize("written, day", [("March 14, 2024", dt.date(2024, 3, 14)), ("14 March 2024", dt.date(2024, 3, 14)),
                                          ("Thursday, Sept. 3, 2020", dt.date(2020, 9, 3)),
                                          ("2024/03/14", dt.date(2024, 3, 14)), ("2024-03-14T09:30:00Z", dt.date(2024, 3, 14))])
def test_front_matter_dates_in_the_forms_newsrooms_write(written, day):
    doc = read_text("a.md", f"---\ntitle: Talks\ndate: {written}\n---\n\nBody.\n")
    assert doc.fields["date"] == day and doc.notices == []


def test_a_date_copylint_cannot_read_is_a_notice_at_it():
    """"14/03/2024" is the 14th of March to one desk and nothing to another: the story is
    checked without a date, and the notice says so where the date is written."""
    src = "---\ntitle: Talks\ndate: 14/03/2024\n---\n\nBody.\n"
    doc = read_text("a.md", src)
    ((rule, message, s, e),) = doc.notices
    assert "date" not in doc.fields and rule == "copylint.front-matter"
    assert src[s:e] == "14/03/2024" and "no date copylint can read" in message


def test_every_published_key_of_a_part_is_read_the_first_gives_the_part():
    """A site shows the "subtitle" and search engines the "description": both are copy.
    The first key present is the standfirst; the others are read too, each at its
    place; a second headline key is read as a title."""
    src = ("---\ntitle: Storm hits coast\nheadline: Storm hits the coast hard\n"
           "description: The goverment said the storm was severe.\nsubtitle: Residents recieve warnings\n---\n\n"
           "The storm hit on Monday.\n")
    doc = read_text("a.md", src)
    assert doc.fields["headline"] == "Storm hits coast"
    assert doc.fields["standfirst"] == "The goverment said the storm was severe."
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("headline", "Storm hits coast"), ("title", "Storm hits the coast hard"),
        ("standfirst", "The goverment said the storm was severe."), ("standfirst", "Residents recieve warnings"),
        ("paragraph", "The storm hit on Monday.")]
    i = doc.text.index("recieve")
    assert source_of(doc, i, i + 7) == "recieve"
    findings = lint_text(src, path="a.md", config=Settings(select=["typo.spelling"], languagetool=False))
    assert [(f.line, f.matched) for f in findings] == [(4, "goverment"), (5, "recieve")]


def test_front_matter_that_is_not_a_mapping():
    doc = read_text("a.md", "---\n- a\n- b\n---\nBody.\n")
    assert doc.notices[0][0] == "copylint.front-matter"
    assert doc.text == "Body."


def test_toml_front_matter():
    src = '+++\ntitle = "Odesa port reopens"\nauthor = ["Ann Lee"]\ndate = 2024-01-02\n+++\n\nBody.\n'
    doc = read_text("a.md", src)
    assert doc.fields["headline"] == "Odesa port reopens"
    assert doc.fields["date"] == dt.date(2024, 1, 2)
    assert [(r.kind, doc.region_text(r)) for r in doc.regions] == [
        ("headline", "Odesa port reopens"), ("byline", "Ann Lee"), ("paragraph", "Body.")]
    assert source_of(doc, 0, 18) == "Odesa port reopens"


def test_yaml_escapes_become_glue():
    doc = read_text("a.md", "---\ntitle: 'It''s the \"end\"'\n---\n")
    assert doc.fields["headline"] == "It's the \"end\""
    assert doc.text == "It's the \"end\""
    i = doc.text.index("the")
    assert source_of(doc, i, i + 3) == "the"


def test_unclosed_fence_is_not_front_matter():
    doc = read_text("a.md", "---\nJust a rule above.\n")
    assert doc.text == "Just a rule above." and not doc.notices


@pytest.mark.parametrize("crlf", [False, True])
def test_findings_point_at_the_source(crlf):
    src = ("---\ntitle: The the budget\n---\n\nThe *council* voted voted on `code code` "
           "[the the](http://x.example) Tuesday ,\nsaid the the mayor &amp; &amp; staff.\n")
    if crlf:
        src = _crlf(src)
    findings = lint_text(src, path="story.md", config=RULES)
    got = sorted((f.rule, f.line, f.column, f.end_line, f.end_column, f.matched) for f in findings)
    assert got == sorted([
        ("typo.repeated-word", 2, 11, 2, 15, " the"),
        ("typo.repeated-word", 5, 20, 5, 26, " voted"),
        ("typo.repeated-word", 5, 46, 5, 50, " the"),  # inside the link text
        ("typo.space-before-punctuation", 5, 77, 5, 78, " "),
        ("typo.repeated-word", 6, 9, 6, 13, " the"),
    ])
    lines = src.splitlines()
    for f in findings:
        assert lines[f.line - 1][f.column - 1:f.end_column - 1] == f.matched
        assert f.fix is not None


def test_text_nested_deeper_than_commonmark_presets_allow_is_still_read():
    # markdown-it's CommonMark preset stops at 20 levels and drops what is deeper unread:
    # a quote in a quote in ... (a reply chain pasted from email) lost its words
    source = "# Thread\n\n" + "> " * 30 + "It was the the end.\n"
    doc = read_text("a.md", source)
    assert "It was the the end." in doc.text
    findings = lint_text(source, "a.md", config=Settings(select=["typo.repeated-word"]))
    assert [(f.line, f.column, f.matched) for f in findings] == [(3, 71, " the")]


def test_text_nested_past_the_parser_limit_is_a_notice_where_it_starts():
    # markdown-it reads 200 levels of nesting (a quote counts one, a list two) and skips
    # what lies deeper unread: the reader says so at the first character it skipped
    source = "# Thread\n\n" + "> " * 250 + "The goverment met.\n\nBack on top.\n"
    doc = read_text("a.md", source)
    assert "goverment" not in doc.text and "Back on top." in doc.text
    ((rule, message, s, e),) = doc.notices
    assert rule == "copylint.markdown" and "200 levels" in message
    # 200 markers ("> ") were read; the 201st and all after it were not
    line_start = source.index(">")
    assert s == line_start + 2 * 200 and source[s:e] == "> " * 49 + "> The goverment met."

    findings = lint_text(source, "a.md", config=Settings(select=["typo", "copylint"], languagetool=False))
    assert [(f.rule, f.line, f.column) for f in findings] == [("copylint.markdown", 3, 401)]


def test_deep_lists_past_the_limit_are_a_notice_and_shallower_text_is_not():
    items = "".join("  " * i + f"- item {i}\n" for i in range(120))
    doc = read_text("a.md", "# Lists\n\n" + items)
    assert "item 98" in doc.text and "item 99" not in doc.text  # 99 lists in lists are read
    ((rule, _message, s, e),) = doc.notices
    source = "# Lists\n\n" + items
    assert source[s:e] == "item 99"
    assert read_text("a.md", "# Thread\n\n" + "> " * 199 + "Deep but read.\n").notices == []


def test_a_wire_ticker_in_angle_brackets_is_text_not_a_tag():
    """Markdown takes any "<Word>" for raw HTML, and the reader drops tags; but "<AXP>"
    after a company, or "<Shearson Lehman Brothers Inc>", is how wire copy names a
    company. Read as markup, they left "Co , rumoured" behind, and a space before the
    comma was reported on 32 Reuters stories of the 3,000-article corpus."""
    source = ("# Amex weighs Shearson spinoff\n\n"
              "American Express Co <AXP>, rumoured to weigh a spinoff of <Shearson Lehman Brothers Inc>, "
              "said it is <b>studying</b> ways to help it.<br>It declined to comment <my-card>further</my-card>.\n")
    doc = read_text("amex.md", source)
    assert "American Express Co <AXP>, rumoured" in doc.text
    assert "spinoff of <Shearson Lehman Brothers Inc>, said" in doc.text
    # HTML elements, and custom ones (a hyphen in the name), are still markup
    assert "it is studying ways to help it.\nIt declined to comment further." in doc.text
    at = doc.text.index("<AXP>")
    assert doc.map.span(at, at + 5) == (source.index("<AXP>"), source.index("<AXP>") + 5)
    findings = lint_text(source, path="amex.md", config=RULES)
    assert [f.rule for f in findings] == []


def test_a_ticker_or_company_that_shares_an_elements_name_is_text():
    """Some tickers and company names are also HTML elements: Sears is <S>, Du Pont <DD>,
    "<Mark Resources Inc>" opens like <mark>. In capitals with no closing tag in the
    paragraph, or followed by capitalised words with no values, they are wire copy; the
    reader dropped them, leaving "owned by , said" (a space before the comma reported)."""
    source = ("# Sears and Du Pont\n\n"
              "Sears <S> rose, Du Pont <DD> fell and Precambrian, 89 pct owned by <Mark Resources Inc>, "
              "said <I P Sharp Associates Ltd> agreed.\n\n"
              "This is <B>bold</B>, <i>this</i> too, <input disabled> and <video controls> are markup.\n")
    doc = read_text("sears.md", source)
    assert ("Sears <S> rose, Du Pont <DD> fell and Precambrian, 89 pct owned by <Mark Resources Inc>, "
            "said <I P Sharp Associates Ltd> agreed.") in doc.text
    assert "This is bold, this too,  and  are markup." in doc.text
    findings = lint_text(source, path="sears.md", config=RULES)
    assert [f.rule for f in findings] == []


SITE_STORY = """---
title: "Council approves the budget"
---

{{< figure src="/img/chamber.jpg" caption="The chamber" >}}

The council approved the budget on Tuesday.[^1] Councillors voted 7-2.
{: .lede }

{% include related.html slug="budgett-vote" %}

The mayor thanked {{ site.author }} and 3 aides.[^aides]

[^1]: The vote was held in publc.
"""


def test_static_site_markup_is_no_prose() -> None:
    """Hugo shortcodes, Liquid and Jinja tags and kramdown attribute lists stand for
    markup or rendered text: one placeholder each. A footnote marker is dropped, so the
    sentence reads on and its number is no figure of the story; the note itself is prose."""
    doc = read_text("story.md", SITE_STORY)
    assert [doc.region_text(r) for r in doc.regions if r.kind == "paragraph"] == [
        PLACEHOLDER,
        f"The council approved the budget on Tuesday. Councillors voted 7-2.\n{PLACEHOLDER}",
        PLACEHOLDER,
        f"The mayor thanked {PLACEHOLDER} and 3 aides.",
        "The vote was held in publc.",
    ]
    assert_runs_exact(doc)
    start = doc.text.index("publc")
    assert source_of(doc, start, start + 5) == "publc"
    placeholder = doc.text.index(PLACEHOLDER, doc.text.index("thanked"))
    assert source_of(doc, placeholder, placeholder + 1) == "{{ site.author }}"


def test_footnote_markers_raise_no_findings() -> None:
    """Before, '[^1]' was a figure to spell out (house.numbers) and the slug inside the
    Liquid tag a misspelling; the typo in the note and the '3 aides' are still reported."""
    settings = Settings(select=["house.numbers", "typo.spelling"], languagetool=False)
    got = [(f.rule, f.line, f.column, f.matched) for f in lint_text(SITE_STORY, path="story.md", config=settings)]
    assert got == [("house.numbers", 12, 41, "3"), ("typo.spelling", 14, 28, "publc")]


def test_thousands_of_open_brackets_turn_link_syntax_off() -> None:
    """markdown-it reads from every "[" to its "]" or the paragraph's end, looking for a
    link label: with thousands left open that is quadratic. Past MAX_OPEN_BRACKETS the
    file is read without link syntax: the link's words are still prose, its URL still a
    placeholder, and every position still exact. Below it, links read as links."""
    from copylint.readers.markdown import MAX_OPEN_BRACKETS

    link = "\n\nSee [the reprot](http://example.com/a) now.\n"
    few = read_text("a.md", "[" * (MAX_OPEN_BRACKETS - 10) + link)
    assert few.text.endswith("See the reprot now.")
    many = read_text("a.md", "[" * MAX_OPEN_BRACKETS + link)
    assert many.text.endswith(f"See [the reprot]({PLACEHOLDER}) now.")
    assert_runs_exact(many)
    i = many.text.index("reprot")
    assert source_of(many, i, i + 6) == "reprot"


def test_an_inline_q_element_is_a_quotation_shown_in_marks():
    source = "# Envoy visits Kyiv\n\nThe envoy wrote: <q>I am happy to be in Kiev <q>today</q></q>, and she met officials in Kiev.\n"
    doc = read_text("q.md", source)
    assert "wrote: “I am happy to be in Kiev ‘today’”, and" in doc.text
    (f,) = lint_text(source, path="q.md", config=Settings(select=["house.kyiv"], languagetool=False))
    assert source.splitlines()[f.line - 1][f.column - 1:] == "Kiev."


def test_a_fix_never_breaks_a_link_whose_label_is_its_reference():
    """"[goverment]" and "[goverment][]" name their definition by their words: fixed to
    "[government]", the link lost its target and showed its brackets. Such a label is
    still reported at its place, with the word as a suggestion, never fixed; a full
    reference ("[Commitee][commitee]") or an inline link keeps its fix."""
    source = ("# Budget news\n\nThe [goverment] said, the [parliment][] agreed, the [Commitee][commitee] met "
              "and [recieved](https://r.example) it.\n\n"
              "[goverment]: https://gov.example\n[parliment]: https://parl.example\n[commitee]: https://c.example\n")
    doc = read_text("ref.md", source)
    assert "The goverment said, the parliment agreed, the Commitee met and recieved it." in doc.text
    findings = lint_text(source, path="ref.md", config=Settings(select=["typo.spelling"], languagetool=False))
    line = source.splitlines()[2]
    by_word = {line[f.column - 1:f.end_column - 1]: f for f in findings}
    assert set(by_word) == {"goverment", "parliment", "Commitee", "recieved"}
    assert by_word["goverment"].fix is None and by_word["parliment"].fix is None
    assert "government" in by_word["goverment"].suggestions
    assert by_word["Commitee"].fix is not None and by_word["recieved"].fix is not None


CMS_EXPORT = ("---\ntitle: Talks resume\n---\n\n<div class=\"article-body\">\n<p>The goverment said on "
              "<em>Tuesday</em> that Isreal &amp; Egypt met.</p>\n\n<p>Talks went on &mdash; recieve it.</p>\n"
              "</div>\n\n<h2>Next steps</h2>\n\n<script>var teh = \"goverment\";</script>\n\n<iframe src=\"x\"></iframe>\n\n"
              "A plain paragraph.\n")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_prose_of_raw_html_blocks_is_read_at_its_place(newline):
    """A CMS export wraps its story in "<div>" and "<p>" blocks, which Markdown passes
    through as raw HTML: the reader skipped them, so the story was checked as empty. Their
    prose is now read as an HTML page's is (entities decoded, script and embeds left out),
    each word mapped to its place in the file; the headline stays the front matter's."""
    source = CMS_EXPORT.replace("\n", newline)
    doc = read_text("story.md", source)
    assert_runs_exact(doc)
    assert doc.fields["headline"] == "Talks resume"
    kinds = [(r.kind, doc.text[r.start:r.end]) for r in doc.regions]
    assert kinds == [("headline", "Talks resume"),
                     ("paragraph", "The goverment said on Tuesday that Isreal & Egypt met."),
                     ("paragraph", "Talks went on — recieve it."),
                     ("heading", "Next steps"), ("paragraph", "A plain paragraph.")]
    found = lint_text(source, path="story.md", config=Settings(select=["typo.spelling"], languagetool=False))
    lines = source.split(newline)
    assert [(f.matched, lines[f.line - 1][f.column - 1:f.column - 1 + len(f.matched)]) for f in found] == \
        [("goverment", "goverment"), ("Isreal", "Isreal"), ("recieve", "recieve")]
    assert all(f.fix is not None for f in found)


def test_a_footnote_sup_after_a_word_is_dropped_as_a_footnote_marker_is():
    """Inline '<sup>1</sup>' after a word read as 'siad1' (passed over by the speller);
    like '[^1]' it is now dropped. A power after a figure and an ordinal's ending stay."""
    source = ("# Vote delayed\n\nThe mayor siad<sup>1</sup> no, and aides agreed.<sup>[2](#n2)</sup> "
              "It cost 10<sup>6</sup> on the 1<sup>st</sup>.\n")
    doc = read_text("sup.md", source)
    body = [doc.region_text(r) for r in doc.regions if r.kind == "paragraph"][0]
    assert body == "The mayor siad no, and aides agreed. It cost 106 on the 1st."
    assert_runs_exact(doc)
    got = [(f.line, f.column, f.matched) for f in lint_text(source, path="sup.md",
                                                             config=Settings(select=["typo.spelling"]))]
    assert got == [(3, 11, "siad")]


def test_a_footnote_whose_note_reads_as_a_link_definition_is_still_dropped():
    """A note of one word or a URL ("[^3]: Reuters.") is a link reference definition to
    CommonMark, which made every "[^3]" a link whose text "^3" stayed glued to the word
    before it ("rote^3"); it is dropped like any footnote marker."""
    source = ("# Vote delayed\n\nThe clerk rote[^3] it down and the mayor siad[^4] no.\n\n"
              "[^3]: Reuters.\n\n[^4]: https://example.com/minutes\n")
    doc = read_text("notes.md", source)
    assert doc.text.startswith("Vote delayed\n\nThe clerk rote it down and the mayor siad no.")
    assert_runs_exact(doc)
    i = doc.text.index("siad")
    assert source_of(doc, i, i + len("siad no")) == "siad[^4] no"
