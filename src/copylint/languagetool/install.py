"""Finding and provisioning a LanguageTool server on this machine.

``copylint languagetool install`` fetches ``org.languagetool:languagetool-server`` and
``org.languagetool:language-en`` from Maven Central with ``mvn`` (a newsroom without
internet access can point Maven at its own mirror) and lays them out as::

    <root>/<version>/languagetool-server.jar   a manifest-only jar: Main-Class + Class-Path libs/*
    <root>/<version>/libs/*.jar                 the server, the English module and their dependencies
    <root>/<version>/copylint-install.json      what was installed, and when
    <root>/LanguageTool-<version> -> <version>  so language-tool-python finds it with LTP_PATH=<root>

That is the same shape as LanguageTool's own zip (a ``languagetool-server.jar`` whose
manifest names its libraries), so ``java -cp <dir>/languagetool-server.jar
org.languagetool.server.HTTPServer`` starts either, and ``LTP_JAR_DIR_PATH`` or config
``languagetool-dir`` may name either.

``<root>`` is ``--dir``, else ``$COPYLINT_CACHE_DIR/languagetool``, else
``$XDG_CACHE_HOME/copylint/languagetool`` (``~/.cache/copylint/languagetool``): outside
the repository, kept between runs.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

SERVER_MAIN = "org.languagetool.server.HTTPServer"
SERVER_JAR = "languagetool-server.jar"
INSTALL_RECORD = "copylint-install.json"
FALLBACK_VERSION = "6.8"
MIN_JAVA = 17  # LanguageTool 6.6 and later


class InstallError(Exception):
    """Provisioning failed; the message says why and what to do."""


def preferred_version() -> str:
    """The LanguageTool version the installed language-tool-python expects."""
    try:
        from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION
    except Exception:  # an older or newer layout of the package: use what we tested
        return FALLBACK_VERSION
    return str(LTP_DOWNLOAD_VERSION)


def cache_root(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from ..data import user_cache_dir

    return user_cache_dir() / "languagetool"


@dataclass(frozen=True)
class Installation:
    """A directory holding a startable ``languagetool-server.jar``."""

    path: Path
    version: str  # "unknown" when neither a record nor a jar name tells
    origin: str  # where it was found, for ``copylint languagetool status``

    @property
    def jar(self) -> Path:
        return self.path / SERVER_JAR


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.-]", version))


def _guess_version(path: Path) -> str:
    record = path / INSTALL_RECORD
    if record.is_file():
        try:
            return str(json.loads(record.read_text(encoding="utf-8"))["version"])
        except (OSError, ValueError, KeyError):
            pass
    for jar in sorted((path / "libs").glob("languagetool-core-*.jar")):
        m = re.match(r"languagetool-core-(.+)\.jar$", jar.name)
        if m:
            return m.group(1)
    m = re.search(r"LanguageTool-(\d[\w.]*?)(?:-SNAPSHOT)?$", path.name, re.I)
    if m:
        return m.group(1)
    return "unknown"


def inspect(path: str | os.PathLike, origin: str) -> Installation | None:
    """The installation at ``path`` (a directory with languagetool-server.jar), or None."""
    p = Path(path).expanduser()
    if not (p / SERVER_JAR).is_file():
        return None
    return Installation(p.resolve(), _guess_version(p), origin)


def installed(root: Path | None = None) -> list[Installation]:
    """copylint's own installations under ``root``, newest version first."""
    root = root or cache_root()
    found = []
    if root.is_dir():
        for child in root.iterdir():
            if child.is_dir() and not child.is_symlink() and not child.name.startswith("."):
                inst = inspect(child, f"copylint cache ({root})")
                if inst is not None:
                    found.append(inst)
    found.sort(key=lambda i: _version_key(i.version), reverse=True)
    return found


def find_installation(configured_dir: str | None = None, root: Path | None = None) -> Installation | None:
    """Where to start LanguageTool from, first match wins: config ``languagetool-dir``,
    ``$LTP_JAR_DIR_PATH``, copylint's cache (the version language-tool-python expects,
    else the newest), then language-tool-python's own downloads (``$LTP_PATH`` or
    ``~/.cache/language_tool_python``)."""
    if configured_dir:
        return inspect(configured_dir, "config languagetool-dir")
    env_dir = os.environ.get("LTP_JAR_DIR_PATH")
    if env_dir:
        inst = inspect(env_dir, "LTP_JAR_DIR_PATH")
        if inst is not None:
            return inst
    ours = installed(root)
    if len(ours) > 1:  # only then ask language-tool-python (a slow import) which it expects
        want = preferred_version()
        for inst in ours:
            if inst.version == want:
                return inst
    if ours:
        return ours[0]
    ltp_root = Path(os.environ.get("LTP_PATH") or Path.home() / ".cache" / "language_tool_python").expanduser()
    if ltp_root.is_dir():
        candidates = [inspect(d, f"language-tool-python download ({ltp_root})")
                      for d in ltp_root.glob("LanguageTool*") if d.is_dir()]
        candidates = [c for c in candidates if c is not None]
        if candidates:
            return max(candidates, key=lambda i: _version_key(i.version))
    return None


# --------------------------------------------------------------------------- java


def java_version(java: str | None = None) -> tuple[str, int] | None:
    """(path of java, major version), or None when there is no java on PATH."""
    java = java or shutil.which("java")
    if not java:
        return None
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return java, 0
    major = int(m.group(1))
    if major == 1 and m.group(2):  # "1.8.0_292" style
        major = int(m.group(2))
    return java, major


# --------------------------------------------------------------------------- install

