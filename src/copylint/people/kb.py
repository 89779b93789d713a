"""The people knowledge base: who held which title, where, from when to when.

Kept as data in ``rules/people/*.yaml`` (plus files named by the ``people`` config key),
so a desk can correct or extend it without touching code. Every malformed entry is an
error naming ``file:line``. See rules/people/README.md for the format.
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
import stat
import time
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from ..data import rules_path
from ..hints import did_you_mean
from ..yamlutil import FAST_SAFE_LOADER, Located, LocatedList, YamlError, load_located, parse_cached, read_utf8

SPECIAL_FILES = ("titles.yaml", "places.yaml")
PERSON_KEYS = {"name", "id", "aliases", "surnames", "source", "positions", "note", "tracks"}
POSITION_KEYS = {"title", "of", "start", "end", "source", "note"}
FILE_KEYS = {"source", "as_of", "tracks", "priority", "people", "note"}


class KBError(YamlError):
    """A malformed knowledge-base entry, phrased as ``file:line: message``."""


# --------------------------------------------------------------------------- names


_SUFFIX_RE = re.compile(r",?\s+(?:Jr\.?|Sr\.?|II|III|IV)$")


# letters no accent can be taken from, as copy without them writes them ("Lokke Rasmussen")
_PLAIN_LETTERS = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i"})
# umlauts as copy spells them out ("Schroeder" for Schröder, "Persson" aside)
_SPELLED_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ø": "oe", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "Ø": "Oe"})


def name_key(text: str) -> str:
    """Fold a name for lookup: case, accents, apostrophes, full stops and hyphens do not
    matter, and initials run together ("J. D. Vance" = "JD Vance" = "J.D. Vance")."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_PLAIN_LETTERS).replace("’", "'").replace("‘", "'").replace("ʼ", "'")
    text = re.sub(r"[.\-‐–]", " ", text)
    merged: list[str] = []
    initials = False  # the last word is a run of single letters
    for w in text.split():
        if len(w) == 1 and w.isalpha() and merged and initials:
            merged[-1] += w
        else:
            merged.append(w)
            initials = len(w) == 1 and w.isalpha()
    return " ".join(merged)


def name_keys(text: str) -> list[str]:
    """The keys a name is indexed and looked up under: its name_key and, when it has an
    umlaut, the key of the umlaut spelt out, so "Schröder", "Schroder" and "Schroeder"
    meet, whichever of them the base or the copy writes."""
    text = unicodedata.normalize("NFC", text)
    spelled = text.translate(_SPELLED_UMLAUTS)
    return [name_key(text)] if spelled == text else [name_key(text), name_key(spelled)]


def slug(text: str) -> str:
    key = name_key(_SUFFIX_RE.sub("", text))
    return re.sub(r"[^a-z0-9]+", "-", key).strip("-")


def default_surname(name: str) -> str:
    """The last word of a name, without Jr./Sr./II."""
    base = _SUFFIX_RE.sub("", name.strip())
    parts = base.split()
    return parts[-1] if parts else base


# --------------------------------------------------------------------------- model


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    short: str
    forms: tuple[str, ...]
    adjectives: tuple[str, ...]
    within: tuple[str, ...]


@dataclass(frozen=True)
class Family:
    name: str
    forms: tuple[str, ...]
    surname: bool
    tracked: bool
    kept: bool = False  # the holder keeps the title after the term (a monarch)
    single: bool = False  # one holder at a time in each country or body
    rank: int = 0  # over the offices of one country with a lower rank ("former Vice President" as President)


@dataclass(frozen=True)
class Position:
    family: str
    title: str
    place: str
    start: dt.date
    end: dt.date | None
    as_of: dt.date | None  # for an open term: the date up to which the source knows it
    source: str
    where: str  # file:line
    priority: int = 0
    known_until: dt.date | None = None  # the source's as_of, for any term: what it could know


    def last_known(self) -> dt.date | None:
        """The last day the base knows the holder held it (None: open, no limit)."""
        if self.end is not None:
            return self.end - dt.timedelta(days=1)
        return self.as_of


@dataclass
class Person:
    id: str
    name: str
    names: list[str] = field(default_factory=list)
    surnames: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    tracks: set[str] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)
    where: str = ""

    @property
    def surname(self) -> str:
        return self.surnames[0] if self.surnames else default_surname(self.name)


