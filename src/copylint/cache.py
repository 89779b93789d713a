"""The results cache: an article whose bytes and settings are unchanged since an earlier
run, checked by the same copylint with the same rules and data, is not checked again.
Its findings, and the facts corpus rules need from it (its headline), come from the cache.

Layout: ``<cache dir>/results/<environment>/<xx>/<entry>.json``. The environment hashes
what shapes every finding: copylint's version and code, the shipped packs and data in
``rules/``, the libraries that parse and match, and the rule plugins installed; when any
of them changes the run starts a new folder, and old folders are pruned. An entry is one
checked file under one set of settings (config values, the contents of extra packs and
people files, the LanguageTool the run would use); it holds a hash of the file's bytes,
so an edited article is a miss.

Entries are written by the main process after the files are checked, each through a
temporary file and a rename, so a reader never sees half an entry and two runs at once
only ever overwrite an entry with an equal one. A cache folder that cannot be written
turns the cache off with one notice; the cache never fails a run.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .model import Edit, Finding, Fix, Location, Severity

FORMAT = 2  # bump when what an entry holds changes
KEEP_ENVIRONMENTS = 3  # newest environment folders kept; older ones are deleted
PRUNE_AFTER_SECONDS = 600  # never delete a folder another run may be using right now
_LIBRARIES = ("markdown-it-py", "google-re2", "pyahocorasick", "rapidfuzz", "PyYAML",
              "language-tool-python", "wordfreq")


def _digest(*parts: str | bytes) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def _tree_stamp(root: Path, suffixes: tuple[str, ...] | None = None) -> list[str]:
    """Name, size and modification time of every file under ``root``: cheap to take, and
    any edit (or checkout) of a file changes it."""
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if suffixes and not name.endswith(suffixes):
                continue
            full = os.path.join(dirpath, name)
            try:
                st = os.stat(full)
            except OSError:
                continue
            out.append(f"{os.path.relpath(full, root)}:{st.st_size}:{st.st_mtime_ns}")
    return out


def environment_key() -> str:
    """A hash of copylint's code and data and the libraries and plugins it runs with."""
    from importlib import metadata

    from . import __version__
    from .data import rules_dir
    from .registry import ENTRY_POINT_GROUP

    parts = [str(FORMAT), __version__, sys.version]
    parts += _tree_stamp(Path(__file__).resolve().parent, (".py", ".json"))
    parts += _tree_stamp(rules_dir())
    for name in _LIBRARIES:
        try:
            parts.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name}=none")
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        version = ep.dist.version if ep.dist is not None else "?"
        parts.append(f"plugin {ep.name}={ep.value} {version}")
        origin = _module_file(ep.value.split(":")[0])
        if origin is not None:
            parts += _tree_stamp(origin.parent, (".py",)) if origin.name == "__init__.py" else \
                [f"{origin}:{origin.stat().st_size}:{origin.stat().st_mtime_ns}"]
    return _digest(*parts)


def _module_file(module: str) -> Path | None:
    """Where a plugin's module lives, found without importing it."""
    from importlib.util import find_spec

    try:
        spec = find_spec(module)
    except (ImportError, ValueError):
        return None
    return Path(spec.origin) if spec is not None and spec.origin else None


def content_digest(data: bytes) -> str:
    """The hash of a file's bytes an entry must match."""
    return _digest(data)


