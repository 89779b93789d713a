"""`copylint people import`: CSV and JSON (Wikidata SPARQL results) into people files,
and malformed rows reported as file:line."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import yaml

import copylint
from copylint.config import Settings
from copylint.people.importer import ImportError_, import_file, parse_position, read_rows
from copylint.people.kb import load_kb
from helpers import run_cli

CSV = """person,personLabel,position,positionLabel,start,end,countryLabel
http://www.wikidata.org/entity/Q3874799,Volodymyr Zelenskyy,http://www.wikidata.org/entity/Q579677,President of Ukraine,2019-05-20T00:00:00Z,,Ukraine
http://www.wikidata.org/entity/Q567,Angela Merkel,http://www.wikidata.org/entity/Q4970706,Federal Chancellor of Germany,2005-11-22T00:00:00Z,2021-12-08T00:00:00Z,Germany
Q9,Jane Example,Q1,Prime Minister,2030-01-01,,Estonia
"""


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_position_labels(kb):
    assert parse_position(kb, "President of Ukraine", "") == ("President", "UA")
    assert parse_position(kb, "Prime Minister of the United Kingdom", "") == ("Prime Minister", "GB")
    assert parse_position(kb, "Federal Chancellor of Germany", "") == ("Chancellor", "DE")
    assert parse_position(kb, "United States Secretary of State", "") == ("Secretary of State", "US")
    assert parse_position(kb, "Secretary-General of the United Nations", "") == ("Secretary-General", "UN")
    assert parse_position(kb, "Prime Minister", "Estonia") == ("Prime Minister", "EE")
    assert parse_position(kb, "Mayor of Kyiv", "Ukraine") is None


def test_csv_import_round_trips(kb, tmp_path):
    src = tmp_path / "export.csv"
    src.write_text(CSV, encoding="utf-8")
    out = tmp_path / "people.yaml"
    text, n_people, n_pos = import_file(kb, src, out, source="Wikidata query, 2026-11-01")
    assert (n_people, n_pos) == (3, 3)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["source"] == "Wikidata query, 2026-11-01"
    assert data["people"][0] == {"name": "Volodymyr Zelenskyy",
                                 "positions": [{"title": "President", "of": "UA", "start": dt.date(2019, 5, 20)}]}
    assert data["people"][1]["positions"][0]["end"] == dt.date(2021, 12, 8)
    # the imported file works as a people file for the rules
    settings = Settings(select=["facts"], date=dt.date(2029, 6, 1), people=[str(out)])
    found = copylint.lint_text("Prime Minister Jane Example visits Riga", path="x.txt", config=settings)
    assert [f.rule for f in found] == ["facts.title-date"]


def test_sparql_json_import(kb, tmp_path):
    doc = {"head": {"vars": ["personLabel", "positionLabel", "start", "end"]},
           "results": {"bindings": [
               {"personLabel": {"type": "literal", "value": "Kaja Kallas"},
                "positionLabel": {"type": "literal", "value": "Prime Minister of Estonia"},
                "start": {"type": "literal", "value": "2021-01-26T00:00:00Z"},
                "end": {"type": "literal", "value": "2024-07-23T00:00:00Z"}},
               {"personLabel": {"type": "literal", "value": "Kaja Kallas"},
                "positionLabel": {"type": "literal", "value": "Prime Minister of Estonia"},
                "start": {"type": "literal", "value": "not a date"}}]}}
    src = tmp_path / "q.json"
    src.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    with pytest.raises(ImportError_) as exc:
        import_file(kb, src, None)
    lines = [i + 1 for i, l in enumerate(json.dumps(doc, indent=1).splitlines()) if l == "   {"]
    assert str(exc.value).startswith(f"{src}:{lines[1]}: start 'not a date'"), str(exc.value)
    doc["results"]["bindings"].pop()
    src.write_text(json.dumps(doc), encoding="utf-8")
    text, n_people, n_pos = import_file(kb, src, None)
    assert (n_people, n_pos) == (1, 1) and "{title: Prime Minister, of: EE, start: 2021-01-26, end: 2024-07-23}" in text


@pytest.mark.parametrize("row,words", [
    ("Q9,Jane Example,Q1,Mayor of Tallinn,2020-01-01,,Estonia", "cannot tell the title and country from 'Mayor of Tallinn'"),
    ("Q9,Jane Example,Q1,Prime Minister of Estonia,,,Estonia", "no start date"),
    ("Q9,Jane Example,Q1,Prime Minister of Estonia,2020-02-30,,Estonia", "not a real date"),
    ("Q9,Jane Example,Q1,Prime Minister of Estonia,2020-01-01,2019-01-01,Estonia", "ends (2019-01-01) before it starts"),
    ("Q9,,Q1,Prime Minister of Estonia,2020-01-01,,Estonia", "no person name"),
    ("Q9,Jane Example,Q1,Prime Minister of Estonia,2020-01-01,,Estonia,extra", "more values than header columns"),
    ("Q9,Jane Example,Q1,Prime Minister of Estonia,2030-06-01,,Estonia", "overlaps the one from 2030-01-01 at line 4"),
    # a "never ends" placeholder was refused only at a line of the file made from the rows
    ("Q9,Jane Example,Q1,Prime Minister of Estonia,2020-01-01,9999-12-31,Estonia",
     "end '9999-12-31' is outside the years copylint judges articles in (1000 to 8999) "
     "(leave it empty for a term still open)"),
])
def test_malformed_csv_rows_name_file_and_line(kb, tmp_path, row, words):
    src = tmp_path / "bad.csv"
    src.write_text(CSV + row + "\n", encoding="utf-8")
    with pytest.raises(ImportError_) as exc:
        import_file(kb, src, None)
    assert str(exc.value).startswith(f"{src}:5: "), str(exc.value)
    assert words in str(exc.value)


def test_cli_import_and_errors(tmp_path):
    src = tmp_path / "export.csv"
    src.write_text(CSV, encoding="utf-8")
    out = tmp_path / "people.yaml"
    proc = run_cli("people", "import", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "3 people, 3 positions" in proc.stderr and out.is_file()
    proc = run_cli("people", "check", str(out))
    assert proc.returncode == 0 and "people base OK" in proc.stdout

    src.write_text(CSV + "Q9,Jane Example,Q1,Mayor of Tallinn,2020-01-01,,Estonia\n", encoding="utf-8")
    proc = run_cli("people", "import", str(src))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"copylint: error: {src}:5: cannot tell")
    assert "Traceback" not in proc.stderr
    proc = run_cli("people", "import", str(src), "--skip-unknown")
    assert proc.returncode == 0 and "(skipped)" in proc.stderr
    assert "Jane Example" in proc.stdout and "Tallinn" not in proc.stdout

    proc = run_cli("people", "import", str(tmp_path / "missing.csv"))
    assert proc.returncode == 2 and "file not found" in proc.stderr
    proc = run_cli("people", "import", str(src), "--skip-unknown", "--as-of", "9999-12-31")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == ("copylint: error: --as-of: 9999-12-31 is outside the years copylint judges "
                                   "articles in (1000 to 8999)")


def test_cli_show():
    proc = run_cli("people", "show", "Zelensky")
    assert proc.returncode == 0
    assert "Volodymyr Zelenskyy" in proc.stdout and "Ukrainian President" in proc.stdout and "2019-05-20" in proc.stdout
    proc = run_cli("people", "show", "Nobody", "Inparticular")
    assert proc.returncode == 2


def test_cli_import_makes_the_output_folder_and_leaves_no_temp_file(tmp_path):
    """-o into a folder that does not exist yet is made, as `check -o` does; printing
    writes nothing beside the input, and a folder that cannot be made is one line."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    src = inputs / "export.csv"
    src.write_text(CSV, encoding="utf-8")
    out = tmp_path / "new" / "dir" / "people.yaml"
    proc = run_cli("people", "import", str(src), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert out.is_file() and sorted(p.name for p in out.parent.iterdir()) == ["people.yaml"]

    proc = run_cli("people", "import", str(src))
    assert proc.returncode == 0 and "Volodymyr Zelenskyy" in proc.stdout
    assert sorted(p.name for p in inputs.iterdir()) == ["export.csv"]

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = run_cli("people", "import", str(src), "-o", str(blocker / "sub" / "people.yaml"))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"copylint: error: -o {blocker / 'sub' / 'people.yaml'}: cannot make its folder")
    assert len(proc.stderr.strip().splitlines()) == 1 and "internal error" not in proc.stderr


