"""The speller on hand-written news copy full of real names, with planted typos.

Expected findings were read line by line against the fixture text."""

from __future__ import annotations

from pathlib import Path

import copylint
from copylint.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"


def lint(name: str, *rules: str, language: str = "en-GB"):
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return copylint.lint_text(text, path=name, config=Settings(select=list(rules), language=language))


def test_planted_typos_found_with_right_suggestion_and_names_left_alone():
    findings = lint("kyiv_talks.txt", "typo.spelling")
    got = [(f.line, f.matched, f.suggestions[0]) for f in findings]
    assert got == [
        (1, "Isreal", "Israel"),  # headline: a name slip at a sentence start
        (1, "goverment", "government"),
        (3, "goverment", "government"),
        (3, "recieve", "receive"),
        (3, "blockingading", "blockading"),  # a stray block of letters
        (7, "Isreal", "Israel"),  # mid-sentence: one swap from a far more frequent name
        (7, "coridors", "corridors"),  # inside a direct quotation: spelling still counts
        (9, "Kier", "Keir"),  # "Kier" is a name, but "Kier Starmer" is a slip for Keir Starmer
        (11, "untill", "until"),
        (11, "becuase", "because"),
    ]
    # Arakhamia, Vereshchuk, Vyshhorod, Mykolaiv, Odesa, Zaporizhzhia, Konashenkov, Hewitt,
    # KYIV, the URL, the @handle and the #tag raise nothing: the list above is complete.


def test_safe_fix_only_for_a_clear_best_candidate():
    findings = {f.matched: f for f in lint("kyiv_talks.txt", "typo.spelling")}
    assert findings["goverment"].fix.safe
    assert findings["recieve"].fix.safe  # receive far ahead of relieve
    assert findings["Isreal"].fix.safe
    # the block removal is a guess among several: offered, but not applied by --fix alone
    assert findings["blockingading"].fix is not None and not findings["blockingading"].fix.safe


def test_en_us_reports_british_spellings_as_warnings_when_asked():
    text = (FIXTURES / "kyiv_talks.txt").read_text(encoding="utf-8")
    settings = Settings(select=["typo.spelling"], language="en-US",
                        rules={"typo.spelling": {"other_variety": True}})
    findings = [f for f in copylint.lint_text(text, path="a.txt", config=settings) if f.matched == "defence"]
    assert len(findings) == 3
    assert all(str(f.severity) == "warning" for f in findings)
    assert findings[0].suggestions[0] == "defense"
    assert "British spelling" in findings[0].message


def test_name_variants_minority_spelling_flagged():
    findings = lint("variants.txt", "typo.name-variant")
    got = [(f.line, f.matched, f.suggestions[0]) for f in findings]
    assert got == [
        # Oleksandr and Olexander are each used once: the later spelling is reported
        (5, "Olexander", "Oleksandr"),
        (7, "Zelensky", "Zelenskyy"),  # Zelenskyy is used three times
        (7, "Qaddafi", "Gaddafi"),  # Gaddafi twice (possessives count)
    ]
    # Johnson/Johnston, Kim/Jim and Ivanov/Ivanova are different names: not reported


def test_two_names_a_doubled_letter_apart_or_two_people_are_no_variants():
    """Britain and the banker Alfred Brittain, the provinces Shaanxi and Shanxi: two
    dictionary words a doubled letter apart are two names. Mohamed bin Zayed and
    Mohammed bin Salman are two people (the particle is passed over to the surname);
    Italiano is Italian with another ending. On a tie, the dictionary's spelling is
    the one to follow (Benetton, not Bennetton)."""
    text = ("Markets\n\nBritain's banks rose. Alfred Brittain of Bankers Trust said Britain would gain. "
            "Shaanxi, Sichuan and Shanxi reported output. UAE President Mohamed bin Zayed met Crown Prince "
            "Mohammed bin Salman. Istituto Mobiliare Italiano said Italian banks rose.\n")
    assert copylint.lint_text(text, path="a.txt", config=Settings(select=["typo.name-variant"],
                                                                   languagetool=False)) == []


def test_name_variant_fix_is_never_safe():
    findings = lint("variants.txt", "typo.name-variant")
    assert findings and all(f.fix is not None and not f.fix.safe for f in findings)


def test_other_variety_is_not_a_typo_by_default():
    # the house pack keeps US/UK spelling consistent; the speller leaves "defence" alone
    matched = [f.matched for f in lint("kyiv_talks.txt", "typo.spelling", language="en-US")]
    assert "defence" not in matched and "goverment" in matched


def test_one_surname_in_two_forms_after_two_first_names_is_two_people():
    """A Guardian headline names "Olena Zelenska" and "Volodymyr Zelenskiy": wife and
    husband, each always after a first name far from the other's. A first name only
    a slip apart ("Volodomyr Zelensky") is still one man spelt two ways."""
    settings = Settings(select=["typo.name-variant"], languagetool=False)
    text = "Ukraine's first lady Olena Zelenska on the war | Volodymyr Zelenskiy\n"
    assert copylint.lint_text(text, path="a.txt", config=settings) == []
    text = "Talks\n\nOlena Zelenska met Volodymyr Zelenskiy. Later Volodomyr Zelensky spoke.\n"
    assert [(f.matched, f.suggestions[0]) for f in copylint.lint_text(text, path="a.txt", config=settings)] \
        == [("Zelensky", "Zelenskiy")]
