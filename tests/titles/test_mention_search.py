"""The mention patterns on RE2 (people/search.py) match exactly as the Python patterns
they stand for: same matches, same spans of every group, in generated title phrases
and in real news. Python's engine is the oracle here: ``Patterns.prefix`` etc. are the
patterns mention finding ran on before."""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copylint.people import mentions
from copylint.people.kb import load_kb
from copylint.people.search import GROUPS, re2_name_start, space_chars
from helpers import SHARED_DATA

KINDS = ("prefix", "appositive", "lead", "lead_the")
NEWS = SHARED_DATA / "news"
# COPYLINT_EXAMPLES=5000 for a longer hunt
EXAMPLES = int(os.environ.get("COPYLINT_EXAMPLES", "300"))


@pytest.fixture(scope="module")
def pats():
    patterns = mentions.Patterns(load_kb())
    assert patterns._re2 is not None  # google-re2 is a dependency: the tests need it
    return patterns


def _spans(matches) -> list:
    return [(m.span(), tuple(m.span(g) for g in GROUPS)) for m in matches]


def _same(pats, text: str, start: int, end: int) -> int:
    """Compare both engines on ``text[start:end]``; the number of RE2 answers (not
    handed back to Python's engine)."""
    answered = 0
    for kind in KINDS:
        python = _spans(getattr(pats, kind).finditer(text, start, end))
        found = pats._re2.find(kind, text, start, end)
        if found is not None:
            answered += 1
            assert _spans(found) == python, (kind, start, end, text[start:end])
        assert _spans(pats.finditer(kind, text, start, end)) == python
    return answered


def test_space_class_is_pythons():
    """RE2 is told Python's \\s as a list of characters: it must be the whole list."""
    spaces = set(space_chars())
    assert {chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))} == spaces


def test_name_start_is_pythons():
    """What may begin a name, as RE2 is told it: the same as mentions._NAME_START."""
    import re2

    ours = re2.compile(re2_name_start())
    tails = ["", *space_chars(), "-", "x"]
    candidates = [chr(c) for c in range(0x3001)]
    candidates += [p + t for p in ("von", "de", "del", "al", "ibn", "dos") for t in tails]
    for text in candidates:
        assert bool(ours.fullmatch(text)) == bool(re.fullmatch(mentions._NAME_START, text)), repr(text)


def _vocabulary(kb) -> list[str]:
    titles = sorted(mentions._forms(kb.form_family, lower=True))
    places = sorted(kb.place_forms)
    quals = sorted(kb.qualifiers)
    return titles + titles + places + quals + sorted(kb.suffixes) + [
        "the", "The", "of", "'s", "’s", ",", ".", ";", ")", "Joe Biden", "Olaf Scholz", "von der Leyen",
        "Ávila", "Łukasz", "émile", "and", "andé", "who", "said", "told", "to", "today", "in", "inside", "x",
        "Harvard", "_", "-", "’", "VICE PRESIDENT", "del Castillo", "ibn Saud", "\u00a0", "!"]


SEPARATORS = [" ", " ", " ", "  ", "\n", " \n ", "\t", "-", "", "\n\n", "\u00a0", "\u2003", ", ", "'s ", "é"]


@st.composite
def phrases(draw, vocabulary):
    parts = draw(st.lists(st.tuples(st.sampled_from(vocabulary), st.sampled_from(SEPARATORS)), min_size=1, max_size=9))
    return "".join(w + sep for w, sep in parts)


def test_generated_title_phrases(pats):
    vocabulary = _vocabulary(pats.kb)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(phrases(vocabulary), st.integers(0, 40), st.integers(0, 40))
    def check(text, cut_start, cut_end):
        _same(pats, text, 0, len(text))
        start = min(cut_start, len(text))
        _same(pats, text, start, max(start, len(text) - cut_end))

    check()


def test_phrases_around_each_look_around(pats):
    """Cases where a look-around decides: a word character before "the" (the lead tries
    its "<place>'s" opening instead), before a title (no prefix match there), a closing
    word followed by a non-ASCII letter (Python's engine decides), and text RE2 cannot
    read."""
    texts = [
        "xthe US's President, Joe Biden, said", "the US's President, Joe Biden, said",
        "athe Netherlands’s Prime Minister, Mark Rutte, said", "Germany’s Chancellor, Olaf Scholz, said",
        "Macron, the president of France andé more", "Macron, the president of France and\u00a0more",
        "Macron, the President of France’s", "“Vice\nPresident”, VP, Prime Minister, Mark Rutte",
        "ÜGermany's Chancellor, Olaf Scholz, said", "former US Vice President, Ávila, said",
        "Chancellor Olaf\u00a0von\u2003Scholz", "x.President Joe Biden", "’President Joe Biden’",
        "the late   Prime\nMinister, Boris Johnson, said", "U.S.A.'s President-elect Biden",
        "\udc80 President Joe Biden, the president of the US, said",
    ]
    for text in texts:
        for i in range(len(text) + 1):
            for j in range(i, len(text) + 1):
                _same(pats, text, i, j)
    assert pats._re2.find("appositive", texts[4], 0, len(texts[4])) is None  # "andé": not RE2's to judge
    assert pats._re2.find("prefix", texts[-1], 0, len(texts[-1])) is None  # a lone surrogate


def test_lead_opening_on_a_place_after_a_failed_the():
    """A base where "the" can also begin a place: after "xthe" (no lead by "the"), the
    "<place>'s" opening is tried at the same place, as Python's engine does."""
    kb = SimpleNamespace(form_family={"President": "president"}, qualifiers={"former": "past"},
                         suffixes={"-elect": "elect"},
                         place_forms={"the Gambia": ("GM",), "the Gambia's": ("GM",), "Gambia's": ("GM",)})
    pats = mentions.Patterns(kb)
    text = "xthe Gambia's President, Adama Barrow, said; the Gambia's President, Adama Barrow, said"
    assert [m.span() for m in pats.lead.finditer(text)] == [(1, 25), (45, 69)]
    for i in range(len(text) + 1):
        for j in range(i, len(text) + 1):
            _same(pats, text, i, j)


def _news_paragraphs(limit: int) -> list[str]:
    texts = []
    for name in ("us_news_2016_real_small.jsonl.gz", "reuters21578.jsonl.gz"):
        path = NEWS / name
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for line, _ in zip(fh, range(limit)):
                    article = json.loads(line)
                    texts += [article["headline"], *article["body"].split("\n\n")]
    return texts


def test_real_news_paragraphs(pats):
    texts = _news_paragraphs(400)
    if not texts:
        pytest.skip("no news corpus in ../shared/data")
    answered = sum(_same(pats, text, 0, len(text)) for text in texts)
    assert answered > 0.99 * 4 * len(texts)  # RE2 answers nearly all: the point of it


def test_an_article_compiles_no_big_python_pattern():
    """The start-up cost this module removes: finding mentions in an ordinary article
    leaves the Python patterns uncompiled."""
    kb = load_kb()
    pats = mentions.Patterns(kb)
    mentions._PATTERNS[id(kb)] = (kb, pats)
    text = ("Germany's Chancellor, Olaf Scholz, met President Joe Biden. Joe Biden, the president of the "
            "United States, said the talks went well. The prime minister, Boris Johnson, agreed.")
    assert len(pats.titles.spans(text)) == 4
    found = mentions.find_mentions(kb, text, 0, len(text))
    assert [m.pattern for m in found] == ["lead", "prefix", "appositive", "lead"]
    assert not {"prefix", "appositive", "lead", "lead_the"} & set(vars(pats))
    assert "_python" not in vars(pats.titles)  # the title search ran on RE2 alone
