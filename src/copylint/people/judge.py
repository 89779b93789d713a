"""Judging titled mentions against the article's date.

The claim a mention makes depends on its qualifier: a bare title says "holds it on the
article's date", "former" says "held it before", "then-"/"late" say "held it at the time
the sentence speaks of", "-elect" says "takes it up within months". A sentence that
names an earlier year ("In 2015, President Barack Obama ...") is judged in that year.

Without a date, the other titled people in the article give a window ("President
Volodymyr Zelenskyy" puts a story on or after 2019-05-20); with neither, only titles a
person never held are reported.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable

from ..text import sentences, single_quote_spans
from .finder import touches
from .kb import KnowledgeBase, Person, Position
from .mentions import Mention, find_mentions, in_capitals, patterns_for, readable_capitals

FAR = dt.date.max
_YEAR_RE = re.compile(r"(?<![\w$£€#/.-])(1[89]\d\d|20\d\d)(?![\w%/-]|\.\d)")
# a quotation in single quotes, as headlines write them; an apostrophe inside is passed over
# words that tie a sentence to the story's own time ("said on Tuesday", "now", "says")
_PRESENT_RE = re.compile(
    r"\b(?:says|is|are|has|have|will|wants|plans|tells|warns|urges|insists|vows|now|currently|"
    r"today|tonight|yesterday|this (?:week|month|morning|afternoon|evening|weekend)|last (?:week|night)|"
    r"(?:on |this |last |next )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_TIME_PHRASE_RE = re.compile(
    rf"\b(?:[Ii]n|[Dd]uring|[Bb]y|[Uu]ntil|[Bb]efore|[Ss]ince|[Oo]n)\s+(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{_MONTH}\s+(?:\d{{1,2}},?\s+)?)?(?:the\s+)?(?:1[89]\d\d|20\d\d)s?\b")
_DECADE_RE = re.compile(r"\b(?:the|in|during|of)\s+(1[89]\d0|20\d0)s\b")
_VAGUE_RE = re.compile(
    r"\b(?:at the time|back then|years ago|decades? ago|a decade ago|in the past|previously|"
    r"once|was (?:then|once)|when (?:he|she|they) (?:was|were|served)|while (?:he|she|they) (?:was|were|served)|"
    r"during (?:his|her|their) (?:term|tenure|presidency|premiership|time|years)|"
    r"(?:his|her|their) (?:term|tenure|presidency|premiership|time) as|served as|who (?:was|had been)|"
    r"in (?:his|her|their) (?:role|capacity|days) as|at that time|then|memoir|biography|history|historian|"
    r"anniversary|archive|archives|flashback|throwback|remember(?:s|ed|ing)?|recall(?:s|ed|ing)?|"
    r"(?:his|her|their) (?:first|second|third|final|last|early) (?:terms?|cabinets?|years?|months|days))\b",
    re.I)
# a period named after someone: "during the Obama administration", "into Obama's presidency",
# "under the Reagan White House" (capitals matter: a name, not "during the administration")
_ERA_NOUNS = r"(?:administration|presidency|premiership|government|cabinet|Cabinet|era|years|tenure|reign|White House)"
_NAMED_ERA_RE = re.compile(
    rf"\b(?:[Dd]uring|[Uu]nder|[Tt]hroughout|[Ii]nto)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){{0,3}}"
    rf"[A-Z][\w.-]*(?:['’]s)?\s+(?:(?:first|second|final|last|early|late)\s+)?{_ERA_NOUNS}\b")
# right after a name: "President Bush's administration" speaks of his time in office
_POSSESSIVE_ERA_RE = re.compile(rf"['’]s\s+(?:(?:first|second|final|last|early|late)\s+)?(?:term\b|{_ERA_NOUNS}\b)")


@dataclass
class Options:
    grace_days: int = 3
    history_years: int = 20
    elect_days: int = 80


@dataclass
class Verdict:
    mention: Mention
    rule: str  # "facts.title-date" | "facts.title-never-held" | "" (fine) | "?" (cannot tell)
    person: Person | None
    message: str = ""
    suggestions: tuple[str, ...] = ()
    replacement: str | None = None
    replace_span: tuple[int, int] | None = None


@dataclass
class Analysis:
    date: dt.date | None
    window: "Window | None"  # inferred when the article has no date
    verdicts: list[Verdict] = field(default_factory=list)
    inconsistent: list[tuple[Mention, Mention, Person]] = field(default_factory=list)
    mentions: list[tuple[Mention, str]] = field(default_factory=list)  # with their block's kind


# --------------------------------------------------------------------------- helpers


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def fmt_terms(positions: list[Position]) -> str:
    parts = []
    for i, p in enumerate(positions):
        again = "again " if i and p.end is None else ""
        if p.end is None:
            parts.append(f"{again}since {p.start.isoformat()}")
        else:
            parts.append(f"from {p.start.isoformat()} to {p.end.isoformat()}")
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def held_clause(name: str, office: str, pos: list[Position], only: bool = False) -> str:
    """"Joe Biden was US Vice President from 2009-01-20 to 2017-01-20", "Volodymyr
    Zelenskyy has been Ukrainian President since 2019-05-20"."""
    verb = "has been" if len(pos) == 1 and pos[0].end is None else "was"
    return f"{name} {verb} {office} {'only ' if only and verb == 'was' else ''}{fmt_terms(pos)}"


