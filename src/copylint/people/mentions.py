"""Finding titled mentions of people in copy.

Three patterns, each a single regular expression built from the title forms and place
names (a fixed vocabulary), so the cost does not grow with the number of people:

* "<qualifier> <place> <title> <name>": "former US Vice President Joe Biden",
  "Ukraine's President Volodymyr Zelenskyy", "President Biden", "President of France
  Emmanuel Macron";
* "<name>, the <title> of <place>" / "<name>, <place>'s <title>": "Olaf Scholz,
  Germany's chancellor," (full names only);
* "the <place> <title>, <name>,": "the prime minister, Boris Johnson, said" (full names
  only).

Names are then looked up by their folded form in a hash index of the knowledge base
(longest match first), so looking up is constant time per mention.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from ..text import abbreviation_before
from .finder import TitleFinder
from .kb import KnowledgeBase, Person, name_key, name_keys
from .search import Re2Mentions, re2_available

# a name word: initials run together ("J.D."), or capitalised (Unicode), with inner
# apostrophes, hyphens and full stops
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,}")
_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z\u00C0-\u00DE\u0100-\u017F][\w'’\-]*\.?|(?:von|van|der|den|de|da|del|di|du|dos|das|bin|ibn|al|el|la|le|ben)(?:-[A-Z\u00C0-\u00DE][\w'’\-]*\.?|(?=\s)))"
_NAME_WORD_RE = re.compile(_NAME_WORD)
# what a name may start with: a capital (Latin, Latin-1, Latin Extended-A) or a particle
_NAME_START = r"(?:[A-Z\u00C0-\u00DE\u0100-\u017F]|(?:von|van|de|da|del|bin|ibn|al|el)[\s\-])"
_GAP = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # a space run, at most one line break (not a paragraph)
_GAP_RE = re.compile(_GAP)
_POSSESSIVE_GAP_RE = re.compile(r"['’]s[ \t\n]")  # what the lead pattern's "<place>'s" branch needs
# what may follow an appositive mention ("..., the president of France, said")
_APPOSITIVE_WORDS = ("and|who|said|says|has|have|had|was|is|will|would|in|on|at|to|for|since|from|until|told"
                     "|tells|when|whose")
_APPOSITIVE_END = rf"\s*[,;:.)!?]|\s*$|{_GAP}(?:{_APPOSITIVE_WORDS})\b"
_NAME_AFTER_RE = re.compile(r"[ \t]+[A-Z\u00C0-\u00DE][a-z\u00DF-\u00FF]")
_HONORIFICS = {"sir", "dame", "dr", "lord", "lady", "sheikh", "ayatollah", "mr", "mrs", "ms", "gen", "general"}
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_SENTENCE_STARTERS = {"Then", "When", "As", "If", "But", "And", "While", "After", "Before", "Since",
                      "With", "Under", "Meanwhile", "Also", "Yesterday", "Today", "Tomorrow", "Now",
                      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                      "January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                      "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Here", "There",
                      "By", "For", "From", "In", "On", "At", "To", "Of", "The", "A", "An", "That",
                      "This", "Why", "How", "What", "Who", "Where", "Says", "Said", "Tells", "Told",
                      "Meets", "Met", "Calls", "Called", "Urges", "Slams", "Warns", "Asks", "Visits",
                      "Praises", "Thanks", "Blasts", "Backs", "Hails", "Joins", "Signs", "Vs", "Vs."}


@dataclass
class Mention:
    """One titled reference to a person the base knows."""

    start: int  # whole mention (qualifier .. name), text offsets
    end: int
    core_start: int  # place or title start: what a "former ..." fix rewrites
    title_start: int
    title_end: int  # title (and -elect) end
    title_text: str
    family: str
    places: tuple[str, ...] | None  # codes the copy names, None when it names none
    qualifier: str  # current | past | then | elect | skip
    qual_text: str
    qual_start: int
    name_text: str
    name_start: int
    name_end: int
    people: list[Person]
    surname_only: bool
    pattern: str  # prefix | appositive | lead
    lower_title: bool = False
    core_text: str = ""  # place and title as written ("US Vice President")
    notes: list[str] = field(default_factory=list)

    @property
    def text_span(self) -> tuple[int, int]:
        return self.start, self.end


def _forms(items, lower: bool = False) -> set[str]:
    forms = set(items)
    if lower:
        forms |= {f.lower() for f in items if f[:1].isupper() and not f.isupper() and not f.endswith(".")}
    return forms


def _alternation(items, lower: bool = False) -> str:
    """The forms as one regular expression shaped as a trie, led by a look-ahead for their
    first letters. The engine tries the branches of an alternation one by one, so a flat
    list of hundreds of forms costs hundreds of comparisons at every word; here a word
    costs one look at its first letter, and each further letter narrows the branches.
    A form is tried after the longer forms it begins, as in a list sorted longest first,
    so the matches are the same."""
    forms = _forms(items, lower)
    if not forms or "" in forms:  # nothing to look ahead for
        return _trie(forms) if forms else ""
    firsts = "".join(re.escape(ch) for ch in sorted({f[0] for f in forms}))
    return f"(?=[{firsts}]){_trie(forms)}"


def _trie(forms) -> str:
    """The forms as a trie-shaped alternation without look-arounds (RE2 runs it too)."""
    root: dict = {}
    for form in forms:
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}  # a form ends here
    return _trie_branches(root)


def _trie_branches(node: dict) -> str:
    branches = [(_GAP if ch == " " else re.escape(ch)) + _trie_branches(node[ch]) for ch in sorted(node) if ch]
    if "" in node:
        branches.append("")  # the shorter form last
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _plain_alternation(items, lower: bool = False) -> str:
    """The alternation without its leading look-ahead, for RE2. The look-ahead only asks
    for a letter the trie's first branches begin with anyway, unless a form begins with
    a space (the trie reads it as any gap): Patterns then keeps to Python's engine."""
    forms = _forms(items, lower)
    return _trie(forms) if forms else ""


