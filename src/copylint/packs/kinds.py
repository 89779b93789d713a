"""What each kind of pack rule does with its matches in one article.

Every function takes the compiled rule, the article view and the rule's matches (already
inside the rule's regions, outside quotes unless allowed, not covered by an exception)
and yields Hits.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from typing import Iterator

import ahocorasick

from ..model import Hit
from ..text import ABBREVIATIONS, WORD_RE, doubled_run, headline_proper_span, sentences
from .patterns import curly_for, keep_case, starts_sentence
from .view import DocView, base_word


def existence(rule, view: DocView, matches) -> Iterator[Hit]:
    text = view.text
    for s, e, _t in matches:
        yield rule.hit(s, e, match=text[s:e])


def substitution(rule, view: DocView, matches) -> Iterator[Hit]:
    text = view.text
    for s, e, t in matches:
        matched = text[s:e]
        first, *others = t.payload
        start = starts_sentence(text, s)
        replacement = keep_case(matched, first, t.text, start)
        if replacement == matched:
            continue
        extra = tuple(keep_case(matched, o, t.text, start) for o in others)
        yield rule.hit(s, e, replacement=replacement, suggestions=extra,
                       match=matched, replacement_text=replacement)


def consistency(rule, view: DocView, matches) -> Iterator[Hit]:
    """The variant used most in the article wins (per group, or for all groups together),
    the first used on a tie, unless the rule prefers one; other variants are flagged with a
    fix to the winner. Most, not first: the headline is often written last, by another
    editor, and three straight quotes in it should not make 200 curly ones in the body
    wrong."""
    text = view.text
    key_of = rule.group_key
    prefer = rule.prefer_index
    winners: dict[int, tuple[int, str]] = {}
    if prefer is None:
        winners = _winners(matches, key_of, text)
        if rule.majority and -1 in winners and not _clear_majority(matches, key_of, winners[-1][0], rule.majority):
            # no variety clearly used most in the article: each group is judged on its own
            key_of = rule.group_key_apart
            winners = _winners(matches, key_of, text)
    for s, e, t in matches:
        group, variant, form = t.payload
        matched = text[s:e]
        if prefer is not None:
            winner, first = prefer, None
        else:
            winner, first = winners[key_of(group)]
        if variant == winner:
            continue
        forms = rule.groups[group][winner]
        replacement = None
        guessed = False
        if len(forms) == 1 and rule.form_is_literal(forms[0]):
            replacement = keep_case(matched, forms[0], t.text, starts_sentence(text, s))
        elif len(forms) > 1:
            replacement = curly_for(text, s, forms)
            guessed = replacement is not None  # opening or closing told by position: offered, not applied
            if replacement is None and len(forms) == len(rule.groups[group][variant]):
                replacement = keep_case(matched, forms[form], t.text, starts_sentence(text, s)) \
                    if rule.form_is_literal(forms[form]) else None
        if replacement == matched:
            continue
        yield rule.hit(s, e, replacement=replacement, match=matched, safe=not guessed and rule.safe,
                       replacement_text=replacement or " / ".join(forms),
                       first=first if first is not None else forms[0],
                       variant=rule.variants[winner])


def _winners(matches, key_of, text: str) -> dict[int, tuple[int, str]]:
    """Per count (see key_of): the variant used most, the first used on a tie, and the
    first text written in it."""
    counts: dict[tuple[int, int], int] = {}
    first_seen: dict[tuple[int, int], tuple[int, str]] = {}
    for s, e, t in matches:
        group, variant, _form = t.payload
        k = (key_of(group), variant)
        counts[k] = counts.get(k, 0) + 1
        first_seen.setdefault(k, (s, text[s:e]))
    winners: dict[int, tuple[int, str]] = {}
    for (key, variant), n in counts.items():
        best = winners.get(key)
        rank = (n, -first_seen[key, variant][0])
        if best is None or rank > (counts[key, best[0]], -first_seen[key, best[0]][0]):
            winners[key] = (variant, first_seen[key, variant][1])
    return winners


def _clear_majority(matches, key_of, winner: int, least: int) -> bool:
    """Whether the article's winning variant is used at least ``least`` times and more
    often than any other: one British form against one American ("honor" and a stray
    "theatre") says nothing about the article's variety."""
    counts: dict[int, int] = {}
    for _s, _e, t in matches:
        group, variant, _form = t.payload
        if key_of(group) == -1:
            counts[variant] = counts.get(variant, 0) + 1
    won = counts.get(winner, 0)
    return won >= least and all(won > n for v, n in counts.items() if v != winner)


def _fmt_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def occurrence(rule, view: DocView, matches) -> Iterator[Hit]:
    if rule.spec.get("max-words") or rule.spec.get("max-chars"):
        yield from _length(rule, view)
        return
    count = len(matches)
    if not count:
        return
    limit = float(rule.spec["max"])
    per = rule.spec.get("per-words")
    min_count = rule.spec.get("min-count", 1)
    words = view.word_count(rule.blocks)
    if per:
        allowed = max(min_count - 1, math.floor(limit * words / per))
        rate = count * per / max(words, 1)
        unit = f"per {per:,} words"
    else:
        allowed = max(min_count - 1, int(limit))
        rate = float(count)
        unit = "times"
    if count <= allowed:
        return
    s, e, _t = matches[allowed]
    yield rule.hit(s, e, match=view.text[s:e], count=count, words=f"{words:,}", rate=f"{rate:.1f}",
                   max=_fmt_number(limit), unit=unit)


_COUNTED_RE = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")


_ASCII_LETTERS_DIGITS = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def _most_words(piece: str) -> int:
    """At most how many words _COUNTED_RE finds in ``piece``: two words are parted by at
    least one character that is neither a letter nor a digit, so one more than there are
    such characters. Counted on the ASCII bytes in one quick pass (typographic marks set
    aside first); other text gets the length, the bound that needs no counting."""
    reduced = _without_marks(piece)
    if not reduced.isascii():
        return len(piece)
    data = reduced.encode("ascii")
    letters_digits = len(data) - len(data.translate(None, _ASCII_LETTERS_DIGITS))
    return len(piece) - letters_digits + 1


