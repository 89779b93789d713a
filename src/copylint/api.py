"""The library API behind ``copylint.lint_text`` and ``copylint.lint_paths``."""

from __future__ import annotations

from pathlib import Path

from .config import ConfigError, ConfigResolver, Settings
from .engine import RuleOptionError
from .model import Finding
from .readers import read_text
from .runner import _init_worker, check_rule_names_for, lint_document, run


class LintError(Exception):
    """Paths that could not be checked (missing, unreadable, a broken config): what the
    command line exits 2 for. ``problems`` lists each as (path, message)."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__("; ".join(f"{path}: {message}" for path, message in problems))
        self.problems = problems


def _resolver(config) -> ConfigResolver:
    if isinstance(config, Settings):
        return ConfigResolver(settings=config)
    return ConfigResolver(explicit=str(config) if config else None)


def lint_text(text: str, path: str | None = None, config=None) -> list[Finding]:
    shown = path or "<text>"
    try:
        resolver = _resolver(config)
        where = shown if path else str(Path.cwd() / "<text>")
        settings = resolver.for_path(where)
        _init_worker(resolver, {})
        check_rule_names_for(resolver, where)
        doc = read_text(shown, text)
        findings, facts = lint_document(doc, settings)
    except (ConfigError, RuleOptionError) as exc:
        # a broken config is the caller's one documented error, as for lint_paths
        raise LintError([(shown, str(exc))]) from exc
    return sorted(findings, key=Finding.sort_key)


def lint_paths(paths, config=None) -> list[Finding]:
    if isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [str(p) for p in paths]
    try:
        result = run(paths, _resolver(config), jobs=1)
    except ConfigError as exc:  # no path could be checked
        raise LintError([(p, str(exc)) for p in paths]) from exc
    fatal = [(p.path, p.message) for p in result.problems if p.fatal]
    if fatal:
        raise LintError(fatal)  # a missing story is no clean story
    return result.findings
