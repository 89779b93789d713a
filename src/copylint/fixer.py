"""Autofix: apply the edits findings carry, safely.

- Only fixes marked safe, unless unsafe ones are asked for.
- Edits are code-point offsets into the decoded file; where two overlap, the first is
  applied and the rest wait for the next pass. Passes repeat (re-linting the fixed text)
  until every reported fix that can be applied is; a finding that only a fix brought
  about is reported, not fixed, since the user never saw it.
- A file is written only when its text changed: to a temporary file in the same folder,
  then renamed over the original, keeping its mode, its byte-order mark and its line
  endings. A file whose bytes are not valid UTF-8 is refused: writing it back would turn
  the bad bytes into something else.
"""

from __future__ import annotations

import collections
import dataclasses
import difflib
import functools
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .model import Edit, Finding, LineIndex

MAX_PASSES = 10
BOM = "\ufeff"


@dataclass
class FileFix:
    """What fixing one file did (or would do, with ``--diff``)."""

    path: str
    original: str = ""  # decoded text, BOM included when the file has one
    fixed: str = ""
    applied: int = 0  # findings fixed
    refused: str | None = None  # why the file was left alone
    written: bool = False
    unsafe_left: int = 0  # fixes held back because they are unsafe
    encoding: str = ""  # as readers.common.decode names it ("": UTF-8)

    @property
    def changed(self) -> bool:
        return self.refused is None and self.fixed != self.original


@dataclass
class FixReport:
    files: list[FileFix] = field(default_factory=list)

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files if f.changed]

    @property
    def applied(self) -> int:
        return sum(f.applied for f in self.files if f.changed)


def usable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and bool(finding.fix.edits) and (finding.fix.safe or unsafe)


def _fix_key(finding: Finding) -> tuple:
    """What a fix does, wherever it stands: the same fix after an earlier edit moved it."""
    return finding.rule, finding.matched, tuple(e.text for e in finding.fix.edits)


def choose_edits(findings: Iterable[Finding], unsafe: bool) -> tuple[list[Edit], list[Finding]]:
    """Non-overlapping edits in source order, and the findings they fix. A fix with
    several edits is taken whole or not at all. Two insertions at one point overlap."""
    candidates = sorted((f for f in findings if usable(f, unsafe)),
                        key=lambda f: (min(e.start for e in f.fix.edits), f.rule))
    taken: list[Edit] = []
    fixed: list[Finding] = []

    def clashes(e: Edit) -> bool:
        for t in taken:
            if e.start < t.end and t.start < e.end:
                return True
            if e.start == t.start and (e.start == e.end or t.start == t.end):
                return True
        return False

    for f in candidates:
        edits = sorted(f.fix.edits, key=lambda e: (e.start, e.end))
        if any(clashes(e) for e in edits):
            continue
        if any(a.end > b.start for a, b in zip(edits, edits[1:])):
            continue  # a fix whose own edits overlap is broken: skip it
        taken.extend(edits)
        fixed.append(f)
    taken.sort(key=lambda e: (e.start, e.end))
    return taken, fixed


def with_offsets(finding: Finding, text: str, index: LineIndex | None = None) -> Finding:
    """The finding with its edits' offsets taken from their line and column, which
    survive a round trip through JSON (the cache) where offsets may not."""
    if finding.fix is None:
        return finding
    index = index or LineIndex(text)
    n = len(index.starts)

    def offset(line: int, column: int) -> int:
        return min(index.offset(min(max(line, 1), n), max(column, 1)), len(text))

    edits = tuple(dataclasses.replace(e, start=offset(e.line, e.column), end=offset(e.end_line, e.end_column))
                  for e in finding.fix.edits)
    if all(a.start == b.start and a.end == b.end for a, b in zip(edits, finding.fix.edits)):
        return finding
    return dataclasses.replace(finding, fix=dataclasses.replace(finding.fix, edits=edits))