def _span(p: Position, grace: int) -> tuple[dt.date, dt.date]:
    """[start, end) widened by the grace days; an open term reaches the far future."""
    s = p.start - _days(grace) if p.start > dt.date.min + _days(grace) else p.start
    e = FAR if p.end is None else p.end + _days(grace)
    return s, e


def held_on(positions: list[Position], day: dt.date, grace: int) -> bool | None:
    """True if one of the terms covers ``day`` (within the grace days), None if only an
    open term could, after the date its source was last checked."""
    unknown = False
    for p in positions:
        s, e = _span(p, grace)
        if s <= day < e:
            if p.end is None and p.as_of is not None and day > p.as_of + _days(grace):
                unknown = True
                continue
            return True
    return None if unknown else False


def held_during(positions: list[Position], a: dt.date, b: dt.date, grace: int) -> bool:
    """Some term overlaps [a, b]."""
    for p in positions:
        s, e = _span(p, grace)
        if s <= b and a < e:
            return True
    return False


def matching(kb: KnowledgeBase, person: Person, m: Mention) -> list[Position]:
    return [p for p in person.positions if p.family == m.family and (m.places is None or p.place in m.places)]




def _surname(person: Person) -> str:
    return person.surname




# --------------------------------------------------------------------------- anchors


@dataclass
class Anchor:
    years: list[int]  # explicit earlier years in the sentence
    decades: list[int]
    vague: bool  # "at the time", "years ago": some earlier time we cannot date
    leading: bool = False  # a time phrase ("In 2015,") before the mention: strong enough to report

    def label(self) -> str:
        if self.years:
            return "in " + " or ".join(str(y) for y in self.years)
        if self.decades:
            return "in the " + " or ".join(f"{d}s" for d in self.decades)
        return "then"


def sentence_anchor(text: str, start: int, end: int, sentence: tuple[int, int], date: dt.date | None) -> Anchor | None:
    s, e = sentence
    chunk = text[s:e]
    years = []
    for m in _YEAR_RE.finditer(chunk):
        y = int(m.group(1))
        if date is None or y <= date.year:
            years.append(y)
    decades = [int(m.group(1)) for m in _DECADE_RE.finditer(chunk)]
    if date is not None:
        # a year equal to the article's own year anchors nothing new
        years = [y for y in years if y < date.year] or ([] if not years else [])
        decades = [d for d in decades if d + 9 < date.year]
    around = text[s:start] + " " + text[end:e]  # the mention's own "then-" is no anchor of it
    vague = bool(_VAGUE_RE.search(around) or _NAMED_ERA_RE.search(around))
    # "In 2015, President ..." / "in March 2015 President ...": a time phrase before the
    # mention. A year elsewhere ("the 1972 treaty", "a 1978 law") only excuses a title.
    leading = any(m.end() <= start and (m.start() - s <= 12 or start - m.end() <= 3)
                  for m in _TIME_PHRASE_RE.finditer(text, s, start))
    if re.search(r"\b(?:during|under)\s+$", text[max(s, start - 10):start]):
        vague = True  # "during President Nixon's first term", "under President Obama"
    if years or decades or vague:
        return Anchor(sorted(set(years)), sorted(set(decades)), vague, leading)
    return None


