"""The pre-commit hook, run by the real ``pre-commit`` tool: it installs copylint from a
git copy of this checkout (committed there, so uncommitted work is included), fails on a
story with a planted slip and passes once the story is fixed. Needs PyPI for the hook's
dependencies (pre-commit builds a virtualenv and pip-installs this package)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pre_commit  # noqa: F401  (the test extra installs it; a missing tool must fail, not skip)
import pytest
import yaml

from integration_support import REPO, git


def test_hook_definition() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "copylint")
    # the config's include/exclude choose among the files named, as in `check .`; in the
    # entry, not args, so that a user's own args do not drop it
    assert hook["entry"] == "copylint check --force-exclude"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert hook.get("pass_filenames", True) is True
    assert set(hook["types_or"]) == {"markdown", "html", "plain-text"}
    # identify tags LICENSE, AUTHORS, CHANGELOG... "plain-text": only the types a folder walk reads
    import re

    files = re.compile(hook["files"])
    assert [n for n in ("a.md", "b.Markdown", "c.txt", "d.html", "e.HTM", "LICENSE", "CHANGELOG", "f.rst")
            if files.search(n)] == ["a.md", "b.Markdown", "c.txt", "d.html", "e.HTM"]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This checkout's files (tracked and new, not ignored) committed in a fresh repository."""
    dest = tmp_path_factory.mktemp("hook") / "copylint"
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        src = REPO / rel
        if not src.is_file():
            continue  # deleted but not yet committed
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "commit", "-qm", "snapshot for the pre-commit test")
    return dest


def pre_commit_run(project: Path, hook_repo: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1", PRE_COMMIT_COLOR="never",
               GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org")
    env.pop("PYTHONPATH", None)  # the hook must use the copy pre-commit installed
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "copylint", *args],
                          cwd=project, capture_output=True, text=True, env=env, timeout=900)


def _has_rule(rule_id: str) -> bool:
    from copylint.config import Settings
    from copylint.engine import load_ruleset

    return rule_id in load_ruleset(Settings()).by_id


def _has_markdown_reader() -> bool:
    import importlib.util

    return importlib.util.find_spec("copylint.readers.markdown") is not None


def test_try_repo_fails_on_a_slip_and_passes_when_fixed(tmp_path: Path, hook_repo: Path) -> None:
    project = tmp_path / "newsroom"
    project.mkdir()
    git(project, "init", "-q", "-b", "main")
    story = project / "story.txt"
    bad = ("Bridge reopens after repairs\n\nThe the bridge reopened to traffic on Friday, "
           "the council said.\n")
    good = bad.replace("The the", "The")
    speller = _has_rule("typo.spelling")
    if speller:  # a misspelt name, once the speller is part of copylint
        bad += "\nThe minister flew to Isreal on Saturday.\n"
        good += "\nThe minister flew to Israel on Saturday.\n"
    story.write_text(bad, encoding="utf-8")
    markdown = _has_markdown_reader()
    if markdown:
        (project / "story.md").write_text("# Storm warning\n\nA a storm is expected tonight.\n", encoding="utf-8")
    # code is not prose: a slip in a Python comment must not be checked
    (project / "tool.py").write_text("# the the\n", encoding="utf-8")
    # nor a licence, nor what the config excludes, as `copylint check .` would not
    (project / "LICENSE").write_text("The the licence.\n", encoding="utf-8")
    (project / "requirements.txt").write_text("the the\n", encoding="utf-8")
    (project / ".copylint.yaml").write_text('exclude: ["requirements.txt"]\n', encoding="utf-8")
    git(project, "add", ".")
    home = tmp_path / "pre-commit-home"

    failed = pre_commit_run(project, hook_repo, home, "--all-files")
    out = failed.stdout + failed.stderr
    assert failed.returncode == 1, out
    assert "copylint" in out and "Failed" in out
    assert "story.txt:3:4: error typo.repeated-word" in out
    if speller:
        assert "Isreal" in out and "typo.spelling" in out
    if markdown:
        assert "story.md:3:2:" in out
        (project / "story.md").write_text("# Storm warning\n\nA storm is expected tonight.\n", encoding="utf-8")
    assert "tool.py" not in out and "LICENSE" not in out and "requirements.txt" not in out

    story.write_text(good, encoding="utf-8")
    passed = pre_commit_run(project, hook_repo, home, "--all-files")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