def _length(rule, view: DocView) -> Iterator[Hit]:
    max_words = rule.spec.get("max-words")
    max_chars = rule.spec.get("max-chars")
    scope = rule.spec.get("scope", "sentence" if max_words else "block")
    text = view.text
    for block in view.blocks(rule.blocks):
        if max_words and not max_chars and (text.count(" ", block.start, block.end)
                                            + text.count("\n", block.start, block.end)) < max_words:
            continue  # too few gaps between words for any sentence to be that long
        # a headline is measured without site navigation and the site's name: not its words
        bs, be = headline_proper_span(text, block.start, block.end) if block.kind == "headline" \
            else (block.start, block.end)
        spans = [(bs, be)] if scope == "block" else list(sentences(text, bs, be))
        for s, e in spans:
            if max_words and not max_chars and e - s <= max_words:
                continue  # too short to hold that many words
            piece = text[s:e]
            if piece.count("\n") > 2 or "   " in piece or "\t" in piece:
                continue  # a table or a hard-wrapped list, not a sentence
            if max_words and not max_chars and _most_words(piece) <= max_words:
                continue  # too few characters between words to hold that many
            if not rule.position_ok(view, s, e):
                continue
            n_words = len(_COUNTED_RE.findall(text, s, e))
            if max_words and n_words > max_words and not rule.check_quotes and \
                    n_words - _quoted_words(view, s, e) <= max_words:
                continue  # long for its quotation, which an editor cannot split
            if max_words and n_words > max_words:
                yield rule.hit(s, e, match=text[s:e], count=n_words, max=max_words, unit="words",
                               words=n_words, rate="")
            elif max_chars and e - s > max_chars:
                yield rule.hit(s, e, match=text[s:e], count=e - s, max=max_chars, unit="characters",
                               words=n_words, rate="")


def _quoted_words(view: DocView, start: int, end: int) -> int:
    return sum(len(_COUNTED_RE.findall(view.text, s, e)) for s, e in view.quotes.overlapping(start, end))


# --------------------------------------------------------------------------- capitalization

# words that are never names: capitalised inside a sentence-case headline they mark title case
FUNCTION_WORDS = frozenset("""
a an and but or nor for of in on at to by with from into onto as than is are was were be been
its his her their after amid over about says say said has have had not that this who what how why
when where while against before under amid via per up off out
""".split()) - {"a"}
MINOR_WORDS = frozenset("""
a an the and but or nor for so yet as at by in of off on per to up via vs v with from into onto
than over
""".split())
PLAIN_WORD_ZIPF = 3.0  # a word this frequent in running text, in lower case, is a plain word
NAME_PART_ZIPF = 6.0  # a word this common is plain, though names hold it (New, Will)
PROBABLE_EVIDENCE_WORDS = 10  # body words needed before "never written" says anything
NAME_PARTICLES = frozenset("von van der den de da del della di du la le bin ibn al el".split())


_LOWER_RUN = re.compile(r"[^\W\d_A-Z]+")
_UPPER_RUN = re.compile(r"[A-Z]+")
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LOWER = b"abcdefghijklmnopqrstuvwxyz"
# typographic marks that are neither capitals nor letters: taken out before the ASCII test
_NOT_LETTERS = ("’", "‘", "“", "”", "—", "–", "…", "\u00a0")


def _without_marks(piece: str) -> str:
    """``piece`` without the typographic marks of _NOT_LETTERS (often all ASCII then)."""
    for mark in _NOT_LETTERS:
        if mark in piece:
            piece = piece.replace(mark, "")
    return piece


def mostly_capitals(piece: str, share: float) -> bool:
    """True when more than ``share`` of the letters are capitals (ASCII capitals against
    any lower-case letter: enough to tell a shouted wire slug from prose)."""
    piece = _without_marks(piece)
    if piece.isascii():
        # the same counts without a regex: in ASCII the letters are A-Z and a-z, and
        # bytes.translate deletes a set of bytes in one quick pass
        data = piece.encode("ascii")
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        lower = len(data) - len(data.translate(None, _ASCII_LOWER))
    else:
        lower = len(piece) - len(_LOWER_RUN.sub("", piece))
        upper = len(piece) - len(_UPPER_RUN.sub("", piece))
    return upper + lower > 0 and upper / (upper + lower) > share


def _headline_words(text: str, start: int, end: int):
    return [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, end)]


def _headline_proper(text: str, start: int, end: int):
    """(start, words, copy) of the headline itself, without site navigation glued to its
    front ("Home News X" is X) or the site's name glued to its end ("X | CBC News"), and
    for a headline pasted twice ("X X") the words of its first copy, with ``copy`` the
    distance to the second when the two are written alike (else None): the second copy's
    first word opens a headline too, and a fix of the first is made to both. Both accidents have rules of their own (structure.*)."""
    start, end = headline_proper_span(text, start, end)
    words = _headline_words(text, start, end)
    doubled = doubled_run([w.casefold() for _, _, w in words], 3)
    if doubled is None:
        return start, words, None
    i, size = doubled
    first, second = words[i:i + size], words[i + size:i + 2 * size]
    alike = text[first[0][0]:first[-1][1]] == text[second[0][0]:second[-1][1]]
    return start, words[:i + size], (second[0][0] - first[0][0]) if alike else None


def _opens_clause(text: str, start: int, block_start: int) -> bool:
    if start == block_start or text[start - 1] in "\"'“‘":
        return True  # the first word, or the first word of a quotation or a title
    if starts_sentence(text, start):
        # a headline's full stop after U.S., H.W. or Gen. ends an abbreviation, not a
        # sentence, unless a sentence's usual first word follows ("I ran the C.I.A. Now ...")
        # (the abbreviation ends just before: searching from the block's start made a
        # long headline quadratic)
        if not _ABBREVIATION_END_RE.search(text, max(block_start, start - 60), start):
            return True
        m = WORD_RE.match(text, start)
        return m is not None and m.group().casefold() in _SENTENCE_OPENERS
    return text[max(block_start, start - 2):start].rstrip().endswith(("—", "–", "|"))


_SENTENCE_OPENERS = frozenset("now then it i we he she they you this the that there here but and so yes no".split())
# what a headline adds to the abbreviations starts_sentence already knows (text.ABBREVIATIONS):
# initials ("George H.W. Bush", "C.I.A."), with which body copy often ends a sentence
# ("Washington, D.C.") but a headline seldom does
_ABBREVIATION_END_RE = re.compile(r"\b(?:[A-Z]\.)+\s+$")