@dataclass
class KnowledgeBase:
    families: dict[str, Family]
    places: dict[str, Place]
    people: dict[str, Person]
    form_family: dict[str, str]  # title form (as written) -> family
    blockers: frozenset[str]
    things: frozenset[str]
    qualifiers: dict[str, str]  # qualifier as written -> kind
    suffixes: dict[str, str]
    full_index: dict[str, list[Person]] = field(default_factory=dict)
    surname_index: dict[str, list[Person]] = field(default_factory=dict)
    place_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)  # form -> codes
    max_name_words: int = 1

    def form_of(self, title: str) -> str | None:
        """The base's own form of a title written in any case ("speaker of the house" ->
        "Speaker of the House")."""
        if title in self.form_family:
            return title
        folded = title.casefold()
        return next((form for form in self.form_family if form.casefold() == folded), None)

    def family_of(self, title: str) -> str | None:
        form = self.form_of(title)
        return self.form_family[form] if form is not None else None

    def covers(self, code: str) -> set[str]:
        """The place itself and the bodies it covers (EU -> the Commission and the Council)."""
        out = {code}
        for sub in self.places[code].within:
            out |= self.covers(sub)
        return out

    def place_label(self, code: str) -> str:
        return self.places[code].short if code in self.places else code

    def office_label(self, pos: Position) -> str:
        """"US Vice President", "Ukrainian President", "UN Secretary-General"."""
        return f"{self.place_label(pos.place)} {pos.title}"

    def index(self) -> None:
        self.full_index.clear()
        self.surname_index.clear()
        longest = 1
        for person in self.people.values():
            seen: set[str] = set()
            for form in [person.name, *person.names]:
                for key in name_keys(form):
                    if key and key not in seen:
                        seen.add(key)
                        self.full_index.setdefault(key, []).append(person)
                        longest = max(longest, len(key.split()))
            for sur in person.surnames or [default_surname(person.name)]:
                for key in name_keys(sur):
                    if key:
                        self.surname_index.setdefault(key, [])
                        if person not in self.surname_index[key]:
                            self.surname_index[key].append(person)
        self.max_name_words = longest


# --------------------------------------------------------------------------- loading helpers


def _err(path: str, line: int | None, message: str) -> KBError:
    return KBError(path, line, message)


def _load_yaml(text: str, path: str) -> Any:
    """libyaml's parser when present (the base is long: loading it is most of a short
    run's start-up); on any problem the pure parser reads it again, so errors are worded
    exactly as before."""
    if FAST_SAFE_LOADER is not yaml.SafeLoader:
        try:
            return load_located(text, path, FAST_SAFE_LOADER)
        except Exception:  # noqa: BLE001 - the pure parser below words the error
            pass
    return load_located(text, path)


