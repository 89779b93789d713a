"""The built-in speller's rules: misspelt words (typo.spelling) and one name spelt two
ways in one article (typo.name-variant)."""

from __future__ import annotations

import dataclasses
import re
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterator

from ..model import Document, Finding, Hit, Location, Severity
from ..registry import corpus_rule, rule
from ..spelling.check import CAPITALISED_BEFORE_RE, analyse, skipped_context
from ..spelling.occurrences import candidate_starts
from ..spelling.variants import group_variants
from ..text import full_names
from rapidfuzz.distance import OSA


@dataclass
class SpellingOptions:
    # report the other variety's spellings (colour in en-US) as warnings; off by default
    # because the house pack already keeps US and UK spelling consistent within a story,
    # and the us / uk packs enforce one variety
    other_variety: bool = False


@rule("typo.spelling", "A word the dictionary does not know, or a near miss of a known name",
      severity="error", fixable=True, skips=("note",), options=SpellingOptions)
def spelling(doc: Document, ctx) -> Iterator[Hit]:
    """Misspelt words, in the headline, body and direct quotations alike.

    The dictionary is English (``language: en-US`` or ``en-GB``) with word frequencies;
    suggestions come from edits (a transposition, a doubled or dropped letter, a wrong
    letter) ranked by how common the word is, and keep the case you typed
    (GOVERMENT -> GOVERNMENT). A fix is marked safe only when one correction clearly
    beats the rest.

    Names are not reported just because the dictionary lacks them: a word capitalised
    mid-sentence, used that way elsewhere in the article, listed in the name lexicon or
    in the ``accept`` vocabulary is taken for a name. A capitalised word one slip from a
    far more frequent name or word is still reported ("Isreal" -> Israel), and so is a
    first or last name one slip from a full name the lexicon knows ("Kier Starmer" ->
    Keir Starmer). Words glued to digits, URLs, emails, @handles and #tags are skipped;
    ALL-CAPS acronyms are skipped unless they are a clear slip of a long word, and so is a
    sentence in another language (three or more of its lower-case words, and two in
    five, unknown to the dictionary: a Spanish headline, a quoted line of German). A word
    that invisible characters split (a soft hyphen or a zero-width space inside it) is
    judged as the reader sees it, without them, and reported over its whole span, so its
    fix replaces all of it (``typo.invisible-character`` reports the characters). Words on
    the ``reject`` vocabulary are always reported. Write ``[sic]`` after a word that is
    spelt as in the original (or ``(sic)``).

    Spellings of the other variety ("colour" when ``language`` is en-US) are not typos:
    the house pack keeps US and UK spelling consistent within a story and the ``us`` /
    ``uk`` packs enforce one variety. With the option ``other-variety: true`` this rule
    reports them too, as warnings that name this variety's form."""
    analysis = analyse(doc, ctx.settings)
    other_variety = ctx.options.other_variety
    for m in analysis.misspellings:
        v = m.verdict
        if v.kind == "variant-spelling" and not other_variety:
            continue
        replacement = v.suggestions[0] if v.suggestions else None
        # the other language's spelling (colour in en-US) is a style matter, not a slip
        severity = Severity.WARNING if v.kind == "variant-spelling" else None
        yield Hit(m.start, m.end, v.message, suggestions=v.suggestions, replacement=replacement,
                  safe=v.safe, severity=severity)


def name_variant(doc: Document, ctx) -> Iterator[Hit]:
    """Within one article (the rule's documentation is on name_variant_across)."""
    analysis = analyse(doc, ctx.settings)
    sp, ev, text = analysis.speller, analysis.evidence, doc.text
    counts: dict[str, int] = {}
    all_counts = analysis.counts
    flagged = analysis.flagged_words
    for token, facts in ev.caps_facts():
        base = facts.variant  # None for short and common words (Government, Russian)
        # a spelling typo.spelling reports is no spelling to follow (Venezula)
        if base is not None and base not in flagged:
            counts[base] = counts.get(base, 0) + all_counts[token]
    if len(counts) < 2:
        return
    first_seen: dict[str, int] = {}

    def first(name: str) -> int:
        if name not in first_seen:
            first_seen[name] = next(_positions(text, name), len(text))
        return first_seen[name]

    def dictionary_name(name: str) -> bool:
        return sp.known(name) or ev.lexicon.knows(name)

    for group in group_variants(counts, first, dictionary_name, sp.known):
        for name in group.minority:
            if _different_people(text, name, group.majority, sp.is_common):
                continue
            for start in _positions(text, name):
                yield Hit(start, start + len(name),
                          f"'{name}' is spelt '{group.majority}' elsewhere in this article",
                          suggestions=(group.majority,), replacement=group.majority, safe=False)


