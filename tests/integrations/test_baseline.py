"""Baseline: fingerprints survive edits elsewhere in the file; only new findings are
reported; the file is stable; errors exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from copylint.baseline import Baseline, fingerprint
from copylint.model import Finding, Severity
from integration_support import git, run_cli


def make_baseline(folder: Path, *paths: str, out: str = "copylint-baseline.json") -> dict:
    proc = run_cli("baseline", *paths, "-o", out, cwd=folder)
    assert proc.returncode == 0, proc.stderr
    return json.loads((folder / out).read_text(encoding="utf-8"))


def test_baseline_records_findings_without_positions(stories: Path) -> None:
    doc = make_baseline(stories, "harbour.txt", "clean.txt")
    assert doc["version"] == 2 and doc["tool"] == "copylint"
    entries = doc["findings"]
    assert sorted(e["rule"] for e in entries) == sorted([
        "typo.repeated-word", "typo.double-space", "typo.space-before-punctuation", "typo.unbalanced-brackets"])
    for e in entries:
        assert e["path"] == "harbour.txt"
        assert set(e) == {"path", "rule", "fingerprint", "occurrence", "rank", "text", "message"}
    assert entries == sorted(entries, key=lambda e: (e["path"], e["rule"], e["fingerprint"], e["occurrence"]))


def test_check_with_baseline_reports_nothing_until_something_new(stories: Path) -> None:
    make_baseline(stories, ".")
    proc = run_cli("check", "--baseline", "copylint-baseline.json", ".", cwd=stories)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout == ""
    assert "4 finding(s) in the baseline not shown" in proc.stderr

    path = stories / "harbour.txt"
    text = path.read_text(encoding="utf-8")
    # edits elsewhere: a new paragraph at the top, words changed on the same long line
    # as a baselined slip, and the bracket paragraph moved to the end
    lines = text.split("\n")
    bracket = lines.pop(6)
    lines.pop(6)
    lines.insert(2, "UPDATE: This story has been updated with comment from the union.\n")
    lines[4] = lines[4].replace("taken to hospital on Tuesday", "taken to St Mary's hospital late on Tuesday")
    lines += ["", bracket]
    path.write_text("\n".join(lines), encoding="utf-8")
    proc = run_cli("check", "--baseline", "copylint-baseline.json", ".", cwd=stories)
    assert proc.returncode == 0, proc.stdout
    assert "4 finding(s) in the baseline not shown" in proc.stderr

    # a new slip is reported, and only it
    path.write_text(path.read_text(encoding="utf-8") + "\nManagers said said they would cooperate.\n",
                    encoding="utf-8")
    proc = run_cli("check", "--baseline", "copylint-baseline.json", "--format", "json", ".", cwd=stories)
    assert proc.returncode == 1
    findings = json.loads(proc.stdout)["findings"]
    assert [(f["rule"], f["matched"]) for f in findings] == [("typo.repeated-word", " said")]


KIEV_STORY = ("Talks resume on Monday\n\nOfficials met on Monday. The envoy spoke to the goverment office in Kiev.\n"
              "Talks will resume, an aide said.\n")
# what copylint 0.1.0 (baseline version 1) recorded for KIEV_STORY
KIEV_V1 = {"version": 1, "tool": "copylint", "fingerprint": "rule+text+3-word-context/v1", "findings": [
    {"path": "s.txt", "rule": "house.kyiv", "fingerprint": "f6364a3203df0e87e1a2", "occurrence": 0,
     "text": "Kiev", "message": "Use the Ukrainian spelling Kyiv, not Kiev."},
    {"path": "s.txt", "rule": "typo.spelling", "fingerprint": "44464cb386aefd83a5c4", "occurrence": 0,
     "text": "goverment", "message": "'goverment' is not in the dictionary; did you mean 'government'?"}]}


def test_edits_next_to_a_baselined_finding_do_not_bring_it_back(tmp_path: Path) -> None:
    """A sentence appended after "...office in Kiev.", the neighbouring "goverment" fixed,
    or the paragraph re-wrapped brought the baselined house.kyiv finding back (its three
    words of context crossed sentences and lines) and called its entry "no longer found".
    A new "Kiev" elsewhere is still reported. A version 1 file still matches."""
    story = tmp_path / "s.txt"
    (tmp_path / "v1.json").write_text(json.dumps(KIEV_V1), encoding="utf-8")
    story.write_text(KIEV_STORY, encoding="utf-8")
    make_baseline(tmp_path, "--no-languagetool", "s.txt", out="b.json")
    edits = [("in Kiev.", "in Kiev. The mayor disagreed."),  # a sentence appended
             ("goverment office", "government office"),  # the neighbouring typo fixed
             ("office in Kiev", "office in\nKiev")]  # re-wrapped
    text = KIEV_STORY
    for old, new in edits:
        text = text.replace(old, new)
        story.write_text(text, encoding="utf-8")
        for file in ("b.json", "v1.json"):
            proc = run_cli("check", "--no-languagetool", "--baseline", file, "s.txt", cwd=tmp_path)
            assert proc.returncode == 0, (old, file, proc.stdout)
            fixed = "goverment" not in text
            assert f"{1 if fixed else 2} finding(s) in the baseline not shown" in proc.stderr
            assert ("1 baseline entry no longer found" in proc.stderr) == fixed, proc.stderr
    story.write_text(text + "\nAides stayed in Kiev overnight.\n", encoding="utf-8")
    for file in ("b.json", "v1.json"):
        proc = run_cli("check", "--no-languagetool", "--baseline", file, "--format", "json", "s.txt", cwd=tmp_path)
        assert [(f["rule"], f["line"]) for f in json.loads(proc.stdout)["findings"]] == [("house.kyiv", 7)], file


def test_the_same_slip_twice_counts_twice(tmp_path: Path) -> None:
    story = tmp_path / "s.txt"
    story.write_text("Election night\n\nIn the morning the voters said the the queue was long.\n", encoding="utf-8")
    make_baseline(tmp_path, "s.txt", out="b.json")
    # the same slip in the same nearby words: same fingerprint, but the baseline holds it once
    story.write_text(story.read_text(encoding="utf-8") + "\nBy nightfall the voters said the the queue was long again.\n",
                     encoding="utf-8")
    proc = run_cli("check", "--baseline", "b.json", "--format", "json", "s.txt", cwd=tmp_path)
    findings = json.loads(proc.stdout)["findings"]
    assert len(findings) == 1 and findings[0]["line"] == 5
    assert proc.returncode == 1


def test_fixed_findings_are_counted_as_stale(stories: Path) -> None:
    make_baseline(stories, "harbour.txt")
    run_cli("check", "--fix", "harbour.txt", cwd=stories)
    proc = run_cli("check", "--baseline", "copylint-baseline.json", "harbour.txt", cwd=stories)
    assert proc.returncode == 0
    assert "1 finding(s) in the baseline not shown" in proc.stderr
    assert "3 baseline entries no longer found" in proc.stderr


def test_entries_a_narrower_run_could_not_match_are_not_stale(tmp_path: Path, repo: Path) -> None:
    """check --select typo --baseline said the house.* entry was "no longer found (fixed?
    regenerate...)", and --changed-since counted the entries of unchanged lines."""
    story = tmp_path / "a.txt"
    story.write_text("Storm hits the coast\n\nThe the storm hit Kiev on Monday , officials said.\n")
    doc = make_baseline(tmp_path, "--no-languagetool", "a.txt", out="bl.json")
    assert {e["rule"] for e in doc["findings"]} >= {"house.kyiv", "typo.repeated-word"}
    proc = run_cli("check", "--no-languagetool", "--select", "typo", "--baseline", "bl.json", "a.txt", cwd=tmp_path)
    assert proc.returncode == 0 and "no longer found" not in proc.stderr, proc.stderr
    story.write_text(story.read_text().replace("The the", "The"))  # a real fix is still counted
    proc = run_cli("check", "--no-languagetool", "--select", "typo", "--baseline", "bl.json", "a.txt", cwd=tmp_path)
    assert "1 baseline entry no longer found" in proc.stderr

    (repo / "a.txt").write_text(story.read_text())
    (repo / "bl.json").write_text((tmp_path / "bl.json").read_text())
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "story")
    proc = run_cli("check", "--no-languagetool", "--changed-since", "HEAD", "--baseline", "bl.json", "a.txt", cwd=repo)
    assert proc.returncode == 0 and "no longer found" not in proc.stderr, proc.stderr


