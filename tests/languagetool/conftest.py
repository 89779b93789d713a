"""One real LanguageTool for the test session: installed from Maven Central with ``mvn``
when it is not yet in copylint's cache (``~/.cache/copylint/languagetool``, or
``$COPYLINT_CACHE_DIR/languagetool``), and started once.

With ``CI=true`` these tests never skip: a failed provisioning fails them. Elsewhere they
skip, saying why, only when java (or, for a first install, mvn) is missing.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from copylint.languagetool.install import InstallError, cache_root, install, java_version
from copylint.languagetool.server import LocalServer, PROBE_AGENT, ServerError

ON_CI = os.environ.get("CI", "").strip().lower() == "true"


def _unavailable(reason: str):
    if ON_CI:
        pytest.fail(f"CI=true: the LanguageTool tests must run, but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def lt_installation():
    """copylint's own LanguageTool installation (installed on first use)."""
    if java_version() is None:
        _unavailable("java is not on PATH (LanguageTool needs Java 17+)")
    root = cache_root()
    try:
        return install(root=root)
    except InstallError as exc:
        if shutil.which("mvn") is None and not ON_CI:
            pytest.skip(f"LanguageTool is not installed in {root} and mvn is not on PATH ({exc})")
        pytest.fail(f"could not provision LanguageTool: {exc}", pytrace=False)


class RunningServer:
    """The session's server, with a count of the check requests its log shows."""

    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self.url = server.url
        self.version = server.version

    def checks(self) -> list[int]:
        """Sizes (in characters) of the check requests served so far, start-up probes left
        out. The server logs a request just after answering it: wait for the log to settle."""
        last = None
        for _ in range(50):
            size = Path(self.server.log_path).stat().st_size
            if size == last:
                break
            last = size
            time.sleep(0.3)
        sizes = []
        for line in Path(self.server.log_path).read_text(encoding="utf-8", errors="replace").splitlines():
            if "Check done:" in line and f"agent:{PROBE_AGENT}" not in line:
                sizes.append(int(line.split("Check done:")[1].split("chars")[0].strip()))
        return sizes


@pytest.fixture(scope="session")
def lt_server(lt_installation):
    """One LanguageTool server for the whole session."""
    server = LocalServer(lt_installation)
    try:
        server.start()
    except ServerError as exc:
        pytest.fail(f"LanguageTool from {lt_installation.path} did not start: {exc}", pytrace=False)
    yield RunningServer(server)
    server.stop()


@pytest.fixture
def lt_env(tmp_path):
    """Environment for a ``copylint check`` that may use LanguageTool: a private result
    cache (so a test sees its own requests) and no engine default from the suite."""
    return {"COPYLINT_CACHE_DIR": str(tmp_path / "cache"), "COPYLINT_LANGUAGETOOL": "auto"}


@pytest.fixture
def private_server(lt_installation):
    """A server of the test's own, for tests that stop, freeze or kill it."""
    server = LocalServer(lt_installation)
    try:
        server.start()
    except ServerError as exc:
        pytest.fail(f"LanguageTool did not start: {exc}", pytrace=False)
    yield server
    server.stop()
