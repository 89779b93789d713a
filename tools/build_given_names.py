"""Build rules/names/given_names.txt: given names, so that the word after one is read as
a surname even where every word has a capital (a title-case headline: "Kathryn Grody To
Star", where "Grody" is no slip of "grade").

Source: the US Census Bureau's 1990 "frequently occurring names" lists of male and female
first names (dist.male.first, dist.female.first; a work of the US government, in the
public domain), as shipped in the `names` package on PyPI (0.3.0, MIT; pip install
names==0.3.0, or give the folder holding the two files with --census). Only the names are
taken, title-cased. Left out: a name that is also a common English word in lower case
(Bill, Mark, Will, Grant, Joy, Frank), the months (June, April, August), and a name the
news uses mostly as something else: written mid-sentence at least MIN_FIRST times in
../shared/data/news (outside the spelling benchmark's test half) and before another
capitalised word less than FIRST_SHARE of those times, the measure first_names.txt is
built with. That drops the places (Dallas, Virginia, Jordan, Sydney): before a
misspelt word in a headline ("Virginia Lawmakrs") they must not make it a surname.

The names that are common words go to a list of their own, given_name_words.txt, when
they pass the same news test and the news writes them before several different
capitalised words, as often surnames as words ("Bill" and "Bob" stay; "Grant", "Hope",
"Hong" and "Golden" go). One of them makes only a word no dictionary or lexicon knows a
surname ("Bill Hader Explains"), since before a known word it may be the word.

Run from the repository root:
    python tools/build_given_names.py [--census DIR]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "benchmarks"))

from build_name_lexicon import FIRST_SHARE, FOLLOWER_RE, MIN_FIRST, NAME_RE, news_articles  # noqa: E402

from copylint.spelling.names import starts_sentence  # noqa: E402
from copylint.spelling.speller import get_speller  # noqa: E402

OUT = REPO / "rules" / "names" / "given_names.txt"
WORDS_OUT = REPO / "rules" / "names" / "given_name_words.txt"
FILES = ("dist.male.first", "dist.female.first")
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"}
HEADER = """\
# given names: the US Census Bureau's 1990 lists of frequently occurring first names
# (public domain), without those that are also common words (Bill, Mark), the months, and
# those the news uses mostly as something else (Dallas, Virginia); built by
# tools/build_given_names.py, see README.md. A word after one of these is a surname.
"""
WORDS_HEADER = """\
# given names that are also common words: the US Census Bureau's 1990 lists of frequently
# occurring first names (public domain), those a dictionary has in lower case (Bill, Bob),
# without the months and those the news uses mostly as something else (Grant, Hope); built
# by tools/build_given_names.py, see README.md. One of these before a capitalised word no
# dictionary or lexicon knows makes that word a surname.
"""


def census_folder(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    import names  # the PyPI package that ships the census files

    return Path(names.__file__).resolve().parent


def news_uses(data: Path, candidates: set[str]) -> tuple[dict[str, list[int]], dict[str, collections.Counter]]:
    """For each candidate: [uses mid-sentence, of which before another capitalised word],
    and how often each capitalised word follows it."""
    uses = {w: [0, 0] for w in candidates}
    followers: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for body in news_articles(data):
        for m in NAME_RE.finditer(body):
            counts = uses.get(m.group())
            if counts is None or starts_sentence(body, m.start()):
                continue
            counts[0] += 1
            after = FOLLOWER_RE.match(body, m.end())
            if after is not None:
                counts[1] += 1
                followers[m.group()][after.group(1)] += 1
    return uses, followers


# a given name that is a common word counts when the news writes it before several
# capitalised words, not one most of the time, and as often before surnames as before words
WORD_NAME_MIN_FOLLOWERS = 2
WORD_NAME_TOP_SHARE = 0.8  # not "Hong" (Kong) or "Ivory" (Coast)
WORD_NAME_WORDS_AFTER = 0.5  # not "Golden" (State), "Royal" (Navy) or "Marine" (Corps)


def first_name_of_many(before: int, followers: collections.Counter, speller) -> bool:
    """Before at least two different capitalised words, none of them nearly always and
    half of them at most common words: "Bill" (Clinton, Gates, Cosby), not "Hong"
    (Kong), "Golden" (State) or "Marine" (Corps). Looser than build_name_lexicon.py's
    test for a first name that is a word, as a surname is often a word too (Bob Dole)."""
    words_after = sum(k for f, k in followers.items() if speller.is_common(f))
    return len(followers) >= WORD_NAME_MIN_FOLLOWERS and max(followers.values()) <= WORD_NAME_TOP_SHARE * before \
        and words_after <= WORD_NAME_WORDS_AFTER * before


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--census", help="folder holding dist.male.first and dist.female.first")
    ap.add_argument("--data", default=str(REPO.parent / "shared" / "data"))
    args = ap.parse_args(argv)
    folder = census_folder(args.census)
    us, gb = get_speller("en-US"), get_speller("en-GB")
    kept: set[str] = set()
    words: set[str] = set()  # the names that are common words too
    dropped = 0
    for name in FILES:
        for line in (folder / name).read_text(encoding="ascii").splitlines():
            if not line.strip():
                continue
            word = line.split()[0].title()
            if word in MONTHS:
                dropped += 1
            elif us.is_common(word) or gb.is_common(word):
                dropped += 1
                words.add(word)
            else:
                kept.add(word)
    uses, followers = news_uses(Path(args.data), kept | words)
    other = {w for w, (n, before) in uses.items() if n >= MIN_FIRST and before < FIRST_SHARE * n}
    dropped += len(other & kept)
    kept -= other
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in sorted(kept)), encoding="utf-8")
    print(f"{OUT.relative_to(REPO)}: {len(kept)} given names ({dropped} left out: common words, months, and {len(other - words)} used mostly otherwise in the news)")
    # and a common word must go before many names, as a first name does
    words = {w for w in words - other
             if uses[w][1] >= MIN_FIRST and first_name_of_many(uses[w][1], followers[w], us)}
    WORDS_OUT.write_text(WORDS_HEADER + "".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{WORDS_OUT.relative_to(REPO)}: {len(words)} given names that are common words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