def capitalization(rule, view: DocView, matches) -> Iterator[Hit]:
    text = view.text
    allowed = rule.word_exceptions
    for block in view.blocks(rule.blocks):
        s, e = block.start, block.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        copy = None
        if block.kind == "headline":
            s, words, copy = _headline_proper(text, s, e)
        else:
            words = _headline_words(text, s, e)
        if len(words) < 2:
            continue
        if mostly_capitals(text[s:e], 0.8):
            continue  # ALL CAPS (a wire slug): cannot tell names from words
        if not rule.position_ok(view, s, e):
            continue
        if rule.style == "sentence":
            changes, whole = _sentence_case(rule, view, words, s, allowed)
        else:
            changes, whole = _title_case(rule, words, text, s, allowed), True
        if not changes:
            continue
        if copy is not None:  # the same fix in the second copy of a doubled headline
            changes = sorted(changes + [(ws + copy, we + copy, new) for ws, we, new in changes])
        pieces, pos = [], s
        for ws, we, new in changes:
            pieces.append(text[pos:ws])
            pieces.append(new)
            pos = we
        pieces.append(text[pos:e])
        fixed = "".join(pieces)
        listed = ", ".join(f"'{w}'" for w in dict.fromkeys(text[ws:we] for ws, we, _ in changes))  # each word once
        yield rule.hit(s, e, replacement=fixed if whole else None, match=text[s:e], style=f"{rule.style} case",
                       words=listed, replacement_text=fixed if whole else "")


def _sentence_case(rule, view: DocView, words, block_start: int, allowed: set[str]):
    """(start, end, lower-cased word) for the capitals a sentence-case headline drops.
    Sure ones are words the article writes in lower case and small words that are never
    names; only they raise the finding. Once they show the headline is in title case,
    its capitals say nothing, so the fix also lowers the plain dictionary words the
    article never writes at all ("Race", "Sets" in "The Race Is On: Team Sets Launch
    Date"), lest it offer a headline half in each case; names stay. A headline with no
    body to speak of gives no such evidence ("China" and "Brooks" are dictionary words
    too): there the sure ones are listed, and a fix is offered only when nothing else
    would need lowering. Returns the changes and whether they make a whole fix."""
    text = view.text
    sure, probable = [], []
    evidence = view.evidence_words() >= PROBABLE_EVIDENCE_WORDS
    for i, (ws, we, w) in enumerate(words):
        if not w[0].isupper() or _opens_clause(text, ws, block_start):
            continue
        if len(w) > 1 and (w.isupper() or any(c.isupper() for c in w[1:])):
            continue  # an acronym or a name such as McDonald
        if w == "I":
            continue
        key = base_word(w)
        if key in allowed:
            continue
        lowered = (ws, we, w[0].lower() + w[1:])
        if ws > 0 and text[ws - 1] == "-":
            # the second part of a compound goes with the first ("High-Speed", not "Anti-Trump")
            if any(c[1] == ws - 1 for c in sure[-1:] + probable[-1:]) and not view.used_as_name(key) \
                    and _plain_word(key, view):
                probable.append(lowered)
            continue
        if key in FUNCTION_WORDS:
            if not view.used_as_name(key):
                sure.append(lowered)
            continue
        if (text[we:we + 1] == "." and (text[we + 1:we + 2].isalpha() or key in ABBREVIATIONS)) or \
                text[we:we + 1].isdigit():
            continue  # a domain ("Mamma.com"), an abbreviation ("State Dept.") or a label ("Update2")
        as_name, as_word = view.word_usage(key)
        if as_name or _in_capitalised_phrase(view, words, i) or _heads_a_place(words, i):
            continue
        if as_word:
            sure.append(lowered)
        elif (len(key) >= 3 or _very_common(key)) and not view.capitalised_anywhere(key) and _plain_word(key, view):
            probable.append(lowered)
    if not sure:
        return [], False
    if evidence:
        return sorted(sure + probable), True
    index = {w[0]: n for n, w in enumerate(words)}  # a word's place, by where it starts
    if not probable and all(_after_capitalised_word(words, index[ws]) for ws, _, _ in sure):
        return [], False  # a title inside a sentence-case headline: "Doctor Who animations"
    return sure, not probable  # a fix only when the sure words are all there is to change


def _very_common(key: str) -> bool:
    """A short word as common as "me" or "go": a plain word, however short."""
    from ..spelling.speller import get_speller

    return get_speller().zipf(key) >= NAME_PART_ZIPF


_PLACE_HEADS = frozenset("Old North South East West Fort Port Mount Lake Saint San Santa Los Las Cape Glen".split())


def _heads_a_place(words, i: int) -> bool:
    """The ``i``-th headline word opens a place's name: "Old" before "Trafford", a
    capitalised word the dictionary has no lower-case word for."""
    from ..spelling.speller import get_speller

    if words[i][2] not in _PLACE_HEADS or i + 1 >= len(words):
        return False
    nxt = words[i + 1][2]
    return nxt[:1].isupper() and not get_speller().known(nxt.lower())


def _after_capitalised_word(words, i: int) -> bool:
    """The headline word before the ``i``-th has a capital ("Doctor Who")."""
    return i > 0 and words[i - 1][2][:1].isupper()


def _plain_word(key: str, view: DocView | None = None) -> bool:
    """A common dictionary word that is no name (race, launch; not Trump, Apple, Rolling).
    A verb in -s counts by its stem ("Mourns" by mourn), as headlines are full of them.
    The plural of a name stays a name ("Republicans", "Americans") unless its stem is a
    verb ("Wins" is no plural of the Burmese name Win: winning is a word) and the article
    never capitalises the stem."""
    from ..spelling.lexicon import name_lexicon
    from ..spelling.speller import get_speller

    sp = get_speller()
    lexicon = name_lexicon()
    if not sp.is_common(key) or (lexicon.knows(key) and sp.zipf(key) < NAME_PART_ZIPF):
        return False  # a name's word, unless one of the commonest ("New" of New Zealand)
    stem = key[:-1] if key.endswith("s") else None
    zipf = sp.zipf(key)
    if stem:
        if lexicon.knows(stem) and (not _has_ing_form(sp, stem) or view is None or view.capitalised_anywhere(stem)):
            return False
        zipf = max(zipf, sp.zipf(stem), sp.zipf(stem[:-1]) if stem.endswith("e") else 0.0)
    return zipf >= PLAIN_WORD_ZIPF


def _has_ing_form(sp, stem: str) -> bool:
    """The stem is a verb: its -ing form is a word in common use (winning, easing,
    posting; not republicaning, nor the rare wooding that would make Woods a verb)."""
    forms = [stem + "ing", stem + stem[-1:] + "ing"]
    if stem.endswith("e"):
        forms.append(stem[:-1] + "ing")
    return any(sp.is_common(f) and sp.zipf(f) >= PLAIN_WORD_ZIPF for f in forms)


