"""A draft rule pack's findings on an archive, beside the live pack's: what a change to the
style guide would add and take away before it goes live. A rule that fires in a large
share of the archive, or never, is worth a second look before it reaches the desk."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Iterable

from ..config import ConfigResolver
from ..engine import check_document
from ..model import Finding
from .compiler import PackEngine
from .loader import PackSpec

# a rule that fires in this share of the articles or more is flagged as broad (on an
# archive of at least BROAD_MIN_ARTICLES: on three articles one hit is a third)
BROAD_SHARE, BROAD_MIN_ARTICLES = 0.2, 20


@dataclass
class RuleCounts:
    rule: str
    live: int | None = None  # None: the live pack has no such rule
    draft: int | None = None
    articles: set[str] = field(default_factory=set)  # articles the draft rule fires in
    added: list[Finding] = field(default_factory=list)  # draft findings the live pack lacks
    gone: list[Finding] = field(default_factory=list)  # live findings the draft drops


@dataclass
class Preview:
    pack: str
    articles: int = 0
    bytes: int = 0
    rules: dict[str, RuleCounts] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)

    def broad(self, counts: RuleCounts) -> bool:
        return self.articles >= BROAD_MIN_ARTICLES and len(counts.articles) >= BROAD_SHARE * self.articles


def _findings(engine: PackEngine, name: str, doc, settings) -> list[Finding]:
    """The pack's findings on one article, selected whatever the config selects, but
    without the rules the config ignores for it (a desk's rule ignored in sport/**)."""
    rule = engine.pack_rule(next(p for p in engine.packs if p.name == name))
    ignore = [i for i in settings.ignore if i != name]
    found, _ = check_document(doc, [rule], dataclasses.replace(settings, select=[name], ignore=ignore))
    return [f for f in found if f.rule.startswith(name + ".")]


def _same(f: Finding) -> tuple:
    """One finding in both packs: the same rule at the same place. Its message may
    differ ("over 50 words" against "over 35") without a finding added or gone."""
    return f.path, f.line, f.column, f.end_line, f.end_column, f.rule


def preview(draft: PackSpec, live: PackSpec | None, paths: Iterable[str], resolver: ConfigResolver) -> Preview:
    """Run the draft pack and the live one over the articles at ``paths`` (files read,
    never written) and count each rule's findings, with the findings only one of them has."""
    from ..runner import read_path

    draft_engine = PackEngine([draft])
    live_engine = PackEngine([live]) if live is not None else None
    result = Preview(draft.name)
    for r in draft_engine.rules:
        result.rules[r.id] = RuleCounts(r.id, draft=0)
    for r in (live_engine.rules if live_engine else []):
        result.rules.setdefault(r.id, RuleCounts(r.id)).live = 0
    for path in paths:
        doc, problem, data = read_path(path)
        if doc is None:
            result.unreadable.append(f"{path}: {problem.message}")
            continue
        result.articles += 1
        result.bytes += len(data)
        settings = resolver.for_path(path)
        new = _findings(draft_engine, draft.name, doc, settings)
        old = _findings(live_engine, draft.name, doc, settings) if live_engine is not None else []
        old_keys = {_same(f) for f in old}
        new_keys = {_same(f) for f in new}
        for f in new:
            counts = result.rules.setdefault(f.rule, RuleCounts(f.rule, draft=0))
            counts.draft = (counts.draft or 0) + 1
            counts.articles.add(path)
            if _same(f) not in old_keys:
                counts.added.append(f)
        for f in old:
            counts = result.rules.setdefault(f.rule, RuleCounts(f.rule, live=0))
            counts.live = (counts.live or 0) + 1
            if _same(f) not in new_keys:
                counts.gone.append(f)
    return result


def report(result: Preview, compared: bool, examples: int) -> list[str]:
    """The preview as lines of text: a table of rules, then sample findings of each change."""
    lines = []
    rows = sorted(result.rules.values(), key=lambda c: c.rule)
    width = max([len(c.rule) for c in rows] + [4])
    head = f"{'rule':<{width}}  {'live':>6}  {'draft':>6}  {'added':>6}  {'gone':>6}  {'articles':>8}"
    lines.append(head if compared else f"{'rule':<{width}}  {'draft':>6}  {'articles':>8}")

    def n(v):
        return "-" if v is None else str(v)

    for c in rows:
        notes = []
        if c.live is None and compared:
            notes.append("new rule")
        if c.draft is None:
            notes.append("removed")
        elif c.draft == 0:
            notes.append("never fires here")
        elif result.broad(c):
            notes.append(f"fires in {100 * len(c.articles) / result.articles:.0f}% of articles: too broad?")
        tail = f"  ({'; '.join(notes)})" if notes else ""
        if compared:
            lines.append(f"{c.rule:<{width}}  {n(c.live):>6}  {n(c.draft):>6}  {len(c.added):>6}  "
                         f"{len(c.gone):>6}  {len(c.articles):>8}{tail}")
        else:
            lines.append(f"{c.rule:<{width}}  {n(c.draft):>6}  {len(c.articles):>8}{tail}")
    for c in rows:
        shown = [("+", f) for f in c.added[:examples]] + [("-", f) for f in c.gone[:examples]] if compared \
            else [("", f) for f in c.added[:examples]]
        if not shown:
            continue
        lines.append("")
        lines.append(f"{c.rule}:")
        for sign, f in shown:
            lines.append(f"  {sign}{' ' if sign else ''}{f.path}:{f.line}:{f.column}: {f.message}")
            if f.line_text:
                text = f.line_text.strip()
                lines.append(f"      {text[:160]}")
        more = (len(c.added) - examples if len(c.added) > examples else 0) + \
            (len(c.gone) - examples if compared and len(c.gone) > examples else 0)
        if more > 0:
            lines.append(f"  ... and {more} more")
    return lines

