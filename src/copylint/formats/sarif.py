"""SARIF 2.1.0, the format code-scanning services (GitHub, Azure DevOps, GitLab) read.

One run: the tool with a descriptor for every rule that produced a finding (summary,
documentation, link, default level), then one result per finding with its region in
Unicode code points (``columnKind`` says so, since services otherwise assume UTF-16),
its fixes as replacements, its related locations (the other article with the same
headline) and the baseline fingerprint (numbered when a file repeats it), so a service can
follow a finding across edits.
Paths are relative to the folder the run started in (``%SRCROOT%``).
"""

from __future__ import annotations

import inspect
import json

from . import BaseFormatter
from ._common import TOOL_NOTICES, RuleLookup, message_with_fix, relative_uri, report_root

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/copylint/"


class Formatter(BaseFormatter):
    NAME = "sarif"
    SUMMARY = "SARIF 2.1.0 for code-scanning services"

    def start(self) -> None:
        self.rules = RuleLookup(self.options)
        self.root = report_root(self.options)
        self.descriptors: list[dict] = []
        self.rule_index: dict[str, int] = {}
        self.results: list[dict] = []
        self.repeats: dict[tuple[str, str], int] = {}  # (path, fingerprint) -> uses so far

    # ------------------------------------------------------------------ pieces

    def _descriptor(self, rule_id: str, severity: str) -> int:
        if rule_id in self.rule_index:
            return self.rule_index[rule_id]
        rule = self.rules.get(rule_id)
        desc: dict = {"id": rule_id}
        if rule is not None:
            desc["shortDescription"] = {"text": rule.summary}
            doc = inspect.cleandoc(rule.doc) if rule.doc else ""
            if doc:
                desc["fullDescription"] = {"text": doc}
                desc["help"] = {"text": doc}
            if rule.link:
                desc["helpUri"] = rule.link
            level = LEVELS[str(rule.severity)]
            props: dict = {"tags": [rule_id.split(".", 1)[0]]}
            if rule.pack:
                props["pack"] = rule.pack
            desc["properties"] = props
        else:
            desc["shortDescription"] = {"text": TOOL_NOTICES.get(rule_id, rule_id)}
            level = LEVELS[severity]
            desc["properties"] = {"tags": [rule_id.split(".", 1)[0]]}
        desc["defaultConfiguration"] = {"level": level}
        self.rule_index[rule_id] = len(self.descriptors)
        self.descriptors.append(desc)
        return self.rule_index[rule_id]

    def _artifact(self, path: str) -> dict:
        uri, relative = relative_uri(path, self.root)
        loc = {"uri": uri}
        if relative:
            loc["uriBaseId"] = "%SRCROOT%"
        return loc

    @staticmethod
    def _region(line: int, column: int, end_line: int, end_column: int, snippet: str | None = None) -> dict:
        region = {"startLine": max(1, line), "startColumn": max(1, column),
                  "endLine": max(1, end_line), "endColumn": max(1, end_column)}
        if snippet:
            region["snippet"] = {"text": snippet}
        return region

    def _numbered(self, path: str, base: str) -> str:
        """The same slip with the same words around it twice in a file is two results:
        the second and later get their number (the baseline's occurrence), since a
        service merges results that share a fingerprint."""
        n = self.repeats.get((path, base), 0)
        self.repeats[path, base] = n + 1
        return base if n == 0 else f"{base}:{n + 1}"

    def _result(self, f) -> dict:
        from ..baseline import fingerprint

        sev = str(f.severity)
        index = self._descriptor(f.rule, sev)
        text = message_with_fix(f)
        result: dict = {
            "ruleId": f.rule,
            "ruleIndex": index,
            "level": LEVELS[sev],
            "message": {"text": text},
            "locations": [{"physicalLocation": {
                "artifactLocation": self._artifact(f.path),
                "region": self._region(f.line, f.column, f.end_line, f.end_column, f.matched or None),
            }}],
            "partialFingerprints": {"copylint/v2": self._numbered(f.path, fingerprint(f))},
        }
        if f.fix is not None and f.fix.edits:
            result["fixes"] = [{
                "description": {"text": ("replace with " + repr(f.fix.edits[0].text)) if f.fix.edits[0].text
                                else "delete this text"},
                "artifactChanges": [{
                    "artifactLocation": self._artifact(f.path),
                    "replacements": [{
                        "deletedRegion": self._region(e.line, e.column, e.end_line, e.end_column),
                        "insertedContent": {"text": e.text},
                    } for e in f.fix.edits],
                }],
                "properties": {"safe": f.fix.safe},
            }]
        if f.related:
            result["relatedLocations"] = [{
                "id": n,
                "physicalLocation": {
                    "artifactLocation": self._artifact(r.path),
                    "region": self._region(r.line, r.column, r.end_line, r.end_column),
                },
                **({"message": {"text": r.message}} if r.message else {}),
            } for n, r in enumerate(f.related, 1)]
        return result

    # ------------------------------------------------------------------ formatter

    def file(self, path: str, findings: list) -> None:
        self.results.extend(self._result(f) for f in findings)

    def finish(self, result) -> None:
        from .. import __version__

        notifications = [{
            "level": "error" if p.fatal else "warning",
            "message": {"text": p.message},
            "locations": [{"physicalLocation": {"artifactLocation": self._artifact(p.path)}}],
        } for p in result.problems]
        invocation = {"executionSuccessful": not any(p.fatal for p in result.problems)}
        if notifications:
            invocation["toolExecutionNotifications"] = notifications
        run = {
            "tool": {"driver": {
                "name": "copylint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": self.descriptors,
            }},
            "invocations": [invocation],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": self.root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
        }
        doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        json.dump(doc, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
