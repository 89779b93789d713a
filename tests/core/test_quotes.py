"""Direct quotations as the quote-skipping rules see them (copylint.text.quote_spans)."""

from __future__ import annotations

import random
import re

from copylint.text import _spoken, paired_quotations, quote_spans, single_quote_spans


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


def test_a_quotation_running_on_into_the_next_paragraph_quotes_the_rest_of_its_own():
    """News copy leaves a quotation open at a paragraph's end when the next paragraph
    opens with a quotation mark: the rest of the first paragraph is quoted too (a pack
    rule fixed "Kiev" to Kyiv inside one). A mark left open before a paragraph that
    opens with none is still no quotation."""
    text = ("Head\n\n“We were born in Kiev and we will die in Kiev. We stay.\n\n“We have been here,” he "
            "added.\n\nKiev is calm. He said “it is fine” and “we go on\n\n\"To the end,\" he said. "
            "He said “no\n\nMore.")
    assert _quoted(text) == ["“We were born in Kiev and we will die in Kiev. We stay.", "“We have been here,”",
                             "“it is fine”", "“we go on", '"To the end,"']


def test_running_on_quotations_agree_with_the_plain_statement() -> None:
    """One pass over paragraphs and paired quotations (a per-paragraph search of every
    quotation was quadratic: a 20 MB file took minutes): the same spans as the plain
    statement, on random text."""
    from copylint.text import _DOUBLE_CLOSE, _DOUBLE_OPEN_RE, _paired, _running_on

    def plainly(text, spans):
        out, start = [], 0
        for brk in re.finditer(r"\n[ \t]*\n\s*", text):
            end = brk.start()
            if text[brk.end():brk.end() + 1] in "“\"":
                last = max((e for s, e in spans if start <= s < end), default=start)
                opening = [m.start() for m in _DOUBLE_OPEN_RE.finditer(text, last, end)
                           if m.start() not in {s for s, _ in spans}]
                if opening:
                    out.append((opening[-1], end))
            start = brk.end()
        return out

    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice(["a", " ", "“", "”", '"', "\n\n", "\n", "."]) for _ in range(rng.randint(0, 60)))
        spans = _paired(text, 0, len(text), _DOUBLE_OPEN_RE, _DOUBLE_CLOSE, 20)
        assert _running_on(text, spans) == plainly(text, spans), text


def test_a_stray_quote_mark_looks_only_so_far_ahead():
    lines = ['He said "it is open'] + ["more words"] * 25 + ['and "closed" here.']
    text = "\n".join(lines)
    # 25 line breaks from the stray mark to the next one: too far to pair with it
    assert _quoted(text) == ['"closed"']


# The plain statement of what a quotation is, as regular expressions: correct, but a search
# from each unclosed opening mark runs to the end of its paragraph (quadratic).
_LINE = r"[^'‘’\n]*(?:(?<=\w)['’](?=\w)[^'‘’\n]*)*"  # apostrophes inside words pass
_SPEECH_BY_REGEX = re.compile(r"['‘](?<![\w'’‘]['‘])(?!(?i:\d\ds?|em|n|til|cause|tis|twas)\b)(?=[^\s'’])"
                              + _LINE + r"(?:\n(?![ \t]*\n)" + _LINE + r"){0,20}['’](?!\w)")
_DOUBLE_BY_REGEX = re.compile(r"“[^”\n]*(?:\n(?![ \t]*\n)[^”\n]*){0,20}”|"
                              r"\"(?<![\w]\")[^\"\n]*(?:\n(?![ \t]*\n)[^\"\n]*){0,20}\"")
_SINGLE_BY_REGEX = re.compile(r"(?<![\w])‘(?:[^’\n]|’(?=\w))*’(?!\w)|(?<![\w])'(?:[^'\n]|'(?=\w))*'(?!\w)")


def test_quotations_paired_in_one_pass_match_the_regular_expressions() -> None:
    rng = random.Random(11)
    marks = ["a", "b", " ", "\n", "\t", "“", "”", '"', "'", "‘", "’", ".", "\n\n", "\n \n", ",", ":", "em", "9"]
    for _ in range(20000):
        text = "".join(rng.choice(marks) for _ in range(rng.randint(0, 40)))
        doubles = text.replace("'", "").replace("‘", "").replace("’", "")
        assert paired_quotations(doubles) == [m.span() for m in _DOUBLE_BY_REGEX.finditer(doubles)], doubles
        singles = text.replace('"', "").replace("“", "").replace("”", "")
        assert paired_quotations(singles) == [m.span() for m in _SPEECH_BY_REGEX.finditer(singles)
                                        if _spoken(singles, *m.span())], singles
        i = rng.randint(0, len(text))
        j = rng.randint(i, len(text))
        assert single_quote_spans(text, i, j) == [m.span() for m in _SINGLE_BY_REGEX.finditer(text, i, j)], text
    # a quotation over 20 line breaks of one paragraph is none
    for _ in range(2000):
        text = "“" + "".join(rng.choice(["a", "\n", "\n", "”", " "]) for _ in range(rng.randint(0, 60)))
        assert paired_quotations(text) == [m.span() for m in _DOUBLE_BY_REGEX.finditer(text)], text


def test_speech_in_single_marks_is_a_quotation():
    text = "'We lost three of them,' he said. She wrote: 'Married a year #love'\n"
    assert _quoted(text) == ["'We lost three of them,'", "'Married a year #love'"]
    assert _quoted("He said: ‘I don’t know.’ Then he left.") == ["‘I don’t know.’"]


def test_apostrophes_and_scare_quotes_are_no_quotations():
    assert _quoted("In the '90s, Reuters' report on rock 'n' roll said 'rebel' MPs don't care.") == []
    # an opening mark after a stray one is where the search stops
    assert _quoted("The ‘deal was done,” he said, and then ‘Alex,’ she cried.") == ["‘Alex,’"]


def test_a_quotation_inside_another_is_left_to_the_outer_one():
    text = "He said \"she told me 'go home.' and left\" on Monday. 'He said \"no\" to me,' she said."
    assert _quoted(text) == ["\"she told me 'go home.' and left\"", "'He said \"no\" to me,'"]


def test_in_a_headline_single_marks_around_two_words_or_more_are_a_quotation():
    """Headlines quote in single marks with no closing punctuation inside ("‘First woman
    president’: Harris ...", "Trump said 'I don't effing care'"); in the body those stay
    scare quotes or titles, and one word in marks is a scare quote even in a headline."""
    text = "‘First woman president’: Harris sworn in as 'rebel' MPs vote\n\nShe called it ‘a new day’ in a talk.\n"
    head = (0, text.index("\n"))
    assert [text[s:e] for s, e in quote_spans(text, (head,))] == ["‘First woman president’"]
    assert quote_spans(text) == []