def _read(path: Path) -> Any:
    try:
        text = read_utf8(path)
    except OSError as exc:
        raise _err(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    except YamlError as exc:
        raise KBError(exc.path, exc.line, exc.message) from None
    try:
        return parse_cached(text, str(path), _load_yaml, __file__)
    except YamlError as exc:
        raise KBError(exc.path, exc.line, exc.message) from None


def parse_date(value: Any, path: str, line: int, what: str) -> dt.date:
    """A people file's date. One outside the years articles are judged in (a "never ends"
    9999-12-31) is refused here: a grace period added to it overflowed inside the
    title rules, where no file or line could be named."""
    from ..readers.common import EARLIEST_DATE, LATEST_DATE, judged_date

    day = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    if day is None:
        raise _err(path, line, f"{what} must be a date written YYYY-MM-DD, not {value!r}")
    if not judged_date(day):
        hint = " (leave 'end' out for a term still open)" if what == "'end'" else ""
        raise _err(path, line, f"{what} {day} is outside the years copylint judges articles in "
                               f"({EARLIEST_DATE.year} to {LATEST_DATE.year}){hint}")
    return day


def _str_list(value: Any, path: str, line: int, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return [v.strip() for v in value]
    raise _err(path, line, f"{what} must be a list of names")


def _mapping(value: Any, path: str, line: int, what: str) -> Located:
    if not isinstance(value, Located):
        raise _err(path, line, f"{what} must be a mapping")
    return value


def _check_keys(data: Located, allowed: set[str], path: str, what: str) -> None:
    for key in data:
        if key not in allowed:
            raise _err(path, data.line_of(str(key)), f"unknown key {key!r} in {what}{did_you_mean(str(key), allowed)}")


# --------------------------------------------------------------------------- vocabularies


def load_vocabulary(titles_file: Path, places_file: Path) -> KnowledgeBase:
    tpath, ppath = str(titles_file), str(places_file)
    tdata = _mapping(_read(titles_file), tpath, 1, "the titles file")
    families: dict[str, Family] = {}
    form_family: dict[str, str] = {}
    fams = _mapping(tdata.get("families"), tpath, tdata.line_of("families"), "'families'")
    for name, spec in fams.items():
        line = fams.line_of(str(name))
        spec = _mapping(spec, tpath, line, f"family {name!r}")
        _check_keys(spec, {"forms", "surname", "tracked", "kept", "single", "rank"}, tpath, f"family {name!r}")
        rank = spec.get("rank", 0)
        if isinstance(rank, bool) or not isinstance(rank, int) or rank < 0:
            raise _err(tpath, spec.line_of("rank"), f"the rank of {name!r} must be a whole number, 0 or more")
        forms = tuple(_str_list(spec.get("forms"), tpath, line, f"forms of {name!r}"))
        if not forms:
            raise _err(tpath, line, f"family {name!r} has no forms")
        for form in forms:
            if form in form_family:
                raise _err(tpath, line, f"title form {form!r} is in two families ({form_family[form]!r} and {name!r})")
            form_family[form] = str(name)
        families[str(name)] = Family(str(name), forms, bool(spec.get("surname", False)), bool(spec.get("tracked", False)),
                                     bool(spec.get("kept", False)), bool(spec.get("single", False)), rank)
    blockers = frozenset(_str_list(tdata.get("blockers"), tpath, tdata.line_of("blockers"), "'blockers'"))
    things = frozenset(_str_list(tdata.get("things"), tpath, tdata.line_of("things"), "'things'"))
    qualifiers: dict[str, str] = {}
    quals = tdata.get("qualifiers") or Located()
    for kind, forms in quals.items():
        if kind not in ("past", "then", "elect", "current", "skip"):
            raise _err(tpath, quals.line_of(str(kind)), f"unknown qualifier kind {kind!r}")
        for form in _str_list(forms, tpath, quals.line_of(str(kind)), f"qualifiers {kind!r}"):
            qualifiers[form] = str(kind)
    suffixes: dict[str, str] = {}
    sufs = tdata.get("suffixes") or Located()
    for kind, forms in sufs.items():
        if kind not in ("elect", "skip"):
            raise _err(tpath, sufs.line_of(str(kind)), f"unknown suffix kind {kind!r}")
        for form in _str_list(forms, tpath, sufs.line_of(str(kind)), f"suffixes {kind!r}"):
            suffixes[form] = str(kind)

    pdata = _mapping(_read(places_file), ppath, 1, "the places file")
    plist = _mapping(pdata.get("places"), ppath, pdata.line_of("places"), "'places'")
    places: dict[str, Place] = {}
    for code, spec in plist.items():
        line = plist.line_of(str(code))
        if not isinstance(code, str):
            raise _err(ppath, line, f"place code {code!r} must be text (write it in quotes)")
        spec = _mapping(spec, ppath, line, f"place {code!r}")
        _check_keys(spec, {"name", "short", "forms", "adjectives", "within"}, ppath, f"place {code!r}")
        if not isinstance(spec.get("name"), str):
            raise _err(ppath, line, f"place {code!r} needs a name")
        places[str(code)] = Place(
            str(code), spec["name"], str(spec.get("short") or spec["name"]),
            tuple(_str_list(spec.get("forms"), ppath, line, "forms")),
            tuple(_str_list(spec.get("adjectives"), ppath, line, "adjectives")),
            tuple(_str_list(spec.get("within"), ppath, line, "within")))
    for p in places.values():
        for sub in p.within:
            if sub not in places:
                raise _err(ppath, plist.line_of(p.code), f"place {p.code!r} covers unknown place {sub!r}")
    _check_keys(tdata, {"families", "blockers", "things", "qualifiers", "suffixes"}, tpath, "the titles file")
    kb = KnowledgeBase(families, places, {}, form_family, blockers, things, qualifiers, suffixes)
    forms: dict[str, set[str]] = {}
    for p in places.values():
        for f in p.forms:
            forms.setdefault(f, set()).add(p.code)
            if not f.startswith("the "):
                forms.setdefault(f + "'s", set()).add(p.code)
                forms.setdefault(f + "’s", set()).add(p.code)
        for f in p.adjectives:
            forms.setdefault(f, set()).add(p.code)
    kb.place_forms = {f: tuple(sorted(c)) for f, c in forms.items()}
    return kb


# --------------------------------------------------------------------------- people files


def load_people_file(kb: KnowledgeBase, path: Path) -> list[Person]:
    """Parse and check one people file; returns its people (not yet merged)."""
    spath = str(path)
    data = _read(path)
    if data is None:
        return []
    data = _mapping(data, spath, 1, "a people file")
    _check_keys(data, FILE_KEYS, spath, "a people file")
    file_source = data.get("source")
    if file_source is not None and not isinstance(file_source, str):
        raise _err(spath, data.line_of("source"), "'source' must be text")
    as_of = parse_date(data["as_of"], spath, data.line_of("as_of"), "'as_of'") if data.get("as_of") is not None else None
    priority = data.get("priority", 0)
    if not isinstance(priority, int):
        raise _err(spath, data.line_of("priority"), "'priority' must be a whole number")
    tracks_spec = data.get("tracks", "own")
    file_tracks = _tracks(kb, tracks_spec, set(), spath, data.line_of("tracks"))
    people_data = data.get("people")
    if not isinstance(people_data, LocatedList):
        raise _err(spath, data.line_of("people") if "people" in data else data.line, "a people file needs a list under 'people'")
    out: list[Person] = []
    ids: dict[str, int] = {}
    for item, line in zip(people_data, people_data.item_lines):
        if not isinstance(item, Located):
            raise _err(spath, line, "each person must be a mapping with 'name' and 'positions'")
        _check_keys(item, PERSON_KEYS, spath, "a person")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise _err(spath, item.line, "a person needs a 'name'")
        pid = item.get("id") or slug(name)
        if not isinstance(pid, str):
            raise _err(spath, item.line_of("id"), "'id' must be text")
        if pid in ids:
            raise _err(spath, item.line, f"{name!r} has the same id {pid!r} as the person at line {ids[pid]}")
        ids[pid] = item.line
        source = item.get("source", file_source)
        if not isinstance(source, str) or not source.strip():
            raise _err(spath, item.line, f"{name!r} has no source: give 'source' for the person or the file")
        person = Person(pid, name.strip(), where=f"{spath}:{item.line}")
        person.names = _str_list(item.get("aliases"), spath, item.line_of("aliases"), "'aliases'")
        person.surnames = _str_list(item.get("surnames"), spath, item.line_of("surnames"), "'surnames'")
        person.sources = [source]
        positions = item.get("positions")
        if not isinstance(positions, LocatedList) or not positions:
            raise _err(spath, item.line_of("positions"), f"{name!r} needs a list of 'positions'")
        for pos, pline in zip(positions, positions.item_lines):
            new = _position(kb, pos, pline, spath, source, as_of, priority, name)
            _no_overlap_with_own(kb, person, new)
            person.positions.append(new)
        person.tracks = _tracks(kb, item.get("tracks", tracks_spec), file_tracks, spath, item.line_of("tracks"))
        out.append(person)
    return out


def _tracks(kb: KnowledgeBase, spec: Any, inherited: set[str], path: str, line: int) -> set[str]:
    """The title families a record lists completely: "default" (every tracked family),
    "own" (none beyond the person's own positions) or a list of families."""
    if spec == "default":
        return {f.name for f in kb.families.values() if f.tracked}
    if spec in ("own", None):
        return set()
    fams = set(_str_list(spec, path, line, "'tracks'"))
    for fam in fams:
        if fam not in kb.families:
            raise _err(path, line, f"unknown title family {fam!r}{did_you_mean(fam, kb.families)}")
    return fams


def _position(kb: KnowledgeBase, pos: Any, line: int, path: str, source: str, as_of: dt.date | None,
              priority: int, name: str) -> Position:
    if not isinstance(pos, Located):
        raise _err(path, line, "a position must be a mapping with 'title', 'of' and 'start'")
    _check_keys(pos, POSITION_KEYS, path, "a position")
    title = pos.get("title")
    if not isinstance(title, str):
        raise _err(path, pos.line, "a position needs a 'title'")
    family = kb.form_family.get(title)
    if family is None:
        raise _err(path, pos.line_of("title"), f"unknown title {title!r}{did_you_mean(title, kb.form_family)} "
                   "(title forms are listed in rules/people/titles.yaml)")
    place = pos.get("of")
    if isinstance(place, bool):
        raise _err(path, pos.line_of("of"), "the place code was read as true/false: write it in quotes (of: \"NO\")")
    if not isinstance(place, str) or place not in kb.places:
        raise _err(path, pos.line_of("of") if "of" in pos else pos.line,
                   f"unknown place {place!r}{did_you_mean(str(place), kb.places)} (codes are in rules/people/places.yaml)")
    if "start" not in pos or pos.get("start") is None:
        raise _err(path, pos.line, f"the {title} position of {name!r} needs a 'start' date")
    start = parse_date(pos["start"], path, pos.line_of("start"), "'start'")
    end = parse_date(pos["end"], path, pos.line_of("end"), "'end'") if pos.get("end") is not None else None
    if end is not None and end < start:
        raise _err(path, pos.line_of("end"), f"the {title} position of {name!r} ends ({end}) before it starts ({start})")
    psource = pos.get("source", source)
    if not isinstance(psource, str):
        raise _err(path, pos.line_of("source"), "'source' must be text")
    return Position(family, title, place, start, end, as_of if end is None else None, psource,
                    f"{path}:{pos.line}", priority, as_of)


def _no_overlap_with_own(kb: KnowledgeBase, person: Person, pos: Position) -> None:
    """One person cannot hold one office twice at once: two terms of the same office that
    overlap (an open one beside a closed one, or two closed) are an error at the second."""
    for other in person.positions:
        if other.family == pos.family and other.place == pos.place and _overlaps(other, pos):
            raise _located_error(pos, f"{person.name}: {_term(kb, pos)} overlaps their term {_term(kb, other)} "
                                      f"at line {other.where.rsplit(':', 1)[1]}")


# a change of holder on the same day or over a weekend is no clash
HANDOVER_DAYS = 3


def check_single_holders(kb: KnowledgeBase) -> None:
    """An office with one holder at a time (a family marked ``single`` in titles.yaml:
    a country's President, Prime Minister ...) held by two people for more than a
    handover: an error at the later term. An open term counts up to its file's as_of."""
    offices: dict[tuple[str, str], list[tuple[Person, Position]]] = {}
    for person in kb.people.values():
        for pos in person.positions:
            if kb.families[pos.family].single:
                offices.setdefault((pos.family, pos.place), []).append((person, pos))
    for terms in offices.values():
        terms.sort(key=lambda item: item[1].start)
        latest: tuple[Person, Position] | None = None  # the term reaching furthest so far
        for person, pos in terms:
            if latest is not None and latest[0] is not person:
                other_person, other = latest
                if (_last_day(other) - pos.start).days > HANDOVER_DAYS:
                    raise _located_error(pos, f"{person.name}: {_term(kb, pos)} overlaps {other_person.name}'s "
                                              f"term {_term(kb, other)} at {other.where}; the office has one holder at a time")
            if latest is None or _last_day(pos) > _last_day(latest[1]):
                latest = (person, pos)


def _last_day(pos: Position) -> dt.date:
    return pos.end or pos.as_of or dt.date.max


def _term(kb: KnowledgeBase, pos: Position) -> str:
    end = pos.end.isoformat() if pos.end else "open"
    return f"{kb.office_label(pos)} {pos.start.isoformat()} to {end}"


def _located_error(pos: Position, message: str) -> KBError:
    path, line = pos.where.rsplit(":", 1)
    return KBError(path, int(line), message)


def _overlaps(a: Position, b: Position) -> bool:
    a_end = a.end or dt.date.max
    b_end = b.end or dt.date.max
    return a.start < b_end and b.start < a_end


def merge(kb: KnowledgeBase, people: Iterable[Person]) -> None:
    """Add people to the base; the same id in several files is one person. Where two files
    give the same office for one person over overlapping dates, the file with the higher
    priority wins (hand-checked entries over bulk imports)."""
    for person in people:
        have = kb.people.get(person.id)
        if have is None:
            kb.people[person.id] = person
            continue
        for n in [person.name, *person.names]:
            if n != have.name and n not in have.names:
                have.names.append(n)
        for s in person.surnames:
            if s not in have.surnames:
                have.surnames.append(s)
        have.tracks |= person.tracks
        have.sources.extend(s for s in person.sources if s not in have.sources)
        for pos in person.positions:
            clash = [p for p in have.positions if p.family == pos.family and p.place == pos.place and _overlaps(p, pos)]
            if not clash:
                have.positions.append(pos)
            elif all(pos.priority > c.priority for c in clash):
                have.positions = [p for p in have.positions if p not in clash] + [pos]
            elif any(pos.priority == c.priority and (c.start, c.end) != (pos.start, pos.end) for c in clash):
                c = clash[0]
                raise KBError(pos.where.rsplit(":", 1)[0], int(pos.where.rsplit(":", 1)[1]),
                              f"{person.name}: {pos.title} from {pos.start} contradicts the entry at {c.where}")


def people_files(extra: Iterable[str] = ()) -> list[Path]:
    files = _yaml_files(_base_folder(), SPECIAL_FILES) + _extra_files(tuple(str(e) for e in extra))
    return [Path(f) for f in files]


@lru_cache(maxsize=1)
def _base_folder() -> str:
    return str(rules_path("people"))


def _extra_files(extra: tuple[str, ...]) -> list[str]:
    """Each extra file, or the *.yaml files of each extra folder, as plain strings: this
    runs for every article (the cache key of load_kb)."""
    files: list[str] = []
    for e in extra:
        try:
            is_folder = stat.S_ISDIR(os.stat(e).st_mode)
        except OSError:
            is_folder = False  # reported as "people file not found" when loading
        if is_folder:
            files.extend(_yaml_files(e, ()))
        else:
            files.append(e)
    return files


_LISTED: dict[tuple[str, tuple[str, ...]], tuple[int, list[str]]] = {}
_RACY_NS = 2_000_000_000


def _yaml_files(folder: str, skip: tuple[str, ...]) -> list[str]:
    """The *.yaml files of a folder, sorted by name, ``skip`` left out. Listed again only
    when the folder's mtime moves (adding, removing or renaming a file moves it); a folder
    changed in the last two seconds is listed every time, as a second change within the
    file system's clock tick would not move its mtime again."""
    try:
        stamp = os.stat(folder).st_mtime_ns
    except OSError:
        return []
    key = (folder, skip)
    hit = _LISTED.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".yaml") and n not in skip)
    except OSError:
        return []
    files = [os.path.join(folder, n) for n in names]
    if time.time_ns() - stamp > _RACY_NS:
        _LISTED[key] = (stamp, files)
    return files


