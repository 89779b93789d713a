"""Build rules/names/lexicon.tsv, the name lexicon behind the speller's name logic.

Sources (all under ../shared/data, see SOURCES.md there; facts only, no text is copied):
  * officeholders/us_executive_terms.csv, us_legislators_current_terms.csv: full names;
  * officeholders/world_leaders_wikidata_2021plus.csv, world_leaders_wikipedia_2022.csv:
    full names of heads of state and government since 2021;
  * officeholders/archigos_4.1_leaders.csv, reign_leaderlist_3_21.csv: leaders' names
    (mostly surnames);
  * style/ukrainian_toponyms_kyivnotkiev.tsv: both spellings of Ukrainian places and people;
  * news/*.jsonl.gz, without the spelling benchmark's test half (benchmarks/_corpus.py:
    split_rows), so the benchmark never measures the lexicon on its own source: capitalised words written mid-sentence in at least MIN_DOCS articles
    that are not dictionary words (people, places, organisations frequent in news; sentence-case headlines
    count too), and
    "First Last" pairs whose first part is a known first name, seen in MIN_DOCS articles.
    A candidate one edit from a far more frequent capitalised word of the same corpus is
    left out as a likely typo.
  * rules/names/extra.txt: names kept by hand (people in the news after the data above).

Each row: ``name<TAB>zipf*10<TAB>articles`` where zipf is wordfreq's frequency of the name
(of its last word for full names) and articles the number of news articles using it.

Run from the repository root (needs ``pip install wordfreq`` and the shared data):
    python tools/build_name_lexicon.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from _corpus import rows_outside_spelling_test  # noqa: E402

from copylint.spelling.names import is_title_case, starts_sentence  # noqa: E402
from copylint.spelling.speller import edits1, get_speller  # noqa: E402

OUT = REPO / "rules" / "names" / "lexicon.tsv"
FIRST_NAMES = REPO / "rules" / "names" / "first_names.txt"
MIN_FIRST = 3  # uses as the first of two capitalised words, to count as a first name
FIRST_SHARE = 0.6  # ...and this share of its uses mid-sentence
EXTRA = REPO / "rules" / "names" / "extra.txt"
MIN_DOCS = 3
TYPO_RATIO = 20  # a neighbour this many times more common makes a candidate a likely typo
NAME_RE = re.compile(r"[A-Z][^\W\d_]+(?:['’][A-Z]?[^\W\d_]+)?")
PAIR_RE = re.compile(r"(?=\b([A-Z][a-z]+) ([A-Z][^\W\d_]+)\b)")


def officeholder_names(data: Path) -> set[str]:
    names: set[str] = set()
    off = data / "officeholders"
    for f, col in (("us_executive_terms.csv", "full_name"), ("us_legislators_current_terms.csv", "full_name"),
                   ("world_leaders_wikidata_2021plus.csv", "officeholderLabel"),
                   ("world_leaders_wikipedia_2022.csv", "officeholderlabel"),
                   ("archigos_4.1_leaders.csv", "leader"), ("reign_leaderlist_3_21.csv", "leader")):
        with open(off / f, encoding="utf-8", errors="replace", newline="") as fh:
            for row in csv.DictReader(fh):
                name = (row.get(col) or "").strip()
                if name and "\ufffd" not in name and not re.match(r"Q\d", name) and not any(ch.isdigit() for ch in name):
                    names.add(" ".join(name.split()))
    with open(data / "style" / "ukrainian_toponyms_kyivnotkiev.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for col in ("russian_derived", "ukrainian"):
                if row.get(col):
                    names.add(row[col].strip())
    return names


def news_articles(data: Path):
    for row in rows_outside_spelling_test(data / "news"):
        head = row.get("headline") or ""
        body = row.get("body") or ""
        # a sentence-case headline's capitals are evidence too
        yield (head + "\n\n" + body) if head and not is_title_case(head) else body


def news_names(data: Path, speller, first_names: set[str]) -> tuple[collections.Counter, collections.Counter, collections.Counter]:
    """Article counts of capitalised non-dictionary words used mid-sentence, of their
    lower-case uses, and of "First Last" pairs; also counts (in ``FIRST_USES``) of how
    often a dictionary name stands mid-sentence, and how often before another capitalised
    word, to find first names."""
    caps: collections.Counter = collections.Counter()
    lower: collections.Counter = collections.Counter()
    pairs: collections.Counter = collections.Counter()
    for body in news_articles(data):
        if not body:
            continue
        seen = set()
        for m in NAME_RE.finditer(body):
            w = m.group()
            if w.isupper() or starts_sentence(body, m.start()):
                continue
            if speller.is_proper(w) or w in CAPITALISED_ENTRIES:
                FIRST_USES[w][0] += 1
                after = FOLLOWER_RE.match(body, m.end())
                if after:
                    FIRST_USES[w][1] += 1
                    FOLLOWERS[w][after.group(1)] += 1
            seen.add(w)
        caps.update(seen)
        lower.update({w for w in re.findall(r"\b[a-z]+\b", body)})
        pairs.update({f"{a} {b}" for a, b in PAIR_RE.findall(body) if a in first_names and not b.isupper()})
    return caps, lower, pairs


FIRST_USES: collections.defaultdict = collections.defaultdict(lambda: [0, 0])
FOLLOWERS: collections.defaultdict = collections.defaultdict(collections.Counter)  # the words after each
FOLLOWER_RE = re.compile(r" ([A-Z][a-z][^\W\d_]*)")
CAPITALISED_ENTRIES: set[str] = set()  # the dictionary's capitalised entries (Donna, Mark), filled in main
MIN_FOLLOWERS = 3  # a first name that is also a word (Donna, John) goes before several surnames...
TOP_FOLLOWER_SHARE = 0.5  # ...none of them most of the time (not "United States", "Prime Minister")
WORDS_AFTER_SHARE = 0.3  # ...and mostly before surnames, not words ("Cape Town", "Occidental Petroleum")
LOWER_CASE_RATIO = 20  # ...and is seldom written in lower case: in a twentieth as many articles at most


def is_first_name(w: str, speller, lower: collections.Counter) -> bool:
    """Written mostly before another capitalised word, mid-sentence; and, for a name the
    dictionary also has as a word (donna, john), before several different ones that are
    mostly no common words, and seldom written as that word in lower case (not mark,
    bill, north, national)."""
    n, before = FIRST_USES[w]
    if before < MIN_FIRST or before < FIRST_SHARE * n:
        return False
    if speller.is_proper(w):
        return True
    followers = FOLLOWERS[w]
    words_after = sum(k for f, k in followers.items() if speller.is_common(f))
    return len(followers) >= MIN_FOLLOWERS and max(followers.values()) <= TOP_FOLLOWER_SHARE * before and \
        lower.get(w.lower(), 0) * LOWER_CASE_RATIO <= before and words_after <= WORDS_AFTER_SHARE * before


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args(argv)
    from wordfreq import zipf_frequency

    data = Path(args.data)
    speller = get_speller("en-US")
    names = officeholder_names(data)
    if EXTRA.exists():
        for line in EXTRA.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(line)
    from copylint.spelling.speller import _entries

    CAPITALISED_ENTRIES.update(w for w in _entries() if w[:1].isupper() and w[1:].islower())
    first_names = {n.split()[0] for n in names if " " in n}
    first_names |= {w for w in speller.forms.values() if w[:1].isupper() and w[1:].islower()}
    caps, lower, pairs = news_names(data, speller, first_names)

    docs: collections.Counter = collections.Counter()
    for w, n in caps.items():
        key = w.lower()
        if n < MIN_DOCS or speller.known(w) or lower.get(key, 0) * 4 > n:
            continue
        neighbours = [caps[e[:1].upper() + e[1:]] for e in edits1(key)]
        if neighbours and max(neighbours) >= TYPO_RATIO * n:
            continue  # one edit from a far more common name: probably a typo
        docs[w] = n
    for pair, n in pairs.items():
        if n >= MIN_DOCS:
            docs[pair] = n
    for name in names:
        docs.setdefault(name, caps.get(name, 0))

    rows = []
    for name, n in docs.items():
        z = zipf_frequency(name.split()[-1], "en")
        rows.append((name, round(z * 10), n))
    rows.sort()
    out = Path(args.out)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# name\tzipf*10\tarticles  (built by tools/build_name_lexicon.py; see README.md)\n")
        for name, z, n in rows:
            fh.write(f"{name}\t{z}\t{n}\n")
    firsts = sorted(w for w in FIRST_USES if is_first_name(w, speller, lower))
    FIRST_NAMES.write_text("# first names: dictionary names that news copy mostly writes before another\n"
                           "# capitalised word (built by tools/build_name_lexicon.py; see README.md)\n"
                           + "\n".join(firsts) + "\n", encoding="utf-8")
    print(f"{len(rows)} names -> {out}; {len(firsts)} first names -> {FIRST_NAMES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
