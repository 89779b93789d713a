"""Which suppressions a run with LanguageTool can call unused, against a real server:
none without it, one that answered, one that died before it could, and a LanguageTool
finding that overlap resolution would drop for a pack rule's. (These replaced tests that
stood a stub in for the server's answers.)"""

from __future__ import annotations

import signal
from pathlib import Path

from copylint.config import ConfigResolver
from copylint.languagetool import client
from copylint.runner import run

UNUSED = "copylint.unused-suppression"
GRAMMAR_STORY = (
    "Market reopens on Friday\n\n"
    "<!-- copylint: ignore grammar.HE_VERB_AGR -->\n"
    "He go to the market, officials said.\n\n"
    "<!-- copylint: ignore grammar -->\n"
    "The stalls opened early.\n\n"
    "<!-- copylint: ignore typo.spelling -->\n"
    "Traders came from the coast.\n\n"
    "<!-- copylint: ignore -->\n"
    "Prices held steady.\n"
)


def _run(tmp_path: Path, text: str, url: str, **values):
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    values = {"languagetool_url": url, "cache": False, **values}
    return run([str(story)], ConfigResolver(None, values), jobs=1)


def _unused(findings) -> list[tuple[int, str]]:
    return sorted((f.line, f.message) for f in findings if f.rule == UNUSED)


def test_grammar_directives_are_not_judged_without_languagetool(tmp_path):
    """LanguageTool off: a directive for grammar, a grammar.* id, typo.spelling
    (LanguageTool reports spelling under it too) or all rules may be needed by the run
    that has LanguageTool, so none is reported."""
    result = _run(tmp_path, GRAMMAR_STORY, "", languagetool=False)
    assert _unused(result.findings) == []


def test_grammar_directives_are_judged_when_languagetool_answered(tmp_path, lt_server):
    """LanguageTool checked every paragraph: a directive for grammar, typo.spelling or all
    rules that suppressed nothing is unused; the one over "He go" suppressed its match."""
    result = _run(tmp_path, GRAMMAR_STORY, lt_server.url)
    assert _unused(result.findings) == [
        (6, "unused suppression: no 'grammar' finding here to suppress"),
        (9, "unused suppression: no 'typo.spelling' finding here to suppress"),
        (12, "unused suppression: no finding here to suppress"),
    ]
    assert not any(f.rule.startswith("grammar.") for f in result.findings)


def test_grammar_directives_are_not_judged_when_the_server_died(tmp_path, private_server, monkeypatch):
    """A server killed as the story was sent left its paragraphs unchecked: its silence
    proves nothing, so no directive that LanguageTool could have used is called unused."""
    original = client.Checker._send

    def send(self, text):
        private_server.process.send_signal(signal.SIGKILL)
        private_server.process.wait(timeout=30)
        return original(self, text)

    monkeypatch.setattr(client.Checker, "_send", send)
    result = _run(tmp_path, GRAMMAR_STORY, private_server.url)
    assert any("stopped answering" in n for n in result.notices)
    assert _unused(result.findings) == []


def test_a_suppressed_finding_that_overlap_resolution_would_drop_still_counts(tmp_path, lt_server):
    """LanguageTool's COULD_CARE_LESS and a desk pack's rule flag the same words: the pack
    rule's finding wins and LanguageTool's would be dropped. The directive still
    suppressed LanguageTool's: in a run without the pack it is what keeps that finding
    out, so it is not unused."""
    pack = tmp_path / "desk.yaml"
    pack.write_text(
        "pack: desk\nrules:\n"
        "  - id: care-less\n    kind: existence\n    message: \"write 'couldn't care less'\"\n"
        "    tokens: [could care less]\n"
        "    tests: {fail: [He could care less.], pass: [He couldn't care less.]}\n", encoding="utf-8")
    text = "Talks resume in the capital\n\n<!-- copylint: ignore grammar -->\nHe said he could care less.\n"
    result = _run(tmp_path, text, lt_server.url, packs=[str(pack)])
    assert [f.rule for f in result.findings] == ["desk.care-less"]
    alone = _run(tmp_path, text.replace("<!-- copylint: ignore grammar -->\n", ""), lt_server.url)
    assert [f.rule for f in alone.findings] == ["grammar.COULD_CARE_LESS"]  # LanguageTool does flag it
