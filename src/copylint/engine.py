"""The engine: runs the selected rules on one Document and turns their Hits into
Findings in source coordinates, then applies suppressions and resolves overlaps.

Only the engine turns a Hit into a Finding. A fix is offered only when its span lies
inside one verbatim run of the source map; otherwise it is kept as a suggestion.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import Any, Iterable

from . import tool_notices
from .config import Settings
from .hints import did_you_mean
from .model import BODY_KINDS, Document, Edit, Finding, Fix, Hit, Region, Severity, line_excerpt
from .registry import ALL_NAMES, Rule, is_selected, matches_prefix

_SIC_RE = re.compile(r"\s*\[sic\]", re.I)


@dataclass
class RuleContext:
    """What a rule sees besides the Document: its options and the run's settings."""

    rule: Rule
    options: Any
    settings: Settings
    resources: dict[str, Any] = field(default_factory=dict)
    suppressions: "Suppressions | None" = None

    @property
    def language(self) -> str:
        return self.settings.language

    def suppressed(self, rule_id: str, start: int, end: int) -> bool:
        """For corpus rules' collect(): is this text span suppressed for ``rule_id``?"""
        return self.suppressions is not None and self.suppressions.suppressed(rule_id, start, end)


class RuleSet:
    """All rules known to a run (built-ins, plugins, packs), with selection applied per path."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: list[Rule] = []
        self.by_id: dict[str, Rule] = {}
        self._selected: dict[tuple, list[Rule]] = {}
        for r in rules:
            if r.id in self.by_id:
                continue  # first definition wins (built-ins before packs)
            self.rules.append(r)
            self.by_id[r.id] = r

    def rule_for(self, rule_id: str) -> Rule | None:
        """The rule behind a finding's id: the rule itself, or the one that emits ids
        under its own ("grammar" for grammar.EN_A_VS_AN). A pack's members are rules
        of their own: a made-up id under a pack's name ("house.kyev") has none."""
        r = self.by_id.get(rule_id)
        if r is None:
            r = next((x for x in self.rules
                      if x.emits_prefix and x.pack is None and rule_id.startswith(x.id + ".")), None)
        return r

    def known(self, rule_id: str) -> bool:
        """True when ``rule_id`` names a rule, a prefix of some rules, a rule's emitted id,
        or one of the tool's own notices or their prefix ``copylint``. Any other
        ``copylint.<x>`` is unknown: accepting it let a misspelt notice id pass silently.
        A pack's rule emits only its members' ids, which are rules here, so a made-up id
        under a pack's name is unknown too."""
        if rule_id in (*ALL_NAMES, "copylint") or rule_id in tool_notices.DESCRIPTIONS:
            return True
        for r in self.rules:
            if matches_prefix(r.id, rule_id):
                return True
            if r.emits_prefix and r.pack is None and rule_id.startswith(r.id + "."):
                return True  # LanguageTool's ids under grammar: not known before it answers
        return False

    def hint(self, rule_id: str) -> str:
        """The "did you mean" hint for an unknown ``rule_id``: the nearest rule, prefix or
        copylint.* notice id, or "" when none is close. One list and one cutoff wherever a
        misspelt id is reported (--select, the config, a suppression comment)."""
        ids = {r.id for r in self.rules} | {r.id.split(".", 1)[0] for r in self.rules}
        return did_you_mean(rule_id, ids | {*tool_notices.DESCRIPTIONS, "copylint"}, cutoff=0.7)

    def selected(self, settings: Settings) -> list[Rule]:
        key = (tuple(settings.select), tuple(settings.ignore))
        cached = self._selected.get(key)
        if cached is None:
            cached = self._selected[key] = self._select(settings)
        return cached

    def _select(self, settings: Settings) -> list[Rule]:
        out = []
        for r in self.rules:
            if r.check is None and r.collect is None:
                continue  # metadata only: a pack rule, run by its pack's rule
            if is_selected(r.id, settings.select, settings.ignore):
                out.append(r)
            elif r.emits_prefix and any(p.startswith(r.id + ".") for p in settings.select):
                out.append(r)
        return out


