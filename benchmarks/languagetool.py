"""LanguageTool as copylint uses it: spelling accuracy on real news, and the LanguageTool
path's throughput cold and with a warm result cache.

Articles come from ../shared/data/news (US news 2016, Reuters-21578 NORM stories, AG News
ledes). Into a copy of each we inject real misspellings (Birkbeck, Holbrook, Aspell,
Norvig and Wikipedia lists in ../shared/data/spelling) and random keyboard slips (two
letters swapped, one dropped, one doubled, one replaced by a neighbouring key). Only
non-words are injected (checked against the system word list when there is one), since
a real-word error is invisible to any dictionary speller.

Printed, for LanguageTool's spelling matches raw and after copylint's name logic: recall
of injected typos, how often the first suggestion is the right word, and false alarms per
1,000 words on the untouched articles (with a sample to read — some are real typos in
the source). Then the whole LanguageTool path (grammar and spelling, the real rule)
in MB/s: cold (nothing cached) and warm (every paragraph cached), plus the server's
start-up time.

``languagetool_engine()`` has the ``engine(text) -> [(start, end, suggestion)]`` shape of
benchmarks/spelling.py's engines, so that benchmark can put LanguageTool beside the others.

    python benchmarks/languagetool.py [--per-corpus 50] [--alarms 25] [--url URL] [--seed 1]
"""

from __future__ import annotations

import argparse
import atexit
import gzip
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
DATA = REPO.parent / "shared" / "data"

from copylint.config import Settings  # noqa: E402
from copylint.engine import check_document, load_ruleset  # noqa: E402
from copylint.languagetool import client  # noqa: E402
from copylint.languagetool.client import Checker, CheckSettings  # noqa: E402
from copylint.languagetool.install import find_installation  # noqa: E402
from copylint.languagetool.server import LocalServer, probe  # noqa: E402
from copylint.readers import read_text  # noqa: E402
from copylint.rules.grammar import NEWS_DISABLED, paragraph_spans  # noqa: E402

Span = tuple[int, int, "str | None"]
CORPORA = {"us_news_2016_real_small": None, "reuters21578": "NORM", "ag_news_test": None}
MISSPELLING_FILES = ("birkbeck_missp.tsv", "holbrook_missp.tsv", "aspell_missp.tsv", "norvig_spell_testset1.tsv",
                     "norvig_spell_testset2.tsv", "wikipedia_missp_mitton.tsv", "wikipedia_common_misspellings.tsv")
SYSTEM_WORDS = ("/usr/share/dict/american-english-huge", "/usr/share/dict/british-english-huge",
                "/usr/share/dict/american-english", "/usr/share/dict/words")
NEIGHBOURS = {
    "q": "wa", "w": "qes", "e": "wrd", "r": "etf", "t": "ryg", "y": "tuh", "u": "yij", "i": "uok", "o": "ipl",
    "p": "ol", "a": "qsz", "s": "awdz", "d": "sefx", "f": "drgc", "g": "fthv", "h": "gyjb", "j": "hukn",
    "k": "jilm", "l": "kop", "z": "asx", "x": "zsdc", "c": "xdfv", "v": "cfgb", "b": "vghn", "n": "bhjm", "m": "njk",
}
WORD_RE = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")


# ---------------------------------------------------------------------- the server


class _Server:
    url: str | None = None
    version: str = "unknown"
    started_in: float | None = None
    local: LocalServer | None = None


def ensure_server(url: str | None = None) -> tuple[str, str]:
    """Use ``url`` or start one LanguageTool for the whole benchmark."""
    if _Server.url is None:
        if url:
            _Server.url, _Server.version = url, probe(url)
        else:
            installation = find_installation()
            if installation is None:
                raise RuntimeError("LanguageTool is not installed: run `copylint languagetool install` first")
            _Server.local = LocalServer(installation)
            t0 = time.perf_counter()
            _Server.url = _Server.local.start()
            _Server.started_in = time.perf_counter() - t0
            _Server.version = _Server.local.version or installation.version
            atexit.register(_Server.local.stop)
    return _Server.url, _Server.version


def _resources(cache_path: str | None) -> dict:
    url, version = ensure_server()
    return {"languagetool_url": url, "languagetool_version": version, "languagetool_cache": cache_path}


# ---------------------------------------------------------------------- engines


