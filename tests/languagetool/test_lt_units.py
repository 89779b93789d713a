"""The LanguageTool bridge's small parts, without a server."""

from __future__ import annotations

from copylint.config import Settings
from copylint.languagetool.cache import ResultCache, make_key
from copylint.languagetool.client import _Utf16, _batches
from copylint.languagetool.install import _manifest
from copylint.languagetool.server import normalize_url
from copylint.languagetool.session import open_session
from copylint.model import Document, Region, TextBuilder
from copylint.readers import read_text
from copylint.registry import Rule
from copylint.rules.grammar import paragraph_spans


def test_utf16_offsets_round_trip_around_emoji():
    text = "a😀b 🎉 said"
    conv = _Utf16(text)
    # "said" starts at code point 6; in UTF-16 each emoji takes two units
    assert conv.to_utf16(6) == 8
    assert conv.to_cp(8) == 6
    for cp in range(len(text) + 1):
        assert conv.to_cp(conv.to_utf16(cp)) == cp
    plain = _Utf16("plain text")
    assert plain.to_utf16(5) == 5 and plain.to_cp(5) == 5


def test_paragraph_spans_cut_at_blank_lines_and_skip_bylines_and_tables():
    doc = read_text("s.txt", "Headline here\n\nFirst paragraph.\n\nSecond one.\n")
    assert [doc.text[s:e] for s, e in paragraph_spans(doc)] == ["Headline here", "First paragraph.", "Second one."]

    b = TextBuilder()
    source = "By Jo Smith\n\n> Quoted one.\n>\n> Quoted two.\n\n| a | b |\n"
    b.verbatim(source, 0, 11)
    b.separate(11)
    t0, _ = b.verbatim(source, 15, 26)
    b.separate(26)
    t2, t3 = b.verbatim(source, 31, 42)
    b.separate(42)
    b.verbatim(source, 44, 53)
    text = b.text()
    regions = [Region("byline", 0, 11), Region("blockquote", t0, t3), Region("paragraph", t0, t0 + 11),
               Region("paragraph", t2, t3), Region("table", t3 + 2, len(text))]
    doc = Document("s.md", source, text, b.map, regions=regions)
    assert [text[s:e] for s, e in paragraph_spans(doc)] == ["Quoted one.", "Quoted two."]


def test_cache_round_trip_and_keys(tmp_path):
    cache = ResultCache(tmp_path / "c.sqlite")
    k1 = make_key("6.8", "en-US", "He go home.")
    assert k1 != make_key("6.9", "en-US", "He go home.")
    assert k1 != make_key("6.8", "en-GB", "He go home.")
    assert k1 != make_key("6.8", "en-US", "He goes home.")
    cache.put_many({k1: [[3, 5, "HE_VERB_AGR", "GRAMMAR", "grammar", "msg", ["goes"]]]})
    again = ResultCache(tmp_path / "c.sqlite")  # another process would see it too
    assert again.get_many([k1, "missing"]) == {k1: [[3, 5, "HE_VERB_AGR", "GRAMMAR", "grammar", "msg", ["goes"]]]}
    assert again.count() == 1 and again.clear() == 1 and again.count() == 0


def test_an_unusable_cache_path_turns_the_cache_off_instead_of_failing(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ResultCache(blocker / "c.sqlite")
    cache.put_many({"k": []})
    assert cache.get_many(["k"]) == {}
    assert cache.broken


def test_batches_respect_the_size_limit():
    items = [(str(i), "x" * 40) for i in range(10)]
    batches = list(_batches(items, 100))
    assert [len(b) for b in batches] == [2, 2, 2, 2, 2]
    assert [k for b in batches for k, _ in b] == [str(i) for i in range(10)]
    assert [len(b) for b in _batches([("big", "y" * 500), ("small", "z")], 100)] == [1, 1]


def test_manifest_lines_are_at_most_72_bytes_and_unfold_to_the_class_path():
    jars = [f"libs/some-rather-long-library-name-{i}.jar" for i in range(20)]
    raw = _manifest("org.example.Main", jars).decode("utf-8")
    assert all(len(line.encode()) <= 72 for line in raw.split("\r\n"))
    unfolded = raw.replace("\r\n ", "")
    assert unfolded.split("Class-Path: ")[1].split("\r\n")[0].split(" ") == jars


def test_normalize_url():
    assert normalize_url("localhost:8081") == "http://localhost:8081/"
    assert normalize_url("http://lt.example.org/v2/") == "http://lt.example.org/"
    assert normalize_url("https://lt.example.org/api/v2") == "https://lt.example.org/api/"


def test_no_session_without_a_rule_that_needs_languagetool_or_when_switched_off():
    plain = Rule(id="typo.x", summary="x")
    needs = Rule(id="grammar", summary="g", needs=("languagetool",))
    assert not open_session([plain], Settings()).active
    off = open_session([needs], Settings(languagetool=False))
    assert not off.active and off.unavailable is None


def test_a_timeout_that_is_no_finite_number_is_the_default(monkeypatch):
    """COPYLINT_LANGUAGETOOL_TIMEOUT=inf (or 1e999) reached the HTTP client, and every
    request failed with "timestamp out of range": no grammar finding at all."""
    from copylint.languagetool.client import DEFAULT_TIMEOUT, TIMEOUT_ENV, request_timeout

    for value, expected in (("inf", DEFAULT_TIMEOUT), ("1e999", DEFAULT_TIMEOUT), ("nan", DEFAULT_TIMEOUT),
                            ("abc", DEFAULT_TIMEOUT), ("0", 1.0), ("90", 90.0)):
        monkeypatch.setenv(TIMEOUT_ENV, value)
        assert request_timeout() == expected, value
