"""typo.invisible-character on real copy, and what the other checks make of the
characters it reports: the speller does not judge the pieces of a split word, two
headlines that differ by one are one headline, and the text report shows them."""

from __future__ import annotations

import gzip
import json
import re

import pytest

import copylint
from copylint.config import Settings
from helpers import SHARED_DATA, run_cli

RULE = "typo.invisible-character"


def findings(text: str, path: str = "a.txt", select=(RULE,)):
    return copylint.lint_text(text, path=path, config=Settings(select=list(select)))


def _rows(name: str) -> list[dict]:
    path = SHARED_DATA / "news" / f"{name}.jsonl.gz"
    if not path.exists():
        pytest.skip(f"shared data not found: {path}")
    return [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]


_C1_RE = re.compile("[\x80-\x9f]+")


def test_windows_characters_in_real_wire_copy_are_put_back():
    """AG News ledes hold Windows-1252 quotes and dashes read as Latin-1 (U+0092 for ’):
    each run is reported where it stands, and the fix is the character Windows meant."""
    stories = [r["headline"] + "\n\n" + r["body"] for r in _rows("ag_news_test") if _C1_RE.search(r["body"])]
    assert len(stories) >= 20
    checked = 0
    for text in stories:
        found = {(f.start_offset, f.end_offset): f for f in findings(text)}
        for m in _C1_RE.finditer(text):
            f = found.get((m.start(), m.end()))
            assert f is not None, (text[max(0, m.start() - 30):m.end() + 30], sorted(found))
            meant = m.group().encode("latin-1").decode("cp1252")
            assert f.fix is not None and f.fix.edits[0].text == meant
            assert all(ch in "‘’“”–—…•€™" for ch in meant), meant
            checked += 1
    assert checked >= 60


def test_real_stories_without_such_characters_raise_nothing():
    rows = [r for r in _rows("us_news_2016_real_small") if r["body"]][:150]
    texts = [r["headline"] + "\n\n" + r["body"] for r in rows]
    clean = [t for t in texts if not re.search("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2060\ufeff]", t)]
    assert len(clean) >= 120
    for text in clean:
        assert findings(text) == []


def test_garbled_wire_characters_are_reported_without_a_fix():
    """Reuters copy has DELETE where a letter or a space was lost on the line
    ("p\\x7fid", "dlr\\x7funtied"): deleting it would glue or shorten words."""
    stories = [r["body"] for r in _rows("reuters21578") if "\x7f" in r["body"]]
    assert stories
    for text in stories:
        reported = [f for f in findings("Wire\n\n" + text) if "U+007F" in f.message]
        assert len(reported) == text.count("\x7f") or any("times" in f.message for f in reported)
        assert all(f.fix is None for f in reported)


def test_joiners_and_direction_marks_that_other_scripts_need_are_left_alone():
    text = ("Family news\n\nThe emoji \U0001F469\u200d\U0001F4BB and the Persian \u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 stay, "
            "as does a mark in \u200f\u0627\u0644\u0633\u0644\u0627\u0645 text.\n\nBut a mark\u200e here and a joiner in A\u200dB do not.\n")
    reported = [f.message for f in findings(text)]
    assert reported == ["invisible character U+200E LEFT-TO-RIGHT MARK",
                        "invisible character U+200D ZERO WIDTH JOINER in 'AB'"]


def test_the_allow_option_keeps_soft_hyphens():
    text = "Column\n\nAn extra\u00adordinary day.\n"
    assert len(findings(text)) == 1
    settings = Settings(select=[RULE], rules={RULE: {"allow": ["U+00AD"]}})
    assert copylint.lint_text(text, path="a.txt", config=settings) == []


@pytest.mark.parametrize("written", ["U+AD", "U+ZZ", "soft hyphen"])
def test_an_allow_entry_that_is_no_character_is_a_config_error(tmp_path, written):
    """``allow: [U+AD]`` (two digits short) allowed nothing and said nothing."""
    (tmp_path / ".copylint.yaml").write_text(f'rules:\n  {RULE}:\n    allow: ["{written}"]\n')
    (tmp_path / "a.txt").write_text("Column\n\nAn extra\u00adordinary day.\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "a.txt", cwd=tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f".copylint.yaml:3: option 'allow' of rule {RULE}: '{written}' is neither" in proc.stderr


def test_the_speller_leaves_the_pieces_of_a_split_word_to_this_rule():
    text = "Budget talks\n\nThe gov\u200bernment and Tu\u200erkey met, but the goverment\u200b said no.\n"
    spelling = [f.matched for f in findings(text, select=("typo.spelling",))]
    assert spelling == ["goverment"]  # a whole word beside the mark is still checked
    assert len(findings(text)) == 3


def test_a_headline_with_an_invisible_character_is_the_same_headline(tmp_path):
    (tmp_path / "a.txt").write_text("Council approves new budget\n\nThe council voted.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Coun\u200bcil approves new budget\n\nMembers voted.\n", encoding="utf-8")
    found = copylint.lint_paths([tmp_path / "a.txt", tmp_path / "b.txt"],
                                config=Settings(select=["structure.duplicate-headline"]))
    assert [f.rule for f in found] == ["structure.duplicate-headline"] * 2


def test_the_text_report_shows_the_character_under_the_caret(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Head\n\nThe gov\u200bernment and \u202eabc.\n", encoding="utf-8")
    out = run_cli("check", "--no-languagetool", "--no-cache", "--select", RULE, str(path)).stdout
    lines = out.splitlines()
    shown = [ln for ln in lines if ln.startswith("    The")]
    assert shown and all(ln == "    The gov\u00a4ernment and \u00a4abc." for ln in shown)
    caret = lines[lines.index(shown[0]) + 1]
    assert caret.index("^") == shown[0].index("\u00a4")
    assert "\u202e" not in out  # an override printed raw would turn the terminal line around


def test_a_word_with_several_soft_hyphens_is_named_whole():
    """The message named the word only up to the next soft hyphen ("in 'govern'" for
    "gov-ern-ment"), a word that is not there."""
    reported = [f.message for f in findings("Budget\n\nThe gov\u00adern\u00adment met.\n")]
    assert reported == ["invisible character U+00AD SOFT HYPHEN in 'government'"] * 2
