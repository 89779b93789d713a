"""facts.title-* on hand-read cases (cases.yaml): each article, its date and the
findings a copy editor would expect."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import copylint
from copylint.config import Settings
from copylint.model import Severity

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


def lint(text: str, date: dt.date | None, path: str = "x.txt"):
    return copylint.lint_text(text, path=path, config=Settings(select=["facts"], date=date))


@pytest.mark.parametrize("case", CASES, ids=[f"{i}:{c['text'][:40]}" for i, c in enumerate(CASES)])
def test_case(case):
    findings = lint(case["text"], case.get("date"))
    got = [(f.rule, f.matched) for f in findings]
    want = [(e["rule"], e["matched"]) for e in case["expect"]]
    assert got == want, [f.message for f in findings]
    for f, e in zip(findings, case["expect"]):
        for words in e.get("says", []):
            assert words in f.message, f.message
        if "fix" in e:
            assert f.fix is not None and f.fix.edits[0].text == e["fix"]
            assert f.fix.safe is False  # a title fix is never applied without --unsafe-fixes
            assert e["fix"] in f.suggestions


def test_severities():
    f = lint("Talks\n\nPrime Minister Volodymyr Zelenskyy spoke.", None)[0]
    assert f.rule == "facts.title-never-held" and f.severity == Severity.ERROR
    f = lint("US Vice President Joe Biden visits Warsaw", dt.date(2022, 3, 31))[0]
    assert f.severity == Severity.ERROR


def test_positions_point_at_the_title():
    text = "Biden meets allies\n\nUS Vice President Joe Biden met officials."
    f = lint(text, dt.date(2022, 3, 31))[0]
    assert (f.line, f.column, f.end_column) == (3, 4, 18)
    assert f.line_text == "US Vice President Joe Biden met officials."


def test_date_flag_beats_nothing_and_select_narrows():
    text = "President Trump holds rally in Ohio"
    assert lint(text, None) == []  # no date, no other person: nothing to judge against
    only = copylint.lint_text(text, path="x.txt", config=Settings(select=["facts.title-never-held"],
                                                                  date=dt.date(2022, 3, 31)))
    assert only == []


@pytest.mark.parametrize("day, wrong", [
    (dt.date(2016, 10, 1), True),    # before the election: nobody is president-elect yet
    (dt.date(2016, 11, 20), False),  # between the election and the inauguration
    (dt.date(2019, 1, 1), True),     # in office: "-elect" is out of date
    (dt.date(2022, 5, 1), True),     # out of office, no term months away (a user saw these pass)
    (dt.date(2024, 6, 1), True),
    (dt.date(2024, 11, 20), False),
])
def test_elect_only_in_the_months_before_a_term(day, wrong):
    found = lint("President-elect Donald Trump met aides", day)
    assert [f.rule for f in found] == (["facts.title-date"] if wrong else [])


def test_elect_is_not_judged_past_what_the_sources_know():
    # the executive branch's source is as of 2025-01-20: a term beginning later may be
    # one it does not know yet
    assert lint("President-elect Joe Biden met aides", dt.date(2026, 6, 1)) == []
    assert [f.rule for f in lint("President-elect Joe Biden met aides", dt.date(2020, 1, 1))] == ["facts.title-date"]


def test_grace_days_at_a_handover():
    # Biden took office on 2021-01-20; a story posted two days later may still say -elect
    assert lint("President-elect Joe Biden names envoy", dt.date(2021, 1, 22)) == []
    assert lint("President Joe Biden names envoy", dt.date(2021, 1, 19)) == []
    assert [f.rule for f in lint("President Joe Biden names envoy", dt.date(2021, 1, 10))] == ["facts.title-date"]


def test_options_from_config():
    text = "Secretary of State John Kerry says talks go on"
    settings = Settings(select=["facts"], date=dt.date(2022, 3, 31),
                        rules={"facts.title-date": {"history_years": 3}})
    assert copylint.lint_text(text, path="x.txt", config=settings) == []  # Kerry left 5 years before
    assert [f.rule for f in lint(text, dt.date(2022, 3, 31))] == ["facts.title-date"]


def test_cli_date_flag(tmp_path):
    from helpers import run_cli

    story = tmp_path / "story.txt"
    story.write_text("US Vice President Joe Biden visits Warsaw\n\nHe met officials.\n", encoding="utf-8")
    proc = run_cli("check", "--select", "facts", "--date", "2022-03-31", str(story))
    assert proc.returncode == 1, proc.stderr
    assert "facts.title-date" in proc.stdout and "2009-01-20 to 2017-01-20" in proc.stdout
    proc = run_cli("check", "--select", "facts", "--date", "2015-03-31", str(story))
    assert proc.returncode == 0, proc.stdout


def test_extra_people_file_from_settings(tmp_path):
    extra = tmp_path / "desk.yaml"
    extra.write_text(
        "source: desk notes\npeople:\n"
        "  - name: Jane Example\n"
        "    positions:\n"
        "      - {title: Prime Minister, of: EE, start: 2030-01-01}\n", encoding="utf-8")
    settings = Settings(select=["facts"], date=dt.date(2029, 6, 1), people=[str(extra)])
    found = copylint.lint_text("Estonian Prime Minister Jane Example visits Riga", path="x.txt", config=settings)
    assert [f.rule for f in found] == ["facts.title-date"]
    assert "not yet Prime Minister" in found[0].message


def test_broken_people_file_is_a_one_line_error(tmp_path):
    from helpers import run_cli

    bad = tmp_path / "bad.yaml"
    bad.write_text("source: x\npeople:\n  - name: A B\n    positions:\n      - {title: Emperor, of: EE, start: 2020-01-01}\n",
                   encoding="utf-8")
    (tmp_path / ".copylint.yaml").write_text("people: [bad.yaml]\n", encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("President Joe Biden visits Warsaw\n", encoding="utf-8")
    proc = run_cli("check", "--select", "facts", str(story), cwd=tmp_path)
    assert proc.returncode == 2
    assert "bad.yaml:5: unknown title 'Emperor'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_date_the_reader_found_is_used():
    """A reader puts the article's date in doc.fields["date"] (front matter, HTML meta);
    --date, when given, wins over it."""
    from copylint.engine import check_document, load_ruleset
    from copylint.readers import read_text

    settings = Settings(select=["facts"])
    rules = load_ruleset(settings).selected(settings)
    doc = read_text("x.txt", "US Vice President Joe Biden visits Warsaw\n")
    doc.fields["date"] = dt.date(2022, 3, 31)
    findings, _ = check_document(doc, rules, settings)
    assert [f.rule for f in findings] == ["facts.title-date"]
    doc = read_text("x.txt", "US Vice President Joe Biden visits Warsaw\n")
    doc.fields["date"] = dt.date(2022, 3, 31)
    forced = Settings(select=["facts"], date=dt.date(2015, 3, 31))
    findings, _ = check_document(doc, load_ruleset(forced).selected(forced), forced)
    assert findings == []


def test_unsafe_fix_rewrites_the_title_only():
    from copylint.fixer import fix_text

    source = "US Vice President Joe Biden visits Warsaw\n\nHe met officials.\n"
    settings = Settings(select=["facts"], date=dt.date(2022, 3, 31))
    lint_fn = lambda path, text: copylint.lint_text(text, path=path, config=settings)  # noqa: E731
    result, applied, _ = fix_text("x.txt", source, lint_fn, unsafe=False)
    assert applied == 0 and result == source
    result, applied, _ = fix_text("x.txt", source, lint_fn, unsafe=True)
    assert applied == 1 and result == "US President Joe Biden visits Warsaw\n\nHe met officials.\n"


def test_cli_date_beats_front_matter(tmp_path):
    from helpers import run_cli

    story = tmp_path / "story.md"
    story.write_text("---\ntitle: US Vice President Joe Biden visits Warsaw\ndate: 2022-03-31\n---\n\nHe met officials.\n",
                     encoding="utf-8")
    proc = run_cli("check", "--select", "facts", str(story))
    assert proc.returncode == 1 and "on 2022-03-31" in proc.stdout
    proc = run_cli("check", "--select", "facts", "--date", "2015-06-01", str(story))
    assert proc.returncode == 0, proc.stdout


@pytest.mark.parametrize("opening, day", [
    ("WASHINGTON, Nov. 5, 2022 (Reuters) - ", "2022-11-05"),
    ("March 3, 2022 — ", "2022-03-03"),
    ("KABUL, Afghanistan Aug. 23, 2022 - ", "2022-08-23"),
    ("NEW DELHI, 7 September 2022 -- ", "2022-09-07"),
    ("WASHINGTON, Nov. 5 (Reuters) - ", None),  # no year: no date
    ("On March 3, 2022 - a Thursday - ", None),  # a sentence, not a dateline
])
def test_a_dateline_that_gives_its_year_dates_the_story(opening, day):
    text = f"Talks go on\n\n{opening}Vice President Joe Biden said on Tuesday talks would go on.\n"
    found = lint(text, None)
    if day is None:
        assert found == []
    else:
        assert [f.rule for f in found] == ["facts.title-date"] and f"on {day}" in found[0].message


def test_front_matter_date_wins_over_the_dateline():
    from copylint.readers import read_text

    doc = read_text("x.md", "---\ndate: 2015-06-01\n---\n\nWASHINGTON, Nov. 5, 2022 (Reuters) - Talks went on.\n")
    assert doc.date == dt.date(2015, 6, 1)
    doc = read_text("x.md", "---\ntitle: Talks\n---\n\nWASHINGTON, Nov. 5, 2022 (Reuters) - Talks went on.\n")
    assert doc.date == dt.date(2022, 11, 5)


def test_which_office_outranks_another_is_the_base_s_data(monkeypatch):
    """"Former Vice President Joe Biden said on Tuesday" (2022) is stale because the
    vice presidency ranks below the presidency in titles.yaml; ranked equal, it stands."""
    import dataclasses

    from copylint.people import judge
    from copylint.people.kb import load_kb

    text = "Talks\n\nFormer Vice President Joe Biden said on Tuesday the talks would go on."
    assert [f.rule for f in lint(text, dt.date(2022, 3, 1))] == ["facts.title-date"]
    kb = load_kb()
    assert [kb.families[f].rank for f in ("president", "prime minister", "chancellor", "vice president")] == [3, 2, 2, 1]
    families = dict(kb.families, **{"vice president": dataclasses.replace(kb.families["vice president"], rank=3)})
    monkeypatch.setattr(kb, "families", families)
    analysis = judge.analyse(kb, text, [(0, 5, "headline"), (7, len(text), "paragraph")], dt.date(2022, 3, 1),
                             judge.Options())
    assert [v.rule for v in analysis.verdicts] == [""]


def test_a_rank_that_is_no_whole_number_is_an_error(tmp_path):
    from copylint.data import rules_path
    from copylint.people.kb import KBError, load_vocabulary

    titles = tmp_path / "titles.yaml"
    source = rules_path("people", "titles.yaml").read_text(encoding="utf-8")
    titles.write_text(source.replace("    rank: 3\n", "    rank: high\n"), encoding="utf-8")
    with pytest.raises(KBError) as exc:
        load_vocabulary(titles, rules_path("people", "places.yaml"))
    line = source[:source.index("    rank: 3\n")].count("\n") + 1
    assert str(exc.value).startswith(f"{titles}:{line}: the rank of 'president'")
