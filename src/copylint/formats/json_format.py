"""A JSON document: ``{"version": 1, "tool": ..., "findings": [...], "problems": [...]}``.
The schema is versioned and documented in README.md; fields are only ever added."""

from __future__ import annotations

import json

from . import BaseFormatter

SCHEMA_VERSION = 1


class Formatter(BaseFormatter):
    NAME = "json"
    SUMMARY = "machine-readable findings (versioned schema)"

    def start(self) -> None:
        self.findings: list[dict] = []

    def file(self, path: str, findings: list) -> None:
        self.findings.extend(f.to_dict() for f in findings)

    def finish(self, result) -> None:
        from .. import __version__

        doc = {
            "version": SCHEMA_VERSION,
            "tool": {"name": "copylint", "version": __version__},
            "summary": {
                "files": result.files_checked,
                "findings": len(result.findings),
                "errors": sum(1 for f in result.findings if str(f.severity) == "error"),
                "warnings": sum(1 for f in result.findings if str(f.severity) == "warning"),
                "info": sum(1 for f in result.findings if str(f.severity) == "info"),
            },
            "findings": self.findings,
            "problems": [{"path": p.path, "message": p.message, "fatal": p.fatal} for p in result.problems],
        }
        json.dump(doc, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