def apply_edits(text: str, edits: list[Edit], newline: str = "\n") -> str:
    """Apply sorted, non-overlapping edits; inserted line breaks follow the file's style."""
    out: list[str] = []
    pos = 0
    for e in edits:
        if e.start < pos or e.end > len(text):
            raise ValueError(f"edit {e.start}-{e.end} out of order or past the end")
        out.append(text[pos:e.start])
        inserted = e.text
        if newline != "\n" and "\n" in inserted:
            inserted = inserted.replace("\r\n", "\n").replace("\n", newline)
        out.append(inserted)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def newline_style(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def write_output(path: Path, data: bytes) -> None:
    """A report or baseline the user named: a regular file (or a new one) is written
    whole through atomic_write; a device or pipe (`-o /dev/null`, `-o /dev/stdout`) is
    written to, since a rename would replace it (as root, /dev/null became a file)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
        with open(path, "wb") as fh:
            fh.write(data)
        return
    atomic_write(path, data, create=True)


def atomic_write(path: Path, data: bytes, *, create: bool = False) -> None:
    """Write through a temporary file in the same folder and a rename. An existing
    file keeps its permission bits (and its owner, where allowed); a symlink is followed
    so the link stays a link."""
    target = Path(os.path.realpath(path))
    try:
        st = target.stat()
    except FileNotFoundError:
        if not create:
            raise
        st = None
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".copylint-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if hasattr(os, "chown"):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


Lint = Callable[[str, str], list[Finding]]  # (path, decoded text) -> findings
Accept = Callable[[str, list[Finding]], list[Finding]]  # keeps the findings to act on


def fix_text(path: str, text: str, lint: Lint, unsafe: bool, accept: Accept | None = None,
             first: list[Finding] | None = None) -> tuple[str, int, int]:
    """Fix decoded text in passes. Returns (fixed text, findings fixed, unsafe fixes left).
    ``first`` are findings already computed for ``text`` (saves one lint)."""
    newline = newline_style(text)
    applied = 0
    findings = first if first is not None else lint(path, text)
    owed: collections.Counter | None = None  # the reported fixes not yet applied
    for _ in range(MAX_PASSES):
        if accept is not None:
            findings = accept(path, findings)
        if owed is None:
            owed = collections.Counter(_fix_key(f) for f in findings if usable(f, unsafe))
        else:
            # a later pass applies only fixes the first reported (ones an overlap held
            # back), never one that an earlier fix brought about: that one is reported
            findings = [f for f in findings if not usable(f, unsafe) or owed[_fix_key(f)] > 0]
        index = LineIndex(text)
        edits, taken = choose_edits([with_offsets(f, text, index) for f in findings], unsafe)
        if not edits:
            break
        new_text = apply_edits(text, edits, newline)
        if new_text == text:
            break
        owed.subtract(_fix_key(f) for f in taken)
        text, applied = new_text, applied + len(taken)
        findings = lint(path, text)
    left = 0 if unsafe else sum(1 for f in (accept(path, findings) if accept else findings)
                                if f.fix is not None and not f.fix.safe)
    return text, applied, left


def fix_bytes(data: bytes, display: str, lint: Lint, unsafe: bool, accept: Accept | None = None,
              what: str = "file") -> tuple[FileFix, bytes | None]:
    """Fix a file's bytes: (what was done, the fixed bytes in the file's own encoding, or
    None when the fix was refused). A file with bytes its encoding cannot decode, or a fix
    its encoding cannot hold, is refused: it is never written half right."""
    from .readers.common import ENCODING_NAMES, BinaryFile, decode, encode, has_mark

    result = FileFix(display)
    try:
        source, bad, encoding = decode(data)
    except BinaryFile:
        result.refused = f"binary {what}"
        return result, None
    name = ENCODING_NAMES.get(encoding, encoding)
    result.encoding = encoding
    if bad:
        line = source.count("\n", 0, bad[0][0]) + 1
        result.refused = f"not fixed: invalid {name} at line {line} (fix the encoding first)"
        return result, None
    fixed, result.applied, result.unsafe_left = fix_text(display, source, lint, unsafe, accept)
    prefix = BOM if has_mark(encoding) else ""
    result.original, result.fixed = prefix + source, prefix + fixed
    try:
        return result, encode(fixed, encoding)
    except UnicodeEncodeError as exc:
        result.refused = f"not fixed: {name} cannot hold {exc.object[exc.start:exc.end]!r}, which the fix writes"
        return result, None


def _read_only(path: str) -> bool:
    """No write bit set, or no write access: a rename over the file would replace it all
    the same, so the file's own permission is asked first (root included: a 444 file
    is one someone meant to keep)."""
    try:
        return not (os.stat(path).st_mode & 0o222) or not os.access(path, os.W_OK)
    except OSError:
        return False


def fix_file(path: str, lint: Lint, *, unsafe: bool, write: bool, accept: Accept | None = None) -> FileFix:
    """Fix one file on disk (or only compute the fix when ``write`` is false)."""
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        regular = True  # the read below says what is wrong
    if not regular:
        # a pipe (`<(curl ...)`) was drained by the check: read again it gives nothing,
        # which would pass for "nothing to fix", and nothing can be written back to it
        return FileFix(path, refused="not fixed: a pipe or device cannot be rewritten "
                                     "(pipe the story to `copylint check --fix -` for the fixed text)")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return FileFix(path, refused=f"cannot read: {exc.strerror or exc}")
    result, fixed = fix_bytes(data, path, lint, unsafe, accept)
    if write and result.changed:
        # the file must still hold the bytes that were linted
        try:
            if Path(path).read_bytes() != data:
                result.refused = "changed on disk while fixing: not written"
                return result
        except OSError as exc:
            result.refused = f"cannot read: {exc.strerror or exc}"
            return result
        if _read_only(path):
            result.refused = "not fixed: the file is read-only"
            return result
        try:
            atomic_write(Path(path), fixed)  # in the encoding it was read in
        except OSError as exc:
            result.refused = f"not fixed: cannot write: {exc.strerror or exc}"
            return result
        result.written = True
    return result


def _lines(text: str) -> list[str]:
    """Lines split at "\n" only, as git and patch see them (not at form feeds or U+2028)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def diff_root(paths: list[str]) -> str:
    """The one folder a whole diff names its files from, so that it applies in one place:
    the working folder when every file lies under it; else the top of the git work tree
    holding the working folder, when every file lies under that; else "/" (each file by
    its absolute path without the leading slash, for patch -p1 in /)."""
    cwd = os.getcwd()
    if all(_under(os.path.abspath(p), cwd) is not None for p in paths):
        return cwd
    top = _top_of_work_tree(cwd)
    if top and all(_under(os.path.realpath(p), top) is not None for p in paths):
        return top
    return os.path.abspath(os.sep)


