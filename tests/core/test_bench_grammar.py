"""benchmarks/grammar.py's own parts: JFLEG's tokenised sentences joined back into
ordinary spacing, and which sentences count as wrong. (Not LanguageTool's accuracy: that
is the benchmark's job, not the suite's.)"""

import json
import re
import sys

from helpers import REPO, SHARED_DATA

sys.path.insert(0, str(REPO / "benchmarks"))
import grammar  # noqa: E402

JFLEG = SHARED_DATA / "grammar" / "jfleg" / "jfleg.jsonl"


def _letters(text: str) -> str:
    return re.sub(r"[\W_]", "", text)


def test_detokenised_jfleg_keeps_every_letter_and_loses_the_tokeniser_spaces():
    rows = [json.loads(line) for line in JFLEG.open(encoding="utf-8")]
    assert len(rows) == 1501
    for r in rows:
        for raw in [r["source"], *r["references"]]:
            text = grammar.detokenise(raw)
            assert _letters(text) == _letters(raw), raw
            assert not re.search(r" [,.;:!?)]| n't\b| 's\b|\( ", text), text


def test_detokenise_examples():
    assert grammar.detokenise("He said \" I did n't do it , \" and left . ") == 'He said "I didn\'t do it," and left.'
    assert grammar.detokenise("It 's ( maybe ) fine ; ok ? ") == "It's (maybe) fine; ok?"


def test_a_sentence_is_wrong_unless_a_corrector_left_it_as_it_was():
    rows = grammar.load("dev", None)
    raw = [json.loads(line) for line in JFLEG.open(encoding="utf-8")]
    raw = [r for r in raw if r["split"] == "dev"]
    assert len(rows) == len(raw) == 754
    for row, r in zip(rows, raw):
        unchanged = " ".join(r["source"].split()).casefold() in {" ".join(x.split()).casefold() for x in r["references"]}
        assert row["wrong"] is not unchanged, r["id"]
