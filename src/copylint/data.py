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
