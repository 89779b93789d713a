"""copylint beside its peers: wall time, CPU time, MB/s, files/s and peak memory, one run.

    python3 benchmarks/peers.py                  # full: 3,000 articles + one 20 MB file (~15 min)
    python3 benchmarks/peers.py --quick          # 300 articles + one 2 MB file (~3 min)
    python3 benchmarks/peers.py --tools copylint,codespell --skip-install
    python3 benchmarks/peers.py --files 5000 --big-mb 40 --keep

The corpus is written from ../shared/data/news (research use only) into a temporary
folder outside the repository: N article files (headline, blank line, body; every fifth
one Markdown with front matter) and one big file of whole articles. The peers (proselint,
codespell, typos from PyPI; write-good and alex from npm) are installed at pinned versions
into ~/.cache/copylint-bench (see _peers_env.py), never into copylint's environment.
copylint runs from this checkout (REPO/src), so the figures are those of the code here.

Every tool is run as its users run it, on the same files, as a child process; each
measurement is taken ``--repeat`` times (default 2) and the run with the lowest wall time
is kept. CPU time is the child's user + system time from os.wait4 (it includes every
descendant the child waited for: copylint's worker processes, the LanguageTool JVM it
starts). Peak memory is the largest sum of resident set sizes over the child's whole
process tree, sampled every 50 ms from /proc, or the exact peak of the single largest
process (GNU time's %M, when /usr/bin/time is installed) when that is larger. Forked
workers share pages with their parent, so a multi-process sum overstates real use
somewhat; the single-process peak is a floor. The memory-against-files section also
samples the tree's summed PSS (proportional set size, /proc/PID/smaps_rollup: a page
shared by n processes counts 1/n) and judges "flat" by it.

Sections: the corpus, the big file, a warm re-run of an unchanged archive, LanguageTool
(through copylint, cold and warm, and the server on its own), copylint's memory against the
number of files; then the ratios and targets of issue 7.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import _peers_env  # noqa: E402
from _corpus import articles, as_plain_text  # noqa: E402

ALL_TOOLS = ("copylint", "proselint", "codespell", "typos", "write-good", "alex", "languagetool")
CORPORA = ("reuters21578", "us_news_2016_real_small", "ag_news_test")
PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1e6  # throughput and sizes in decimal megabytes (peak memory too)


# --------------------------------------------------------------------------- corpus


def mixed_articles(cycle: bool = False):
    """Articles from the three corpora in turn (one from each while all last), then,
    with ``cycle``, the same again without end."""
    while True:
        streams = [articles(names=(name,)) for name in CORPORA]
        while streams:
            for stream in list(streams):
                rec = next(stream, None)
                if rec is None:
                    streams.remove(stream)
                else:
                    yield rec
        if not cycle:
            return


def article_file(rec: dict, markdown: bool) -> str:
    """Wire copy as plain text, or a Markdown story with a title (and date) in front matter."""
    if not markdown:
        return as_plain_text(rec)
    front = [f"title: {json.dumps(rec['headline'], ensure_ascii=False)}"]
    if rec.get("date"):
        front.append(f"date: {str(rec['date'])[:10]}")
    return "---\n" + "\n".join(front) + "\n---\n\n" + rec["body"].strip() + "\n"


def write_articles(folder: Path, n: int) -> list[Path]:
    """Write ``n`` article files into ``folder``; every fifth is ``.md``. Returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, rec in enumerate(itertools.islice(mixed_articles(cycle=True), n)):
        markdown = i % 5 == 4
        path = folder / f"{i:06d}.{'md' if markdown else 'txt'}"
        path.write_text(article_file(rec, markdown), encoding="utf-8")
        paths.append(path)
    return paths