def load_ruleset(settings: Settings) -> RuleSet:
    from .packs import load_pack_rules
    from .registry import builtin_rules, plugin_rules

    return RuleSet([*builtin_rules(), *plugin_rules(), *load_pack_rules(settings)])


# --------------------------------------------------------------------------- hits -> findings


def finding_from_span(doc: Document, rule_id: str, severity: Severity, message: str,
                      src_start: int, src_end: int, fix_text: str | None = None, fix_safe: bool = True,
                      **extra: Any) -> Finding:
    """A finding over source[src_start:src_end]; with ``fix_text``, a fix replacing
    exactly that span, at the same positions."""
    line, col = doc.lines.position(src_start)
    end_line, end_col = doc.lines.position(src_end)
    line_text, line_offset = line_excerpt(doc.source, *doc.lines.line_span(line), src_start, src_end)
    if fix_text is not None:
        extra["fix"] = Fix((Edit(src_start, src_end, fix_text, line, col, end_line, end_col),), fix_safe)
    return Finding(
        path=doc.path, rule=rule_id, severity=severity, message=message, line=line, column=col,
        end_line=end_line, end_column=end_col, matched=doc.source[src_start:src_end],
        line_text=line_text, line_offset=line_offset, start_offset=src_start, end_offset=src_end, **extra,
    )


def hit_to_finding(doc: Document, rule: Rule, hit: Hit, settings: Settings) -> Finding:
    src_start, src_end = doc.map.span(hit.start, hit.end)
    rule_id = hit.rule or rule.id
    severity = settings.severity_for(rule_id, hit.severity or rule.severity)
    suggestions = tuple(hit.suggestions)
    if hit.replacement and hit.replacement not in suggestions:
        suggestions = (hit.replacement, *suggestions)
    # a fix only where the text is the source as typed (not through an entity or an escape)
    fixable = hit.replacement is not None and doc.map.is_verbatim(hit.start, hit.end) and \
        doc.text[hit.start:hit.end] == doc.source[src_start:src_end] and \
        not _ends_a_quoted_value(doc, src_start, src_end, hit.replacement)
    return finding_from_span(doc, rule_id, severity, hit.message, src_start, src_end,
                             fix_text=hit.replacement if fixable else None, fix_safe=hit.safe,
                             suggestions=suggestions, related=hit.related, link=hit.link or rule.link)


def _ends_a_quoted_value(doc: Document, src_start: int, src_end: int, text: str) -> bool:
    """A fix writing a value's own quote mark inside it (a straight quote into alt="...", a
    YAML title in single marks, a JSON-LD headline) would end the value early and leave
    the file unreadable: it is offered as a suggestion, not made."""
    for start, end, marks in doc.quoted:
        if start < max(src_end, src_start + 1) and src_start < end and any(c in text for c in marks):
            return True
    return False


# --------------------------------------------------------------------------- regions


class RegionIndex:
    """Which region kinds cover a text offset (regions may nest: a quote in a paragraph)."""

    def __init__(self, regions: list[Region]) -> None:
        self.regions = sorted(regions, key=lambda r: (r.start, -r.end))
        self.starts = [r.start for r in self.regions]
        # the furthest end among the regions up to each one: a walk back from a hit stops
        # where no earlier region reaches it (regions are mostly blocks one after another,
        # so a lookup costs the depth of nesting, not the number of regions before it)
        self.reach: list[int] = []
        furthest = -1
        for r in self.regions:
            furthest = max(furthest, r.end)
            self.reach.append(furthest)

    def kinds_at(self, start: int, end: int) -> set[str]:
        kinds = set()
        k = bisect.bisect_right(self.starts, start) - 1
        while k >= 0 and self.reach[k] >= end:
            r = self.regions[k]
            if r.start <= start and end <= r.end:
                kinds.add(r.kind)
            k -= 1
        return kinds

    def block_after(self, offset: int) -> Region | None:
        i = bisect.bisect_left(self.starts, offset)
        return self.regions[i] if i < len(self.regions) else None


