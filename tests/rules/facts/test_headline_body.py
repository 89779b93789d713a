"""facts.headline-number and facts.headline-quote beyond the fixture: figures the body
works out (sums, differences, changes in per cent, wire-style "vs"), numbers in words,
what a headline figure is not (dates, times, durations, names), quotes with apostrophes
and cuts, and short bodies left alone."""

from __future__ import annotations

import copylint
from copylint.config import Settings

FILLER = ("The statement gave no other details. Officials declined to comment further on the "
          "matter when asked by reporters, and a spokesman said more would be known later in "
          "the week, once the board had met and the auditors had finished their review of the "
          "accounts. Trading in the shares was heavy through the morning session, dealers said, "
          "and the market closed before any further statement was issued.")


def story(headline: str, body: str) -> str:
    return f"{headline}\n\n{body}\n\n{FILLER}\n"


def figures(headline: str, body: str) -> list[str]:
    found = copylint.lint_text(story(headline, body), path="story.txt",
                               config=Settings(select=["facts.headline-number"]))
    return [f.matched for f in found]


def quotes(headline: str, body: str) -> list[str]:
    found = copylint.lint_text(story(headline, body), path="story.txt",
                               config=Settings(select=["facts.headline-quote"]))
    return [f.matched for f in found]


def test_a_figure_the_body_gives_in_another_form_passes():
    assert figures("Firm sells 7 MLN shares", "Dome said it sold seven mln common shares.") == []
    assert figures("Profit up 10% at Acme", "Acme said profit rose 10 per cent.") == []
    assert figures("Raytheon gets $3.5 billion contract", "It won a 3.53 billion dlr contract.") == []
    assert figures("Union Carbide files 500 mln dlr debt offer",
                   "It covers 250 mln dlrs of notes due 1994 and 250 mln dlrs of debentures.") == []
    # the change a wire headline works out, the second figure taking the first one's scale
    assert figures("Aegon net profit rises 6.4 pct", "Net profit 327.1 mln guilders vs 307.5.") == []
    assert figures("Berisford lifts profit 2.4 mln stg", "Pretax profit 42.7 mln vs 40.3 mln.") == []


def test_a_figure_the_body_does_not_give_is_reported():
    assert figures("Clevite cites 9.6 mln dlr debt", "J.P. Industries refused to pay it 9.5 mln dlrs.") == ["9.6 mln"]
    assert figures("Berisford lifts profit 2.5 mln stg", "Pretax profit 42.7 mln vs 40.3 mln.") == ["2.5 mln"]
    assert figures("Quake kills 300", "At least 250 people died, officials said.") == ["300"]
    # hundreds in words count (a user's "three hundred people" was called a figure the
    # body never gives)
    assert figures("Quake kills 300", "The earthquake killed three hundred people, officials said.") == []
    assert figures("Quake kills 400", "The earthquake killed three hundred people, officials said.") == ["400"]


def test_a_rounded_figure_passes_only_where_the_headline_says_so():
    assert figures("Nearly 300 dead in quake", "At least 270 people died.") == []
    assert figures("300 dead in quake", "At least 270 people died.") == ["300"]
    assert figures("Nearly 300 dead in quake", "At least 200 people died.") == ["300"]


def test_dates_times_years_durations_and_names_are_no_headline_figures():
    assert figures("LME copper prices - April 7", "Copper rose on the day.") == []
    assert figures("Wall Street indices 1300 GMT", "Stocks rose.") == []
    assert figures("Paper market strong in '87, institute says", "Demand is rising.") == []
    assert figures("Exide sells 10-year notes as COVID-19 delays G7 summit", "Notes due 1997.") == []
    assert figures("No. 3 Miami stops Louisville", "Miami won.") == []


def test_one_million_or_one_metre():
    # without a currency "1m" may be either; the body's figure decides
    assert figures("Carnival crowds likely to top 1m", "Organisers expect a million visitors.") == []
    assert figures("Coughlin wins 100M backstroke", "She won the 100 metres backstroke.") == []


def test_a_quote_the_body_reports_passes_with_cuts_and_curly_marks():
    body = "“We will not leave, whatever it takes, until the job is done,” she said."
    assert quotes("Minister: 'We won't leave'", "“We won't leave,” the minister said.") == []
    assert quotes("Minister: ‘We will not leave until the job is done’", body) == []
    assert quotes("Minister: \"We will not leave ... until the job is done\"", body) == []
    assert quotes("Trump again claims he 'would have won' popular vote",
                  "He said he could have won more votes.") == ["'would have won'"]


def test_a_short_capitalised_name_in_quotes_is_not_held_to_the_body():
    assert quotes("Fans convinced the pair married on 'SNL'", "The couple appeared on Saturday Night Live.") == []
    assert quotes("Toys \"R\" Us posts loss", "The retailer posted a loss.") == []


def test_the_filler_is_long_enough_to_be_compared():
    assert len(FILLER.split()) >= 60


def test_a_brief_is_not_compared():
    text = "Quake kills 300: 'We will rebuild'\n\nAt least 250 people died.\n"
    assert copylint.lint_text(text, path="story.txt",
                              config=Settings(select=["facts.headline-number", "facts.headline-quote"])) == []


def test_headline_quotes_agree_with_the_pattern() -> None:
    # the quotations of a headline, tried only where one can close, must be the pattern's
    # own matches (its finditer read from every unclosed mark to the end of the line)
    import random

    from copylint.rules.headline import _HEAD_QUOTE_RE, _headline_quotes

    rng = random.Random(12)
    pieces = ['"', "“", "”", "‘", "’", "'", "a", "b", " ", "\n", "1", "’s", "é"]
    for _ in range(40000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        got = [(m.span(), m.groups()) for m in _headline_quotes(text, start, end)]
        want = [(m.span(), m.groups()) for m in _HEAD_QUOTE_RE.finditer(text, start, end)]
        assert got == want, (text, start, end)