def _in_capitalised_phrase(view: DocView, words, i: int) -> bool:
    """True when the ``i``-th headline word and a capitalised neighbour are written
    capitalised together in the body: "Port Ellery" ("PORT ELLERY — ..."), "New York
    Fashion Week"."""
    for a, b in ((i - 1, i), (i, i + 1)):
        if a < 0 or b >= len(words):
            continue
        wa, wb = words[a][2], words[b][2]
        if wa[0].isupper() and wb[0].isupper() and view.phrase_capitalised(base_word(wa), base_word(wb)):
            return True
    return False


def _title_case(rule, words, text: str, block_start: int, allowed: set[str]):
    minor = rule.minor_words
    changes = []
    last = len(words) - 1
    for n, (ws, we, w) in enumerate(words):
        if not w[0].islower() or any(c.isupper() for c in w[1:]):
            continue  # already capitalised, or a name such as iPhone
        if ws > 0 and (text[ws - 1] in "-/@#." or text[ws - 1].isdigit()):
            continue  # the rest of a compound, an address, or an ordinal's ending ("3rd")
        key = base_word(w)
        if key in allowed or key in NAME_PARTICLES:
            continue
        edge = n == 0 or n == last or _opens_clause(text, ws, block_start)
        if key in minor and not edge:
            continue
        changes.append((ws, we, w[0].upper() + w[1:]))
    return changes


# --------------------------------------------------------------------------- conditional

# The look-behind sits after the first capital (no word character, full stop, "&",
# apostrophe or hyphen before it): a pattern that opens with a character class lets the
# engine skip ahead to the next capital instead of testing the look-behind at every
# position, a few times faster. The matches are the same.
_ACRONYM_RE = re.compile(r"([A-Z](?<![\w.&'’-][A-Z])[A-Z&]*[A-Z])(?:s|'s|’s)?(?![\w&])(?!\.\w)")
_PAREN_RE = re.compile(r"\(\s*([A-Z][A-Z&]*[A-Z])s?\s*[);,]")
_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
# after an abbreviation: a colon (a kicker or a speaker's label), a capitalised word (the
# abbreviation is part of a name: "TDK Corp", "NBC News") or a ticker's closing bracket
_DATELINE_RE = re.compile(r"[A-Z][A-Z.'’-]*(?:[ \u00a0]+[A-Z][A-Z.'’-]*)*(?=,|[ \u00a0]*[—–-][ \u00a0]|[ \u00a0]*\()")
# (or an HTML attribute: <A HREF=; or hyphened to a name or another abbreviation: "AFL-CIO", "IMF-World Bank")
_NOT_AN_ABBREVIATION = re.compile(r":|[ \u00a0]+[A-Z][a-z]|[.A-Z]*>|=|-[A-Z]")
# a word that ends a run of capitals closed by a colon: a label or a dateline ("SET LIST:",
# "LOS ANGELES:"), as a single word before a colon already is
_CAPS_LABEL_RE = re.compile(r"(?:['’]S)?(?:[ \u00a0]+[A-Z][A-Z'’.&-]*[A-Z.])+[ \u00a0]*:")
# a ticker: after a stock exchange's name and a colon ("(Nasdaq: AMZN)", "(NYSE: GTW - News)"),
# or closed by the exchange's code as in Reuters tags ("<SKBS ST>", mistyped "(SKFR ST>")
_EXCHANGE_BEFORE_RE = re.compile(r"(?:Nasdaq|NASDAQ|NYSE|Nyse|AMEX|Amex|OTCBB|OTC|LSE|TSX|TSE|ASX|Euronext|"
                                 r"Xetra|XETRA|HKEX|SGX)[ \u00a0]*:[ \u00a0]*$")
_EXCHANGE_CODE_RE = re.compile(r"[ \u00a0]+[A-Z]{1,2}>")
# a company's name before its ticker: "ITT <ITT>", "USX <X>"
_TICKER_AFTER_RE = re.compile(r"(?:['’][sS])?[ \u00a0]*<[A-Z][\w.]*(?:[ \u00a0]+[A-Z]{1,2})?>")
# a wire desk's routing code and filing time closing a story: "(NRKI 1821)", "(XYZJ 0941)"
_WIRE_CODE_AFTER_RE = re.compile(r"[ \u00a0]+\d{4}\)")
# a month's abbreviation before the day ("FEB 26", "DEC. 18"), as wire copy and captions write dates
_MONTHS = frozenset("JAN FEB MAR APR JUN JUL AUG SEP SEPT OCT NOV DEC".split())
_DAY_AFTER_RE = re.compile(r"\.?[ \u00a0]+(?:[1-9]|[12][0-9]|3[01])\b(?![.,]\d|[ \u00a0]*%)")
# the ALL-CAPS words just before and after a word on its line ("ON HIS CAST PAGE", "By SARA LEITCH")
CAPS_LOOKBACK = 200  # characters; two capitalised words before a word are well within it
_CAPS_BEFORE_RE = re.compile(r"(?:(?<![\w'’])[A-Z][A-Z'’.&-]*[A-Z.][ \t]+)+$")
_CAPS_AFTER_RE = re.compile(r"(?:[ \t]+[A-Z][A-Z'’.&-]*[A-Z](?![\w'’]))+")
# the same runs, words also joined by a comma, "and", "or" or "&" ("LAVERNE COX, ROB LOWE
# and RUSSELL SIMMONS"), a word also with a possessive 'S ("CHARO'S"); not by a slash,
# which pairs abbreviations ("FOAF/LOAF")
_CAPS_JOIN = r"(?:[ \t]+|,[ \t]+|[ \t]+(?:and|or|&)[ \t]+)"
_CAPS_WORD = r"[A-Z][A-Z'’.&-]*[A-Z.]"
_CAPS_LIST_BEFORE_RE = re.compile(r"(?:(?<![\w'’])" + _CAPS_WORD + _CAPS_JOIN + r")+$")
_CAPS_LIST_AFTER_RE = re.compile(r"(?:['’]S)?(?:" + _CAPS_JOIN + _CAPS_WORD + r"(?![\w'’]))+")
_CAPS_WORD_RE = re.compile(_CAPS_WORD)
_BYLINE_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*[Bb][Yy][ \t]+$")
_RUN_RE = re.compile(r"[A-Z][\w'’]*(?:-[\w'’]+)*(?:\s+(?:(?:of|and|for|the|on|in|to|de|du|des|la|le|del|di|&)\s+)*"
                     r"[A-Z][\w'’]*(?:-[\w'’]+)*)*")
_CONNECTORS = {"of", "and", "for", "the", "on", "in", "to", "de", "du", "des", "la", "le", "del", "di", "&"}