def _kinds_match(kinds: set[str], wanted: tuple[str, ...]) -> bool:
    for w in wanted:
        if w == "body" and kinds & set(BODY_KINDS):
            return True
        if w in kinds:
            return True
    return False


# --------------------------------------------------------------------------- suppression


@dataclass
class Suppressions:
    """Disabled text ranges per rule prefix, built from the Document's directives. It
    remembers which name of which directive (and of the front matter's list) suppressed
    something, so that a directive that suppressed nothing can be reported."""

    ranges: list[tuple[int, int, tuple[str, ...], int]]  # start, end, rules (() = all), directive index
    file_rules: tuple[str, ...]
    used: set[tuple[int, str]] = field(default_factory=set)  # (directive index, name; "" = all)
    file_used: set[str] = field(default_factory=set)  # names of the front matter's list
    # (directive index, name; "" = all) -> index of the earlier disable already holding it
    redundant: dict[tuple[int, str], int] = field(default_factory=dict)
    ends: dict[int, set[int]] = field(default_factory=dict)  # enable index -> the disables it ended

    @classmethod
    def build(cls, doc: Document, index: RegionIndex) -> "Suppressions":
        """Each name of a disable holds from its comment until an enable that names it, a
        prefix of it, or nothing (all rules), or to the end of the file. A disable of a
        name an earlier disable still holds (the name, a prefix of it, or all rules)
        starts nothing: the first keeps holding, so the text between the two stays
        suppressed, and the later one is remembered as redundant. An enable of one rule
        inside a disabled prefix ends nothing."""
        ranges = []
        open_: dict[str, tuple[int, int]] = {}  # name ("" = all) -> (start, directive index)
        redundant: dict[tuple[int, str], int] = {}
        ends: dict[int, set[int]] = {}
        for n, d in enumerate(doc.directives):
            names = tuple(dict.fromkeys(d.rules)) or ("",)
            if d.action == "disable":
                for name in names:
                    holder = next((dn for held, (_, dn) in open_.items()
                                   if held in ("", *ALL_NAMES) or matches_prefix(name, held)), None)
                    if holder is not None:
                        redundant[(n, name)] = holder
                    else:
                        open_[name] = (d.offset, n)
            elif d.action == "enable":
                for held in list(open_):
                    if names == ("",) or any(matches_prefix(held, name) for name in names):
                        start, dn = open_.pop(held)
                        ranges.append((start, d.offset, (held,) if held else (), dn))
                        ends.setdefault(n, set()).add(dn)
            elif d.action == "ignore":
                block = index.block_after(d.offset)
                if block is not None:
                    ranges.append((block.start, block.end, d.rules, n))
            elif d.action == "disable-next-line":
                line = _next_line(doc, d)
                if line is not None:
                    ranges.append((*line, d.rules, n))
        for held, (start, dn) in open_.items():
            ranges.append((start, len(doc.text) + 1, (held,) if held else (), dn))
        return cls(ranges, doc.file_disabled, redundant=redundant, ends=ends)

    def __post_init__(self) -> None:
        # by start, with the furthest end up to each (as RegionIndex keeps regions): a
        # finding walks back from the last range opened before it, until no earlier one
        # reaches its end. A look at every range per finding was quadratic in a file of
        # thousands of disable/enable pairs
        self.ranges.sort(key=lambda r: r[0])
        self._starts = [r[0] for r in self.ranges]
        self._reach = list(itertools.accumulate((r[1] for r in self.ranges), max))

    def suppressed(self, rule_id: str, start: int, end: int) -> bool:
        """Whether a finding of ``rule_id`` at [start, end) is suppressed. Every directive
        name that covers it counts as used, not only the first: of two that overlap, neither
        is the one to delete."""
        if not self.ranges and not self.file_rules:
            return False  # the usual article: no directives at all
        hit = False
        for name in self.file_rules:
            if matches_prefix(rule_id, name):
                self.file_used.add(name)
                hit = True
        k = bisect.bisect_right(self._starts, start) - 1
        while k >= 0 and self._reach[k] >= end:
            _, re_, rules, dn = self.ranges[k]
            k -= 1
            if end > re_:
                continue
            if not rules:
                self.used.add((dn, ""))
                hit = True
                continue
            for name in rules:
                if matches_prefix(rule_id, name):
                    self.used.add((dn, name))
                    hit = True
        return hit


