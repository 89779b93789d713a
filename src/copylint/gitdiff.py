"""Which lines changed since a git revision, for ``--changed-since REV``.

Lines are counted from the merge base of REV and HEAD (as ``git diff REV...`` counts
them), so a branch that is behind REV is not blamed for REV's later edits; ``A...B``
counts from the merge base of A and B. Runs ``git diff -U0 --find-renames BASE`` once
per repository (working tree against BASE, so staged and unstaged edits both count) and
reads the hunk headers: ``@@ -a,b +c,d @@`` says lines c … c+d-1 of the current file are
new or changed. A file moved with ``git mv`` keeps its unchanged lines unchanged. A file
git does not track (new, untracked, or ignored) counts as changed throughout. Pure
deletions change no line of the current file and so select nothing.

Standard input named with ``--stdin-filename`` is judged by its own text, not the file on
disk: its lines are compared with the file as it was at BASE (``git show BASE:path``),
and count as changed throughout when the file was not there.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .model import LINE_BREAK_RE

_HUNK_RE = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL = None  # marker: every line of the file counts as changed


class GitError(Exception):
    """Not a git repository, an unknown revision, or git itself missing."""


def _git(args: list[str], cwd: str | Path, raw: bool = False):
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=300)
    except FileNotFoundError:
        raise GitError("git is not installed (needed for --changed-since)") from None
    if proc.returncode != 0:
        message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {' '.join(args[:2])} failed")
    return proc.stdout if raw else proc.stdout.decode("utf-8", "surrogateescape")


def unquote_path(raw: str) -> str:
    """Undo git's C-style quoting of unusual file names (``"caf\\303\\251.md"``)."""
    if not (raw.startswith('"') and raw.endswith('"')):
        return raw
    body = raw[1:-1]
    out = bytearray()
    i = 0
    escapes = {"n": b"\n", "t": b"\t", '"': b'"', "\\": b"\\", "a": b"\a", "b": b"\b",
               "f": b"\f", "r": b"\r", "v": b"\v"}
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt in "0123" and re.match(r"[0-7]{3}", body[i + 1:i + 4]):
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out += escapes.get(nxt, nxt.encode())
            i += 2
            continue
        out += c.encode("utf-8", "surrogateescape")
        i += 1
    return out.decode("utf-8", "surrogateescape")


