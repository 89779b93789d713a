"""A pack rule's ``since``: the day a style took effect. A story dated before it followed
the style of its day (Kiev in 2015, "the Ukraine" in 1987) and is not judged by the rule;
an undated story is taken as current; --date stands in for the story's own date."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from packtools import lint, rows, write_pack

from copylint import lint_text
from copylint.config import Settings
from copylint.packs import PackError
from copylint.packs.loader import read_pack

DATED = "---\ntitle: Talks resume\ndate: {date}\n---\n\nTalks resumed in Kiev on Monday.\n"


def _kyiv(story_date: str | None, **settings) -> list:
    text = DATED.format(date=story_date) if story_date else "Talks resume\n\nTalks resumed in Kiev on Monday.\n"
    found = lint_text(text, path="story.md" if story_date else "story.txt",
                      config=Settings(select=["house.kyiv"], **settings))
    return [f.matched for f in found]


def test_story_dated_before_since_is_left_alone():
    assert _kyiv("2015-03-02") == []
    assert _kyiv("2019-08-13") == []


def test_story_dated_on_or_after_since_is_judged():
    assert _kyiv("2019-08-14") == ["Kiev"]
    assert _kyiv("2022-03-01") == ["Kiev"]


def test_undated_story_is_taken_as_current():
    assert _kyiv(None) == ["Kiev"]


def test_date_option_wins_over_the_story_date():
    assert _kyiv("2022-03-01", date=dt.date(2015, 1, 1)) == []
    assert _kyiv(None, date=dt.date(2015, 1, 1)) == []
    assert _kyiv("2015-03-02", date=dt.date(2023, 1, 1)) == ["Kiev"]


def test_dateline_year_dates_a_wire_story():
    """A Reuters dateline with its year is the story's date, as for the title rules."""
    old = "Soviet grain\n\nMOSCOW, March 2, 1987 (Reuters) - Troops left the Ukraine and Chernobyl town.\n"
    new = old.replace("1987", "1992")
    assert rows(lint(old, ["house.the-ukraine", "house.chornobyl"]), with_fix=False) == []
    assert [r[0] for r in rows(lint(new, ["house.the-ukraine", "house.chornobyl"]), with_fix=False)] == [
        "house.the-ukraine", "house.chornobyl"]


def test_other_rules_of_the_pack_still_run_on_an_old_story():
    """since silences its own rule only: the same pack's other rules still judge the story."""
    text = DATED.format(date="2015-03-02").replace("Kiev on Monday.", "Kiev on Monday, and Kiev on Tuesday.\n\n"
                                                   "Prime Minster Arseniy Yatsenyuk spoke.")
    found = lint_text(text, path="story.md", config=Settings(select=["house"]))
    assert [f.rule for f in found] == ["house.wrong-word"]


def _error(tmp_path, rule_lines: str) -> str:
    path = write_pack(tmp_path, "desk.yaml", "pack: desk\nrules:\n" + textwrap.dedent(rule_lines))
    with pytest.raises(PackError) as exc:
        read_pack(path)
    return str(exc.value).replace(str(tmp_path) + "/", "")


def test_since_that_is_no_date_names_its_line(tmp_path):
    msg = _error(tmp_path, """\
      - id: kyiv
        kind: substitution
        message: "Use {replacement}."
        since: last summer
        swap: {Kiev: Kyiv}
        tests: {fail: ["In Kiev."], pass: ["In Kyiv."]}
    """)
    assert msg == "desk.yaml:6: rule 'kyiv': since: 'last summer' is not a date (YYYY-MM-DD)"


def test_example_date_that_is_no_date_names_its_line(tmp_path):
    msg = _error(tmp_path, """\
      - id: kyiv
        kind: substitution
        message: "Use {replacement}."
        since: 2019-08-14
        swap: {Kiev: Kyiv}
        tests:
          fail: ["In Kiev."]
          pass: [{body: "In Kiev.", date: 14/08/2019}]
    """)
    assert msg == "desk.yaml:10: rule 'kyiv': date: '14/08/2019' is not a date (YYYY-MM-DD)"


def test_quoted_since_is_read_as_a_date(tmp_path):
    path = write_pack(tmp_path, "desk.yaml", textwrap.dedent("""\
        pack: desk
        rules:
          - id: kyiv
            kind: substitution
            message: "Use {replacement}."
            since: "2019-08-14"
            swap: {Kiev: Kyiv}
            tests: {fail: ["In Kiev."], pass: ["In Kyiv."]}
        """))
    old = "---\ntitle: T\ndate: 2018-01-01\n---\n\nIn Kiev.\n"
    assert lint_text(old, path="a.md", config=Settings(select=["desk"], packs=[str(path)])) == []
    assert len(lint_text(old.replace("2018", "2020"), path="a.md",
                         config=Settings(select=["desk"], packs=[str(path)]))) == 1