def _next_line(doc: Document, d) -> tuple[int, int] | None:
    """The text range of the first source line with words after the directive's comment
    ends (the line that follows it, blank lines skipped), or None when it has none."""
    lines, source = doc.lines, doc.source
    at = lines.offset(d.line, d.column)
    close = source.find("-->", at)
    line = lines.position(close if close != -1 else at)[0] + 1
    while line <= len(lines.starts):
        start, end = lines.line_span(line)
        if source[start:end].strip():
            break
        line += 1
    else:
        return None
    offsets = range(len(doc.text) + 1)
    first = bisect.bisect_left(offsets, start, key=doc.map.source_start)
    last = bisect.bisect_left(offsets, end, key=doc.map.source_start)
    return (first, last) if last > first else None


def _sic_follows(doc: Document, end: int) -> bool:
    return _SIC_RE.match(doc.text, end) is not None


# --------------------------------------------------------------------------- overlap


def resolve_overlaps(findings: list[Finding], priorities: dict[str, int],
                     by_finding: dict[int, int] | None = None) -> list[Finding]:
    """Where word-level findings of different rule families flag the same words, keep
    the one with the higher priority (house rule > built-in speller > LanguageTool).
    Two findings with the same id and the same span (the built-in speller and
    LanguageTool both saying ``typo.spelling``) are one: the higher-priority rule's stays;
    so are two overlapping findings with the same id from rules of different priority
    ("termer" and LanguageTool's "first-termer", "cale" and its "revenues cale").
    A finding about a whole sentence or headline (its length, its case) says nothing about
    a word inside it, so both stay (see :func:`_same_words`).
    ``by_finding`` gives the priority of the rule that made each finding (by ``id()``)."""
    word_level = [f for f in findings if f.rule.split(".", 1)[0] not in ("structure", "facts", "copylint")]
    if len(word_level) < 2:
        return findings
    by_finding = by_finding or {}

    def prio(f: Finding) -> int:
        return by_finding.get(id(f), priorities.get(f.rule, 50))

    word_level.sort(key=lambda f: (f.start_offset, f.end_offset))
    dropped: set[int] = set()
    n = len(word_level)
    for i, a in enumerate(word_level):
        # by index: a slice per finding copied the rest of the list each time, quadratic
        # in the findings of a long line (100,000 unclosed brackets took 40 s)
        for j in range(i + 1, n):
            b = word_level[j]
            if b.start_offset >= a.end_offset:
                break
            pa, pb = prio(a), prio(b)
            if a.rule == b.rule and (pa != pb or (a.start_offset, a.end_offset) == (b.start_offset, b.end_offset)):
                dropped.add(id(b) if pa >= pb else id(a))  # two engines on one slip
                continue
            fa, fb = a.rule.split(".", 1)[0], b.rule.split(".", 1)[0]
            if fa == fb:
                continue  # one family's rules say different things about the same words
            if pa != pb and (_same_words(a, b) or _same_correction(a, b)):
                dropped.add(id(b) if pa > pb else id(a))
    return [f for f in findings if id(f) not in dropped]


def _same_correction(a: Finding, b: Finding) -> bool:
    """One span inside the other, and the same correction made: LanguageTool's "pubic" ->
    "public" inside the house rule's "pubic health" -> "public health", its "tow" -> "toe"
    inside "tow the line" -> "toe the line". Half the words are not shared, yet it is one
    slip told twice."""
    outer, inner = (a, b) if a.end_offset - a.start_offset >= b.end_offset - b.start_offset else (b, a)
    if not (outer.suggestions and inner.suggestions and
            outer.start_offset <= inner.start_offset and inner.end_offset <= outer.end_offset):
        return False
    at = inner.start_offset - outer.start_offset
    head, tail = outer.matched[:at], outer.matched[at + len(inner.matched):]
    if outer.matched[at:at + len(inner.matched)] != inner.matched:
        return False  # markup inside the span: the offsets do not carry over to the source
    wanted = {s.lower() for s in outer.suggestions}
    return any((head + s + tail).lower() in wanted for s in inner.suggestions)


