#!/usr/bin/env python3
"""Rebuild the bulk people files in rules/people/ from the shared officeholder data.

    python tools/build_people.py [--data ../shared/data/officeholders] [--out rules/people]

Writes:
  us_executive.yaml  US presidents and vice presidents, every term, exact dates
                     (unitedstates/congress-legislators executive.yaml, CC0)
  us_congress.yaml   current members of Congress with all their Senate and House terms
                     (same project, legislators-current.yaml, CC0)
  archigos.yaml      effective leaders with exact dates to 2015 (Archigos 4.1), only for
                     countries where the effective leader always held one title
                     (UK -> Prime Minister, Germany -> Chancellor, France since 1959 ->
                     President ...); a term still open at the end of 2015 is closed with
                     the successor's start date from REIGN (to March 2021) when REIGN
                     names the same leader.
Facts only (names, offices, dates); the sources are recorded in each file's header and
in rules/people/README.md. Hand-checked people live in curated.yaml, which wins where
both give the same office for one person.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
import urllib.parse
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "officeholders"

# Archigos country code -> (place code, title, first date the mapping holds)
ARCHIGOS_TITLES = {
    "UKG": ("GB", "Prime Minister", "1900-01-01"),
    "GFR": ("DE", "Chancellor", "1949-09-15"),
    "GMY": ("DE", "Chancellor", "1990-10-03"),
    "FRN": ("FR", "President", "1959-01-08"),
    "ITA": ("IT", "Prime Minister", "1946-07-13"),
    "JPN": ("JP", "Prime Minister", "1952-04-28"),
    "CAN": ("CA", "Prime Minister", "1900-01-01"),
    "AUL": ("AU", "Prime Minister", "1901-01-01"),
    "NEW": ("NZ", "Prime Minister", "1907-09-26"),
    "IND": ("IN", "Prime Minister", "1947-08-15"),
    "ISR": ("IL", "Prime Minister", "1948-05-14"),
    "SPN": ("ES", "Prime Minister", "1976-07-03"),
    "NTH": ("NL", "Prime Minister", "1945-06-24"),
    "BEL": ("BE", "Prime Minister", "1945-02-12"),
    "DEN": ("DK", "Prime Minister", "1945-05-05"),
    "NOR": ("NO", "Prime Minister", "1945-06-25"),
    "SWD": ("SE", "Prime Minister", "1946-10-11"),
    "MEX": ("MX", "President", "1946-12-01"),
    "BRA": ("BR", "President", "1985-03-15"),
    "ARG": ("AR", "President", "1983-12-10"),
    "SAF": ("ZA", "President", "1994-05-10"),
    "UKR": ("UA", "President", "1994-07-19"),
    "ROK": ("KR", "President", "1988-02-25"),
    "INS": ("ID", "President", "1998-05-21"),
}
# REIGN uses the same country codes for these, except where noted
REIGN_CODES = {"GMY": "GMY", "GFR": "GFR"}
# acting or caretaker leaders the data lists as effective leaders: not title holders
ARCHIGOS_SKIP = {"Oleksandr Turchynov", "Mikio Aoki", "Ramon Puerta", "Adolfo Rodriguez Saa"}


class Dumper(yaml.SafeDumper):
    pass


def _flow_dict(dumper, data):
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


class FlowMap(dict):
    pass


Dumper.add_representer(FlowMap, _flow_dict)


def write(path: Path, header: str, meta: dict, people: list[dict]) -> None:
    body = yaml.dump({**meta, "people": people}, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)
    path.write_text(header + body, encoding="utf-8")
    print(f"wrote {path} ({len(people)} people, {sum(len(p['positions']) for p in people)} positions)")


def merge_terms(terms: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """Join consecutive terms of one office (a second term starts the day the first ends)."""
    out: list[list] = []
    for title, start, end in sorted(terms, key=lambda t: (t[0], t[1])):
        if out and out[-1][0] == title and out[-1][2] is not None and (
                dt.date.fromisoformat(start) - dt.date.fromisoformat(out[-1][2])).days <= 3:
            out[-1][2] = end
            continue
        out.append([title, start, end])
    return [tuple(t) for t in sorted(out, key=lambda t: t[1])]


def position(title: str, place: str, start: str, end: str | None) -> FlowMap:
    p = FlowMap(title=title, of=place, start=dt.date.fromisoformat(start))
    if end:
        p["end"] = dt.date.fromisoformat(end)
    return p


# --------------------------------------------------------------------------- US executive


def build_executive(data: Path) -> tuple[dict, list[dict]]:
    people = yaml.safe_load((data / "us_executive.yaml").read_text(encoding="utf-8"))
    last_start = max(t["start"] for p in people for t in p["terms"])
    out = []
    plain = [f"{p['name'].get('nickname') or p['name']['first']} {p['name']['last']}" for p in people]
    for p, plain_name in zip(people, plain):
        n = p["name"]
        first, last = n["first"], n["last"]
        nick = n.get("nickname")
        name = plain_name
        if plain.count(plain_name) > 1 and n.get("middle"):
            # two presidents named George Bush: "George H. W. Bush", "George W. Bush"
            initials = " ".join(w[0] + "." for w in n["middle"].split())
            name = f"{nick or first} {initials} {last}"
            aliases_extra = {plain_name}
        else:
            aliases_extra = set()
        aliases = {f"{first} {last}"} | aliases_extra
        if n.get("middle"):
            aliases.add(f"{first} {n['middle'][0]}. {last}")
            aliases.add(f"{first} {n['middle']} {last}")
        if n.get("official_full"):
            aliases.add(n["official_full"])
        if n.get("suffix"):
            aliases |= {f"{a} {n['suffix']}" for a in list(aliases)}
        aliases.discard(name)
        terms = []
        for t in p["terms"]:
            title = "President" if t["type"] == "prez" else "Vice President"
            end = t["end"] if t["end"] <= last_start else None  # a term still running: open
            terms.append((title, t["start"], end))
        entry = {"name": name}
        if aliases:
            entry["aliases"] = sorted(aliases)
        entry["positions"] = [position(t, "US", s, e) for t, s, e in merge_terms(terms)]
        out.append(entry)
    meta = {
        "source": "unitedstates/congress-legislators executive.yaml (CC0), commit dfa96222",
        "as_of": dt.date.fromisoformat(last_start),
        # complete for US presidents and vice presidents; and none of them was ever a prime
        # minister, chancellor or UN/NATO secretary-general
        "tracks": ["president", "vice president", "prime minister", "chancellor", "secretary-general"],
    }
    return meta, out


# --------------------------------------------------------------------------- US Congress


def build_congress(data: Path) -> tuple[dict, list[dict]]:
    people = yaml.safe_load((data / "us_legislators_current.yaml").read_text(encoding="utf-8"))
    snapshot = max(t["start"] for p in people for t in p["terms"])
    out = []
    for p in people:
        n = p["name"]
        name = n.get("official_full") or f"{n['first']} {n['last']}"
        aliases = {f"{n['first']} {n['last']}"}
        if n.get("nickname"):
            aliases.add(f"{n['nickname']} {n['last']}")
        if n.get("middle"):
            aliases.add(f"{n['first']} {n['middle'][0]}. {n['last']}")
        aliases.discard(name)
        terms = []
        for t in p["terms"]:
            title = "Senator" if t["type"] == "sen" else "Representative"
            end = t["end"] if t["end"] <= snapshot else None
            terms.append((title, t["start"], end))
        entry = {"name": name}
        if aliases:
            entry["aliases"] = sorted(aliases)
        last = n["last"]
        if len(last.split()) > 1 or last != name.split()[-1]:
            entry["surnames"] = [last]
        entry["positions"] = [position(t, "US", s, e) for t, s, e in merge_terms(terms)]
        out.append(entry)
    meta = {
        "source": "unitedstates/congress-legislators legislators-current.yaml (CC0), commit dfa96222",
        "as_of": dt.date.fromisoformat(snapshot),
        "tracks": "own",
    }
    return meta, out


# --------------------------------------------------------------------------- Archigos + REIGN


def _dbpedia_name(uri: str) -> str | None:
    """The person's name from the (link-protected) DBpedia address in Archigos."""
    m = re.search(r"resource_([^&]+)&", uri or "")
    if not m:
        return None
    raw = m.group(1)
    raw = re.sub(r"-([0-9A-F]{2})", lambda x: chr(int(x.group(1), 16)), raw)  # link protection
    name = urllib.parse.unquote(raw).replace("_", " ")
    if re.search(r"\b(of|Premiership|Presidency|family)\b", name) or "(" in name:
        return None
    return name


