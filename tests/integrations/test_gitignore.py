"""Folders inside a git work tree are walked without what git ignores (a static site's
built pages); files and folders named on the command line are checked all the same."""

from __future__ import annotations

import json
from pathlib import Path

from integration_support import git, run_cli

SOURCE = "---\ntitle: Talks resume in Geneva\n---\n\nTalks resumed in Geneva on Monday.\n"
BUILT = ("<html><head><title>Talks resume in Geneva</title></head><body><h1>Talks resume in Geneva</h1>"
         "<p>Talks resumed in Geneva on Monday.</p></body></html>\n")


def checked(proc) -> list[tuple[str, str]]:
    assert proc.returncode in (0, 1), proc.stderr
    return sorted((f["path"], f["rule"]) for f in json.loads(proc.stdout)["findings"])


def hugo_site(repo: Path) -> None:
    """A Hugo site whose built page (public/, gitignored) repeats its source's headline."""
    (repo / ".gitignore").write_text("public/\n*.draft.md\n", encoding="utf-8")
    (repo / "content" / "news").mkdir(parents=True)
    (repo / "content" / "news" / "talks.md").write_text(SOURCE, encoding="utf-8")
    (repo / "content" / "news" / "wip.draft.md").write_text("# Draft\n\nThe the draft.\n", encoding="utf-8")
    (repo / "public" / "news" / "talks").mkdir(parents=True)
    (repo / "public" / "news" / "talks" / "index.html").write_text(BUILT, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "site")


def test_gitignored_files_in_a_walked_folder_are_skipped(repo: Path) -> None:
    """The gitignored built page was checked beside its source, and every story became a
    duplicate headline across the run."""
    hugo_site(repo)
    for cwd, target in ((repo, "."), (repo / "content", ".")):
        proc = run_cli("check", "--no-languagetool", "--format", "json", target, cwd=cwd)
        assert checked(proc) == [], (cwd, proc.stdout)
        assert "1 file(s) checked" in proc.stderr


def test_a_tracked_file_is_checked_even_when_a_pattern_matches_it(repo: Path) -> None:
    hugo_site(repo)
    (repo / "content" / "news" / "kept.draft.md").write_text("# Kept\n\nThe the draft.\n", encoding="utf-8")
    git(repo, "add", "-f", "content/news/kept.draft.md")
    proc = run_cli("check", "--no-languagetool", "--format", "json", "--select", "typo", ".", cwd=repo)
    assert checked(proc) == [("content/news/kept.draft.md", "typo.repeated-word")]


def test_what_is_named_on_the_command_line_is_checked_though_ignored(repo: Path) -> None:
    hugo_site(repo)
    named = ["content/news/talks.md", "public/news/talks/index.html"]
    proc = run_cli("check", "--no-languagetool", "--format", "json", *named, cwd=repo)
    assert checked(proc) == [(named[0], "structure.duplicate-headline"), (named[1], "structure.duplicate-headline")]
    proc = run_cli("check", "--no-languagetool", "--format", "json", "--select", "typo", "content/news/wip.draft.md",
                   "public", cwd=repo)
    assert checked(proc) == [("content/news/wip.draft.md", "typo.repeated-word")]
    assert "2 file(s) checked" in proc.stderr


def test_outside_a_work_tree_nothing_is_skipped(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("public/\n", encoding="utf-8")
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "index.html").write_text(BUILT, encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--format", "json", ".", cwd=tmp_path)
    assert "1 file(s) checked" in proc.stderr