@pytest.mark.parametrize("content, words", [
    ("", "m.csv:1: the file is empty"),
    ("name,title,country,start\nJane Roe,Foreign Minister,Republic of Estonia,2021-01-03\n",
     "m.csv:2: unknown country 'Republic of Estonia' for 'Foreign Minister'"),
    ("name,title,start\nJane Roe,President,2021-01-03\n", "m.csv:2: 'President' names no country"),
    ("who;office;start\nAlar Karis;President of Estonia;2021-10-11\n",
     "m.csv:2: no person name (columns: personLabel or name); the header has 'who', 'office', 'start'"),
])
def test_import_errors_say_what_was_wrong(kb, tmp_path, content, words):
    src = tmp_path / "m.csv"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(ImportError_) as exc:
        import_file(kb, src, None)
    assert words in str(exc.value)


def test_semicolon_or_tab_separated_csv_is_read(kb, tmp_path):
    for sep in (";", "\t"):
        src = tmp_path / "m.csv"
        src.write_text(sep.join(["personLabel", "positionLabel", "start", "end"]) + "\n"
                       + sep.join(["Alar Karis", "President of Estonia", "2021-10-11", ""]) + "\n", encoding="utf-8")
        text, people, positions = import_file(kb, src, None)
        assert (people, positions) == (1, 1) and "name: Alar Karis" in text


