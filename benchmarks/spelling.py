"""Accuracy and speed of the spellers on real news, side by side.

Articles come from ../shared/data/news (Reuters-21578, US news 2016, AG News ledes).
Into a copy of each article we inject real misspellings (Birkbeck, Holbrook, Aspell,
Norvig and Wikipedia lists in ../shared/data/spelling; never codespell's own list) and
random keyboard slips (a swapped, dropped, doubled or neighbouring-key letter). Only
non-words are injected: a "misspelling" that is itself a dictionary word (there for their)
is a real-word error no dictionary speller can see; how many were left out is printed.

Printed per engine: recall of injected typos (overall, by typo source and by the kind of
word the typo was put in: a typo in a name no lexicon knows, used once, cannot be told
from a new name), how often the top suggestion is the right word, alarms per 1,000 words
on the untouched articles (with a sample to read), split into alarms on words hand-checked
as real misspellings in the test articles (spelling_source_typos.tsv) and false alarms,
and throughput on the untouched articles in CPU time (the machine may be shared).

An engine is a function ``engine(text) -> list[(start, end, suggestion or None)]`` in
``ENGINES``; add one there to compare another speller. A tuple may carry a fourth item
"style" for a finding that makes no misspelling claim (copylint's "British spelling in
en-US" warning): it counts towards recall but is reported apart from false alarms.

    python benchmarks/spelling.py [--split test|dev] [--per-corpus N] [--alarms 40] [--misses 40]
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))
DATA = REPO.parent / "shared" / "data"

from _corpus import SPELLING_CORPORA, split_rows  # noqa: E402

from copylint.config import Settings  # noqa: E402
from copylint.readers import read_text  # noqa: E402
from copylint.spelling.speller import NEAR_KEYS, get_speller  # noqa: E402
from copylint.text import WORD_RE  # noqa: E402

Span = tuple[int, int, "str | None"]
CORPORA = SPELLING_CORPORA
MISSPELLING_FILES = ("birkbeck_missp.tsv", "holbrook_missp.tsv", "aspell_missp.tsv",
                     "norvig_spell_testset1.tsv", "norvig_spell_testset2.tsv",
                     "wikipedia_missp_mitton.tsv", "wikipedia_common_misspellings.tsv")


# ---------------------------------------------------------------------- engines


REUTERS_HOUSE_WORDS = (
    # Reuters' own abbreviations in its 1987 wire copy, as a Reuters desk would put them in
    # its `accept:` vocabulary: million, dollars, per cent, cents, shares, months, quarter...
    "mln", "dlrs", "dlr", "pct", "cts", "shr", "shrs", "mths", "qtr", "qtrs", "bpd", "revs", "avg",
    "oper", "stg", "reuter", "vs", "yr", "prev", "div", "pay", "record", "corp", "inc",
)


def _other_language(message: str) -> bool:
    return " is the British spelling" in message or " is the American spelling" in message


def copylint_engine(language: str = "en-US", accept: tuple[str, ...] = ()) -> Callable[[str], list[Span]]:
    """typo.spelling and typo.name-variant, run as the runner runs them on one document."""
    from copylint.engine import check_document, load_ruleset

    settings = Settings(select=["typo.spelling", "typo.name-variant"], language=language,
                        accept=list(accept))
    ruleset = load_ruleset(settings)
    rules = ruleset.selected(settings)

    def run(text: str) -> list[Span]:
        findings, _ = check_document(read_text("article.txt", text), rules, settings, ruleset)
        return [(f.start_offset, f.end_offset, f.suggestions[0] if f.suggestions else None,
                 "style" if _other_language(f.message) else "typo", f.fix is not None and f.fix.safe)
                for f in findings]

    return run


def copylint_reuters_vocabulary(language: str = "en-US") -> Callable[[str], list[Span]]:
    """copylint with the Reuters house vocabulary above (the other corpora are unaffected)."""
    return copylint_engine(language, REUTERS_HOUSE_WORDS)


def codespell_engine() -> Callable[[str], list[Span]]:
    """codespell's default dictionaries (clear, rare) with its own word pattern."""
    import os

    import codespell_lib
    from codespell_lib import _codespell as cs

    misspellings: dict = {}
    base = os.path.join(os.path.dirname(codespell_lib.__file__), "data")
    for name in ("dictionary.txt", "dictionary_rare.txt"):
        cs.build_dict(os.path.join(base, name), misspellings, set())
    word_re = re.compile(cs.word_regex_def)

    def run(text: str) -> list[Span]:
        out = []
        for m in word_re.finditer(text):
            hit = misspellings.get(m.group().lower())
            if hit is not None:
                fix = hit.data.split(",")[0].strip()
                out.append((m.start(), m.end(), fix or None))
        return out

    return run


