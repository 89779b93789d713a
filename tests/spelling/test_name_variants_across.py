"""typo.name-variant across the articles of one run: a full name written one way in
some stories and another way in others. The stories are built from AG News sentences
(../shared/data/news), where Marwan Barghouti is also written Barghuti."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli

BARGHOUTI_1 = ("Fatah hopes Barghouti would take back candidacy\n\nFatah, the mainstream Palestinian "
               "movement, hopes that its former West Bank leader Marwan Barghouti would take back his "
               "candidacy for the Jan. 9 presidential election.\n")
BARGHOUTI_2 = ("Barghouti won't stand if Abbas meets terms\n\nJailed Tanzim leader Marwan Barghouti is "
               "expected to withdraw from the race for leadership of the Palestinian Authority.\n")
BARGHUTI = ("Four Israeli soldiers killed in Gaza\n\nFour Israeli soldiers were killed when Palestinian "
            "militants blew up a tunnel under an army post in Gaza, as jailed intifada leader Marwan "
            "Barghuti pulled out of the Palestinian elections.\n")


def _check(tmp_path: Path, stories: dict[str, str], *args: str) -> list[dict]:
    desk = tmp_path / "desk"
    desk.mkdir(parents=True, exist_ok=True)
    (desk / ".copylint.yaml").write_text("languagetool: false\n", encoding="utf-8")
    for name, text in stories.items():
        (desk / name).write_text(text, encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--select", "typo.name-variant", *args, ".", cwd=desk)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


def test_the_spelling_fewer_stories_use_is_reported_with_the_others(tmp_path):
    found = _check(tmp_path, {"a.txt": BARGHOUTI_1, "b.txt": BARGHOUTI_2, "c.txt": BARGHUTI},
                   "--no-cache")
    assert [(Path(f["path"]).name, f["line"], f["matched"], f["suggestions"]) for f in found] == \
        [("c.txt", 3, "Barghuti", ["Barghouti"])]
    assert found[0]["message"] == "'Barghuti' is spelt 'Barghouti' in 2 other articles of this run (Marwan Barghouti)"
    assert found[0]["column"] == BARGHUTI.splitlines()[2].index("Barghuti") + 1
    assert [Path(r["path"]).name for r in found[0]["related"]] == ["a.txt", "b.txt"]
    assert found[0]["fix"] is None  # a suggestion: the commoner spelling is not always the right one


def test_a_tie_and_a_single_story_say_nothing(tmp_path):
    assert _check(tmp_path, {"a.txt": BARGHOUTI_1, "c.txt": BARGHUTI}, "--no-cache") == []
    assert _check(tmp_path / "one", {"c.txt": BARGHUTI}, "--no-cache") == []


def test_two_people_with_one_surname_are_not_one_name(tmp_path):
    # a first name may vary only beside a surname no dictionary knows
    stories = {
        "a.txt": "Anchor returns\n\nNBC anchor Brian Williams returned to the air on Monday.\n",
        "b.txt": "Anchor speaks\n\nNBC said Brian Williams would host the evening news again.\n",
        "c.txt": "Rapper signs deal\n\nThe rapper Bryan Williams signed a new record deal on Friday.\n",
    }
    assert _check(tmp_path, stories, "--no-cache") == []


def test_the_same_result_from_the_results_cache(tmp_path):
    stories = {"a.txt": BARGHOUTI_1, "b.txt": BARGHOUTI_2, "c.txt": BARGHUTI}
    cache = ("--cache-dir", str(tmp_path / "cache"))
    cold = _check(tmp_path, stories, *cache)
    warm = _check(tmp_path, stories, *cache)
    assert cold == warm and [f["matched"] for f in warm] == ["Barghuti"]
    assert len(list((tmp_path / "cache").glob("results/*/*/*.json"))) == 3  # the facts are kept too


def test_a_correction_note_names_the_old_spelling_on_purpose(tmp_path):
    note = ("Fatah hopes leader would take back candidacy\n\nFatah hopes that its former West "
            "Bank leader would take back his candidacy.\n\nCorrection: An earlier version of this "
            "story misspelt the name of Marwan Barghuti.\n")
    stories = {"a.txt": note, "b.txt": BARGHOUTI_1, "c.txt": BARGHOUTI_2}
    assert _check(tmp_path, stories, "--no-cache") == []
    stories["a.txt"] = note.replace("Correction: An earlier version of this story misspelt the name of",
                                    "The movement is led by")
    assert [f["matched"] for f in _check(tmp_path, stories, "--no-cache")] == ["Barghuti"]


def test_a_story_on_standard_input_is_not_placed_in_a_file_of_its_name(tmp_path):
    # an editor pipes its unsaved copy; the file on disk under that name says otherwise
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".copylint.yaml").write_text("languagetool: false\n", encoding="utf-8")
    (desk / "a.txt").write_text(BARGHOUTI_1, encoding="utf-8")
    (desk / "b.txt").write_text(BARGHOUTI_2, encoding="utf-8")
    (desk / "c.txt").write_text("Storm closes harbour\n\nThe harbour was closed.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--no-cache", "--select", "typo.name-variant",
                   "-", "--stdin-filename", "c.txt", "a.txt", "b.txt", cwd=desk, input=BARGHUTI.encode())
    assert proc.returncode in (0, 1), proc.stderr
    assert json.loads(proc.stdout)["findings"] == []