def _stamps(files: list[str]) -> tuple[tuple[str, int, int], ...]:
    """Each file with what tells an edit: its mtime and size (-1, -1: missing)."""
    out = []
    for f in files:
        try:
            st = os.stat(f)
        except OSError:
            out.append((f, -1, -1))
            continue
        out.append((f, st.st_mtime_ns, st.st_size))
    return tuple(out)


@lru_cache(maxsize=8)
def _load_cached(extra: tuple[str, ...], stamps: tuple[tuple[str, int, int], ...]) -> KnowledgeBase:
    base = rules_path("people")
    key = _built_key([base / "titles.yaml", base / "places.yaml", *people_files(extra)])
    kb = _read_built(key) if key else None
    if kb is None:
        kb = _build(base, extra)
        if key:
            _write_built(key, kb)
    return kb


def _build(base: Path, extra: tuple[str, ...]) -> KnowledgeBase:
    kb = load_vocabulary(base / "titles.yaml", base / "places.yaml")
    for path in people_files(extra):
        if not path.is_file():
            raise KBError(str(path), None, "people file not found")
        merge(kb, load_people_file(kb, path))
    drop_duplicates(kb)
    check_single_holders(kb)
    for person in kb.people.values():
        person.positions.sort(key=lambda p: p.start)
    kb.index()
    return kb


