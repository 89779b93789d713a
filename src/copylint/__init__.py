"""copylint: an editorial copy-check linter for news articles."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "lint_text", "lint_paths", "LintError"]


def lint_text(text: str, path: str | None = None, config=None):
    """Lint one article given as text; returns a list of Findings.
    ``config`` is a Settings, a path to a config file, or None (discovery from ``path``).
    Raises LintError when the config is broken."""
    from .api import lint_text as _impl

    return _impl(text, path, config)


def lint_paths(paths, config=None):
    """Lint files and folders; returns a list of Findings sorted by path and position.
    Raises LintError when a path cannot be checked (missing, unreadable, a broken config), as the command
    line exits 2; a binary file is skipped, as there."""
    from .api import lint_paths as _impl

    return _impl(paths, config)


def __getattr__(name: str):
    if name == "LintError":
        from .api import LintError

        return LintError
    raise AttributeError(name)