def build_archigos(data: Path) -> tuple[dict, list[dict]]:
    rows = list(csv.DictReader((data / "archigos_4.1_leaders.csv").open(encoding="utf-8")))
    reign = list(csv.DictReader((data / "reign_leaderlist_3_21.csv").open(encoding="latin-1")))
    by_person: dict[str, dict] = {}
    for r in rows:
        code = r["idacr"]
        if code not in ARCHIGOS_TITLES:
            continue
        place, title, since = ARCHIGOS_TITLES[code]
        if r["startdate"] < since:
            continue
        name = _dbpedia_name(r["dbpediauri"]) or r["leader"].strip()
        if "," in name:  # "Franco, Itamar"
            last, first = [x.strip() for x in name.split(",", 1)]
            name = f"{first} {last}"
        if len(name.split()) < 2 or name in ARCHIGOS_SKIP or r["leader"].strip() in ARCHIGOS_SKIP:
            continue  # a bare surname is too weak a key for a name
        start, end = r["startdate"], r["enddate"]
        open_term = r["exit"] == "Still in Office"
        if open_term:
            end = _reign_end(reign, code, name, start)
            if end is None:
                continue  # REIGN does not confirm the leader: we do not know when the term ended
        entry = by_person.setdefault(name, {"name": name, "terms": [], "place": place})
        entry["terms"].append((title, start, end if end != "open" else None))
    out = []
    for name, e in sorted(by_person.items(), key=lambda kv: min(t[1] for t in kv[1]["terms"])):
        out.append({"name": name,
                    "positions": [position(t, e["place"], s, en) for t, s, en in merge_terms(e["terms"])]})
    meta = {
        "source": "Archigos 4.1 (Goemans, Gleditsch & Chiozza 2009) via globalgov/manystates commit 23d119a1; "
                  "open terms closed with REIGN (Bell 2016) leaderlist_3_21, commit d7a8a6f1",
        "as_of": dt.date(2021, 3, 1),
        "tracks": "own",
    }
    return meta, out