# --------------------------------------------------------------------------- the built base, cached

# Building the base (checking every record, merging, indexing) is most of its loading
# time; reading it back from a pickle takes a seventh of that. The pickle is keyed by
# the exact bytes of every file read and of the code that builds and parses them, so an
# edit anywhere means a new build; only a base that built cleanly is kept, so every error
# still comes from _build and is worded as ever. A cache that cannot be read or written
# is no error.


def _built_key(files: list[Path]) -> str | None:
    """The cache key for a base built from ``files``, or None when a file cannot be read
    (then the build says what is wrong)."""
    import hashlib
    import sys

    from .. import yamlutil

    h = hashlib.sha1()
    try:
        for code in (__file__, yamlutil.__file__):
            h.update(Path(code).read_bytes())
        h.update(f"\0{yaml.__version__}\0{FAST_SAFE_LOADER.__name__}\0{sys.version}\0".encode())
        for f in files:
            h.update(str(f.resolve()).encode("utf-8", "surrogatepass") + b"\0")
            h.update(f.read_bytes() + b"\0")
    except OSError:
        return None
    return h.hexdigest()[:24]


def _built_path(key: str) -> Path:
    from ..data import user_cache_dir

    return user_cache_dir() / "people" / f"kb-{key}.pickle"


def _read_built(key: str) -> KnowledgeBase | None:
    from ..data import read_pickled

    kb = read_pickled(_built_path(key))
    return kb if isinstance(kb, KnowledgeBase) else None


