"""The mention patterns of mentions.py run on RE2, their look-arounds checked in Python.

Python's engine takes tens of milliseconds to compile each mention pattern (nested
alternations of every title, place and qualifier form), and every process paid it again;
RE2 (google-re2) compiles them in a few. RE2 has no look-arounds, so each pattern P runs
as a wider one, W, that matches wherever P does:

* a look-behind at the start is left out (checked here, in Python);
* a look-ahead at the end is matched as text after the match proper (the group ``_m``),
  Python's classes spelt out for RE2 (``\\s`` as its list of characters), or, for the
  appositive's "<closing word>\\b", loosened to "any character but an ASCII letter, digit
  or underscore";
* the look-ahead before the forms' first letters (mentions._alternation) is left out: the
  trie's branches begin with those letters anyway;
* ``(?![\\w\\-])`` after the title is left out: what must follow it there (a gap, a comma,
  punctuation, the end) never begins with a word character or a hyphen.

Why the matches are the same. RE2 returns, of the matches starting leftmost, the one a
backtracking engine tries first (leftmost-first), as Python's does. So W's match w, at
s, starts no later than P's; if every look-around of P holds for w, w is P's match: P
has none before s, and none at s that it would try before w. When one does not hold:

* a look-behind at the start depends on s alone: P has no match at s, the search goes
  on from the next character;
* the lead pattern opens with "the" (after a non-word character) or, failing that, with
  "<place>'s " ahead: each is checked at s, and the second tried alone, anchored at s;
* the appositive's exact end failing (a closing word run on into a non-ASCII letter):
  Python's engine reads the block;
* a text RE2 cannot read (lone surrogates) or a pattern it refuses goes to Python's
  engine too.

tests/titles/test_mention_search.py holds the two to the same matches.
"""

from __future__ import annotations

import re

try:  # a declared dependency; without it the patterns run on Python's engine
    import re2 as _re2
except ImportError:  # pragma: no cover
    _re2 = None


def re2_available() -> bool:
    return _re2 is not None


GROUPS = ("qual", "qual2", "place", "title", "suffix", "of")


def space_chars() -> str:
    """What Python's ``\\s`` matches in text (str.isspace): none lies above U+3000."""
    return "".join(c for c in map(chr, range(0x3001)) if c.isspace())


def re2_name_start() -> str:
    """mentions._NAME_START for RE2: code points spelt out, Python's ``\\s`` listed."""
    ws = _re2_class(space_chars())
    return rf"(?:[A-Z\x{{C0}}-\x{{DE}}\x{{100}}-\x{{17F}}]|(?:von|van|de|da|del|bin|ibn|al|el)[{ws}\-])"


def _re2_class(chars: str) -> str:
    return "".join(f"\\x{{{ord(c):X}}}" for c in chars)


class Found:
    """A match as mentions._build reads it: spans of the named groups, in the text."""

    __slots__ = ("string", "spans")

    def __init__(self, string: str, spans: dict[str, tuple[int, int]]) -> None:
        self.string = string
        self.spans = spans

    def span(self, group: int | str = 0) -> tuple[int, int]:
        return self.spans[group]

    def start(self, group: int | str = 0) -> int:
        return self.spans[group][0]

    def end(self, group: int | str = 0) -> int:
        return self.spans[group][1]

    def group(self, group: int | str = 0) -> str | None:
        s, e = self.spans[group]
        return None if s < 0 else self.string[s:e]


