"""The documented GitHub Actions recipe parses, uploads SARIF, and every copylint
command in it runs here with the same arguments."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import yaml

from integration_support import REPO, STORIES, git, run_cli

RECIPE = REPO / "examples" / "ci" / "github-actions.yml"


def steps() -> list[tuple[str, dict]]:
    doc = yaml.safe_load(RECIPE.read_text(encoding="utf-8"))
    out = []
    for name, job in doc["jobs"].items():
        for step in job["steps"]:
            out.append((name, step))
    return out


def pull_request_repo(tmp_path: Path) -> Path:
    """A git repository whose main branch (also as origin/main) holds stories/clean.txt,
    with stories/harbour.txt added since: a pull request's working tree."""
    repo = tmp_path / "site"
    (repo / "stories").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    shutil.copy(STORIES / "clean.txt", repo / "stories" / "clean.txt")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    shutil.copy(STORIES / "harbour.txt", repo / "stories" / "harbour.txt")
    return repo


def test_recipe_is_a_workflow_with_sarif_upload() -> None:
    doc = yaml.safe_load(RECIPE.read_text(encoding="utf-8"))
    # PyYAML reads the bare key `on` as True
    assert "pull_request" in (doc.get("on") or doc.get(True))
    uploads = [s for _, s in steps() if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert len(uploads) == 1
    sarif_runs = [s["run"] for _, s in steps() if "--format sarif" in s.get("run", "")]
    assert len(sarif_runs) == 1
    out = shlex.split(sarif_runs[0])[shlex.split(sarif_runs[0]).index("-o") + 1]
    assert uploads[0]["with"]["sarif_file"] == out
    assert doc["jobs"]["copylint-sarif"]["permissions"]["security-events"] == "write"
    assert any("--format github" in s.get("run", "") for _, s in steps())


def test_every_copylint_command_in_the_recipe_runs(tmp_path: Path) -> None:
    """Run each `copylint ...` line in a git repository laid out as the recipe expects."""
    repo = pull_request_repo(tmp_path)
    baseline = run_cli("baseline", "stories/", "-o", "copylint-baseline.json", cwd=repo)
    assert baseline.returncode == 0, baseline.stderr

    commands = [s["run"] for _, s in steps() if s.get("run", "").lstrip().startswith("copylint ")]
    assert len(commands) == 3
    for command in commands:
        line = re.sub(r"\$\{\{\s*github\.base_ref\s*\}\}", "main", command)
        assert "${{" not in line, line
        args = shlex.split(line)[1:]
        proc = run_cli(*args, cwd=repo)
        # harbour.txt is new since origin/main, so its findings are reported there
        assert proc.returncode in (0, 1), f"{line}: {proc.stderr}"
        assert "error:" not in proc.stderr, proc.stderr
        if "--format sarif" in line:
            report = json.loads((repo / "copylint.sarif").read_text(encoding="utf-8"))
            assert report["version"] == "2.1.0" and report["runs"][0]["results"]
        if "--changed-since" in line:
            assert proc.returncode == 1 and proc.stdout.startswith("::error file=stories/harbour.txt")
        if "--baseline" in line:
            assert proc.returncode == 0 and proc.stdout == ""


# --------------------------------------------------------------------------- GitLab

GITLAB_RECIPE = REPO / "examples" / "ci" / "gitlab-ci.yml"


def test_gitlab_recipe_uploads_the_code_quality_report_it_writes() -> None:
    doc = yaml.safe_load(GITLAB_RECIPE.read_text(encoding="utf-8"))
    job = doc["copylint"]
    written = [shlex.split(line) for line in job["script"] if "--format gitlab" in line]
    assert len(written) == 1
    assert job["artifacts"]["reports"]["codequality"] == written[0][written[0].index("-o") + 1]
    assert job["artifacts"]["when"] == "always"  # findings exit 1: the report must still go up
    assert job["allow_failure"] == {"exit_codes": 1}
    assert any("CI_DEFAULT_BRANCH" in r["if"] for r in job["rules"])  # the widget compares with it
    assert doc["copylint-changed-lines"]["variables"]["GIT_DEPTH"] == 0


def test_every_copylint_command_in_the_gitlab_recipe_runs(tmp_path: Path) -> None:
    """Each `copylint ...` line, with GitLab's variables filled in, in a repository laid
    out as the recipe expects: a merge request that adds stories/harbour.txt."""
    repo = pull_request_repo(tmp_path)

    doc = yaml.safe_load(GITLAB_RECIPE.read_text(encoding="utf-8"))
    commands = [line for job in doc.values() for line in job["script"] if line.startswith("copylint ")]
    assert len(commands) == 2
    for command in commands:
        line = command.replace("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
        assert "$" not in line, line
        proc = run_cli(*shlex.split(line)[1:], cwd=repo)
        assert proc.returncode == 1, f"{line}: {proc.stderr}"
        assert "error:" not in proc.stderr, proc.stderr
        if "--format gitlab" in line:
            issues = json.loads((repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
            assert issues and {i["location"]["path"] for i in issues} == {"stories/harbour.txt"}
        if "--changed-since" in line:
            assert proc.stdout.startswith("stories/harbour.txt:3:74: error typo.repeated-word")
