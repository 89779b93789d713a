"""Autofix: ``--fix`` writes safe fixes atomically and idempotently, keeping mode, BOM
and line endings; ``--diff`` writes nothing and prints a patch git can apply;
``--unsafe-fixes``; broken UTF-8 is refused, UTF-16 written back as UTF-16; standard
input goes to stdout."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
from pathlib import Path

from click.testing import CliRunner

from copylint.fixer import apply_edits, choose_edits, fix_text
from copylint.model import Edit, Finding, Fix, Severity
from integration_support import reuters_articles, run_cli

HARBOUR_FIXED_LINES = {
    3: "PORT ELLERY — A crane operator was taken to hospital on Tuesday after the arm of a container "
       "crane folded onto the quay during the night shift, the port authority said.",
    5: "Work on berths four and five stopped at about 2 a.m. while engineers inspected the remaining "
       "cranes, a spokeswoman said. She said the operator was conscious and talking when paramedics arrived.",
}


def expected_harbour(original: str) -> str:
    lines = original.split("\n")
    for n, text in HARBOUR_FIXED_LINES.items():
        lines[n - 1] = text
    return "\n".join(lines)


def test_fix_writes_safe_fixes_and_reports_what_is_left(stories: Path) -> None:
    path = stories / "harbour.txt"
    original = path.read_text(encoding="utf-8")
    proc = run_cli("check", "--fix", "harbour.txt", cwd=stories)
    assert path.read_text(encoding="utf-8") == expected_harbour(original)
    # only the unclosed bracket (no fix) is reported, and it still fails the run
    assert proc.returncode == 1
    assert "typo.unbalanced-brackets" in proc.stdout
    for gone in ("typo.repeated-word", "typo.double-space", "typo.space-before-punctuation"):
        assert gone not in proc.stdout
    assert "fixed 3 finding(s) in 1 file(s)" in proc.stderr
    assert "1 file(s) checked: 0 error(s), 1 warning(s), 0 info" in proc.stderr


def test_second_run_changes_nothing_and_untouched_files_stay_untouched(stories: Path) -> None:
    harbour, clean = stories / "harbour.txt", stories / "clean.txt"
    before_clean = os.stat(clean)
    run_cli("check", "--fix", ".", cwd=stories)
    after_first = os.stat(harbour)
    fixed = harbour.read_bytes()
    second = run_cli("check", "--fix", ".", cwd=stories)
    assert "nothing to fix" in second.stderr
    assert harbour.read_bytes() == fixed
    after_second = os.stat(harbour)
    assert (after_second.st_ino, after_second.st_mtime_ns) == (after_first.st_ino, after_first.st_mtime_ns)
    after_clean = os.stat(clean)
    assert (after_clean.st_ino, after_clean.st_mtime_ns) == (before_clean.st_ino, before_clean.st_mtime_ns)
    # no temporary files left behind
    assert sorted(p.name for p in stories.iterdir()) == ["clean.txt", "harbour.txt"]


def test_fix_keeps_mode_bom_and_crlf(tmp_path: Path) -> None:
    story = "\ufeffCity budget vote delayed\r\n\r\nThe the council will vote  next week .\r\nNo date was set.\r\n"
    path = tmp_path / "budget.txt"
    path.write_bytes(story.encode("utf-8"))
    os.chmod(path, 0o640)
    proc = run_cli("check", "--fix", "budget.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = path.read_bytes()
    assert data == ("\ufeffCity budget vote delayed\r\n\r\nThe council will vote next week.\r\n"
                    "No date was set.\r\n").encode("utf-8")
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_a_file_with_lone_cr_line_ends_is_reported_by_line_and_fixed_in_place(tmp_path: Path) -> None:
    """An old Mac export ends its lines with CR alone: each line is counted as one,
    findings stand at their own line, and --fix writes each fix at its word, CRs kept."""
    story = "Council vote delayed\r\rThe goverment said on Monday.\rIt was teh end.\r"
    path = tmp_path / "vote.txt"
    path.write_bytes(story.encode("utf-8"))
    proc = run_cli("check", "--format", "json", "vote.txt", cwd=tmp_path)
    spelling = [(f["line"], f["column"], f["matched"]) for f in json.loads(proc.stdout)["findings"]
                if f["rule"] == "typo.spelling"]
    assert spelling == [(3, 5, "goverment"), (4, 8, "teh")]
    run_cli("check", "--fix", "vote.txt", cwd=tmp_path)
    assert path.read_bytes() == b"Council vote delayed\r\rThe government said on Monday.\rIt was the end.\r"


def test_fix_writes_utf16_back_as_utf16(tmp_path: Path) -> None:
    """A file read as UTF-16 is written back in UTF-16 with its mark and its CRLFs, on
    disk and from standard input alike."""
    story = "City budget vote delayed\r\n\r\nThe the council will vote next week.\r\n"
    fixed = "City budget vote delayed\r\n\r\nThe council will vote next week.\r\n"
    path = tmp_path / "budget.txt"
    path.write_bytes(b"\xfe\xff" + story.encode("utf-16-be"))
    proc = run_cli("check", "--fix", "budget.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_bytes() == b"\xfe\xff" + fixed.encode("utf-16-be")
    piped = run_cli("check", "--fix", "-", input=b"\xff\xfe" + story.encode("utf-16-le"), cwd=tmp_path, raw=True)
    assert piped.stdout == b"\xff\xfe" + fixed.encode("utf-16-le")


PAGE_1252 = ('<html><head><meta charset="windows-1252"><title>Café vote</title></head><body>'
             '<h1>Café owners vote</h1><p>The café owners said the the plan – a “fair” one – would pass.</p>'
             '</body></html>\n')


def test_a_page_in_its_declared_charset_is_read_and_fixed_in_it(tmp_path: Path) -> None:
    """An old CMS export in Windows-1252 that says so in its <meta charset> is read in it
    (no bytes to mark as broken UTF-8) and written back in it."""
    path = tmp_path / "page.html"
    path.write_bytes(PAGE_1252.encode("cp1252"))
    proc = run_cli("check", "--format", "json", "page.html", cwd=tmp_path)
    found = [(f["rule"], f["line"], f["column"], f["matched"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [("typo.repeated-word", 1, 131, " the")]
    proc = run_cli("check", "--fix", "page.html", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert path.read_bytes() == PAGE_1252.replace("the the", "the").encode("cp1252")


def test_a_fix_the_declared_charset_cannot_hold_is_refused(tmp_path: Path) -> None:
    (tmp_path / "desk.yaml").write_text(
        'pack: desk\nrules:\n  - id: kyiv\n    kind: substitution\n    message: "Use {replacement}."\n'
        '    swap: {Kiev: Київ}\n    tests: {fail: ["In Kiev."], pass: ["In Київ."]}\n', encoding="utf-8")
    page = PAGE_1252.replace("would pass.", "would pass in Kiev.").encode("cp1252")
    path = tmp_path / "page.html"
    path.write_bytes(page)
    proc = run_cli("check", "--fix", "--pack", "desk.yaml", "--select", "desk", "page.html", cwd=tmp_path)
    assert path.read_bytes() == page  # left as it was, not half written
    assert "page.html: not fixed: cp1252 cannot hold 'Київ', which the fix writes" in proc.stderr
    assert proc.returncode == 1 and "desk.kyiv" in proc.stdout


def test_fix_repairs_a_word_repeated_across_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "wrap.txt"
    path.write_text("Rain expected\n\nForecasters said the\nthe storm will pass by noon.\n", encoding="utf-8")
    proc = run_cli("check", "--fix", "wrap.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert path.read_text(encoding="utf-8") == "Rain expected\n\nForecasters said the storm will pass by noon.\n"


def test_fix_follows_a_symlink_and_keeps_it(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("Short headline here\n\nIt it rained.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    run_cli("check", "--fix", "link.txt", cwd=tmp_path)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "Short headline here\n\nIt rained.\n"


def test_diff_writes_nothing_and_applies_with_git(stories: Path, tmp_path: Path) -> None:
    original = (stories / "harbour.txt").read_bytes()
    proc = run_cli("check", "--diff", "harbour.txt", "clean.txt", cwd=stories)
    assert proc.returncode == 1  # something would change
    assert (stories / "harbour.txt").read_bytes() == original
    assert proc.stdout.startswith("--- a/harbour.txt\n+++ b/harbour.txt\n@@ ")
    assert "clean.txt" not in proc.stdout
    assert "would fix 3 finding(s) in 1 file(s)" in proc.stderr
    patch = tmp_path / "fix.patch"
    patch.write_text(proc.stdout, encoding="utf-8")
    subprocess.run(["git", "apply", str(patch)], cwd=stories, check=True)
    assert (stories / "harbour.txt").read_text(encoding="utf-8") == expected_harbour(original.decode("utf-8"))
    # nothing left to fix: --diff now prints nothing and exits 0
    again = run_cli("check", "--diff", "harbour.txt", cwd=stories)
    assert again.returncode == 0 and again.stdout == ""


def test_diff_with_a_report_file_writes_the_report_too(tmp_path: Path) -> None:
    """check --diff --format sarif -o r.sarif wrote no r.sarif: --diff returned before the
    report was written. Without -o, a report format beside the diff is a usage error."""
    (tmp_path / "stories").mkdir()
    story = tmp_path / "stories" / "a.txt"
    story.write_text("Ferry delayed\n\nThe the ferry left late.\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--diff", "--format", "sarif", "-o", "r.sarif", "stories",
                   cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.startswith("--- a/stories/a.txt")
    results = json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["typo.repeated-word"]
    assert "The the" in story.read_text(encoding="utf-8")  # --diff still writes no story
    proc = run_cli("check", "--no-languagetool", "--diff", "--format", "sarif", "stories", cwd=tmp_path)
    assert proc.returncode == 2 and "with -o FILE" in proc.stderr and proc.stdout == ""


def test_diff_names_apply_and_a_utf16_file_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """From a user audit: "../a/story.md" went into the diff as a/../a/story.md, a name with
    a space had no closing tab (GNU patch could not find it), and a UTF-16 file's hunk was
    UTF-8 text git apply refused, blocking every other file's fix."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.md").write_text("# Talks\n\nThe the talks.\n", encoding="utf-8")
    (tmp_path / "a" / "my story.txt").write_text("Talks\n\nThe the talks.\n", encoding="utf-8")
    (tmp_path / "a" / "u16.txt").write_bytes("Talks\r\n\r\nThe the talks.\r\n".encode("utf-16"))
    proc = run_cli("check", "--diff", "--select", "typo", "../a/story.md", "my story.txt", "u16.txt",
                   cwd=tmp_path / "a")
    heads = [line for line in proc.stdout.splitlines() if line.startswith("---")]
    assert heads == ["--- a/story.md", "--- a/my story.txt\t"]
    assert "u16.txt: left out of the diff: the file is UTF-16" in proc.stderr
    subprocess.run(["git", "apply", "-"], input=proc.stdout.encode(), cwd=tmp_path / "a", check=True)
    assert (tmp_path / "a" / "my story.txt").read_text(encoding="utf-8") == "Talks\n\nThe talks.\n"
    assert (tmp_path / "a" / "story.md").read_text(encoding="utf-8") == "# Talks\n\nThe talks.\n"