class Re2Mentions:
    """The four mention patterns on RE2. ``parts`` holds the pieces mentions.Patterns
    builds its own from (the alternations without their leading look-ahead)."""

    def __init__(self, parts: dict[str, str], gap: str, appositive_words: str, appositive_end: str) -> None:
        ws = _re2_class(space_chars())
        name_start = re2_name_start()
        qual, place, title, of = parts["qual"], parts["place"], parts["title"], parts["of"]
        core = rf"{qual}(?:{place})?{title}{of}"
        self._sources = {
            "prefix": rf"(?P<_m>{core}){gap}{name_start}",
            "appositive": (rf"(?P<_m>,{gap}(?:(?:the|The){gap})?{core})"
                           rf"(?:[{ws}]*[,;:.)!?]|[{ws}]*\z|{gap}(?:{appositive_words})(?:[^0-9A-Za-z_]|\z))"),
            "lead": rf"(?P<_m>(?:(?P<_the>the|The){gap}|){core},{gap}){name_start}",
            "lead_the": rf"(?P<_m>(?:the|The){gap}{core},{gap}){name_start}",
            "lead_rest": rf"(?P<_m>{core},{gap}){name_start}",  # lead past a failed "the"
            "possessive": rf"(?:{parts['places']})['’]s{gap}",  # lead's other opening
        }
        self._compiled: dict[str, tuple | None] = {}
        self._appositive_end = re.compile(appositive_end)
        self._before_prefix = re.compile(r"[\w\-’'.]")
        self._word = re.compile(r"\w")

    def _pattern(self, kind: str):
        """The pattern compiled (on UTF-8 bytes), with the numbers of its named groups."""
        if kind not in self._compiled:
            options = _re2.Options()
            options.log_errors = False
            options.max_mem = 64 << 20
            try:
                pattern = _re2.compile(self._sources[kind].encode("utf-8"), options)
            except Exception:  # noqa: BLE001 - a base too large for RE2: Python's engine reads it
                self._compiled[kind] = None
            else:
                self._compiled[kind] = (pattern, {k.decode(): v for k, v in pattern.groupindex.items()})
        return self._compiled[kind]

    def find(self, kind: str, text: str, start: int, end: int) -> list[Found] | None:
        """The matches of pattern ``kind`` in ``text[start:end]``, as Python's finditer
        gives them; None when Python's engine must read the block."""
        block = text[start:end]
        try:
            data = block.encode("utf-8")
        except UnicodeEncodeError:
            return None
        needs = {"lead": ("lead", "lead_rest", "possessive")}.get(kind, (kind,))
        if any(self._pattern(k) is None for k in needs):
            return None
        pattern, index = self._pattern(kind)
        ascii_block = len(data) == len(block)
        # a byte offset and its place in the text: offsets are read from the last match
        # start on, which only moves forward, so the bytes are decoded about once
        anchor = [0, start]

        def at(b: int) -> int:
            if b < 0:
                return -1
            return start + b if ascii_block else anchor[1] + len(data[anchor[0]:b].decode("utf-8"))

        out: list[Found] = []
        pos = 0
        while pos <= len(data):
            m = pattern.search(data, pos)
            if m is None:
                break
            b, s = m.start(), at(m.start())
            anchor[:] = [b, s]
            groups = index
            if kind in ("lead", "lead_the"):
                m, groups = self._lead(kind, m, index, text, s, data)
            elif kind == "prefix" and s > 0 and self._before_prefix.match(text, s - 1):
                m = None
            if m is None:  # P has no match at s: on from the next character
                pos = _next_char(data, b)
                continue
            found = Found(text, {0: (at(m.start(groups["_m"])), at(m.end(groups["_m"])))} |
                          {g: (at(m.start(groups[g])), at(m.end(groups[g]))) for g in GROUPS})
            if kind == "appositive" and not self._appositive_end.match(text, found.end(), end):
                return None
            out.append(found)
            pos = m.end(groups["_m"])
        return out

    def _lead(self, kind: str, m, index: dict[str, int], text: str, s: int, data: bytes):
        """The lead match at s, or None: "the" needs no word character before it; the
        "<place>'s " opening, tried after it, needs that text ahead."""
        the = kind == "lead_the" or m.start(index["_the"]) >= 0
        if the and not (s > 0 and self._word.match(text, s - 1)):
            return m, index
        if kind == "lead_the" or not self._pattern("possessive")[0].match(data, m.start()):
            return None, index
        if not the:
            return m, index
        rest, rest_index = self._pattern("lead_rest")
        return rest.match(data, m.start()), rest_index


def _next_char(data: bytes, b: int) -> int:
    """The byte offset of the character after the one at ``b`` (UTF-8)."""
    b += 1
    while b < len(data) and data[b] & 0xC0 == 0x80:
        b += 1
    return b
