"""Import officeholders from CSV or JSON (for instance a Wikidata query of "position
held" with start and end dates) into the people-file format of rules/people/.

Columns (CSV header or JSON keys; Wikidata's SPARQL JSON results work as they are):
  person / personLabel / name      who (a label, or an identifier grouped by personLabel)
  position / positionLabel / title the office: "President of Ukraine", "Prime Minister
                                   of the United Kingdom", "United States Secretary of
                                   State", or a bare title with a place column
  start, end                       dates (YYYY-MM-DD or Wikidata's 2019-05-20T00:00:00Z)
  country / countryLabel / of      the country or body, when the position does not say
  aliases, source                  optional ("|"-separated aliases)
A row that cannot be read is an error naming the file and line.
"""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import yaml

from .kb import KBError, KnowledgeBase, check_single_holders, drop_duplicates, load_people_file, merge, name_key


class ImportError_(Exception):
    """A row that cannot be imported, phrased as ``file:line: message``."""


NAME_KEYS = ("personLabel", "name", "person_label", "person")
POSITION_KEYS = ("positionLabel", "position_label", "title", "position")
START_KEYS = ("start", "startTime", "start_time", "from")
END_KEYS = ("end", "endTime", "end_time", "to")
PLACE_KEYS = ("of", "countryLabel", "country_label", "country", "jurisdictionLabel", "jurisdiction")
_FILLER = re.compile(r"^(?:federal|the|state|national)\s+", re.I)


@dataclass
class Row:
    line: int
    values: dict[str, str]


@dataclass
class ImportedPerson:
    name: str
    key: str
    aliases: list[str] = field(default_factory=list)
    positions: list[dict[str, Any]] = field(default_factory=list)
    line: int = 0
    position_lines: list[int] = field(default_factory=list)  # the row of each position


# --------------------------------------------------------------------------- reading


def read_rows(path: Path) -> Iterator[Row]:
    from ..yamlutil import YamlError, read_utf8

    try:
        text = read_utf8(path, bom=True)
    except OSError as exc:
        raise ImportError_(f"{path}: cannot read: {exc.strerror or exc}") from None
    except YamlError as exc:
        raise ImportError_(str(exc)) from None
    if not text.strip():
        raise ImportError_(f"{path}:1: the file is empty (a CSV header or a JSON list of records is needed)")
    if path.suffix.lower() == ".json" or text.lstrip()[:1] in ("[", "{"):
        yield from _json_rows(path, text)
    else:
        yield from _csv_rows(path, text)


def _csv_rows(path: Path, text: str) -> Iterator[Row]:
    reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
    if not reader.fieldnames:
        raise ImportError_(f"{path}:1: empty file (a CSV header is needed)")
    for record in reader:
        if None in record:
            raise ImportError_(f"{path}:{reader.line_num}: more values than header columns")
        yield Row(reader.line_num, {k.strip(): (v or "").strip() for k, v in record.items() if k})


def _delimiter(text: str) -> str:
    """The header's separator: spreadsheets in many locales save CSV with ";" or tabs."""
    header = text.lstrip().split("\n", 1)[0]
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t|").delimiter
    except csv.Error:
        return ","  # one column, or nothing to tell by: the error names the header seen