def languagetool_engine(language: str = "en-US") -> Callable[[str], list[Span]]:
    """LanguageTool's spelling matches as copylint reports them (the grammar rule, through the
    same name logic); one server for the run, started from `copylint languagetool install`."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import languagetool as lt_bench

    return lt_bench.languagetool_engine(language=language)


def combined_engine(language: str = "en-US") -> Callable[[str], list[Span]]:
    """copylint as it runs by default where LanguageTool is installed: the built-in speller
    plus LanguageTool's spelling matches through the name logic, one finding per span."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    import languagetool as lt_bench

    return lt_bench.combined_engine(language=language)


ENGINES: dict[str, Callable[[], Callable[[str], list[Span]]]] = {
    "copylint": copylint_engine,
    "copylint+vocab": copylint_reuters_vocabulary,
    "codespell": codespell_engine,
    "languagetool": languagetool_engine,
    "copylint+languagetool": combined_engine,
}


# ---------------------------------------------------------------------- data


def load_articles(split: str, per_corpus: int) -> list[tuple[str, str]]:
    """(corpus, text) pairs; "dev" and "test" draw disjoint articles (see _corpus.split_rows)."""
    out = []
    for name in CORPORA:
        rows = [json.loads(line) for line in gzip.open(DATA / "news" / f"{name}.jsonl.gz", "rt", encoding="utf-8")]
        for r in split_rows(name, rows, split)[:per_corpus]:
            head = r["headline"].strip()
            text = (head + "\n\n" + r["body"]) if head else r["body"]
            out.append((name, text))
    return out


