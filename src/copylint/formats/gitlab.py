"""GitLab Code Quality: the JSON report a merge request's Code Quality widget reads
(``artifacts: reports: codequality:``), a subset of the Code Climate issue format.

One issue per finding: ``description`` (the message with its fix or suggestions),
``check_name`` (the rule id), ``severity`` (error -> major, warning -> minor, info ->
info, on GitLab's scale info < minor < major < critical < blocker), ``categories`` and
``location`` (the repository path and the lines).

GitLab tells a new finding from an old one by ``fingerprint`` alone, and shows only the
first issue of a fingerprint. So the fingerprint is the baseline's (rule, matched text and
the words around it in its clause, never the line) with the file's path, and the same slip twice in the
same words is numbered: editing another paragraph leaves every fingerprint as it was, and
the widget reports only what a change added or removed.

A file that could not be checked is an issue of its own (``copylint.unreadable``), so a
broken file never passes as a clean one.
"""

from __future__ import annotations

import hashlib
import json

from ..tool_notices import UNREADABLE
from . import BaseFormatter
from ._common import message_with_fix, relative_path, report_root

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}

# Code Climate's categories, by rule family (GitLab shows them in its report view)
CATEGORIES = {"typo": "Clarity", "grammar": "Clarity", "facts": "Bug Risk",
              "structure": "Duplication", "house": "Style", "style": "Style"}


def _digest(*parts: str) -> str:
    # a path from an old system may not be UTF-8: its bytes come back as they were
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


class Formatter(BaseFormatter):
    NAME = "gitlab"
    SUMMARY = "GitLab Code Quality report (merge request widget)"

    def start(self) -> None:
        self.root = report_root(self.options)
        self.issues: list[dict] = []
        self.seen: dict[str, int] = {}  # fingerprints so far, to number repeats

    def _fingerprint(self, *parts: str) -> str:
        base = _digest(*parts)
        n = self.seen.get(base, 0)
        self.seen[base] = n + 1
        return base if n == 0 else _digest(base, str(n))

    def file(self, path: str, findings: list) -> None:
        from ..baseline import fingerprint

        where = relative_path(path, self.root)
        for f in findings:
            begin = max(1, f.line)
            self.issues.append({
                "type": "issue",
                "description": message_with_fix(f),
                "check_name": f.rule,
                "fingerprint": self._fingerprint(where, fingerprint(f)),
                "severity": SEVERITIES[str(f.severity)],
                "categories": [CATEGORIES.get(f.rule.split(".", 1)[0], "Style")],
                "location": {"path": where,
                             "lines": {"begin": begin, "end": max(begin, f.end_line)}},
            })

    def finish(self, result) -> None:
        for p in result.problems:
            where = relative_path(p.path, self.root)
            self.issues.append({
                "type": "issue",
                "description": p.message,
                "check_name": UNREADABLE,
                "fingerprint": self._fingerprint(where, UNREADABLE, p.message),
                "severity": "blocker" if p.fatal else "minor",
                "categories": ["Bug Risk"],
                "location": {"path": where, "lines": {"begin": 1}},
            })
        json.dump(self.issues, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
