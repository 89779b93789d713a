"""The shipped people base: every file loads, dates are sane, one office never has two
holders at once, and the hand-curated entries agree with the bulk data where both speak."""

from __future__ import annotations

import csv
import datetime as dt
import itertools

import pytest
import yaml

from copylint.data import rules_path
from copylint.people.kb import KBError, load_kb, load_people_file, load_vocabulary, name_key, name_keys, people_files
from helpers import SHARED_DATA

# offices with one holder at a time (not senators, representatives, princes)
SINGLE = {"president", "vice president", "prime minister", "chancellor", "foreign minister",
          "defence minister", "secretary-general", "king", "speaker", "crown prince", "supreme leader"}


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_every_shipped_file_loads(kb):
    files = people_files()
    assert {f.name for f in files} >= {"curated.yaml", "us_executive.yaml", "us_congress.yaml", "archigos.yaml"}
    vocab = load_vocabulary(rules_path("people", "titles.yaml"), rules_path("people", "places.yaml"))
    for f in files:
        assert load_people_file(vocab, f), f
    assert len(kb.people) > 900


def test_dates_are_sane(kb):
    for person in kb.people.values():
        for p in person.positions:
            assert dt.date(1789, 1, 1) <= p.start <= dt.date(2026, 12, 31), (person.name, p)
            if p.end is not None:
                assert p.start <= p.end, (person.name, p)
            else:
                assert p.as_of is None or p.as_of >= p.start, (person.name, p)


def test_no_office_has_two_holders_at_once(kb):
    offices = {}
    for person in kb.people.values():
        for p in person.positions:
            if p.family in SINGLE:
                # the UK Chancellor of the Exchequer and the German Chancellor are apart by place
                offices.setdefault((p.family, p.place), []).append((person, p))
    clashes = []
    for key, holders in offices.items():
        for (a, pa), (b, pb) in itertools.combinations(holders, 2):
            if a.id == b.id:
                continue
            end_a = pa.end or pa.as_of or dt.date.max
            end_b = pb.end or pb.as_of or dt.date.max
            overlap = (min(end_a, end_b) - max(pa.start, pb.start)).days
            if overlap > 3:  # a handover on the same day or within a weekend is not a clash
                clashes.append((key, a.name, pa.start, b.name, pb.start, overlap))
    assert clashes == []


def test_every_curated_person_cites_a_source():
    data = yaml.safe_load(rules_path("people", "curated.yaml").read_text(encoding="utf-8"))
    for person in data["people"]:
        assert person.get("source", "").startswith("Wikipedia: "), person["name"]


def test_names_are_unique_enough(kb):
    # a full-name key shared by several people must not hide a current officeholder
    for key, people in kb.full_index.items():
        assert len(people) <= 3, (key, [p.name for p in people])


@pytest.mark.skipif(not (SHARED_DATA / "officeholders").is_dir(), reason="shared data not present")
def test_curated_us_terms_agree_with_congress_legislators(kb):
    """Hand-entered US presidents and vice presidents against the CC0 executive data."""
    rows = list(csv.DictReader((SHARED_DATA / "officeholders" / "us_executive_terms.csv").open(encoding="utf-8")))
    for person in kb.people.values():
        for p in person.positions:
            if p.place != "US" or p.family not in ("president", "vice president") or p.priority < 10:
                continue
            typ = "prez" if p.family == "president" else "viceprez"
            starts = {r["start"] for r in rows if r["type"] == typ and name_key(r["last"]) in name_key(person.name)}
            assert p.start.isoformat() in starts, (person.name, p.start)


@pytest.mark.skipif(not (SHARED_DATA / "officeholders").is_dir(), reason="shared data not present")
def test_curated_leaders_agree_with_wikidata_years(kb):
    """Start years of hand-entered heads of state and government against Wikidata's
    world-leaders list (years only) where both name the same person and office kind."""
    rows = list(csv.DictReader((SHARED_DATA / "officeholders" / "world_leaders_wikidata_2021plus.csv").open(encoding="utf-8")))
    checked, mismatches = 0, []
    for r in rows:
        people = kb.full_index.get(name_key(r["officeholderLabel"]), [])
        label = r["positionLabel"].casefold()
        family = "prime minister" if "prime minister" in label or "chancellor" in label else (
            "president" if label.startswith("president") else None)
        if not people or family is None or not r["start_year"]:
            continue
        for person in people:
            starts = [p.start.year for p in person.positions if p.family in (family, "chancellor")]
            if starts:
                checked += 1
                if int(r["start_year"]) not in starts and int(r["start_year"]) - 1 not in starts:
                    mismatches.append((person.name, r["positionLabel"], r["start_year"], starts))
    assert checked >= 30
    # Wikidata dates Abbas's office by its 2013 name, "President of the State of Palestine";
    # he has been president of the Palestinian Authority since 2005
    assert mismatches == [("Mahmoud Abbas", "President of the State of Palestine", "2013", [2005])]