def _initials(run: str) -> list[tuple[str, bool]]:
    out = []
    for word in run.split():
        if word.lower() in _CONNECTORS and not word[0].isupper():
            out.append((word[0].upper(), True))
            continue
        for part in word.split("-"):
            if part:
                out.append((part[0].upper(), part.lower() in _CONNECTORS))
    return out


def _initials_string(words: str) -> str:
    """The initials of a run of words as one string, "~" before a connector's ("Bank of
    England" -> "B~OE"), as :func:`_spelling_re` reads them."""
    return "".join("~" + ch if connector else ch for ch, connector in _initials(words))


def _spells(acronym: str, words: str, from_start: bool = False) -> bool:
    """Whether the initials of ``words``, a connector's left out or not, spell the
    abbreviation from some word on (from the first word with ``from_start``)."""
    rx = _spelling_re(acronym)
    initials = _initials_string(words)
    return (rx.match(initials) if from_start else rx.search(initials)) is not None


def _shouted_word(letters: str) -> bool:
    """An ordinary word or a name in capitals ("NEVER AGAIN", "ATHENS", the "REUTER" that
    signs off a wire story), not an abbreviation: the dictionary has it only in lower case
    or with one capital, and an abbreviation in capitals too (GOP, NATO)."""
    from ..spelling.speller import get_speller

    return get_speller().shouted(letters)


def conditional(rule, view: DocView, matches) -> Iterator[Hit]:
    """An abbreviation is spelled out at (or before) its first use."""
    text = view.text
    lo, hi = rule.spec.get("min-letters", 3), rule.spec.get("max-letters", 6)
    exempt = rule.upper_exceptions
    first: dict[str, tuple[int, int]] = {}
    for block in view.blocks(rule.blocks):
        shouting = dateline_end = None
        for m in _ACRONYM_RE.finditer(text, block.start, block.end):
            if shouting is None:
                shouting = mostly_capitals(text[block.start:block.end], 0.6)
            if shouting:
                break  # an all-caps block: every word looks like an abbreviation
            acr = m.group(1)
            n = len(acr.replace("&", ""))
            if n < lo or n > hi or acr in exempt or acr in first or _ROMAN_RE.match(acr):
                continue
            if _NOT_AN_ABBREVIATION.match(text, m.end()) or (m.start() > 0 and text[m.start() - 1] in "<$#@"):
                continue  # a label ("WATCH:"), part of a name ("TDK Corp") or a ticker
            if _CAPS_LABEL_RE.match(text, m.end()) or _ticker(text, m.start(1), m.end()):
                continue  # "SET LIST:", "LOS ANGELES:"; "(Nasdaq: AMZN)", "<SKBS ST>"
            if _photo_credit(text, m.start(1), m.end(1)):
                continue  # "(Michael Reynolds/EPA)"
            if m.start(1) > 0 and text[m.start(1) - 1] == "(" and _WIRE_CODE_AFTER_RE.match(text, m.end(1)):
                continue  # "(NRKI 1821)": a routing code, no abbreviation to spell out
            if acr in _MONTHS and _DAY_AFTER_RE.match(text, m.end()):
                continue  # a date: "FEB 26"
            if _shouted_word(acr) or _in_capitals(text, m.start(1), m.end()):
                continue
            if _emphasis(text, acr, m.start(1), m.end()) or _credit_rating(text, acr, m.start(1), m.end()):
                continue
            if dateline_end is None:
                d = _DATELINE_RE.match(text, block.start, block.end)
                dateline_end = d.end() if d else block.start
            if m.end() <= dateline_end:
                continue  # a dateline: "KYIV, Ukraine —", "PORT ELLERY —"
            if not rule.position_ok(view, m.start(1), m.end(1)):
                continue
            first[acr] = (m.start(1), m.end(1))
    if not first:
        return
    defined: dict[str, int] = {}
    for m in _PAREN_RE.finditer(text):
        defined.setdefault(m.group(1), m.start(1))
    runs = plain_runs = companies = None
    expansions = rule.spec.get("expansions") or {}
    for acr, (s, e) in sorted(first.items(), key=lambda x: x[1]):
        if acr in defined and defined[acr] <= s:
            continue  # "North Atlantic Treaty Organization (NATO)"
        if _named_before(text, expansions.get(acr, ()), s):
            continue  # "Republican ... GOP", "the Agriculture Department ... USDA"
        after = text[e:e + 120]
        m = re.match(r"(?:s|'s|’s)?\s*\(([^()]{3,100})\)", after)
        if m and (_spells(acr, m.group(1)) or _letters_in_order(acr, m.group(1).split())):
            continue  # "NATO (North Atlantic Treaty Organization)", "PRV (pseudorabies virus)"
        if _spelled_right_after(acr, after) or _spelled_before_or(text, acr, s):
            continue  # "GFT-Gruppo Finanziario Tessile", "ODNI is the Office of ..."; "... biphenyls, or PCBs"
        if _introduced(text, s, e):
            continue  # "a dealing system known as SEAQ", "the news agency WAM", "CMP, a mining company"
        if companies is None:
            companies = _company_names(text, first)
        if companies.get(acr, s + 1) <= s:
            continue  # "AVX Corp ... AVX said", "ITT <ITT> ... ITT's stock", "Lloyds TSB said"
        if runs is None:
            runs = _SpellingRuns((m.start(), m.group()) for m in _RUN_RE.finditer(text))
            plain_runs = _SpellingRuns(((m.start(), m.group()) for m in _plain_run_re().finditer(text)), PLAIN_REACH)
        if runs.spell_before(acr, s) or plain_runs.spell_before(acr, s):
            continue  # spelled out earlier without brackets, in capitals or not ("liquefied natural gas")
        yield rule.hit(s, e, match=acr)


# a word that often follows an abbreviation standing for an organisation ("WHO said",
# "WHO officials"): a common word in capitals before one of these is no emphasis
_ORGANISATION_NEXT_RE = re.compile(r"(?:'s|’s|[ \u00a0]+(?:said|says|has|have|had|is|was|will|would|officials?|"
                                   r"chief|head|director|spokesman|spokeswoman|spokesperson|report|data|figures))\b")
EMPHASIS_ZIPF = 6.0  # "NOT" 6.7, "ARE" 6.7, "HOW" 6.2; "NOW" too, "ACT" 5.3 and "SUN" 5.0 not


