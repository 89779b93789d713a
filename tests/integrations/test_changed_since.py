"""``--changed-since REV`` in a real git repository: only findings on lines changed since
REV (committed, staged or not), untracked files wholly; errors exit 2."""

from __future__ import annotations

import json
from pathlib import Path

from copylint.gitdiff import parse_diff, unquote_path
from integration_support import git, run_cli

STORY = """Ferry timetable changes from Monday

The the first ferry will leave at 6 a.m., an hour earlier than now, the operator said.

Tickets bought before the change remain valid.

Fares will not rise rise this year.
"""


def findings(proc) -> list[tuple[str, int, str]]:
    assert proc.returncode in (0, 1), proc.stderr
    return [(Path(f["path"]).name, f["line"], f["matched"]) for f in json.loads(proc.stdout)["findings"]]


def check(repo: Path, *args: str):
    return run_cli("check", "--format", "json", *args, cwd=repo)


def test_only_changed_lines_are_reported(repo: Path) -> None:
    (repo / "ferry.txt").write_text(STORY, encoding="utf-8")
    git(repo, "add", "ferry.txt")
    git(repo, "commit", "-qm", "ferry story")
    base = git(repo, "rev-parse", "HEAD").strip()
    assert findings(check(repo, "--changed-since", "HEAD", "ferry.txt")) == []

    # an edited line with a new slip, and a new line above the old slips
    text = STORY.replace("Tickets bought before the change remain valid.",
                         "Tickets bought before the the change remain valid.")
    text = text.replace("Ferry timetable changes from Monday\n",
                        "Ferry timetable changes from Monday\n\nBy our transport reporter reporter\n")
    (repo / "ferry.txt").write_text(text, encoding="utf-8")
    got = findings(check(repo, "--changed-since", base, "ferry.txt"))
    assert got == [("ferry.txt", 3, " reporter"), ("ferry.txt", 7, " the")]
    proc = check(repo, "--changed-since", base, "ferry.txt")
    assert "2 finding(s) on lines unchanged since" in proc.stderr

    # staged changes count too, and so do commits after REV
    git(repo, "add", "ferry.txt")
    assert findings(check(repo, "--changed-since", base, "ferry.txt")) == got
    git(repo, "commit", "-qm", "edit")
    assert findings(check(repo, "--changed-since", base, "ferry.txt")) == got
    assert findings(check(repo, "--changed-since", "HEAD", "ferry.txt")) == []
    # without the filter every slip is there
    assert len(findings(check(repo, "ferry.txt"))) == 4


def test_untracked_files_count_as_changed(repo: Path) -> None:
    (repo / "ferry.txt").write_text(STORY, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    (repo / "new story.txt").write_text("New story\n\nIt it is new.\n", encoding="utf-8")
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "d.txt").write_text("Draft\n\nA a draft.\n", encoding="utf-8")
    got = findings(check(repo, "--changed-since", "HEAD", "ferry.txt", "new story.txt", "drafts/d.txt"))
    assert got == [("d.txt", 3, " a"), ("new story.txt", 3, " it")]