@pytest.mark.skipif(not (SHARED_DATA / "officeholders").is_dir(), reason="shared data not present")
def test_curated_monarchs_agree_with_wikidata_years(kb):
    """Start years of hand-entered monarchs against Wikidata's world-leaders list (years
    only), country by country (Elizabeth II was also Queen of Jamaica from 1962)."""
    rows = list(csv.DictReader((SHARED_DATA / "officeholders" / "world_leaders_wikidata_2021plus.csv").open(encoding="utf-8")))
    checked = []
    for r in rows:
        label = r["positionLabel"].casefold()
        if not (label.startswith(("monarch of", "king of")) and r["start_year"]):
            continue
        for person in kb.full_index.get(name_key(r["officeholderLabel"]), []):
            starts = [p.start.year for p in person.positions
                      if p.family == "king" and any(form in r["country"] for form in kb.places[p.place].forms)]
            if starts:
                checked.append(person.name)
                assert int(r["start_year"]) in starts, (person.name, r["positionLabel"], r["start_year"], starts)
    assert {"Elizabeth II", "Charles III", "Felipe VI", "Harald V", "Margrethe II"} <= set(checked)


def test_malformed_files_name_file_and_line(tmp_path):
    vocab = load_vocabulary(rules_path("people", "titles.yaml"), rules_path("people", "places.yaml"))
    cases = {
        "people:\n  - name: A B\n    source: s\n    positions:\n      - {title: President, of: XX, start: 2020-01-01}\n": (5, "unknown place 'XX'"),
        "source: s\npeople:\n  - name: A B\n    positions:\n      - {title: President, of: US, start: 2020-13-01}\n": (5, "2020-13-01 is not a real date"),
        "source: s\npeople:\n  - name: A B\n    positions:\n      - {title: President, of: US, start: 'March 2020'}\n": (5, "'start' must be a date"),
        "source: s\npeople:\n  - name: A B\n    positions:\n      - {title: President, of: US, start: 2020-01-01, end: 2019-01-01}\n": (5, "ends (2019-01-01) before it starts"),
        "source: s\npeople:\n  - name: A B\n    positions: []\n": (4, "needs a list of 'positions'"),
        "people:\n  - name: A B\n    positions:\n      - {title: President, of: US, start: 2020-01-01}\n": (2, "no source"),
        "source: s\npeople:\n  - name: A B\n    postions: []\n": (4, "did you mean 'positions'"),
        "source: s\npeople:\n  - name: A B\n    positions:\n      - {title: President, of: NO, start: 2020-01-01}\n": (5, "in quotes"),
        "source: s\npeople:\n  - {name: A B\n": (4, "invalid YAML"),
        "source: s\npeople:\n  - name: A B\n    positions:\n      - {title: President, of: US, start: 2020-01-01}\n  - name: A B\n    positions:\n      - {title: President, of: US, start: 2021-01-01}\n": (6, "same id"),
    }
    for i, (text, (line, words)) in enumerate(cases.items()):
        f = tmp_path / f"bad{i}.yaml"
        f.write_text(text, encoding="utf-8")
        with pytest.raises(KBError) as exc:
            load_people_file(vocab, f)
        assert str(exc.value).startswith(f"{f}:{line}: "), str(exc.value)
        assert words in str(exc.value)


