"""style.title-capitals beyond its fixtures: the house's choice checked, and references the
title rules do not judge."""

from __future__ import annotations

import datetime as dt

import copylint
from copylint.config import Settings
from helpers import run_cli

RULE = "style.title-capitals"


def _lint(text: str, style: str = "before-name", select=(RULE,)):
    return copylint.lint_text(text, "story.txt", Settings(select=list(select), date=dt.date(2022, 5, 1),
                                                          rules={RULE: {"capitalise": style}}))


def test_a_title_before_a_known_surname_is_capitalised_but_not_judged_as_a_claim():
    text = "Talks\n\nThe plan will work, president Obama says in a letter to Congress.\n"
    found = _lint(text, select=("facts", RULE))
    assert [(f.rule, f.matched, f.suggestions[0]) for f in found] == [(RULE, "president", "President")]
    # "President Obama" in a 2022 story would be a stale title; in lower case the reference
    # is too loose for that claim, so only its capitals are reported
    capitalised = _lint(text.replace("president Obama", "President Obama"), select=("facts", RULE))
    assert [f.rule for f in capitalised] == ["facts.title-date"]


def test_lower_case_surname_of_someone_who_never_held_the_title_is_left_alone():
    # Putin's people file has no senator: "senator Putin" is no title of his to capitalise
    assert _lint("Talks\n\nHe met senator Putin of the club on Monday.\n") == []


def test_the_two_styles_disagree_on_the_same_words():
    text = "Talks\n\nOn Monday former President Donald Trump met Prime Minister Boris Johnson.\n"
    assert _lint(text) == []
    lowered = _lint(text, "lower")
    assert [(f.matched, f.suggestions[0]) for f in lowered] == [("President", "president"),
                                                                ("Prime Minister", "prime minister")]


def test_an_unknown_style_is_a_config_error_naming_the_file(tmp_path):
    (tmp_path / ".copylint.yaml").write_text(f"rules:\n  {RULE}:\n    capitalise: upper\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Talks\n\nFormer president Bill Clinton spoke.\n", encoding="utf-8")
    proc = run_cli("check", "story.txt", cwd=tmp_path, env={"COPYLINT_LANGUAGETOOL": "off"})
    assert proc.returncode == 2
    assert ".copylint.yaml" in proc.stderr and "capitalise must be one of before-name, lower" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_headline_in_capitals_says_nothing_of_a_titles_capitals():
    text = "US VICE PRESIDENT KAMALA HARRIS VISITS WARSAW\n\nShe met officials.\n"
    assert _lint(text, select=("facts", RULE)) == []
    assert _lint(text, "lower") == []
