"""Fixtures for the integration tests: copies of the fixture stories in a temporary
folder (tests write to them) and an empty git repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from integration_support import STORIES, git


@pytest.fixture
def stories(tmp_path: Path) -> Path:
    """A folder holding copies of every fixture story."""
    folder = tmp_path / "stories"
    shutil.copytree(STORIES, folder)
    return folder


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository."""
    root = tmp_path / "repo"
    root.mkdir()
    git(root, "init", "-q", "-b", "main")
    return root