def _same_words(a: Finding, b: Finding) -> bool:
    """Two overlapping spans flag the same words when they share at least half of the
    longer one: "Kiev" and "Kiev", "a goverment" and "goverment"; not a 60-word sentence
    and the typo in it."""
    shared = min(a.end_offset, b.end_offset) - max(a.start_offset, b.start_offset)
    return 2 * shared >= max(a.end_offset - a.start_offset, b.end_offset - b.start_offset)


# --------------------------------------------------------------------------- one document


def check_document(doc: Document, rules: list[Rule], settings: Settings, ruleset: RuleSet | None = None,
                   resources: dict[str, Any] | None = None) -> tuple[list[Finding], dict[str, Any]]:
    """Run per-file rules and collect corpus facts. Returns (findings, facts by corpus rule id)."""
    index = RegionIndex(doc.regions)
    quotes = None
    notes = None  # correction and update notes, found when a rule asks
    suppress = Suppressions.build(doc, index)
    findings: list[Finding] = []
    facts: dict[str, Any] = {}
    priorities: dict[str, int] = {}
    made_by: dict[int, int] = {}  # priority of the rule behind each finding, by id()
    resources = resources if resources is not None else {}
    selected: dict[str, bool] = {}  # is_selected per emitted id, asked once per article

    for rid, message, s, e in doc.notices:
        if reader_notice_selected(rid, settings):
            severity = _notice_severity(rid, settings)
            findings.append(finding_from_span(doc, rid, severity, message, s, e))

    for rule in rules:
        options, region_skips = _prepared(rule, settings)
        ctx = RuleContext(rule, options, settings, resources, suppress)
        if rule.collect is not None:
            facts[rule.id] = rule.collect(doc, ctx)
        if rule.check is None:
            continue
        for hit in rule.check(doc, ctx):
            rule_id = hit.rule or rule.id
            chosen = selected.get(rule_id)
            if chosen is None:
                chosen = selected[rule_id] = is_selected(rule_id, settings.select, settings.ignore)
            if not chosen:
                continue
            if rule.reads or region_skips:
                kinds = index.kinds_at(hit.start, hit.end)
                if rule.reads and not _kinds_match(kinds, rule.reads):
                    continue
                if region_skips and _kinds_match(kinds, region_skips):
                    continue
            if "note" in rule.skips:
                if notes is None:
                    notes = doc.notes()
                if notes and any(n.start <= hit.start and hit.end <= n.end for n in notes):
                    continue  # a correction note names the error on purpose
            if "quote" in rule.skips:
                if quotes is None:
                    from .text import QuoteIndex

                    quotes = QuoteIndex(doc.text, doc.headline_spans())
                if quotes.inside(hit.start, hit.end):
                    continue
            if suppress.suppressed(rule_id, hit.start, hit.end):
                continue
            if rule_id.startswith("typo.") and _sic_follows(doc, hit.end):
                continue
            finding = hit_to_finding(doc, rule, hit, settings)
            findings.append(finding)
            priorities[rule_id] = max(priorities.get(rule_id, 0), rule.priority)
            made_by[id(finding)] = rule.priority

    findings = resolve_overlaps(findings, priorities, made_by)
    findings.extend(_suppression_notices(doc, suppress, ruleset, settings))
    if (doc.directives or doc.file_disabled) and ruleset is not None and \
            is_selected(tool_notices.UNUSED_SUPPRESSION, settings.select, settings.ignore):
        findings.extend(_unused_suppressions(doc, suppress, ruleset, settings, rules, resources))
    return findings, facts


def _notice_severity(notice_id: str, settings: Settings) -> Severity:
    """A copylint.* notice's severity: its own, unless the config sets another."""
    return settings.severity_for(notice_id, tool_notices.SEVERITIES.get(notice_id, Severity.WARNING))


