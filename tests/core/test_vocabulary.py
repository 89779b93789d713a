"""Vocabulary folders (config key ``vocabulary``) and ``copylint vocab add``."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import run_cli

# Reuters wire copy (Reuters-21578 style): "unch" (unchanged) is the desk's word
STORY = "Profit rises\n\nThe company earned 15 mln dlrs in the quarter and its shares were unch, Ryan Kovalchuk said.\n"
OFF = {"COPYLINT_LANGUAGETOOL": "off"}


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    (tmp_path / "vocab").mkdir()
    (tmp_path / ".copylint.yaml").write_text("vocabulary: [vocab]\nselect: [typo.spelling]\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return tmp_path


def spelled(desk: Path, *extra: str) -> list[str]:
    proc = run_cli("check", "--no-languagetool", *extra, "story.txt", cwd=desk, env=OFF)
    assert proc.returncode in (0, 1), proc.stderr
    return [line.split("'")[1] for line in proc.stdout.splitlines() if "typo.spelling" in line]


def test_the_folder_lists_join_accept_and_reject(desk):
    assert spelled(desk) == ["unch"]
    (desk / "vocab" / "accept.txt").write_text("# Reuters house words\nunch\n", encoding="utf-8")
    (desk / "vocab" / "reject.txt").write_text("quarter\n", encoding="utf-8")
    assert spelled(desk) == ["quarter"]


def test_vocab_add_writes_the_accept_list_and_the_next_check_sees_it(desk):
    cache = ["--cache-dir", str(desk / "cache")]
    assert spelled(desk, *cache) == ["unch"]  # the result is cached
    accept = desk / "vocab" / "accept.txt"
    accept.write_bytes(b"Arakhamia\r\nOlena Zelenska")  # CRLF, no final line end
    proc = run_cli("vocab", "add", "unch", "Arakhamia", "unch", cwd=desk)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"added to {accept}: unch"
    assert accept.read_bytes() == b"Arakhamia\r\nOlena Zelenska\r\nunch\r\n"
    assert spelled(desk, *cache) == []  # the list changed, so the cached result is not used
    again = run_cli("vocab", "add", "unch", cwd=desk)
    assert again.returncode == 0 and "nothing added" in again.stdout
    assert run_cli("vocab", "add", "--reject", "alright", cwd=desk).returncode == 0
    assert (desk / "vocab" / "reject.txt").read_text(encoding="utf-8") == "alright\n"
    # a phrase or a hyphenated form can never match a word: said, not written
    proc = run_cli("vocab", "add", "--reject", "e-mail", "Kiev Post", cwd=desk)
    assert proc.returncode == 2 and "'e-mail': a reject entry is one word" in proc.stderr
    assert (desk / "vocab" / "reject.txt").read_text(encoding="utf-8") == "alright\n"


def test_bad_vocabularies_are_one_line_errors(desk):
    config = desk / ".copylint.yaml"
    config.write_text("select: [typo.spelling]\nvocabulary: [names]\n", encoding="utf-8")
    proc = run_cli("check", "story.txt", cwd=desk, env=OFF)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"copylint: error: {config}:2: vocabulary folder 'names' not found "
                                   "(it holds accept.txt and reject.txt)")
    config.write_text("vocabulary: [vocab]\n", encoding="utf-8")
    (desk / "vocab" / "accept.txt").write_bytes(b"mln\n\xff\xfe\n")
    proc = run_cli("check", "story.txt", cwd=desk, env=OFF)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip() == f"copylint: error: {desk / 'vocab' / 'accept.txt'}:2: not valid UTF-8"
    # vocab add leaves a file it cannot read as it was
    before = (desk / "vocab" / "accept.txt").read_bytes()
    proc = run_cli("vocab", "add", "dlrs", cwd=desk)
    assert proc.returncode == 2 and (desk / "vocab" / "accept.txt").read_bytes() == before


def test_vocab_add_without_a_vocabulary_folder_says_how_to_make_one(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("select: [typo]\n", encoding="utf-8")
    proc = run_cli("vocab", "add", "mln", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no vocabulary folder: add `vocabulary: [vocab]` to the config" in proc.stderr
    assert list(tmp_path.iterdir()) == [tmp_path / ".copylint.yaml"]


def test_vocab_add_of_an_empty_entry_is_an_error_not_already_there(desk):
    """`copylint vocab add "$NAME"` with NAME empty said "already in accept.txt: nothing
    added", as if the word were listed."""
    accept = desk / "vocab" / "accept.txt"
    accept.write_text("unch\n", encoding="utf-8")
    for args in ([""], ["  "], ["Kovalchuk", ""]):
        proc = run_cli("vocab", "add", *args, cwd=desk)
        assert proc.returncode == 2, args
        assert proc.stderr.strip() == "copylint: error: an empty entry: give a word, or a full name in quotes"
        assert "already in" not in proc.stdout
        assert accept.read_text(encoding="utf-8") == "unch\n"
