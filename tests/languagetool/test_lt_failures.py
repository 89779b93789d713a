"""When LanguageTool is missing, unreachable, killed or frozen: one clear notice, every
other finding still reported, no hang, and exit code 2 only with --require-languagetool."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from helpers import run_cli

from copylint.config import ConfigResolver
from copylint.languagetool import client, session
from copylint.runner import exit_code, run

STORY = "Market reopens\n\nHe go to the the market on Friday, officials said.\n"


def _stories(folder: Path, n: int = 3) -> list[str]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"story{i}.txt"
        p.write_text(STORY.replace("Friday", ["Friday", "Monday", "Sunday", "Tuesday"][i % 4]), encoding="utf-8")
        paths.append(str(p))
    return paths


def _rules_by_file(findings) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in findings:
        out.setdefault(Path(f.path).name, set()).add(f.rule)
    return out


def test_unreachable_url_says_so_once_and_the_other_checks_run(tmp_path, lt_env):
    paths = _stories(tmp_path / "desk")
    proc = run_cli("check", "--format", "json", "--languagetool-url", "http://127.0.0.1:9", *paths, env=lt_env)
    assert proc.returncode == 1  # the built-in finding decides, not LanguageTool's absence
    notices = [l for l in proc.stderr.splitlines() if "grammar checks skipped" in l]
    assert len(notices) == 1 and "http://127.0.0.1:9/" in notices[0] and "not reachable" in notices[0]
    assert "Traceback" not in proc.stderr
    rules = [f["rule"] for f in json.loads(proc.stdout)["findings"]]
    assert rules.count("typo.repeated-word") == 3 and not any(r.startswith("grammar.") for r in rules)


def test_require_languagetool_turns_unavailability_into_exit_2(tmp_path, lt_env):
    paths = _stories(tmp_path / "desk", 1)
    proc = run_cli("check", "--languagetool-url", "http://127.0.0.1:9", "--require-languagetool", *paths, env=lt_env)
    assert proc.returncode == 2
    assert "copylint: error: LanguageTool:" in proc.stderr and "--require-languagetool" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_the_environments_require_holds_for_a_server_url(tmp_path, lt_env):
    """COPYLINT_LANGUAGETOOL=require sets the default when config and flags say nothing
    of it; a --languagetool-url made it pass over an unreachable server with exit 1."""
    paths = _stories(tmp_path / "desk", 1)
    proc = run_cli("check", "--languagetool-url", "http://127.0.0.1:9", *paths,
                   env={**lt_env, "COPYLINT_LANGUAGETOOL": "require"})
    assert proc.returncode == 2, proc.stderr
    assert "copylint: error: LanguageTool:" in proc.stderr


def test_not_installed_is_a_notice_naming_the_install_command(tmp_path):
    paths = _stories(tmp_path / "desk", 1)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {"COPYLINT_CACHE_DIR": str(empty), "LTP_PATH": str(empty), "LTP_JAR_DIR_PATH": "",
           "XDG_CACHE_HOME": str(empty), "COPYLINT_LANGUAGETOOL": "auto"}
    proc = run_cli("check", *paths, env=env)
    assert proc.returncode == 1
    assert "copylint languagetool install" in proc.stderr
    proc = run_cli("check", "--require-languagetool", *paths, env=env)
    assert proc.returncode == 2


def test_no_languagetool_runs_built_ins_only_and_quietly(tmp_path, lt_server, lt_env):
    paths = _stories(tmp_path / "desk", 1)
    before = len(lt_server.checks())
    proc = run_cli("check", "--format", "json", "--no-languagetool", "--languagetool-url", lt_server.url,
                   *paths, env=lt_env)
    assert proc.returncode == 1
    assert "LanguageTool" not in proc.stderr and "grammar" not in proc.stderr
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["typo.repeated-word"]
    assert len(lt_server.checks()) == before
    proc = run_cli("check", "--no-languagetool", "--require-languagetool", *paths, env=lt_env)
    assert proc.returncode == 2


def _kill_after_first_request(monkeypatch, act):
    original = client.Checker._send
    calls = []

    def send(self, text):
        result = original(self, text)
        calls.append(text)
        if len(calls) == 1:
            act()
        return result

    monkeypatch.setattr(client.Checker, "_send", send)
    return calls


@pytest.mark.parametrize("required", [False, True])
def test_server_killed_mid_run(tmp_path, private_server, monkeypatch, required):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    paths = _stories(tmp_path / "desk", 3)

    def kill():
        private_server.process.send_signal(signal.SIGKILL)
        private_server.process.wait(timeout=30)

    _kill_after_first_request(monkeypatch, kill)
    values = {"languagetool_url": private_server.url, "languagetool": True if required else None}
    result = run(paths, ConfigResolver(None, values), jobs=1)

    by_file = _rules_by_file(result.findings)
    assert by_file["story0.txt"] == {"typo.repeated-word", "grammar.HE_VERB_AGR"}  # checked before the kill
    assert by_file["story1.txt"] == {"typo.repeated-word"}  # every other finding still reported
    assert by_file["story2.txt"] == {"typo.repeated-word"}
    said = [n for n in result.notices if "stopped answering" in n]
    said += [p.message for p in result.problems if p.fatal and p.path == "LanguageTool"]
    assert len(said) == 1  # one warning, or with --require-languagetool one error
    assert private_server.url in said[0] and "other checks ran" in said[0]
    assert ("--require-languagetool" in said[0]) == required
    assert exit_code(result, result_fail_on()) == (2 if required else 1)


def result_fail_on():
    from copylint.model import Severity

    return lambda path: Severity.WARNING


def test_frozen_server_times_out_instead_of_hanging(tmp_path, private_server, monkeypatch):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(client.TIMEOUT_ENV, "2")
    paths = _stories(tmp_path / "desk", 3)
    pid = private_server.process.pid
    _kill_after_first_request(monkeypatch, lambda: os.kill(pid, signal.SIGSTOP))
    started = time.monotonic()
    try:
        result = run(paths, ConfigResolver(None, {"languagetool_url": private_server.url}), jobs=1)
    finally:
        os.kill(pid, signal.SIGCONT)
    elapsed = time.monotonic() - started
    assert elapsed < 60  # bounded by the 2 s timeout; language-tool-python's own default is 300 s a try
    assert len([n for n in result.notices if "stopped answering" in n and "timed out" in n]) == 1
    assert _rules_by_file(result.findings)["story2.txt"] == {"typo.repeated-word"}


def test_the_run_starts_its_own_server_and_stops_it(tmp_path, lt_installation, monkeypatch):
    """No URL: copylint starts LanguageTool from the installation, shares it for the
    run and stops it at the end."""
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("LTP_JAR_DIR_PATH", str(lt_installation.path))
    monkeypatch.setenv("COPYLINT_LANGUAGETOOL", "auto")
    started = []

    class Recording(session.LocalServer):
        def start(self, *args, **kwargs):
            started.append(self)
            url = super().start(*args, **kwargs)
            self.spawned = self.process
            return url

    monkeypatch.setattr(session, "LocalServer", Recording)
    paths = _stories(tmp_path / "desk", 3)
    result = run(paths, ConfigResolver(None, {}), jobs=1)
    assert len(started) == 1
    assert all("grammar.HE_VERB_AGR" in rules for rules in _rules_by_file(result.findings).values())
    assert started[0].spawned.poll() is not None  # the JVM is gone
    assert not started[0].alive()
    assert result.notices == []


def test_death_seen_by_several_workers_is_one_warning(tmp_path, private_server, lt_env):
    """Workers each find the server gone; the run prints one warning, not one per worker.
    The server is killed as soon as it has logged the first file's request, so the later
    files' requests (whatever the timing, most of them) meet a dead server."""
    import subprocess
    import sys

    from helpers import REPO

    from copylint.languagetool.server import PROBE_AGENT

    paths = _stories(tmp_path / "desk", 16)
    env = dict(os.environ, **lt_env, PYTHONPATH=str(REPO / "src"), NO_COLOR="1")
    proc = subprocess.Popen([sys.executable, "-m", "copylint", "check", "--format", "json", "-j", "2",
                             "--languagetool-url", private_server.url, *paths],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        log = Path(private_server.log_path).read_text(errors="replace").splitlines()
        if any("Check done:" in line and f"agent:{PROBE_AGENT}" not in line for line in log):
            break
        time.sleep(0.02)
    private_server.process.kill()
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 1, err
    assert len([l for l in err.splitlines() if "stopped answering" in l]) == 1, err
    rules = [f["rule"] for f in json.loads(out)["findings"]]
    assert rules.count("typo.repeated-word") == 16