def attach_years(text: str, mentions: list[Mention], anchors: dict[int, Anchor | None],
                 sentence_of: dict[int, tuple[int, int]]) -> None:
    """With several titled people in a sentence, a year belongs to the nearest one
    ("appointed in 1979 by President Carter, ... by President Reagan"), unless it opens
    the sentence ("In 2015, President Obama met Vice President Biden"), when it governs all."""
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        if id(m) in sentence_of:
            by_sentence.setdefault(sentence_of[id(m)], []).append(m)
    for (s, e), group in by_sentence.items():
        if len(group) < 2:
            continue
        years = [(y.start(), int(y.group(1))) for y in _YEAR_RE.finditer(text, s, e)]
        if not years:
            continue
        opening = [y for pos, y in years if pos < min(m.start for m in group) and pos - s < 30]
        own: dict[int, list[int]] = {id(m): list(opening) for m in group}
        for pos, y in years:
            if y in opening:
                continue
            nearest = min(group, key=lambda m: min(abs(pos - m.start), abs(pos - m.end)))
            own[id(nearest)].append(y)
        for m in group:
            a = anchors.get(id(m))
            if a is None or not a.years:
                continue
            kept = sorted(set(y for y in a.years if y in own[id(m)]))
            if kept:
                a2 = Anchor(kept, a.decades, a.vague, a.leading and bool(set(opening) & set(kept)))
            elif a.decades or a.vague:
                a2 = Anchor([], a.decades, a.vague, False)
            else:
                a2 = None
            anchors[id(m)] = a2


# --------------------------------------------------------------------------- analysis


def analyse(kb: KnowledgeBase, text: str, blocks: Iterable[tuple[int, int, str]], date: dt.date | None,
            options: Options) -> Analysis:
    mentions: list[tuple[Mention, str]] = []
    style_only: list[tuple[Mention, str]] = []
    anchors: dict[int, Anchor | None] = {}
    sentence_of: dict[int, tuple[int, int]] = {}
    spans = patterns_for(kb).titles.spans(text)
    if not spans:
        return Analysis(date=date, window=None)  # no title, no mention: most articles stop here
    ends = [e for _, e in spans]
    article = text  # a headline in capitals is read from a copy in Title Case (same offsets)
    for bs, be, kind in blocks:
        if not touches(spans, ends, bs, be):
            continue  # no title, no mention: most paragraphs stop here
        headline = kind in ("headline", "heading", "title")
        capitals = headline and in_capitals(article, bs, be)
        text = readable_capitals(kb, article, bs, be) if capitals else article
        found = find_mentions(kb, text, bs, be, headline=headline)
        if not found:
            continue
        sents = list(sentences(text, bs, be)) if kind != "headline" else [(bs, be)]
        quoted = single_quote_spans(text, bs, be)
        quote_starts = [qs for qs, _ in quoted]
        sent_starts = [ss for ss, _ in sents]
        for m in found:
            if capitals:
                m.notes.append("capitals")  # a fix is written in capitals too
            q = bisect.bisect_right(quote_starts, m.start) - 1  # the last quotation opened before it
            if q >= 0 and m.end <= quoted[q][1]:
                continue  # 'President Trump is wrong': someone's words (double quotes: the engine)
            if "style-only" in m.notes:
                style_only.append((m, kind))  # for style.title-capitals, not judged here
                continue
            mentions.append((m, kind))
            k = bisect.bisect_right(sent_starts, m.start) - 1
            sent = sents[k] if k >= 0 and m.start < sents[k][1] else (bs, be)
            anchors[id(m)] = sentence_anchor(text, m.start, m.end, sent, date) if kind != "headline" else None
            sentence_of[id(m)] = sent
            if kind == "headline" or _PRESENT_RE.search(text, sent[0], sent[1]):
                m.notes.append("present")
            if (re.match(r"['’]s\b", text[m.name_end:m.name_end + 2])
                    or re.search(r"\b(?:of|during|under|to|for)\s+(?:the\s+)?$", text[max(bs, m.start - 16):m.start])):
                m.notes.append("era")  # a time named after the person, or a role under them
            if _POSSESSIVE_ERA_RE.match(text, m.name_end):
                m.notes.append("their-era")  # "President Bush's administration": said of that time
    text = article
    attach_years(text, [m for m, _ in mentions], anchors, sentence_of)
    analysis = Analysis(date=date, window=None,
                        mentions=sorted(mentions + style_only, key=lambda item: item[0].start))
    window = infer_window(kb, [m for m, _ in mentions], anchors, options) if date is None else None
    analysis.window = window
    for m, kind in mentions:
        analysis.verdicts.append(judge(kb, m, date, window, anchors.get(id(m)), options, kind))
    analysis.inconsistent = find_inconsistent(kb, analysis, anchors, options)
    return analysis


