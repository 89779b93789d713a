"""Words that invisible characters split: the speller judges the word a reader sees, the
finding covers the whole word in the file, and its fix replaces all of it."""

from __future__ import annotations

import pytest

import copylint
from copylint.config import Settings
from copylint.fixer import fix_text

SPELLING = Settings(select=["typo.spelling"], languagetool=False)
INVISIBLE = {"soft hyphen": "\u00ad", "zero-width space": "\u200b", "zero-width non-joiner": "\u200c",
             "zero-width joiner": "\u200d", "word joiner": "\u2060", "byte-order mark": "\ufeff"}


def spelling(text: str, path: str = "a.txt", config: Settings = SPELLING):
    return copylint.lint_text(text, path=path, config=config)


@pytest.mark.parametrize("name", INVISIBLE)
def test_a_misspelling_split_by_an_invisible_character_is_reported_whole(name):
    """Before, each piece ("gover", "ment") was passed over and the slip went unreported."""
    char = INVISIBLE[name]
    text = f"Budget vote\n\nOn Monday the gover{char}ment said it would wait.\n"
    found = spelling(text)
    assert [(f.line, f.column, f.end_column, f.matched) for f in found] == [(3, 15, 25, f"gover{char}ment")]
    assert found[0].suggestions[0] == "government"
    fixed, applied, _ = fix_text("a.txt", text, lambda path, t: spelling(t, path), unsafe=False)
    assert applied == 1
    assert fixed == "Budget vote\n\nOn Monday the government said it would wait.\n"


def test_a_right_word_with_soft_hyphens_raises_nothing():
    text = "Budget vote\n\nThe gov\u00adern\u00adment and the min\u00adis\u00adter agreed on extra\u00adordinary aid.\n"
    assert spelling(text) == []


def test_a_capitalised_slip_and_a_possessive_keep_their_spans():
    """The name logic judges the joined word too, and a possessive ending stays outside
    the span as it does for an unbroken word."""
    text = "Talks resume\n\nOfficials from Isr\u200beal met the gover\u00adment's envoy.\n"
    found = spelling(text)
    assert [(f.column, f.matched, f.suggestions[0]) for f in found] == [
        (16, "Isr\u200beal", "Israel"), (32, "gover\u00adment", "government")]


def test_soft_hyphens_a_desk_allows_no_longer_hide_a_slip():
    """With typo.invisible-character told to keep soft hyphens, nothing at all was said
    about "gover-ment"; the speller still reports it."""
    config = Settings(select=["typo"], languagetool=False,
                      rules={"typo.invisible-character": {"allow": ["U+00AD"]}})
    found = spelling("Budget vote\n\nThe gover\u00adment said no.\n", config=config)
    assert [(f.rule, f.matched) for f in found] == [("typo.spelling", "gover\u00adment")]


def test_a_joiner_inside_a_word_of_another_script_is_not_joined_for_the_speller():
    text = "Family news\n\nHe said \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 in Persian, and the goverment\u200b agreed.\n"
    assert [f.matched for f in spelling(text)] == ["goverment"]


def test_the_fix_and_the_invisible_character_fix_together_give_the_word():
    """Both rules offer an edit on the same letters (replace the word, delete the soft
    hyphen); applying them must leave the corrected word once, with nothing doubled."""
    config = Settings(select=["typo"], languagetool=False)
    text = "Budget vote\n\nThe gov\u00adern\u00admnet and Isr\u200beal met.\n"
    fixed, _, _ = fix_text("a.txt", text, lambda path, t: spelling(t, path, config), unsafe=False)
    assert fixed == "Budget vote\n\nThe government and Israel met.\n"