def test_pure_deletion_selects_nothing_and_lines_shift(repo: Path) -> None:
    (repo / "ferry.txt").write_text(STORY, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    lines = STORY.split("\n")
    del lines[4:6]  # drop the tickets paragraph
    (repo / "ferry.txt").write_text("\n".join(lines), encoding="utf-8")
    assert findings(check(repo, "--changed-since", "HEAD", "ferry.txt")) == []


def test_errors_exit_2(tmp_path: Path, repo: Path) -> None:
    (tmp_path / "loose.txt").write_text(STORY, encoding="utf-8")
    outside = run_cli("check", "--changed-since", "HEAD", "loose.txt", cwd=tmp_path)
    assert outside.returncode == 2
    assert "not inside a git repository" in outside.stderr and "Traceback" not in outside.stderr
    (repo / "ferry.txt").write_text(STORY, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    bad = run_cli("check", "--changed-since", "no-such-branch", "ferry.txt", cwd=repo)
    assert bad.returncode == 2 and "unknown git revision 'no-such-branch'" in bad.stderr
    # `git diff A..B` habits: the range was called an unknown revision, though both ends exist
    two_dots = run_cli("check", "--changed-since", "HEAD..HEAD", "ferry.txt", cwd=repo)
    assert two_dots.returncode == 2 and "Traceback" not in two_dots.stderr
    assert two_dots.stderr.strip().endswith("'HEAD..HEAD' is a two-dot range; --changed-since takes one "
                                            "revision, or A...B for the merge base of A and B")


def test_fix_with_changed_since_fixes_only_changed_lines(repo: Path) -> None:
    (repo / "ferry.txt").write_text(STORY, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    edited = STORY.replace("remain valid.", "remain remain valid.")
    (repo / "ferry.txt").write_text(edited, encoding="utf-8")
    proc = run_cli("check", "--fix", "--changed-since", "HEAD", "ferry.txt", cwd=repo)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    after = (repo / "ferry.txt").read_text(encoding="utf-8")
    assert after == STORY  # the new slip is fixed; the old ones were not touched
    assert "The the first ferry" in after


def test_parse_diff_reads_hunks_and_quoted_names() -> None:
    diff = (
        'diff --git "a/caf\\303\\251 story.md" "b/caf\\303\\251 story.md"\n'
        '--- "a/caf\\303\\251 story.md"\n'
        '+++ "b/caf\\303\\251 story.md"\n'
        "@@ -3 +3 @@\n-old\n+new\n"
        "@@ -10,0 +11,2 @@\n+a\n+b\n"
        "@@ -20,3 +22,0 @@\n-x\n-y\n-z\n"
        "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n"
    )
    assert parse_diff(diff) == {"café story.md": {3, 11, 12}}
    assert unquote_path('"tab\\there"') == "tab\there"
    assert unquote_path("plain.md") == "plain.md"


def test_non_ascii_file_names_in_a_real_repo(repo: Path) -> None:
    name = "café story.txt"
    (repo / name).write_text(STORY, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "one")
    (repo / name).write_text(STORY.replace("remain valid", "remain valid valid"), encoding="utf-8")
    assert findings(check(repo, "--changed-since", "HEAD", name)) == [(name, 5, " valid")]


def test_a_branch_behind_the_revision_is_not_blamed_for_its_later_edits(repo: Path) -> None:
    """--changed-since main on a branch cut before main's latest commit reported main's
    new slip as the branch's: the work tree was compared with main's tip."""
    (repo / "ferry.txt").write_text(STORY, encoding="utf-8")
    (repo / "harbour.txt").write_text("Harbour reopens\n\nBoats are back.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "stories")
    git(repo, "checkout", "-qb", "desk")
    git(repo, "checkout", "-q", "main")
    (repo / "harbour.txt").write_text("Harbour reopens\n\nBoats are are back.\n", encoding="utf-8")
    git(repo, "commit", "-qam", "main edits the harbour story")
    git(repo, "checkout", "-q", "desk")
    (repo / "ferry.txt").write_text(STORY + "\nThe ferry ferry is late.\n", encoding="utf-8")
    for rev in ("main", "main...", "main...HEAD"):
        got = findings(check(repo, "--changed-since", rev, "ferry.txt", "harbour.txt"))
        assert got == [("ferry.txt", 9, " ferry")], rev


def test_a_moved_file_keeps_its_unchanged_lines_unchanged(repo: Path) -> None:
    """git mv stories/a.md published/a.md made every line of the moved file "changed"."""
    (repo / "stories").mkdir()
    (repo / "stories" / "ferry.txt").write_text(STORY, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "ferry story")
    (repo / "published").mkdir()
    git(repo, "mv", "stories/ferry.txt", "published/ferry.txt")
    assert findings(check(repo, "--changed-since", "HEAD", "published")) == []
    moved = repo / "published" / "ferry.txt"
    moved.write_text(moved.read_text(encoding="utf-8") + "\nThe ferry ferry is late.\n", encoding="utf-8")
    assert findings(check(repo, "--changed-since", "HEAD", "published")) == [("ferry.txt", 9, " ferry")]
    git(repo, "commit", "-qam", "moved and edited")
    assert findings(check(repo, "--changed-since", "HEAD~1", "published")) == [("ferry.txt", 9, " ferry")]


def test_a_new_slip_on_a_changed_line_is_not_taken_for_a_baselined_one(repo: Path) -> None:
    """With --baseline, the baseline saw only the changed lines' findings: a new "Kiev"
    added below a baselined one was taken for it (the first "Kiev" it was shown)."""
    (repo / "s.txt").write_text("Talks resume\n\nThe envoy met the official in Kiev.\n", encoding="utf-8")
    assert run_cli("baseline", "--no-languagetool", "s.txt", "-o", "b.json", cwd=repo).returncode == 0
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "story")
    with open(repo / "s.txt", "a", encoding="utf-8") as fh:
        fh.write("\nAides stayed in Kiev overnight.\n")
    proc = check(repo, "--no-languagetool", "--changed-since", "HEAD", "--baseline", "b.json", "s.txt")
    assert findings(proc) == [("s.txt", 5, "Kiev")]
    assert "1 finding(s) in the baseline not shown" in proc.stderr


def test_a_finding_the_change_caused_on_an_unchanged_line_is_shown(repo: Path) -> None:
    """Lines adding "Zelenskyy" (or "center" and "color") made the rules that compare the
    whole article flag the committed "Zelensky" (or "colour"), on a line the change left
    alone: --changed-since hid them and exited 0."""
    (repo / "z.txt").write_text("Talks resume\n\nPresident Volodymyr Zelensky met the envoy on Monday.\n",
                                encoding="utf-8")
    (repo / "c.txt").write_text("Paint prices\n\nThe colour of the year was announced.\n", encoding="utf-8")
    (repo / "old.txt").write_text("Talks resume\n\nZelensky met the envoy. Zelenskyy left.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "stories")
    with open(repo / "z.txt", "a", encoding="utf-8") as fh:
        fh.write("\nLater, Zelenskyy said talks would go on. Aides to Zelenskyy agreed.\n\nZelenskyy flew home.\n")
    with open(repo / "c.txt", "a", encoding="utf-8") as fh:
        fh.write("\nThe center chose a new color.\n")
    with open(repo / "old.txt", "a", encoding="utf-8") as fh:  # a slip the change did not cause stays hidden
        fh.write("\nThe envoy stayed.\n")
    proc = check(repo, "--no-languagetool", "--changed-since", "HEAD", "z.txt", "c.txt", "old.txt")
    assert proc.returncode == 1
    assert findings(proc) == [("c.txt", 3, "colour"), ("z.txt", 3, "Zelensky")]
    assert "1 finding(s) on lines unchanged since HEAD not shown" in proc.stderr


def test_an_old_headline_shared_by_two_stories_stays_hidden_when_one_is_edited(repo: Path) -> None:
    """Two committed stories shared a headline; an edit to one story's body brought the
    pair back as a finding "the change caused", since the story's base version, checked on
    its own, has no other story to share a headline with. It is shown again only when
    a story it pairs with changed too (a new article with that headline)."""
    headline = "Council approves new budget for city schools\n\n"
    (repo / "a.txt").write_text(headline + "The council voted on Monday.\n", encoding="utf-8")
    (repo / "b.txt").write_text(headline + "The vote was close.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "stories")
    with open(repo / "a.txt", "a", encoding="utf-8") as fh:
        fh.write("\nThe the mayor welcomed it.\n")
    proc = check(repo, "--no-languagetool", "--changed-since", "HEAD", "a.txt", "b.txt")
    assert findings(proc) == [("a.txt", 5, " the")]
    assert "2 finding(s) on lines unchanged since HEAD not shown" in proc.stderr
    # a new story with the same headline: the change did cause these
    (repo / "c.txt").write_text(headline + "A third desk filed it too.\n", encoding="utf-8")
    proc = check(repo, "--no-languagetool", "--changed-since", "HEAD", "a.txt", "b.txt", "c.txt")
    assert findings(proc) == [("a.txt", 1, "Council approves new budget for city schools"),
                              ("a.txt", 5, " the"),
                              ("c.txt", 1, "Council approves new budget for city schools")]


def test_standard_input_is_compared_with_the_revision_not_the_file_on_disk(repo: Path) -> None:
    """Piped text named --stdin-filename was judged by the git diff of the file on disk,
    which did not hold the piped new line: its "goverment" was hidden and the run exited 0."""
    (repo / "stories").mkdir()
    story = repo / "stories" / "clinton.txt"
    story.write_text(STORY, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "story")
    piped = (STORY + "\nA new paragraph with a goverment typo.\n").encode("utf-8")
    args = ("check", "--no-languagetool", "--format", "json", "--changed-since", "HEAD", "-", "--stdin-filename")
    proc = run_cli(*args, "stories/clinton.txt", input=piped, cwd=repo)
    assert findings(proc) == [("clinton.txt", 9, "goverment")]
    # an edit on disk that the piped text does not hold is not the piped text's
    story.write_text(STORY + "\nThe ferry ferry is late.\n", encoding="utf-8")
    proc = run_cli(*args, "stories/clinton.txt", input=STORY.encode("utf-8"), cwd=repo)
    assert findings(proc) == [] and "2 finding(s) on lines unchanged" in proc.stderr
    # a file the revision did not have is new throughout, even in a folder not made yet
    proc = run_cli(*args, "drafts/new.txt", input=STORY.encode("utf-8"), cwd=repo)
    assert len(findings(proc)) == 2