def reader_notice_selected(rule_id: str, settings: Settings) -> bool:
    """Whether a reader's notice (broken bytes, unread Markdown...) is reported. It says
    the file was not read as written, which matters whatever rules a run selected, so a
    select that names no copylint.* id does not leave it out; an ignore does (a desk
    whose archive has a few known broken bytes), and a select that does name copylint.*
    ids says which of them are wanted."""
    select = settings.select
    if not any(matches_prefix(p, "copylint") for p in select):
        select = [*select, "ALL"]
    return is_selected(rule_id, select, settings.ignore)


class RuleOptionError(Exception):
    pass


_OPTIONS_CACHE: dict[tuple[int, int], tuple[Settings, Rule, Any, tuple[str, ...]]] = {}
# a long-lived process (the language server, a CMS calling lint_text per article) meets new
# settings and rule sets for ever; the cache is emptied past this size, so it never holds
# on to them (it had kept every rule set alive: 18 GB after 31,000 configs in one process)
_OPTIONS_CACHE_SIZE = 1024


def _prepared(rule: Rule, settings: Settings) -> tuple[Any, tuple[str, ...]]:
    """The rule's options object for these settings and the region kinds it skips
    (quotes and notes aside, which are tested apart): worked out once per settings, as
    every article asks for them again. The cache keeps the rule and settings it was
    built for: an id can be reused once an object is gone (a rule set rebuilt), and
    another rule's options must never come back."""
    key = (id(rule), id(settings))
    cached = _OPTIONS_CACHE.get(key)
    if cached is None or cached[0] is not settings or cached[1] is not rule:
        try:
            options = rule.make_options(settings.options_for(rule.id))
        except (TypeError, ValueError) as exc:
            raise RuleOptionError(f"{settings.source or 'config'}: {exc}") from None
        region_skips = tuple(k for k in rule.skips if k not in ("quote", "note"))
        if len(_OPTIONS_CACHE) >= _OPTIONS_CACHE_SIZE:
            _OPTIONS_CACHE.clear()
        cached = _OPTIONS_CACHE[key] = (settings, rule, options, region_skips)
    return cached[2], cached[3]


def _suppression_notices(doc: Document, suppress: Suppressions, ruleset: RuleSet | None,
                         settings: Settings) -> list[Finding]:
    """``copylint.unknown-suppression`` for each name of a directive or of the front
    matter's list that is no rule, at the severity the config gives it, like any id, with
    the nearest id when one is close (a slip in a comment is as likely as in --select).
    The hint is in the message only: the finding spans the comment's opening, not the
    name, so a suggestion would read as a replacement for the wrong text."""
    out = []
    if ruleset is None or not is_selected(tool_notices.UNKNOWN_SUPPRESSION, settings.select, settings.ignore):
        return out
    severity = _notice_severity(tool_notices.UNKNOWN_SUPPRESSION, settings)
    for d in doc.directives:
        for rid in d.rules:
            if not ruleset.known(rid):
                s, e = _name_in_directive(doc, d, rid)
                out.append(finding_from_span(doc, tool_notices.UNKNOWN_SUPPRESSION, severity,
                                             f"suppression names an unknown rule {rid!r}{ruleset.hint(rid)}", s, e))
            elif matches_prefix(rid, "copylint"):
                s, e = _name_in_directive(doc, d, rid)
                out.append(finding_from_span(doc, tool_notices.UNKNOWN_SUPPRESSION, severity,
                                             f"suppression names {_own_notice(rid)}", s, e))
    if doc.file_disabled:
        from .readers.frontmatter import disable_entry_span

        for rid in doc.file_disabled:
            if not ruleset.known(rid):
                s, e = disable_entry_span(doc.source, rid) or (0, 0)
                out.append(finding_from_span(doc, tool_notices.UNKNOWN_SUPPRESSION, severity,
                                             f"front matter disables an unknown rule {rid!r}{ruleset.hint(rid)}", s, e))
            elif matches_prefix(rid, "copylint"):
                s, e = disable_entry_span(doc.source, rid) or (0, 0)
                out.append(finding_from_span(doc, tool_notices.UNKNOWN_SUPPRESSION, severity,
                                             f"front matter disables {_own_notice(rid)}", s, e))
    return out


