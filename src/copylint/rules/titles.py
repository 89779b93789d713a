"""Titles checked against the article's date: "Vice President Joe Biden" in a story of
2022 is wrong (he was President then). Three rules share one analysis per article; the
facts come from the people base in rules/people/ (see its README)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..config import ConfigError
from ..model import Document, Hit, article_date
from ..people.judge import Analysis, Options, analyse
from ..people.kb import KBError, load_kb
from ..registry import rule

_SKIP_REGIONS = ("byline", "title")
_last: tuple[object, tuple, Options, Analysis] | None = None


@dataclass
class TitleOptions(Options):
    """grace-days: days either side of a change of office in which both titles pass
    (stories are filed late, posted days later). history-years: a title whose holder left
    office more than this many years before the article is a historical reference
    ("President Lincoln"), not an error. elect-days: in how many days before a term begins
    "-elect" ("incoming", "soon-to-be") is right."""


def _blocks(doc: Document) -> Iterator[tuple[int, int, str]]:
    """The article's blocks in order, nested ones left out. A generator: analyse reads
    them only when the article holds a title, so most articles never sort their regions."""
    regions = [r for r in doc.regions if r.kind not in _SKIP_REGIONS]
    if not regions:
        if doc.text:
            yield 0, len(doc.text), "paragraph"
        return
    regions.sort(key=lambda r: (r.start, -r.end))
    taken_end = None
    for r in regions:
        if taken_end is not None and r.start < taken_end:
            continue  # nested in a block already taken (a quote inside a paragraph)
        taken_end = r.end
        yield r.start, r.end, r.kind


def analysis_for(doc: Document, ctx) -> Analysis:
    global _last
    options = ctx.options if isinstance(ctx.options, Options) else TitleOptions()
    key = (article_date(doc, ctx.settings), tuple(ctx.settings.people))
    if _last is not None and _last[0] is doc and _last[1] == key and (_last[2] is options or vars(_last[2]) == vars(options)):
        return _last[3]
    try:
        kb = load_kb(ctx.settings.people)
    except KBError as exc:
        raise ConfigError(str(exc)) from None
    result = analyse(kb, doc.text, _blocks(doc), key[0], options)
    _last = (doc, key, options, result)
    return result


def _hit(v) -> Hit:
    m = v.mention
    replacement, start, end = None, m.start, m.end
    suggestions = v.suggestions
    if v.replacement is not None and v.replace_span is not None:
        start, end = v.replace_span
        replacement = v.replacement
    if "capitals" in m.notes:  # a headline set in capitals: so is its fix
        suggestions = tuple(s.upper() for s in suggestions)
        replacement = replacement.upper() if replacement is not None else None
    return Hit(start, end, v.message, suggestions=suggestions, replacement=replacement, safe=False)


@rule("facts.title-date", "A person's title that they did not hold on the article's date",
      severity="error", skips=("quote", "note"), fixable=True, options=TitleOptions)
def title_date(doc: Document, ctx) -> Iterator[Hit]:
    """A title before or beside a name that the person did not hold on the article's date
    ("Vice President Joe Biden" in 2022, "President Trump" in 2022, "Chancellor Olaf
    Scholz" in June 2025). The date is the article's (front matter, HTML meta, a
    dateline that gives its year: "WASHINGTON, Nov. 5, 2022 (Reuters) -") or ``--date``; without one, the other titled people in the story give a window
    ("President Volodymyr Zelenskyy" puts it on or after 2019-05-20), and the message says
    so. "former", "ex-", "then-", "late", "-elect" change the claim and are checked as
    such; "acting", "interim", "would-be" are not checked. A sentence that names an
    earlier year ("In 2015, President Barack Obama ...") is judged in that year, and one
    that names a past time after someone ("President Bush's administration", "during the
    Obama administration") in that time. Only
    people in the base are checked (rules/people/*.yaml plus the ``people`` config key).
    The fix (unsafe) puts the title held on that date, or "former", when there is one
    answer."""
    for v in analysis_for(doc, ctx).verdicts:
        if v.rule == "facts.title-date":
            yield _hit(v)


@rule("facts.title-never-held", "A title the person never held, whatever the date",
      severity="error", skips=("quote", "note"), options=TitleOptions)
def title_never_held(doc: Document, ctx) -> Iterator[Hit]:
    """A title the person never held at any time ("Prime Minister Volodymyr Zelenskyy",
    "Russian President Volodymyr Zelenskyy"). Reported only where the base lists that
    kind of office completely for the person (files with ``tracks``), never for a bare
    surname ("President Smith" may be someone else)."""
    for v in analysis_for(doc, ctx).verdicts:
        if v.rule == "facts.title-never-held":
            yield _hit(v)


@rule("facts.title-inconsistent", "One person given two different current titles in one article",
      severity="warning", skips=("quote", "note"), options=TitleOptions)
def title_inconsistent(doc: Document, ctx) -> Iterator[Hit]:
    """The same person called by two current titles they never held at the same time
    ("President Joe Biden" and later "Vice President Biden"): one of them is stale. Mostly
    useful when the article has no date; with a date, the stale one is a title-date
    error instead. A bare surname counts where the story names that person elsewhere
    ("President Zelensky" and later "Vice President Zelensky"), for the offices the base
    lists completely for them."""
    a = analysis_for(doc, ctx)
    for m, first, person in a.inconsistent:
        when = "earlier" if first.start < m.start else "later"
        held = any(p.family == m.family for p in person.positions)
        why = "the base has no date when both were true" if held else \
            f"the base has no {m.title_text.strip()} {person.surname}"
        msg = (f"{person.name} is called {m.title_text.strip()} here but {first.title_text.strip()} {when} "
               f"(\"{first.core_text} {first.name_text}\"); {why}")
        yield Hit(m.start, m.end, msg)
