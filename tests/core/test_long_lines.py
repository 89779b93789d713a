"""A story pasted without line breaks: every finding on its one long line keeps an
excerpt of the line, not a copy of it, and the excerpt still places carets and baseline
fingerprints exactly as the whole line would."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from copylint import lint_text
from copylint.baseline import fingerprint
from copylint.config import Settings
from copylint.model import EXCERPT_CONTEXT, LONG_LINE
from helpers import run_cli

SENTENCE = "The council met the the mayor on Monday (and again on Tuesday. "
STORY = "Council meets mayor\n\n" + SENTENCE * 400 + "\n"  # one body line of 25,600 characters
MECHANICAL = Settings(select=["typo.repeated-word", "typo.unbalanced-brackets"])


def whole_line_finding(f, line: str):
    return dataclasses.replace(f, line_text=line, line_offset=0)


def test_findings_on_a_long_line_hold_excerpts_that_place_them() -> None:
    findings = lint_text(STORY, "desk/story.txt", config=MECHANICAL)
    line = STORY.split("\n")[2]
    assert len(findings) == 800 and {f.line for f in findings} == {3}
    for f in findings:
        assert len(f.line_text) <= 2 * EXCERPT_CONTEXT + LONG_LINE + 2
        start = f.column - 1 - f.line_offset
        # the excerpt is the line's own text at the finding's columns
        assert f.line_text[start:start + len(f.matched)] == f.matched
        assert line[f.column - 1:f.end_column - 1] == f.matched
        # and words either side are whole: the fingerprint is the one the whole line gives
        assert fingerprint(f) == fingerprint(whole_line_finding(f, line))
    middle = findings[401]
    assert middle.line_text.startswith("\u2026") and middle.line_text.endswith("\u2026")


def test_a_short_line_is_kept_whole() -> None:
    findings = lint_text("Council meets mayor\n\n" + SENTENCE + "\n", "desk/story.txt", config=MECHANICAL)
    assert [f.line_text for f in findings] == [SENTENCE.rstrip("\n")] * 2
    assert [f.line_offset for f in findings] == [0, 0]


def test_text_report_shows_the_excerpt_with_carets_under_the_word(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    proc = run_cli("check", "--select", "typo.repeated-word", "story.txt", cwd=tmp_path)
    lines = proc.stdout.split("\n")
    report = [(lines[i], lines[i + 1], lines[i + 2]) for i, text in enumerate(lines) if text.startswith("story.txt:")]
    assert len(report) == 400
    for head, source, carets in report[150:153]:
        assert len(source) < 2 * EXCERPT_CONTEXT + 10
        at = carets.index("^")
        assert source[at:carets.rindex("^") + 1] == " the"
        assert source.startswith("    \u2026") and source.endswith("\u2026")


def test_a_long_run_of_spaces_is_read_once() -> None:
    # a run of spaces was tried from each of its spaces by the space-before-punctuation
    # rule, the photo-credit test after an abbreviation and the HTML reader: 32,000 spaces
    # took 7 s (17 s after an abbreviation, 17 s in HTML), quadratic in the run
    gap = " " * 50_000
    rules = Settings(select=["ALL"], languagetool=False)
    found = lint_text(f"Council meets mayor\n\nThe OECD{gap}x , and more.\n", "story.txt", config=rules)
    lint_text(f"<html><body><h1>Council meets</h1><p>The OECD{gap}x , and more.</p></body></html>",
              "story.html", config=rules)
    assert "typo.space-before-punctuation" in {f.rule for f in found}  # (its time: benchmarks/inputs.py)
