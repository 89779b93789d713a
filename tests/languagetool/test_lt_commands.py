"""``copylint languagetool install`` and ``status``, and a check that finds the
installation with no configuration but ``languagetool-dir``."""

from __future__ import annotations

import json
import os
import shutil
import sys
import zipfile
from pathlib import Path

from helpers import run_cli

from copylint.languagetool.install import INSTALL_RECORD, SERVER_JAR, SERVER_MAIN, preferred_version


def _path_without_mvn(tmp_path: Path) -> str:
    """A PATH with java and this python but no mvn."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    os.symlink(shutil.which("java"), bin_dir / "java")
    os.symlink(sys.executable, bin_dir / "python")
    return str(bin_dir)


def test_second_install_is_instant_and_needs_no_maven(tmp_path, lt_installation):
    proc = run_cli("languagetool", "install", "--dir", str(lt_installation.path.parent),
                   env={"PATH": _path_without_mvn(tmp_path)})
    assert proc.returncode == 0, proc.stderr
    assert f"already installed in {lt_installation.path}" in proc.stdout
    assert "fetching" not in proc.stderr


def test_install_into_a_fresh_folder_lays_out_a_startable_server(tmp_path, lt_installation):
    root = tmp_path / "lt"
    proc = run_cli("languagetool", "install", "--dir", str(root))
    assert proc.returncode == 0, proc.stderr
    version = preferred_version()
    home = root / version
    assert f"LanguageTool {version} installed in {home}" in proc.stdout
    record = json.loads((home / INSTALL_RECORD).read_text(encoding="utf-8"))
    assert record["version"] == version
    libs = {p.name for p in (home / "libs").glob("*.jar")}
    assert f"languagetool-server-{version}.jar" in libs and f"language-en-{version}.jar" in libs
    with zipfile.ZipFile(home / SERVER_JAR) as jar:
        manifest = jar.read("META-INF/MANIFEST.MF").decode("utf-8")
    assert all(len(line.encode()) <= 72 for line in manifest.split("\r\n"))
    unfolded = manifest.replace("\r\n ", "")
    assert f"Main-Class: {SERVER_MAIN}" in unfolded
    class_path = unfolded.split("Class-Path: ")[1].split("\r\n")[0].split(" ")
    assert sorted(class_path) == sorted(f"libs/{name}" for name in libs)
    # the name language-tool-python looks for under LTP_PATH
    assert (root / f"LanguageTool-{version}").resolve() == home.resolve()
    again = run_cli("languagetool", "install", "--dir", str(root), "-q")
    assert again.stdout.strip() == str(home)


def test_install_without_maven_fails_with_a_one_line_reason(tmp_path):
    proc = run_cli("languagetool", "install", "--dir", str(tmp_path / "none"),
                   env={"PATH": _path_without_mvn(tmp_path)})
    assert proc.returncode == 2
    assert proc.stderr.startswith("copylint: error: mvn (Apache Maven) is not on PATH")
    assert "Traceback" not in proc.stderr


def test_status_reports_installation_java_and_server(tmp_path, lt_installation, lt_server):
    env = {"LTP_JAR_DIR_PATH": str(lt_installation.path), "COPYLINT_CACHE_DIR": str(tmp_path / "c")}
    proc = run_cli("languagetool", "status", "--languagetool-url", lt_server.url, cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"expects LanguageTool {preferred_version()}" in out
    assert f"installation: {lt_installation.path} (LanguageTool {lt_installation.version}, found via LTP_JAR_DIR_PATH)" in out
    assert "java: " in out and "(Java " in out
    assert f"server URL: {lt_server.url}: reachable, LanguageTool {lt_server.version}" in out
    assert "engine: LanguageTool will be used" in out

    down = run_cli("languagetool", "status", "--languagetool-url", "http://127.0.0.1:9", cwd=tmp_path, env=env)
    assert "server URL: http://127.0.0.1:9/: LanguageTool at http://127.0.0.1:9/ is not reachable" in down.stdout
    assert "engine: built-in checks only" in down.stdout


def test_config_languagetool_dir_is_found_and_started(tmp_path, lt_installation):
    (tmp_path / ".copylint.yaml").write_text(f"languagetool-dir: {lt_installation.path}\n", encoding="utf-8")
    (tmp_path / "s.txt").write_text("Talks\n\nHe go to the talks on Monday.\n", encoding="utf-8")
    env = {"COPYLINT_CACHE_DIR": str(tmp_path / "c"), "COPYLINT_LANGUAGETOOL": "auto"}
    proc = run_cli("check", "--format", "json", "s.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["grammar.HE_VERB_AGR"]
    status = run_cli("languagetool", "status", cwd=tmp_path, env=env)
    assert "found via config languagetool-dir" in status.stdout
