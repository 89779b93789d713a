"""Helpers the formats share: looking up a finding's rule (for rule metadata), a
finding's fix or suggestions in the text report's words, and turning a reported path into a path or URI
relative to the folder the run started in."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..text import CONTROL_CHARACTERS, INVISIBLE_CHARACTERS
from ..tool_notices import DESCRIPTIONS as TOOL_NOTICES  # ids the tool itself reports, no Rule defines

# str.translate table for showing source text: each invisible or control character becomes
# one visible mark (¤; a C0 control its picture, "␋"), so a marked or underlined one can be
# seen, columns stay where they were (a zero-width one took no column), and a direction
# override cannot turn the rest of the line around
VISIBLE = {ord(c): "\u00a4" for c in INVISIBLE_CHARACTERS + CONTROL_CHARACTERS}
VISIBLE.update({ord(c): chr(0x2400 + ord(c)) for c in CONTROL_CHARACTERS if c < " "})


def characters_of(table: dict[int, str]) -> re.Pattern:
    """A pattern finding any character a translate table changes."""
    return re.compile("[" + re.escape("".join(map(chr, table))) + "]")


VISIBLE_RE = characters_of(VISIBLE)


def shown(text: str, table: dict[int, str] = VISIBLE, changed: re.Pattern = VISIBLE_RE) -> str:
    """``text.translate(table)``, skipped when no character it changes is in the text: a
    translate through a dict looks every character up, and the text report shows one line
    per finding (150,000 findings on one line spent 2.3 s here)."""
    return text.translate(table) if changed.search(text) else text


class RuleLookup:
    """Finds the Rule behind a finding's id, loading the rule set only when first asked.
    An id emitted under a rule's prefix (``grammar.<LanguageTool id>``) maps to that rule."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        self._ruleset = options.get("ruleset")

    def _rules(self):
        if self._ruleset is None:
            from ..config import Settings
            from ..engine import load_ruleset

            settings = self.options.get("settings") or Settings()
            try:
                self._ruleset = load_ruleset(settings)
            except Exception:  # metadata is a nicety: a report is still written without it
                self._ruleset = False
        return self._ruleset

    def get(self, rule_id: str):
        ruleset = self._rules()
        if not ruleset:
            return None
        found = ruleset.by_id.get(rule_id)
        if found is not None:
            return found
        parents = [r for r in ruleset.rules if r.emits_prefix and rule_id.startswith(r.id + ".")]
        return max(parents, key=lambda r: len(r.id)) if parents else None


def report_root(options: dict[str, Any]) -> Path:
    """The folder paths are reported relative to: in a GitHub or GitLab CI job, its
    checkout (GITHUB_WORKSPACE, CI_PROJECT_DIR) when the run is inside it, so a job that
    runs from a subfolder ("cd content && copylint check .") still reports repository
    paths; else the run's working folder."""
    if options.get("root"):
        return Path(options["root"]).resolve()
    here = Path.cwd().resolve()
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        value = os.environ.get(name)
        if value:
            workspace = Path(value).resolve()
            if here == workspace or workspace in here.parents:
                return workspace
    return here


def relative_uri(path: str, root: Path) -> tuple[str, bool]:
    """(uri, relative?) for a reported path: a relative, percent-encoded POSIX URI when
    the file lies under ``root``, else an absolute ``file://`` URI."""
    p = Path(path)
    if path.startswith("<"):
        return quote(path), True
    try:
        full = p.resolve() if not p.is_absolute() else p
    except (OSError, RuntimeError):
        return quote(p.as_posix(), safe="/"), True
    try:
        return quote(full.relative_to(root).as_posix(), safe="/"), True
    except ValueError:
        return full.as_uri(), False  # outside the root ("../b/story.md"): no "../" under it


def message_with_fix(finding) -> str:
    """The message, then in brackets what the text report puts under the caret (see
    :func:`fix_note`): "(fix: 'receive' (or 'relieve'))", "(unsafe fix: delete)",
    "(suggestion: 'a', 'b')". CI views show one line of text and have no place of their
    own for a fix, and a reader must tell what --fix makes from what only
    --unsafe-fixes makes and from a word offered for a person to judge."""
    label, what = fix_note(finding)
    return f"{finding.message} ({label} {what})" if label else finding.message


def fix_note(finding, limit: int = 3) -> tuple[str, str]:
    """What the reports put after a finding (the text and HTML reports as it is, the CI
    formats through :func:`message_with_fix`): ("fix:", what --fix
    makes), ("unsafe fix:", what only --unsafe-fixes makes), or, with no fix,
    ("suggestion:", up to ``limit`` words); ("", "") when there is none of these. The
    fix's other suggestions follow it, so a wrong fix still shows the likely word."""
    fix = finding.fix
    if fix is not None and len(fix.edits) == 1:
        label = "fix:" if fix.safe else "unsafe fix:"
        new = fix.edits[0].text
        if not new:
            return label, "delete"
        others = [repr(s) for s in finding.suggestions if s != new][:limit - 1]
        return label, repr(new) + (f" (or {', '.join(others)})" if others else "")
    if finding.suggestions:
        return "suggestion:", ", ".join(repr(s) for s in finding.suggestions[:limit])
    return "", ""


def relative_path(path: str, root: Path) -> str:
    """A reported path as a plain POSIX path relative to ``root`` when the file lies
    under it (what services that want repository paths, not URIs, expect), else as given."""
    p = Path(path)
    if path.startswith("<"):
        return path
    try:
        full = p.resolve() if not p.is_absolute() else p
        return full.relative_to(root).as_posix()
    except (ValueError, OSError):
        return p.as_posix()