# (a particle is passed over: Mohamed bin Zayed and Mohammed bin Salman are two people)
_SURNAME_AFTER = re.compile(r"[ \t]+(?:(?:bin|bint|ibn|al|el|de|da|di|del|van|von|der|ben|abu)[ \t]+)?([A-Z][^\W\d_]+)")


def _different_people(text: str, a: str, b: str, is_common) -> bool:
    """Two first names, each always followed by a surname and never by the same one
    (Erick Erickson, Erik Paulsen), or a first name and a surname (Kiichi Miyazawa,
    Takashi Kiuchi): two people, not one name spelt two ways."""
    def surnames(name: str) -> set[str] | None:
        out = set()
        for i in _positions(text, name):
            m = _SURNAME_AFTER.match(text, i + len(name))
            if m is None:
                return None
            out.add(m.group(1))
        return out

    def always_surname(name: str) -> bool:
        """First used after a first name ("Takashi Kiuchi"; "The" is none), then alone
        or after it again ("Kiuchi told reporters"), and never before a surname."""
        uses = list(_positions(text, name))
        if not uses:
            return False
        m = CAPITALISED_BEFORE_RE.search(text, max(0, uses[0] - 40), uses[0])
        if m is None or is_common(m.group(1)):
            return False
        return not any(_SURNAME_AFTER.match(text, i + len(name)) for i in uses)

    def first_names(name: str) -> set[str] | None:
        """The capitalised words before each use, or None if a use has none or a common
        word ("The Zelenska" is no first name)."""
        out = set()
        for i in _positions(text, name):
            m = CAPITALISED_BEFORE_RE.search(text, max(0, i - 40), i)
            if m is None or is_common(m.group(1)):
                return None
            out.add(m.group(1))
        return out

    sa, sb = surnames(a), surnames(b)
    if sa and sb:
        return not (sa & sb)
    if bool(sa and always_surname(b)) or bool(sb and always_surname(a)):
        return True
    # each always after its own first name, far from the other's: "Olena Zelenska" and
    # "Volodymyr Zelenskiy" are wife and husband ("Volodomyr Zelensky" is still a slip)
    fa, fb = first_names(a), first_names(b)
    return bool(fa and fb) and all(OSA.distance(x.lower(), y.lower()) > 2 for x in fa for y in fb)


def _positions(text: str, name: str):
    n = len(name)
    for i in candidate_starts(text, name):
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        if not (before.isalnum() or after.isalnum()) and not skipped_context(text, i, i + n):
            yield i


# --------------------------------------------------------------------------- across articles

def _collect_full_names(doc: Document, ctx) -> dict[str, Any] | None:
    """The article's full names ("Jennifer Aniston"), each once: its uses and where each
    part is first written (text offsets), for the comparison across articles. Pairs
    with a common word ("The Kremlin", "President Putin") or a word the speller reports
    are no full names."""
    analysis = analyse(doc, ctx.settings)
    sp, flagged, text = analysis.speller, analysis.flagged_words, doc.text
    lexicon = analysis.evidence.lexicon
    notes = doc.notes()  # a correction note names the wrong spelling on purpose
    names: dict[tuple[str, str], list] = {}
    for first, first_start, last, last_start in full_names(text):
        if notes and any(n.start <= first_start < n.end for n in notes):
            continue
        seen = names.get((first, last))
        if seen is not None:
            seen[0] += 1
            continue
        if first in flagged or last in flagged or sp.is_common(first) or sp.is_common(last):
            continue
        if skipped_context(text, first_start, last_start + len(last)):
            continue
        names[(first, last)] = [1, first_start, last_start,
                                ctx.suppressed(ctx.rule.id, first_start, last_start + len(last))]
    if not names:
        return None
    # which parts a dictionary or the name lexicon knows, worked out here, where the
    # speller is loaded, so that the comparison needs neither (a run answered from the
    # results cache loads no speller)
    known = sorted({w for pair in names for w in pair if sp.known(w) or lexicon.knows(w)})
    # JSON-friendly, for the results cache: [first, last, uses, first's start, last's start, suppressed];
    # the text's checksum tells the comparison whether the file read again is this text
    return {"names": [[first, last, *fact] for (first, last), fact in names.items()], "known": known,
            "crc": _checksum(text)}


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode("utf-8", "replace"))


@corpus_rule("typo.name-variant", "One name spelt two ways in one article, or across the articles of a run",
             collect=_collect_full_names, check=name_variant, fixable=True, skips=("note",))
