"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, CircleCI).

Each checked file is a ``<testsuite>`` named by its path. Each finding is a
``<testcase>`` with one ``<failure>`` (type = rule id) holding the report line, the
source line and the fix or suggestions in the text report's words; a finding below the
run's ``--fail-on`` passes, its text in ``<system-out>``, as the run does. A file without
findings has one passing test case, so a clean run still counts its files as passed
tests (some consumers reject a report with no tests). A file that could not be read is a
test case with an ``<error>``; one skipped on purpose (a binary file) is ``<skipped>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..model import Severity
from ..tool_notices import INPUT
from . import BaseFormatter
from ._common import fix_note

CLEAN_CASE = "no findings"


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped: drop them."""
    return "".join(c for c in text if c in "\t\n\r" or (" " <= c <= "\ud7ff") or ("\ue000" <= c <= "\ufffd")
                   or c >= "\U00010000")


class Formatter(BaseFormatter):
    NAME = "junit"
    SUMMARY = "JUnit XML test report (a test suite per file)"

    def start(self) -> None:
        self.by_path: dict[str, list] = {}

    def file(self, path: str, findings: list) -> None:
        self.by_path.setdefault(path, []).extend(findings)

    def _suite(self, root: ET.Element, path: str) -> ET.Element:
        return ET.SubElement(root, "testsuite", name=_xml_safe(path), tests="0", failures="0",
                             errors="0", skipped="0", time="0")

    def finish(self, result) -> None:
        root = ET.Element("testsuites", name="copylint")
        settings = self.options.get("settings")
        fail_on = settings.fail_on if settings is not None else Severity.INFO
        fail_on_for = self.options.get("fail_on_for") or (lambda path: fail_on)  # each file's config's
        checked = list(getattr(result, "files", None) or [])
        paths = sorted(set(checked) | set(self.by_path))
        totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for path in paths:
            suite = self._suite(root, path)
            findings = self.by_path.get(path, [])
            if not findings:
                ET.SubElement(suite, "testcase", name=CLEAN_CASE, classname=_xml_safe(path),
                              file=_xml_safe(path), time="0")
                suite.set("tests", "1")
                totals["tests"] += 1
                continue
            failed = 0
            for f in findings:
                case = ET.SubElement(suite, "testcase", name=_xml_safe(f"{f.rule} at {f.line}:{f.column}"),
                                     classname=_xml_safe(path), file=_xml_safe(path), line=str(f.line), time="0")
                body = f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"
                if f.line_text:
                    body += f"\n    {f.line_text}"
                label, what = fix_note(f)  # as under the text report's caret
                if label:
                    body += f"\n{label} {what}"
                if f.severity >= fail_on_for(path):
                    failure = ET.SubElement(case, "failure", type=f.rule,
                                            message=_xml_safe(f"{f.severity}: {f.message}"))
                    failure.text = _xml_safe(body)
                    failed += 1
                else:  # below the run's --fail-on: shown, but the test passes, as the run does
                    ET.SubElement(case, "system-out").text = _xml_safe(body)
            suite.set("tests", str(len(findings)))
            suite.set("failures", str(failed))
            totals["tests"] += len(findings)
            totals["failures"] += failed
        for p in result.problems:
            suite = self._suite(root, p.path)
            case = ET.SubElement(suite, "testcase", name="read", classname=_xml_safe(p.path), time="0")
            suite.set("tests", "1")
            totals["tests"] += 1
            if p.fatal:
                ET.SubElement(case, "error", type=INPUT, message=_xml_safe(p.message))
                suite.set("errors", "1")
                totals["errors"] += 1
            else:  # skipped on purpose (a binary file), as the other reports say
                ET.SubElement(case, "skipped", message=_xml_safe(p.message))
                suite.set("skipped", "1")
                totals["skipped"] += 1
        for key, value in totals.items():
            root.set(key, str(value))
        root.set("time", "0")
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode"))
        self.stream.write("\n")
