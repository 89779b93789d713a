"""facts.relative-day: the weekday written beside "yesterday", "today" or "tomorrow"
against the article's date, and the opt-in naming of every relative day."""

from __future__ import annotations

import datetime as dt

import copylint
from copylint.config import Settings

WEDNESDAY = dt.date(1987, 3, 4)


def hits(text: str, date: dt.date | None = WEDNESDAY, **options) -> list:
    rules = {"facts.relative-day": options} if options else {}
    return copylint.lint_text(text, path="story.txt",
                              config=Settings(select=["facts.relative-day"], date=date, rules=rules))


def test_a_weekday_beside_a_relative_day_must_be_that_day():
    assert hits("Frankfurt\n\nThe tender is held today (Wednesday) and funds credited tomorrow (Thursday).") == []
    assert hits("Frankfurt\n\nThe bank met in Frankfurt yesterday, Tuesday, officials said.") == []
    [f] = hits("Frankfurt\n\nThe bank met in Frankfurt yesterday (Monday), officials said.")
    assert f.matched == "Monday" and f.suggestions == ("Tuesday",)
    assert "1987-03-04 (Wednesday) is Tuesday, not Monday" in f.message
    assert f.fix is not None and not f.fix.safe  # the date may be the slip
    [f] = hits("FRANKFURT\n\nFUNDS ARE CREDITED TOMORROW (FRIDAY).")
    assert f.suggestions == ("THURSDAY",)
    # wrapped over two lines, as hard-wrapped Markdown is (a user saw these missed)
    [f] = hits("Frankfurt\n\nThe bank met yesterday\n(Monday), officials said.")
    assert f.matched == "Monday"
    [f] = hits("Frankfurt\n\nFunds are credited tomorrow,\nFriday, officials said.")
    assert f.matched == "Friday"


def test_without_a_date_or_inside_a_quote_nothing_is_said():
    assert hits("Frankfurt\n\nThe bank met yesterday (Monday).", date=None) == []
    assert hits('Frankfurt\n\n"The statement released yesterday (Monday) stands," he said.') == []


def test_naming_the_day_is_opt_in():
    text = "Frankfurt\n\nYesterday's tender was small, and the bank meets again tonight and tomorrow."
    assert hits(text) == []
    found = hits(text, name_days=True)
    assert [(f.matched, f.suggestions) for f in found] == [
        ("Yesterday's", ("Tuesday's",)), ("tonight", ("Wednesday night",)), ("tomorrow", ("Thursday",))]
    assert all(str(f.severity) == "info" for f in found)


def test_a_placeholder_date_is_no_article_date_and_no_crash(tmp_path):
    """A CMS's "never" (9999-12-31) or "unset" (0001-01-01) as the story's date: "tomorrow"
    beside it is past the last day Python's dates hold, and the run ended in an internal
    error naming no file. Such a date is now a front-matter notice and no article date."""
    from helpers import run_cli

    story = "---\ntitle: Council meets\ndate: {}\n---\n\nThe council meets tomorrow (Saturday) and met yesterday (Thursday).\n"
    settings = Settings(select=["facts", "copylint"], rules={"facts.relative-day": {"name-days": True}})
    for written, shown in (("9999-12-31", "9999-12-31"), ("0001-01-01", "0001-01-01"),
                           ('"December 31, 9999"', "9999-12-31")):
        findings = copylint.lint_text(story.format(written), path="story.md", config=settings)
        assert [(f.rule, f.line) for f in findings] == [("copylint.front-matter", 3)], written
        assert findings[0].message.startswith(f"date {shown} is outside the years copylint judges articles in")
    # a date in the working years is judged as before
    found = copylint.lint_text(story.format("2024-03-14"), path="story.md", config=Settings(select=["facts"]))
    assert [(f.rule, f.matched) for f in found] == [("facts.relative-day", "Saturday"),
                                                     ("facts.relative-day", "Thursday")]
    # --date and the config's date: one line naming the value, exit 2
    (tmp_path / "story.txt").write_text("Council meets\n\nThe council meets tomorrow (Saturday).\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--date", "9999-12-31", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("copylint: error: --date: 9999-12-31 is outside the years copylint judges "
                                   "articles in (1000 to 8999)")
    (tmp_path / ".copylint.yaml").write_text("date: 0001-01-01\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().endswith(".copylint.yaml:1: 0001-01-01 is outside the years copylint judges "
                                        "articles in (1000 to 8999)")
