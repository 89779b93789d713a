"""Azure Pipelines logging commands: each error or warning becomes an issue of the build
(``##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=RULE]message``),
listed on the run's summary and, for a pull request, beside the changed lines.

Azure has issues of two types only, so info findings are printed as plain log lines in
the text report's form: an archive's hundreds of style notes would otherwise bury the
errors. The agent wants absolute file paths. Values and messages are escaped as the
agent reads them back: ``%`` as ``%AZP25``, then ``;``, ``]``, CR and LF.
"""

from __future__ import annotations

import os

from ..tool_notices import TOOL
from . import BaseFormatter
from ._common import message_with_fix

TYPES = {"error": "error", "warning": "warning"}


def escape(value: str) -> str:
    return (value.replace("%", "%AZP25").replace(";", "%3B").replace("]", "%5D")
            .replace("\r", "%0D").replace("\n", "%0A"))


def log_issue(kind: str, message: str, **props: object) -> str:
    parts = "".join(f"{k}={escape(str(v))};" for k, v in props.items() if v is not None)
    return f"##vso[task.logissue type={kind};{parts}]{escape(message)}"


def _absolute(path: str) -> str:
    return path if path.startswith("<") else os.path.abspath(path)  # "<stdin>" stays as it is


class Formatter(BaseFormatter):
    NAME = "azure"
    SUMMARY = "Azure Pipelines issues (logging commands)"

    def file(self, path: str, findings: list) -> None:
        source = _absolute(path)
        for f in findings:
            sev = str(f.severity)
            message = message_with_fix(f)
            if sev not in TYPES:
                self.stream.write(f"{f.path}:{f.line}:{f.column}: {sev} {f.rule} {message}\n")
                continue
            self.stream.write(log_issue(TYPES[sev], message, sourcepath=source, linenumber=f.line,
                                        columnnumber=f.column, code=f.rule) + "\n")

    def finish(self, result) -> None:
        for p in result.problems:
            self.stream.write(log_issue("error" if p.fatal else "warning", p.message, sourcepath=_absolute(p.path),
                                        code=TOOL) + "\n")
