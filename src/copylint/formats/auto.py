"""``--format auto``: GitHub annotations inside GitHub Actions (``GITHUB_ACTIONS=true``),
Azure Pipelines issues inside an Azure Pipelines job (``TF_BUILD=True``), the text report
everywhere else."""

from __future__ import annotations

import os

from . import BaseFormatter


def chosen() -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    if os.environ.get("TF_BUILD", "").lower() == "true":
        return "azure"
    return "text"


class Formatter(BaseFormatter):
    NAME = "auto"
    SUMMARY = "github inside GitHub Actions, azure inside Azure Pipelines, text elsewhere"

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
