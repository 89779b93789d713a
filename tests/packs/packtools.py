"""Helpers for the pack tests: lint with chosen rules, apply fixes, write packs."""

from __future__ import annotations

from pathlib import Path

from copylint import lint_text
from copylint.config import Settings

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def lint(text: str, select: list[str], packs: list[str] | None = None, path: str = "x.txt"):
    return lint_text(text, path=path, config=Settings(select=select, packs=packs or []))


def rows(findings, with_fix: bool = True):
    """(rule, line, column, matched[, fix text]) of each finding, in report order."""
    out = []
    for f in findings:
        row = (f.rule, f.line, f.column, f.matched)
        if with_fix:
            row += (f.fix.edits[0].text if f.fix else None,)
        out.append(row)
    return out


def apply_fixes(source: str, findings, unsafe: bool = False) -> str:
    """The source with every (safe) fix applied, last edit first."""
    edits = [e for f in findings if f.fix and (f.fix.safe or unsafe) for e in f.fix.edits]
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        source = source[:e.start] + e.text + source[e.end:]
    return source


def write_pack(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
