"""The runner: finds files, lints each (in a process pool when there are many), runs
corpus rules once over all facts, and returns findings sorted by path and position —
the same whatever ``--jobs`` is."""

from __future__ import annotations

import dataclasses
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .config import ConfigError, ConfigResolver, Settings, glob_match
from .engine import RuleContext, RuleOptionError, RuleSet, check_document, load_ruleset
from .model import Document, Finding, Severity
from .readers import DEFAULT_SUFFIXES, BinaryFile, read_bytes
from .registry import is_selected

MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass
class Problem:
    """A file that could not be checked (missing, unreadable) or was skipped (binary)."""

    path: str
    message: str
    fatal: bool  # counts towards exit 2


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    bytes_checked: int = 0
    notices: list[str] = field(default_factory=list)  # one-line run notices (LanguageTool...)
    files: list[str] = field(default_factory=list)  # every file checked, as reported


# --------------------------------------------------------------------------- discovery


def discover(paths: Iterable[str], include: list[str], exclude: list[str],
             problems: list[Problem]) -> list[str]:
    """Expand folders recursively (article types, hidden folders skipped); explicit files
    are taken as given unless excluded."""
    out: list[str] = []
    seen: set[str] = set()

    def excluded(p: str, root: str) -> bool:
        rel = os.path.relpath(p, root) if root else p
        rel = rel.replace(os.sep, "/")
        return any(glob_match(rel, g) for g in exclude)

    def wanted(p: str, root: str) -> bool:
        rel = os.path.relpath(p, root).replace(os.sep, "/")
        if include:
            return any(glob_match(rel, g) for g in include)
        return p.lower().endswith(DEFAULT_SUFFIXES)

    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                                     and d not in ("node_modules", "__pycache__")
                                     and not excluded(os.path.join(dirpath, d), str(p)))
                for name in filenames:
                    if name.startswith("."):
                        continue
                    full = os.path.normpath(os.path.join(dirpath, name))
                    if wanted(full, str(p)) and not excluded(full, str(p)):
                        found.append(full)
            for f in sorted(found):
                if f not in seen:
                    seen.add(f)
                    out.append(f)
        elif p.exists():
            if not excluded(str(p), "") and str(p) not in seen:
                seen.add(str(p))
                out.append(str(p))
        else:
            problems.append(Problem(raw, "no such file or directory", True))
    return out


# --------------------------------------------------------------------------- one file


@dataclass
class FileResult:
    path: str
    findings: list[Finding]
    facts: dict[str, Any]
    problem: Problem | None = None
    size: int = 0
    notices: list[tuple[str, str]] = field(default_factory=list)  # (kind, message) raised by rules


class _State:
    """Per-process state: the resolver and rule sets, built once per worker."""

    resolver: ConfigResolver | None = None
    rulesets: dict[str, RuleSet] = {}
    resources: dict[str, Any] = {}


def _ruleset_for(settings: Settings) -> RuleSet:
    key = repr((settings.source, tuple(settings.packs)))
    rs = _State.rulesets.get(key)
    if rs is None:
        rs = _State.rulesets[key] = load_ruleset(settings)
    return rs


def lint_document(doc: Document, settings: Settings, resources: dict[str, Any] | None = None) -> tuple[list[Finding], dict[str, Any]]:
    ruleset = _ruleset_for(settings)
    return check_document(doc, ruleset.selected(settings), settings, ruleset,
                          resources if resources is not None else _State.resources)


