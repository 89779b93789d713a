"""How long an editor waits for copylint's findings: `copylint lsp` against one
`copylint check` per save, on real articles from ../shared/data/news.

Prints: the language server's start (initialize to the first story's diagnostics), the
time from opening a story to its diagnostics (median, 90th percentile, slowest) over many
articles, from the last keystroke to the diagnostics (the 0.25 s pause for more typing
included), and a `copylint check --no-cache` subprocess on one article (what a check per
save costs) for comparison. Built-in
checks only (no LanguageTool), caches as a first run has them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

from _corpus import articles, as_plain_text  # noqa: E402
from lsp_client import Editor  # noqa: E402

OFF = {"COPYLINT_LANGUAGETOOL": "off"}


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="stories opened one after another")
    ap.add_argument("--checks", type=int, default=5, help="`copylint check` runs for the comparison")
    args = ap.parse_args(argv)

    texts = [as_plain_text(r) for r in articles(("us_news_2016_real_small", "reuters21578"), limit=args.articles)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        ed = Editor(root, env=OFF)
        uri = ed.open(root / "story-0.txt", texts[0], language_id="plaintext")
        ed.diagnostics(uri)
        start = time.perf_counter() - t0

        opened, found = [], 0
        for i, text in enumerate(texts[1:], 1):
            t = time.perf_counter()
            uri = ed.open(root / f"story-{i}.txt", text, language_id="plaintext")
            found += len(ed.diagnostics(uri))
            opened.append(time.perf_counter() - t)
            ed.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
            ed.wait_for(lambda m: m["method"] == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri)

        typed = []
        uri = ed.open(root / "typing.txt", texts[1], language_id="plaintext")
        ed.diagnostics(uri)
        text = texts[1]
        for word in ("The", "goverment", "said", "on", "Tuesday", "that", "talks", "in", "Kiev", "resume"):
            text += " " + word
            t = time.perf_counter()
            ed.change(uri, text)
            ed.diagnostics(uri)
            typed.append(time.perf_counter() - t)
        ed.close()

        story = root / "one.txt"
        story.write_text(texts[1], encoding="utf-8")
        check_runs = []
        for _ in range(args.checks):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "copylint", "check", "--no-languagetool", "--no-cache", "-q", str(story)],
                           capture_output=True, env={**__import__("os").environ, **OFF}, cwd=root)
            check_runs.append(time.perf_counter() - t)

    size = sum(len(t.encode("utf-8")) for t in texts[1:]) / len(texts[1:])
    print(f"{len(opened)} articles, {size / 1000:.1f} kB on average, {found} diagnostics")
    print(f"server start to the first story's diagnostics: {start:.2f} s")
    print(f"open -> diagnostics: median {statistics.median(opened) * 1000:.1f} ms, "
          f"90th percentile {_percentile(opened, 0.9) * 1000:.1f} ms, slowest {max(opened) * 1000:.1f} ms")
    print(f"last keystroke -> diagnostics (0.25 s pause included): median {statistics.median(typed) * 1000:.0f} ms, "
          f"slowest {max(typed) * 1000:.0f} ms")
    print(f"`copylint check` on one article --no-cache (a new process per save): median {statistics.median(check_runs):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