def link_subset(paths: list[Path], folder: Path) -> list[Path]:
    """A folder holding hard links to ``paths`` (no extra disk, same bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for p in paths:
        q = folder / p.name
        os.link(p, q)
        out.append(q)
    return out


def write_big(path: Path, mb: float) -> tuple[int, int]:
    """One file of whole articles until it holds ``mb`` MB; returns (bytes, bytes of
    articles written a second time because the news ran out)."""
    size, n, want, repeated = 0, 0, int(mb * MB), 0
    distinct = sum(1 for _ in mixed_articles())
    with open(path, "w", encoding="utf-8") as fh:
        for rec in mixed_articles(cycle=True):
            text = as_plain_text(rec) + "\n"
            fh.write(text)
            nbytes = len(text.encode("utf-8"))
            size += nbytes
            n += 1
            repeated += nbytes if n > distinct else 0
            if size >= want:
                break
    return size, repeated


def size_of(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths)


# --------------------------------------------------------------------------- measuring


@dataclass
class Run:
    wall: float = 0.0
    cpu: float = 0.0
    peak_mb: float = 0.0
    peak_pss_mb: float = 0.0  # shared pages counted once (0: not measured)
    error: str = ""  # a crash or a kill: the run is reported, not timed


def _process_tree(root: int) -> list[int]:
    """``root`` and all its live descendants, from the parent ids in /proc/*/stat."""
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        kids.setdefault(ppid, []).append(int(name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(kids.get(pid, ()))
    return tree


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int | None:
    """A process's proportional set size: each page shared by n processes counts 1/n, so
    forked workers' shared pages are counted once over the tree (None: not readable)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return None


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process tree until stopped, and every fourth time its
    summed PSS (dearer to read); ``peak`` and ``peak_pss`` in bytes (``peak_pss`` 0 when
    /proc has no smaps_rollup)."""

    def __init__(self, pid: int, limit: float, on_limit, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak, self.peak_pss = pid, interval, 0, 0
        self.limit, self.on_limit = limit, on_limit
        self.done = threading.Event()

    def run(self) -> None:
        for tick in itertools.count():
            if self.done.is_set():
                break
            tree = _process_tree(self.pid)
            self.peak = max(self.peak, sum(_rss(p) for p in tree))
            if tick % 4 == 0:
                pss = [_pss(p) for p in tree]
                if pss and None not in pss:
                    self.peak_pss = max(self.peak_pss, sum(pss))
            if self.peak > self.limit:
                self.on_limit()
            self.done.wait(self.interval)


MEMORY_LIMIT_MB = 6000  # the machine is shared: a tool whose process tree grows past this is stopped


def gnu_time() -> str | None:
    """GNU time, when installed: it gives a child's exact peak RSS. (os.wait4 on our own
    child would not: a forked child keeps this script's high-water mark across exec.)"""
    exe = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if not exe:
        return None
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return exe if "GNU" in out.stdout + out.stderr else None


GNU_TIME = gnu_time()


def run_once(cmd: list[str], env: dict | None = None, ok_codes=(0, 1), timeout: float = 900.0,
             log_dir: Path | None = None) -> Run:
    """Run ``cmd`` to the end; wall, CPU (os.wait4) and peak tree memory. An exit code not
    in ``ok_codes`` (``None``: any), a signal or a Python traceback is a crash; so is a run
    stopped for taking longer than ``timeout`` or more memory than MEMORY_LIMIT_MB."""
    log_dir = log_dir or Path(tempfile.gettempdir())
    out_path, err_path = log_dir / "last-stdout.txt", log_dir / "last-stderr.txt"
    rss_path = log_dir / "last-maxrss.txt"
    rss_path.unlink(missing_ok=True)
    if GNU_TIME:
        cmd = [GNU_TIME, "-f", "%M", "-o", str(rss_path), *cmd]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env,
                                start_new_session=True)
        killed = threading.Event()

        def kill() -> None:
            if killed.is_set():
                return
            killed.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        sampler = TreeSampler(proc.pid, MEMORY_LIMIT_MB * MB, kill)
        sampler.start()
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:  # Ctrl-C or SIGTERM: take the tool down with us
            kill()
            os.waitpid(proc.pid, 0)
            raise
        finally:
            timer.cancel()
            sampler.done.set()
        wall = time.perf_counter() - t0
        sampler.join()
    proc.returncode = rc = os.waitstatus_to_exitcode(status)
    peak_kb, signum = _time_report(rss_path)
    rc = -signum if signum else rc
    run = Run(wall, usage.ru_utime + usage.ru_stime, max(sampler.peak, peak_kb * 1024) / MB, sampler.peak_pss / MB)
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    if killed.is_set() and run.peak_mb > MEMORY_LIMIT_MB:
        run.error = f"stopped past {MEMORY_LIMIT_MB} MB after {wall:.0f} s"
    elif killed.is_set():
        run.error = f"killed after {timeout:.0f} s"
    elif rc < 0:
        run.error = f"died of signal {-rc}"
    elif (ok_codes is not None and rc not in ok_codes) or "Traceback (most recent call last)" in stderr:
        last = [line for line in stderr.splitlines() if line.strip()][-1:] or ["no stderr"]
        run.error = f"exit {rc}: {last[0][:120]}"
    return run


def _time_report(path: Path) -> tuple[int, int]:
    """(peak RSS in KB, signal number or 0) from GNU time's output file: the %M line,
    after a "Command terminated by signal N" line when the tool was killed."""
    try:
        lines = path.read_text().split("\n")
    except OSError:
        return 0, 0
    lines = [line.strip() for line in lines if line.strip()]
    signum = 0
    for line in lines[:-1]:
        if line.startswith("Command terminated by signal"):
            signum = int(line.split()[-1])
    try:
        return int(lines[-1]), signum
    except (ValueError, IndexError):
        return 0, signum


def best_of(repeat: int, cmd: list[str] | None = None, make=None, **kw) -> Run:
    """The fastest of ``repeat`` runs of ``cmd``, or of ``make() -> (cmd, env)`` called
    afresh for each run (fresh cache folders). The first crash is returned instead."""
    best = None
    for _ in range(repeat):
        if make is not None:
            cmd, kw["env"] = make()
        run = run_once(cmd, **kw)
        if run.error:
            return run
        if best is None or run.wall < best.wall:
            best = run
    return best


# --------------------------------------------------------------------------- tables


@dataclass
class Row:
    tool: str
    version: str
    run: Run | None  # None: not run (the note says why)
    nbytes: int = 0
    nfiles: int = 0
    note: str = ""

    @property
    def mbps(self) -> float:
        return self.nbytes / MB / self.run.wall if self.run and not self.run.error and self.run.wall else 0.0

    @property
    def mb_per_cpu_s(self) -> float:
        return self.nbytes / MB / self.run.cpu if self.run and not self.run.error and self.run.cpu else 0.0


HEADER = ("tool", "version", "wall s", "CPU s", "MB/s", "files/s", "peak MB", "note")


def num(x: float) -> str:
    """Two decimals, or three significant digits for small values (LanguageTool's MB/s)."""
    return f"{x:.2f}" if x >= 0.1 or x == 0 else f"{x:.3g}"


def row_cells(row: Row) -> list[str]:
    if row.run is None or row.run.error:
        why = row.run.error if row.run else row.note
        return [row.tool, row.version, "-", "-", "-", "-", "-", why if row.run is None else f"CRASH: {why}"]
    r = row.run
    return [row.tool, row.version, num(r.wall), num(r.cpu), num(row.mbps),
            files_per_s(row.nfiles, r.wall), f"{r.peak_mb:.0f}", row.note]


def files_per_s(n: int, wall: float) -> str:
    if not wall:
        return "-"
    rate = n / wall
    return f"{rate:.0f}" if rate >= 10 else num(rate)


def format_table(title: str, rows: list[Row]) -> str:
    """A plain text table: left-aligned names, right-aligned numbers."""
    cells = [list(HEADER)] + [row_cells(r) for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(HEADER))]
    lines = [title]
    for k, c in enumerate(cells):
        parts = [c[0].ljust(widths[0]), c[1].ljust(widths[1])]
        parts += [c[i].rjust(widths[i]) for i in range(2, 7)]
        parts.append(c[7])
        lines.append("  ".join(parts).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths[:7]) + "  " + "-" * 4)
    return "\n".join(lines)


def show(title: str, rows: list[Row]) -> None:
    if rows:
        print("\n" + format_table(title, rows), flush=True)


# --------------------------------------------------------------------------- copylint


# copylint's bytecode, compiled once before the runs (as pip compiles an installed package's,
# and the peers' in their virtual environment): a PYTHONDONTWRITEBYTECODE in the caller's
# environment would make every copylint run compile its modules from source again
PYCACHE = _peers_env.HOME / "pycache"


def copylint_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("COPYLINT_LANGUAGETOOL", "PYTHONDONTWRITEBYTECODE")}
    env["PYTHONPATH"] = str(REPO / "src") + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)  # outside the checkout
    env.update(extra)
    return env


def copylint_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "copylint", *args]


def copylint_info() -> tuple[str, set[str]]:
    """copylint's version (with this checkout's commit) and which cache flags `check` has."""
    env = copylint_env()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src" / "copylint")], env=env, check=True)
    out = subprocess.run(copylint_cmd("--version"), capture_output=True, text=True, env=env).stdout
    version = out.strip().split()[-1] if out.strip() else "?"
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--", "src"],
                           capture_output=True, text=True).stdout.strip()
    helptext = subprocess.run(copylint_cmd("check", "--help"), capture_output=True, text=True, env=env).stdout
    flags = {f for f in ("--no-cache", "--cache-dir") if f in helptext}
    return f"{version}@{commit}{'+' if dirty else ''}", flags


class Copylint:
    """Builds copylint runs: fresh cache folders for cold runs, a kept one for warm runs."""

    def __init__(self, version: str, flags: set[str], scratch: Path, repeat: int) -> None:
        self.version, self.flags, self.scratch, self.repeat = version, flags, scratch, repeat
        self.n = 0
        self.lt_install: str | None = None  # the LanguageTool folder, once provisioned

    def fresh_dir(self) -> Path:
        self.n += 1
        d = self.scratch / f"cache-{self.n}"
        d.mkdir(parents=True)
        return d

    def cold(self, target: Path, jobs: int | None, lt: bool = False, repeat: int | None = None) -> Run:
        """No cache of any kind: --no-cache when the CLI has it (else a fresh --cache-dir),
        and COPYLINT_CACHE_DIR (the LanguageTool result cache) in a fresh folder every run."""

        def make():
            d = self.fresh_dir()
            return (self.check_args(target, jobs, lt, d, cold=True),
                    copylint_env(COPYLINT_CACHE_DIR=str(d), **self.lt_env(lt)))

        return best_of(repeat or self.repeat, make=make, log_dir=self.scratch)

    def primed(self, target: Path, jobs: int | None) -> Run:
        """Cold results, but the speller's derived tables already built: --no-cache runs
        with one COPYLINT_CACHE_DIR kept, after one untimed run that builds them there (as
        on any machine that has run copylint before, or a CI job that keeps the folder)."""
        d = self.fresh_dir()
        env = copylint_env(COPYLINT_CACHE_DIR=str(d))
        cmd = self.check_args(target, jobs, False, d, cold=True)
        first = run_once(cmd, env=env, log_dir=self.scratch)
        if first.error:
            return first
        return best_of(self.repeat, cmd, env=env, log_dir=self.scratch)

    def warm(self, target: Path, jobs: int | None, lt: bool = False) -> tuple[Run, Run]:
        """(the filling run, the best warm re-run) with one cache folder kept between them."""
        d = self.fresh_dir()
        env = copylint_env(COPYLINT_CACHE_DIR=str(d), **self.lt_env(lt))
        cmd = self.check_args(target, jobs, lt, d, cold=False)
        fill = run_once(cmd, env=env, log_dir=self.scratch)
        if fill.error:
            return fill, fill
        return fill, best_of(self.repeat, cmd, env=env, log_dir=self.scratch)

    def check_args(self, target: Path, jobs: int | None, lt: bool, cache: Path, cold: bool) -> list[str]:
        args = ["check", "-q"]
        args += ["--require-languagetool"] if lt else ["--no-languagetool"]
        if jobs:
            args += ["-j", str(jobs)]
        if cold and "--no-cache" in self.flags:
            args.append("--no-cache")
        elif "--cache-dir" in self.flags:
            args += ["--cache-dir", str(cache / "run")]
        return copylint_cmd(*args, str(target))

    def lt_env(self, lt: bool) -> dict:
        return {"LTP_JAR_DIR_PATH": self.lt_install} if lt and self.lt_install else {}


# --------------------------------------------------------------------------- peers


def peer_cmd(name: str, exe: Path, target: Path, files: list[Path], scratch: Path) -> list[str]:
    """Each peer as its users run it: on the folder (or, for write-good, the file list).
    proselint stops after 1,000 findings in a file by default; its config lifts that so
    it does all its work on the big file too."""
    if name == "proselint":
        config = scratch / "proselintrc.json"
        config.write_text('{"max_errors": 1000000000}\n')
        return [str(exe), "check", "--config", str(config), str(target)]
    if name == "write-good":
        return [str(exe), *(map(str, files))]
    if name == "alex":
        return [str(exe), "--text", str(target)]
    return [str(exe), str(target)]  # codespell, typos


PEER_OK = {"proselint": (0, 1), "codespell": (0, 65), "typos": (0, 2), "write-good": None, "alex": (0, 1)}
PEER_NOTE = {
    "proselint": "one process, file after file; max_errors lifted",
    "codespell": "misspelling table, one process",
    "typos": "misspelling table, all cores",
    "write-good": "file list on the command line",
    "alex": "--text (plain text), one process",
}


def peer_runner(name: str, exe: Path, scratch: Path, timeout: float):
    """``run(target, files, repeat) -> Run`` for one peer."""
    def run(target: Path, files: list[Path], repeat: int) -> Run:
        return best_of(repeat, peer_cmd(name, exe, target, files, scratch), ok_codes=PEER_OK[name],
                       timeout=timeout, log_dir=scratch)
    return run


def peer_rows(peers: dict, target: Path, files: list[Path], nbytes: int, repeat: int, scratch: Path,
              timeout: float = 900.0) -> list[Row]:
    """One row per peer on ``target``; an unavailable peer gets a row saying why."""
    rows = []
    for name, peer in peers.items():
        if peer.exe is None:
            rows.append(Row(name, "-", None, note=f"unavailable: {peer.why_missing}"))
            continue
        run = peer_runner(name, peer.exe, scratch, timeout)(target, files, repeat)
        rows.append(Row(name, peer.version, run, nbytes, len(files), PEER_NOTE[name]))
    return rows


# --------------------------------------------------------------------------- LanguageTool


def provision_languagetool():
    """``copylint languagetool install`` (returns at once when installed), then the
    installation copylint would start; (installation or None, message)."""
    sys.path.insert(0, str(REPO / "src"))
    proc = subprocess.run(copylint_cmd("languagetool", "install"), capture_output=True, text=True,
                          env=copylint_env())
    if proc.returncode:
        tail = (proc.stdout + proc.stderr).strip().splitlines()[-1:] or ["no output"]
        return None, f"copylint languagetool install failed: {tail[0][:160]}"
    from copylint.languagetool.install import find_installation

    inst = find_installation()
    if inst is None:
        return None, "installed, but copylint finds no installation"
    return inst, f"LanguageTool {inst.version} at {inst.path}"


def _proc_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat", "rb") as fh:
        fields = fh.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _proc_peak(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / MB
    return 0.0


def languagetool_direct(inst, texts: list[str], repeat: int, threads: int = 2) -> tuple[Row, float]:
    """POST every text to a fresh server's /v2/check (``threads`` at a time), as copylint
    starts it; CPU and peak are the server's own. Returns the row and the start-up time."""
    from copylint.languagetool.server import LocalServer, ServerError

    server = LocalServer(inst)
    t0 = time.perf_counter()
    try:
        url = server.start()
    except ServerError as exc:
        return Row("LanguageTool server", inst.version, None, note=f"did not start: {exc}"), 0.0
    startup = time.perf_counter() - t0
    endpoint = url + "v2/check"

    def post(text: str) -> None:
        data = urllib.parse.urlencode({"text": text, "language": "en-US"}).encode()
        with urllib.request.urlopen(endpoint, data=data, timeout=300) as resp:
            json.load(resp)

    best = None
    try:
        for _ in range(repeat):
            cpu0, t1 = _proc_cpu(server.process.pid), time.perf_counter()
            with ThreadPoolExecutor(threads) as pool:
                list(pool.map(post, texts))
            run = Run(time.perf_counter() - t1, _proc_cpu(server.process.pid) - cpu0)
            best = run if best is None or run.wall < best.wall else best
        best.peak_mb = _proc_peak(server.process.pid)
    except OSError as exc:
        best = Run(error=f"request failed: {exc}")
    finally:
        server.stop()
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    note = f"POST /v2/check, {threads} at a time; server CPU and VmHWM"
    return Row("LanguageTool server", inst.version, best, nbytes, len(texts), note), startup


# --------------------------------------------------------------------------- sections


@dataclass
class Plan:
    files: int
    big_mb: float
    archive: int
    lt_files: int
    scale: tuple[int, ...]
    max_est: float  # seconds: a peer expected to take longer on the big file is skipped
    timeout: float  # seconds: any run taking longer is stopped and reported


def plan_for(args) -> Plan:
    if args.quick:
        plan = Plan(300, 2, 300, 20, (100, 200, 400), 10, 60)
    else:
        plan = Plan(3000, 20, 2000, 150, (500, 1000, 2000, 4000), 600, 900)
    plan.files = args.files or plan.files
    plan.big_mb = args.big_mb or plan.big_mb
    plan.lt_files = args.lt_files or plan.lt_files
    plan.max_est = args.max_est or plan.max_est
    return plan


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--files", type=int, default=0, help="article files in the corpus (default 3000; quick 300)")
    ap.add_argument("--big-mb", type=float, default=0, help="size of the one big file (default 20; quick 2)")
    ap.add_argument("--lt-files", type=int, default=0, help="articles for the LanguageTool runs (default 150)")
    ap.add_argument("--tools", default=",".join(ALL_TOOLS), help="comma-separated: " + ",".join(ALL_TOOLS))
    ap.add_argument("--skip-install", action="store_true", help="use the peers already installed")
    ap.add_argument("--quick", action="store_true", help="small sizes: a run in under ~3 minutes")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement; the fastest is kept")
    ap.add_argument("--max-est", type=float, default=0,
                    help="skip a peer on the big file when its estimate passes this (s; default 600, quick 10)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus folder")
    args = ap.parse_args(argv)
    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = set(tools) - set(ALL_TOOLS)
    if unknown:
        ap.error(f"unknown tools: {', '.join(sorted(unknown))}")
    plan = plan_for(args)
    scratch = Path(tempfile.mkdtemp(prefix="copylint-peers-"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the folder is removed
    try:
        return run_all(plan, tools, args, scratch)
    finally:
        if args.keep:
            print(f"\nkept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def run_all(plan: Plan, tools: list[str], args, scratch: Path) -> int:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} CPUs, load average {load}; python {sys.version.split()[0]}; "
          f"each measurement run {args.repeat}x, fastest kept")
    peer_names = [t for t in tools if t in _peers_env.PYPI_PINS or t in _peers_env.NPM_PINS]
    peers = _peers_env.peers(args.skip_install, set(peer_names)) if peer_names else {}
    for p in peers.values():
        print(f"peer {p.name}: {p.version if p.exe else 'unavailable: ' + p.why_missing}")
    version, flags = copylint_info()
    cl = Copylint(version, flags, scratch, args.repeat)
    print(f"copylint {version}; cache flags in `check --help`: {', '.join(sorted(flags)) or 'none'}")

    pool_n = max(plan.files, *plan.scale, plan.archive)
    t0 = time.perf_counter()
    pool = write_articles(scratch / "pool", pool_n)
    corpus = link_subset(pool[:plan.files], scratch / "corpus")
    big = scratch / "big" / "all-articles.txt"
    big.parent.mkdir()
    big_bytes, repeated = write_big(big, plan.big_mb)
    cbytes = size_of(corpus)
    print(f"corpus: {len(corpus)} files, {cbytes / MB:.2f} MB; big file: {big_bytes / MB:.1f} MB"
          f"{f' ({repeated / MB:.2f} MB of it repeated articles)' if repeated else ''}; written in {time.perf_counter() - t0:.1f} s to {scratch}")

    summary: dict[str, Row] = {}
    rows = []
    if "copylint" in tools:
        for jobs in (1, 2):
            run = cl.cold(scratch / "corpus", jobs)
            rows.append(Row(f"copylint -j {jobs}", version, run, cbytes, len(corpus),
                            "default rules, no LanguageTool, first run: empty cache folder"))
            summary[f"j{jobs}"] = rows[-1]
        for jobs in (1, 2):
            run = cl.primed(scratch / "corpus", jobs)
            rows.append(Row(f"copylint -j {jobs}, tables built", version, run, cbytes, len(corpus),
                            "--no-cache, the speller's tables built by an earlier run"))
            summary[f"j{jobs}-primed"] = rows[-1]
    rows += peer_rows(peers, scratch / "corpus", corpus, cbytes, args.repeat, scratch, timeout=plan.timeout)
    summary.update({r.tool: r for r in rows})
    show(f"== corpus: {len(corpus)} article files, {cbytes / MB:.2f} MB ==", rows)

    summary.update(section_big(cl, peers, tools, big, big_bytes, plan, args.repeat, scratch))

    if "copylint" in tools:
        archive = link_subset(pool[:plan.archive], scratch / f"archive-{plan.archive}")
        abytes = size_of(archive)
        fill, warm = cl.warm(archive[0].parent, 2)
        how = ("--cache-dir" if "--cache-dir" in flags else
               "no --cache-dir in this CLI: a plain second run, nothing cached")
        rows = [Row("copylint -j 2, 1st run", version, fill, abytes, len(archive), "fills the cache"),
                Row("copylint -j 2, re-run", version, warm, abytes, len(archive), "nothing changed")]
        summary["warm"] = rows[-1]
        show(f"== warm re-run: unchanged archive of {len(archive)} files, {abytes / MB:.2f} MB ({how}) ==", rows)

    if "languagetool" in tools:
        section_languagetool(cl, pool[:plan.lt_files], scratch, args.repeat)

    if "copylint" in tools:
        summary["scale"] = section_scale(cl, pool, plan.scale, scratch)

    print_targets(summary, plan)
    return 0


def section_big(cl: Copylint, peers: dict, tools: list[str], big: Path, big_bytes: int, plan: Plan,
                repeat: int, scratch: Path) -> dict[str, Row]:
    """Every tool on the one big file. Each first runs once on one article and on two
    prefixes of the file (an eighth and a quarter). CPU time less the one-article run (the
    start-up) is fitted as size^k between the prefixes (1 <= k <= 3) and scaled to the
    whole file and to wall time; a tool estimated past ``plan.max_est`` is skipped."""
    runners = []
    if "copylint" in tools:
        runners.append(("copylint", cl.version, "default rules, no LanguageTool, cold",
                        lambda target, files, n: cl.cold(target, None, repeat=n)))
    for name, peer in peers.items():
        if peer.exe is not None:
            runners.append((name, peer.version, PEER_NOTE[name], peer_runner(name, peer.exe, scratch, plan.timeout)))
    probes = []
    for i, size in enumerate([3000, big_bytes / 8, big_bytes / 4]):
        path = big.parent / f"prefix-{i}.txt"
        with open(big, "rb") as src, open(path, "wb") as dst:
            dst.write(src.read(int(size)).rsplit(b"\n\n", 1)[0] + b"\n")
        probes.append((path, path.stat().st_size))
    probe_rows, rows = [], []
    for name, version, note, run in runners:
        runs = []
        for path, size in probes:
            r = run(path, [path], 1)
            label = f"{size / 1000:.0f} kB (one article)" if size < 10_000 else f"{size / MB:.1f} MB prefix"
            probe_rows.append(Row(name, version, r, size, 1, f"{label}, one run"))
            if r.error:
                break
            runs.append(r)
        if len(runs) < 3:
            rows.append(Row(name, version, None, note="not run: it failed on a prefix"))
            continue
        est, k = estimate(runs, [size for _, size in probes], big_bytes)
        if est > plan.max_est:
            rows.append(Row(name, version, None, note=f"skipped (est. {est:.0f} s; time grows as size^{k:.1f})"))
            continue
        rows.append(Row(name, version, run(big, [big], repeat), big_bytes, 1, note))
    show("== big-file probes: prefixes of the big file, for the estimates ==", probe_rows)
    show(f"== one big file: {big_bytes / MB:.1f} MB ==", rows)
    return {"big:" + r.tool: r for r in rows}


def estimate(runs: list[Run], sizes: list[int], target: int) -> tuple[float, float]:
    """(wall seconds expected on ``target`` bytes, exponent k) from runs on a tiny file and
    two larger ones; see section_big."""
    base = runs[0].cpu
    net1, net2 = max(runs[1].cpu - base, 1e-3), max(runs[2].cpu - base, 1e-3)
    k = min(3.0, max(1.0, math.log(net2 / net1) / math.log(sizes[2] / sizes[1])))
    cpu = base + net2 * (target / sizes[2]) ** k
    return cpu * runs[2].wall / max(runs[2].cpu, 1e-3), k


def section_languagetool(cl: Copylint, files: list[Path], scratch: Path, repeat: int) -> None:
    inst, message = provision_languagetool()
    print(f"\nLanguageTool: {message}")
    folder = files[0].parent.parent / f"lt-{len(files)}"
    subset = link_subset(files, folder)
    nbytes = size_of(subset)
    if inst is None:
        show(f"== LanguageTool: {len(subset)} articles ==", [Row("copylint + LanguageTool", cl.version, None,
                                                                   note=message)])
        return
    cl.lt_install = str(inst.path)
    rows = [Row("copylint -j 2", cl.version, cl.cold(folder, 2), nbytes, len(subset), "built-in only, cold")]
    rows.append(Row("copylint -j 2 + LT, cold", cl.version, cl.cold(folder, 2, lt=True), nbytes, len(subset),
                    "empty result cache; includes JVM start"))
    _fill, warm = cl.warm(folder, 2, lt=True)
    rows.append(Row("copylint -j 2 + LT, warm", cl.version, warm, nbytes, len(subset),
                    "every paragraph cached; includes JVM start"))
    texts = [p.read_text(encoding="utf-8") for p in subset]
    direct, startup = languagetool_direct(inst, texts, repeat)
    rows.append(direct)
    show(f"== LanguageTool: {len(subset)} articles, {nbytes / MB:.2f} MB "
         f"(server start-up {startup:.1f} s, not in its row) ==", rows)


def section_scale(cl: Copylint, pool: list[Path], sizes: tuple[int, ...], scratch: Path) -> dict:
    """copylint's peak memory against the number of files, -j 1 and -j 2: cold (a new
    machine: a run of 1,000 files or more builds the speller's deletion index, a one-time
    step), and with the tables built (every later run), which the flat-memory verdict reads."""
    rows, peaks = [], {}
    for n in sizes:
        folder = scratch / f"scale-{n}"
        files = link_subset(pool[:n], folder)
        nbytes = size_of(files)
        for jobs in (1, 2):
            for state, run in (("cold", cl.cold(folder, jobs)), ("tables built", cl.primed(folder, jobs))):
                note = f"{state}; PSS {run.peak_pss_mb:.0f} MB" if run.peak_pss_mb and not run.error else state
                rows.append(Row(f"copylint -j {jobs}, {n} files", cl.version, run, nbytes, n, note))
                # shared pages counted once where /proc allows, else the RSS sum
                peaks[(n, jobs, state)] = (run.peak_pss_mb or run.peak_mb) if not run.error else None
    show("== copylint memory against the number of files (no LanguageTool) ==", rows)
    return peaks


def print_targets(summary: dict, plan: Plan) -> None:
    print("\n== issue 7 targets (2 cores, default rules, no LanguageTool; verdicts by wall time) ==")
    print("load average at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))

    def ratio(a: str, b: str, per_cpu: bool = False) -> float | None:
        ra, rb = summary.get(a), summary.get(b)
        if not (ra and rb and ra.mbps and rb.mbps):
            return None
        return ra.mb_per_cpu_s / rb.mb_per_cpu_s if per_cpu else ra.mbps / rb.mbps

    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else "target met" if ok else "target NOT met"

    for label, key, other, need in (("corpus", "j2", "proselint", 10.0), ("corpus", "j2", "codespell", 1.0),
                                    ("corpus, tables built", "j2-primed", "proselint", 10.0),
                                    ("corpus, tables built", "j2-primed", "codespell", 1.0),
                                    ("big file", "big:copylint", "big:proselint", 10.0),
                                    ("big file", "big:copylint", "big:codespell", 1.0)):
        x = ratio(key, other)
        name = other.split(":")[-1]
        skipped = [summary[k].note for k in (key, other) if k in summary and summary[k].run is None]
        shown = f"{x:.2f}x" if x is not None else "; ".join(skipped) or "not measured"
        if x is not None:
            shown += f" by wall time ({ratio(key, other, per_cpu=True):.2f}x by CPU time)"
        print(f"{label}: copylint {'-j 2' if key.startswith('j2') else ''} vs {name}: {shown} (need >= {need:g}x): "
              f"{verdict(None if x is None else x >= need)}".replace("  ", " "))
    warm = summary.get("warm")
    if warm and warm.run and not warm.run.error:
        size_note = "" if plan.archive == 2000 else f" (this run: {plan.archive} files, target is for 2,000)"
        print(f"warm re-run of {warm.nfiles} unchanged files: {warm.run.wall:.2f} s (need < 1 s){size_note}: "
              f"{verdict(warm.run.wall < 1.0)}")
    peaks = summary.get("scale") or {}
    for jobs in (1, 2):
        growth_of = {}
        for state in ("tables built", "cold"):
            got = [(n, p) for (n, j, st), p in sorted(peaks.items()) if j == jobs and st == state and p]
            if len(got) >= 2:
                (n0, p0), (n1, p1) = got[0], got[-1]
                growth_of[state] = (f"{p0:.0f} MB at {n0} files, {p1:.0f} MB at {n1} files", p1 / p0 - 1)
        if "tables built" in growth_of:
            shown, growth = growth_of["tables built"]
            cold = growth_of.get("cold")
            cold_note = f"; cold, one-time tables included: {cold[0]} ({cold[1]:+.0%})" if cold else ""
            print(f"memory (PSS where readable), -j {jobs}, tables built: {shown} ({growth:+.0%}; "
                  f"flat = within +25%){cold_note}: {verdict(growth <= 0.25)}")


if __name__ == "__main__":
    sys.exit(main())