def _claims_current(m: Mention, anchor: Anchor | None) -> bool:
    return m.qualifier in ("current",) and anchor is None


def _person_of(kb: KnowledgeBase, m: Mention) -> list[tuple[Person, list[Position]]]:
    out = []
    for person in m.people:
        pos = matching(kb, person, m)
        if pos:
            out.append((person, pos))
    return out


@dataclass
class Window:
    """Claims of current titles in an undated article, and the date segments most of the
    people named agree on (ties: the latest, and earlier ones the same people make, the
    latest first): "Russian President Vladimir Putin" alone fits his terms before 2008 and
    since 2012 alike."""

    claims: dict[tuple, tuple[Mention, Person, list[tuple[dt.date, dt.date]]]]
    segments: list[tuple[tuple[dt.date, dt.date], list[tuple]]]  # (segment, the claims covering it)

    def evidence_for(self, person: Person) -> tuple[list[tuple[dt.date, dt.date]], list[Mention]]:
        """The windows the *other* people's titles give, one per best segment (the latest
        first), and their mentions in the latest."""
        windows, evidence = [], []
        for (a, b), covering in self.segments:
            lo, hi, used = dt.date.min, FAR, []
            for key in covering:
                m, p, spans = self.claims[key]
                if p.id == person.id:
                    continue
                for s, e in spans:
                    if s <= a and b <= e:
                        lo, hi = max(lo, s), min(hi, e)
                used.append(m)
            if used and (lo, hi) not in windows:
                windows.append((lo, hi))
                evidence = evidence or used
        return windows, evidence


def infer_window(kb: KnowledgeBase, mentions: list[Mention], anchors: dict[int, Anchor | None],
                 options: Options) -> Window | None:
    claims: dict[tuple, tuple[Mention, Person, list[tuple[dt.date, dt.date]]]] = {}
    for m in mentions:
        if not _claims_current(m, anchors.get(id(m))):
            continue
        cands = _person_of(kb, m)
        if len(cands) != 1:
            continue  # an ambiguous surname tells us nothing reliable
        person, pos = cands[0]
        key = (person.id, m.family)
        if key not in claims:
            claims[key] = (m, person, [_span(p, 0) for p in pos])
    if not claims:
        return None
    points = sorted({d for _, _, spans in claims.values() for s, e in spans for d in (s, e)})
    best, best_score = [], 0
    for i in range(len(points) - 1):
        a, b = points[i], points[i + 1]
        covering = [k for k, (_, _, spans) in claims.items() if any(s <= a and b <= e for s, e in spans)]
        score = len({k[0] for k in covering})
        if covering and score >= best_score:
            best = [] if score > best_score else best
            best.append(((a, b), covering))
            best_score = score
    if not best:
        return None
    # the latest segment, and earlier ones only when the same people make them: one
    # person's other term ("President Putin", 2000-08 or since 2012), not another claim
    # that conflicts with it (then the article is taken to be recent)
    best.reverse()
    people = {k[0] for k in best[0][1]}
    return Window(claims, [seg for seg in best if {k[0] for k in seg[1]} == people])


def _window_label(windows: list[tuple[dt.date, dt.date]], evidence: list[Mention]) -> str:
    """"the article has no date; President Vladimir Putin puts it between 2000-05-07 and
    2008-05-07 or on or after 2012-05-07" (the earliest window first)."""
    def when(lo: dt.date, hi: dt.date) -> str:
        if hi >= FAR - _days(1):
            return f"on or after {lo.isoformat()}"
        return f"between {lo.isoformat()} and {hi.isoformat()}"

    who = ", ".join(f"{m.title_text} {m.name_text}" for m in evidence[:2])
    verb = "puts" if len(evidence[:2]) == 1 else "put"
    return f"the article has no date; {who} {verb} it {' or '.join(when(*w) for w in sorted(windows))}"


