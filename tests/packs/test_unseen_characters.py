"""Pack rules read the article as it shows on the page: a zero-width space or a soft
hyphen pasted into "Kiev" or "Minster" hid the word from the house rules, though a reader
sees it whole. The finding spans the whole word, and its fix leaves no invisible
character behind."""

from __future__ import annotations

from packtools import apply_fixes, lint, rows


def test_word_split_by_zero_width_space_is_judged_whole():
    text = "Talks\n\nTalks resumed in Ki\u200bev on Monday.\n"
    found = lint(text, ["house.kyiv"])
    assert rows(found) == [("house.kyiv", 3, 18, "Ki\u200bev", "Kyiv")]
    assert apply_fixes(text, found) == "Talks\n\nTalks resumed in Kyiv on Monday.\n"


def test_phrase_split_by_soft_hyphen_is_judged_whole():
    text = "Talks\n\nThe Prime Min\u00adster spoke.\n"
    found = lint(text, ["house.wrong-word"])
    assert rows(found) == [("house.wrong-word", 3, 5, "Prime Min\u00adster", "Prime Minister")]


def test_positions_after_an_invisible_character_stay_right():
    """A direction mark earlier in the line shifts nothing: the finding is still at the
    word's own column, and the fix replaces only the word."""
    text = "Talks\n\n\u200eShelling hit Kharkov \u200boverni\u200bght.\n"
    found = lint(text, ["house.ukraine-places"])
    assert rows(found) == [("house.ukraine-places", 3, 15, "Kharkov", "Kharkiv")]
    assert apply_fixes(text, found) == "Talks\n\n\u200eShelling hit Kharkiv \u200boverni\u200bght.\n"


def test_consistency_counts_a_split_form():
    """Both spellings count in a mixed-spelling article, the split one too."""
    text = "Talks\n\nThe defence budget grew. The defence chief spoke. A de\u00adfense official agreed.\n"
    found = lint(text, ["house.spelling"])
    assert [(r[3], r[4]) for r in rows(found)] == [("de\u00adfense", "defence")]
