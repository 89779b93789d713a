"""Output formats. Each module here defines ``Formatter`` with ``start()``,
``file(path, findings)`` and ``finish(result)``; the CLI has no per-format branches.
A module's name is the format's name (``--format json`` -> ``formats/json_format.py`` is
registered under its ``NAME``)."""

from __future__ import annotations

import importlib
import pkgutil
from typing import IO, Any


class BaseFormatter:
    NAME = ""
    #: what the format is, for --help
    SUMMARY = ""

    def __init__(self, stream: IO[str], *, color: bool = False, options: dict[str, Any] | None = None) -> None:
        self.stream = stream
        self.color = color
        self.options = options or {}

    def start(self) -> None:
        pass

    def file(self, path: str, findings: list) -> None:
        pass

    def finish(self, result) -> None:
        pass


def available() -> dict[str, type[BaseFormatter]]:
    found: dict[str, type[BaseFormatter]] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        cls = getattr(module, "Formatter", None)
        if cls is not None and getattr(cls, "NAME", ""):
            found[cls.NAME] = cls
    return found


def find(name: str) -> type[BaseFormatter] | None:
    """The formatter registered as ``name``, or None. The module of that name is tried
    first (most formats are named after theirs), so a run imports one format, not all."""
    if name.isidentifier() and not name.startswith("_"):
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ImportError:
            module = None
        cls = getattr(module, "Formatter", None)
        if cls is not None and getattr(cls, "NAME", "") == name:
            return cls
    return available().get(name)
