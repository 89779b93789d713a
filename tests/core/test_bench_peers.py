"""benchmarks/peers.py's own parts: the corpus it writes, how it measures a child process
tree, and its table. (Not the peers' speed: that is the benchmark's job, not the suite's.)"""

import sys
from pathlib import Path

import pytest

from helpers import REPO, SHARED_DATA

sys.path.insert(0, str(REPO / "benchmarks"))
import peers  # noqa: E402


@pytest.mark.skipif(not (SHARED_DATA / "news" / "reuters21578.jsonl.gz").exists(), reason="no news corpus")
def test_corpus_is_n_files_of_real_articles(tmp_path):
    paths = peers.write_articles(tmp_path / "pool", 12)
    assert [p.name for p in paths] == sorted(p.name for p in (tmp_path / "pool").iterdir())
    assert len(paths) == 12 and sum(p.suffix == ".md" for p in paths) == 2
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(set(texts)) == 12
    for path, text in zip(paths, texts):
        if path.suffix == ".md":
            assert text.startswith("---\ntitle: ") and "\n---\n\n" in text
        else:
            headline, blank, body = text.split("\n", 2)
            assert headline.strip() and blank == "" and len(body.split()) >= 5
    subset = peers.link_subset(paths[:5], tmp_path / "five")
    assert [p.read_text(encoding="utf-8") for p in subset] == texts[:5]


def test_peak_memory_counts_the_whole_process_tree(tmp_path):
    # the parent holds ~60 MB and waits for a child holding ~200 MB: the sum is the peak
    code = ("import subprocess, sys, time; a = bytearray(60_000_000); "
            "subprocess.run([sys.executable, '-c', 'b = bytearray(200_000_000); import time; time.sleep(0.6)'])")
    run = peers.run_once([sys.executable, "-c", code], log_dir=tmp_path)
    assert not run.error
    assert run.peak_mb > 255 and run.cpu > 0 and run.wall >= 0.6


def test_a_crash_is_reported_not_timed(tmp_path):
    run = peers.run_once([sys.executable, "-c", "raise ValueError('boom')"], log_dir=tmp_path)
    assert run.error.startswith("exit 1: ValueError: boom")
    ok = peers.run_once([sys.executable, "-c", "raise SystemExit(65)"], ok_codes=(0, 65), log_dir=tmp_path)
    assert ok.error == ""
    table = peers.format_table("t", [
        peers.Row("fast", "1.0", peers.Run(wall=2.0, cpu=3.0, peak_mb=40.4), nbytes=10_000_000, nfiles=100),
        peers.Row("broken", "2.0", run),
        peers.Row("slow", "3.0", None, note="skipped (est. 900 s)"),
    ])
    lines = table.splitlines()
    assert lines[3].split() == ["fast", "1.0", "2.00", "3.00", "5.00", "50", "40"]
    assert "CRASH: exit 1" in lines[4] and lines[4].split()[2] == "-"
    assert lines[5].endswith("skipped (est. 900 s)")
    assert len({len(line) for line in lines[1:3]}) == 1  # header and rule line up


def test_a_signal_is_a_crash(tmp_path):
    run = peers.run_once([sys.executable, "-c", "import os, signal; os.kill(os.getpid(), signal.SIGKILL)"],
                         ok_codes=None, log_dir=tmp_path)
    assert run.error == "died of signal 9"


def test_pss_counts_pages_a_forked_child_shares_once(tmp_path):
    # the parent fills 200 MB, then forks a child that only sleeps: RSS counts the pages
    # twice over the tree, PSS once
    code = ("import os, time; a = bytearray(200_000_000); a[::4096] = b'x' * len(a[::4096]); "
            "pid = os.fork(); time.sleep(0.8); os._exit(0) if pid == 0 else os.waitpid(pid, 0)")
    run = peers.run_once([sys.executable, "-c", code], log_dir=tmp_path)
    assert not run.error
    assert run.peak_mb > 380
    assert 190 < run.peak_pss_mb < 300
