"""The process pool: the report is the same whatever --jobs is, on real articles."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from helpers import SHARED_DATA, run_cli


def _archive(folder: Path, count: int) -> list[str]:
    """``count`` real Reuters stories as wire copy, and one of them again under another name
    (two articles with one headline: a corpus finding that crosses workers)."""
    folder.mkdir()
    names = []
    with gzip.open(SHARED_DATA / "news" / "reuters21578.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if not row["headline"] or not row["body"]:
                continue
            name = f"{len(names):03d}.txt"
            (folder / name).write_text(f"{row['headline']}\n\n{row['body']}\n", encoding="utf-8")
            names.append(name)
            if len(names) == count:
                break
    (folder / "zz-repost.txt").write_text((folder / names[0]).read_text(encoding="utf-8"), encoding="utf-8")
    return names


def _report(folder: Path, *args: str) -> dict:
    proc = run_cli("check", "--format", "json", "--no-languagetool", *args, str(folder))
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def test_the_report_does_not_depend_on_jobs_or_the_cache(tmp_path):
    folder = tmp_path / "archive"
    names = _archive(folder, 60)
    one = _report(folder, "-j", "1", "--no-cache")
    two = _report(folder, "-j", "2", "--no-cache")
    assert two == one
    assert one["summary"]["files"] == 61
    # enough to compare: findings from many files and several rule families
    assert len({f["path"] for f in one["findings"]}) >= 10
    assert len({f["rule"] for f in one["findings"]}) >= 4

    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert _report(folder, "-j", "2", *cache) == one  # filling the cache
    assert _report(folder, "-j", "1", *cache) == one  # read from it

    shared = {f["path"] for f in one["findings"] if f["rule"] == "structure.duplicate-headline"
              and f["message"].startswith("another article")}
    assert {str(folder / names[0]), str(folder / "zz-repost.txt")} <= shared  # Reuters repeats some too
    # the story the parent runs before forking its workers is never reported
    assert not [f for f in one["findings"] if "warm-up" in f["path"]]


def test_no_more_workers_than_files(tmp_path, monkeypatch):
    """`-j 200` over a dozen stories forked two hundred workers (the pool starts them all
    at once); the pool is now as large as the number of files, at most."""
    import concurrent.futures

    from copylint.config import ConfigResolver, Settings
    from copylint.runner import run

    asked: list[int] = []

    class SerialPool:
        """Records the pool size and runs the work here, in order."""

        def __init__(self, max_workers, initializer, mp_context, initargs):
            asked.append(max_workers)
            initializer(*initargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def map(self, fn, items, chunksize=1):
            return map(fn, items)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", SerialPool)
    folder = tmp_path / "desk"
    folder.mkdir()
    for n in range(9):
        (folder / f"{n}.txt").write_text(f"Council meets on plan {n}\n\nThe the council met.\n", encoding="utf-8")
    settings = Settings(select=["typo.repeated-word"], languagetool=False, cache=False)
    result = run([str(folder)], ConfigResolver(settings=settings), jobs=200)
    assert asked == [9]
    assert sorted(f.path for f in result.findings) == sorted(str(folder / f"{n}.txt") for n in range(9))
