"""Per-rule fixture folders: ``tests/rules/<family>/<case>/`` holds an article
(``article.md|.html|.txt``), a ``.copylint.yaml`` selecting the rules under test, and
``expected.txt`` with one finding per line::

    LINE:COL-END_LINE:END_COL RULE MESSAGE

Every expected line was written by hand from reading the article. A folder with
``fixed.<ext>`` also checks that applying the safe fixes gives that text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from copylint import lint_paths

HERE = Path(__file__).parent
CASES = sorted(p for p in HERE.glob("*/*") if p.is_dir() and (p / "expected.txt").exists())


def _render(f) -> str:
    return f"{f.line}:{f.column}-{f.end_line}:{f.end_column} {f.rule} {f.message}"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.name}" for c in CASES])
def test_fixture(case: Path) -> None:
    article = next(p for p in case.iterdir() if p.name.startswith("article."))
    expected = [line.rstrip("\n") for line in (case / "expected.txt").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.startswith("#")]
    findings = lint_paths([article])
    assert [_render(f) for f in findings] == expected
    for f in findings:
        # the reported span names exactly the text the finding is about
        assert f.matched == _source_span(article, f)


def _source_span(path: Path, f) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    if f.line == f.end_line:
        return lines[f.line - 1][f.column - 1:f.end_column - 1]
    parts = [lines[f.line - 1][f.column - 1:]]
    parts += lines[f.line:f.end_line - 1]
    parts.append(lines[f.end_line - 1][:f.end_column - 1])
    return "\n".join(parts)


FIX_CASES = [c for c in CASES if any(p.name.startswith("fixed.") for p in c.iterdir())]


@pytest.mark.parametrize("case", FIX_CASES, ids=[f"{c.parent.name}/{c.name}" for c in FIX_CASES])
def test_fixture_fixed(case: Path) -> None:
    """Applying the safe fixes (as ``copylint check --fix`` does) gives ``fixed.<ext>``."""
    from copylint import lint_text
    from copylint.fixer import fix_text

    article = next(p for p in case.iterdir() if p.name.startswith("article."))
    fixed = next(p for p in case.iterdir() if p.name.startswith("fixed."))
    source = article.read_text(encoding="utf-8")
    result, applied, _ = fix_text(str(article), source, lambda path, text: lint_text(text, path=path),
                                  unsafe=False)
    assert applied > 0
    assert result == fixed.read_text(encoding="utf-8")