def _reign_end(reign: list[dict], code: str, name: str, start: str) -> str | None:
    """End of a term Archigos leaves open at 2015-12-31: the next REIGN leader's start,
    when REIGN has the same leader (by surname) starting within a week of Archigos."""
    rc = REIGN_CODES.get(code, code)
    rows = [r for r in reign if r["stateabb"] == rc]
    rows.sort(key=lambda r: (int(r["syear"]), int(r["smonth"] or 0), int(r["sdate"] or 0)))
    surname = name.split()[-1].casefold()
    s0 = dt.date.fromisoformat(start)
    for i, r in enumerate(rows):
        try:
            rs = dt.date(int(r["syear"]), int(r["smonth"]), int(r["sdate"]))
        except ValueError:
            continue
        if surname in r["leader"].casefold() and abs((rs - s0).days) <= 7:
            if i + 1 < len(rows):
                n = rows[i + 1]
                return dt.date(int(n["syear"]), int(n["smonth"]), int(n["sdate"])).isoformat()
            return "open"
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=REPO / "rules" / "people")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"build_people: no officeholder data at {args.data}", file=sys.stderr)
        return 2
    header = ("# Generated by tools/build_people.py from the shared officeholder data; do not edit by\n"
              "# hand (corrections go in curated.yaml, which wins). Facts only: names, offices, dates.\n")
    meta, people = build_executive(args.data)
    write(args.out / "us_executive.yaml", header, meta, people)
    meta, people = build_congress(args.data)
    write(args.out / "us_congress.yaml", header, meta, people)
    meta, people = build_archigos(args.data)
    write(args.out / "archigos.yaml", header, meta, people)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