def _write_built(key: str, kb: KnowledgeBase) -> None:
    from ..data import write_pickled

    write_pickled(_built_path(key), kb, "kb-*.pickle")


def drop_duplicates(kb: KnowledgeBase) -> None:
    """Bulk sources spell some names their own way ("M. Rutte", "Rajoy Brey"). A term
    that a higher-priority file already gives (same office, start within a week) to a
    person sharing a name word is the same term: the lower one is dropped, and a person
    left with no positions goes."""
    by_office: dict[tuple[str, str], list[tuple[Person, Position]]] = {}
    for person in kb.people.values():
        for pos in person.positions:
            by_office.setdefault((pos.family, pos.place), []).append((person, pos))
    drop: set[tuple[str, int]] = set()
    name_words = {pid: set(name_key(p.name).split()) for pid, p in kb.people.items()}  # folded once
    for items in by_office.values():
        # only terms starting within a week of each other can be the same term: compare
        # each with those, found in the office's terms sorted by start (day numbers)
        items.sort(key=lambda item: item[1].start)
        days = [pos.start.toordinal() for _, pos in items]
        for person, pos in items:
            words = {w for w in name_words[person.id] if len(w) > 2}
            day = pos.start.toordinal()
            near = items[bisect.bisect_left(days, day - 7):bisect.bisect_right(days, day + 7)]
            for other, opos in near:
                if other is person or opos.priority <= pos.priority:
                    continue
                if abs((opos.start - pos.start).days) <= 7 and words & name_words[other.id]:
                    drop.add((person.id, id(pos)))
                    break
    for pid in {d[0] for d in drop}:
        person = kb.people[pid]
        person.positions = [p for p in person.positions if (pid, id(p)) not in drop]
        if not person.positions:
            del kb.people[pid]


_SHIPPED_RECHECK_NS = 1_000_000_000
_shipped: dict[str, tuple[int, tuple[tuple[str, int, int], ...]]] = {}  # folder -> (looked at, stamps)


def _shipped_stamps() -> tuple[tuple[str, int, int], ...]:
    """The stamps of the shipped people files, looked at again once a second: they change
    by hand, between runs, and six stats per article were a third of the cost of a short
    one. The desk's files (``extra``) are looked at for every article."""
    folder = _base_folder()
    now = time.monotonic_ns()
    hit = _shipped.get(folder)
    if hit is None or now - hit[0] >= _SHIPPED_RECHECK_NS:
        hit = _shipped[folder] = (now, _stamps(_yaml_files(folder, SPECIAL_FILES)))
    return hit[1]


def load_kb(extra: Iterable[str] = ()) -> KnowledgeBase:
    """The shipped base plus ``extra`` files or folders (config key ``people``), loaded
    again when a file is added, removed or edited (a shipped one: within a second)."""
    extra = tuple(str(e) for e in extra)
    return _load_cached(extra, _shipped_stamps() + _stamps(_extra_files(extra)))