def diff_name(path: str, root: str | None = None) -> str:
    """A file's name in a diff: relative to ``root`` (by default ``diff_root([path])``),
    "./" and "../" worked out ("../a/story.md" from a is "story.md")."""
    root = root or diff_root([path])
    full = os.path.abspath(path)
    rel = _under(full, root) if root == os.getcwd() else _under(os.path.realpath(full), root)
    return Path(rel if rel is not None else full).as_posix().lstrip("/")


def _under(path: str, folder: str) -> str | None:
    """``path`` relative to ``folder`` when it lies under it, else None."""
    rel = os.path.relpath(path, folder)
    return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


@functools.lru_cache(maxsize=8)
def _top_of_work_tree(folder: str) -> str | None:
    from .gitdiff import GitError, work_tree_top

    try:
        return str(work_tree_top(folder))
    except GitError:
        return None


def in_a_diff(fix: FileFix) -> bool:
    """A diff is text in UTF-8: a UTF-16 or Windows-1252 file's fix cannot be one that
    applies to its bytes (--fix writes it in its own encoding)."""
    return fix.encoding in ("", "utf-8")


def unified_diff(fix: FileFix, root: str | None = None) -> str:
    """A git-style unified diff (``a/`` and ``b/`` prefixes) of one file's fix, which
    ``git apply`` and ``patch -p1`` accept in ``root`` (see diff_root)."""
    if not fix.changed:
        return ""
    a, b = _lines(fix.original), _lines(fix.fixed)
    name = diff_name(fix.path, root)
    # a name with a space ends with a tab, as git writes it, so that patch reads it whole
    end = "\t" if " " in name else ""
    out: list[str] = []
    for line in difflib.unified_diff(a, b, f"a/{name}", f"b/{name}", n=3):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + end + "\n")
            continue
        if line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n\\ No newline at end of file\n")
    return "".join(out)