def languagetool_engine(language: str = "en-US", select: str = "typo.spelling",
                        cache_path: str | None = None) -> Callable[[str], list[Span]]:
    """LanguageTool through copylint's grammar rule (names filtered), as source spans."""
    settings = Settings(select=[select], language=language, languagetool_url=ensure_server()[0])
    ruleset = load_ruleset(settings)
    rule = ruleset.by_id["grammar"]
    resources = _resources(cache_path)

    def run(text: str) -> list[Span]:
        doc = read_text("article.txt", text)
        findings, _ = check_document(doc, [rule], settings, ruleset, resources)
        return [(f.start_offset, f.end_offset, f.suggestions[0] if f.suggestions else None)
                for f in findings if f.rule == select or select == "grammar"]

    return run


def combined_engine(language: str = "en-US", cache_path: str | None = None) -> Callable[[str], list[Span]]:
    """The default setup when LanguageTool is installed: the built-in speller and the
    grammar rule together, overlaps resolved as in a real run, spelling findings kept."""
    settings = Settings(select=["typo.spelling", "typo.name-variant", "grammar"], language=language,
                        languagetool_url=ensure_server()[0])
    ruleset = load_ruleset(settings)
    rules = ruleset.selected(settings)
    resources = _resources(cache_path)

    def run(text: str) -> list[Span]:
        findings, _ = check_document(read_text("article.txt", text), rules, settings, ruleset, resources)
        return [(f.start_offset, f.end_offset, f.suggestions[0] if f.suggestions else None)
                for f in findings if f.rule.startswith("typo.")]

    return run


def languagetool_raw_engine() -> Callable[[str], list[Span]]:
    """LanguageTool's spelling matches as the server gives them (no name logic)."""
    url, version = ensure_server()
    checker = Checker(url, version, CheckSettings(disabled_rules=tuple(r for r in NEWS_DISABLED if "*" not in r)),
                      None)

    def run(text: str) -> list[Span]:
        doc = read_text("article.txt", text)
        units = paragraph_spans(doc)
        out = []
        for (base, _), matches in zip(units, checker.check([doc.text[s:e] for s, e in units])):
            for m in matches:
                if m.is_spelling:
                    s, e = doc.map.span(base + m.start, base + m.end)
                    out.append((s, e, m.replacements[0] if m.replacements else None))
        return out

    return run


# ---------------------------------------------------------------------- data


def load_articles(per_corpus: int, seed: int) -> list[str]:
    out = []
    for name, text_type in CORPORA.items():
        rows = [json.loads(line) for line in gzip.open(DATA / "news" / f"{name}.jsonl.gz", "rt", encoding="utf-8")]
        rows = [r for r in rows if r["body"] and (text_type is None or r.get("text_type") == text_type)]
        rows.sort(key=lambda r: r["id"])
        random.Random(f"{seed}-{name}").shuffle(rows)
        for r in rows[:per_corpus]:
            head = r["headline"].strip()
            out.append(f"{head}\n\n{r['body']}" if head else r["body"])
    return out


def load_misspellings() -> dict[str, list[str]]:
    table: dict[str, set[str]] = {}
    for name in MISSPELLING_FILES:
        for i, line in enumerate((DATA / "spelling" / name).read_text(encoding="utf-8").splitlines()):
            cols = line.split("\t")
            if i == 0 or len(cols) < 2:
                continue
            wrong = cols[0].strip().lower()
            for right in cols[1].split("|"):
                right = right.strip().lower()
                if wrong.isalpha() and right.isalpha() and wrong != right:
                    table.setdefault(right, set()).add(wrong)
    return {k: sorted(v) for k, v in table.items()}


def load_real_words() -> set[str] | None:
    words: set[str] = set()
    for path in SYSTEM_WORDS:
        p = Path(path)
        if p.is_file():
            words.update(w.strip().lower() for w in p.read_text(encoding="utf-8", errors="replace").splitlines())
    return words or None


