"""One LanguageTool per run: decided, started (or reached) and stopped by the runner.

The engine choice, from settings (CLI flags on top of config):

- ``languagetool: false`` / ``--no-languagetool``: built-in checks only, no server.
- unset (the default): use LanguageTool when a rule that needs it is selected and it can
  be reached (``languagetool-url`` / ``--languagetool-url``) or started (an installation
  from ``languagetool-dir``, ``LTP_JAR_DIR_PATH``, ``copylint languagetool install`` or
  language-tool-python's download). Otherwise say so once and carry on.
- ``languagetool: true`` / ``--require-languagetool``: as above, but LanguageTool not
  being available, or dying during the run, is an error (exit code 2).

When neither config nor flags decide and no URL is given, the environment variable
``COPYLINT_LANGUAGETOOL`` (``off``, ``auto`` or ``require``) does; the test suite sets
it to ``off`` so that only the LanguageTool tests start a server.

The server's URL, version and the result cache's path go to every rule, in every worker
process, through the run's ``resources``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .. import notices
from ..registry import Rule
from . import client
from .cache import default_path
from .install import find_installation
from .server import LocalServer, ServerError, normalize_url, probe

REMOTE_PROBE_TIMEOUT = 60.0  # a server someone else just started may still be warming up
REQUIRED_FLAG = "--require-languagetool"
MODE_ENV = "COPYLINT_LANGUAGETOOL"


@dataclass
class Session:
    required: bool = False
    resources: dict[str, Any] = field(default_factory=dict)
    unavailable: str | None = None  # why LanguageTool is not used in this run
    server: LocalServer | None = None

    @property
    def active(self) -> bool:
        return "languagetool_url" in self.resources

    def close(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def finish(self, result: Any, raised: Iterable[tuple[str, str]]) -> None:
        """Report on the run: the start-up notice, and with ``required`` a failure as an
        error (a fatal problem, so the exit code is 2)."""
        from ..runner import Problem

        if self.unavailable:
            if self.required:
                result.problems.append(Problem("LanguageTool", f"{self.unavailable} ({REQUIRED_FLAG})", True))
            else:
                result.notices.insert(0, f"grammar checks skipped: {self.unavailable}; "
                                         "the other checks ran (--no-languagetool silences this)")
        failures = [m for k, m in raised if k == client.NOTICE_KIND]
        for extra in failures[1:]:  # workers may word the same death differently: say it once
            if extra in result.notices and extra != failures[0]:
                result.notices.remove(extra)
        if self.required and failures:
            if failures[0] in result.notices:
                result.notices.remove(failures[0])  # it is the error below
            result.problems.append(Problem("LanguageTool", f"{failures[0]} ({REQUIRED_FLAG})", True))


def needs_languagetool(rules: Iterable[Rule]) -> bool:
    return any("languagetool" in r.needs for r in rules)


def open_session(rules: Iterable[Rule], settings: Any) -> Session:
    """Decide whether this run uses LanguageTool, and start or reach it if so."""
    client.reset()
    notices.drain()
    mode = _mode(settings)
    url = getattr(settings, "languagetool_url", None)
    session = Session(required=mode is True)
    if mode is False or not needs_languagetool(rules):
        return session
    language = getattr(settings, "language", "en-US")
    try:
        if url:
            url = normalize_url(url)
            version = probe(url, language, timeout=REMOTE_PROBE_TIMEOUT)
        else:
            configured = _configured_dir(settings)
            installation = find_installation(configured)
            if installation is None:
                raise ServerError(_not_installed(configured))
            session.server = LocalServer(installation)
            url = session.server.start(language=language)
            version = session.server.version or installation.version
    except ServerError as exc:
        session.close()
        session.unavailable = str(exc)
        return session
    session.resources = {
        "languagetool_url": url,
        "languagetool_version": version,
        "languagetool_cache": _answers_cache(settings),
    }
    return session


def _answers_cache(settings: Any) -> str | None:
    """Where LanguageTool's answers are kept: beside the results cache (``--cache-dir``),
    nowhere with ``--no-cache``."""
    if not getattr(settings, "cache", True):
        return None
    folder = getattr(settings, "cache_dir", None)
    return str(Path(folder) / default_path().name) if folder else str(default_path())


_ENV_MODES = {"": None, "auto": None, "off": False, "false": False, "0": False, "no": False,
              "require": True, "required": True}


def _mode(settings: Any) -> bool | None:
    """False: never; True: required; None: when it can be reached or started."""
    mode = getattr(settings, "languagetool", None)
    if mode is None:
        value = os.environ.get(MODE_ENV, "").strip().lower()
        if value not in _ENV_MODES:  # a misspelt "requre" ran without LanguageTool, unseen
            from ..config import ConfigError

            raise ConfigError(f"{MODE_ENV}={os.environ[MODE_ENV]!r}: use off, auto or require")
        from_env = _ENV_MODES[value]
        # a server URL asks for LanguageTool: the environment's "off" (the test suite's)
        # gives way to it, its "require" holds for it as for a local server
        if from_env is True or not getattr(settings, "languagetool_url", None):
            mode = from_env
    return mode


def expected_engine(settings: Any) -> str:
    """What LanguageTool a run with these settings would use, said without starting it:
    part of the results cache's key, so that installing, upgrading or switching off
    LanguageTool re-checks the files. A remote server is named by its URL only (asking
    for its version would cost a request on every warm run). "none: <why>" when there is
    none to start."""
    if _mode(settings) is False:
        return "off"
    url = getattr(settings, "languagetool_url", None)
    if url:
        return f"remote {normalize_url(url)}"
    configured = _configured_dir(settings)
    installation = find_installation(configured)
    if installation is None:
        return f"none: {_not_installed(configured)}"
    return f"local {installation.version} {installation.path}"


def required(settings: Any) -> bool:
    return _mode(settings) is True


def _not_installed(configured: str | None) -> str:
    if configured:
        return f"no languagetool-server.jar in languagetool-dir {configured}"
    return ("LanguageTool is not installed (run: copylint languagetool install) "
            "and no --languagetool-url was given")


def _configured_dir(settings: Any) -> str | None:
    value = getattr(settings, "languagetool_dir", None)
    if not value:
        return None
    p = Path(os.path.expanduser(value))
    root = getattr(settings, "root", None)
    if not p.is_absolute() and root:
        p = Path(root) / p
    return str(p)
