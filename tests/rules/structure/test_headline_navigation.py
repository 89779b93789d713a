"""Site navigation glued to a headline: found only where "Home" is followed by a
separator or a section name, and left out of the headline that the style rules judge."""

from __future__ import annotations

import pytest

from copylint import lint_paths, lint_text
from copylint.config import Settings

RULES = Settings(select=["structure.headline-navigation", "house.headline-case"])
BODY = "\n\nThe city council met on Monday. Officials said the plan would go ahead.\n"


@pytest.mark.parametrize("headline", [
    "Home Office plans new visa rules",      # a ministry
    "Home sales rise in March",              # a word
    "HOME LOANS <HLN> RAISES DIVIDEND",      # a company, in wire capitals
    "Home News",                             # nothing after it: a headline of two words
])
def test_headlines_that_start_with_home_are_left_alone(headline: str) -> None:
    assert [f.rule for f in lint_text(headline + BODY, "a.txt", config=RULES)] == []


def test_a_breadcrumb_is_reported_with_an_unsafe_fix_and_kept_out_of_headline_case() -> None:
    findings = lint_text("Home News Sport Council approves new budget" + BODY, "a.txt", config=RULES)
    assert [(f.rule, f.matched, f.fix.safe, f.fix.edits[0].text) for f in findings] == [
        ("structure.headline-navigation", "Home News Sport ", False, "")]


def test_headline_case_judges_a_doubled_headline_by_its_first_copy() -> None:
    text = "Council approves Plan at last Council approves Plan at last" + BODY
    findings = lint_text(text, "a.txt", config=RULES)
    # the body writes "plan": lowered in both copies, while the second "Council" opens
    # the pasted copy and keeps its capital
    assert [(f.rule, f.column, f.end_column, f.suggestions) for f in findings] == [
        ("house.headline-case", 1, 60, ("Council approves plan at last Council approves plan at last",))]


@pytest.mark.parametrize("headline, site", [
    # forms read off the site names in the 10,037 dated headlines
    ("Talks resume in Istanbul as ceasefire holds | CBC News", " | CBC News"),
    ("Markets slide as rates rise - The Moscow Times", " - The Moscow Times"),
    ("Four-day workweek: How realistic is it really? : NPR", " : NPR"),
    ("Rescue crews search for survivors | Opinion | The Guardian", " | Opinion | The Guardian"),
    ("Storm closes schools across the region | Globalnews.ca", " | Globalnews.ca"),
    ("Singer dies after catching virus on purpose. [BBC NEWS]", " [BBC NEWS]"),
])
def test_the_sites_name_after_a_headline_is_reported_and_left_out_of_it(headline: str, site: str) -> None:
    findings = lint_text(headline + BODY, "a.txt", config=RULES)
    assert [(f.rule, f.matched, f.fix.safe, f.fix.edits[0].text) for f in findings] == [
        ("structure.headline-navigation", site, False, "")]


@pytest.mark.parametrize("headline", [
    "Council approves budget - Fox hunting ban stays",   # words after a dash, not a site
    "Mayor quits - The city reacts",                    # no outlet's name
    "Storm news | What we know",                        # after a pipe, no site or section
    "CNN - Fox News",                                   # fewer than three words before it
])
def test_words_after_a_dash_or_pipe_that_name_no_site_stay_in_the_headline(headline: str) -> None:
    navigation = Settings(select=["structure.headline-navigation"])
    assert lint_text(headline + BODY, "a.txt", config=navigation) == []


def test_length_case_and_duplicates_judge_the_headline_without_the_site(tmp_path) -> None:
    headline = "Uber Files: Massive leak reveals how top politicians secretly helped Uber"
    long_site = " | Rewire News Group International Edition"  # 118 characters with it, 72 without
    settings = Settings(select=["house.headline-length", "structure.duplicate-headline"])
    assert lint_text(headline + long_site + BODY, "a.txt", config=settings) == []
    (tmp_path / "a.txt").write_text(headline + " - BBC News" + BODY, encoding="utf-8")
    (tmp_path / "b.txt").write_text(headline + BODY, encoding="utf-8")
    found = lint_paths([tmp_path / "a.txt", tmp_path / "b.txt"], config=settings)
    assert [f.rule for f in found] == ["structure.duplicate-headline"] * 2
