"""GitHub Actions workflow commands: each finding becomes an annotation on the pull
request's "Files changed" view (``::error file=…,line=…,col=…,endLine=…,endColumn=…,
title=RULE::message``). Errors are ``error``, warnings ``warning``, info ``notice``.

Values are escaped as the Actions runner expects: ``%``, CR and LF everywhere, and
also ``:`` and ``,`` inside properties (a file name or title could hold them).
"""

from __future__ import annotations

from ..tool_notices import TOOL
from . import BaseFormatter
from ._common import message_with_fix, relative_path, report_root

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props: object) -> str:
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind} {parts}::{escape_data(message)}" if parts else f"::{kind}::{escape_data(message)}"


class Formatter(BaseFormatter):
    NAME = "github"
    SUMMARY = "GitHub Actions annotations (workflow commands)"

    def start(self) -> None:
        self.root = report_root(self.options)

    def file(self, path: str, findings: list) -> None:
        where = relative_path(path, self.root)  # the runner places annotations by repository path
        for f in findings:
            message = message_with_fix(f)
            props = {"file": where, "line": f.line, "col": f.column,
                     "endLine": f.end_line, "endColumn": f.end_column, "title": f.rule}
            self.stream.write(command(COMMANDS[str(f.severity)], message, **props) + "\n")

    def finish(self, result) -> None:
        for p in result.problems:
            kind = "error" if p.fatal else "warning"
            self.stream.write(command(kind, p.message, file=relative_path(p.path, self.root), title=TOOL) + "\n")