def _own_notice(rid: str) -> str:
    """Why a suppression of a copylint.* id does nothing: the notices say the file was not
    read as written, so only the config or the command line leaves them out. Such a
    comment was neither unknown nor ever judged unused, so it did nothing without a word."""
    return (f"{rid!r}, copylint's own notice{'s' if rid == 'copylint' else ''}, which no suppression "
            f"reaches: leave {'them' if rid == 'copylint' else 'it'} out with `ignore:` in the config or --ignore {rid}")


def _name_in_directive(doc: Document, d, name: str) -> tuple[int, int]:
    """Where a directive's comment writes one of its rule names (the comment's opening
    when it cannot be found)."""
    from .readers.common import DIRECTIVE_RE, rule_name_at

    s = doc.lines.offset(d.line, d.column)
    m = DIRECTIVE_RE.match(doc.source, s)
    at = rule_name_at(doc.source, name, m.start(2), m.end(2)) if m is not None else None
    return at.span() if at is not None else (s, s + 4)


# --------------------------------------------------------------------------- unused suppressions


def _unused_suppressions(doc: Document, suppress: Suppressions, ruleset: RuleSet, settings: Settings,
                         rules: list[Rule], resources: dict[str, Any]) -> list[Finding]:
    """``copylint.unused-suppression``: each directive (and each name of the front matter's
    disable list) that suppressed no finding in this run, naming what it suppressed nothing
    for. Only a name this run could prove idle is named: see :func:`_provable`. A finding
    counts as suppressed when a directive stopped it, even one that overlap resolution would
    have dropped for another rule's finding on the same words: that rule may be off in
    another run, and the directive is then what keeps the finding out."""
    from .readers.common import DIRECTIVE_RE

    ran = {r.id for r in rules if _needs_met(r, resources)}
    provable: dict[str, bool] = {}

    def judged(name: str) -> bool:
        if name not in provable:
            provable[name] = _provable(name, ruleset, settings, ran)
        return provable[name]

    severity = _notice_severity(tool_notices.UNUSED_SUPPRESSION, settings)
    # a disable of what an earlier disable still holds changes nothing, whatever ran:
    # said in any run (a misspelt or copylint.* name is another matter)
    already: dict[int, list[str]] = {}
    for (dn, name), holder in suppress.redundant.items():
        if not name or (ruleset.known(name) and not matches_prefix(name, "copylint")):
            held = "all rules are" if not name else f"{name!r} is"
            already.setdefault(dn, []).append(f"{held} already disabled from line {doc.directives[holder].line}")
    out = []
    for n, d in enumerate(doc.directives):
        if d.action == "enable":
            continue  # ends a suppression; suppresses nothing itself
        parts = list(already.get(n, ()))
        if not d.rules:
            if not parts and ((n, "") in suppress.used or not judged("ALL")):
                continue
            if not parts:
                parts.append("no finding here to suppress")
        else:
            names = [r for r in dict.fromkeys(d.rules) if (n, r) not in suppress.used
                     and (n, r) not in suppress.redundant and judged(r)]
            if names:
                listed = ", ".join(repr(r) for r in names[:-1]) + (" or " if len(names) > 1 else "") + repr(names[-1])
                parts.append(f"no {listed} finding here to suppress")
            if not parts:
                continue
        # (wholly_unused_directive reads the idle names back from their quotes)
        message = "unused suppression: " + "; ".join(parts)
        s = doc.lines.offset(d.line, d.column)
        m = DIRECTIVE_RE.match(doc.source, s)
        out.append(finding_from_span(doc, tool_notices.UNUSED_SUPPRESSION, severity, message,
                                     s, m.end() if m else s + 4))
    if doc.file_disabled:
        from .readers.frontmatter import disable_entry_span

        for name in dict.fromkeys(doc.file_disabled):
            if name in suppress.file_used or not judged(name):
                continue
            s, e = disable_entry_span(doc.source, name) or (0, 0)
            out.append(finding_from_span(
                doc, tool_notices.UNUSED_SUPPRESSION, severity,
                f"unused suppression: no {name!r} finding in this file to suppress", s, e))
    return out