def _file_digest(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return content_digest(fh.read())
    except OSError:
        return "missing"


def settings_key(settings: Any, engine: str) -> str:
    """A hash of everything in ``settings`` that changes findings, including the contents
    of the extra pack and people files it names, and ``engine`` (the LanguageTool used)."""
    parts = [settings.fingerprint(), engine]
    for path in [*settings.packs, *settings.people]:
        if os.path.isfile(path):
            parts.append(f"{path}={_file_digest(path)}")
        elif os.path.isdir(path):  # a folder of people files (people: [desk/]): each file in it
            for folder, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if os.path.isfile(full):
                        parts.append(f"{full}={_file_digest(full)}")
    return _digest(*parts)


# --------------------------------------------------------------------------- entries


def encode_finding(f: Finding) -> list:
    fix = None
    if f.fix is not None:
        fix = [f.fix.safe, [[e.start, e.end, e.text, e.line, e.column, e.end_line, e.end_column]
                            for e in f.fix.edits]]
    related = [[r.path, r.line, r.column, r.end_line, r.end_column, r.message] for r in f.related]
    return [f.rule, int(f.severity), f.message, f.line, f.column, f.end_line, f.end_column,
            list(f.suggestions), fix, related, f.link, f.matched, f.line_text, f.start_offset, f.end_offset,
            f.line_offset]


def decode_finding(path: str, row: list) -> Finding:
    (rule, severity, message, line, column, end_line, end_column, suggestions, fix, related,
     link, matched, line_text, start_offset, end_offset, line_offset) = row
    if fix is not None:
        fix = Fix(tuple(Edit(*e) for e in fix[1]), fix[0])
    return Finding(path=path, rule=rule, severity=Severity(severity), message=message, line=line,
                   column=column, end_line=end_line, end_column=end_column,
                   suggestions=tuple(suggestions), fix=fix,
                   related=tuple(Location(*r) for r in related), link=link, matched=matched,
                   line_text=line_text, line_offset=line_offset, start_offset=start_offset,
                   end_offset=end_offset)


class ResultsCache:
    """``lookup(path, shown, settings_key)`` before checking a file, ``store(...)`` after."""

    def __init__(self, root: Path, environment: str) -> None:
        self.root = root
        self.folder = root / "results" / environment
        self.broken: str | None = None  # why the cache turned itself off
        self.hits = 0
        self.stored = 0

    @classmethod
    def open(cls, cache_dir: str | os.PathLike | None) -> "ResultsCache":
        from .data import user_cache_dir

        root = Path(cache_dir).expanduser() if cache_dir else user_cache_dir()
        return cls(root, environment_key())

    def _entry_path(self, path: str, shown: str, settings_key: str) -> Path:
        name = _digest(os.path.abspath(path), shown, settings_key)
        return self.folder / name[:2] / f"{name}.json"

    def lookup(self, path: str, shown: str, settings_key: str) -> dict | None:
        """The stored entry for this file and settings, when it matches the file's bytes."""
        try:
            with open(self._entry_path(path, shown, settings_key), "rb") as fh:
                entry = json.loads(fh.read())
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("content") != _file_digest(path):
            return None
        try:  # an entry of another shape (edited, or from a bug) is a miss, not a crash
            entry["findings"] = [decode_finding(shown, row) for row in entry["findings"]]
            if not isinstance(entry["facts"], dict):
                return None
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        self.hits += 1
        return entry

    @staticmethod
    def findings_of(shown: str, entry: dict) -> list[Finding]:
        """The entry's findings (``lookup`` decoded them)."""
        return entry["findings"]

    def store(self, path: str, shown: str, settings_key: str, content: str, size: int,
              findings: list[Finding], facts: dict[str, Any]) -> None:
        if self.broken:
            return
        try:
            text = json.dumps({"content": content, "size": size,
                               "findings": [encode_finding(f) for f in findings], "facts": facts},
                              ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return  # a plugin's facts that JSON cannot hold: that file is simply re-checked
        target = self._entry_path(path, shown, settings_key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as fh:
                fh.write(text)
            os.replace(tmp, target)
            self.stored += 1
        except OSError as exc:
            self.broken = f"results cache turned off: cannot write {self.folder}: {exc.strerror or exc}"

    def prune(self) -> None:
        """Delete the environment folders of older copylint versions, code and data,
        keeping the newest few."""
        base = self.root / "results"
        try:
            os.utime(self.folder) if self.folder.is_dir() else None
            folders = sorted((p for p in base.iterdir() if p.is_dir() and p != self.folder),
                             key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        now = time.time()
        for old in folders[KEEP_ENVIRONMENTS - 1:]:
            try:
                if now - old.stat().st_mtime > PRUNE_AFTER_SECONDS:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError:
                pass


def clear(cache_dir: str | os.PathLike | None = None) -> tuple[int, Path]:
    """Delete every cached result: (how many entries there were, the folder emptied)."""
    from .data import user_cache_dir

    root = (Path(cache_dir).expanduser() if cache_dir else user_cache_dir()) / "results"
    count = sum(1 for _ in root.glob("*/*/*.json")) if root.is_dir() else 0
    shutil.rmtree(root, ignore_errors=True)
    return count, root
