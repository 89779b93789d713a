"""Direct quotations as the quote-skipping rules see them (copylint.text.quote_spans)."""

from __future__ import annotations

from copylint.text import quote_spans


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


def test_a_quotation_runs_over_the_line_breaks_of_a_wrapped_paragraph():
    text = 'The aide said: "The talks with\npresident Joe Biden are\na show," and left.\n'
    assert _quoted(text) == ['"The talks with\npresident Joe Biden are\na show,"']
    curly = "He said “we will\nrebuild” on Monday."
    assert _quoted(curly) == ["“we will\nrebuild”"]


def test_a_blank_line_ends_a_quotation_left_open():
    text = 'He said "we will rebuild\n\nThe next paragraph says "nothing" more.\n'
    assert _quoted(text) == ['"nothing"']


def test_a_stray_quote_mark_looks_only_so_far_ahead():
    lines = ['He said "it is open'] + ["more words"] * 25 + ['and "closed" here.']
    text = "\n".join(lines)
    # 25 line breaks from the stray mark to the next one: too far to pair with it
    assert _quoted(text) == ['"closed"']
