"""House style that needs more than a word list: the capitals of a formal title, which
depend on where the title stands against a name (style.title-capitals), and a person's
first reference, which gives the full name (style.first-reference)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..model import Document, Hit
from ..people.kb import load_kb
from ..registry import rule
from ..spelling.names import starts_sentence
from ..text import PERSON_NAME_WORD, abbreviation_before, full_names, row_like
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


# the parts of a story where a person is first named for the reader (a headline, a
# standfirst or a caption may use the surname alone: they are read beside the story)
_BODY = ("paragraph", "list", "blockquote", "table")
# what may stand between the surname and a full name's suffix: "Donald Trump Jr."
_SUFFIX_AFTER_RE = re.compile(r",?[ \t]+(?:Jr|Sr|II|III|IV)\b")
_CAPITALISED_BEFORE_RE = re.compile(r"[A-Z][\w'’.-]*[ \t]+$")
# a capitalised word standing alone: not glued to a word, a handle (@) or a hashtag, nor
# the first part of a hyphened one
_NAME_WORD_USE_RE = re.compile(rf"(?<![\w'’.@#-]){PERSON_NAME_WORD}(?![\w-]|['’](?!s\b))")
# a surname used of something else than the person: a place ("in Washington"), or the
# person's time, family or staff ("the Obama administration", "Reagan deputy")
_NOT_THE_PERSON_BEFORE_RE = re.compile(r"\b(?:the|in|at|from|to|near|across|of)[ \t]+$", re.I)
_NOT_THE_PERSON_AFTER_RE = re.compile(
    r"(?:['’]s)?[ \t]+(?:administrations?|governments?|famil(?:y|ies)|eras?|years|presidency|campaigns?|camp|"
    r"regimes?|doctrine|deputy|aides?|allies|loyalists|supporters|voters|team|estate|dynasty|clan|"
    r"candidacy|transition|phenomenon|brand|organi[sz]ation|commission|committee|report|plan|act|law|rule|"
    r"probe|inquiry|investigation|memo|speech|interview|trial|"
    # a company named for a person: "Taft stockholders", "Jacobs common shares"
    r"stock|stockholders?|shareholders?|shares|common|preferred|units)\b")


def _ends_sentence_at(text: str, word) -> bool:
    """The capitalised word before ends a sentence ("met Putin. Biden said"), not an
    abbreviation or initials that go on into the name ("Mr. Biden", "K.G. Saur")."""
    stop = text.rfind(".", word.start(), word.end())
    return stop != -1 and not text[stop + 1:word.end()].strip() and not abbreviation_before(text, stop) \
        and not _INITIALS_RE.fullmatch(text, word.start(), stop + 1)


_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
# a company's name: the word, up to three capitalised words (or "de", "van"...) after it,
# then a company ending ("Jefferies and Co", "Walsh, Greenwood and Co", "Lorimar-Telepictures
# Corp", "Moore, Grossman and deRose Inc"); a person's surname the story also gives a
# company is left alone
_NAME_PART = r"(?:[A-Z]|de|van|von|di|du|le|la)[\w&'’.-]*"
_COMPANY_ENDING = (r"(?:Inc|Corp|Corporation|Co|Cos|Company|Ltd|Plc|PLC|LLC|LP|Group|Holdings|Partners|"
                   r"Associates|Broadcasting|Industries|Bancorp)\b")
# (commas only in a list of partners closed by "and": "Bilzerian, Singer Co" is two)
_COMPANY_AFTER_RE = re.compile(
    rf"(?:(?:(?:[ \t]+|-){_NAME_PART}){{0,3}},?[ \t]+{_COMPANY_ENDING}"
    rf"|(?:(?:,?[ \t]+|-){_NAME_PART}){{0,3}},?[ \t]+(?:and|&)[ \t]+(?:{_NAME_PART}[ \t]+)?{_COMPANY_ENDING})")
# words that end a company's name, which a "First Last" reading takes for a surname ("Penney Co")
_COMPANY_SUFFIXES = frozenset(("Co", "Cos", "Corp", "Inc", "Ltd", "Plc", "PLC", "LLC", "LP", "Group", "Holdings"))


@rule("style.first-reference", "A surname used before the story gives the person's full name",
      severity="info", skips=("quote", "note"))
def first_reference(doc: Document, ctx) -> Iterator[Hit]:
    """First reference gives a person's full name ("Joe Biden"), later ones the surname
    ("Biden"): a surname the body uses before the full name it gives later leaves the
    reader to guess who is meant, usually because paragraphs were moved or cut. Only
    sure cases are reported: the full name opens with a known first name; no other full
    name in the story ends with the surname (two Smiths); a surname that is a common word
    too (Trump, Brown) counts only inside a sentence, where its capital marks a name
    ("Young voters" opens a sentence); the earlier use stands alone, not after a title
    or another capitalised word ("President Biden", "Mr Biden" are the house's choice),
    and not in the headline, standfirst, a heading, a subheading or a caption, which are
    read beside the story; a place ("in Washington"), the person's time, family or staff
    ("the Obama administration") and quotations are left alone."""
    from ..spelling.lexicon import name_lexicon
    from ..spelling.speller import get_speller

    text = doc.text
    # (a short line with no closing stop is a subheading: "Romney considering Johnson")
    body = [r for r in doc.regions if r.kind in _BODY and not row_like(text[r.start:r.end])]
    if not body:
        return
    first_names = name_lexicon().first_names
    sp = get_speller(ctx.settings.language)
    first_full: dict[str, tuple[int, str]] = {}  # surname -> (where its first full name starts, that name)
    firsts_of: dict[str, set[str]] = {}
    for region in body:
        for first, first_start, last, last_start in full_names(text, region.start, region.end):
            if _SUFFIX_AFTER_RE.match(text, last_start + len(last)):
                continue  # "Donald Trump Jr.": the son, named as such
            firsts_of.setdefault(last, set()).add(first)
            if first in first_names and last not in first_full:
                first_full[last] = (first_start, f"{first} {last}")
    wanted = {last for last in first_full if len(firsts_of[last]) == 1 and last not in first_names
              and last not in _COMPANY_SUFFIXES and not _names_a_company(text, last)}
    uses = _capitalised_uses(text, body, wanted)
    for last, (full_start, full) in first_full.items():
        if last not in wanted:
            continue
        early = _bare_use_before(text, uses.get(last, ()), full_start, mid_sentence=sp.is_common(last))
        if early is not None:
            yield Hit(early, early + len(last),
                      f"'{last}' comes before the story first names {full}: give the full name at first reference")


def _names_a_company(text: str, last: str) -> bool:
    """The story writes the surname as (part of) a company's name: "Deere and Co", "Taft
    Broadcasting Co". Then "Deere said" is the company, not the person. (One pattern
    compiled once, tried after each use of the surname: a pattern per surname cost a
    compile of the whole company part for every story.)"""
    i = text.find(last)
    while i != -1:
        if not (i and (text[i - 1].isalnum() or text[i - 1] in "_'’.-")) and \
                _COMPANY_AFTER_RE.match(text, i + len(last)):
            return True
        i = text.find(last, i + 1)
    return False


def _capitalised_uses(text: str, body, wanted: set[str]) -> dict[str, list[tuple[int, int]]]:
    """Where the body uses each of the ``wanted`` words as a whole word (a possessive
    allowed), with the start of its block: one pass over the body, not one per surname,
    which grew with the square of a long file."""
    uses: dict[str, list[tuple[int, int]]] = {}
    if wanted:
        for region in body:
            for m in _NAME_WORD_USE_RE.finditer(text, region.start, region.end):
                if m.group() in wanted:
                    uses.setdefault(m.group(), []).append((m.start(), region.start))
    return uses


def _bare_use_before(text: str, uses, before: int, mid_sentence: bool) -> int | None:
    """The first of a surname's ``uses`` before ``before`` that stands on its own: not
    after a capitalised word (a first name, a title) nor before one; with
    ``mid_sentence`` (a surname that is a common word too: Trump, Brown) only where its
    capital marks a name, not at a sentence's start ("Young voters")."""
    for start, block_start in uses:
        if start >= before:
            break
        prev = _CAPITALISED_BEFORE_RE.search(text, max(block_start, start - 40), start)
        if prev is not None and not _ends_sentence_at(text, prev):
            continue  # "President Biden", "Mr. Biden", "Joe Biden"
        word_end = _NAME_WORD_USE_RE.match(text, start).end()
        if re.match(r"[ \t]+[A-Z]", text[word_end:word_end + 2]):
            continue  # part of a longer name ("Biden Foundation")
        if _NOT_THE_PERSON_BEFORE_RE.search(text, max(block_start, start - 12), start) or \
                _NOT_THE_PERSON_AFTER_RE.match(text, word_end):
            continue  # "the Obama administration", "in Washington", "Reagan deputy"
        if mid_sentence and starts_sentence(text, start):
            continue
        return start
    return None