def test_baseline_is_stable_and_paths_are_relative_to_it(stories: Path, tmp_path: Path) -> None:
    first = make_baseline(stories, ".", out="ci/baseline.json")
    raw = (stories / "ci" / "baseline.json").read_bytes()
    make_baseline(stories, "harbour.txt", "clean.txt", out="ci/baseline.json")
    assert (stories / "ci" / "baseline.json").read_bytes() == raw
    assert {e["path"] for e in first["findings"]} == {"../harbour.txt"}
    # an unrelated edit (a new paragraph at the end) leaves the regenerated file unchanged
    with open(stories / "harbour.txt", "a", encoding="utf-8") as fh:
        fh.write("\nThe port reopened on Wednesday morning.\n")
    make_baseline(stories, ".", out="ci/baseline.json")
    assert (stories / "ci" / "baseline.json").read_bytes() == raw
    # used from another folder, it still matches
    proc = run_cli("check", "--baseline", str(stories / "ci" / "baseline.json"), str(stories), cwd=tmp_path)
    assert proc.returncode == 0 and "4 finding(s) in the baseline not shown" in proc.stderr


def test_baseline_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text("Headline for the test\n\nBody text.\n", encoding="utf-8")
    missing = run_cli("check", "--baseline", "nope.json", "s.txt", cwd=tmp_path)
    assert missing.returncode == 2 and "nope.json: baseline file not found" in missing.stderr
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    bad = run_cli("check", "--baseline", "bad.json", "s.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "bad.json:1: baseline is not valid JSON" in bad.stderr
    (tmp_path / "old.json").write_text(json.dumps({"version": 99, "tool": "copylint", "findings": []}), encoding="utf-8")
    old = run_cli("check", "--baseline", "old.json", "s.txt", cwd=tmp_path)
    assert old.returncode == 2 and "baseline version 99 is not supported" in old.stderr
    nothing = run_cli("baseline", "-o", "b.json", "missing.txt", cwd=tmp_path)
    assert nothing.returncode == 2 and not (tmp_path / "b.json").exists()
    assert "missing.txt: no such file" in nothing.stderr


def _f(line_text: str, column: int, end_column: int, rule: str = "typo.repeated-word", line: int = 1) -> Finding:
    return Finding(path="a.md", rule=rule, severity=Severity.ERROR, message="m", line=line, column=column,
                   end_line=line, end_column=end_column, matched=line_text[column - 1:end_column - 1],
                   line_text=line_text)


def test_fingerprint_uses_nearby_words_only() -> None:
    base = "In a long paragraph, officials said the the budget would pass, and more words follow here."
    col = base.index(" the budget") + 1
    a = _f(base, col, col + 4)
    far_edit = base.replace("In a long paragraph", "Deep inside a very long paragraph")
    far_edit = far_edit.replace("more words follow here", "other words come later")
    col2 = far_edit.index(" the budget") + 1
    b = _f(far_edit, col2, col2 + 4, line=40)
    assert fingerprint(a) == fingerprint(b)
    near_edit = base.replace("officials said", "ministers said")
    col3 = near_edit.index(" the budget") + 1
    assert fingerprint(_f(near_edit, col3, col3 + 4)) != fingerprint(a)
    assert fingerprint(_f(base, col, col + 4, rule="typo.other")) != fingerprint(a)


def test_split_matches_in_file_order(tmp_path: Path) -> None:
    text = "x the the y"
    f1, f2 = _f(text, 2, 6, line=1), _f(text, 2, 6, line=9)
    base = Baseline.from_findings([f1], tmp_path)
    new, old = base.split([f2, f1])
    assert old == [f1] and new == [f2]


def test_baseline_takes_the_run_options_check_takes(stories: Path, tmp_path: Path) -> None:
    """A user could not record a baseline "with the same settings as check": baseline had
    no --no-languagetool, --languagetool-url, --require-languagetool, --no-cache or
    --cache-dir. The same run options now give the same findings, which the baseline then
    hides from check."""
    options = ["--select", "typo", "--no-languagetool", "--no-cache", "--cache-dir", str(tmp_path / "cache")]
    doc = make_baseline(stories, *options, "harbour.txt")
    check = run_cli("check", *options, "--format", "json", "harbour.txt", cwd=stories)
    assert sorted(e["rule"] for e in doc["findings"]) == sorted(f["rule"] for f in json.loads(check.stdout)["findings"])
    hidden = run_cli("check", *options, "--baseline", "copylint-baseline.json", "harbour.txt", cwd=stories)
    assert hidden.returncode == 0 and hidden.stdout == ""
    both = run_cli("baseline", "--no-languagetool", "--require-languagetool", "harbour.txt", "-o", "b.json", cwd=stories)
    assert both.returncode == 2 and "contradict" in both.stderr
