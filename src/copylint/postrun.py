"""What ``copylint check`` does after the lint run when asked: ``--fix`` / ``--diff``
(fixer.py), ``--baseline`` (baseline.py) and ``--changed-since`` (gitdiff.py).

The filters decide which findings are reported, and fixes touch only findings that
would be reported. After files are fixed the run is repeated, so the report (corpus
rules included) describes the files as they now are.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import click

from .model import Finding


def check_extras(fn: Callable) -> Callable:
    """The options this module adds to ``copylint check``."""
    options = [
        click.option("--fix", is_flag=True, help="Apply safe fixes to the files, then report what is left. "
                     "With '-': print the fixed text to stdout and the report to stderr."),
        click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply fixes marked unsafe."),
        click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them; "
                     "exit 1 if any file would change."),
        click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
                     help="Report only findings not recorded in this baseline (see 'copylint baseline')."),
        click.option("--changed-since", metavar="REV",
                     help="Report only findings on lines changed since this git revision."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


@dataclass
class PostRun:
    result: Any
    exit_code: int | None = None  # set when the command is done (--diff)
    stdout_used: bool = False  # fixed standard input went to stdout: report elsewhere
    notices: list[str] = field(default_factory=list)


def _fail(message: str) -> None:
    click.echo(f"copylint: error: {message}", err=True)
    raise click.exceptions.Exit(2)


class Filters:
    """Baseline and changed-lines filters, applied per file."""

    def __init__(self, baseline_file: str | None, changed_since: str | None) -> None:
        from .baseline import Baseline, BaselineError
        from .gitdiff import ChangedLines

        self.baseline = None
        self.changed = None
        if baseline_file:
            try:
                self.baseline = Baseline.load(baseline_file)
            except BaselineError as exc:
                _fail(str(exc))
        if changed_since:
            self.changed = ChangedLines(changed_since)
        self.baselined: list[Finding] = []
        self.unchanged = 0
        self._before: dict[str, Counter | None] = {}  # path -> its findings at the base

    @property
    def active(self) -> bool:
        return self.baseline is not None or self.changed is not None

    def prepare(self, paths: list[str]) -> None:
        from .gitdiff import GitError

        if self.changed is None:
            return
        try:
            if not [p for p in paths if not p.startswith("<")]:
                self.changed._root_of(Path.cwd())  # still say so outside a repository
            self.changed.prepare(paths)
        except GitError as exc:
            _fail(str(exc))

    def keep(self, path: str, findings: list[Finding], *, count: bool = False) -> list[Finding]:
        from .gitdiff import GitError

        out = findings
        if self.baseline is not None:
            # first, and on all of the file's findings: an entry is matched by its rank
            # among the file's findings, which a subset would renumber
            out, old = self.baseline.split(out)
            if count:
                self.baselined.extend(old)
        if self.changed is not None:
            try:
                touched = [self.changed.touches(f.path, f.line, f.end_line) for f in out]
                caused = self._caused(path, [f for f, t in zip(out, touched) if not t])
            except GitError as exc:
                _fail(str(exc))
            shown = [f for f, t in zip(out, touched) if t or f in caused]
            if count:
                self.unchanged += len(out) - len(shown)
            out = shown
        return out

    def _caused(self, path: str, unchanged: list[Finding]) -> list[Finding]:
        """Findings on unchanged lines that the change brought about: a rule that compares
        the whole article (a name spelt two ways, US and UK spellings mixed) flags an old
        line when a new one disagrees with it. They are those the file's version at the
        base, checked alone, does not have (by rule and fingerprint, counted). A finding
        that pairs the file with other articles (a headline two stories share) is one
        only when one of those changed too: checked alone, the base never has it, so an
        old pair came back whenever either story was edited anywhere."""
        if not unchanged or path.startswith("<") or not self.changed.lines(path):
            return []
        if path not in self._before:
            data = self.changed.base_bytes(path)
            self._before[path] = None if data is None else _fingerprints_of(path, data)
        before = self._before[path]
        if before is None:
            return []
        from .baseline import fingerprint

        left = Counter(before)
        caused = []
        for f in unchanged:
            key = (f.rule, fingerprint(f))
            if left[key] > 0:
                left[key] -= 1
            elif f.rule.startswith("grammar."):  # LanguageTool's are not re-checked
                continue
            elif self._pairs_only_unchanged_articles(path, f):
                continue
            else:
                caused.append(f)
        return caused

    def _pairs_only_unchanged_articles(self, path: str, f: Finding) -> bool:
        """True when ``f`` points at other articles and none of them changed since the base."""
        others = {loc.path for loc in f.related if loc.path != path}
        if not others:
            return False
        for other in others:
            if other.startswith("<"):
                return False  # standard input: no history, all of it is new
            lines = self.changed.lines(other)
            if lines is None or lines:  # untracked, or edited
                return False
        return True

    def apply(self, result) -> list[str]:
        """Filter ``result.findings`` in place; returns notices saying what was hidden."""
        self.baselined, self.unchanged = [], 0
        by_path: dict[str, list[Finding]] = {}
        for f in result.findings:
            by_path.setdefault(f.path, []).append(f)
        kept: list[Finding] = []
        for path in sorted(by_path):
            kept.extend(self.keep(path, by_path[path], count=True))
        result.findings = sorted(kept, key=Finding.sort_key)
        notes = []
        if self.changed is not None and self.unchanged:
            notes.append(f"{self.unchanged} finding(s) on lines unchanged since {self.changed.rev} not shown")
        if self.baseline is not None:
            notes.append(f"{len(self.baselined)} finding(s) in the baseline not shown")
            # lines left unchanged were not judged: their entries may stand, fixed or not
            stale = 0 if self.changed is not None else self.baseline.stale(
                self.baselined, getattr(result, "files", []), _rule_ran)
            if stale:
                notes.append(f"{stale} baseline entr{'y' if stale == 1 else 'ies'} no longer found "
                             "(fixed? regenerate the baseline to drop them)")
        return notes


def _rule_ran(path: str, rule_id: str) -> bool:
    """Whether the run's settings for ``path`` report ``rule_id`` (its select and ignore)."""
    from .engine import reader_notice_selected
    from .registry import is_selected
    from .runner import _State

    settings = _State.resolver.for_path(path)
    if rule_id.startswith("copylint."):
        return reader_notice_selected(rule_id, settings)
    return is_selected(rule_id, settings.select, settings.ignore)