def read_path(path: str, stdin_data: bytes | None = None, display: str | None = None) -> tuple[Document | None, Problem | None, int]:
    shown = display or path
    if path == "-":
        data = stdin_data or b""
    else:
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                return None, Problem(shown, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB: skipped", True), 0
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            return None, Problem(shown, f"cannot read: {exc.strerror or exc}", True), 0
    try:
        doc = read_bytes(shown, data)
    except BinaryFile:
        return None, Problem(shown, "binary file: skipped", False), len(data)
    return doc, None, len(data)


def lint_one(path: str, stdin_data: bytes | None = None, display: str | None = None) -> FileResult:
    shown = display or path
    doc, problem, size = read_path(path, stdin_data, display)
    if doc is None:
        return FileResult(shown, [], {}, problem, size)
    settings = _State.resolver.for_path(shown if path == "-" else path)
    findings, facts = lint_document(doc, settings)
    from .notices import drain

    return FileResult(shown, findings, facts, None, size, drain())


def _init_worker(resolver: ConfigResolver, resources: dict[str, Any]) -> None:
    _State.resolver = resolver
    _State.rulesets = {}
    _State.resources = resources


def _lint_in_worker(path: str) -> FileResult:
    try:
        return lint_one(path)
    except (ConfigError, RuleOptionError) as exc:
        return FileResult(path, [], {}, Problem(path, str(exc), True))


# --------------------------------------------------------------------------- the run


def run(paths: list[str], resolver: ConfigResolver, *, jobs: int | None = None,
        stdin_data: bytes | None = None, stdin_filename: str | None = None,
        progress=None, resources: dict[str, Any] | None = None) -> RunResult:
    result = RunResult()
    resources = resources or {}
    base = resolver.base_for(paths[0] if paths and paths[0] != "-" else os.getcwd())
    files = discover(paths, base.include, base.exclude, result.problems)
    # one LanguageTool server for the whole run, started only when a selected rule needs it
    # (stopped below; its atexit hook covers a run that ends in an exception)
    from .languagetool.session import open_session

    try:
        selected = _ruleset_for(base).selected(base) if files else []
    except (ConfigError, ValueError):
        selected = []  # reported per file below, as before
    lt_session = open_session(selected, base) if selected else None
    if lt_session is not None:
        resources = {**resources, **lt_session.resources}
    _init_worker(resolver, resources)
    _ruleset_for(base)  # a broken rule pack is one config error (exit 2), not one per file

    file_results: list[FileResult] = []
    disk_files = [f for f in files if f != "-"]
    if "-" in files:
        file_results.append(lint_one("-", stdin_data, stdin_filename or "<stdin>"))
    jobs = jobs or base.jobs or os.cpu_count() or 1
    if jobs > 1 and len(disk_files) >= 8:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                 initargs=(resolver, resources)) as pool:
            for fr in pool.map(_lint_in_worker, disk_files, chunksize=max(1, min(16, len(disk_files) // (jobs * 4) or 1))):
                file_results.append(fr)
                if progress:
                    progress(fr.path)
    else:
        for f in disk_files:
            file_results.append(_lint_in_worker(f))
            if progress:
                progress(f)
    if lt_session is not None:
        lt_session.close()

    facts_by_rule: dict[str, list[tuple[str, Any]]] = {}
    for fr in file_results:
        if fr.problem:
            result.problems.append(fr.problem)
            continue
        result.files_checked += 1
        result.files.append(fr.path)
        result.bytes_checked += fr.size
        result.findings.extend(fr.findings)
        for rid, f in fr.facts.items():
            facts_by_rule.setdefault(rid, []).append((fr.path, f))

    if facts_by_rule:
        ruleset = _ruleset_for(base)
        for rid, items in sorted(facts_by_rule.items()):
            rule = ruleset.by_id[rid]
            items.sort(key=lambda x: x[0])
            ctx = RuleContext(rule, rule.make_options(base.options_for(rid)), base, resources)
            for finding in rule.finish(items, ctx):
                settings = resolver.for_path(finding.path)
                if is_selected(finding.rule, settings.select, settings.ignore):
                    sev = settings.severity_for(finding.rule, finding.severity)
                    if sev != finding.severity:
                        finding = dataclasses.replace(finding, severity=sev)
                    result.findings.append(finding)

    raised = [n for fr in file_results for n in fr.notices]
    for _kind, message in raised:
        if message not in result.notices:
            result.notices.append(message)
    if lt_session is not None:
        lt_session.finish(result, raised)
    result.findings.sort(key=Finding.sort_key)
    result.problems.sort(key=lambda p: p.path)
    return result


def exit_code(result: RunResult, fail_on: Severity) -> int:
    if any(p.fatal for p in result.problems):
        return 2
    if any(f.severity >= fail_on for f in result.findings):
        return 1
    return 0