def judge(kb: KnowledgeBase, m: Mention, date: dt.date | None, window: "Window | None",
          anchor: Anchor | None, options: Options, kind: str) -> Verdict:
    if m.qualifier == "skip":
        return Verdict(m, "", None)
    cands = _person_of(kb, m)
    if not cands:
        if m.surname_only:
            return Verdict(m, "", None)  # someone else with that surname
        return _never_held(kb, m)
    verdicts = []
    for person, pos in cands:
        v = _judge_one(kb, m, person, pos, date, window, anchor, options, kind)
        if v.rule == "":
            return v
        verdicts.append(v)
    flagged = [v for v in verdicts if v.rule == "facts.title-date"]
    if flagged and len(flagged) == len(verdicts):
        return flagged[0]
    return Verdict(m, "?", cands[0][0])


def _never_held(kb: KnowledgeBase, m: Mention) -> Verdict:
    for person in m.people:
        tracked = m.family in person.tracks
        same_family = [p for p in person.positions if p.family == m.family]
        if not tracked and not (m.places and same_family):
            return Verdict(m, "?", person)  # the base may not list this office for them
    person = m.people[0]
    same_family = [p for p in person.positions if p.family == m.family]
    where = ""
    if m.places:
        where = " of " + " or ".join(kb.places[c].name for c in m.places if c in kb.places and not kb.places[c].within) \
            if any(not kb.places[c].within for c in m.places) else ""
    held = "; ".join(f"{kb.office_label(p)} {fmt_terms([p])}" for p in person.positions[:4])
    message = f"{person.name} has never been {_display_title(m)}{where} as far as the people base knows"
    if same_family:
        message += f" (the base has {held})"
    elif held:
        message += f"; the base has {held}"
    suggestions = tuple(dict.fromkeys(kb.office_label(p) for p in person.positions))[:3]
    return Verdict(m, "facts.title-never-held", person, message, suggestions)


def _display_title(m: Mention) -> str:
    title = re.sub(r"\s+", " ", m.title_text)
    for suf in ("-elect", "-Elect"):
        if title.endswith(suf):
            title = title[: -len(suf)]
    return title[:1].upper() + title[1:] if title[:1].islower() else title


