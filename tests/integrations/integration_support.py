"""Helpers for the integration tests: fixture stories, git, the SARIF schema."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
sys.path.insert(0, str(HERE.parent))

from helpers import REPO, SHARED_DATA, run_cli  # noqa: E402

SARIF_SCHEMA = SHARED_DATA / "schemas" / "sarif-schema-2.1.0.json"
REUTERS = SHARED_DATA / "news" / "reuters21578.jsonl.gz"

__all__ = ["REPO", "SHARED_DATA", "STORIES", "SARIF_SCHEMA", "REUTERS", "git", "run_cli"]


def git(cwd: Path, *args: str) -> str:
    """Run git with a fixed identity; fails the test on a non-zero exit."""
    env = dict(os.environ, GIT_AUTHOR_NAME="Desk", GIT_AUTHOR_EMAIL="desk@example.org",
               GIT_COMMITTER_NAME="Desk", GIT_COMMITTER_EMAIL="desk@example.org")
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stderr}")
    return proc.stdout


def reuters_articles(n: int, skip: int = 0) -> list[dict]:
    """The first ``n`` Reuters-21578 stories that have a headline and a body."""
    import gzip
    import json

    out = []
    with gzip.open(REUTERS, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["headline"] and a["body"]:
                if skip:
                    skip -= 1
                    continue
                out.append(a)
                if len(out) == n:
                    break
    return out