def keyboard_slip(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(("swap", "drop", "double", "near"))
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    return word[:i] + rng.choice(NEIGHBOURS.get(word[i], "e")) + word[i + 1:]


def inject(text: str, rng: random.Random, missp: dict[str, list[str]], real: set[str] | None,
           per_article: int, stats: dict) -> tuple[str, list[tuple[int, int, str]]]:
    """Replace up to ``per_article`` words; returns the new text and (start, end, right word)."""
    candidates = [m for m in WORD_RE.finditer(text)]
    rng.shuffle(candidates)
    chosen = sorted(candidates[:per_article * 3], key=lambda m: m.start())
    edits, last_end = [], -10
    for m in chosen:
        if len(edits) >= per_article or m.start() < last_end + 20:
            continue
        word = m.group()
        wrong = rng.choice(missp[word]) if word in missp and rng.random() < 0.6 else keyboard_slip(word, rng)
        if real is not None and wrong in real:
            stats["real_word_skipped"] += 1
            continue
        stats["from_lists" if word in missp and wrong in missp[word] else "slips"] += 1
        edits.append((m.start(), m.end(), wrong, word))
        last_end = m.end()
    out, spans, shift = [], [], 0
    pos = 0
    for s, e, wrong, right in edits:
        out.append(text[pos:s])
        spans.append((s + shift, s + shift + len(wrong), right))
        out.append(wrong)
        shift += len(wrong) - (e - s)
        pos = e
    out.append(text[pos:])
    return "".join(out), spans


# ---------------------------------------------------------------------- measuring


def measure(name: str, engine, clean: list[str], injected: list[tuple[str, list]], alarms: int) -> dict:
    found = right = total = 0
    for text, spans in injected:
        hits = engine(text)
        for s, e, correct in spans:
            total += 1
            hit = next((h for h in hits if h[0] < e and s < h[1]), None)
            if hit:
                found += 1
                if hit[2] and hit[2].lower() == correct:
                    right += 1
    words = false = 0
    sample = []
    for text in clean:
        words += len(text.split())
        for s, e, sug in engine(text):
            false += 1
            if len(sample) < alarms:
                sample.append(f"{text[s:e]!r} -> {sug!r}")
    return {"name": name, "recall": found / max(total, 1), "top": right / max(found, 1),
            "alarms_per_1k": 1000 * false / max(words, 1), "injected": total, "words": words, "sample": sample}


def throughput(texts: list[str]) -> dict:
    """The whole LanguageTool path (the real rule: grammar and spelling) over ``texts``."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        cache = str(Path(tmp) / "results.sqlite")
        client.reset()
        run = languagetool_engine(select="grammar", cache_path=cache)
        t0 = time.perf_counter()
        for t in texts:
            run(t)
        cold = time.perf_counter() - t0
        sent = sum(c.requests for c in client._checkers.values())
        t0 = time.perf_counter()
        for t in texts:
            run(t)
        warm = time.perf_counter() - t0
        sent_warm = sum(c.requests for c in client._checkers.values()) - sent
    return {"bytes": size, "cold_s": cold, "warm_s": warm, "requests_cold": sent, "requests_warm": sent_warm}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-corpus", type=int, default=50, help="articles per news corpus (default 50)")
    ap.add_argument("--typos", type=int, default=4, help="typos injected per article (default 4)")
    ap.add_argument("--alarms", type=int, default=25, help="false alarms to print for reading")
    ap.add_argument("--url", help="use this LanguageTool server instead of starting one")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    try:
        url, version = ensure_server(args.url)
    except (RuntimeError, OSError) as exc:
        sys.exit(str(exc))
    if _Server.started_in is not None:
        print(f"LanguageTool {version} started (and answered a first check) in {_Server.started_in:.1f} s")
    else:
        print(f"LanguageTool {version} at {url}")
    clean = load_articles(args.per_corpus, args.seed)
    rng = random.Random(args.seed)
    missp = load_misspellings()
    real = load_real_words()
    stats = {"from_lists": 0, "slips": 0, "real_word_skipped": 0}
    injected = [inject(t, rng, missp, real, args.typos, stats) for t in clean]
    print(f"{len(clean)} articles, {sum(len(t.split()) for t in clean):,} words; injected "
          f"{stats['from_lists']} listed misspellings and {stats['slips']} keyboard slips"
          + (f" ({stats['real_word_skipped']} real-word errors left out)" if real else " (no word list: "
             "real-word errors not filtered)"))

    rows = [measure("languagetool raw", languagetool_raw_engine(), clean, injected, args.alarms),
            measure("languagetool+names", languagetool_engine(), clean, injected, args.alarms)]
    print(f"\n{'engine':<20} {'recall':>8} {'top sugg.':>10} {'alarms/1k words':>16}")
    for r in rows:
        print(f"{r['name']:<20} {r['recall']:>8.1%} {r['top']:>10.1%} {r['alarms_per_1k']:>16.2f}")
    for r in rows:
        print(f"\nfalse alarms of {r['name']} (first {len(r['sample'])}, read them: some are real typos):")
        for line in r["sample"]:
            print("   ", line)

    t = throughput(clean)
    mb = t["bytes"] / 1e6
    print(f"\nLanguageTool path (grammar + spelling) on {mb:.2f} MB:")
    print(f"  cold (nothing cached): {mb / t['cold_s']:.3f} MB/s ({t['cold_s']:.1f} s, {t['requests_cold']} requests)")
    print(f"  warm (all cached):     {mb / t['warm_s']:.1f} MB/s ({t['warm_s']:.2f} s, {t['requests_warm']} requests)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