def test_a_diff_with_a_file_outside_the_working_folder_names_all_from_the_git_top(tmp_path: Path) -> None:
    """`cd stories && check --diff clinton.md ../wire.txt` named wire.txt from the git top
    and clinton.md from stories/, so git apply failed in both places."""
    top = tmp_path / "repo"
    (top / "stories").mkdir(parents=True)
    (top / "stories" / "clinton.md").write_text("# Talks\n\nThe the talks.\n", encoding="utf-8")
    (top / "wire.txt").write_text("Wire\n\nThe the wire.\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=top, check=True)
    proc = run_cli("check", "--no-languagetool", "--select", "typo", "--diff", "clinton.md", "../wire.txt",
                   cwd=top / "stories")
    assert proc.returncode == 1
    assert [line for line in proc.stdout.splitlines() if line.startswith("---")] == [
        "--- a/wire.txt", "--- a/stories/clinton.md"]
    assert f"the diff names files from {top.resolve()}: apply it there" in proc.stderr
    subprocess.run(["git", "apply", "--check", "-"], input=proc.stdout.encode(), cwd=top, check=True)
    # all inside the working folder: named from it, and no word about where to apply
    inside = run_cli("check", "--no-languagetool", "--select", "typo", "--diff", "clinton.md", cwd=top / "stories")
    assert "--- a/clinton.md" in inside.stdout and "apply it there" not in inside.stderr
    subprocess.run(["git", "apply", "--check", "-"], input=inside.stdout.encode(), cwd=top / "stories", check=True)


def test_diff_marks_a_missing_final_newline(tmp_path: Path) -> None:
    (tmp_path / "end.txt").write_bytes(b"Headline of the day\n\nThe end end")
    proc = run_cli("check", "--diff", "end.txt", cwd=tmp_path)
    assert proc.stdout.endswith("-The end end\n\\ No newline at end of file\n+The end\n\\ No newline at end of file\n")
    subprocess.run(["git", "apply", "-"], input=proc.stdout.encode(), cwd=tmp_path, check=True)
    assert (tmp_path / "end.txt").read_bytes() == b"Headline of the day\n\nThe end"


def test_broken_utf8_is_refused(tmp_path: Path) -> None:
    data = b"Market report\n\nShares rose \xff sharply in in early trading.\n"
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    proc = run_cli("check", "--fix", "bad.txt", cwd=tmp_path)
    assert path.read_bytes() == data
    assert "bad.txt: not fixed: invalid UTF-8 at line 3" in proc.stderr
    assert "typo.repeated-word" in proc.stdout  # still reported
    assert proc.returncode == 1


def test_stdin_fix_prints_fixed_text_and_reports_on_stderr(tmp_path: Path) -> None:
    proc = run_cli("check", "--fix", "--stdin-filename", "desk/note.txt", "-", cwd=tmp_path,
                   input="Note to desk\n\nCheck the the figures (and the quote.\n".encode())
    assert proc.stdout == "Note to desk\n\nCheck the figures (and the quote.\n"
    assert "desk/note.txt:3:19: warning typo.unbalanced-brackets" in proc.stderr
    assert proc.returncode == 1


def test_fix_with_json_report_to_file(stories: Path) -> None:
    proc = run_cli("check", "--fix", "--format", "json", "-o", "r.json", "harbour.txt", cwd=stories)
    assert proc.returncode == 1
    import json

    findings = json.loads((stories / "r.json").read_text(encoding="utf-8"))["findings"]
    assert [f["rule"] for f in findings] == ["typo.unbalanced-brackets"]
    assert (findings[0]["line"], findings[0]["column"]) == (7, 57)


def test_unsafe_fixes_need_the_flag(tmp_path: Path, monkeypatch) -> None:
    """A rule whose fix is marked unsafe: --fix leaves it, --unsafe-fixes applies it."""
    from copylint import registry, runner
    from copylint.cli import main

    original = registry.builtin_rules

    def with_unsafe_repeats():
        rules = []
        for r in original():
            if r.id == "typo.repeated-word":
                check = r.check

                def unsafe_check(doc, ctx, _check=check):
                    for hit in _check(doc, ctx):
                        yield dataclasses.replace(hit, safe=False)

                r = dataclasses.replace(r, check=unsafe_check)
            rules.append(r)
        return rules

    monkeypatch.setattr(registry, "builtin_rules", with_unsafe_repeats)
    monkeypatch.setattr(runner._State, "rulesets", {})
    path = tmp_path / "u.txt"
    path.write_text("Vote count\n\nThe the count  ended.\n", encoding="utf-8")
    cli = CliRunner()
    first = cli.invoke(main, ["check", "--fix", "--jobs", "1", str(path)])
    assert path.read_text(encoding="utf-8") == "Vote count\n\nThe the count ended.\n"
    assert "1 more fix(es) available with --unsafe-fixes" in first.output
    monkeypatch.setattr(runner._State, "rulesets", {})
    second = cli.invoke(main, ["check", "--fix", "--unsafe-fixes", "--jobs", "1", str(path)])
    assert path.read_text(encoding="utf-8") == "Vote count\n\nThe count ended.\n"
    assert second.exit_code == 0, second.output


def _finding(start: int, end: int, text: str, rule: str = "typo.x", safe: bool = True) -> Finding:
    return Finding(path="p", rule=rule, severity=Severity.WARNING, message="m", line=1, column=start + 1,
                   end_line=1, end_column=end + 1, fix=Fix((Edit(start, end, text, 1, start + 1, 1, end + 1),), safe))


def test_overlapping_edits_first_wins_then_next_pass() -> None:
    text = "abcdefgh"
    findings = [_finding(2, 5, "X"), _finding(4, 6, "Y"), _finding(6, 7, "Z"), _finding(1, 1, "+"),
                _finding(1, 1, "-")]
    edits, taken = choose_edits(findings, unsafe=False)
    assert [(e.start, e.end, e.text) for e in edits] == [(1, 1, "+"), (2, 5, "X"), (6, 7, "Z")]
    assert [f.fix.edits[0].text for f in taken] == ["+", "X", "Z"]
    assert apply_edits(text, edits) == "a+bXfZh"


def test_fix_text_repeats_passes_until_nothing_applies() -> None:
    """Overlapping fixes left by the first pass are applied by the next one."""
    calls = []

    def lint(path, text):
        calls.append(text)
        out = []
        i = text.find("aa")
        while i != -1:  # each "aa" becomes "a": overlapping in "aaaa"
            out.append(_finding(i, i + 2, "a"))
            i = text.find("aa", i + 1)
        return out

    fixed, applied, left = fix_text("p", "xaaaay", lint, unsafe=False)
    assert fixed == "xay"
    assert applied == 3
    assert calls[-1] == "xay" and len(calls) == 3


def test_a_finding_that_only_a_fix_brought_about_is_reported_not_fixed() -> None:
    """From a user's run: a fixed surname made another name in the story look like its
    variant, and the next pass "fixed" that one too, though the report never showed it."""
    def lint(path, text):
        out = [_finding(i, i + 1, "c", rule="typo.first") for i in range(len(text)) if text[i] == "b"]
        return out + [_finding(i, i + 1, "d", rule="typo.second") for i in range(len(text)) if text[i] == "c"]

    fixed, applied, left = fix_text("p", "abab", lint, unsafe=False)
    assert (fixed, applied) == ("acac", 2)
    assert [f.rule for f in lint("p", fixed)] == ["typo.second", "typo.second"]  # left for the report


def test_fix_on_reuters_articles_is_idempotent(tmp_path: Path) -> None:
    """Real wire copy: fixing twice equals fixing once, and the diff predicts the fix."""
    folder = tmp_path / "wire"
    folder.mkdir()
    for a in reuters_articles(40):
        (folder / f"{a['id']}.txt").write_text(f"{a['headline']}\n\n{a['body']}\n", encoding="utf-8")
    pristine = tmp_path / "pristine"
    shutil.copytree(folder, pristine)
    diff = run_cli("check", "--diff", "--jobs", "1", ".", cwd=folder)
    assert diff.stdout, "40 wire stories should have something to fix (double spaces at least)"
    run_cli("check", "--fix", "--jobs", "1", ".", cwd=folder)
    once = {p.name: p.read_bytes() for p in folder.iterdir()}
    changed = [n for n in once if once[n] != (pristine / n).read_bytes()]
    assert changed
    run_cli("check", "--fix", "--jobs", "1", ".", cwd=folder)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == once
    subprocess.run(["git", "apply", "-"], input=diff.stdout.encode(), cwd=pristine, check=True)
    assert {p.name: p.read_bytes() for p in pristine.iterdir()} == once


def test_a_read_only_file_is_not_fixed(tmp_path: Path) -> None:
    """A user's 444 file was rewritten by the rename --fix writes through; the file's own
    permission is now asked first."""
    path = tmp_path / "ro.txt"
    path.write_text("Talks\n\nThe the talks.\n", encoding="utf-8")
    path.chmod(0o444)
    try:
        proc = run_cli("check", "--fix", "--select", "typo", "ro.txt", cwd=tmp_path)
        assert "ro.txt: not fixed: the file is read-only" in proc.stderr
        assert path.read_text(encoding="utf-8") == "Talks\n\nThe the talks.\n"
        assert os.stat(path).st_mode & 0o777 == 0o444
    finally:
        path.chmod(0o644)


def test_a_pipe_named_on_the_command_line_is_not_fixed_in_silence(tmp_path: Path) -> None:
    """`check --fix <(curl ...)`: the check drains the pipe, so the fixer read nothing and
    said "nothing to fix" over five fixable findings. It now says the pipe cannot be fixed."""
    import sys

    from integration_support import REPO

    story = b"Talks resume in in Kyiv\n\nThe goverment said the the plan works.\n"
    read_end, write_end = os.pipe()
    os.write(write_end, story)  # far below a pipe's buffer
    os.close(write_end)
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), NO_COLOR="1")
    try:
        proc = subprocess.run([sys.executable, "-m", "copylint", "check", "--fix", "--no-languagetool",
                               "--select", "typo", f"/dev/fd/{read_end}"], pass_fds=(read_end,),
                              cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    finally:
        os.close(read_end)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("fix: ") == 3  # 'in in', 'goverment', 'the the' are still reported
    assert f"/dev/fd/{read_end}: not fixed: a pipe or device cannot be rewritten" in proc.stderr
    assert "nothing to fix" not in proc.stderr and "Traceback" not in proc.stderr


def test_a_file_that_cannot_be_written_is_reported_not_crashed(tmp_path: Path, monkeypatch) -> None:
    from copylint import fixer
    from copylint.postrun import _linter
    from copylint.config import ConfigResolver
    from copylint.runner import _init_worker

    path = tmp_path / "locked.txt"
    path.write_text("Locked story here\n\nIt it is locked.\n", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(fixer, "atomic_write", refuse)
    _init_worker(ConfigResolver(), {})
    result = fixer.fix_file(str(path), _linter(), unsafe=False, write=True)
    assert result.refused == "not fixed: cannot write: Permission denied"
    assert not result.written
    assert path.read_text(encoding="utf-8") == "Locked story here\n\nIt it is locked.\n"


def test_edits_are_placed_by_line_and_column_after_a_json_round_trip(stories: Path) -> None:
    """Findings read back from JSON (as a cache stores them) lose their offsets; the
    fixer places edits by line and column, so the fix is the same."""
    from copylint import lint_text

    path = stories / "harbour.txt"
    source = path.read_text(encoding="utf-8")
    direct, _, _ = fix_text(str(path), source, lambda p, t: lint_text(t, path=p), unsafe=False)

    def via_json(p, t):
        return [Finding.from_dict(f.to_dict()) for f in lint_text(t, path=p)]

    assert via_json(str(path), source)[0].fix.edits[0].start == 0  # offsets really are lost
    round_tripped, _, _ = fix_text(str(path), source, via_json, unsafe=False)
    assert round_tripped == direct == expected_harbour(source)


QUOTED_PAGE = ('<html><head><meta name="description" content="Residents said “never again” at the meeting">'
               '</head><body><article><h1>Flood</h1>\n'
               '<p>The mayor said "we will rebuild" and "we will not leave". She added: "It\'s our home."</p>\n'
               '<img src="p.jpg" alt="Residents said “never again” at the meeting">\n'
               '<img src="q.jpg" alt=\'Crews said “done” at teh end\'>\n'
               '</article></body></html>\n')
QUOTED_FRONT_MATTER = ('---\ntitle: "Mayor says “we will rebuild” after flood"\n'
                       "summary: 'Mayor’s pledge: teh town agrees'\n---\n\n"
                       'The mayor said "we will rebuild" and "we will not leave". She added: "It\'s our home."\n')


def test_a_fix_never_writes_a_values_own_quote_mark_into_it(tmp_path: Path) -> None:
    """In a story with straight quotes, house.quote-style wrote " over the curly marks of
    alt="..." and of a YAML title in double marks: the attribute or the scalar ended
    early and the page or the front matter no longer parsed. Such fixes are offered as
    suggestions; the other marks and typos there are still fixed."""
    import yaml
    from html.parser import HTMLParser

    (tmp_path / "page.html").write_text(QUOTED_PAGE, encoding="utf-8")
    (tmp_path / "story.md").write_text(QUOTED_FRONT_MATTER, encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--fix", "--unsafe-fixes", "page.html", "story.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # (what is left is info)

    class Alts(HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            self.found.extend(value for name, value in attrs if name in ("alt", "content"))

    page = Alts()
    page.feed((tmp_path / "page.html").read_text(encoding="utf-8"))
    # the double-quoted values keep their curly marks (reported, not fixed); in the value
    # quoted with ' the marks and the typo are fixed
    assert page.found == ["Residents said “never again” at the meeting",
                          "Residents said “never again” at the meeting", 'Crews said "done" at the end']
    front = yaml.safe_load((tmp_path / "story.md").read_text(encoding="utf-8").split("---")[1])
    assert front == {"title": "Mayor says “we will rebuild” after flood", "summary": "Mayor’s pledge: the town agrees"}
    # left: the four marks in the two double-quoted HTML values, the two in the YAML
    # title and the apostrophe in the summary, which YAML's single marks hold
    assert proc.stdout.count("house.quote-style") == 7 and proc.stdout.count("suggestion: ") == 7
