"""Hostile inputs: files shaped to make a linter slow or greedy, each checked by the CLI in
a process of its own, with its wall time, peak memory (max RSS) and exit code printed.

- a story pasted as one line (about 1 MB of Reuters text, no line breaks);
- 100,000 unclosed brackets on one 600 KB line (a finding for each);
- front matter whose YAML aliases expand to 9**10 values ("billion laughs");
- 5,000 nested blockquotes, 3,000 nested list items, 50,000 nested <div>s;
- 100,000 HTML entities in one paragraph, and 100,000 front-matter keys;
- 100,000 direction marks, 20,000 wire tickers that are HTML element names, and 10,000
  Spanish sentences among English ones, each in one paragraph; a front-matter title of
  40,000 escaped words.

    python3 benchmarks/inputs.py [--timeout SECONDS]

A run that passes the timeout is printed as such and killed, so the script always ends.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import articles  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def one_line_story(limit: int = 1_000_000) -> str:
    parts, size = [], 0
    for rec in articles(("reuters21578",)):
        body = " ".join(rec["body"].split())
        parts.append(body)
        size += len(body) + 1
        if size > limit:
            break
    return "Headline\n\n" + " ".join(parts) + "\n"


def alias_bomb() -> str:
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    lines.append("title: [" + ", ".join(["*l8"] * 9) + "]")
    return "---\n" + "\n".join(lines) + "\n---\n# Talks\n\nIt was the the end.\n"


def inputs() -> dict[str, str]:
    return {
        "one-line-story.txt": one_line_story(),
        # an unclosed <h1>: the whole page is the headline (seconds per thousand words once)
        "long-headline.html": "<html><body><h1>" + one_line_story(20_000).split("\n\n", 1)[1]
                              + "</h1><p>The council met on Tuesday.</p></body></html>",
        # a one-line story whose export turned every closing mark into an opening one
        "unclosed-quotes.txt": "Headline\n\n" + one_line_story(400_000).split("\n\n", 1)[1].replace(" ", " \u201c", 20_000)
                               + "\n",
        # a one-line story with a few wide runs of spaces, which ask whether it is a table
        "wide-gaps.txt": "Headline\n\n" + one_line_story(60_000).split("\n\n", 1)[1].replace(". ", ".    ", 3) + " REUTER\n",
        # a run of dots with no space after it, which each sentence split read from every dot
        "dots.txt": "Headline\n\nIt was " + "." * 100_000 + "x\n",
        # a wide run of spaces after an abbreviation and before a comma, as text and as HTML
        "spaces.txt": "Headline\n\nThe OECD" + " " * 100_000 + "x , and more.\n",
        "spaces.html": "<html><body><h1>Headline</h1><p>The OECD" + " " * 100_000 + "x , and more.</p></body></html>",
        "spaces-title.html": "<html><head><title>Headline" + " " * 100_000 + "x</title></head><body><h1>Headline</h1>"
                             "<p>Body.</p></body></html>",
        # a story pasted as the first line (the headline) with its closing marks turned into opening ones
        "unclosed-headline.txt": one_line_story(100_000).split("\n\n", 1)[1].replace(" ", " \u2018", 10_000) + "\nBody.\n",
        # one 100 KB word: the speller's edits of it were quadratic (100 KB took 49 s); no
        # word two letters longer than the dictionary's longest is searched now
        "long-word.txt": "Headline\n\nThe " + "a'" * 50_000 + " end.\n",
        "brackets.txt": "Headline\n\n" + '"a (b ' * 100_000 + "\n",
        "alias-bomb.md": alias_bomb(),
        "nested-quotes.md": "# Title\n\n" + "> " * 5000 + "deep text\n",
        "nested-lists.md": "# Title\n\n" + "".join("  " * i + "- item\n" for i in range(3000)),
        "nested-divs.html": "<html><body><h1>T</h1>" + "<div>" * 50_000 + "<p>deep the the text</p>"
                            + "</div>" * 50_000 + "</body></html>",
        "entities.html": "<html><body><h1>T</h1><p>" + "&amp; &#x41; &bogus; " * 100_000 + "</p></body></html>",
        "front-matter-keys.md": "---\n" + "".join(f"k{i}: v\n" for i in range(100_000)) + "---\n# T\n\nBody.\n",
        # 100,000 left-to-right marks in one paragraph, each asked whether the paragraph
        # has right-to-left letters (that scan was per mark: 204 s)
        "direction-marks.txt": "Headline\n\n" + "wo\u200erd " * 100_000 + "\n",
        # 20,000 wire tickers that are element names (<S>) in one Markdown paragraph, each
        # asking whether the paragraph closes the tag (a search of the paragraph per ticker: 7 s)
        "tickers.md": "# Headline\n\n" + " ".join(f"Firm{i} Inc <S> rose." for i in range(20_000)) + "\n",
        # a front-matter title of 40,000 words written with a YAML escape ("caf\\u00e9"),
        # each once searched for to the end of the value (4.9 s)
        "escaped-title.md": '---\ntitle: "' + "caf\\u00e9 " * 40_000 + '"\n---\n\nBody text here.\n',
        # a headline followed by 50,000 " | News": each site name taken off once, from the end
        "site-names.txt": "Council approves budget" + " | News" * 50_000 + "\n\nBody text here.\n",
        # sentences in Spanish between English ones on one line: the foreign-sentence test
        # once matched every unknown word against every sentence
        "foreign-sentences.txt": "Headline\n\n" + " ".join(
            ["Las elecciones primarias están a la vuelta de la esquina.",
             "The council met on Tuesday and agreed the budget."] * 10_000) + "\n",
        # 100,000 "[" never closed: markdown-it reads from each to the end of the paragraph
        # for a link label (20 s); past 2,000 such the file is parsed without link syntax
        "open-brackets.md": "# Headline\n\n" + "[^" * 100_000 + "\n",
        # Hugo shortcodes and Liquid tags opened and never closed, on one line
        "open-templates.md": "# Headline\n\n" + "{{< {% {{ " * 30_000 + "\n",
    }


def run(path: Path, timeout: float) -> tuple[float, int | None, str]:
    """(seconds, peak RSS in KB, outcome) of `copylint check` on one file, read from the
    process's own resource usage (os.wait4)."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    cmd = [sys.executable, "-m", "copylint", "check", "-q", "--no-languagetool", "--no-cache", str(path)]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - t0 > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                proc.returncode = -9  # reaped here: keep Popen from waiting again
                return time.perf_counter() - t0, None, f"killed after {timeout:.0f} s"
            time.sleep(0.02)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        lines = err.read().decode("utf-8", "replace").strip().splitlines()
    outcome = f"exit {proc.returncode}" + (f": {lines[-1][:70]}" if proc.returncode == 2 and lines else "")
    return seconds, usage.ru_maxrss, outcome


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--timeout", type=float, default=120.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'input':24} {'size':>8} {'seconds':>8} {'peak MB':>8}  outcome")
        for name, text in inputs().items():
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            seconds, peak, outcome = run(path, args.timeout)
            size = f"{path.stat().st_size / 1e6:.2f} MB"
            shown = f"{peak / 1024:.0f}" if peak else "-"
            print(f"{name:24} {size:>8} {seconds:8.2f} {shown:>8}  {outcome}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
