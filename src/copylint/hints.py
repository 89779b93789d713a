"""The "did you mean" hint after an unknown name: one wording wherever a name is misspelt
(a config key, a rule id, an option, a pack key, a title in the people base)."""

from __future__ import annotations

import difflib
from typing import Iterable


def did_you_mean(name: object, valid: Iterable[str], cutoff: float = 0.6) -> str:
    """" (did you mean 'x'?)" naming the entry of ``valid`` nearest to ``name``, or ""
    when none is within ``cutoff`` (difflib's similarity ratio)."""
    hint = difflib.get_close_matches(str(name), sorted(valid), n=1, cutoff=cutoff)
    return f" (did you mean {hint[0]!r}?)" if hint else ""