def _json_rows(path: Path, text: str) -> Iterator[Row]:
    decoder = json.JSONDecoder()
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportError_(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
    # find where the list of records starts: a top-level list or SPARQL results.bindings
    if isinstance(doc, list):
        pos = text.index("[")
    elif isinstance(doc, dict) and isinstance(doc.get("results"), dict) and "bindings" in doc["results"]:
        m = re.search(r'"bindings"\s*:\s*\[', text)
        pos = m.end() - 1
    else:
        raise ImportError_(f"{path}:1: expected a list of records or SPARQL JSON results")
    i = pos + 1
    while True:
        while i < len(text) and text[i] in " \t\r\n,":
            i += 1
        if i >= len(text) or text[i] == "]":
            break
        obj, end = decoder.raw_decode(text, i)
        line = text.count("\n", 0, i) + 1
        if not isinstance(obj, dict):
            raise ImportError_(f"{path}:{line}: each record must be an object")
        values = {}
        for k, v in obj.items():
            if isinstance(v, dict) and "value" in v:  # SPARQL binding
                v = v["value"]
            values[str(k)] = "" if v is None else str(v).strip()
        yield Row(line, values)
        i = end


# --------------------------------------------------------------------------- mapping


def _first(values: dict[str, str], keys: tuple[str, ...]) -> str:
    for k in keys:
        if values.get(k):
            return values[k]
    return ""


def _date(value: str, where: str, what: str) -> dt.date:
    m = re.match(r"^\+?(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        raise ImportError_(f"{where}: {what} {value!r} is not a date (YYYY-MM-DD)")
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise ImportError_(f"{where}: {what} {value!r} is not a real date") from None
    from ..readers.common import EARLIEST_DATE, LATEST_DATE, judged_date

    if not judged_date(day):  # said at the row, not at a line of the file made from it
        hint = " (leave it empty for a term still open)" if what == "end" else ""
        raise ImportError_(f"{where}: {what} {value!r} is outside the years copylint judges articles in "
                           f"({EARLIEST_DATE.year} to {LATEST_DATE.year}){hint}")
    return day


def _place_code(kb: KnowledgeBase, text: str) -> str | None:
    text = text.strip()
    if text in kb.places:
        return text
    key = text.casefold()
    for code, place in kb.places.items():
        forms = {place.name, *place.forms, *place.adjectives}
        if key in {f.casefold() for f in forms} or key in {f.casefold().removeprefix("the ") for f in forms}:
            return code
    return None


def parse_position(kb: KnowledgeBase, label: str, place_hint: str) -> tuple[str, str] | None:
    """("President of Ukraine") -> ("President", "UA"); "United States Secretary of
    State" -> ("Secretary of State", "US"); a bare title takes the place column."""
    label = re.sub(r"\s+", " ", label.strip())
    forms = sorted(kb.form_family, key=len, reverse=True)
    # "<title> of <place>"
    for form in forms:
        m = re.match(rf"^(?:\w+ )?{re.escape(form)} of (.+)$", label, re.I)
        if m and _FILLER.sub("", label[: label.casefold().find(form.casefold())]).strip() == "":
            code = _place_code(kb, m.group(1))
            if code:
                return form, code
    # "<place> <title>"
    for form in forms:
        if label.casefold().endswith(" " + form.casefold()):
            code = _place_code(kb, _FILLER.sub("", label[: -len(form)].strip()))
            if code:
                return form, code
    # a bare title and a place column
    for form in forms:
        if _FILLER.sub("", label).casefold() == form.casefold() and place_hint:
            code = _place_code(kb, place_hint)
            if code:
                return form, code
    return None


def _columns_seen(values: dict[str, str], keys: tuple[str, ...]) -> str:
    """When the column is missing altogether, the header actually read, so a wrong
    separator or a renamed column shows."""
    if any(k in values for k in keys):
        return ""
    return "; the header has " + ", ".join(repr(k) for k in values) if values else ""


_NAME_SUFFIX_RE = re.compile(r"(?:jr|sr|ii|iii|iv|phd|md|kbe|obe)\.?", re.I)


def _surname_first(name: str) -> bool:
    """"Karis, Alar": a catalogue's order, not copy's. "Martin Luther King, Jr." is not."""
    parts = [p.strip() for p in name.split(",")]
    return len(parts) == 2 and all(parts) and not _NAME_SUFFIX_RE.fullmatch(parts[1])


def _given_first(name: str) -> str:
    surname, given = (p.strip() for p in name.split(","))
    return f"{given} {surname}"


def _why_unparsed(kb: KnowledgeBase, label: str, place_hint: str) -> tuple[str, str]:
    """Which half failed, and what to do: a title the base does not know, or a country
    it does not."""
    label = re.sub(r"\s+", " ", label.strip())
    for form in sorted(kb.form_family, key=len, reverse=True):
        m = re.match(rf"^(?:\w+ )?{re.escape(form)} of (.+)$", label, re.I)
        place = m.group(1) if m else (place_hint if _FILLER.sub("", label).casefold() == form.casefold() else None)
        if place is not None:
            if not place:
                return f"{label!r} names no country", "add a 'country' column"
            return (f"unknown country {place.strip()!r} for {label!r}",
                    "use a country name or code from rules/people/places.yaml")
    return (f"cannot tell the title and country from {label!r}",
            "use a title from rules/people/titles.yaml and a 'country' column")


def import_rows(kb: KnowledgeBase, path: Path, skip_unknown: bool = False,
                warnings: list[str] | None = None) -> list[ImportedPerson]:
    people: dict[str, ImportedPerson] = {}
    for row in read_rows(path):
        where = f"{path}:{row.line}"
        v = row.values
        name = _first(v, NAME_KEYS)
        if not name or re.fullmatch(r"(?:https?://\S+/)?Q\d+", name):
            raise ImportError_(f"{where}: no person name (columns: personLabel or name){_columns_seen(v, NAME_KEYS)}")
        label = _first(v, POSITION_KEYS)
        if not label:
            raise ImportError_(f"{where}: no position (columns: positionLabel or title){_columns_seen(v, POSITION_KEYS)}")
        if warnings is not None and _surname_first(name):
            warnings.append(f"{where}: {name!r} looks like surname first; copy writes "
                            f"{_given_first(name)!r}, and only the name as written is matched")
        parsed = parse_position(kb, label, _first(v, PLACE_KEYS))
        if parsed is None:
            problem, remedy = _why_unparsed(kb, label, _first(v, PLACE_KEYS))
            msg = f"{where}: {problem}"
            if skip_unknown:
                if warnings is not None:
                    warnings.append(msg + " (skipped)")
                continue
            raise ImportError_(f"{msg} ({remedy}, or --skip-unknown)")
        title, code = parsed
        start_text = _first(v, START_KEYS)
        if not start_text:
            raise ImportError_(f"{where}: {name}: no start date")
        start = _date(start_text, where, "start")
        end_text = _first(v, END_KEYS)
        end = _date(end_text, where, "end") if end_text else None
        if end is not None and end < start:
            raise ImportError_(f"{where}: {name}: the term ends ({end}) before it starts ({start})")
        key = v.get("person") or name
        person = people.setdefault(key, ImportedPerson(name, key, line=row.line))
        for alias in re.split(r"[|;]", v.get("aliases", "")):
            if alias.strip() and alias.strip() not in person.aliases and alias.strip() != name:
                person.aliases.append(alias.strip())
        pos: dict[str, Any] = {"title": title, "of": code, "start": start}
        if end:
            pos["end"] = end
        if v.get("source"):
            pos["source"] = v["source"]
        if pos not in person.positions:
            _no_overlap(kb, person, pos, path, row.line)
            person.positions.append(pos)
            person.position_lines.append(row.line)
    return list(people.values())


def _no_overlap(kb: KnowledgeBase, person: ImportedPerson, pos: dict[str, Any], path: Path, line: int) -> None:
    """Two rows giving one person one office over overlapping dates (an export often holds
    a statement twice, dated differently): the people file would be refused, so the rows
    are named here, where they can be mended."""
    family = kb.form_family[pos["title"]]
    far = dt.date.max
    for other, other_line in zip(person.positions, person.position_lines):
        if (kb.form_family[other["title"]] == family and other["of"] == pos["of"]
                and pos["start"] < other.get("end", far) and other["start"] < pos.get("end", far)):
            raise ImportError_(f"{path}:{line}: {person.name}: the {pos['title']} term from {pos['start']} overlaps "
                               f"the one from {other['start']} at line {other_line}; keep one of the rows")


# --------------------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    pass


class _Flow(dict):
    pass


_Dumper.add_representer(_Flow, lambda d, data: d.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True))


def to_yaml(people: list[ImportedPerson], source: str, as_of: dt.date) -> str:
    used: set[str] = set()
    entries = []
    for p in people:
        entry: dict[str, Any] = {"name": p.name}
        ident = re.sub(r"[^a-z0-9]+", "-", name_key(p.name)).strip("-")
        if ident in used:  # two people with one name: keep them apart
            ident = f"{ident}-{len(used)}"
            entry["id"] = ident
        used.add(ident)
        if p.aliases:
            entry["aliases"] = p.aliases
        entry["positions"] = [_Flow(x) for x in sorted(p.positions, key=lambda x: x["start"])]
        entries.append(entry)
    header = "# Imported by `copylint people import`. Facts only: names, offices, dates.\n"
    # as_of: an open term is known up to the export, not forever (as in the shipped files)
    return header + yaml.dump({"source": source, "as_of": as_of, "tracks": "own", "people": entries}, Dumper=_Dumper,
                              sort_keys=False, allow_unicode=True, width=120)


def _check_with_base(kb: KnowledgeBase, check_path: Path, export: Path, shown: str) -> None:
    """Load the written file with the base, as every run that names it will: two holders
    at once of an office that has one (overlapping rows of two people, or a row against
    the shipped base) would stop each of those runs, so the file is not written."""
    trial = copy.deepcopy(kb)
    merge(trial, load_people_file(trial, check_path))
    drop_duplicates(trial)
    try:
        check_single_holders(trial)
    except KBError as exc:
        detail = str(exc).replace(str(check_path), shown)
        raise ImportError_(f"{export}: not written, as every run would stop on it: {detail}") from None


def import_file(kb: KnowledgeBase, path: Path, output: Path | None, source: str | None = None,
                skip_unknown: bool = False, warnings: list[str] | None = None,
                as_of: dt.date | None = None) -> tuple[str, int, int]:
    """Read ``path``, write the people file (or return its text); returns (text, people,
    positions). ``as_of`` (default today) is the date the export is known to be true on.
    The result is loaded back with the base's own loader before it is written."""
    people = import_rows(kb, path, skip_unknown, warnings)
    text = to_yaml(people, source or f"imported from {path.name}", as_of or dt.date.today())
    if output is None:
        # printed only: checked in a scratch folder, nothing is left beside the input
        with tempfile.TemporaryDirectory(prefix="copylint-import-") as scratch:
            check_path = Path(scratch) / path.with_suffix(".imported.yaml").name
            check_path.write_text(text, encoding="utf-8")
            _check_with_base(kb, check_path, path, "<stdout>")
    else:
        # checked under a temporary name beside the output, then renamed into place
        tmp = output.with_name(f".{output.name}.tmp")
        tmp.write_text(text, encoding="utf-8")
        try:
            _check_with_base(kb, tmp, path, str(output))
            os.replace(tmp, output)
        finally:
            tmp.unlink(missing_ok=True)
    return text, len(people), sum(len(p.positions) for p in people)
