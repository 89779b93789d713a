"""Words an article explains by itself: abbreviations it spells out, foreign phrases
English keeps, interjections drawn out, verb-and-particle nouns, names in a story written
all in lower case. Each is accepted only where that evidence holds; a slip beside it is
still reported."""

from __future__ import annotations

import copylint
from copylint.config import Settings
from copylint.spelling.usage import defined_abbreviations, held_interjection, in_loan_phrase

SPELLING = Settings(select=["typo.spelling"])


def findings(text: str) -> dict[str, str | None]:
    """flagged word -> its first suggestion"""
    return {f.matched: (f.suggestions[0] if f.suggestions else None)
            for f in copylint.lint_text(text, path="article.txt", config=SPELLING)}


def test_an_abbreviation_the_article_spells_out_is_its_own_term():
    text = ("Palm oil duty raised\n\nThe government raised the export duty on refined palm "
            "olein (rpo) this week. Traders said rpo shipments would slow.\n")
    assert findings(text) == {}
    # the same letters without the spelling-out are a slip like any other
    assert "rpo" in findings("Palm oil duty raised\n\nTraders said rpo shipments would slow.\n")


def test_an_abbreviation_covers_its_singular_and_plural_but_not_a_slip_beside_it():
    text = ("Plant to open\n\nThe venture will make digital audio players (daps) for export. "
            "Each dap will be sold abroad, the compnay said.\n")
    assert findings(text) == {"compnay": "company"}


def test_which_brackets_spell_out_an_abbreviation():
    text = ("video tape recorders (vtrs); the Bank for International Settlements (BIS); "
            "a new plan (xq); the state oil company (soc)")
    assert defined_abbreviations(text) == {"vtrs", "vtr", "bis", "bi", "soc", "socs"}


def test_a_foreign_phrase_english_keeps_only_inside_the_phrase():
    text = ("Bond issue priced\n\nThe new notes will rank pari passu with existing debt, and "
            "the board resigned en masse.\n")
    assert findings(text) == {}
    assert "passu" in findings("Bond issue priced\n\nThe new notes will passu the old ones.\n")
    # Latin in a Ukraine headline of 2022 (casus belli), and more of the phrases news keeps
    text = ("Blockade warning\n\nMoscow called the blockade a casus belli. Mutatis mutandis, the "
            "envoy said, the same held for the fin-de-siècle treaty and its stare decisis.\n")
    assert findings(text) == {}
    assert "belli" in findings("Blockade warning\n\nHe said it was a belli.\n")


def test_loan_phrases_match_across_a_hyphen_and_in_any_case():
    text = "A rendez-vous in Paris. Tel quel, the sugar was shipped. rendezvous"
    inside = "".join(c if in_loan_phrase(text, i) else "_" for i, c in enumerate(text))
    assert [p for p in inside.split("_") if p] == ["rendez-vous", "Tel quel"]
    # only the stretch around a word is searched, so a long text costs no more per word
    long_text = "The talks went on. " * 20_000 + text
    offset = len(long_text) - len(text)
    assert in_loan_phrase(long_text, offset + 2) and not in_loan_phrase(long_text, offset + 14)


def test_interjections_drawn_out_are_no_slips():
    text = ('Star engaged\n\n"Oh my goshh, you two look stunning," one fan wrote. "Well, ummm, '
            'hahahah," she replied.\n')
    assert findings(text) == {}
    assert [w for w in ("goshh", "ummm", "hahahah", "naww", "whoaaa") if held_interjection(w)] == \
        ["goshh", "ummm", "hahahah", "naww", "whoaaa"]
    # a letter held in an ordinary word is still a slip of it
    assert not held_interjection("commmittee") and not held_interjection("thee")
    assert findings("Vote delayed\n\nThe commmittee will vote on Tuesday.\n") == {"commmittee": "committee"}


def test_a_verb_and_its_particle_written_as_one_noun():
    text = ("Farm scheme\n\nOfficials expect a large signup this year, and signups so far "
            "are ahead of last year's.\n")
    assert findings(text) == {}


def test_names_in_a_story_written_all_in_lower_case():
    text = ("oil loan agreed\n\nvenezuela will lend oil to ecuador, said energy minister "
            "arturo hernandez grisanti after talks in caracas with mexico and brazil.\n")
    assert findings(text) == {}
    # a misspelt word in such a story is still one
    slip = text.replace("agreed", "agred").replace("talks", "tallks")
    assert findings(slip) == {"agred": "agreed", "tallks": "talks"}


def test_an_unknown_lower_case_word_in_an_ordinary_story_is_still_reported():
    text = ("Oil loan agreed\n\nVenezuela will lend oil to Ecuador, said the minister. The "
            "pdvsa deal was signed in Caracas.\n")
    assert "pdvsa" in findings(text)
