"""Site navigation glued to a headline: found only where "Home" is followed by a
separator or a section name, and left out of the headline that the style rules judge."""

from __future__ import annotations

import pytest

from copylint import lint_text
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