def _fingerprints_of(path: str, data: bytes) -> Counter:
    """(rule, fingerprint) of the findings an old version of ``path`` had, checked on its
    own (the corpus rules over it alone; LanguageTool is not asked again)."""
    from .baseline import fingerprint
    from .engine import check_document
    from .readers import BinaryFile, read_bytes
    from .runner import RunResult, _State, _finish_corpus_rules, _ruleset_for

    try:
        doc = read_bytes(path, data)
    except BinaryFile:
        return Counter()
    settings = _State.resolver.for_path(path)
    ruleset = _ruleset_for(settings)
    rules = [r for r in ruleset.selected(settings) if "languagetool" not in r.needs]
    findings, facts = check_document(doc, rules, settings, ruleset, _State.resources)
    result = RunResult(findings=list(findings))
    if facts:
        _finish_corpus_rules({rid: [(path, f)] for rid, f in facts.items()}, _State.resolver,
                             _State.resolver.base_for(path), _State.resources, result)
    return Counter((f.rule, fingerprint(f)) for f in result.findings)


def _linter() -> Callable[[str, str], list[Finding]]:
    from .readers import read_text
    from .runner import _State, lint_document

    def lint(path: str, text: str) -> list[Finding]:
        settings = _State.resolver.for_path(path)
        findings, _facts = lint_document(read_text(path, text), settings)
        return sorted(findings, key=Finding.sort_key)

    return lint


def _fix_stdin(data: bytes, display: str, lint, unsafe: bool, accept) -> tuple[Any, bytes]:
    from .fixer import fix_bytes

    fix, fixed = fix_bytes(data, display, lint, unsafe, accept, what="input")
    return fix, data if fixed is None else fixed