def _judge_one(kb: KnowledgeBase, m: Mention, person: Person, pos: list[Position], date: dt.date | None,
               window: "Window | None", anchor: Anchor | None, options: Options, kind: str = "paragraph") -> Verdict:
    g = options.grace_days
    office = f"{kb.office_label(pos[0])}" if len({(p.place, p.title) for p in pos}) == 1 else _display_title(m)
    qual = m.qualifier
    if qual in ("skip",):
        return Verdict(m, "?", person)

    # 1. a sentence that names earlier years is judged in those years
    if anchor is not None and (anchor.years or anchor.decades) and qual in ("current", "then"):
        cap = date or FAR
        spans = [(dt.date(y, 1, 1), min(dt.date(y, 12, 31), cap)) for y in anchor.years]
        spans += [(dt.date(d, 1, 1), min(dt.date(d + 9, 12, 31), cap)) for d in anchor.decades]
        if any(held_during(pos, a, b, g) for a, b in spans):
            return Verdict(m, "", person)
        latest = max(b for _, b in spans)
        # only "not yet" is reported, only after a time phrase that comes first ("In
        # 2015, President Biden"), and with a year of slack: "elected in 2010" names the
        # year before the term
        if anchor.leading and all(p.start > latest + _days(366) for p in pos):
            msg = (f"{held_clause(person.name, office, pos)}; {anchor.label()} "
                   f"{_surname(person)} {_now_text(kb, person, latest, pos, m)}")
            return _flag(kb, m, person, pos, msg, latest, options, past=False)
        return Verdict(m, "?", person)
    if anchor is not None and qual == "current":
        qual = "then"  # "at the time", "years ago": some earlier time we cannot date

    # 2. no date: the window the other titled people give
    if date is None:
        if window is None:
            return Verdict(m, "?", person)
        windows, evidence = window.evidence_for(person)
        if not windows:
            return Verdict(m, "?", person)
        lo, hi = windows[0]
        label = _window_label(windows, evidence)
        if qual == "current":
            if any(held_during(pos, a, b - _days(1), g) or _historical(pos, a, options) or _kept(kb, person, pos, a, b)
                   for a, b in windows):
                return Verdict(m, "", person)
            if kind != "headline" and not anchor_present(m) and not _other_title(person, pos, lo, hi):
                return Verdict(m, "?", person)  # maybe a historical reference
            msg = f"{label}; {held_clause(person.name, office, pos, only=True)}"
            return _flag(kb, m, person, pos, msg, None, options)
        # "former", "then-", "at the time": some earlier time the window cannot pin down
        return Verdict(m, "?", person)

    # 3. the article's date
    when = f"on {date.isoformat()}"
    if qual == "current":
        state = held_on(pos, date, g)
        if state is not False or _historical(pos, date, options) or _kept(kb, person, pos, date, date):
            return Verdict(m, "", person)
        if "their-era" in m.notes and all(p.start <= date for p in pos):
            return Verdict(m, "", person)  # the title they held in the time named after them
        if (kind != "headline" and "era" in m.notes and not anchor_present(m)
                and not _other_title(person, pos, date, date)):
            return Verdict(m, "?", person)  # "President Nixon's Council", "the troubles of President Carter"
        msg = f"{held_clause(person.name, office, pos)}; {when} {_surname(person)} {_now_text(kb, person, date, pos, m)}"
        return _flag(kb, m, person, pos, msg, date, options)
    if qual == "past":
        if all(p.start > date + _days(g) for p in pos):
            msg = f"'{m.qual_text}' {_display_title(m)}: {held_clause(person.name, office, pos)}; {when} that had not happened yet"
            return Verdict(m, "facts.title-date", person, msg)
        if held_on(pos, date - _days(g), 0) and held_on(pos, date + _days(g), 0):
            msg = (f"'{m.qual_text}' is out of date: {held_clause(person.name, office, pos)}, "
                   f"so {when} {_surname(person)} held the title")
            title = m.title_text
            return Verdict(m, "facts.title-date", person, msg, (title,), title, (m.qual_start, m.title_end))
        now = _office_now(kb, person, pos, date, g)
        if now is not None and anchor is None and anchor_present(m):
            # "Former Vice President Joe Biden said on Tuesday" (2022): true, but he was President
            new = _title_like(kb, now, m)
            msg = (f"'{m.qual_text} {_display_title(m)}' in a sentence of the story's own time: "
                   f"{when} {_surname(person)} was {kb.office_label(now)}")
            return Verdict(m, "facts.title-date", person, msg, (new,), new, (m.qual_start, m.title_end))
        return Verdict(m, "", person)
    if qual == "then":
        if (m.qualifier == "then" and anchor is None and anchor_present(m) and kind != "headline"
                and held_on(pos, date - _days(g), 0) and held_on(pos, date + _days(g), 0)):
            # "Then-President Joe Biden said on Tuesday" (2022): no earlier time, and he still was
            msg = (f"'{m.qual_text}' in a sentence of the story's own time: {held_clause(person.name, office, pos)}, "
                   f"so {when} {_surname(person)} still held the title")
            title = m.title_text
            return Verdict(m, "facts.title-date", person, msg, (title,), title, (m.qual_start, m.title_end))
        if any(p.start <= date + _days(g) for p in pos):
            return Verdict(m, "", person)
        msg = f"{held_clause(person.name, office, pos)}; {when} that had not happened yet"
        return Verdict(m, "facts.title-date", person, msg)
    if qual == "elect":
        word = f"'{m.qual_text or '-elect'}'"  # as written: "-elect", "Incoming", "soon-to-be"
        soon = [p for p in pos if date - _days(g) <= p.start <= date + _days(options.elect_days)]
        if soon:
            return Verdict(m, "", person)
        started = [p for p in pos if p.start < date - _days(g) and held_on([p], date, g) is not False]
        if started:
            p = started[-1]
            msg = f"{person.name} took office as {office} on {p.start.isoformat()}; {when} {word} is out of date"
            title = _display_title(m)
            title = title if m.title_text[:1].isupper() else title.lower()
            # a qualifier before the title goes with it: "Incoming President" -> "President"
            span = (m.qual_start, m.title_end) if m.qual_text else (m.title_start, m.title_end)
            return Verdict(m, "facts.title-date", person, msg, (title,), title, span)
        known = max((p.known_until for p in pos if p.known_until is not None), default=None)
        if known is not None and date + _days(options.elect_days) <= known:
            # the sources know the terms that began up to then: none was about to
            later = [p.start for p in pos if p.start > date]
            if later and (min(later) - date).days <= 366:
                begins = min(later)
                msg = (f"{held_clause(person.name, office, pos)}; {when} the term from {begins.isoformat()} was "
                       f"{(begins - date).days} days away, and {word} is used only in the "
                       f"{options.elect_days} days before a term begins (elect-days): the election may not have "
                       f"been held yet")
            else:
                msg = f"{held_clause(person.name, office, pos)}; {when} no term of theirs was about to begin, so {word} is wrong"
            return Verdict(m, "facts.title-date", person, msg)
        return Verdict(m, "?", person)
    return Verdict(m, "?", person)


