"""Starting, probing and stopping a LanguageTool HTTP server.

copylint starts the server itself (``java -cp languagetool-server.jar
org.languagetool.server.HTTPServer --port N``) rather than through language-tool-python's
``LanguageTool()``: that way the run owns one server for all its files and worker
processes, chooses the port, gives up after a bounded wait, and can say *why* a start
failed (the server's own last log line). Talking to the server is language-tool-python's
job (see ``client.py``).
"""

from __future__ import annotations

import atexit
import os
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .install import SERVER_MAIN, Installation, java_version, MIN_JAVA

PROBE_AGENT = "copylint-probe"  # lets a server log tell our start-up probe from real checks
# C1 only: the server answers its first check in about half the time, and a lint run is
# mostly start-up; steady throughput measured the same. Override with the variable.
DEFAULT_JAVA_OPTS = "-XX:TieredStopAtLevel=1"
JAVA_OPTS_ENV = "COPYLINT_LANGUAGETOOL_JAVA_OPTS"


class ServerError(Exception):
    """The server could not be started or reached."""


def normalize_url(url: str) -> str:
    """``http://host:8081``, ``…/v2`` and ``…/v2/`` all become ``http://host:8081/``."""
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    url = url.rstrip("/")
    if url.endswith("/v2"):
        url = url[:-3]
    return url + "/"


def probe(url: str, language: str = "en-US", timeout: float = 10.0) -> str:
    """Check a tiny text; returns the server's LanguageTool version. Raises ServerError.
    The first check after a start loads the English model, so give it time."""
    import requests

    try:
        r = requests.post(normalize_url(url) + "v2/check",
                          data={"text": "This is a test.", "language": language, "useragent": PROBE_AGENT},
                          timeout=(min(5.0, timeout), timeout))
        r.raise_for_status()
        data = r.json()
    except requests.Timeout:
        raise ServerError(f"LanguageTool at {url} did not answer within {timeout:g} s") from None
    except (requests.RequestException, ValueError) as exc:
        raise ServerError(f"LanguageTool at {url} is not reachable ({_short(exc)})") from None
    software = data.get("software") if isinstance(data, dict) else None
    if not isinstance(software, dict) or "matches" not in data:
        raise ServerError(f"{url} answered, but not like a LanguageTool server")
    return str(software.get("version", "unknown"))


def healthy(url: str, timeout: float = 2.0) -> bool:
    import requests

    try:
        return requests.get(normalize_url(url) + "v2/healthcheck", timeout=(min(2.0, timeout), timeout)).ok
    except requests.RequestException:
        return False


def _short(exc: BaseException) -> str:
    text = str(exc)
    if "Connection refused" in text:
        return "connection refused"
    if "Name or service not known" in text or "nodename nor servname" in text:
        return "unknown host"
    return type(exc).__name__


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to stop the server if copylint is killed
    (atexit does not run on SIGKILL or an unhandled SIGTERM)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LocalServer:
    """One LanguageTool server process on 127.0.0.1, owned by whoever started it."""

    def __init__(self, installation: Installation, *, java: str | None = None) -> None:
        self.installation = installation
        self.java = java
        self.process: subprocess.Popen | None = None
        self.port: int | None = None
        self.log_path: Path | None = None
        self.version: str | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self, ready_timeout: float = 120.0, language: str = "en-US") -> str:
        """Start the server, wait until it answers a check, return its URL."""
        found = java_version(self.java)
        if found is None:
            raise ServerError("java is not on PATH (LanguageTool needs Java 17 or later)")
        java, major = found
        if 0 < major < MIN_JAVA:
            raise ServerError(f"LanguageTool needs Java {MIN_JAVA} or later; {java} is Java {major}")
        last: ServerError | None = None
        for _attempt in range(3):  # a port taken between choosing and binding: try another
            self.port = free_port()
            try:
                self._spawn(java)
                self._wait_ready(ready_timeout)
                self.version = probe(self.url, language, timeout=ready_timeout)
                atexit.register(self.stop)
                return self.url
            except ServerError as exc:
                last = exc
                in_use = "Address already in use" in self._log_tail(2000)
                self.stop()
                if not in_use:
                    break
        raise last or ServerError("LanguageTool did not start")

    def _spawn(self, java: str) -> None:
        fd, log = tempfile.mkstemp(prefix="copylint-languagetool-", suffix=".log")
        self.log_path = Path(log)
        opts = shlex.split(os.environ.get(JAVA_OPTS_ENV, DEFAULT_JAVA_OPTS))
        cmd = [java, *opts, "-cp", str(self.installation.jar), SERVER_MAIN, "--port", str(self.port)]
        with os.fdopen(fd, "wb") as log_file:
            self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log_file,
                                            stderr=subprocess.STDOUT, cwd=str(self.installation.path),
                                            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        delay = 0.05
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise ServerError(f"LanguageTool exited at start-up: {self._log_reason()}")
            if healthy(self.url, timeout=1.0):
                return
            time.sleep(delay)
            delay = min(delay * 1.5, 0.5)
        raise ServerError(f"LanguageTool did not come up within {timeout:g} s")

    def _log_tail(self, size: int) -> str:
        if not self.log_path:
            return ""
        try:
            with open(self.log_path, "rb") as fh:
                fh.seek(0, os.SEEK_END)
                fh.seek(max(0, fh.tell() - size))
                return fh.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def _log_reason(self) -> str:
        lines = [l.strip() for l in self._log_tail(4000).splitlines() if l.strip()]
        for line in reversed(lines):
            if "Exception" in line or "Error" in line:
                return line[:200]
        return lines[-1][:200] if lines else "no output"

    def stop(self) -> None:
        """Stop the server (terminate, then kill after 5 s) and remove its log."""
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        if self.log_path is not None and not os.environ.get("COPYLINT_KEEP_LT_LOG"):
            try:
                self.log_path.unlink()
            except OSError:
                pass
            self.log_path = None
        try:
            atexit.unregister(self.stop)
        except Exception:
            pass