def load_source_typos() -> set[str]:
    """Words hand-checked as real misspellings in the test split's articles."""
    out = set()
    for line in (REPO / "benchmarks" / "spelling_source_typos.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            out.add(line.split("\t")[0])
    return out


def load_misspellings() -> dict[str, list[str]]:
    """correct word (lower case) -> real misspellings of it, from the evaluation lists."""
    out: dict[str, set[str]] = collections.defaultdict(set)
    for fn in MISSPELLING_FILES:
        with open(DATA / "spelling" / fn, encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2:
                    continue
                wrong, right = parts[0], parts[1].split("|")[0]
                if right == "?" or not wrong.isalpha() or not right.isalpha() or wrong.lower() == right.lower():
                    continue
                out[right.lower()].add(wrong.lower())
    return {k: sorted(v) for k, v in out.items()}


def keyboard_slip(word: str, rng: random.Random) -> str:
    w = list(word)
    i = rng.randrange(1, len(w) - 1)
    op = rng.choice(("swap", "drop", "double", "near", "insert"))
    if op == "swap":
        w[i], w[i + 1] = w[i + 1], w[i]
    elif op == "drop":
        del w[i]
    elif op == "double":
        w.insert(i, w[i])
    else:
        near = sorted(NEAR_KEYS.get(w[i].lower(), ())) or ["e"]
        c = rng.choice(near)
        c = c.upper() if w[i].isupper() else c
        if op == "near":
            w[i] = c
        else:
            w.insert(i, c)
    return "".join(w)


def with_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


TYPO_CLASSES = ("lower-case word", "Capitalised word", "UPPER-CASE word", "name in a lexicon",
                "unknown name, used again", "unknown name, used once")
KNOWABLE = TYPO_CLASSES[:4]  # a dictionary or name lexicon can know the right word


def typo_class(right: str, text: str, speller) -> str:
    """What kind of word a typo was injected into. The right word of a typo in a name that
    neither the dictionary nor the name lexicon knows can only be recovered from the
    article itself (its other uses): once, no speller can tell the typo from a new name."""
    from copylint.spelling.lexicon import name_lexicon

    if right.islower():
        return TYPO_CLASSES[0]
    if speller.is_common(right):
        return TYPO_CLASSES[2] if right.isupper() and len(right) > 1 else TYPO_CLASSES[1]
    if speller.known(right) or name_lexicon().knows(right):
        return TYPO_CLASSES[3]
    uses = len(re.findall(r"(?<![\w'’])" + re.escape(right) + r"(?![\w])", text))
    return TYPO_CLASSES[4] if uses >= 2 else TYPO_CLASSES[5]


def inject(text: str, rng: random.Random, missp: dict[str, list[str]], speller, stats) -> tuple[str, list[tuple[int, int, str, str, str]]]:
    """Replace about one word in 60 (at most 6) by a misspelling; returns the new text and
    (start, end, right word, source, class) of each typo in it."""
    words = [m for m in WORD_RE.finditer(text) if len(m.group()) >= 3 and m.group().isalpha()]
    if not words:
        return text, []
    k = max(1, min(6, len(words) // 60))
    chosen = sorted(rng.sample(words, min(k * 3, len(words))), key=lambda m: m.start())
    edits = []
    for m in chosen:
        if len(edits) >= k:
            break
        word = m.group()
        if edits and m.start() < edits[-1][1] + 2:
            continue
        if rng.random() < 0.5 and word.lower() in missp:
            wrong = with_case(word, rng.choice(missp[word.lower()]))
            source = "lists"
        elif len(word) >= 4:
            wrong = keyboard_slip(word, rng)
            source = "keyboard"
        else:
            continue
        if speller.known_to_scowl(wrong) or wrong.lower() == word.lower():
            stats["real-word (left out)"] += 1
            continue
        edits.append((m.start(), m.end(), word, wrong, source))
    out, typos, shift = [], [], 0
    pos = 0
    for s, e, right, wrong, source in edits:
        out.append(text[pos:s])
        ns = s + shift
        out.append(wrong)
        typos.append((ns, ns + len(wrong), right, source + ("/name" if right[:1].isupper() else ""),
                      typo_class(right, text, speller)))
        shift += len(wrong) - (e - s)
        pos = e
    out.append(text[pos:])
    return "".join(out), typos


# ---------------------------------------------------------------------- measuring


def measure(name: str, engine, articles, injected, show_alarms: int, show_misses: int = 0) -> dict:
    n_words = sum(len(WORD_RE.findall(t)) for _, t in articles)
    n_chars = sum(len(t.encode("utf-8")) for _, t in articles)
    t0 = time.process_time()  # CPU time: the machine may be shared
    alarms = [(corpus, text, engine(text)) for corpus, text in articles]
    elapsed = time.process_time() - t0
    per_corpus = collections.Counter()
    words_per_corpus = collections.Counter()
    style = 0
    source_typos = load_source_typos()
    for corpus, text, hits in alarms:
        style += sum(1 for h in hits if len(h) > 3 and h[3] == "style")
        hits[:] = [h for h in hits if not (len(h) > 3 and h[3] == "style")]
        per_corpus[corpus] += sum(1 for h in hits if text[h[0]:h[1]] not in source_typos)  # false alarms only
        words_per_corpus[corpus] += len(WORD_RE.findall(text))
    found = right = total = 0
    safe = safe_right = 0  # what plain --fix would apply to the injected typos, and how much of it right
    by_source = collections.defaultdict(lambda: [0, 0, 0])
    by_class = collections.defaultdict(lambda: [0, 0, 0])
    misses = []
    for (corpus, _), (text, typos) in zip(articles, injected):
        hits = engine(text)
        for s, e, want, source, cls in typos:
            total += 1
            bs, bc = by_source[source], by_class[cls]
            for b in (bs, bc):
                b[0] += 1
            hit = next((h for h in hits if h[0] < e and s < h[1]), None)
            if hit is None:
                misses.append((corpus, text[max(0, s - 40):s] + "[" + text[s:e] + "]" + text[e:e + 30], want, cls))
                continue
            found += 1
            for b in (bs, bc):
                b[1] += 1
            if hit[2] and hit[2].lower() == want.lower():
                right += 1
                for b in (bs, bc):
                    b[2] += 1
            if len(hit) > 4 and hit[4]:
                safe += 1
                safe_right += bool(hit[2] and hit[2].lower() == want.lower())
    total_alarms = sum(len(h) for _, _, h in alarms)
    # a safe fix on an untouched article's word that is no real misspelling: --fix damage
    safe_alarms = sum(1 for _, text, hits in alarms for h in hits
                      if len(h) > 4 and h[4] and text[h[0]:h[1]] not in source_typos)
    on_typos = sum(1 for _, text, hits in alarms for h in hits if text[h[0]:h[1]] in source_typos)
    result = {
        "on_source_typos_per_1000": 1000 * on_typos / max(1, n_words),
        "false_per_1000": 1000 * (total_alarms - on_typos) / max(1, n_words),
        "engine": name, "typos": total, "recall": found / max(1, total),
        "top1": right / max(1, found), "alarms": total_alarms,
        "alarms_per_1000": 1000 * total_alarms / max(1, n_words),
        "mb_per_s": n_chars / 1e6 / elapsed, "by_source": dict(by_source),
        "by_class": dict(by_class),
        "safe": safe / max(1, found), "safe_right": safe_right / max(1, safe) if safe else None,
        "safe_false_per_1000": 1000 * safe_alarms / max(1, n_words) if safe else None,
        "style_per_1000": 1000 * style / max(1, n_words),
        "per_corpus": {c: 1000 * per_corpus[c] / max(1, words_per_corpus[c]) for c in words_per_corpus},
    }
    if show_alarms:
        sample = [(c, t, h) for c, t, hits in alarms for h in hits if t[h[0]:h[1]] not in source_typos]
        random.Random(7).shuffle(sample)
        result["sample"] = [(c, t[max(0, h[0] - 40):h[0]] + "[" + t[h[0]:h[1]] + "]" + t[h[1]:h[1] + 30], h[2])
                            for c, t, h in sample[:show_alarms]]
    if show_misses:
        random.Random(7).shuffle(misses)
        result["misses"] = misses[:show_misses]
    return result


def speed(language: str, limit_mb: float) -> None:
    """Throughput on full articles (US news 2016 and Reuters), one pass, caches cold."""
    from copylint.engine import check_document, load_ruleset
    from copylint.spelling import check as check_module

    texts = []
    for name, text_type in (("us_news_2016_real_small", None), ("reuters21578", "NORM")):
        for line in gzip.open(DATA / "news" / f"{name}.jsonl.gz", "rt", encoding="utf-8"):
            r = json.loads(line)
            if r["body"] and (text_type is None or r.get("text_type") == text_type):
                texts.append(((r["headline"] + "\n\n") if r["headline"] else "") + r["body"])
    size = 0
    chosen = []
    for t in texts:
        chosen.append(t)
        size += len(t.encode("utf-8"))
        if size >= limit_mb * 1e6:
            break
    # with the house vocabulary a Reuters desk would keep (mln, dlrs, pct...)
    settings = Settings(select=["typo.spelling", "typo.name-variant"], language=language,
                        accept=list(REUTERS_HOUSE_WORDS))
    ruleset = load_ruleset(settings)
    rules = ruleset.selected(settings)
    get_speller(language)  # loaded before the clock starts
    check_module.clear_word_caches()
    mb = size / 1e6
    for label in ("cold caches", "warm caches"):
        read_time = rule_time = 0.0
        for t in chosen:
            t0 = time.process_time()
            doc = read_text("a.txt", t)
            t1 = time.process_time()
            check_document(doc, rules, settings, ruleset)
            rule_time += time.process_time() - t1
            read_time += t1 - t0
        print(f"speed on {len(chosen)} full articles, {mb:.1f} MB, {label}: spelling rules "
              f"{mb / rule_time:.2f} MB/s; with the plain-text reader {mb / (rule_time + read_time):.2f} MB/s")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--per-corpus", type=int, default=400)
    ap.add_argument("--alarms", type=int, default=30, help="false alarms to print per engine")
    ap.add_argument("--misses", type=int, default=0,
                    help="missed typos to print per engine, in context, with the right word and its class")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--language", default="en-US")
    ap.add_argument("--speed-mb", type=float, default=10.0, help="MB of full articles for the speed run (0: skip)")
    args = ap.parse_args(argv)
    if args.speed_mb:
        speed(args.language, args.speed_mb)

    articles = load_articles(args.split, args.per_corpus)
    speller = get_speller(args.language)
    missp = load_misspellings()
    rng = random.Random(2024)
    stats: collections.Counter = collections.Counter()
    injected = [inject(text, rng, missp, speller, stats) for _, text in articles]
    n_words = sum(len(WORD_RE.findall(t)) for _, t in articles)
    mb = sum(len(t.encode("utf-8")) for _, t in articles) / 1e6
    print(f"{len(articles)} articles ({args.split} split), {n_words} words, {mb:.2f} MB; "
          f"{sum(len(t) for _, t in injected)} typos injected; {stats['real-word (left out)']} real-word "
          "misspellings left out")

    t0 = time.process_time()
    get_speller(args.language)  # already loaded; report a cold load separately
    from copylint.spelling import speller as speller_module
    speller_module._SPELLERS.clear()
    speller_module._entries.cache_clear()
    t0 = time.process_time()
    get_speller(args.language)
    print(f"dictionary load: {time.process_time() - t0:.2f} s")

    results = []
    for name in args.engines.split(","):
        factory = ENGINES[name]
        try:
            engine = factory(args.language) if name.startswith(("copylint", "languagetool")) else factory()
        except ImportError as exc:
            print(f"{name}: not available ({exc}); pip install \".[bench]\"")
            continue
        except RuntimeError as exc:  # LanguageTool not installed
            print(f"{name}: not available ({exc})")
            continue

        results.append(measure(name, engine, articles, injected, args.alarms, args.misses))

    print()
    print(f"{'engine':<15}{'recall':>8}{'top-1':>8}{'alarms/1k words':>17}{'on source typos':>17}"
          f"{'false alarms':>14}{'MB/s':>8}")
    for r in results:
        print(f"{r['engine']:<15}{r['recall']:>8.1%}{r['top1']:>8.1%}{r['alarms_per_1000']:>17.2f}"
              f"{r['on_source_typos_per_1000']:>17.2f}{r['false_per_1000']:>14.2f}{r['mb_per_s']:>8.2f}")
    print("(alarms per 1,000 words on the untouched articles; 'on source typos' counts alarms on words hand-checked\n"
          " as real misspellings in the test split's articles, benchmarks/spelling_source_typos.tsv; MB/s is CPU time)")
    for r in results:
        if r["safe_right"] is not None:
            print(f"{r['engine']}: plain --fix would apply {r['safe']:.1%} of the found typos' fixes, "
                  f"{r['safe_right']:.1%} of them right; {r['safe_false_per_1000']:.2f} safe fixes per 1,000 "
                  f"words on the untouched articles' words that are no misspelling")
    for r in results:
        print(f"\n{r['engine']}: by typo source (n, recall, top-1 of found)")
        for src, (n, f, ok) in sorted(r["by_source"].items()):
            print(f"  {src:<26}{n:>6}{f / max(1, n):>8.1%}{ok / max(1, f):>8.1%}")
        print("  by the kind of word the typo was put in:")
        for cls in TYPO_CLASSES:
            n, f, ok = r["by_class"].get(cls, (0, 0, 0))
            print(f"  {cls:<26}{n:>6}{f / max(1, n):>8.1%}{ok / max(1, f):>8.1%}")
        n, f = (sum(r["by_class"].get(c, (0, 0, 0))[i] for c in KNOWABLE) for i in (0, 1))
        print(f"  {'words a lexicon can know':<26}{n:>6}{f / max(1, n):>8.1%}")
        if r["style_per_1000"]:
            print(f"  plus other-language spelling warnings (colour in en-US), not counted above: "
                  f"{r['style_per_1000']:.2f} per 1,000 words")
        print("  false alarms per 1,000 words by corpus: " +
              ", ".join(f"{c} {v:.2f}" for c, v in sorted(r["per_corpus"].items())))
        for corpus, ctx, sugg in r.get("sample", []):
            print(f"  - {corpus[:8]}: {ctx!r} -> {sugg!r}")
        if r.get("misses"):
            print("  missed typos (context, right word, class):")
        for corpus, ctx, want, cls in r.get("misses", []):
            print(f"  ~ {corpus[:8]}: {ctx!r} (right: {want!r}; {cls})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