def _historical(pos: list[Position], day: dt.date, options: Options) -> bool:
    """Every term ended long before ``day``: "President Lincoln" is history, not a slip."""
    if any(p.end is None or p.end > day for p in pos):
        return False
    last_end = max(p.end for p in pos if p.end is not None)
    return (day - last_end).days > options.history_years * 365.25


def _office_now(kb: KnowledgeBase, person: Person, pos: list[Position], day: dt.date, grace: int) -> Position | None:
    """The one higher tracked office of the same country or body the person holds all
    around ``day``: "former Vice President" Biden was President. Which office is higher
    is each family's ``rank`` in titles.yaml: a former lower office is no way to name the
    holder of a higher one, while "former Prime Minister David Cameron" as Foreign
    Secretary is fine."""
    places = {p.place for p in pos}
    rank = kb.families[pos[0].family].rank
    now = [p for p in person.positions
           if kb.families[p.family].rank > rank and p.place in places and kb.families[p.family].tracked
           and held_on([p], day - _days(grace), 0) and held_on([p], day + _days(grace), 0)]
    return now[0] if len(now) == 1 else None


def _kept(kb: KnowledgeBase, person: Person, pos: list[Position], lo: dt.date, hi: dt.date) -> bool:
    """A title the holder keeps after the term ("Queen Elizabeth II" after her reign), and
    no other title taken since ("Prince Charles" as King is stale)."""
    return (kb.families[pos[0].family].kept and any(p.start <= hi for p in pos)
            and not _other_title(person, pos, lo, hi))


def _other_title(person: Person, pos: list[Position], lo: dt.date, hi: dt.date) -> bool:
    """The person held another title of a tracked kind then ("Vice President Biden" when
    he was President): a stale title, never a historical reference."""
    for p in person.positions:
        if p in pos:
            continue
        if p.start <= hi and (p.end is None or p.end > lo):
            return True
    return False


def anchor_present(m: Mention) -> bool:
    return "present" in m.notes




def _now_text(kb: KnowledgeBase, person: Person, day: dt.date, pos: list[Position], m: Mention) -> str:
    now = [p for p in person.positions if held_on([p], day, 0)]
    if now:
        return "was " + " and ".join(kb.office_label(p) for p in now)
    title = pos[0].title if len({p.title for p in pos}) == 1 else _display_title(m)
    if all(p.start > day for p in pos):
        return f"was not yet {title}"
    return f"was no longer {title}"


def _flag(kb: KnowledgeBase, m: Mention, person: Person, pos: list[Position], message: str,
          day: dt.date | None, options: Options, past: bool = True) -> Verdict:
    """A title-date verdict with suggestions. The fix (one answer only) is the title held
    on the day when it is a major office or the same kind of seat ("Sen." -> "Rep."),
    else "former <title>" when every term is over; where both fit ("Speaker Pelosi" in
    2023: former Speaker, or Rep.) both are suggested and nothing is fixed."""
    suggestions: list[str] = []
    replacement = None
    span = (m.core_start, m.title_end)
    original = _source_text(m)
    former = _former(m, original)
    can_be_former = (past and m.qualifier == "current" and m.family not in _NO_FORMER
                     and day is not None and any(p.end is not None and p.end <= day for p in pos))
    if day is not None:
        held = [p for p in person.positions if held_on([p], day, 0)]
        now = [p for p in held if kb.families[p.family].tracked] or held
        same_place = [p for p in now if m.places is None or p.place in m.places]
        if len(now) == 1 and same_place:
            new = _title_like(kb, now[0], m)
            clear = (kb.families[now[0].family].tracked or m.family in _NO_FORMER
                     or {m.family, now[0].family} <= _SEATS)
            if clear or not can_be_former:
                suggestions.append(new)
                replacement = new
                span = (m.title_start, m.title_end)
            else:
                suggestions += [former, new]
        elif not now and can_be_former:
            suggestions.append(former)
            replacement = former
    elif all(p.end is not None for p in pos) and m.qualifier == "current":
        suggestions.append(_former(m, original))
    return Verdict(m, "facts.title-date", person, message, tuple(suggestions), replacement,
                   span if replacement is not None else None)