def parse_diff(text: str) -> dict[str, set[int]]:
    """Changed line numbers of each file (path relative to the repository root) in the
    output of ``git diff -U0 --src-prefix=a/ --dst-prefix=b/``."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.split("\n"):
        if line.startswith("+++ "):
            target = unquote_path(line[4:].rstrip("\t"))
            if target == "/dev/null":
                current = None  # the file was deleted
                continue
            if target.startswith("b/"):
                target = target[2:]
            current = changed.setdefault(target, set())
            continue
        if current is None:
            continue
        m = _HUNK_RE.match(line)
        if m:
            start = int(m.group(1))
            count = 1 if m.group(2) is None else int(m.group(2))
            current.update(range(start, start + count))
    return changed


@dataclass
class _Repo:
    root: Path
    base: str  # the commit lines are counted from
    changed: dict[str, set[int]] | None = None  # None: to ask git (again, after --fix)
    tracked: set[str] = field(default_factory=set)
    seen: set[str] = field(default_factory=set)  # paths git was asked about


def work_tree_top(folder: str | Path) -> Path:
    """The top of the git work tree holding ``folder``; GitError when there is none."""
    return Path(_git(["rev-parse", "--show-toplevel"], folder).strip()).resolve()


class ChangedLines:
    """Answers "did line N of this file change since REV?" for files in any repository."""

    def __init__(self, rev: str) -> None:
        self.rev = rev
        self._roots: dict[str, Path] = {}  # folder -> repository root
        self._repos: dict[Path, _Repo] = {}
        self._piped: dict[str, bytes] = {}  # absolute path -> standard input's text for it
        self._piped_lines: dict[str, set[int] | None] = {}

    def _root_of(self, folder: Path) -> Path:
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent  # a --stdin-filename in a folder not made yet
        key = str(folder)
        if key not in self._roots:
            try:
                self._roots[key] = work_tree_top(folder)
            except GitError:
                raise GitError(f"{folder}: not inside a git repository (needed for --changed-since)") from None
        return self._roots[key]

    def prepare(self, paths: list[str]) -> None:
        """Run git once per repository for all of ``paths``."""
        by_root: dict[Path, list[str]] = {}
        for p in paths:
            if p.startswith("<"):
                continue
            full = Path(os.path.abspath(p)).resolve()
            root = self._root_of(full.parent)
            by_root.setdefault(root, []).append(full.relative_to(root).as_posix())
        for root, rels in by_root.items():
            repo = self._repos.get(root)
            if repo is None:
                repo = self._repos[root] = _Repo(root, self._base_commit(root))
            if repo.changed is None:
                # the whole tree, not only these paths: a moved file's old name must be
                # in the diff for git to see the move
                repo.changed = parse_diff(_git(["-c", "core.quotepath=on", "diff", "-U0", "--no-color",
                                                "--no-ext-diff", "--find-renames", "--src-prefix=a/",
                                                "--dst-prefix=b/", repo.base], root))
            for chunk in _chunks(sorted(set(rels) - repo.seen), 500):
                listed = _git(["ls-files", "-z", "--", *chunk], root)
                repo.tracked.update(x for x in listed.split("\0") if x)
                repo.seen.update(chunk)

    def _base_commit(self, root: Path) -> str:
        """The merge base of REV and HEAD (or of A and B for ``A...B``)."""
        left, dots, right = self.rev.partition("...")
        if not dots and ".." in self.rev:
            # git reads A..B as a range, which no single base stands for: the bare name
            # came back as an "unknown git revision" the user had not typed
            raise GitError(f"{root}: {self.rev!r} is a two-dot range; --changed-since takes one "
                           "revision, or A...B for the merge base of A and B")
        left, right = (left or "HEAD", right or "HEAD") if dots else (self.rev, "HEAD")
        for rev in (left, right):
            try:
                _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
            except GitError:
                raise GitError(f"{root}: unknown git revision {rev!r}") from None
        try:
            return _git(["merge-base", left, right], root).strip()
        except GitError:
            raise GitError(f"{root}: {left} and {right} have no common ancestor (in a shallow clone, "
                           "fetch the history: fetch-depth: 0 or GIT_DEPTH: 0)") from None

    def use_text(self, path: str, data: bytes) -> None:
        """Judge ``path`` by this text (standard input given its name), not by the file."""
        self._piped[os.path.abspath(path)] = data
        self._piped_lines.pop(os.path.abspath(path), None)

    def lines(self, path: str) -> set[int] | None:
        """Changed lines of ``path``; ``None`` means the whole file (untracked)."""
        key = os.path.abspath(path)
        if key in self._piped:
            if key not in self._piped_lines:
                self._piped_lines[key] = _changed_lines(self.base_bytes(path), self._piped[key])
            return self._piped_lines[key]
        full = Path(os.path.abspath(path)).resolve()
        root = self._root_of(full.parent)
        rel = full.relative_to(root).as_posix()
        repo = self._repos.get(root)
        if repo is None or rel not in repo.seen or repo.changed is None:
            self.prepare([path])
            repo = self._repos[root]
        if rel not in repo.tracked:
            return ALL
        return repo.changed.get(rel, set())

    def base_bytes(self, path: str) -> bytes | None:
        """The file as it was where lines are counted from; None when it was not there
        (new, or moved: git show knows it by its old name)."""
        full = Path(os.path.abspath(path)).resolve()
        root = self._root_of(full.parent)
        if root not in self._repos:
            self.prepare([path])
        try:
            return _git(["show", f"{self._repos[root].base}:{full.relative_to(root).as_posix()}"], root, raw=True)
        except GitError:
            return None

    def forget(self, paths: list[str]) -> None:
        """Ask git again about these files next time (they were just rewritten)."""
        for p in paths:
            full = Path(os.path.abspath(p)).resolve()
            for root, repo in self._repos.items():
                try:
                    rel = full.relative_to(root).as_posix()
                except ValueError:
                    continue
                repo.seen.discard(rel)
                repo.changed = None
                repo.tracked.discard(rel)

    def touches(self, path: str, first_line: int, last_line: int) -> bool:
        if path.startswith("<"):
            return True  # standard input has no history: all of it is new
        lines = self.lines(path)
        if lines is ALL:
            return True
        return any(n in lines for n in range(first_line, max(first_line, last_line) + 1))


def _split_lines(data: bytes) -> list[str]:
    return LINE_BREAK_RE.split(data.decode("utf-8", "surrogateescape"))  # as LineIndex counts lines


def _changed_lines(old: bytes | None, new: bytes) -> set[int] | None:
    """Lines of ``new`` (1-based) that are not in ``old``; ALL when there is no ``old``."""
    if old is None:
        return ALL
    matcher = difflib.SequenceMatcher(None, _split_lines(old), _split_lines(new), autojunk=False)
    return {n + 1 for tag, _a, _b, j1, j2 in matcher.get_opcodes() if tag in ("replace", "insert")
            for n in range(j1, j2)}


def _chunks(items: list[str], size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
