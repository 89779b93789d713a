"""The dictionary speller on its own: lookup, candidates, ranking, case."""

from __future__ import annotations

import random

from copylint.spelling.speller import (Speller, _one_edit_cost, _table_cost, edit_cost, edit_strings,
                                       get_speller, match_case)


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


def test_one_edit_shortcut_agrees_with_the_table():
    # every single edit of words with doubled letters, vowels, apostrophes and hyphens
    for word in ("committee", "receive", "don't", "aab", "e-mail", "ab", "a"):
        for typed in set(edit_strings(word, "abcdeilmot'-")):
            one = _one_edit_cost(typed, word)
            assert one is None or one == _table_cost(typed, word), (typed, word)
            assert _one_edit_cost(word, typed) in (None, _table_cost(word, typed)), (word, typed)
    assert _one_edit_cost("goverment", "government") == _table_cost("goverment", "government")
    assert _one_edit_cost("abcd", "bacd") == 0.7 and _one_edit_cost("abcd", "badc") is None


def test_could_offer_is_never_wrong_to_say_no():
    # a fresh speller (no candidates cached), asked before each full search
    sp = Speller.from_tables("en-US", get_speller("en-US").tables())
    rng = random.Random(7)
    words = ["goverment", "statment", "blockingading", "Presedent", "Unighted", "xyzzyqw", "conveniance",
             "recieve", "Kardashain", "zqxjkv", "definately", "dificulties", "qwertyuiop", "aaaaaaab"]
    words += ["".join(rng.choice("etaoinshrdlucmfwyp") for _ in range(rng.randrange(5, 12))) for _ in range(60)]
    said_no = 0
    for w in words:
        asked = [(cost, zipf) for cost in (0.75, 1.0, 1.6, 2.0) for zipf in (2.5, 3.0, 4.0, 5.0)
                 if not sp.could_offer(w, cost, zipf)]
        cands = sp.candidates(w)
        for cost, zipf in asked:
            said_no += 1
            assert not any(c.kind != "split" and c.plain_cost <= cost and c.zipf >= zipf for c in cands), (w, cost, zipf)
    assert said_no > 100


def test_missing_space_offered():
    sp = get_speller("en-US")
    assert "a lot" in sp.suggest("alot")
    assert sp.suggest("inthe")[0] == "in the"


def test_vulgar_words_and_slurs_are_never_offered():
    sp = get_speller("en-US")
    unsuggested = sp.unsuggested
    assert {"bitch", "fuck", "nigger"} <= unsuggested
    # every listed word is a dictionary word (else listing it would change nothing) and
    # stays one: an article that prints it on purpose gets no alarm for it
    assert all(sp.known(w) for w in unsuggested)
    # one edit from a listed word, and from ordinary words too
    for typed in ("sitch", "bitsch", "Bitsch", "fuk", "fcuk", "sluts", "shiit", "whroe", "cunr", "twar"):
        offered = [s.lower() for s in sp.suggest(typed, 20)]
        near = [c.word for c in sp.near(typed)]
        assert not set(offered + near) & unsuggested, (typed, offered, near)
        assert not any(set(s.split()) & unsuggested for s in offered), (typed, offered)
    # ordinary corrections still come first
    assert sp.suggest("sitch")[0] == "switch" and sp.suggest("pitchh")[0] == "pitch"


def test_a_never_offered_word_takes_no_place_among_the_weighed_candidates():
    """Only PREFILTER words two edits away are weighed; a vulgar one (bastard, for
    "bastert") used to take a place there before being dropped, and pushed out a word
    that belongs among the suggestions."""
    sp = get_speller("en-US")
    offered = sp.suggest("bastert", 5)
    assert "buster" in offered and not {s.lower() for s in offered} & sp.unsuggested


def test_clearing_word_caches_makes_a_pass_cold_and_changes_no_finding():
    import copylint
    from copylint.config import Settings
    from copylint.spelling.check import clear_word_caches
    from copylint.spelling.lexicon import name_lexicon
    from copylint.spelling.names import word_shape

    text = ("Talks in Kyiv\n\nUkraine's negotiator Arakhamia said Presedent Zelenskyy would recieve "
            "the envoys. Zelensky thanked them.\n")
    settings = Settings(select=["typo.spelling", "typo.name-variant"])
    first = [(f.rule, f.matched, f.suggestions) for f in copylint.lint_text(text, path="a.txt", config=settings)]
    sp = get_speller("en-US")
    assert sp._cache and sp._near and name_lexicon().token_facts and word_shape.cache_info().currsize
    clear_word_caches()
    assert not (sp._cache or sp._near or sp._known or sp._offers)
    assert not (name_lexicon().token_facts or name_lexicon().near_cache or name_lexicon().slip_cache)
    assert word_shape.cache_info().currsize == 0
    again = [(f.rule, f.matched, f.suggestions) for f in copylint.lint_text(text, path="a.txt", config=settings)]
    assert again == first
    assert {m: s[0] for _, m, s in first} == {"Presedent": "President", "recieve": "receive",
                                               "Zelensky": "Zelenskyy"}
