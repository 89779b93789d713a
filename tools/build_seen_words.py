"""Build rules/spelling/seen.txt.gz: words the dictionary lacks that running text is known
to use, as evidence for the name logic (a capitalised word nobody has ever written, one
slip from a frequent word, is a typo: "Presedent", "Sytems Corp").

Two groups (facts only, no text is copied):
  * ``wordfreq``: words of the ``wordfreq`` package's large English list (Robyn Speer,
    data CC BY-SA 4.0) with a zipf of at least MIN_ZIPF that the dictionary lacks
    (names, brands, slang, and some common misspellings: being seen is evidence of being
    a name, never of being a word);
  * ``news``: words the dictionary lacks used in at least MIN_ARTICLES articles of
    ../shared/data/news, leaving out the spelling benchmark's test half
    (benchmarks/_corpus.py), so the benchmark never measures the list on its own source.
    Words one slip from a word the news uses TYPO_RATIO times as often are left out
    (a typo repeated by a few wire stories is still a typo).

Run from the repository root (needs ``pip install wordfreq`` and the shared data):
    python tools/build_seen_words.py

Output (UTF-8, gzip): ``@<zipf*10> wordfreq`` or ``@<articles> news`` lines, each followed
by a line of lower-case words separated by spaces.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import math
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from _corpus import rows_outside_spelling_test  # noqa: E402
from copylint.spelling.speller import edits1, get_speller  # noqa: E402

OUT = REPO / "rules" / "spelling" / "seen.txt.gz"
MIN_ZIPF = 1.5
MIN_ARTICLES = 3
TYPO_RATIO = 20
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def wordfreq_words(known) -> dict[str, int]:
    from wordfreq import get_frequency_dict

    out = {}
    for w, f in get_frequency_dict("en", "large").items():
        z = math.log10(f) + 9
        if z >= MIN_ZIPF and WORD.fullmatch(w) and not known(w):
            out[w] = round(z * 10)
    return out


def news_words(data: Path, known) -> dict[str, int]:
    docs: collections.Counter = collections.Counter()
    for row in rows_outside_spelling_test(data / "news"):
        text = f"{row.get('headline') or ''}\n{row.get('body') or ''}"
        docs.update({w.lower() for w in WORD.findall(text)})
    out = {}
    for w, n in docs.items():
        if n < MIN_ARTICLES or known(w) or len(w) < 2:
            continue
        if any(docs.get(e, 0) >= TYPO_RATIO * n for e in edits1(w)):
            continue  # "prevoius" beside "previous"
        out[w] = n
    return out


def write(groups: list[tuple[str, dict[str, int]]], out: Path) -> None:
    with gzip.open(out, "wt", encoding="utf-8", newline="\n") as fh:
        for tag, words in groups:
            by_n: dict[int, list[str]] = collections.defaultdict(list)
            for w, n in words.items():
                by_n[n].append(w)
            for n in sorted(by_n):
                fh.write(f"@{n} {tag}\n{' '.join(sorted(by_n[n]))}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    us, gb = get_speller("en-US"), get_speller("en-GB")

    def known(w: str) -> bool:
        return us.known(w) or gb.known(w) or us.other_spelling(w)

    wf = wordfreq_words(known)
    news = news_words(Path(args.data), known)
    write([("wordfreq", wf), ("news", news)], Path(args.out))
    print(f"{len(wf)} words from wordfreq, {len(news)} from the news -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
