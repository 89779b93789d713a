"""Build rules/spelling/words.txt.gz, the built-in speller's dictionary.

Words come from SCOWL (Kevin Atkinson's Spell Checker Oriented Word Lists, the
split lists Debian's ``scowl`` package installs in /usr/share/dict/scowl);
frequencies come from the ``wordfreq`` package (zipf scale of the lower-cased word).

Which SCOWL lists go in:
  * sizes 10-70 of every category (words, upper-case words, proper names,
    abbreviations, contractions): the lists spell checkers normally ship;
  * sizes 80 and 95 only for entries that are used in running text (a wordfreq
    zipf of at least MIN_ZIPF[size]) and are not one edit away from a much more
    frequent size-10..70 word (lower-case words of five letters or more): those sizes also hold obscure words and recorded
    misspellings that would swallow common typos ("accomodate" is a size-95 entry);
  * words that running text uses often (wordfreq zipf >= EXTRA_ZIPF: "cybersecurity",
    "frontrunner", "helmed") although SCOWL lacks them, unless they are one edit from a
    SCOWL word at least EXTRA_MARGIN more frequent ("childrens", "alot" are typos).
    They are tagged ``*`` so a measurement can tell them apart;
  * words of news copy those sources lack, most of them newer than the sources, kept by
    hand in ``rules/spelling/news_words.txt`` ("defunding", "monkeypox"), for both
    languages at their wordfreq zipf (NEWS_WORD_ZIPF when wordfreq has them rarer or not
    at all);
  * spelling variants: "english" (shared by both), "american" and "variant_1" (accepted
    American variants) for en-US; "british", "british_z" (en-GB accepts -ise and -ize)
    and "british_variant_1" for en-GB.

Run (needs ``apt-get install scowl`` and ``pip install wordfreq``):
    python tools/build_spelling_data.py [--scowl /usr/share/dict/scowl]

Output format (UTF-8, gzip): a header line ``@<zipf*10> <tag>`` opens a group; the next
line holds that group's words separated by spaces. ``tag`` is ``-`` (both languages),
``us`` or ``gb``, followed by ``+`` for entries from the rare sizes 80/95 or ``*`` for
words taken from wordfreq alone. Words keep their dictionary case (Israel, NATO, iPhone).
"""

from __future__ import annotations

import argparse
import gzip
import re
import string
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
OUT = REPO / "rules" / "spelling" / "words.txt.gz"
NEWS_WORDS = REPO / "rules" / "spelling" / "news_words.txt"

CATEGORIES = ("words", "upper", "proper-names", "abbreviations", "contractions")
FULL_SIZES = (10, 20, 35, 40, 50, 55, 60, 70)
MIN_ZIPF = {80: 1.5, 95: 2.0}
NEAR_TYPO_MARGIN = 1.0
KEEP_ZIPF = 3.5  # ...unless it is itself this frequent ("facto", "repost")
FAR_MARGIN = 2.5
EXTRA_ZIPF = 3.0
EXTRA_MARGIN = 0.3  # a rare entry this much less frequent than a word one edit away is dropped
LANGUAGES = {
    "us": ("english", "american", "variant_1", "variant_2"),
    "gb": ("english", "british", "british_z", "british_variant_1", "british_variant_2"),
}
NEWS_WORD_ZIPF = 2.0  # the least frequency given to a word of news_words.txt
VARIANT_2_ZIPF = 2.5  # less accepted variants ("snuck", "frontrunner") only when in common use
LETTERS = string.ascii_lowercase + "'"


def read_list(path: Path) -> list[str]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    return [w.strip() for w in text.splitlines() if w.strip()]


def read_news_words(path: Path) -> list[str]:
    """The words of ``news_words.txt``: separated by spaces, ``#`` to the end of a line a comment."""
    return [w for line in path.read_text(encoding="utf-8").splitlines() for w in line.split("#", 1)[0].split()]


def list_files(scowl: Path, spellings: tuple[str, ...], sizes=(*FULL_SIZES, *MIN_ZIPF)):
    for spelling in spellings:
        for cat in CATEGORIES:
            for size in sizes:
                path = scowl / f"{spelling}-{cat}.{size}"
                if path.exists():
                    yield path, size


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    out.discard(word)
    return out