_SEATS = {"senator", "representative"}


def _former(m: Mention, original: str) -> str:
    """"former" before the title, after a possessive place: "Britain's former Prime
    Minister", never "Former Britain's Prime Minister"."""
    place = original[: max(0, m.title_start - m.core_start)]
    if re.search(r"['’]s\s+$", place):
        return place + "former " + original[len(place):]
    capital = original[:1].isupper() and m.pattern == "prefix" and _at_start(m)
    return ("Former " if capital else "former ") + original


def _title_like(kb: KnowledgeBase, pos: Position, m: Mention) -> str:
    """The new title in the style of the old: "Sen." -> "Rep.", lower case kept."""
    new = pos.title
    if m.title_text.endswith("."):
        new = next((f for f in kb.families[pos.family].forms if f.endswith(".")), new)
    return new.lower() if m.lower_title else new


_NO_FORMER = ("king", "prince", "crown prince")  # "former Prince" is not how copy puts it


def _source_text(m: Mention) -> str:
    return m.core_text


def _at_start(m: Mention) -> bool:
    return "sentence-start" in m.notes


# --------------------------------------------------------------------------- inconsistency


def find_inconsistent(kb: KnowledgeBase, analysis: Analysis, anchors, options: Options) -> list[tuple[Mention, Mention, Person]]:
    """One person given two current titles that they never held at the same time."""
    by_person: dict[str, list[tuple[Mention, list[Position]]]] = {}
    people: dict[str, Person] = {}
    for v in analysis.verdicts:
        m = v.mention
        if v.rule not in ("", "?") or not _claims_current(m, anchors.get(id(m))):
            continue
        cands = _person_of(kb, m)
        if len(cands) != 1:
            continue
        person, pos = cands[0]
        people[person.id] = person
        by_person.setdefault(person.id, []).append((m, pos))
    out = []
    for pid, items in by_person.items():
        first_m, first_pos = items[0]
        for m, pos in items[1:]:
            if m.family == first_m.family:
                continue
            together = any(held_during([a], max(a.start, b.start), max(a.start, b.start), 0)
                           and held_during([b], max(a.start, b.start), max(a.start, b.start), 0)
                           for a in first_pos for b in pos)
            if not together:
                out.append((m, first_m, people[pid]))
    out += _surname_clashes(kb, analysis, anchors, by_person)
    out.sort(key=lambda item: item[0].start)
    return out


def _surname_clashes(kb: KnowledgeBase, analysis: Analysis, anchors,
                     by_person: dict[str, list[tuple[Mention, list[Position]]]]) -> list[tuple[Mention, Mention, Person]]:
    """"President Zelensky ... Vice President Zelensky": a bare surname may be anyone's, so
    a title its people never held is no error by itself; but where the story names one of
    them with a title they hold, the surname is theirs, and a title the base lists
    completely for them (their ``tracks``) and never gives them is one of two that clash.
    A surname the base gives several people ("Lee") is common enough to be a third's."""
    out = []
    for v in analysis.verdicts:
        m = v.mention
        if not m.surname_only or v.person is not None or not _claims_current(m, anchors.get(id(m))):
            continue
        if len(m.people) != 1 or m.people[0].id not in by_person:
            continue
        person = m.people[0]
        if m.family not in person.tracks or matching(kb, person, m):
            continue
        if m.places and not {p.place for p in person.positions} & set(m.places):
            continue  # "Singapore's Prime Minister Lee": another Lee
        out.append((m, by_person[person.id][0][0], person))
    return out