def _emphasis(text: str, letters: str, start: int, end: int) -> bool:
    """One of the commonest words set in capitals for stress ("He is NOT!", "asked her NOT
    to film"): the dictionary also has NOT and ARE as abbreviations, but in running text
    they are emphasis. "the WHO" and "WHO said" stay abbreviations."""
    from ..spelling.speller import get_speller

    if get_speller().zipf(letters.lower()) < EMPHASIS_ZIPF:
        return False
    if re.search(r"\b[Tt]he[ \u00a0]+$", text[max(0, start - 6):start]):
        return False
    return not _ORGANISATION_NEXT_RE.match(text, end)


# credit ratings: Standard & Poor's and Fitch's AAA to D and Moody's Aaa to C as wire copy
# sets them in capitals (BAA-3), with a notch (-1, -plus, +) or a word about ratings nearby
_RATING_RE = re.compile(r"^(?:A{1,3}|B{1,3}|C{1,3}|BAA|BA|CAA|CA|D{1,3})$")
_RATING_NOTCH_RE = re.compile(r"[+-]|-?(?:plus|minus|\d)\b")
_RATING_WORDS_RE = re.compile(r"\b(?:rat(?:ed|es|ing|ings)|Moody|Standard (?:and|&) Poor|S&P|Fitch|"
                              r"(?:up|down)grade[ds]?|investment grade|outlook)\b", re.IGNORECASE)


def _credit_rating(text: str, letters: str, start: int, end: int) -> bool:
    """A credit rating ("rated AAA by Standard and Poor's", "to BA-1 from BAA-3"), not an
    abbreviation to spell out."""
    if not _RATING_RE.match(letters):
        return False
    return bool(_RATING_NOTCH_RE.match(text, end)
                or _RATING_WORDS_RE.search(text, max(0, start - 80), min(len(text), end + 80)))


def _named_before(text: str, names, pos: int) -> bool:
    """Whether one of the names a house list gives for an abbreviation, other than its
    initials ("Republican" for GOP), stands in the article before ``pos``."""
    return any(re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text[:pos]) for name in names)


def _in_capitals(text: str, start: int, end: int) -> bool:
    """A word in a shouted phrase of three ALL-CAPS words or more ("SEE HIS CAST PAGE"),
    in a run of capitals that holds a word or a name the dictionary has in lower case or
    with one capital ("ROB LOWE", "LAVERNE COX, ROB LOWE and RUSSELL SIMMONS", "SEE
    CHARO'S EXTENDED BIO", "4TH QTR NET"), or in a byline's name ("By SARA LEITCH"):
    capitals there say nothing of abbreviations. A list of abbreviations alone ("the IAEA,
    OSCE and NATO") is no shouting."""
    # (the search looks back a few words only: from the line's start, each abbreviation
    # on a story pasted as one long line cost a pass over all the text before it)
    line_start = max(text.rfind("\n", 0, start) + 1, start - CAPS_LOOKBACK)
    before = _CAPS_BEFORE_RE.search(text, line_start, start)
    after = _CAPS_AFTER_RE.match(text, end)
    n_before = len(before.group().split()) if before else 0
    n_after = len(after.group().split()) if after else 0
    if n_before + n_after >= 2:
        return True
    listed_before = _CAPS_LIST_BEFORE_RE.search(text, line_start, start)
    listed_after = _CAPS_LIST_AFTER_RE.match(text, end)
    neighbours = [w for found in (listed_before, listed_after) if found
                  for w in _CAPS_WORD_RE.findall(found.group())]
    if any(_shouted_word(re.sub(r"['’]S$|\.$", "", w)) for w in neighbours):
        return True
    lead = before.start() if before else start
    return n_before + n_after == 1 and _BYLINE_BEFORE_RE.search(text, max(0, lead - 12), lead) is not None


def _ticker(text: str, start: int, end: int) -> bool:
    """A stock ticker ("(Nasdaq: AMZN)", "(NYSE: GTW - News)", "<SKBS ST>", the opening
    bracket may be mistyped: "(SKFR ST>"), or a company's name before its ticker ("ITT <ITT>")."""
    return bool(_EXCHANGE_BEFORE_RE.search(text, max(0, start - 12), start) or _EXCHANGE_CODE_RE.match(text, end)
                or _TICKER_AFTER_RE.match(text, end))


# a photo credit closing a caption: names of photographers and agencies joined by slashes,
# one of them a person's name ("(Michael Reynolds/EPA)", "Clint Spaulding/WWD/REX/
# Shutterstock"); "CNN/Money" and "PC/XT" are no credits
_CREDIT_PART = r"[A-Z][\w.'’&-]*(?:[ \u00a0]+[A-Z][\w.'’&-]*)*"
_CREDIT_BEFORE_RE = re.compile(r"(?:" + _CREDIT_PART + r"/)+$")
# (spaces, then a bracket and spaces: two runs of spaces side by side split a long run in
# every way before failing, quadratic in the run)
_CREDIT_AFTER_RE = re.compile(r"(?:/" + _CREDIT_PART + r")*[ \t]*(?:[)\]][ \t]*)?(?:;|\n|$)")


def _photo_credit(text: str, start: int, end: int) -> bool:
    after = _CREDIT_AFTER_RE.match(text, end)
    if after is None:
        return False
    before = _CREDIT_BEFORE_RE.search(text, max(0, start - 80, text.rfind("\n", 0, start) + 1), start)
    chain = text[before.start() if before else start:after.end()]
    return "/" in chain and re.search(r"[A-Z][a-z]+[ \u00a0]+[A-Z][a-z]", chain) is not None


# what introduces a name right there, just before it: "known as (the) SEAQ", "dubbed X", "the
# official Emirates news agency WAM", "the Democratic think tank NDN", "Scandinavian airline SAS"
# ("called the IAEA" is more often the verb of a telephone call or a verdict: no "the" there)
_INTRODUCER = (r"(?:(?:also )?known as(?:[ \u00a0]+the)?|called|dubbed|nicknamed|code-?named|so-called|"
               r"(?:news )?agency|think[- ]tank|union|federation|party|newspaper|daily|magazine|broadcaster|"
               r"(?:radio|television|TV) station|network|airline|carrier|insurer|lender|bank|company|firm|"
               r"concern|conglomerate|maker|manufacturer|retailer|pollster|regulator|watchdog|service|system|"
               r"standard|survey|index|programme|program)")
_INTRODUCED_BEFORE_RE = re.compile(r"(?<![\w-])" + _INTRODUCER + r"[ \u00a0]+$")
# ... or just after it: "the official MAP news agency", "Buffalo's WBEN radio", "WJTC-TV",
# or an apposition: "CMP, a public gold mining company", "KSNV, a Las Vegas television station"
_INTRODUCED_AFTER_RE = re.compile(r"(?:'s|’s)?(?:[ \u00a0]+(?:news agency|agency|union|federation|party|think[- ]tank|"
                                  r"newspaper|broadcaster|radio|television station|TV station|station)\b|"
                                  r"-(?:TV|FM|AM|DT|LP)\b)")
