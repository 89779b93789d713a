"""The deletion index finds exactly the dictionary words that every edit of a typed word
would find, and its cache file is only ever read back for the same word list."""

from __future__ import annotations

import random
import zlib

from copylint import data
from copylint.spelling import deletions, speller as speller_module
from copylint.spelling.deletions import DeletionIndex, SmallDeletionIndex, one_edit_apart
from copylint.spelling.speller import LETTERS, edits1, get_speller

ALPHABET = LETTERS + "'"


def _typed_words(n: int = 2000) -> list[str]:
    rng = random.Random(11)
    sp = get_speller()
    words = sorted(sp.freq)[::97]
    out = ["", "a", "aa", "cafe", "café", "o'neil", "naïve", "goverment", "recieve", "untill"]
    for w in words[:n]:
        v = list(w)
        i = rng.randrange(len(v) + 1)
        op = rng.randrange(4)
        if op == 0 and v:
            del v[min(i, len(v) - 1)]
        elif op == 1:
            v.insert(i, rng.choice("aeiourst'é-"))
        elif op == 2 and v:
            v[min(i, len(v) - 1)] = rng.choice("aeiourst")
        elif len(v) > i + 1:
            v[i], v[i + 1] = v[i + 1], v[i]
        out.append("".join(v))
    return out


def test_one_edit_apart_is_edits1():
    rng = random.Random(3)
    for _ in range(3000):
        a = "".join(rng.choice("abé'-") for _ in range(rng.randint(0, 5)))
        near = edits1(a)
        for b in list(near)[:40] + ["".join(rng.choice("abé'-") for _ in range(rng.randint(0, 6))) for _ in range(20)]:
            assert one_edit_apart(a, b, ALPHABET) == (b in near), (a, b)


def test_index_finds_what_the_edits_find(tmp_path):
    sp = get_speller()
    words = list(sp.freq)
    DeletionIndex.build(words).save(tmp_path)
    index = DeletionIndex.load(words, tmp_path)
    assert index is not None
    for typed in _typed_words():
        assert index.one_edit(typed, sp.words, ALPHABET) == set(edits1(typed) & sp.words), typed


def test_small_index_finds_what_the_edits_find():
    names = ["kier", "keir", "starmer", "o'neil", "zelenskyy", "zelensky", "müller"]
    small = SmallDeletionIndex(names)
    for typed in ["keir", "kir", "stramer", "oneil", "zelenskky", "muller", "mller", "x"]:
        assert small.one_edit(typed, ALPHABET) == set(edits1(typed)) & set(names), typed


def test_cache_file_of_another_word_list_or_truncated_is_not_read(tmp_path):
    words = ["alpha", "beta", "gamma"]
    index = DeletionIndex.build(words)
    index.save(tmp_path)
    assert DeletionIndex.load(words, tmp_path) is not None
    assert DeletionIndex.load(words + ["delta"], tmp_path) is None
    path = DeletionIndex.path_for(words, tmp_path)
    path.write_bytes(path.read_bytes()[:-8])
    assert DeletionIndex.load(words, tmp_path) is None
    path.write_bytes(b"\x00" * 5)
    assert DeletionIndex.load(words, tmp_path) is None


def test_speller_builds_the_index_after_many_searches_and_finds_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(speller_module, "BUILD_AFTER", 5)
    entries = {w: (30, "-") for w in ("receive", "received", "recite", "until", "untie", "government")}
    sp = speller_module.Speller("en-US", entries)
    typed = ["recieve", "untill", "goverment", "recive", "unitl", "recieved", "recitе", "governmnet"]
    found = [sp.one_edit(t) for t in typed]
    assert sp.deletion_index() is not None
    assert any(tmp_path.iterdir())  # saved for the next run
    sp2 = speller_module.Speller("en-US", entries)
    assert sp2.deletion_index() is not None  # loaded at once
    assert [sp2.one_edit(t) for t in typed] == found == [frozenset(edits1(t) & sp.words) for t in typed]


def test_unwritable_cache_folder_is_no_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    DeletionIndex.build(["alpha"]).save(blocker / "sub")
    assert deletions.DeletionIndex.load(["alpha"], blocker / "sub") is None


def test_speller_tables_read_back_from_the_cache_are_the_same(tmp_path, monkeypatch):
    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path))
    built = speller_module._load_speller("en-GB")
    saved = list(tmp_path.glob("speller-*-en-GB-*.marshal"))
    assert len(saved) == 1
    read = speller_module._load_speller("en-GB")
    assert read.tables() == built.tables() and list(read.freq) == list(built.freq)
    assert read.known("colour") and read.words == built.words
    saved[0].write_bytes(b"not marshal")
    again = speller_module._load_speller("en-GB")  # a spoilt file is built anew
    assert again.tables() == built.tables()


def test_only_the_newest_versions_of_a_cache_file_are_kept(tmp_path):
    import os

    for n in range(data.KEEP_VERSIONS + 3):
        old = tmp_path / f"spelling-deletions-{n}.bin"
        old.write_bytes(b"")
        os.utime(old, (n, n))
    DeletionIndex.build(["alpha"]).save(tmp_path)
    kept = sorted(p.name for p in tmp_path.glob("spelling-deletions-*.bin"))
    assert len(kept) == data.KEEP_VERSIONS
    assert DeletionIndex.path_for(["alpha"], tmp_path).name in kept


def test_the_table_is_every_deletion_key_in_order():
    # built bucket by bucket, it must equal the one sorted list of (hash, word number)
    words = sorted(get_speller().freq)[::13]
    expected = sorted(zlib.crc32((w[:i] + w[i + 1:]).encode("utf-8")) << 20 | n
                      for n, w in enumerate(words) for i in range(len(w)))
    assert list(DeletionIndex.build(words).table) == expected
