"""structure.duplicate-paragraph and the rows of a list or table laid out as paragraphs."""

from __future__ import annotations

from copylint import lint_text
from copylint.config import Settings

RULE = Settings(select=["structure.duplicate-paragraph"])


def repeats(text: str) -> list[str]:
    return [f.matched for f in lint_text(text, path="a.txt", config=RULE)]


def test_a_wire_earnings_table_repeats_a_row_for_the_quarter_and_the_year():
    # the share count did not change between the quarter and the year: two rows alike
    table = ("ACME CORP 4TH QTR NET\n\n"
             "Shr 40 cts vs 35 cts\n\nNet 5.6 mln vs 4.9 mln\n\nAvg shrs 13.9 mln vs 13.8 mln\n\n"
             "Year\n\nShr 1.52 dlrs vs 1.31 dlrs\n\nNet 21.1 mln vs 18.0 mln\n\nAvg shrs 13.9 mln vs 13.8 mln\n")
    assert repeats(table) == []


def test_a_list_of_signatories_repeats_their_titles():
    people = "".join(f"{name}\n\nFormer special assistant to the president\n\nMarch {day}, 2016\n\n"
                     for name, day in (("Ann Lee", 2), ("Bo Chen", 9), ("Cy Diaz", 16)))
    assert repeats("Signatories\n\n" + people) == []


def test_a_line_pasted_twice_into_a_story_is_still_reported():
    story = ("Council approves budget\n\n"
             "The council approved the budget on Tuesday after a long debate over the libraries.\n\n"
             "Read the full budget papers on the council website\n\n"
             "Members said the vote was the closest in a decade, and the mayor thanked them.\n\n"
             "Read the full budget papers on the council website\n\n"
             "The budget takes effect in April.\n")
    assert repeats(story) == ["Read the full budget papers on the council website"]
    # and a whole paragraph pasted twice in a table-like article still is one
    table = ("Rates\n\nLess than 60 days 4.33 pct\n\n60-90 days 4.13 pct\n\n90-120 days 4.35 pct\n\n"
             "The rates fell for the third week, dealers said, as demand for funds eased.\n\n"
             "The rates fell for the third week, dealers said, as demand for funds eased.\n")
    assert repeats(table) == ["The rates fell for the third week, dealers said, as demand for funds eased."]
