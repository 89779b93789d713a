"""Pattern helpers for rule packs: linear-time compilation, word boundaries, the text
views patterns see, and case keeping for replacements.

A pack may arrive in a pull request, so its patterns run on RE2 (google-re2), whose
matching time grows linearly with the text whatever the pattern. Constructs RE2 cannot
run in linear time (backreferences, lookaround) are refused with a message that names
the file and line, never a traceback.
"""

from __future__ import annotations

import re

from ..text import abbreviation_before  # a full stop read as the sentence splitter reads it

try:  # google-re2: linear-time matching, the only engine pack patterns run on
    import re2 as _re2
except ImportError:  # pragma: no cover - a declared dependency
    _re2 = None

MAX_PATTERN_LENGTH = 2000
_META = set(".^$*+?{}[]\\|()")
# whitespace inside prose that a space in a term should match
_SPACE_TABLE = {ord(c): " " for c in "\n\r\t\f\v\u00a0\u2007\u2009\u202f"}
# curly quotes and apostrophes folded to straight ones for word terms
_FOLD_TABLE = dict(_SPACE_TABLE)
_FOLD_TABLE.update({ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"', ord("ʼ"): "'"})


class PatternError(ValueError):
    """A pattern RE2 refuses; the message explains why in plain words."""


def re2_available() -> bool:
    return _re2 is not None


def _options(ignorecase: bool = False):
    opts = _re2.Options()
    opts.log_errors = False  # our own message names file:line; RE2's stderr log would be noise
    opts.case_sensitive = not ignorecase
    opts.max_mem = 64 << 20
    return opts


_HINTS = (
    ("invalid escape sequence: \\", "backreferences (\\1) are not supported: patterns run on a linear-time engine"),
    ("invalid perl operator: (?=", "lookahead (?=...) is not supported: put the context in `exceptions` instead"),
    ("invalid perl operator: (?!", "negative lookahead (?!...) is not supported: put the context in `exceptions` instead"),
    ("invalid perl operator: (?<", "lookbehind is not supported: put the context in `exceptions` instead"),
    ("invalid perl operator: (?P=", "backreferences (?P=name) are not supported"),
    ("invalid perl operator: (?>", "atomic groups are not supported"),
)


class LinearPattern:
    """A pattern compiled by RE2, twice: for text and for the UTF-8 bytes of text. The
    wrapper of google-re2 converts every match position between bytes and characters,
    which costs more than the match; in ASCII text the two agree, so there the pattern
    runs on the bytes (same matches, a few times faster). The one for text is compiled
    when a text that is not ASCII first needs it: most patterns of a run never do, and
    every process paid for compiling them (RE2 gets the same UTF-8 pattern either way,
    so compiling the bytes one checks the pattern)."""

    __slots__ = ("source", "ignorecase", "on_bytes", "_on_text")

    def __init__(self, pattern: str, ignorecase: bool) -> None:
        self.on_bytes = _re2.compile(pattern.encode("utf-8"), _options(ignorecase))
        self.source, self.ignorecase, self._on_text = pattern, ignorecase, None

    @property
    def on_text(self):
        if self._on_text is None:
            self._on_text = _re2.compile(self.source, _options(self.ignorecase))
        return self._on_text

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match in ``text``."""
        if text.isascii():
            return [m.span() for m in self.on_bytes.finditer(text.encode("ascii"))]
        return [m.span() for m in self.on_text.finditer(text)]


class PatternGroup:
    """Several patterns whose matches are wanted together (a rule's exceptions). One RE2
    set tells in a single pass which of them match at all; only those are run (most
    blocks match none, and each run has a fixed cost in google-re2's wrapper)."""

    def __init__(self, patterns: list[LinearPattern], sources: list[str], ignorecase: bool) -> None:
        self.patterns = patterns
        self.screen = None
        if len(patterns) > 1:
            try:
                screen = _re2.Set.SearchSet(_options(ignorecase))
                for source in sources:
                    screen.Add(source)
                screen.Compile()
                self.screen = screen
            except Exception:  # RE2 could not build the set: every pattern is run
                self.screen = None

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match of each pattern in ``text``."""
        ascii_text = text.isascii()
        data = text.encode("ascii" if ascii_text else "utf-8")
        patterns = self.patterns
        if self.screen is not None:
            hits = self.screen.Match(data)
            if not hits:
                return []
            patterns = [patterns[i] for i in sorted(hits)]
        if ascii_text:
            return [m.span() for p in patterns for m in p.on_bytes.finditer(data)]
        return [m.span() for p in patterns for m in p.on_text.finditer(text)]


def compile_pattern(pattern: str, ignorecase: bool = False) -> LinearPattern:
    """Compile with RE2 or raise PatternError with a readable reason."""
    if _re2 is None:  # pragma: no cover
        raise PatternError("the google-re2 package is not installed (pip install google-re2)")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise PatternError(f"pattern is longer than {MAX_PATTERN_LENGTH} characters")
    try:
        return LinearPattern(pattern, ignorecase)
    except Exception as exc:  # re2.error carries bytes
        reason = exc.args[0] if exc.args else str(exc)
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        reason = str(reason)
        for needle, hint in _HINTS:
            if reason.startswith(needle):
                raise PatternError(f"{hint} (in {pattern!r})") from None
        raise PatternError(f"invalid pattern {pattern!r}: {reason}") from None


def search_set(patterns: list[str]):
    """An RE2 set that tells which of many patterns match anywhere in a text, in one
    pass; None when RE2 cannot build it (then every pattern is tried on its own)."""
    if not patterns:
        return None
    try:
        s = _re2.Set.SearchSet(_options(False))
        for p in patterns:
            s.Add(p)
        s.Compile()
        return s
    except Exception:
        return None


def escape(text: str) -> str:
    """A pattern matching ``text`` literally (RE2 syntax)."""
    return "".join("\\" + c if c in _META else c for c in text)


def is_literal(term: str) -> bool:
    return not any(c in _META for c in term)


def is_wordish(term: str) -> bool:
    """Terms with letters or digits see curly and straight quotes as the same; terms of
    punctuation only (quote marks) are matched exactly."""
    return any(c.isalnum() for c in term)


_SPACE_PAIRS = tuple((chr(k), v) for k, v in _SPACE_TABLE.items())
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD_TABLE.items())


def _replace_each(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    """``str.translate`` with a table, done as a few ``str.replace`` calls: translate looks
    every character up in the table, replace skips through text that has none to change
    (tens of times faster on prose)."""
    for old, new in pairs:
        if old in text:
            text = text.replace(old, new)
    return text


def space_view(text: str) -> str:
    """The text with every white-space character turned into a plain space (same length)."""
    return _replace_each(text, _SPACE_PAIRS)


def fold_view(text: str) -> str:
    """The text with white space to spaces and curly quotes to straight (same length)."""
    return _replace_each(text, _FOLD_PAIRS)


def fold_term(term: str) -> str:
    return _replace_each(term, _FOLD_PAIRS)


def lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def at_boundaries(text: str, start: int, end: int) -> bool:
    """True when [start, end) does not cut a word: a match that starts (ends) with a word
    character must not have a word character just before (after) it."""
    if end <= start:
        return False
    if is_word_char(text[start]) and start > 0 and is_word_char(text[start - 1]):
        return False
    if is_word_char(text[end - 1]) and end < len(text) and is_word_char(text[end]):
        return False
    return True


def keep_case(matched: str, replacement: str, term: str = "", sentence_start: bool = False) -> str:
    """The replacement in the case of the matched text: KIEV -> KYIV, Kiev -> Kyiv, and a
    capital kept at the start of a sentence ("Per cent" -> "Percent"). Two kinds of rule
    are about case itself, and their replacement is used as written: one whose
    replacement has capitals of its own (iPhone, eBay, McDonald's), and one that swaps
    case alone (NATO -> Nato, Internet -> internet); so is the replacement of a term
    written in capitals (OK -> okay), whose capitals are the term's, not the writer's.
    In a line in capitals, the word the rule wants, in capitals, is left as it is."""
    letters = [c for c in matched if c.isalpha()]
    if not letters or not replacement:
        return replacement
    term_in_capitals = len(term) > 1 and term.isupper()
    shouted = len(letters) > 1 and all(c.isupper() for c in letters) and not term_in_capitals
    case_only = bool(term) and term.lower() == replacement.lower()
    if _own_capitals(replacement) or case_only or term_in_capitals:
        if shouted and matched.lower() == replacement.lower():
            return matched
        if sentence_start and not _own_capitals(replacement):
            return _capital_first(replacement)
        return replacement
    if shouted:
        return replacement.upper()
    first = next(c for c in matched if c.isalpha())
    return _capital_first(replacement) if first.isupper() else replacement


def _own_capitals(word: str) -> bool:
    """Capitals not at the start of a word: iPhone, eBay, McDonald, YouTube."""
    return any(c.isupper() and i > 0 and word[i - 1].isalpha() for i, c in enumerate(word)) or \
        (word[:1].islower() and any(c.isupper() for c in word))


def _capital_first(text: str) -> str:
    i = next((n for n, c in enumerate(text) if c.isalpha()), None)
    return text if i is None else text[:i] + text[i].upper() + text[i + 1:]


_OPENERS = "\"'“‘([{«—–-"


def starts_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence, a line or a block (after
    sentence-ending punctuation, a colon, or only opening quotes and brackets)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
    if i < 0 or text[i] in "\n\r":
        return True
    if text[i] == ".":
        return not abbreviation_before(text, i)
    return text[i] in "!?:…"


def capitalised_mid_sentence(text: str, start: int) -> bool:
    """A capitalised word inside a sentence: usually part of a name (Pearl Harbor)."""
    return text[start:start + 1].isupper() and not starts_sentence(text, start)


def curly_for(text: str, start: int, winner_forms: tuple[str, ...]) -> str | None:
    """Opening or closing curly mark for a straight quote at ``start``, chosen by its
    position: after a space or at a block start it opens, otherwise it closes."""
    before = text[start - 1] if start > 0 else " "
    opens = before.isspace() or before in "([{—–-/"
    if "“" in winner_forms and "”" in winner_forms:
        return "“" if opens else "”"
    if "‘" in winner_forms and "’" in winner_forms:
        return "‘" if opens and not (start + 1 < len(text) and text[start + 1].isdigit()) else "’"
    return None


__all__ = [
    "PatternError", "LinearPattern", "PatternGroup", "compile_pattern", "search_set", "is_literal", "is_wordish", "space_view",
    "fold_view", "fold_term", "lower_same_length", "at_boundaries", "keep_case", "starts_sentence",
    "capitalised_mid_sentence", "curly_for", "re",
]