def test_a_placeholder_date_in_a_people_file_is_refused_at_its_line(tmp_path):
    """`as_of: 9999-12-31` ("known for ever") loaded, then overflowed inside the title rules
    when a grace period was added to it: the check of every story with that person ended
    in an internal error. Such a date is now an error at its line."""
    from helpers import run_cli

    vocab = load_vocabulary(rules_path("people", "titles.yaml"), rules_path("people", "places.yaml"))
    cases = {
        "source: s\nas_of: 9999-12-31\npeople:\n  - name: Jean Dupont\n    positions:\n"
        "      - {title: Foreign Minister, of: BE, start: 2020-01-01}\n": (2, "'as_of' 9999-12-31 is outside"),
        "source: s\npeople:\n  - name: Jean Dupont\n    positions:\n"
        "      - {title: Foreign Minister, of: BE, start: 2020-01-01, end: 9999-12-31}\n":
            (5, "'end' 9999-12-31 is outside the years copylint judges articles in (1000 to 8999) "
                "(leave 'end' out for a term still open)"),
        "source: s\npeople:\n  - name: Jean Dupont\n    positions:\n"
        "      - {title: Foreign Minister, of: BE, start: 0001-01-01}\n": (5, "'start' 0001-01-01 is outside"),
    }
    for i, (text, (line, words)) in enumerate(cases.items()):
        f = tmp_path / f"desk{i}.yaml"
        f.write_text(text, encoding="utf-8")
        with pytest.raises(KBError) as exc:
            load_people_file(vocab, f)
        assert str(exc.value).startswith(f"{f}:{line}: ") and words in str(exc.value), str(exc.value)
    # through the config, the run stops before any story with one line (it crashed on the story)
    (tmp_path / "desk.yaml").write_text(next(iter(cases)), encoding="utf-8")
    (tmp_path / ".copylint.yaml").write_text("people: [desk.yaml]\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Talks\n\nBelgian Foreign Minister Jean Dupont spoke.\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--date", "2024-05-01", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == (f"copylint: error: {tmp_path / 'desk.yaml'}:2: 'as_of' 9999-12-31 is outside the "
                                   "years copylint judges articles in (1000 to 8999)")


def test_a_people_file_that_is_not_utf8_names_the_line_of_the_byte(tmp_path):
    """The error was Python's codec message, counting bytes from the file's start."""
    vocab = load_vocabulary(rules_path("people", "titles.yaml"), rules_path("people", "places.yaml"))
    f = tmp_path / "desk.yaml"
    f.write_bytes(b"source: s\npeople:\n  - name: Jos\xe9 Ramos\n")
    with pytest.raises(KBError) as exc:
        load_people_file(vocab, f)
    assert str(exc.value) == f"{f}:3: byte 0xe9 is not UTF-8 (save the file as UTF-8)"


def test_contradicting_files_are_an_error(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text("source: s\npeople:\n  - name: Jane Example\n    positions:\n"
                 "      - {title: President, of: EE, start: 2020-01-01, end: 2024-01-01}\n", encoding="utf-8")
    b = tmp_path / "b.yaml"
    b.write_text("source: s\npeople:\n  - name: Jane Example\n    positions:\n"
                 "      - {title: President, of: EE, start: 2021-01-01}\n", encoding="utf-8")
    with pytest.raises(KBError) as exc:
        load_kb([str(a), str(b)])
    assert f"{b}:5" in str(exc.value) and "contradicts" in str(exc.value)


def _person(name: str, start: str, end: str | None = None) -> str:
    until = f", end: {end}" if end else ""
    return (f"source: desk\npeople:\n  - name: {name}\n    positions:\n"
            f"      - {{title: Prime Minister, of: EE, start: {start}{until}}}\n")


def _start_of(kb, name: str) -> dt.date | None:
    people = kb.full_index.get(name_key(name))
    return people[0].positions[0].start if people else None


def test_an_edited_extra_file_is_read_again_at_once(tmp_path):
    desk = tmp_path / "desk.yaml"
    desk.write_text(_person("Jane Example", "2030-01-01"), encoding="utf-8")
    assert _start_of(load_kb([str(desk)]), "Jane Example") == dt.date(2030, 1, 1)
    desk.write_text(_person("Jane Example", "2031-01-01"), encoding="utf-8")
    assert _start_of(load_kb([str(desk)]), "Jane Example") == dt.date(2031, 1, 1)
    desk.unlink()
    with pytest.raises(KBError, match="people file not found"):
        load_kb([str(desk)])


def test_files_added_to_an_extra_folder_are_seen(tmp_path):
    import os

    folder = tmp_path / "desk"
    folder.mkdir()
    # one Prime Minister after another: the office has one holder at a time
    (folder / "a.yaml").write_text(_person("Jane Example", "2030-01-01", "2032-01-01"), encoding="utf-8")
    assert _start_of(load_kb([str(folder)]), "John Sample") is None
    (folder / "b.yaml").write_text(_person("John Sample", "2032-01-01", "2033-01-01"), encoding="utf-8")
    assert _start_of(load_kb([str(folder)]), "John Sample") == dt.date(2032, 1, 1)
    # a folder last changed long ago is listed once, then again when a file is added
    os.utime(folder, (1_000_000_000, 1_000_000_000))
    assert [f.name for f in people_files([str(folder)])][-2:] == ["a.yaml", "b.yaml"]
    assert _start_of(load_kb([str(folder)]), "Ann Other") is None
    (folder / "c.yaml").write_text(_person("Ann Other", "2033-01-01"), encoding="utf-8")
    kb = load_kb([str(folder)])
    assert _start_of(kb, "Ann Other") == dt.date(2033, 1, 1) and _start_of(kb, "Jane Example") is not None
    (folder / "a.yaml").unlink()
    assert _start_of(load_kb([str(folder)]), "Jane Example") is None


def test_an_unchanged_base_is_the_same_object(tmp_path):
    desk = tmp_path / "desk.yaml"
    desk.write_text(_person("Jane Example", "2030-01-01"), encoding="utf-8")
    assert load_kb() is load_kb()
    assert load_kb([str(desk)]) is load_kb([str(desk)])


def test_a_base_read_back_from_the_cache_equals_a_fresh_build(tmp_path, monkeypatch):
    from copylint.people import kb as kbmod

    monkeypatch.setenv("COPYLINT_CACHE_DIR", str(tmp_path / "cache"))
    desk = tmp_path / "desk.yaml"
    desk.write_text(_person("Jane Example", "2030-01-01"), encoding="utf-8")
    files = [rules_path("people") / "titles.yaml", rules_path("people") / "places.yaml", *people_files([str(desk)])]
    key = kbmod._built_key(files)
    assert kbmod._read_built(key) is None
    fresh = kbmod._build(rules_path("people"), (str(desk),))
    kbmod._write_built(key, fresh)
    cached = kbmod._read_built(key)
    assert cached is not None and cached is not fresh
    assert {k: getattr(cached, k) for k in vars(fresh)} == vars(fresh)
    # an edited file is another key: the old pickle is never read for it
    desk.write_text(_person("Jane Example", "2031-01-01"), encoding="utf-8")
    assert kbmod._built_key(files) != key
    assert _start_of(load_kb([str(desk)]), "Jane Example") == dt.date(2031, 1, 1)
    # a broken pickle is rebuilt, not an error
    kbmod._built_path(key).write_bytes(b"not a pickle")
    assert kbmod._read_built(key) is None


def test_names_meet_whether_umlauts_are_written_spelt_out_or_dropped(kb):
    for form in ("Gerhard Schröder", "Gerhard Schroeder", "Gerhard Schroder", "GERHARD SCHROEDER"):
        assert [p.name for k in name_keys(form) for p in kb.full_index.get(k, [])][:1] == ["Gerhard Schröder"], form
    for form in ("Løkke Rasmussen", "Lokke Rasmussen", "Loekke Rasmussen"):
        assert set(name_keys("Løkke Rasmussen")) & set(name_keys(form)), form
    assert name_keys("Joe Biden") == ["joe biden"]  # no umlaut, one key: "oe" is not folded


def test_one_persons_overlapping_terms_of_one_office_are_an_error(tmp_path):
    vocab = load_vocabulary(rules_path("people", "titles.yaml"), rules_path("people", "places.yaml"))
    f = tmp_path / "desk.yaml"
    f.write_text("source: s\npeople:\n  - name: Jane Example\n    positions:\n"
                 "      - {title: Prime Minister, of: EE, start: 2020-01-01, end: 2024-01-01}\n"
                 "      - {title: Prime Minister, of: EE, start: 2021-01-01}\n", encoding="utf-8")
    with pytest.raises(KBError) as exc:
        load_people_file(vocab, f)
    assert str(exc.value).startswith(f"{f}:6: ") and "overlaps their term" in str(exc.value) and "line 5" in str(exc.value)
    # a second term after the first, or another office at once, is fine
    f.write_text("source: s\npeople:\n  - name: Jane Example\n    positions:\n"
                 "      - {title: Prime Minister, of: EE, start: 2020-01-01, end: 2021-01-01}\n"
                 "      - {title: Prime Minister, of: EE, start: 2021-01-01}\n"
                 "      - {title: Foreign Minister, of: EE, start: 2020-06-01}\n", encoding="utf-8")
    assert len(load_people_file(vocab, f)[0].positions) == 3


def test_two_holders_of_a_single_holder_office_are_an_error(tmp_path):
    from helpers import run_cli

    desk = tmp_path / "desk.yaml"
    desk.write_text("source: s\npeople:\n  - name: Jane Example\n    positions:\n"
                    "      - {title: President, of: US, start: 2022-01-01, end: 2023-01-01}\n", encoding="utf-8")
    with pytest.raises(KBError) as exc:
        load_kb([str(desk)])
    assert str(exc.value).startswith(f"{desk}:5: ") and "Joe Biden's term" in str(exc.value)
    proc = run_cli("people", "check", str(desk))
    assert proc.returncode == 2 and f"{desk}:5:" in proc.stderr and "one holder at a time" in proc.stderr
    # two people in one file; a handover over a weekend is no clash
    desk.write_text("source: s\npeople:\n"
                    "  - name: Jane Example\n    positions:\n      - {title: Prime Minister, of: EE, start: 2030-01-01, end: 2031-01-03}\n"
                    "  - name: John Example\n    positions:\n      - {title: Prime Minister, of: EE, start: 2031-01-01}\n",
                    encoding="utf-8")
    assert _start_of(load_kb([str(desk)]), "John Example") == dt.date(2031, 1, 1)
    desk.write_text(desk.read_text(encoding="utf-8").replace("end: 2031-01-03", "end: 2031-02-01"), encoding="utf-8")
    with pytest.raises(KBError) as exc:
        load_kb([str(desk)])
    assert str(exc.value).startswith(f"{desk}:8: ") and "Jane Example's term" in str(exc.value)