def name_variant_across(items, ctx) -> Iterator[Finding]:
    """A name spelt two ways in one article: Zelensky and Zelenskyy, Olexander and
    Oleksandr, Gaddafi and Qaddafi. Spellings are matched by a transliteration key (y/i,
    ks/x, kh/h, q/k, doubled letters ...) and by edit distance, not from a list of pairs;
    two different dictionary names (Johnson, Johnston), forms that make another word
    (Ivanov, Ivanova) and spellings that differ only by accents (Beyoncé, Beyonce: a house
    style matter) are left apart, and so are two first names each always followed by
    another surname (Erick Erickson, Erik Paulsen: two people) and a first name beside
    a surname (Kiichi Miyazawa, Takashi Kiuchi); a spelling that
    typo.spelling reports is never the one to follow. The less used spelling is reported, with the
    majority one as the fix (on a tie, the later spelling is reported). The fix is not
    marked safe: the house may prefer the other spelling.

    Across the articles of one run: a full name written one way in some articles and
    another way in others ("Jennifer Aniston" in 15 stories, "Jennifer Anniston" in one;
    "Marwan Barghouti" and "Marwan Barghuti"). Full names are compared with one part the
    same and the other spelt another way, by the same transliteration-aware comparison
    as within an article; a first name may vary only beside a surname no dictionary
    knows ("Isam" and "Issam Abdul-Rahim"), since "Brian Williams" and "Bryan Williams"
    are two people. The spelling fewer articles use is reported in each article that
    never writes the other, with the commoner one as a suggestion, not a fix: the
    commoner spelling is not always the right one; a tie says nothing. Runs of one
    article, and articles that use both spellings (reported within the article), add
    nothing here."""
    from ..engine import hit_to_finding

    # (fixed part, which part varies) -> spelling of the varying part -> {path: facts}
    table: dict[tuple[str, int], dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(dict))
    order = {path: i for i, (path, _) in enumerate(items)}
    dictionary_names: set[str] = set()
    for path, facts in items:
        dictionary_names.update((facts or {}).get("known", ()))
        for first, last, *fact in (facts or {}).get("names", ()):
            table[(first, 1)][last][path] = fact
            table[(last, 0)][first][path] = fact
    known = dictionary_names.__contains__
    checksums = {path: (facts or {}).get("crc") for path, facts in items}
    reports: dict[str, list[tuple[int, int, str, str, str, tuple[str, ...]]]] = defaultdict(list)
    for (fixed, varying), spellings in table.items():
        if len(spellings) < 2 or (varying == 0 and known(fixed)):
            continue
        counts = {name: len(paths) for name, paths in spellings.items()}
        first_use = lambda name: min(order[p] for p in spellings[name])  # noqa: E731
        # (one first name, two surnames a doubled letter apart: one person, a slip, even
        # when both are words: "Jennifer Anniston")
        for group in group_variants(counts, first_use, known, in_dictionary=lambda name: False):
            majority = group.majority
            others = sorted(spellings[majority], key=order.__getitem__)
            for name in group.minority:
                if counts[name] >= counts[majority]:
                    continue  # a tie: no telling which spelling the run keeps
                for path, (_uses, first_start, last_start, suppressed) in spellings[name].items():
                    if path in spellings[majority] or suppressed:
                        continue  # both in one article: the rule reports it there
                    start = last_start if varying else first_start
                    full = f"{fixed} {majority}" if varying else f"{majority} {fixed}"
                    reports[path].append((start, start + len(name), name, majority, full, tuple(others)))
    read: dict[str, Document | None] = {}  # each article read again once, however often it is named

    def reread(path: str) -> Document | None:
        if path not in read:
            read[path] = _reread(path)
        return read[path]

    for path in sorted(reports, key=order.__getitem__):
        doc = reread(path)
        if doc is None or _checksum(doc.text) != checksums[path]:
            continue  # standard input, or a file changed since: no place to point at
        for start, end, name, majority, full, others in sorted(reports[path]):
            n = len(others)
            hit = Hit(start, end, f"'{name}' is spelt '{majority}' in {n} other article{'s' * (n != 1)} "
                                  f"of this run ({full})",
                      suggestions=(majority,))
            finding = hit_to_finding(doc, ctx.rule, hit, ctx.settings)
            related = tuple(loc for loc in (_first_use(p, reread(p), full) for p in others[:3]) if loc)
            yield dataclasses.replace(finding, related=related) if related else finding


def _reread(path: str) -> Document | None:
    """The article again, for the positions of a finding made after every file was read
    (few articles have one); None when it can no longer be read."""
    from ..readers import BinaryFile, read_bytes

    if path == "-":
        return None
    try:
        with open(path, "rb") as fh:
            return read_bytes(path, fh.read())
    except (OSError, BinaryFile):
        return None


def _first_use(path: str, doc: Document | None, full: str) -> Location | None:
    """Where another article (``doc``, read from ``path``) writes the full name the
    commoner way."""
    first, last = full.split(" ", 1)
    m = doc and re.search(rf"(?<![\w'’.-]){re.escape(first)}[ \t]+{re.escape(last)}(?![\w-])", doc.text)
    if not m:
        return None
    s, e = doc.map.span(m.start(), m.end())
    line, col = doc.lines.position(s)
    end_line, end_col = doc.lines.position(e)
    return Location(path, line, col, end_line, end_col, message=f"written '{full}' here")