_APPOSITION_AFTER_RE = re.compile(r"(?:'s|’s)?,[ \u00a0]+an?[ \u00a0]+[\w$][^,.!?;:\n]*(,?)")
# a sentence that opens with a clause or a phrase ("Before the DUI, a judge ..."): the comma
# after the abbreviation may close that clause, and what follows is then an apposition only
# when a second comma closes it ("In an interview with KSNV, a Las Vegas station, he said")
_FRONTED_RE = re.compile(r"(?:^|[.!?:;\n][\"'”’)]*[ \u00a0]+|\n)(?:(?:But|And|Yet|So|Even)[ \u00a0]+)?"
                         r"(?:After|Before|When|Whenever|While|If|Since|As|Although|Though|Because|Unless|Until|"
                         r"Once|Despite|Without|With|For|In|At|On|From|During|Like|Unlike|Besides|Beyond|Under|"
                         r"Over|Following|Amid|Among|Through|Throughout|By|To|Of|after|before|when|while|if|"
                         r"since|as|although|because|unless|until|once)\b[^,.!?;:\n]*$")


# set off by commas just after the name it stands for, or after a word saying what it is:
# "the National Statistics Institute, INSEE, said", "the port union, FNV, agreed"; a
# comma and "and" after it make a list instead ("the World Bank, IMF, and donors")
_CLOSED_AFTER_RE = re.compile(r"(?:'s|’s)?[ \u00a0]*(?:\)|,(?![ \u00a0]+(?:and|or)\b))")


@functools.lru_cache(maxsize=1)
def _named_before_comma_re() -> re.Pattern:
    from ..spelling.names import INSTITUTION_WORDS

    return re.compile(r"(?:(?<![\w-])" + _INTRODUCER + r"|\b(?:" + "|".join(sorted(INSTITUTION_WORDS)) + r"))"
                      r",[ \u00a0]+$")


def _introduced(text: str, start: int, end: int) -> bool:
    """The abbreviation is being introduced as a name right where it stands: "a new
    dealing system, known as SEAQ", "the Iranian news agency IRNA", "the socialist CFDT
    union federation", "KSNV, a Las Vegas television station", "the French Cereals
    Intervention Board, ONIC, left"."""
    if _INTRODUCED_BEFORE_RE.search(text, max(0, start - 40), start) or _INTRODUCED_AFTER_RE.match(text, end):
        return True
    if _CLOSED_AFTER_RE.match(text, end) and _named_before_comma_re().search(text, max(0, start - 40), start):
        return True
    m = _APPOSITION_AFTER_RE.match(text, end)
    return m is not None and (bool(m.group(1)) or not _FRONTED_RE.search(text, max(0, start - 300), start))


# what follows an abbreviation to spell it out right away: a hyphen or dash, a colon or a
# comma, "is (the)", "stands for" or "short for", then the name ("GFT-Gruppo Finanziario
# Tessile", "ODNI is the Office of the Director of National Intelligence")
_SPELLED_AFTER_RE = re.compile(r"(?:s|'s|’s)?(?:[ \u00a0]*[-–—:][ \u00a0]*|,[ \u00a0]+|"
                               r"[ \u00a0]+(?:is|was|stands for|short for)[ \u00a0]+(?:the[ \u00a0]+)?)(?=[A-Z])")


def _spelled_right_after(acronym: str, after: str) -> bool:
    m = _SPELLED_AFTER_RE.match(after)
    if not m:
        return False
    run = _RUN_RE.match(after, m.end())
    if not run or " " not in run.group():
        return False
    return _spells(acronym, run.group(), from_start=True)


_OR_BEFORE_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]+or[ \u00a0]+$")


def _spelled_before_or(text: str, acronym: str, start: int) -> bool:
    """The name just before, in any case, and then "or" and the abbreviation: "an
    exchange for physical or EFP", "polychlorinated biphenyls, or PCBs"."""
    m = _OR_BEFORE_RE.search(text, max(0, start - 8), start)
    if not m:
        return False
    n = len(acronym.replace("&", ""))
    words = re.findall(r"[\w'’-]+", text[max(0, m.start() - 200):m.start()])[-min(n + 5, 2 * n):]
    return len(words) >= 2 and _letters_in_order(acronym, words)


