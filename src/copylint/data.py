"""Where the shipped rule packs and data live: ``copylint/_rules`` inside an installed
wheel, or the repository's ``rules/`` folder when running from a checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


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
    import os

    base = os.environ.get("COPYLINT_CACHE_DIR")
    if base:
        return Path(base).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "copylint"