def test_surname_first_is_imported_with_a_warning(kb, tmp_path):
    src = tmp_path / "m.csv"
    src.write_text('personLabel,positionLabel,start,end\n"Karis, Alar",President of Estonia,2021-10-11\n'
                   '"Martin Luther King, Jr.",President of Estonia,2006-10-09,2011-10-09\n', encoding="utf-8")
    warnings: list[str] = []
    import_file(kb, src, None, warnings=warnings)
    assert warnings == [f"{src}:2: 'Karis, Alar' looks like surname first; copy writes 'Alar Karis', "
                        "and only the name as written is matched"]


def test_imported_file_records_as_of_so_an_open_term_goes_stale(kb, tmp_path):
    """Without as_of an open term would be taken as held forever: "former" in a story
    years after the export would be called out of date."""
    src = tmp_path / "m.csv"
    src.write_text("personLabel,positionLabel,start\nJane Example,Prime Minister of Estonia,2020-01-01\n",
                   encoding="utf-8")
    out = tmp_path / "desk.yaml"
    proc = run_cli("people", "import", str(src), "--as-of", "2021-01-01", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["as_of"] == dt.date(2021, 1, 1)
    story = "Talks\n\nFormer Prime Minister Jane Example said on Tuesday that talks would go on."

    def facts(day: dt.date) -> list[str]:
        settings = Settings(select=["facts"], date=day, people=[str(out)])
        return [f.message for f in copylint.lint_text(story, path="x.txt", config=settings)]

    assert facts(dt.date(2020, 6, 1)) and "out of date" in facts(dt.date(2020, 6, 1))[0]
    assert facts(dt.date(2030, 3, 1)) == []  # past the export: it may have ended

    # (open until today, Jane Example's term would overlap the base's Kaja Kallas)
    src.write_text("personLabel,positionLabel,start\nAlar Karis,President of Estonia,2021-10-11\n", encoding="utf-8")
    text, _, _ = import_file(kb, src, None)
    assert f"as_of: {dt.date.today().isoformat()}" in text  # the import's own date by default


@pytest.mark.parametrize("rows, clash", [
    ("Alar Karis,President of Estonia,2021-10-11,\nKersti Kaljulaid,President of Estonia,2016-10-10,2021-10-12\n"
     "Jane Roe,President of Estonia,2021-01-01,\n", "Jane Roe: Estonian President 2021-01-01 to open overlaps"),
    ("John Smith,President of Ukraine,2020-01-01,2021-01-01\n",
     "overlaps Volodymyr Zelenskyy's term Ukrainian President 2019-05-20 to open"),
])
def test_an_import_that_every_run_would_stop_on_is_not_written(kb, tmp_path, rows, clash):
    """Two holders at once of an office with one (two rows, or a row and the shipped
    base) passed the import's check, and then `people check` and every run naming the
    file stopped on it."""
    src = tmp_path / "m.csv"
    src.write_text("personLabel,positionLabel,start,end\n" + rows, encoding="utf-8")
    out = tmp_path / "people.yaml"
    with pytest.raises(ImportError_) as exc:
        import_file(kb, src, out)
    assert str(exc.value).startswith(f"{src}: not written, as every run would stop on it: {out}:")
    assert clash in str(exc.value) and "the office has one holder at a time" in str(exc.value)
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_people_show_and_check_load_the_configs_people_files(tmp_path):
    """A desk whose config adds `people: [people/]` asked `people show Karis` and was told
    "no one called 'Karis'", though every check there judged titles by that file; `people
    check` loaded only the shipped base and missed an error in it."""
    (tmp_path / "people").mkdir()
    src = tmp_path / "m.csv"
    src.write_text("personLabel,positionLabel,start\nAlar Karis,President of Estonia,2021-10-11\n", encoding="utf-8")
    assert run_cli("people", "import", str(src), "-o", str(tmp_path / "people" / "desk.yaml")).returncode == 0
    (tmp_path / ".copylint.yaml").write_text("people: [people/]\n")
    proc = run_cli("people", "show", "Karis", cwd=tmp_path)
    assert proc.returncode == 0 and "Estonian President" in proc.stdout, proc.stderr
    (tmp_path / "people" / "bad.yaml").write_text("source: a test\npeople:\n  - name: Jane Roe\n    positions:\n"
                                                 "      - {title: President, of: XX, start: 2020-01-01}\n")
    proc = run_cli("people", "check", cwd=tmp_path)
    assert proc.returncode == 2 and "bad.yaml:5: unknown place 'XX'" in proc.stderr, proc.stdout + proc.stderr


def test_an_export_that_is_not_utf8_names_the_line_of_the_byte(tmp_path):
    """A Windows-1252 CSV export gave Python's codec message, counting bytes."""
    f = tmp_path / "people.csv"
    f.write_bytes(b"name,title,of,start\nJos\xe9 Ramos,President,US,2020-01-01\n")
    with pytest.raises(ImportError_) as exc:
        list(read_rows(f))
    assert str(exc.value) == f"{f}:2: byte 0xe9 is not UTF-8 (save the file as UTF-8)"
