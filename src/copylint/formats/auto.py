"""``--format auto``: GitHub annotations inside GitHub Actions (``GITHUB_ACTIONS=true``),
the text report everywhere else."""

from __future__ import annotations

import os

from . import BaseFormatter


def chosen() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


class Formatter(BaseFormatter):
    NAME = "auto"
    SUMMARY = "github inside GitHub Actions, text elsewhere"

    def __init__(self, stream, *, color: bool = False, options=None) -> None:
        super().__init__(stream, color=color, options=options)
        from . import available

        self.inner = available()[chosen()](stream, color=color, options=options)

    def start(self) -> None:
        self.inner.start()

    def file(self, path: str, findings: list) -> None:
        self.inner.file(path, findings)

    def finish(self, result) -> None:
        self.inner.finish(result)
