#!/usr/bin/env python3
"""Build the US/UK spelling lists of the shipped packs from the variant list.

Source: ``us_uk_spellings_hyperreality.tsv`` (``us<TAB>uk``, 1,818 pairs) from
hyperreality/American-British-English-Translator (MIT licence), in the team's shared data
folder. Only the word pairs (facts) are carried into the packs.

It rewrites, between the ``# BEGIN GENERATED`` and ``# END GENERATED`` marker lines:
  rules/house.yaml  the groups of the ``spelling`` consistency rule (mixing in one article)
  rules/us.yaml     the swap list of ``spelling`` (UK form -> US form)
  rules/uk.yaml     the swap list of ``spelling`` (US form -> UK form)

Usage: python tools/build_spelling_packs.py [path/to/us_uk_spellings_hyperreality.tsv]
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = REPO.parent / "shared" / "data" / "style" / "us_uk_spellings_hyperreality.tsv"

# Pairs left out everywhere, with the reason. A pack that flags a correct word is worse
# than one that misses a variant.
EXCLUDE = {
    # different words, not spellings of one word
    ("filter", "philtre"), ("filters", "philtres"), ("ton", "tonne"), ("tons", "tonnes"),
    ("mocha", "moka"), ("groin", "groyne"), ("groins", "groynes"), ("bevy", "bevvy"), ("bevies", "bevvies"),
    ("slough", "sleugh"), ("lathe", "laith"), ("baste", "baist"), ("doorman", "doorsman"),
    ("backtender", "backtenter"), ("preventer", "preventor"), ("syntagma", "syntagm"),
    ("tendentious", "tendencious"), ("tranquility", "tranquilly"), ("filet", "fillet"), ("fileted", "filleted"),
    ("fileting", "filleting"), ("filets", "fillets"),
    # the "US" form is also British with another meaning (tire = grow tired, draft = a first version,
    # meter = a measuring device, disk = computer disk, program = software, license = the verb)
    ("tire", "tyre"), ("tires", "tyres"), ("draft", "draught"), ("draftsman", "draughtsman"),
    ("draftsmen", "draughtsmen"), ("draftswoman", "draughtswoman"), ("draftswomen", "draughtswomen"),
    ("meter", "metre"), ("meters", "metres"), ("micrometer", "micrometre"), ("micrometers", "micrometres"),
    ("disk", "disc"), ("disks", "discs"), ("videodisk", "videodisc"), ("videodisks", "videodiscs"),
    ("program", "programme"), ("programs", "programmes"), ("practice", "practise"), ("practices", "practises"),
    ("license", "licence"), ("licenses", "licences"), ("licensed", "licenced"), ("licensing", "licencing"),
    ("annex", "annexe"), ("analyzes", "analyses"), ("paralyzes", "paralyses"), ("catalyzes", "catalyses"),
    ("psychoanalyzes", "psychoanalyses"),
    # the listed "US" form is not the usual American one
    ("busses", "buses"), ("minibusses", "minibuses"), ("gasses", "gases"), ("bussing", "busing"),
    ("gage", "gauge"), ("gaged", "gauged"), ("gages", "gauges"), ("gaging", "gauging"),
    ("glamor", "glamour"), ("dialog", "dialogue"), ("dialogs", "dialogues"), ("prolog", "prologue"),
    ("prologs", "prologues"), ("epilog", "epilogue"), ("epilogs", "epilogues"), ("monolog", "monologue"),
    ("monologs", "monologues"), ("travelog", "travelogue"), ("travelogs", "travelogues"),
    ("cancelation", "cancellation"), ("cancelations", "cancellations"), ("esthete", "aesthete"),
    ("esthetes", "aesthetes"), ("esthetic", "aesthetic"), ("esthetically", "aesthetically"),
    ("esthetics", "aesthetics"), ("sheik", "sheikh"),
    # errors in the list
    ("pummel", "pummelled"), ("pummeled", "pummelling"), ("snowplow", "snowploughs"), ("edema", "edoema"),
}
# Left out of the us/uk locale packs only: the "other" form is also standard in that
# locale (British news writes dispatch, judgment, medieval, gram), or archaic.
LOCALE_EXCLUDE = {
    ("dispatch", "despatch"), ("judgment", "judgement"), ("connection", "connexion"),
    ("connectional", "connexional"), ("connections", "connexions"), ("reflection", "reflexion"),
    ("inflection", "inflexion"), ("inflections", "inflexions"), ("deflection", "deflexion"),
    ("ankle", "ancle"), ("biased", "biassed"), ("biasing", "biassing"), ("gram", "gramme"), ("grams", "grammes"),
    ("kilogram", "kilogramme"), ("kilograms", "kilogrammes"), ("milligram", "milligramme"),
    ("milligrams", "milligrammes"), ("centigram", "centigramme"), ("centigrams", "centigrammes"),
    ("wagon", "waggon"), ("wagons", "waggons"), ("pizzazz", "pzazz"), ("griffin", "gryphon"),
    ("griffins", "gryphons"), ("gypsies", "gipsies"), ("ecumenical", "oecumenical"), ("peony", "paeony"),
    ("presidium", "praesidium"), ("presidiums", "praesidiums"), ("primeval", "primaeval"),
    ("medieval", "mediaeval"), ("almanac", "almanack"), ("almanacs", "almanacks"), ("likable", "likeable"),
    ("gluing", "glueing"), ("carcass", "carcase"), ("banister", "bannister"), ("banisters", "bannisters"),
    ("doily", "doyley"), ("misspelled", "misspelt"), ("stoichiometry", "stoicheiometry"),
    ("jailbird", "gaolbird"), ("jailbirds", "gaolbirds"), ("jailbreak", "gaolbreak"), ("jailbreaks", "gaolbreaks"),
    ("jailed", "gaoled"), ("jailer", "gaoler"), ("jailers", "gaolers"), ("jailing", "gaoling"), ("jails", "gaols"),
    ("siphon", "syphon"), ("siphoned", "syphoned"), ("siphoning", "syphoning"), ("siphons", "syphons"),
    ("amoxicillin", "amoxycillin"), ("apothegm", "apophthegm"), ("chimera", "chimaera"),
    ("chimeras", "chimaeras"), ("chimeric", "chimaeric"), ("chimerism", "chimaerism"),
    ("yogurt", "yoghourt"), ("yogurts", "yoghourts"),
}
_WORD = re.compile(r"^[A-Za-z][A-Za-z'-]*[A-Za-z]$")


def read_pairs(source: Path) -> list[tuple[str, str]]:
    with source.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t"))
    if not rows or rows[0][:2] != ["us", "uk"]:
        raise SystemExit(f"{source}: expected a header 'us<TAB>uk'")
    pairs = []
    for row in rows[1:]:
        if len(row) < 2:
            continue
        us, uk = row[0].strip(), row[1].strip()
        if not (_WORD.match(us) and _WORD.match(uk)):
            continue  # prefixes such as "estr-/oestr-" are not words
        pairs.append((us, uk))
    return pairs


def groups(pairs: list[tuple[str, str]], exclude: set) -> list[tuple[list[str], list[str]]]:
    """Connected US/UK forms: anesthetize <-> anaesthetise, anaesthetize."""
    uk_of: dict[str, list[str]] = defaultdict(list)
    order: list[str] = []
    for us, uk in pairs:
        if (us.lower(), uk.lower()) in exclude or (us, uk) in exclude:
            continue
        if us not in uk_of:
            order.append(us)
        if uk not in uk_of[us]:
            uk_of[us].append(uk)
    merged: list[tuple[list[str], list[str]]] = []
    index: dict[str, int] = {}
    for us in order:
        hit = next((index[u] for u in uk_of[us] if u in index), None)
        if hit is None:
            index.update({u: len(merged) for u in uk_of[us]})
            merged.append(([us], list(uk_of[us])))
        else:
            merged[hit][0].append(us)
            for u in uk_of[us]:
                if u not in merged[hit][1]:
                    merged[hit][1].append(u)
                    index[u] = hit
    for us_forms, uk_forms in merged:
        # the British column of the data uses -ise; keep that first when both are listed
        uk_forms.sort(key=lambda w: "z" in w)
    return merged


def _y(word: str) -> str:
    return word if re.fullmatch(r"[A-Za-z][A-Za-z-]*", word) and word.lower() not in ("yes", "no", "on", "off", "true", "false", "null") else f"'{word}'"


def _form(forms: list[str]) -> str:
    return _y(forms[0]) if len(forms) == 1 else "[" + ", ".join(_y(f) for f in forms) + "]"


def splice(path: Path, lines: list[str], indent: str) -> None:
    text = path.read_text(encoding="utf-8").splitlines()
    try:
        begin = next(i for i, l in enumerate(text) if l.strip().startswith("# BEGIN GENERATED"))
        end = next(i for i, l in enumerate(text) if l.strip().startswith("# END GENERATED"))
    except StopIteration:
        raise SystemExit(f"{path}: no '# BEGIN GENERATED' / '# END GENERATED' markers") from None
    new = text[:begin + 1] + [indent + l for l in lines] + text[end:]
    path.write_text("\n".join(new) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    pairs = read_pairs(source)
    mixed = groups(pairs, EXCLUDE)
    locale = groups(pairs, EXCLUDE | LOCALE_EXCLUDE)
    rules = REPO / "rules"
    splice(rules / "house.yaml", [f"- [{_form(us)}, {_form(uk)}]" for us, uk in mixed], " " * 6)
    to_us = [f"{_y(u)}: {_y(us[0])}" for us, uk in locale for u in uk]
    to_uk = [f"{_y(a)}: {_y(uk[0])}" for us, uk in locale for a in us]
    splice(rules / "us.yaml", to_us, " " * 6)
    splice(rules / "uk.yaml", to_uk, " " * 6)
    print(f"{len(pairs)} pairs read; house.spelling: {len(mixed)} groups; "
          f"us.spelling: {len(to_us)} swaps; uk.spelling: {len(to_uk)} swaps")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
