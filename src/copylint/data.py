"""Where the shipped rule packs and data live: ``copylint/_rules`` inside an installed
wheel, or the repository's ``rules/`` folder when running from a checkout."""

from __future__ import annotations

import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


def rules_path(*parts: str) -> Path:
    return rules_dir().joinpath(*parts)


def user_cache_dir() -> Path:
    """copylint's cache folder: ``$COPYLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/copylint``,
    else ``~/.cache/copylint``. Outside any repository, so a cache never shows up in git."""
    base = os.environ.get("COPYLINT_CACHE_DIR")
    if base:
        return Path(base).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "copylint"


KEEP_VERSIONS = 4  # cache files of one kind kept, newest first (several checkouts may share)


def write_atomically(path: Path, data: bytes, kind: str) -> None:
    """A cache file appears whole or not at all; a folder that cannot be written is no
    error. Of the files matching the glob ``kind`` (other versions of the same data)
    only the newest few are kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        older = sorted(path.parent.glob(kind), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in older[KEEP_VERSIONS:]:
            old.unlink()
    except OSError:
        pass


MISSING = object()  # what read_pickled gives for a cache file it cannot read back


def read_pickled(path: Path) -> Any:
    """The object a cache file holds, or MISSING when it is absent, unreadable, truncated
    or written by other code (a cache miss, never an error)."""
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError,
            IndexError, KeyError):
        return MISSING


def write_pickled(path: Path, obj: Any, kind: str) -> None:
    """Keep ``obj`` in a cache file (see write_atomically); what cannot be pickled is not kept."""
    try:
        blob = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
        return
    write_atomically(path, blob, kind)
