"""copylint: an editorial copy-check linter for news articles."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "lint_paths"]


def lint_text(text: str, path: str | None = None, config=None):
    """Lint one article given as text; returns a list of Findings.
    ``config`` is a Settings, a path to a config file, or None (discovery from ``path``)."""
    from .api import lint_text as _impl

    return _impl(text, path, config)


def lint_paths(paths, config=None):
    """Lint files and folders; returns a list of Findings sorted by path and position."""
    from .api import lint_paths as _impl

    return _impl(paths, config)
