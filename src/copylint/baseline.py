"""A baseline: the findings a team has accepted for now, so CI fails only on new ones.

A finding is recognised by a fingerprint of what it names, not where: its rule, the
matched text, and a few words on either side of it within its own clause and line (case,
punctuation and spacing folded). Editing another paragraph, or another sentence on the
same long Markdown line, leaves the fingerprint alone; so does moving the paragraph.
Equal fingerprints in one file (the same slip twice in the same words) are told apart by
their order: the file records how many there are, and only that many are forgiven.

A finding whose nearby words did change (a neighbouring typo fixed, the paragraph
re-wrapped) is still matched by its rule, matched text and rank among the file's findings
of that rule and text (the second "Kiev"), if that entry matched nothing else; so a new
"Kiev" added elsewhere is still reported.

The file is JSON, versioned, sorted and free of line numbers, so regenerating it after
unrelated edits produces no diff. Version 1 files (whose context crossed clauses) are
still read and matched as they were made.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterable

from .model import Finding
from .text import TOKEN_RE

BASELINE_VERSION = 2
CONTEXT_WORDS = 3  # words kept on each side of the matched text
FINGERPRINT_METHOD = f"rule+text+{CONTEXT_WORDS}-word-clause-context/v2"
# what older versions wrote, still read: version -> fingerprint method
READABLE = {1: f"rule+text+{CONTEXT_WORDS}-word-context/v1", BASELINE_VERSION: FINGERPRINT_METHOD}

# where a clause ends: a sentence's or clause's closing mark before a space (or the end),
# or a dash. Words beyond it belong to another sentence, which may be edited freely.
_CLAUSE_END_RE = re.compile(r"[.!?;:…]+[\"'”’)\]]*(?=\s|$)|[—–]|\s-\s")


class BaselineError(Exception):
    """The baseline file is missing, unreadable or of another version."""


def _norm_words(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in TOKEN_RE.findall(text)]


def _norm_text(text: str) -> str:
    return " ".join(text.split())


def context_of(finding: Finding, clause: bool = True) -> tuple[str, str]:
    """The normalised words just before and just after the finding on its first line,
    within its own clause (``clause=False``: across clauses, as version 1 took them), so
    a sentence added or edited next to it leaves them alone."""
    line = finding.line_text
    if not line:
        return "", ""
    skipped = finding.line_offset  # a long line is an excerpt (model.line_excerpt)
    head = line[:max(0, finding.column - 1 - skipped)]
    tail = line[max(0, finding.end_column - 1 - skipped):] if finding.end_line == finding.line else ""
    if clause:
        ends = [m.end() for m in _CLAUSE_END_RE.finditer(head)]
        head = head[ends[-1]:] if ends else head
        m = _CLAUSE_END_RE.search(tail)
        tail = tail[:m.start()] if m else tail
    before = _norm_words(head)[-CONTEXT_WORDS:]
    after = _norm_words(tail)[:CONTEXT_WORDS]
    return " ".join(before), " ".join(after)


def fingerprint(finding: Finding, method: str = FINGERPRINT_METHOD) -> str:
    """A stable hex digest of rule, matched text and surrounding words (no positions);
    ``method`` names how an older baseline file made its fingerprints."""
    before, after = context_of(finding, clause=method == FINGERPRINT_METHOD)
    matched = _norm_text(finding.matched)
    parts = [finding.rule, matched, before, after]
    if not matched:
        parts.append(finding.message)  # a zero-width finding is named by what it says
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
    return digest[:20]


def baseline_path_key(path: str, base_dir: Path) -> str:
    """A finding's path as the baseline stores it: POSIX, relative to the baseline's folder."""
    if path.startswith("<"):
        return path
    full = Path(os.path.abspath(path))
    try:
        rel = os.path.relpath(full, base_dir)
    except ValueError:  # another drive on Windows
        return full.as_posix()
    return PurePosixPath(*Path(rel).parts).as_posix()


def _anchor(finding: Finding) -> str:
    """What a finding names without its context: the matched text as an entry's "text"
    keeps it (a zero-width finding, by its message)."""
    text = _norm_text(finding.matched)[:80]
    return text or "\x00" + finding.message


@dataclass
class Baseline:
    """Accepted findings, counted per (path, rule, fingerprint)."""

    base_dir: Path
    counts: Counter = field(default_factory=Counter)
    entries: list[dict] = field(default_factory=list)
    method: str = FINGERPRINT_METHOD  # how the file's fingerprints were made

    @classmethod
    def from_findings(cls, findings: Iterable[Finding], base_dir: Path) -> "Baseline":
        base = cls(base_dir=base_dir)
        seen: Counter = Counter()
        ranks: Counter = Counter()
        for f in sorted(findings, key=Finding.sort_key):
            key = (baseline_path_key(f.path, base_dir), f.rule, fingerprint(f))
            anchor = (key[0], f.rule, _anchor(f))
            occurrence = seen[key]
            seen[key] += 1
            base.entries.append({
                "path": key[0], "rule": f.rule, "fingerprint": key[2], "occurrence": occurrence,
                "rank": ranks[anchor], "text": _norm_text(f.matched)[:80], "message": f.message,
            })
            ranks[anchor] += 1
        base.counts = seen
        base.entries.sort(key=lambda e: (e["path"], e["rule"], e["fingerprint"], e["occurrence"]))
        return base

    def to_json(self) -> str:
        from . import __version__

        doc = {
            "version": BASELINE_VERSION,
            "tool": "copylint",
            "fingerprint": FINGERPRINT_METHOD,
            "copylint_version": __version__,
            "findings": self.entries,
        }
        return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    def write(self, path: str | Path) -> None:
        from .fixer import write_output

        Path(path).parent.mkdir(parents=True, exist_ok=True)
        # a file name that is not UTF-8 (an old CMS export) is written back as the bytes it
        # has on disk, as standard output shows it, and read back the same way
        write_output(Path(path), self.to_json().encode("utf-8", "surrogateescape"))

    @classmethod
    def load(cls, path: str | Path) -> "Baseline":
        p = Path(path)
        try:
            doc = json.loads(p.read_bytes().decode("utf-8", "surrogateescape"))
        except FileNotFoundError:
            raise BaselineError(f"{p}: baseline file not found (create it with: copylint baseline PATH -o {p})") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{p}: cannot read baseline: {exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{p}:{exc.lineno}: baseline is not valid JSON: {exc.msg}") from None
        if not isinstance(doc, dict) or doc.get("tool") != "copylint" or not isinstance(doc.get("findings"), list):
            raise BaselineError(f"{p}: not a copylint baseline file")
        version = doc.get("version")
        if version not in READABLE:
            raise BaselineError(f"{p}: baseline version {version!r} is not supported "
                                f"(this copylint writes version {BASELINE_VERSION}); regenerate it")
        if doc.get("fingerprint") != READABLE[version]:
            raise BaselineError(f"{p}: baseline fingerprints were made by another method "
                                f"({doc.get('fingerprint')!r}); regenerate it")
        base = cls(base_dir=Path(os.path.abspath(p.parent)), method=READABLE[version])
        for n, e in enumerate(doc["findings"]):
            try:
                key = (str(e["path"]), str(e["rule"]), str(e["fingerprint"]))
            except (KeyError, TypeError):
                raise BaselineError(f"{p}: entry {n + 1} lacks path, rule or fingerprint") from None
            base.counts[key] += 1
            base.entries.append(e)
        return base

    def split(self, findings: list[Finding]) -> tuple[list[Finding], list[Finding]]:
        """(new, baselined). Findings are taken in file order. First by fingerprint: N
        entries with a fingerprint forgive the first N findings that have it. Then, for a
        finding left over, by rule, text and rank among the file's findings of that rule
        and text, from the entries left over (version 1 entries record no rank: any of
        the same rule and text)."""
        by_print: dict[tuple, list[int]] = {}
        by_rank: dict[tuple, list[int]] = {}
        for i, e in enumerate(self.entries):
            path, rule = str(e["path"]), str(e["rule"])
            by_print.setdefault((path, rule, str(e["fingerprint"])), []).append(i)
            anchor = (path, rule, str(e.get("text") or "") or "\x00" + str(e.get("message", "")))
            by_rank.setdefault((*anchor, e.get("rank")), []).append(i)
        for stack in (*by_print.values(), *by_rank.values()):
            stack.reverse()  # popped from the end: first entry first
        taken = [False] * len(self.entries)

        def take(key: tuple) -> bool:
            stack = by_print.get(key) if len(key) == 3 else by_rank.get(key)
            while stack:
                i = stack.pop()
                if not taken[i]:
                    taken[i] = True
                    return True
            return False

        ordered = sorted(findings, key=Finding.sort_key)
        ranks: Counter = Counter()
        keys = []
        for f in ordered:
            path = baseline_path_key(f.path, self.base_dir)
            anchor = (path, f.rule, _anchor(f))
            keys.append(((path, f.rule, fingerprint(f, self.method)), anchor, ranks[anchor]))
            ranks[anchor] += 1
        old = [take(key) for key, _anchor_key, _rank in keys]
        for n, (_key, anchor, rank) in enumerate(keys):
            if not old[n]:
                old[n] = take((*anchor, rank)) or take((*anchor, None))
        return ([f for f, o in zip(ordered, old) if not o], [f for f, o in zip(ordered, old) if o])

    def stale(self, findings_baselined: list[Finding], checked_paths: Iterable[str],
              selected: Callable[[str, str], bool] | None = None) -> int:
        """Entries that matched nothing (fixed since the baseline), among those the run
        could have matched: for a file it checked, of a rule ``selected(path, rule)`` says
        it ran there. A run with --select typo is no sign that house.* entries were fixed."""
        checked = {baseline_path_key(p, self.base_dir): p for p in checked_paths}
        expected = sum(n for (path, rule, _), n in self.counts.items()
                       if path in checked and (selected is None or selected(checked[path], rule)))
        return max(0, expected - len(findings_baselined))
