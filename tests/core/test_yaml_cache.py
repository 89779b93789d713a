"""The parsed-YAML cache: a file parsed once is read back with its line numbers, a changed
file is parsed again, errors always come from the parser, and a cache folder that cannot
be used changes nothing."""

import pytest

from copylint import yamlutil
from copylint.packs.loader import PackError, read_pack
from copylint.yamlutil import load_located, parse_cached

PACK = """pack: desk
description: Our desk's words.
rules:
  - id: kyiv
    kind: substitution
    message: "Write {replacement}, not {match}."
    tests:
      fail: ["Kiev"]
    swap:
      Kiev: Kyiv
"""

class Counting:
    def __init__(self):
        self.calls = 0

    def __call__(self, text, path):
        self.calls += 1
        return load_located(text, path)


def test_a_second_parse_of_the_same_text_is_read_back_with_its_lines(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "desk.yaml"
    src.write_text(PACK)
    parse = Counting()
    first = parse_cached(PACK, str(src), parse, yamlutil.__file__)
    second = parse_cached(PACK, str(src), parse, yamlutil.__file__)
    assert parse.calls == 1
    assert second == first and second is not first
    assert second.line_of("rules") == 3
    assert second["rules"].item_lines == [4]
    assert second["rules"][0].line_of("swap") == 9


def test_a_changed_text_is_parsed_again_and_old_versions_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    src = str(tmp_path / "desk.yaml")
    parse = Counting()
    for n in range(8):
        data = parse_cached(PACK.replace("Kyiv", f"Kyiv{n}"), src, parse, yamlutil.__file__)
        assert data["rules"][0]["swap"]["Kiev"] == f"Kyiv{n}"
    assert parse.calls == 8
    assert len(list((tmp_path / "cache" / "yaml").glob("*.pickle"))) <= 4


def test_errors_come_from_the_parser_every_time(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "desk.yaml"
    pack.write_text(PACK + "  - id: [broken\n")
    for _ in range(2):
        with pytest.raises(PackError, match=r"desk\.yaml:\d+"):
            read_pack(pack)
    assert not list((tmp_path / "cache").rglob("*.pickle"))


def test_a_corrupt_or_unwritable_cache_is_no_error(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(blocker))
    pack = tmp_path / "desk.yaml"
    pack.write_text(PACK)
    assert read_pack(pack, shipped=True).name == "desk"

    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    assert read_pack(pack, shipped=True).name == "desk"
    for cached in (tmp_path / "cache").rglob("*.pickle"):
        cached.write_bytes(b"\x80\x05 not a pickle")
    spec = read_pack(pack, shipped=True)  # no schema pass: the cache is under test
    assert spec.data["rules"][0]["swap"] == {"Kiev": "Kyiv"}


def test_a_long_file_with_an_ampersand_is_no_alias_bomb():
    """Only expansion is refused: 100,000 written-out entries (500,000 values) in a file
    that says "AT&T" somewhere load as ever."""
    text = "note: AT&T\nitems:\n" + "".join(f"  - {{name: n{i}, v: {i}}}\n" for i in range(100_000))
    assert len(load_located(text, "big.yaml")["items"]) == 100_000