def wholly_unused_directive(finding: Finding) -> bool:
    """Whether a copylint.unused-suppression finding is about a whole suppression comment
    every name of which suppressed nothing, so that deleting the comment changes no
    finding (the language server offers to). The finding spans the comment and its
    message quotes each idle name (see :func:`_unused_suppressions`); a name it does not
    quote (used, unknown, or not judged by this run) keeps the comment. Front-matter
    entries span a name, not a comment, and are never whole."""
    from .readers.common import DIRECTIVE_RE, parse_directive

    if finding.rule != tool_notices.UNUSED_SUPPRESSION:
        return False
    m = DIRECTIVE_RE.fullmatch(finding.matched)
    if m is None:
        return False
    action, names = parse_directive(m)
    quoted = set(re.findall(r"'([^']*)'", finding.message))
    return action != "enable" and set(names) <= quoted


def closing_enables(doc: Document) -> dict[int, int]:
    """Source offset of a disable comment -> that of the enable that ends it and nothing
    else: the first enable after it to end any of its names, naming the same rules, with no
    other disable between the two and none of the disable's names already held. Deleting
    such a pair leaves every other suppression as it was, so the language server deletes
    an unused disable together with it; any other enable may end something else and stays."""
    if not any(d.action == "enable" for d in doc.directives):
        return {}
    suppress = Suppressions.build(doc, RegionIndex(doc.regions))
    partly_held = {dn for dn, _ in suppress.redundant}
    out = {}
    for n, d in enumerate(doc.directives):
        if d.action != "disable" or n in partly_held:
            continue
        for k in range(n + 1, len(doc.directives)):
            e = doc.directives[k]
            if e.action == "disable":
                break
            if n in suppress.ends.get(k, ()):
                if suppress.ends[k] == {n} and set(e.rules) == set(d.rules):
                    out[doc.lines.offset(d.line, d.column)] = doc.lines.offset(e.line, e.column)
                break
    return out


def _provable(name: str, ruleset: RuleSet, settings: Settings, ran: set[str]) -> bool:
    """Whether this run can tell that a suppression of ``name`` (a rule id, a prefix, or
    all rules) is idle: only when every id it covers was selected and every rule that
    could report one of them ran with what it needs. A story is checked by many runs
    (``--select typo`` on a desk, without LanguageTool on a laptop, with it in CI); a
    directive for what this run left out may be just what another run needs. Unknown
    names are reported as unknown instead, and the tool's own ``copylint.*`` notices are
    not suppressed by directives, so a name among them proves nothing either."""
    everything = name in ALL_NAMES
    if not ruleset.known(name) or matches_prefix(name, "copylint"):
        return False
    if not is_selected("ALL" if everything else name, settings.select, settings.ignore):
        return False
    for ignored in settings.ignore:  # something inside it is left out ("ignore: [typo.double-space]")
        if not matches_prefix(ignored, "copylint") and (everything or matches_prefix(ignored, name)):
            return False
    for r in ruleset.rules:
        if r.id in ran or (r.check is None and r.collect is None):
            continue  # ran; or a pack's rule, run (or not) by the pack's own rule
        if everything or matches_prefix(r.id, name) or (r.emits_prefix and matches_prefix(name, r.id)) \
                or any(matches_prefix(x, name) for x in r.also_emits):
            return False
    return True


def _needs_met(rule: Rule, resources: dict[str, Any]) -> bool:
    """Whether ``rule`` had what it needs in this process: a LanguageTool that answered
    every request so far (not off, not unavailable, not dead half-way), or a resource of
    the need's name for any other need."""
    for need in rule.needs:
        if need == "languagetool":
            if not resources.get("languagetool_url"):
                return False
            from .languagetool.client import answered

            if not answered(resources):
                return False
        elif need not in resources:
            return False
    return True
