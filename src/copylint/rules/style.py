"""House style that needs more than a word list: the capitals of a formal title, which
depend on where the title stands against a name (style.title-capitals)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Hit
from ..people.kb import load_kb
from ..registry import rule
from .titles import analysis_for

STYLES = ("before-name", "lower")
# titles that keep their capital in every style: royal and religious ones ("King Charles",
# "the Supreme Leader"), and abbreviations (Sen., PM)
ALWAYS_CAPITALISED = ("king", "prince", "crown prince", "supreme leader")
_HEADLINES = ("headline", "heading", "title")


@dataclass
class TitleCapitalsOptions:
    # before-name: a formal title right before a name is capitalised ("President Joe
    #   Biden", "former Prime Minister Bob Hawke") and written in lower case after the
    #   name or set off by commas ("Vladimir Putin, the Russian president"), as AP,
    #   Reuters and the BBC write them.
    # lower: titles in lower case wherever they stand ("the prime minister Keir Starmer"),
    #   as the Guardian writes them; royal titles and abbreviations keep their capitals.
    capitalise: str = "before-name"

    def __post_init__(self) -> None:
        if self.capitalise not in STYLES:
            raise ValueError(f"style.title-capitals: capitalise must be one of {', '.join(STYLES)}, "
                             f"not {self.capitalise!r}")


@rule("style.title-capitals", "A formal title whose capitals do not follow the house's choice",
      severity="warning", fixable=True, skips=("quote", "note"), options=TitleCapitalsOptions)
def title_capitals(doc: Document, ctx) -> Iterator[Hit]:
    """The capitals of a formal title next to a name: with ``capitalise: before-name``
    (the default; AP, Reuters, BBC) a title right before a name is capitalised
    ("president Joe Biden" -> "President Joe Biden", "speaker of the house Paul Ryan" ->
    "Speaker of the House Paul Ryan") and one after the name or set off by commas is not
    ("Vladimir Putin, the Russian President," -> "president"); with ``capitalise: lower``
    (the Guardian) titles are in lower case wherever they stand, royal titles and
    abbreviations aside. Only the titles of the people base (rules/people/titles.yaml)
    are judged, and only beside a name, so "the president said" and company titles are
    left alone; a sentence's first letter stays a capital. The fix changes only the
    title's capitals."""
    style = ctx.options.capitalise
    analysis = analysis_for(doc, ctx)
    if not analysis.mentions:
        return
    kb = load_kb(ctx.settings.people)
    text = doc.text
    for m, kind in analysis.mentions:
        if "capitals" in m.notes:
            continue  # a headline set in capitals says nothing of a title's capitals
        core = _title_words(text[m.title_start:m.title_end], kb.suffixes)
        start, end = m.title_start, m.title_start + len(core)
        form = kb.form_of(" ".join(core.split()))
        if form is None or "\n" in core:
            continue
        family = kb.form_family[form]
        # the title itself opens the sentence (not "British Prime Minister ..." after a dateline)
        at_start = "sentence-start" in m.notes and not m.qual_text and m.core_start == m.title_start
        before_name = m.pattern == "prefix"
        if style == "before-name":
            if kind in _HEADLINES and not before_name:
                continue  # a title-case headline capitalises every word
            want = _capitalised(core, form) if before_name else \
                (core if family in ALWAYS_CAPITALISED else _lowered(core, at_start))
        else:
            if kind in _HEADLINES or family in ALWAYS_CAPITALISED or _abbreviation(core):
                continue
            want = _lowered(core, at_start)
        if want == core:
            continue
        if before_name and style == "before-name":
            message = f"A formal title right before a name is capitalised: '{want}'"
        elif style == "before-name":
            message = f"A title after a name or set off by commas is in lower case: '{want}'"
        else:
            message = f"House style writes titles in lower case: '{want}'"
        yield Hit(start, end, message, suggestions=(want,), replacement=want, safe=True)


def _title_words(title: str, suffixes: dict[str, str]) -> str:
    """The title without its suffix ("secretary of state-designate")."""
    for suffix in sorted(suffixes, key=len, reverse=True):
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: len(title) - len(suffix)]
    return title


def _capitalised(core: str, form: str) -> str:
    """The base's own form of the title ("Speaker of the House", "Vice-President"), with
    the spacing as written."""
    words = iter(form.split(" "))
    return re.sub(r"\S+", lambda _m: next(words), core)


def _lowered(core: str, at_start: bool) -> str:
    """The title in lower case; a sentence's first letter kept."""
    low = core.lower()
    return core[:1] + low[1:] if at_start else low


def _abbreviation(core: str) -> bool:
    return core.endswith(".") or core.isupper()
