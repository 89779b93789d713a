"""The fast paths of mention finding give exactly what the plain ones gave: the trie-shaped
alternations match like flat lists sorted longest first, and the one-pass title search
(RE2) misses no place where a title can start."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import yaml

from copylint.people import mentions
from copylint.people.finder import TitleFinder, _titles_start_words
from copylint.people.kb import load_kb
from helpers import SHARED_DATA

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
NEWS = SHARED_DATA / "news" / "us_news_2016_real_small.jsonl.gz"
PATTERNS = ("prefix", "appositive", "lead", "lead_the")


def _flat_alternation(items, lower: bool = False) -> str:
    """The alternation as it was: every form in one flat list, longest first."""
    forms = mentions._forms(items, lower)
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return "|".join(re.escape(f).replace(r"\ ", mentions._GAP) for f in ordered)


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.fixture(scope="module")
def flat(kb):
    trie = mentions._alternation
    mentions._alternation = _flat_alternation
    try:
        return mentions.Patterns(kb)
    finally:
        mentions._alternation = trie


def _texts() -> list[str]:
    texts = [c["text"] for c in CASES]
    texts += ["the late   Prime\nMinister, Boris Johnson, said", "ex-US Vice-President Joe Biden",
              "Secretary of State\tJohn Kerry and Secretary General Ban", "U.S.A.'s President-elect Biden",
              "New Zealand's Prime Minister, Jacinda Ardern, said", "Sen. Secretary-General Senator",
              "former then-President Obama", "Prime Minister of the United Kingdom Boris Johnson"]
    if NEWS.is_file():
        with gzip.open(NEWS, "rt", encoding="utf-8") as fh:
            texts += [json.loads(line)["body"] for line, _ in zip(fh, range(120))]
    return texts


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def test_trie_patterns_match_like_the_flat_lists(kb, flat):
    trie = mentions.Patterns(kb)
    for text in _texts():
        for name in PATTERNS:
            assert _matches(getattr(trie, name), text) == _matches(getattr(flat, name), text), (name, text[:80])


def test_trie_alternation_prefers_the_longer_form():
    alternation = re.compile(mentions._alternation(["Secretary", "Secretary of State", "Sen.", "Sen", "S"]))
    assert [alternation.match(t).group() for t in ("Secretary of  State", "Secretary of", "Sen.", "Senx", "Sx")] == \
        ["Secretary of  State", "Secretary", "Sen.", "Sen", "S"]
    assert mentions._alternation([]) == ""


def _title_starts(kb, text: str) -> list[int]:
    pattern = re.compile(rf"(?<!\w)(?:{mentions._trie(mentions._forms(kb.form_family, lower=True))})")
    return [i for i in range(len(text)) if pattern.match(text, i)]


@pytest.mark.parametrize("python_only", [False, True])
def test_every_title_start_lies_in_a_span(kb, python_only):
    forms = mentions._forms(kb.form_family, lower=True)
    finder = TitleFinder(mentions._trie(forms), forms, kb.place_forms, use_re2=not python_only)
    texts = _texts() + ["éPresident Macron, ’President Biden’, naïve President, Président, President😀Vice President",
                        "_President 3President\u00a0President (President) -President", "“Vice\nPresident”, VP, kingdom king"]
    for text in texts:
        spans = finder.spans(text)
        assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
        for i in _title_starts(kb, text):
            assert any(s <= i < e for s, e in spans), (i, text[i:i + 30])


def test_spans_count_characters_not_bytes(kb):
    finder = mentions.patterns_for(kb).titles
    text = "Président 😀 ‘Prime Minister’ Boris Johnson met Vice President Biden"
    assert [text[s:e] for s, e in finder.spans(text)] == ["Prime Minister", "Vice President"]
    broken = "\udc80 President Biden"  # a lone surrogate: not UTF-8, read by Python's engine
    assert [broken[s:e] for s, e in finder.spans(broken)] == ["President"]


def test_no_word_boundary_where_a_title_begins_like_a_place():
    assert _titles_start_words({"President", "Prime Minister"}, {"Ukraine", "Ukraine's"})
    assert not _titles_start_words({"Ukraine Envoy"}, {"Ukraine", "Ukraine's"})