_POM = """<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by copylint to fetch LanguageTool's HTTP server; safe to delete -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>copylint.local</groupId>
  <artifactId>languagetool-fetch</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>languagetool-server</artifactId>
      <version>{version}</version>
    </dependency>
    <dependency>
      <groupId>org.languagetool</groupId>
      <artifactId>language-en</artifactId>
      <version>{version}</version>
    </dependency>
  </dependencies>
</project>
"""


def _manifest(main_class: str, class_path: list[str]) -> bytes:
    """A jar manifest; lines longer than 72 bytes continue on lines starting with a space."""
    lines = ["Manifest-Version: 1.0", "Created-By: copylint", f"Main-Class: {main_class}",
             "Class-Path: " + " ".join(class_path)]
    out: list[bytes] = []
    for line in lines:
        raw = line.encode("utf-8")
        out.append(raw[:72])
        raw = raw[72:]
        while raw:
            out.append(b" " + raw[:71])
            raw = raw[71:]
    return b"\r\n".join(out) + b"\r\n\r\n"


def write_launcher_jar(directory: Path) -> Path:
    """Write ``languagetool-server.jar``: no classes, only a manifest naming ``libs/*.jar``."""
    jars = sorted(p.name for p in (directory / "libs").glob("*.jar"))
    if not jars:
        raise InstallError(f"no jars in {directory / 'libs'}")
    target = directory / SERVER_JAR
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("META-INF/MANIFEST.MF", _manifest(SERVER_MAIN, [f"libs/{j}" for j in jars]))
    return target


def _run_maven(mvn: str, pom_dir: Path, libs: Path, offline: bool, log: Callable[[str], None]) -> None:
    cmd = [mvn, "-B", "-q", "-f", str(pom_dir / "pom.xml"), "dependency:copy-dependencies",
           f"-DoutputDirectory={libs}", "-DincludeScope=runtime"]
    if offline:
        cmd.insert(1, "-o")
    log("  running: " + " ".join(cmd))
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, cwd=pom_dir)
    except subprocess.TimeoutExpired:
        raise InstallError("mvn took more than an hour; giving up") from None
    except OSError as exc:
        raise InstallError(f"cannot run {mvn}: {exc}") from None
    if proc.returncode != 0:
        tail = [l for l in (proc.stdout + proc.stderr).splitlines() if "ERROR" in l][:3]
        detail = "; ".join(l.replace("[ERROR]", "").strip() for l in tail) or f"exit code {proc.returncode}"
        raise InstallError(f"mvn could not fetch LanguageTool: {detail}")


def install(version: str | None = None, root: Path | None = None, *, offline: bool = False,
            force: bool = False, log: Callable[[str], None] = lambda s: None) -> Installation:
    """Fetch LanguageTool ``version`` (default: what language-tool-python expects; if Maven
    does not serve it, the newest version Maven resolves) into ``root``. Returns at once
    when it is already there."""
    root = (root or cache_root()).expanduser()
    wanted = version or preferred_version()
    existing = inspect(root / wanted, f"copylint cache ({root})")
    if existing is not None and (root / wanted / INSTALL_RECORD).is_file() and not force:
        return existing

    mvn = shutil.which("mvn")
    if not mvn:
        raise InstallError("mvn (Apache Maven) is not on PATH; install it (e.g. apt-get install maven) "
                           "or point LTP_JAR_DIR_PATH at an unpacked LanguageTool")
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InstallError(f"cannot create {root}: {exc.strerror or exc}") from None
    log(f"fetching LanguageTool {wanted} and its English module with mvn into {root} (about 250 MB)")

    with tempfile.TemporaryDirectory(prefix=".install-", dir=root) as tmp:
        work = Path(tmp)
        stage = work / "stage"
        (stage / "libs").mkdir(parents=True)
        attempts = [wanted] if version else [wanted, f"[{wanted},)", "[5.0,)"]
        error: InstallError | None = None
        for spec in attempts:
            (work / "pom.xml").write_text(_POM.format(version=spec), encoding="utf-8")
            try:
                _run_maven(mvn, work, stage / "libs", offline, log)
                error = None
                break
            except InstallError as exc:
                error = exc
                log(f"  {spec}: {exc}")
                for leftover in (stage / "libs").glob("*"):
                    leftover.unlink()
        if error is not None:
            raise error
        server_jars = list((stage / "libs").glob("languagetool-server-*.jar"))
        if not server_jars:
            raise InstallError("mvn finished but languagetool-server is not among the fetched jars")
        got = re.match(r"languagetool-server-(.+)\.jar$", server_jars[0].name).group(1)
        write_launcher_jar(stage)
        record = {
            "version": got,
            "installed": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "artifacts": ["org.languagetool:languagetool-server", "org.languagetool:language-en"],
            "jars": len(list((stage / "libs").glob("*.jar"))),
            "start": f"java -cp {SERVER_JAR} {SERVER_MAIN} --port PORT",
        }
        (stage / INSTALL_RECORD).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        target = root / got
        if target.exists():
            old = work / "old"
            os.replace(target, old)  # moved aside, removed with the temp folder
        os.replace(stage, target)
    _link_for_language_tool_python(root, got)
    inst = inspect(target, f"copylint cache ({root})")
    assert inst is not None
    return inst


def _link_for_language_tool_python(root: Path, version: str) -> None:
    """``LanguageTool-<version>`` -> ``<version>``: the name language-tool-python looks for."""
    link = root / f"LanguageTool-{version}"
    try:
        if link.is_symlink() or link.exists():
            return
        link.symlink_to(version, target_is_directory=True)
    except OSError:
        pass  # no symlinks here (Windows without privilege): LTP_JAR_DIR_PATH still works