def _near_typo(word: str, z: float, common: dict[str, float]) -> bool:
    """One typical slip (doubled letter, swapped letters, wrong vowel) from a word at
    least NEAR_TYPO_MARGIN more frequent, or any one slip from a far more frequent word
    ("untill", "accomodate"); "helmed" (helped) and "facto" (fact) stay."""
    from copylint.spelling.speller import edit_cost

    for e in edits1(word):
        ze = common.get(e)
        if ze is None or ze < z + NEAR_TYPO_MARGIN:
            continue
        cost = edit_cost(word, e)
        if cost <= 0.7 or (cost <= 1.0 and ze >= z + FAR_MARGIN and z < KEEP_ZIPF):
            return True
    return False


def _run_together(word: str, freq: dict[str, float]) -> bool:
    """Two common words without the space, one of them a very common one ("eachother")."""
    for i in range(1, len(word)):
        a, b = freq.get(word[:i], 0.0), freq.get(word[i:], 0.0)
        if min(a, b) >= 4.0 and max(a, b) >= 5.5:
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scowl", default="/usr/share/dict/scowl")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    from wordfreq import zipf_frequency

    scowl = Path(args.scowl)
    if not scowl.is_dir():
        print(f"no SCOWL lists at {scowl} (apt-get install scowl)", file=sys.stderr)
        return 2
    tags: dict[str, set[str]] = {}
    rare: dict[str, int] = {}  # entries only found at sizes 80/95
    for tag, spellings in LANGUAGES.items():
        for path, size in list_files(scowl, spellings):
            for word in read_list(path):
                if word.endswith(("'s", "’s")):
                    continue  # possessives are stripped before lookup
                if "variant_2" in path.name and zipf_frequency(word, "en") < VARIANT_2_ZIPF:
                    continue
                if size in MIN_ZIPF:
                    if zipf_frequency(word, "en") < MIN_ZIPF[size]:
                        continue
                    rare[word] = min(rare.get(word, size), size)
                tags.setdefault(word, set()).add(tag)
    common_words = {w for w in tags if w not in rare}
    zipf = {w: zipf_frequency(w, "en") for w in tags}
    common_lower: dict[str, float] = {}
    for w in common_words:
        lw = w.lower()
        common_lower[lw] = max(common_lower.get(lw, 0.0), zipf[w])
    dropped = 0
    for w in list(rare):
        if w.lower() in common_lower or not w.islower() or len(w) < 5:
            continue  # names and short words are too often one edit from something
        if _near_typo(w.lower(), zipf[w], common_lower):
            del tags[w]
            dropped += 1
    extra = 0
    from wordfreq import top_n_list

    all_lower = {w.lower() for w in tags}
    for w in top_n_list("en", 400_000, wordlist="large"):
        if not w.isalpha() or not w.islower() or len(w) < 3 or w in all_lower or not w.isascii():
            continue
        z = zipf_frequency(w, "en")
        if z < EXTRA_ZIPF:
            break
        best = max((common_lower.get(e, 0.0) for e in edits1(w)), default=0.0)
        if best >= z + EXTRA_MARGIN or _run_together(w, common_lower) or re.search(r"(.)\1\1", w):
            continue  # a typo, two words run together ("ofthe"), or "sooooo"
        tags[w] = {"us", "gb", "*"}
        zipf[w] = z
        extra += 1
    news_words = 0
    for w in read_news_words(NEWS_WORDS):
        if w not in tags and w.lower() not in all_lower:
            tags[w] = {"us", "gb"}
            zipf[w] = max(zipf_frequency(w, "en"), NEWS_WORD_ZIPF)
            news_words += 1
    groups: dict[tuple[int, str], list[str]] = {}
    for word, ts in tags.items():
        if "*" in ts:
            tag = "-*"
        elif len(ts) == 2:
            tag = "-"
        else:
            tag = next(iter(ts))
        if word in rare:
            tag += "+"
        groups.setdefault((round(zipf[word] * 10), tag), []).append(word)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for (z, tag), words in sorted(groups.items()):
        lines.append(f"@{z} {tag}\n{' '.join(sorted(words))}\n")
    # mtime fixed so rebuilding the same data gives the same bytes
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write("".join(lines).encode("utf-8"))
    print(f"{len(tags)} words ({dropped} rare near-typos dropped, {extra} from wordfreq, {news_words} from news_words.txt) -> {out} ({out.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
