"""What the speller skips, what the vocabularies change, and [sic]."""

from __future__ import annotations

import copylint
from copylint.config import Settings


def words(text: str, **settings) -> list[str]:
    settings.setdefault("select", ["typo.spelling"])
    return [f.matched for f in copylint.lint_text(text, path="a.txt", config=Settings(**settings))]


def test_skipped_contexts():
    text = ("Headline here\n\nSee https://exmaple.com/pge or www.exmaple.org, mail desk@exmaple.com, "
            "follow @exmaple and #exmaple, buy a 4x4 or a B52xq, read file.txtt today.\n")
    assert words(text) == []


def test_a_lone_letter_is_no_misspelt_word():
    # "ß" and "ω" were each "not in the dictionary; did you mean 'a'?"; a slip next to
    # them is still one
    text = "Letters column\n\nThe letter ß, the symbol ω and the letter Ж were in the the goverment font.\n"
    assert words(text) == ["goverment"]


def test_html_attributes_written_out_in_plain_text_are_no_prose():
    # AG News ledes keep the feed's markup as text; a slip in prose, or inside a Reuters
    # <Company Name>, is still one
    text = ('Storm hits\n\nDownloads to the masses. <FONT face="verdana,MS Sans Serif,arial,helvetica" '
            'size="-2"> (AP)</FONT> The arial view, and <Tennex Indutries Inc> said.\n')
    assert words(text) == ["arial", "Indutries"]


def test_acronyms_skipped_unless_a_clear_slip():
    text = "Headline here\n\nThe IAEA, NATO and the UNHCR met the OSCE. GOVERMENT sources said so.\n"
    assert words(text) == ["GOVERMENT"]


def test_shouted_headline_words_are_words():
    text = "GOVERMENT RAISES TAXES\n\nThe government raised taxes.\n"
    assert words(text) == ["GOVERMENT"]


def test_an_acronym_in_a_title_case_headline_is_an_acronym():
    # Reuters and AG News headlines: ZEW and RSN are no slips of NEW and RUN; among
    # capitals a word is still a word ("JOHN FOWLRE, SUN")
    for text, flagged in (("Dollar Near Recent Lows, Awaits ZEW/CPI\n\nThe dollar held steady.\n", []),
                          ("Hard Drive: SP Your XP, RSN\n\nThe column.\n", []),
                          ("Sun Chief Talks: JOHN FOWLRE, SUN\n\nJohn Fowler spoke.\n", ["FOWLRE"])):
        assert words(text) == flagged


def test_sic_keeps_a_quoted_misspelling():
    text = 'Headline here\n\nThe sign read "Goverment [sic] offices" and the goverment agreed.\n'
    found = copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.spelling"]))
    assert [(f.matched, f.column) for f in found] == [("goverment", text.split("\n")[2].index("goverment") + 1)]


def test_accept_and_reject_from_config():
    text = "Headline here\n\nThe unch figure was alright, said the kompany.\n"
    assert words(text) == ["unch", "kompany"]
    assert words(text, accept=["unch", "kompany"]) == []
    assert words(text, reject=["alright"]) == ["unch", "alright", "kompany"]
    # from a user audit: a rejected contraction the dictionary has ("ain't") was passed,
    # and a hyphenated accept entry accepted neither of the words the speller reads
    text = "Headline here\n\nHe said it ain't so, and ain’t the qwibzo-flarnt a gadget?\n"
    assert words(text, reject=["ain't"], accept=["qwibzo-flarnt"]) == ["ain't", "ain’t"]
    assert words(text) == ["qwibzo", "flarnt"]


def test_accepted_full_name_becomes_a_name_to_compare_with():
    text = "Headline here\n\nThe editor Olha Kovalenko spoke; later Olha Kovalneko wrote.\n"
    assert words(text, accept=["Olha Kovalenko"]) == ["Kovalneko"]
    # two spellings no dictionary has, once each, are the variant rule's business...
    text = "Headline here\n\nThe editor Olha Kovalenkp spoke; later Olha Kovalneko wrote.\n"
    assert words(text) == []
    # ...unless running text knows one of them and nobody writes the other
    text = "Headline here\n\nThe editor Olha Kovalenko spoke; later Olha Kovalneko wrote.\n"
    assert words(text) == ["Kovalneko"]


def test_quotes_are_checked_for_spelling():
    text = 'Headline here\n\nShe said: "The goverment lied."\n'
    assert words(text) == ["goverment"]


def test_inner_capitals_mark_names_and_brands():
    text = ("Head line here\n\nShare on Facebook, Twitter and LinkedIn. Ron DeSantis and "
            "Mitch McConnel spoke on YouTube.\n")
    # McConnel is one slip from the lexicon's Mitch McConnell; the brands are left alone
    assert words(text) == ["McConnel"]


def test_a_sentence_in_another_language_is_not_a_string_of_misspellings():
    # a Spanish headline gave one finding per word ("están", "vuelta", "esquina"...); a
    # slip in the English sentence after it, and a few foreign words inside an English
    # sentence, are still reported
    text = ("Las elecciones primarias de Florida están a la vuelta de la esquina\n\n"
            "The goverment said the vote was close. Voters said the wahlkampf was wrong.\n\n"
            "Erste Moschee hisst Regenbogenflagge und unterstützt die Gemeinde.\n")
    assert words(text) == ["goverment", "wahlkampf"]