def _pieces(kb: KnowledgeBase, alternation) -> dict[str, str]:
    """The parts the mention patterns are made of, with ``alternation`` for the forms."""
    quals = alternation([q.rstrip("-") for q in kb.qualifiers])
    places = alternation(kb.place_forms)
    titles = alternation(kb.form_family, lower=True)
    suffixes = alternation(kb.suffixes)
    qual2 = rf"(?P<qual2>(?:(?:{quals})(?:-|{_GAP})){{1,2}})?"
    return {
        "qual": rf"(?P<qual>(?:{quals})(?:-|{_GAP}))?",
        "place": rf"(?P<place>(?:{places})){_GAP}{qual2}",
        "title": rf"(?P<title>{titles})(?P<suffix>{suffixes})?",
        "of": rf"(?:{_GAP}of{_GAP}(?P<of>{places}))?",
        "places": places,
    }


class Patterns:
    """The patterns for one knowledge base. The title finder is built at once (every
    article asks it); the mention patterns only when an article holds a title form.
    They run on RE2 (search.py): Python's engine takes tens of milliseconds to compile
    each, and is kept for the blocks RE2 cannot judge alone."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        # every mention holds a title form: a block without one cannot hold a mention
        # and in capitals, for headlines set in them ("VICE PRESIDENT BIDEN SAYS ...")
        title_forms = _forms(kb.form_family, lower=True) | {f.upper() for f in kb.form_family}
        self.titles = TitleFinder(_trie(title_forms), title_forms, kb.place_forms)
        self.upper_words = frozenset(f for f in [*kb.place_forms, *kb.form_family, *kb.qualifiers]
                                     if len(f) > 1 and f.isalpha() and f.isupper())
        p = _pieces(kb, _alternation)
        qual, place, title, of, places = p["qual"], p["place"], p["title"], p["of"], p["places"]
        self._sources = {  # for Python's engine
            # "<qual> <place> <title> <name>" (the name is read after the match)
            "prefix": rf"(?<![\w\-’'.]){qual}(?:{place})?{title}(?![\w\-]){of}(?={_GAP}{_NAME_START})",
            # ", the <title> of <place>" / ", <place>'s <title>" after a name
            "appositive": rf",{_GAP}(?:(?:the|The){_GAP})?{qual}(?:{place})?{title}(?![\w\-]){of}(?={_APPOSITIVE_END})",
            # "the <place> <title>, <name>" (names are read after the match)
            "lead": rf"(?:(?<![\w])(?:the|The){_GAP}|(?=(?:{places})['’]s{_GAP})){qual}(?:{place})?{title}(?![\w\-]){of},{_GAP}(?={_NAME_START})",
            # the same without the "<place>'s" branch, for blocks with no "'s" before a
            # space; it starts with a literal, so the engine skips ahead to each "the"
            "lead_the": rf"(?:the|The)(?<!\wthe)(?<!\wThe){_GAP}{qual}(?:{place})?{title}(?![\w\-]){of},{_GAP}(?={_NAME_START})",
        }

    @functools.cached_property
    def _re2(self) -> Re2Mentions | None:
        kb = self.kb
        lists = [kb.qualifiers, kb.place_forms, kb.form_family, kb.suffixes]
        if not re2_available() or any(f[:1] == " " for forms in lists for f in _forms(forms, lower=True)):
            return None
        return Re2Mentions(_pieces(kb, _plain_alternation), _GAP, _APPOSITIVE_WORDS, _APPOSITIVE_END)

    def finditer(self, kind: str, text: str, start: int, end: int):
        """The matches of pattern ``kind`` (prefix, appositive, lead, lead_the) in
        ``text[start:end]``, the same on either engine."""
        fast = self._re2
        found = fast.find(kind, text, start, end) if fast is not None else None
        return found if found is not None else getattr(self, kind).finditer(text, start, end)

    @functools.cached_property
    def prefix(self) -> re.Pattern:
        return re.compile(self._sources["prefix"])

    @functools.cached_property
    def appositive(self) -> re.Pattern:
        return re.compile(self._sources["appositive"])

    @functools.cached_property
    def lead(self) -> re.Pattern:
        return re.compile(self._sources["lead"])

    @functools.cached_property
    def lead_the(self) -> re.Pattern:
        return re.compile(self._sources["lead_the"])

    @functools.cached_property
    def qualifier_kinds(self) -> list[tuple[re.Pattern, str]]:
        """Each qualifier alone, longest first, with its kind (what _qualifier_kind reads)."""
        return [
            (re.compile(rf"\s*{re.escape(q.rstrip('-')).replace(chr(92) + ' ', _GAP)}(?:-|{_GAP}|$)"), kind)
            for q, kind in sorted(self.kb.qualifiers.items(), key=lambda item: len(item[0]), reverse=True)]


_PATTERNS: dict[int, tuple[KnowledgeBase, Patterns]] = {}


def patterns_for(kb: KnowledgeBase) -> Patterns:
    """The compiled patterns of a base, built once per loaded base."""
    hit = _PATTERNS.get(id(kb))
    if hit is None or hit[0] is not kb:
        if len(_PATTERNS) > 8:
            _PATTERNS.clear()
        hit = _PATTERNS[id(kb)] = (kb, Patterns(kb))
    return hit[1]


# --------------------------------------------------------------------------- names


def _read_name_words(text: str, pos: int, limit: int) -> list[tuple[str, int, int]]:
    """Name-like words from ``pos`` on: (word, start, end), stopping at the first word
    that is not a name word or after a possessive."""
    words: list[tuple[str, int, int]] = []
    p = pos
    while len(words) < limit:
        m = _NAME_WORD_RE.match(text, p)
        if not m:
            break
        word, s, e = m.group(), m.start(), m.end()
        possessive = False
        for tail in ("'s", "’s"):
            if word.endswith(tail):
                word, e, possessive = word[:-2], e - 2, True
                break
        if (word.endswith(".") and len(word) > 2 and word[:-1].casefold() not in _NAME_SUFFIXES | {"jr", "sr", "st"}
                and not _INITIALS_RE.fullmatch(word)):
            word, e = word[:-1], e - 1  # a sentence's full stop, not an initial
        if not word:
            break
        words.append((word, s, e))
        if possessive or e < m.end() and text[e:m.end()] == ".":
            break
        g = _GAP_RE.match(text, e)
        if not g:
            break
        p = g.end()
    return words


def lookup_forward(kb: KnowledgeBase, text: str, pos: int) -> tuple[list[Person], bool, int, int] | None:
    """The longest name the base knows starting at ``pos``: (people, surname_only, start,
    end). A leading honorific ("Sir", "Dr.") is passed over."""
    words = _read_name_words(text, pos, kb.max_name_words + 2)
    if words and words[0][0].rstrip(".").casefold() in _HONORIFICS and len(words) > 1:
        words = words[1:]
    for k in range(min(len(words), kb.max_name_words), 0, -1):
        chunk = words[:k]
        keys = name_keys(" ".join(w for w, _, _ in chunk))
        nxt = words[k][0].rstrip(".").casefold() if k < len(words) else ""
        if nxt in _NAME_SUFFIXES and not keys[0].endswith(nxt):
            # "Donald Trump Jr." is not Donald Trump
            return None
        start, end = chunk[0][1], chunk[-1][2]
        for key in keys:
            if key in kb.full_index:
                return kb.full_index[key], False, start, end
        for key in keys:
            if key in kb.surname_index:
                return kb.surname_index[key], True, start, end
    return None


def _thing_follows(kb: KnowledgeBase, text: str, end: int) -> bool:
    """"King Charles Spaniel", "Prince Edward Island": a thing named after a person."""
    m = re.match(rf"{_GAP}([\w.'’]+)", text[end:end + 40])
    if not m:
        return False
    word = m.group(1)
    return word in kb.things or word.rstrip(".") in kb.things


def lookup_backward(kb: KnowledgeBase, text: str, end: int, floor: int) -> tuple[list[Person], int, int] | None:
    """A full name (never a bare surname) ending exactly at ``end``."""
    lo = max(floor, end - 80)
    spans = [(m.start(), m.end()) for m in _NAME_WORD_RE.finditer(text, lo, end)]
    if not spans or spans[-1][1] != end:
        return None
    starts = [spans[-1][0]]
    for i in range(len(spans) - 2, -1, -1):
        s, e = spans[i]
        if len(starts) >= kb.max_name_words or not _GAP_RE.fullmatch(text, e, starts[-1]):
            break
        starts.append(s)
    for s in reversed(starts):  # longest first
        for key in name_keys(text[s:end]):
            if key in kb.full_index and (len(key.split()) >= 2 or any(name_key(p.name) != key or len(key.split()) > 1 for p in kb.full_index[key])):
                return kb.full_index[key], s, end
    return None


# --------------------------------------------------------------------------- context


def _word_before(text: str, pos: int, floor: int) -> tuple[str, int]:
    m = re.search(r"([\w’'\-.]+)[ \t]*\n?[ \t]*$", text[max(floor, pos - 40):pos])
    if not m:
        return "", pos
    return m.group(1), max(floor, pos - 40) + m.start(1)


def _ends_sentence_before(text: str, word: str, wstart: int, floor: int) -> bool:
    """"said John Smith. Prime Minister ...": the word before ends the last sentence (a
    full stop that is not "Inc." or an initial), so it names no body of the title."""
    return word.endswith(".") and not abbreviation_before(text, wstart + len(word) - 1, floor)


def _sentence_start(text: str, pos: int, floor: int) -> bool:
    before = text[max(floor, pos - 3):pos]
    stripped = before.rstrip()
    return pos <= floor or not stripped or stripped[-1] in ".!?:;\"“”'‘(—–-" or "\n" in before


# words a headline in capitals keeps in lower case when it is read as Title Case
_SMALL_WORDS = {"of", "the", "and", "a", "an", "to", "in", "on", "at", "for", "by", "with", "as", "from"}
_CAPITALS_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def in_capitals(text: str, start: int, end: int) -> bool:
    """A block set in capitals ("VICE PRESIDENT BIDEN SAYS ..."): letters, none lower case."""
    block = text[start:end]
    return block == block.upper() and block != block.lower()


def readable_capitals(kb: KnowledgeBase, text: str, start: int, end: int) -> str:
    """``text`` with ``text[start:end]``, set in capitals, in Title Case, so the patterns,
    written for titles and names as copy capitalises them, can read it. Offsets stay
    the same: each word keeps its length. Words the base writes in capitals ("US",
    "VP") stay so; small words ("of", "the") go to lower case."""
    keep = patterns_for(kb).upper_words

    def recase(m: re.Match) -> str:
        word = m.group()
        stem, possessive = (word[:-2], word[-2:].lower()) if word.endswith(("'S", "’S")) else (word, "")
        if stem in keep:
            new = stem + possessive
        elif stem.lower() in _SMALL_WORDS:
            new = word.lower()
        else:
            new = stem[0] + stem[1:].lower() + possessive
        return new if len(new) == len(word) else word  # a letter whose lower case is longer

    return text[:start] + _CAPITALS_WORD_RE.sub(recase, text[start:end]) + text[end:]


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’]*", text) if len(w) > 3]
    if len(words) < 3:
        return True
    return sum(w[0].isupper() for w in words) / len(words) > 0.6


# --------------------------------------------------------------------------- finding


def find_mentions(kb: KnowledgeBase, text: str, start: int, end: int, headline: bool = False) -> list[Mention]:
    """Titled mentions of known people in ``text[start:end]`` (one block of the story).
    Headlines may be in Title Case, where capitals say nothing about names."""
    pats = patterns_for(kb)
    block = text[start:end]
    title_case = headline and _title_case(block)
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    # 1. "<title> <name>"
    for m in pats.finditer("prefix", text, start, end):
        name_pos = _GAP_RE.match(text, m.end())
        if not name_pos:
            continue
        found = lookup_forward(kb, text, name_pos.end())
        if not found:
            continue
        people, surname_only, ns, ne = found
        if _thing_follows(kb, text, ne):
            continue
        if surname_only and not title_case and _NAME_AFTER_RE.match(text, ne):
            continue  # "Sen. Scott Brown": a surname we know, but another person's full name
        mention = _build(kb, m, text, start, people, surname_only, ns, ne, "prefix", title_case)
        if mention is not None:
            out.append(mention)
            taken.append((mention.title_start, mention.name_end))

    # 2. "<name>, the <title> of <place>"
    for m in pats.finditer("appositive", text, start, end):
        found = lookup_backward(kb, text, m.start(), start)
        if not found:
            continue
        people, ns, ne = found
        mention = _build(kb, m, text, start, people, False, ns, ne, "appositive", title_case)
        if mention is not None and not overlaps(mention.title_start, mention.title_end):
            out.append(mention)
            taken.append((ns, mention.end))

    # 3. "the <title>, <name>," (needs a comma; the "<place>'s" branch needs "'s ")
    lead = "lead" if _POSSESSIVE_GAP_RE.search(text, start, end) else "lead_the"
    for m in (pats.finditer(lead, text, start, end) if text.find(",", start, end) >= 0 else ()):
        found = lookup_forward(kb, text, m.end())
        if not found:
            continue
        people, surname_only, ns, ne = found
        if surname_only:
            continue
        after = text[ne:ne + 12]
        if not re.match(r"\s*(?:[,;:.)]|$)|\s+(?:said|says|has|had|was|is|will|would|told|tells)\b", after):
            continue
        mention = _build(kb, m, text, start, people, False, ns, ne, "lead", title_case)
        if mention is not None and not overlaps(mention.title_start, mention.title_end):
            out.append(mention)
            taken.append((mention.start, ne))
    out.sort(key=lambda x: x.start)
    return out


def _qualifier_kind(kb: KnowledgeBase, parts: list[str]) -> str:
    """"former" -> past; several ("soon-to-be new"): skip wins, then elect, past, then."""
    kinds = []
    for part in parts:
        rest = part
        while rest.strip():
            for pattern, kind in patterns_for(kb).qualifier_kinds:
                m = pattern.match(rest)
                if m:
                    kinds.append(kind)
                    rest = rest[m.end():]
                    break
            else:
                break
    if not kinds:
        return "current"
    for k in ("skip", "elect", "past", "then", "current"):
        if k in kinds:
            return k
    return "current"


def _build(kb: KnowledgeBase, m: re.Match, text: str, floor: int, people: list[Person], surname_only: bool,
           ns: int, ne: int, pattern: str, title_case: bool) -> Mention | None:
    title = m.group("title")
    title_norm = re.sub(r"\s+", " ", title)
    family = kb.family_of(title_norm)
    if family is None:
        return None
    lower_title = title_norm[:1].islower()
    fam = kb.families[family]
    if surname_only and not fam.surname:
        return None
    style_only = surname_only and lower_title
    if style_only and not any(p.family == family for person in people for p in person.positions):
        return None  # "president Obama" is his title in lower case; "the president Smith" unknown
    qual_text = " ".join(x.strip() for x in (m.group("qual"), m.group("qual2")) if x).strip()
    qualifier = _qualifier_kind(kb, [x for x in (m.group("qual"), m.group("qual2")) if x])
    suffix = m.group("suffix") or ""
    if suffix:
        skind = kb.suffixes.get(suffix, "skip")
        if skind == "skip" or qualifier in ("past", "then", "skip"):
            qualifier = "skip"
        else:
            qualifier = "elect"
    places: set[str] = set()
    for g in ("place", "of"):
        ptext = m.group(g)
        if ptext:
            ptext = re.sub(r"\s+", " ", ptext.strip())
            for code in kb.place_forms.get(ptext, ()):
                places |= kb.covers(code)
    # the word before the mention: another office ("Deputy"), an organisation we do not
    # know ("Harvard President"), or a person's possessive ("Obama's Secretary of State")
    lead_start = m.start("qual") if m.group("qual") else (m.start("place") if m.group("place") else m.start("title"))
    if pattern == "prefix":
        if lead_start > floor and text[lead_start - 1] in "-/":
            return None
        word, wstart = _word_before(text, lead_start, floor)
        if word:
            bare = word.rstrip(".,")
            if bare in kb.blockers:
                return None
            if bare.endswith(("'s", "’s")) and bare[:-2] not in kb.place_forms and bare not in kb.place_forms:
                if bare[:1].isupper() and qualifier == "current":
                    qualifier = "then"  # "Obama's Secretary of State Hillary Clinton"
            elif (bare[:1].isupper() and not title_case and bare not in _SENTENCE_STARTERS
                  and not _sentence_start(text, wstart, floor) and bare not in kb.place_forms
                  and bare not in kb.qualifiers and not _ends_sentence_before(text, word, wstart, floor)):
                return None  # "Harvard President ...": a body we cannot place
    if qualifier == "current" and pattern != "appositive":
        # "ex-West German Chancellor", "former Massachusetts Sen.": a qualifier before a
        # word we do not know as a place still makes the claim a past one
        back = text[max(floor, lead_start - 40):lead_start].split()[-2:]
        for w in back:
            w = w.strip("(\"“'‘,")
            if w.startswith(("ex-", "Ex-")) or w in ("former", "Former", "ex", "Ex"):
                qualifier = "past"
            elif w.startswith(("then-", "Then-")) or w in ("late", "Late"):
                qualifier = "then"
    title_start = m.start("title")
    title_end = m.end("suffix") if suffix else m.end("title")
    core_start = m.start("place") if m.group("place") else title_start
    if pattern == "appositive":
        start, end = ns, m.end()
    else:
        start, end = m.start() if pattern == "prefix" else (m.start("qual") if m.group("qual") else core_start), ne
    qs = m.start("qual") if m.group("qual") else core_start
    notes = ["sentence-start"] if (title_case or _sentence_start(text, lead_start, floor)) else []
    if style_only:
        notes.append("style-only")  # too loose a reference to judge the title by, not its capitals
    return Mention(notes=notes, core_text=text[core_start:title_end], start=start, end=end, core_start=core_start, title_start=title_start, title_end=title_end,
                   title_text=text[title_start:title_end], family=family,
                   places=tuple(sorted(places)) if places else None, qualifier=qualifier, qual_text=qual_text,
                   qual_start=qs, name_text=text[ns:ne], name_start=ns, name_end=ne, people=list(people),
                   surname_only=surname_only, pattern=pattern, lower_title=lower_title)