def after_run(result, extras: dict[str, Any], *, rerun: Callable[[bytes | None], Any],
              stdin_data: bytes | None, stdin_filename: str | None) -> PostRun:
    """Apply fixes and filters to a finished run. ``rerun(stdin_bytes)`` repeats the run."""
    from .fixer import FixReport, diff_root, fix_file, in_a_diff, unified_diff, usable
    from .runner import Problem

    fix, diff, unsafe = extras.get("fix"), extras.get("diff"), extras.get("unsafe_fixes")
    filters = Filters(extras.get("baseline_file"), extras.get("changed_since"))
    filters.prepare(list(getattr(result, "files", [])))
    if filters.changed is not None and stdin_data is not None and stdin_filename:
        filters.changed.use_text(stdin_filename, stdin_data)  # not the file on disk
    post = PostRun(result)
    accept = filters.keep if filters.active else None

    if fix or diff:
        lint = _linter()
        report = FixReport()
        stdin_name = stdin_filename or "<stdin>"
        by_path: dict[str, list[Finding]] = {}
        for f in result.findings:
            by_path.setdefault(f.path, []).append(f)
        new_stdin = stdin_data
        unsafe_left = 0  # unsafe fixes held back in files with nothing else to fix
        for path in sorted(by_path):
            findings = accept(path, by_path[path]) if accept else by_path[path]
            if stdin_data is not None and path == stdin_name:
                continue
            if not any(usable(f, unsafe) for f in findings):
                unsafe_left += sum(1 for f in findings if f.fix is not None and f.fix.edits and not f.fix.safe)
                continue
            report.files.append(fix_file(path, lint, unsafe=unsafe, write=not diff, accept=accept))
        if stdin_data is not None and stdin_name in getattr(result, "files", ()):
            # excluded by its --stdin-filename's config, the text goes back as it came
            stdin_fix, new_stdin = _fix_stdin(stdin_data, stdin_name, lint, unsafe, accept)
            report.files.append(stdin_fix)
        problems = [Problem(f.path, f.refused, False) for f in report.files if f.refused]
        unsafe_left += sum(f.unsafe_left for f in report.files)

        if diff:
            in_diff = [f for f in report.changed if in_a_diff(f)]
            root = diff_root([f.path for f in in_diff])
            if in_diff and root != os.getcwd():  # a file outside the working folder
                click.echo(f"copylint: the diff names files from {root}: apply it there "
                           f"(git apply or patch -p1 in {root})", err=True)
            for f in sorted(report.changed, key=lambda f: f.path):
                if in_a_diff(f):
                    sys.stdout.write(unified_diff(f, root))
                else:
                    from .readers.common import ENCODING_NAMES

                    name = ENCODING_NAMES.get(f.encoding, f.encoding)
                    problems.append(Problem(f.path, f"left out of the diff: the file is {name}, a diff is "
                                                    "UTF-8 text that would not apply; --fix writes it", False))
            sys.stdout.flush()
            for p in sorted([*result.problems, *problems], key=lambda p: p.path):
                click.echo(f"copylint: {'error' if p.fatal else 'warning'}: {p.path}: {p.message}", err=True)
            n, m = report.applied, len(report.changed)
            click.echo(f"copylint: would fix {n} finding(s) in {m} file(s)"
                       + (f"; {unsafe_left} more with --unsafe-fixes" if unsafe_left else ""), err=True)
            fatal = any(p.fatal for p in result.problems)
            post.exit_code = 2 if fatal else (1 if report.changed else 0)
            if filters.active:  # the -o report holds what check would report
                filters.apply(post.result)
            return post

        written = [f.path for f in report.files if f.written]
        if stdin_data is not None:
            sys.stdout.buffer.write(new_stdin)
            sys.stdout.flush()
            post.stdout_used = True
        if written or new_stdin != stdin_data:
            if filters.changed is not None:
                filters.changed.forget(written)
                if stdin_data is not None and stdin_filename:
                    filters.changed.use_text(stdin_filename, new_stdin)
            post.result = result = rerun(new_stdin)
        result.problems.extend(problems)
        result.problems.sort(key=lambda p: p.path)
        n, m = report.applied, len(report.changed)
        done = f"fixed {n} finding(s) in {m} file(s)" if n else "nothing fixed" if problems else "nothing to fix"
        post.notices.append(done + (f"; {unsafe_left} more fix(es) available with --unsafe-fixes" if unsafe_left else ""))

    if filters.active:
        post.notices.extend(filters.apply(post.result))
    post.result.notices.extend(post.notices)
    return post


def wants_post_run(extras: dict[str, Any]) -> bool:
    return any(extras.get(k) for k in ("fix", "diff", "baseline_file", "changed_since"))
