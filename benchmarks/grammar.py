"""Grammar accuracy on real learner English with human corrections (JFLEG), LanguageTool
alone beside copylint's grammar rule.

JFLEG (../shared/data/grammar/jfleg, CC BY-NC-SA 4.0, used in place, never copied) holds
sentences from learners' essays, each with four fluent corrections by different people.
Its text is tokenised ("did n't", "trees , and"); both sides are joined back into normal
spacing first, so no engine is judged on the tokeniser's spaces.

A sentence is wrong as written when none of the four corrections leaves it as it is.
Printed per engine:

- how many wrong sentences get at least one grammar finding (spelling matches are
  counted apart: JFLEG's learners misspell too);
- how many sentences that a corrector left as they were get one anyway;
- grammar findings on the first correction of every sentence (fluent English, so nearly
  every one is a false alarm), per 100 sentences and per 1,000 words;
- of the grammar findings with a suggestion on wrong sentences, how many bring the
  sentence nearer (in words) to its closest correction when applied.

This is learner English, not news copy: it shows how much grammar copylint's filters keep
and what they cost, not how a news desk's copy fares. The engines:

- ``languagetool``: every match LanguageTool gives with its default rules, spelling
  matches aside;
- ``copylint``: the ``grammar`` rule as a check runs it (news rules switched off, matches in
  quotations, headlines and wire furniture dropped), ``grammar.*`` findings; beside them
  ``typo.spelling`` (the built-in speller, and LanguageTool's spelling matches it lets
  through) for the "+ spelling" column.

The corrections are crowd work and are not all clean ("in may parts of India"): some
findings on them are right. Read the printed sample before taking the alarm columns as
false alarms.

    python benchmarks/grammar.py [--split dev|test] [--limit N] [--url URL] [--show 20]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))
DATA = REPO.parent / "shared" / "data" / "grammar" / "jfleg" / "jfleg.jsonl"

from languagetool import ensure_server  # noqa: E402

from copylint.config import Settings  # noqa: E402
from copylint.engine import check_document, load_ruleset  # noqa: E402
from copylint.languagetool.client import Checker, CheckSettings  # noqa: E402
from copylint.readers import read_text  # noqa: E402

# every sentence is the body of a one-paragraph story under this headline, so that the
# rule judges it as body copy (headlines have rules of their own)
HEADLINE = "Notes\n\n"

_CLITIC = re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.IGNORECASE)
_BEFORE_MARK = re.compile(r" ([,.;:!?%)\]])")
_AFTER_OPEN = re.compile(r"([(\[$]) ")
_WORD = re.compile(r"\S+")


def detokenise(text: str) -> str:
    """JFLEG's tokens joined back into ordinary spacing: "did n't" -> "didn't",
    "trees , and" -> "trees, and", a pair of '"' hugging what they quote."""
    text = " ".join(text.split())
    text = _CLITIC.sub(r"\1", text)
    text = _BEFORE_MARK.sub(r"\1", text)
    text = _AFTER_OPEN.sub(r"\1", text)
    if text.count('"') % 2 == 0:
        # alternate marks open and close: no space after an opening one, none before a closing one
        text = re.sub(r'"\s*(.*?)\s*"', r'"\1"', text)
    return text.strip()


def load(split: str, limit: int | None) -> list[dict]:
    rows = []
    with DATA.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["split"] != split:
                continue
            source = detokenise(r["source"])
            refs = [detokenise(x) for x in r["references"]]
            rows.append({"id": r["id"], "source": source, "refs": refs,
                         "wrong": _norm(source) not in {_norm(x) for x in refs}})
            if limit and len(rows) >= limit:
                break
    return rows


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _distance(a: list[str], b: list[str]) -> int:
    """Words to insert or delete to turn a into b (from difflib's matching blocks)."""
    same = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return len(a) + len(b) - 2 * same


# ---------------------------------------------------------------------- engines
# An engine takes a sentence and gives [(start, end, rule, suggestion or None, spelling?)].


def languagetool_engine(url: str, version: str):
    checker = Checker(url, version, CheckSettings(), None)

    def run(sentence: str):
        (matches,) = checker.check([sentence])
        return [(m.start, m.end, m.rule_id, m.replacements[0] if m.replacements else None, m.is_spelling)
                for m in matches]

    return run


def copylint_engine(url: str, version: str):
    settings = Settings(select=["grammar", "typo.spelling"], languagetool_url=url)
    ruleset = load_ruleset(settings)
    rules = ruleset.selected(settings)
    resources = {"languagetool_url": url, "languagetool_version": version, "languagetool_cache": None}
    base = len(HEADLINE)

    def run(sentence: str):
        doc = read_text("note.txt", HEADLINE + sentence)
        findings, _ = check_document(doc, rules, settings, ruleset, resources)
        return [(f.start_offset - base, f.end_offset - base, f.rule, f.suggestions[0] if f.suggestions else None,
                 f.rule == "typo.spelling")
                for f in findings if f.start_offset >= base]

    return run


# ---------------------------------------------------------------------- measuring


def measure(name: str, engine, rows: list[dict], show: int) -> dict:
    t0 = time.perf_counter()
    wrong = [r for r in rows if r["wrong"]]
    right = [r for r in rows if not r["wrong"]]
    flagged = flagged_any = right_flagged = 0
    suggested = helped = 0
    samples: list[str] = []
    for r in rows:
        hits = engine(r["source"])
        grammar = [h for h in hits if not h[4]]
        if r["wrong"]:
            flagged += bool(grammar)
            flagged_any += bool(hits)
            refs = [_tokens(x) for x in r["refs"]]
            before = min(_distance(_tokens(r["source"]), ref) for ref in refs)
            for s, e, _, suggestion, _ in grammar:
                if suggestion is None:
                    continue
                suggested += 1
                fixed = _tokens(r["source"][:s] + suggestion + r["source"][e:])
                helped += min(_distance(fixed, ref) for ref in refs) < before
        else:
            right_flagged += bool(grammar)
    false_alarms = words = 0
    for r in rows:
        ref = r["refs"][0]
        hits = [h for h in engine(ref) if not h[4]]
        false_alarms += len(hits)
        words += len(_tokens(ref))
        for s, e, rule, suggestion, _ in hits[:1]:
            if len(samples) < show:
                samples.append(f"  - {rule}: {ref[max(0, s - 40):s]}[{ref[s:e]}]{ref[e:e + 30]} -> {suggestion!r}")
    return {
        "name": name,
        "wrong": len(wrong), "flagged": flagged, "flagged_any": flagged_any,
        "right": len(right), "right_flagged": right_flagged,
        "refs": len(rows), "false_alarms": false_alarms, "words": words,
        "suggested": suggested, "helped": helped,
        "seconds": time.perf_counter() - t0, "samples": samples,
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "    -"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--limit", type=int, default=0, help="first N sentences only (0: all)")
    ap.add_argument("--url", help="a running LanguageTool server (default: start the installed one)")
    ap.add_argument("--engines", default="languagetool,copylint")
    ap.add_argument("--show", type=int, default=15, help="false alarms on corrected sentences to print per engine")
    args = ap.parse_args(argv)
    rows = load(args.split, args.limit or None)
    url, version = ensure_server(args.url)
    makers = {"languagetool": languagetool_engine, "copylint": copylint_engine}
    results = [measure(name, makers[name](url, version), rows, args.show) for name in args.engines.split(",")]
    wrong = results[0]["wrong"]
    print(f"JFLEG {args.split}: {len(rows)} sentences, {wrong} wrong as written, {len(rows) - wrong} left as "
          f"they were by a corrector; LanguageTool {version}")
    print(f"{'engine':14}{'wrong flagged':>15}{'+ spelling':>12}{'right flagged':>15}"
          f"{'alarms/100 fixed':>18}{'alarms/1k words':>17}{'suggestion helps':>18}{'seconds':>9}")
    for r in results:
        print(f"{r['name']:14}{_pct(r['flagged'], r['wrong']):>15}{_pct(r['flagged_any'], r['wrong']):>12}"
              f"{_pct(r['right_flagged'], r['right']):>15}{100 * r['false_alarms'] / r['refs']:>18.1f}"
              f"{1000 * r['false_alarms'] / max(1, r['words']):>17.2f}"
              f"{_pct(r['helped'], r['suggested']):>18}{r['seconds']:>9.1f}")
    print("(wrong flagged: wrong sentences with a grammar finding; + spelling: with any finding; right flagged: "
          "sentences a corrector left alone that got a grammar finding; alarms: grammar findings on each "
          "sentence's first correction; suggestion helps: applied, it brings the sentence nearer its closest "
          "correction)")
    for r in results:
        if r["samples"]:
            print(f"\n{r['name']}: grammar findings on corrected sentences (first of each, up to {args.show})")
            print("\n".join(r["samples"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