def _letters_in_order(acronym: str, words: list[str]) -> bool:
    """Whether the words hold the abbreviation's letters in order, its first letter at the
    start of a word and at least two words taking part (Schwartz and Hearst's test for an
    abbreviation's definition: "pseudorabies virus" for PRV, "polychlorinated
    biphenyls" for PCB). Only for a name standing right beside the abbreviation, where
    the two are set together to define it."""
    letters = acronym.replace("&", "").lower()
    n = len(letters)
    if not words or len(words) > min(n + 5, 2 * n):
        return False
    joined = " ".join(w.lower() for w in words)
    i = len(joined) - 1
    for k in range(n - 1, -1, -1):
        while i >= 0 and (joined[i] != letters[k] or (k == 0 and i > 0 and joined[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return " " in joined[i + 1:]  # the name begins at a word that is not the last


# a company's name: the abbreviation before a company word (up to three capitalised words
# between: "RMJ Holdings Corp", "CCR Video Co", "WTC International N.V."), before a ticker
# ("ITT <ITT>", "USX <X>"), in a Reuters company tag ("<KEBO AB>", "<XTEL>") or after a
# name no dictionary has ("Lloyds TSB")
_COMPANY_WORDS = (r"(?:Inc|INC|Corp|CORP|Co|CO|Cos|COS|Ltd|LTD|Plc|PLC|LLC|Corporation|CORPORATION|Company|COMPANY|"
                  r"Incorporated|Limited|LIMITED|AG|NV|N\.V|SA|S\.A|SpA|Spa|GmbH|Bhd|BHD|AB|Group|GROUP|Holdings|"
                  r"HOLDINGS|International|INTERNATIONAL|Industries|INDUSTRIES|Enterprises|ENTERPRISES|Systems|"
                  r"SYSTEMS)\b(?!-\w)")


_COMPANY_AFTER_RE = re.compile(_TICKER_AFTER_RE.pattern + r"|(?:[ \u00a0]+[A-Z][\w&'’.-]*){0,3}?[ \u00a0]+"
                               + _COMPANY_WORDS)
_COMPANY_TAG_OPEN_RE = re.compile(r"<(?:[A-Z][\w&'’.()-]*[ \u00a0]+){0,4}")  # a tag up to the abbreviation
_COMPANY_TAG_CLOSE_RE = re.compile(r"(?:[ \u00a0]+[\w&'’.()-]+){0,5}>")


_NAME_BEFORE_RE = re.compile(r"(?<![\w'’.&-])[A-Z][a-z]+[A-Za-z]*[ \u00a0]+$")


def _after_unknown_name(text: str, pos: int) -> bool:
    """Right after a capitalised word no dictionary has, as the second word of a firm's
    name ("Lloyds TSB", "DreamWorks SKG"); "Texas GOP" and "Kodak KIMS" stay abbreviations."""
    from ..spelling.speller import get_speller

    m = _NAME_BEFORE_RE.search(text, max(0, pos - 30), pos)
    return m is not None and not get_speller().known(m.group().rstrip())


def _company_names(text: str, acronyms) -> dict[str, int]:
    """Where the article first names a company by each abbreviation ("AVX Corp", "ITT
    <ITT>", "<KEBO AB>", "Lloyds TSB"): there and from there on, the letters are that
    company's own name, and a later "AVX said" no abbreviation to spell out. One pass
    over the text for all of them (an Aho–Corasick automaton): a search per abbreviation
    from the top cost a pass each, too many in a long file."""
    found: dict[str, int] = {}
    if not acronyms:
        return found
    automaton = ahocorasick.Automaton()
    for acronym in acronyms:
        automaton.add_word(acronym, acronym)
    automaton.make_automaton()
    for last, acronym in automaton.iter(text):
        end = last + 1
        i = end - len(acronym)
        if acronym in found or (i and (text[i - 1].isalnum() or text[i - 1] in "_.&'’-")):
            continue
        if _COMPANY_AFTER_RE.match(text, end) or _after_unknown_name(text, i):
            found[acronym] = i
            continue
        lt = text.rfind("<", max(0, i - 80), i)
        if lt >= 0 and _COMPANY_TAG_OPEN_RE.fullmatch(text, lt, i) and _COMPANY_TAG_CLOSE_RE.match(text, end):
            found[acronym] = i
    return found


_PLAIN_JOINERS = _CONNECTORS | {"with"}  # "Dancing with the Stars"
# characters before an abbreviation that a plain run may stand, about a long story: further
# back, in a file of stories run together, initials spell it by chance ("unique set of
# challenges" for USC, "couple met on the set" for CMOS)
PLAIN_REACH = 10_000


@functools.lru_cache(maxsize=1)
def _plain_run_re() -> re.Pattern:
    """Runs of words in any case that may spell an abbreviation written later ("liquefied
    natural gas ... LNG"): words of letters (not in capitals: those are abbreviations),
    cut at punctuation, line breaks and function words (its, this, said), so that chance
    initials across a clause ("cent growth this") spell nothing; of, and, the, with stay
    inside a run but neither open nor close it."""
    from ..spelling.check import FUNCTION_WORDS as GLUE_WORDS

    rests: dict[str, list[str]] = {}
    for w in FUNCTION_WORDS | GLUE_WORDS | _PLAIN_JOINERS | {"another", "like", "once"}:
        if w.isalpha():
            rests.setdefault(w[0], []).append(w[1:])
    # a function word is told by the rest of it after its first letter: one test per
    # letter at each word, not one per function word (2.5 times faster on a long file)
    stop = "|".join(f"(?<=[{c}{c.upper()}])(?:{'|'.join(sorted(r, key=len, reverse=True))})"
                    for c, r in sorted(rests.items()))
    content = r"[A-Za-z](?!(?:" + stop + r")(?![\w'’-]))[a-z]*(?:-[A-Za-z][a-z]*)*(?![\w'’-])"
    joiner = r"(?i:" + "|".join(w for w in sorted(_PLAIN_JOINERS) if w.isalpha()) + r")"
    return re.compile(r"(?<![\w'’.-])" + content + r"(?:[ \u00a0]+(?:" + joiner + r"[ \u00a0]+)*" + content + ")+")


class _SpellingRuns:
    """Runs of words ("North Atlantic Treaty Organization", "liquefied natural gas") read
    from the start of the article only as far as a question needs, their initials kept as
    one string ("|" after each run, "~" before a connector's): in a long file a question
    is then one search of that string, not a pass over all runs before it, and a run of
    many connectors costs no more than another."""

    def __init__(self, runs: Iterator[tuple[int, str]], reach: float = math.inf) -> None:
        self._unread = runs  # (start, words), in the article's order
        self._reach = reach  # how far before the abbreviation a run may start
        self._read_to = -1  # start of the last run read
        self._starts: list[int] = []  # start of each run of several words read
        self._ends: list[int] = []  # where its initials end in the joined string
        self._pieces: list[str] = []
        self._joined = ""

    def spell_before(self, acronym: str, pos: int) -> bool:
        """Whether a run of several words starting before ``pos`` (and at most ``reach``
        characters before it) spells ``acronym``."""
        while self._read_to < pos:
            run = next(self._unread, None)
            if run is None:
                self._read_to = math.inf
                break
            self._read_to, words = run
            if len(words.split()) > 1:
                self._pieces.append(_initials_string(words) + "|")
                self._starts.append(self._read_to)
                self._ends.append((self._ends[-1] if self._ends else 0) + len(self._pieces[-1]))
        first = bisect.bisect_left(self._starts, pos - self._reach)
        n = bisect.bisect_left(self._starts, pos)  # the runs that start before pos
        if n <= first:
            return False
        if len(self._joined) < self._ends[n - 1]:
            self._joined = "".join(self._pieces)
        return _spelling_re(acronym).search(self._joined, self._ends[first - 1] if first else 0,
                                            self._ends[n - 1]) is not None


@functools.lru_cache(maxsize=1024)
def _spelling_re(acronym: str) -> re.Pattern:
    """An abbreviation as a search of initials (:func:`_initials_string`): the first
    letter a word's own, each next one a word's or a connector's, connectors between
    left out."""
    first, *rest = acronym.replace("&", "")
    return re.compile("(?<!~)" + re.escape(first) + "".join("(?:~.)*~?" + re.escape(ch) for ch in rest))


KINDS = {
    "existence": existence,
    "substitution": substitution,
    "consistency": consistency,
    "occurrence": occurrence,
    "capitalization": capitalization,
    "conditional": conditional,
}
# kinds that look at the whole article rather than at term matches
WHOLE_ARTICLE = {"capitalization", "conditional"}
