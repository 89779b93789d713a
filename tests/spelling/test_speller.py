"""The dictionary speller on its own: lookup, candidates, ranking, case."""

from __future__ import annotations

from copylint.spelling.speller import edit_cost, get_speller, match_case


def test_loaded_once_and_cached():
    assert get_speller("en-US") is get_speller("en-US")
    assert get_speller("en-GB") is not get_speller("en-US")


def test_lookup_ignores_case_and_possessives():
    sp = get_speller("en-US")
    assert sp.known("government") and sp.known("Government") and sp.known("GOVERNMENT")
    assert sp.known("israel")  # Israel in another case is still a word
    assert sp.known("Israel's") and sp.known("Israel’s")
    assert not sp.known("goverment")
    assert not sp.known("teh")  # "Teh" is a rare name; its lower-case form is no word


def test_language_variants():
    us, gb = get_speller("en-US"), get_speller("en-GB")
    assert us.known("color") and not us.known("colour") and us.other_spelling("colour")
    assert gb.known("colour") and gb.known("organise") and gb.known("organize")


def test_suggestions_right_one_first():
    sp = get_speller("en-US")
    for typo, right in [("goverment", "government"), ("recieve", "receive"), ("seperate", "separate"),
                        ("untill", "until"), ("becuase", "because"), ("accomodate", "accommodate"),
                        ("blockingading", "blockading"), ("dificulties", "difficulties"),
                        ("begining", "beginning"), ("tomorow", "tomorrow")]:
        assert sp.suggest(typo)[0] == right, typo


def test_suggestions_keep_the_case_typed():
    sp = get_speller("en-US")
    assert sp.suggest("GOVERMENT")[0] == "GOVERNMENT"
    assert sp.suggest("Goverment")[0] == "Government"
    assert sp.suggest("Isreal")[0] == "Israel"
    assert match_case("isreal", "Israel") == "Israel"  # a proper noun keeps its capital


def test_typical_slips_cost_less_than_arbitrary_edits():
    swap = edit_cost("recieve", "receive")
    double = edit_cost("untill", "until")
    other = edit_cost("rexeive", "receive")
    assert double < swap < other <= 1.0


def test_missing_space_offered():
    sp = get_speller("en-US")
    assert "a lot" in sp.suggest("alot")
    assert sp.suggest("inthe")[0] == "in the"
