"""A project's vocabulary folders: ``accept.txt`` and ``reject.txt`` kept beside the config
(the layout of the shipped ``rules/vocabulary``), one word or name a line, ``#`` comments.

A desk keeps the names it prints there rather than in the config's ``accept:`` list, so
that ``copylint vocab add`` and the language server's "Add to the accept list" can add
one without rewriting the config. The config names the folders (``vocabulary:``); their
entries join ``accept`` and ``reject`` when the config is read."""

from __future__ import annotations

from pathlib import Path

from .spelling.lexicon import word_list_entries

LISTS = {"accept": "accept.txt", "reject": "reject.txt"}


class VocabularyError(Exception):
    """A vocabulary file that cannot be read or written, as ``file: message``."""


def read_entries(path: Path) -> list[str]:
    """The entries of one list (none when the file does not exist)."""
    return word_list_entries(_read(path).lstrip("\ufeff"))


def _read(path: Path) -> str:
    """A list's text ("" when the file does not exist)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise VocabularyError(f"{path}:{line}: not valid UTF-8") from None


def folder_entries(folder: Path) -> tuple[list[str], list[str]]:
    """(accept, reject) entries of one vocabulary folder."""
    return read_entries(folder / LISTS["accept"]), read_entries(folder / LISTS["reject"])


def add_entries(folder: Path, entries: list[str], kind: str = "accept") -> list[str]:
    """Append the entries not already in the folder's ``accept.txt`` (or ``reject.txt``),
    writing the file whole through a temporary file and a rename; returns those added.
    The file's line ends are kept."""
    from .fixer import atomic_write, newline_style

    if any(not e.strip() for e in entries):
        # `vocab add "$NAME"` with NAME unset was answered "already in ...: nothing added"
        raise VocabularyError("an empty entry: give a word, or a full name in quotes")
    path = folder / LISTS[kind]
    old = _read(path)
    present = set(word_list_entries(old.lstrip("\ufeff")))
    new = [e for e in dict.fromkeys(e.strip() for e in entries) if e and e not in present]
    if not new:
        return []
    for e in new:
        if "#" in e or "\n" in e or "\r" in e:
            raise VocabularyError(f"{e!r}: an entry is one line without '#'")
        if kind == "reject" and any(c in e for c in " -\t"):
            raise VocabularyError(f"{e!r}: a reject entry is one word, as the speller reads words; "
                                  "a pack's substitution or existence rule reports a phrase or a "
                                  "hyphenated form (see docs/packs.md)")
    eol = newline_style(old) if old else "\n"
    if old and not old.endswith(("\n", "\r")):
        old += eol
    try:
        atomic_write(path, (old + eol.join(new) + eol).encode("utf-8"), create=True)
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return new
