"""Config discovery, overrides, extends, pyproject, per-rule severity and options."""

from __future__ import annotations

import json

import pytest

from copylint.config import ConfigError, find_config, load_config_file
from copylint.model import Severity
from helpers import run_cli

STORY = "Minister defends the the rail plan\n\nTrains run  every ten minutes.\n"


def test_closest_config_wins(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("select: [typo.repeated-word]\n")
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / ".copylint.yaml").write_text("select: [typo.double-space]\n")
    (tmp_path / "news.txt").write_text(STORY)
    (tmp_path / "sport" / "match.txt").write_text(STORY)
    proc = run_cli("check", "--format", "json", "news.txt", "sport/match.txt", cwd=tmp_path)
    got = sorted((f["path"], f["rule"]) for f in json.loads(proc.stdout)["findings"])
    assert got == [("news.txt", "typo.repeated-word"), ("sport/match.txt", "typo.double-space")]


def test_a_folder_named_like_a_config_is_an_error_not_skipped(tmp_path):
    """A folder called .copylint.yaml was passed over, and the parent's config judged the
    desk's stories without a word. Now the run stops at it (exit 2)."""
    (tmp_path / ".copylint.yaml").write_text("select: [typo.double-space]\n")
    (tmp_path / "sport" / ".copylint.yaml").mkdir(parents=True)
    (tmp_path / "sport" / "match.txt").write_text(STORY)
    proc = run_cli("check", "--format", "json", "sport/match.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == (
        f"copylint: error: {tmp_path / 'sport' / '.copylint.yaml'}: a folder, not a config file (rename or remove it)")
    assert proc.stdout == ""


def test_each_file_is_chosen_by_its_own_configs_exclude_whatever_the_order(tmp_path):
    """The root config excludes archive/**; africa/ has a config of its own. Naming
    africa's story first took the exclude from africa's config and checked the archive."""
    (tmp_path / ".copylint.yaml").write_text('exclude: ["archive/**"]\n')
    (tmp_path / "africa").mkdir()
    (tmp_path / "africa" / ".copylint.yaml").write_text("rules: {house.numbers: info}\n")
    (tmp_path / "africa" / "markets.txt").write_text("Markets rise\n\nShares rose on Monday.\n")
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "old.txt").write_text("Old story\n\nIt was the the end.\n")
    for order in (["africa/markets.txt", "archive/old.txt"], ["archive/old.txt", "africa/markets.txt"]):
        proc = run_cli("check", "--no-languagetool", "--format", "json", *order, cwd=tmp_path)
        assert proc.returncode == 0, (order, proc.stdout)
        assert json.loads(proc.stdout)["findings"] == []


WARNED = "Cup final\n\nThe team won , again.\n"  # typo.space-before-punctuation: a warning


def test_each_finding_fails_the_run_by_its_own_configs_fail_on_whatever_the_order(tmp_path):
    """Root fail-on: error; sport/ has a config without fail-on (so: warning). Naming the
    calm story first let sport's warning pass."""
    (tmp_path / ".copylint.yaml").write_text("fail-on: error\n")
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / ".copylint.yaml").write_text("rules: {}\n")
    (tmp_path / "sport" / "cup.txt").write_text(WARNED)
    (tmp_path / "calm.txt").write_text("Calm day\n\nNothing happened today.\n")
    (tmp_path / "late.txt").write_text(WARNED)
    for order in (["calm.txt", "sport/cup.txt"], ["sport/cup.txt", "calm.txt"]):
        assert run_cli("check", "--no-languagetool", *order, cwd=tmp_path).returncode == 1, order
    # the root's warning stays below the root's fail-on, whichever file comes first
    for order in (["sport/cup.txt", "late.txt"], ["late.txt", "sport/cup.txt"]):
        proc = run_cli("check", "--no-languagetool", "--format", "junit", *order, cwd=tmp_path)
        assert proc.returncode == 1
        assert proc.stdout.count("<failure") == 1, order  # sport's warning fails, the root's does not


def test_standard_input_fails_by_the_config_of_its_stdin_filename(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("fail-on: error\n")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / ".copylint.yaml").write_text("fail-on: warning\n")
    proc = run_cli("check", "--no-languagetool", "-", "--stdin-filename", "desk/k2.txt",
                   input=WARNED.encode(), cwd=tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    proc = run_cli("check", "--no-languagetool", "-", "--stdin-filename", "k2.txt",
                   input=WARNED.encode(), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_standard_input_is_excluded_by_the_config_of_its_stdin_filename(tmp_path):
    """An editor pipes a story its desk's config excludes: it was checked all the same,
    where the file named on the command line is not; --fix - gives the text back as it
    came."""
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / ".copylint.yaml").write_text('exclude: ["drafts/**"]\n')
    story = "Draft\n\nIt was the the end.\n".encode()
    proc = run_cli("check", "--no-languagetool", "--format", "json", "-", "--stdin-filename",
                   "desk/drafts/d.txt", input=story, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["findings"] == []
    proc = run_cli("check", "--no-languagetool", "--fix", "-", "--stdin-filename", "desk/drafts/d.txt",
                   input=story, cwd=tmp_path, raw=True)
    assert proc.returncode == 0 and proc.stdout == story, proc.stderr
    proc = run_cli("check", "--no-languagetool", "--fix", "-", "--stdin-filename", "desk/d.txt",
                   input=story, cwd=tmp_path, raw=True)
    assert proc.stdout == story.replace(b"the the", b"the"), proc.stderr


def _drafts_project(tmp_path, config=None):
    if config is not None:
        (tmp_path / ".copylint.yaml").write_text(config)
    (tmp_path / "stories" / "drafts").mkdir(parents=True)
    (tmp_path / "stories" / "drafts" / "d.txt").write_text("Draft\n\nIt was the the end.\n")
    (tmp_path / "stories" / "a.txt").write_text("Story\n\nAll is well.\n")


def test_config_globs_are_read_from_the_configs_folder_whatever_folder_is_walked(tmp_path):
    """exclude: ["stories/drafts/**"] worked for `check .` only: the globs were matched
    against paths relative to the folder walked."""
    _drafts_project(tmp_path, 'exclude: ["stories/drafts/**"]\n')
    for cwd, target in ((tmp_path, "."), (tmp_path, "stories/"), (tmp_path / "stories", ".")):
        proc = run_cli("check", "--no-languagetool", "--format", "json", target, cwd=cwd)
        assert proc.returncode == 0, (cwd, target, proc.stdout)
        assert json.loads(proc.stdout)["summary"]["files"] == 1


def test_command_line_globs_are_read_from_the_working_folder(tmp_path):
    """--exclude stories/drafts had no effect on `check stories`; a bare name still
    matches at any depth."""
    _drafts_project(tmp_path)
    for cwd, args in ((tmp_path, ["--exclude", "stories/drafts", "stories"]),
                      (tmp_path, ["--exclude", "drafts", "stories"]),
                      (tmp_path / "stories", ["--exclude", "drafts/d.txt", "."]),
                      (tmp_path / "stories", ["--exclude", "*.txt", "--include", "a.*", "."])):
        proc = run_cli("check", "--no-languagetool", "--format", "json", *args, cwd=cwd)
        assert proc.returncode == 0, (cwd, args, proc.stdout)
    # read from the working folder: from inside stories/, "stories/drafts" names nothing
    proc = run_cli("check", "--no-languagetool", "--exclude", "stories/drafts", ".", cwd=tmp_path / "stories")
    assert proc.returncode == 1


def test_double_star_matches_zero_folders_in_the_middle_of_a_glob(tmp_path):
    """stories/**/*.md did not match stories/a.md: fnmatch's ** needs one folder at least."""
    (tmp_path / ".copylint.yaml").write_text(
        "select: [typo.repeated-word]\n"
        'overrides:\n  - files: ["stories/**/*.md"]\n    rules: {typo.repeated-word: info}\n')
    (tmp_path / "stories" / "world").mkdir(parents=True)
    for name in ("stories/a.md", "stories/world/b.md", "stories/c.txt"):
        (tmp_path / name).write_text("# Storm\n\nThe the storm.\n")
    proc = run_cli("check", "--no-languagetool", "--format", "json", "--include", "stories/**/*.md", ".",
                   cwd=tmp_path)
    found = sorted((f["path"], f["severity"]) for f in json.loads(proc.stdout)["findings"])
    assert found == [("stories/a.md", "info"), ("stories/world/b.md", "info")]


def test_overrides_per_path_and_severity(tmp_path):
    (tmp_path / ".copylint.yaml").write_text(
        "select: [typo.repeated-word, typo.double-space]\n"
        "rules:\n  typo.double-space: error\n"
        "overrides:\n  - files: ['sport/**']\n    ignore: [typo.double-space]\n")
    (tmp_path / "sport").mkdir()
    (tmp_path / "news.txt").write_text(STORY)
    (tmp_path / "sport" / "match.txt").write_text(STORY)
    proc = run_cli("check", "--format", "json", ".", cwd=tmp_path)
    got = sorted((f["path"], f["rule"], f["severity"]) for f in json.loads(proc.stdout)["findings"])
    assert got == [("news.txt", "typo.double-space", "error"), ("news.txt", "typo.repeated-word", "error"),
                   ("sport/match.txt", "typo.repeated-word", "error")]


def test_rule_options_from_config(tmp_path):
    (tmp_path / ".copylint.yaml").write_text(
        "select: [typo.repeated-word]\nrules:\n  typo.repeated-word:\n    allow: [the]\n")
    (tmp_path / "news.txt").write_text(STORY)
    assert run_cli("check", "news.txt", cwd=tmp_path).returncode == 0


def test_unknown_rule_option_is_config_error(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("rules:\n  typo.repeated-word:\n    alow: [the]\n")
    (tmp_path / "news.txt").write_text(STORY)
    proc = run_cli("check", "news.txt", cwd=tmp_path)
    assert proc.returncode == 2
    # at the option's own line, once, as an unknown key is (a user saw it per article, with
    # the article's path before the config's and no line)
    assert proc.stderr.splitlines()[0] == (f"copylint: error: {tmp_path / '.copylint.yaml'}:3: unknown option 'alow' "
                                           "for rule typo.repeated-word (did you mean 'allow'?)")
    assert "news.txt" not in proc.stderr


def test_an_option_is_named_as_explain_and_the_readme_write_it(tmp_path):
    """The error named 'min_wrds' and suggested 'min_words' where the user wrote min-wrds
    and `copylint explain` lists min-words."""
    (tmp_path / ".copylint.yaml").write_text("rules:\n  structure.duplicate-paragraph:\n    min-wrds: 8\n")
    (tmp_path / "news.txt").write_text(STORY)
    proc = run_cli("check", "news.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.splitlines()[0].endswith(":3: unknown option 'min-wrds' for rule "
                                                "structure.duplicate-paragraph (did you mean 'min-words'?)")


@pytest.mark.parametrize("settings, key", [("exceptions: [Dynamo Kiev]", "exceptions"), ("severty: info", "severty")])
def test_a_pack_rule_takes_only_a_severity_from_the_config(tmp_path, settings, key):
    """Options for a pack's rule did nothing without a word, a misspelt severity too."""
    (tmp_path / ".copylint.yaml").write_text(f"rules:\n  house.kyiv:\n    {settings}\n")
    (tmp_path / "news.txt").write_text("Talks\n\nTalks resumed in Kiev.\n")
    proc = run_cli("check", "news.txt", cwd=tmp_path)
    assert proc.returncode == 2
    line = proc.stderr.splitlines()[0]
    assert line.startswith(f"copylint: error: {tmp_path / '.copylint.yaml'}:2: 'rules' gives 'house.kyiv' the "
                           f"setting '{key}'") and "takes only a severity" in line
    (tmp_path / ".copylint.yaml").write_text("rules:\n  house.kyiv: {severity: info}\n")
    assert run_cli("check", "news.txt", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize("option, value, wanted", [
    ("typo.repeated-word:\n    allow", "5", "option 'allow' of rule typo.repeated-word must be a list of strings, not 5"),
    ("typo.invisible-character:\n    allow", "[U+00AD, 173]",
     "option 'allow' of rule typo.invisible-character must be a list of strings, not ['U+00AD', 173]"),
    ("structure.duplicate-paragraph:\n    min-words", "many",
     "option 'min-words' of rule structure.duplicate-paragraph must be a whole number from 0 to 10000, not 'many'"),
    # a negative count read as nonsense, and a huge number of days overflowed the calendar
    # inside the rule ("internal error: OverflowError: date value out of range")
    ("facts.title-date:\n    elect-days", "-5",
     "option 'elect-days' of rule facts.title-date must be a whole number from 0 to 10000, not -5"),
    ("facts.title-date:\n    grace-days", "99999999",
     "option 'grace-days' of rule facts.title-date must be a whole number from 0 to 10000, not 99999999"),
    ("typo.spelling:\n    other-variety", "'yes'", "option 'other-variety' of rule typo.spelling must be true or false"),
    ("typo.spelling:\n    other_variety", "'yes'", "option 'other-variety' of rule typo.spelling must be true or false"),
])
def test_rule_option_of_the_wrong_type_is_config_error(tmp_path, option, value, wanted):
    # before, these failed inside the rule: "internal error: TypeError: 'int' object is not iterable"
    (tmp_path / ".copylint.yaml").write_text(f"rules:\n  {option}: {value}\n")
    (tmp_path / "news.txt").write_text(STORY)
    proc = run_cli("check", "--no-languagetool", "news.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert wanted in proc.stderr and ".copylint.yaml:3: " in proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


def test_cli_select_beats_config(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("select: [typo.repeated-word]\n")
    (tmp_path / "news.txt").write_text(STORY)
    proc = run_cli("check", "--format", "json", "--select", "typo.double-space", "news.txt", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["typo.double-space"]


def test_pyproject_section_and_extends(tmp_path):
    (tmp_path / "base.yaml").write_text("fail-on: error\nselect: [typo]\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n\n[tool.copylint]\nextends = "base.yaml"\nignore = ["typo.double-space"]\n')
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    s = load_config_file(tmp_path / "pyproject.toml")
    assert s.fail_on == Severity.ERROR and s.select == ["typo"] and s.ignore == ["typo.double-space"]


def test_pyproject_unknown_key_names_line(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname="x"\n\n[tool.copylint]\nselct = ["typo"]\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:5: unknown key 'selct' \(did you mean 'select'\?\)"):
        load_config_file(tmp_path / "pyproject.toml")


def test_bad_values_name_file_and_line(tmp_path):
    cfg = tmp_path / ".copylint.yaml"
    cfg.write_text("select: [typo]\nfail-on: fatal\n")
    with pytest.raises(ConfigError, match=r"\.copylint\.yaml:2: unknown severity 'fatal'"):
        load_config_file(cfg)
    cfg.write_text("overrides:\n  - ignore: [typo]\n")
    with pytest.raises(ConfigError, match=r"\.copylint\.yaml:2: an override needs 'files'"):
        load_config_file(cfg)
    # a real key that only a whole config takes was "unknown key 'fail-on' (did you mean 'files'?)"
    cfg.write_text("overrides:\n  - files: ['sport/**']\n    fail-on: error\n")
    with pytest.raises(ConfigError) as exc:
        load_config_file(cfg)
    assert str(exc.value) == (f"{cfg}:3: 'fail-on' cannot be set per file in an override; an override takes "
                              "accept, files, ignore, language, reject, rules, select")
    cfg.write_text("overrides:\n  - files: ['sport/**']\n    ignroe: [typo]\n")
    with pytest.raises(ConfigError, match=r"\.copylint\.yaml:3: unknown key 'ignroe' \(did you mean 'ignore'\?\)"):
        load_config_file(cfg)
    cfg.write_text("extends: base.yaml\n")
    with pytest.raises(ConfigError, match=r"\.copylint\.yaml:1: extended config 'base.yaml' not found"):
        load_config_file(cfg)


def test_selection_most_specific_prefix_wins():
    from copylint.registry import is_selected

    assert is_selected("typo.spelling", ["typo"], [])
    assert not is_selected("typo.spelling", ["typo"], ["typo.spelling"])
    assert is_selected("typo.spelling", ["typo.spelling"], ["typo"])
    assert not is_selected("structure.duplicate-paragraph", ["typo"], [])
    assert is_selected("house.kyiv", ["ALL"], ["typo"])


def _rules_by_file(proc) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        out.setdefault(f["path"], []).append(f["rule"])
    return {p: sorted(r) for p, r in out.items()}


def test_ignore_lists_add_up_and_the_command_line_goes_on_top_of_overrides(tmp_path):
    """From a user audit of the README's own example: the sport desk's override ignored
    house.numbers and thereby brought back what the file's own ignore left out; an
    override beat the command line; and --ignore brought back everything the config
    ignored. Ignore lists now add up (file, override, --ignore); --select still replaces."""
    story = "Headline text here\n\nThe goverment said the the talks in Kiev would resume.\n"
    for folder in ("", "sport/", "news/"):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / "s.txt").write_text(story)
    (tmp_path / ".copylint.yaml").write_text(
        "select: [typo, house]\nignore: [typo.repeated-word]\n"
        "overrides:\n  - files: ['sport/**']\n    ignore: [house.kyiv]\n")
    found = _rules_by_file(run_cli("check", "--format", "json", "--no-languagetool", ".", cwd=tmp_path))
    assert found == {"news/s.txt": ["house.kyiv", "typo.spelling"], "s.txt": ["house.kyiv", "typo.spelling"],
                     "sport/s.txt": ["typo.spelling"]}
    found = _rules_by_file(run_cli("check", "--format", "json", "--no-languagetool", "--ignore", "typo.spelling",
                                   ".", cwd=tmp_path))
    assert found == {"news/s.txt": ["house.kyiv"], "s.txt": ["house.kyiv"]}
    found = _rules_by_file(run_cli("check", "--format", "json", "--no-languagetool", "--select", "typo",
                                   "sport", cwd=tmp_path))
    assert found == {"sport/s.txt": ["typo.spelling"]}  # the command line's select, the config's ignore


def test_an_extended_files_overrides_match_from_its_own_folder(tmp_path):
    """A newsroom file's override for "sub/deeper/**" stopped matching once a desk's
    config in sub/ extended it: the globs were read from the desk's folder."""
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "s.txt").write_text(
        "Headline text here\n\nThe goverment said the the talks in Kiev would resume.\n")
    (tmp_path / "newsroom.yaml").write_text(
        "select: [typo, house]\nignore: [typo.repeated-word]\n"
        "overrides:\n  - files: ['sub/deeper/**']\n    ignore: [house.kyiv]\n")
    (tmp_path / "sub" / ".copylint.yaml").write_text("extends: ../newsroom.yaml\nignore: [house.headline-case]\n")
    found = _rules_by_file(run_cli("check", "--format", "json", "--no-languagetool", "sub", cwd=tmp_path))
    assert found == {"sub/deeper/s.txt": ["typo.spelling"]}


@pytest.mark.parametrize("line, wanted", [
    ("languagetool-url: 8081", r"\.copylint\.yaml:1: 'languagetool-url' must be a URL"),
    ("languagetool-dir: [lt]", r"\.copylint\.yaml:1: 'languagetool-dir' must be a path"),
])
def test_languagetool_settings_of_the_wrong_type_name_file_and_line(tmp_path, line, wanted):
    """``languagetool-url: 8081`` was taken as given and ended the run as an internal
    error (an int has no strip); a list as languagetool-dir was accepted silently."""
    cfg = tmp_path / ".copylint.yaml"
    cfg.write_text(line + "\n")
    with pytest.raises(ConfigError, match=wanted):
        load_config_file(cfg)


@pytest.mark.parametrize("value", ["next week", "5", "[2024-03-14]"])
def test_a_date_that_is_no_date_names_file_and_line(tmp_path, value):
    """The error said "config date: 'next week' is not a date", naming no file."""
    cfg = tmp_path / ".copylint.yaml"
    cfg.write_text(f"select: [facts]\ndate: {value}\n")
    with pytest.raises(ConfigError, match=r"\.copylint\.yaml:2: .* is not a date \(YYYY-MM-DD\)"):
        load_config_file(cfg)


@pytest.mark.parametrize("lines, wanted", [
    ("packs: [us, style/desk.yaml]\n", r"\.copylint\.yaml:1: pack 'style/desk.yaml' not found"),
    ("select: [facts]\npeople: [desk/people/]\n", r"\.copylint\.yaml:2: people file or folder 'desk/people/' not found"),
])
def test_a_pack_or_people_entry_that_is_not_there_names_the_config(tmp_path, lines, wanted):
    """The errors said "style/desk.yaml: pack not found" and "story.txt: desk/people/:
    people file not found": neither named the config that listed the entry."""
    cfg = tmp_path / ".copylint.yaml"
    cfg.write_text(lines)
    with pytest.raises(ConfigError, match=wanted):
        load_config_file(cfg)
    (tmp_path / "story.txt").write_text(STORY)
    proc = run_cli("check", "--no-languagetool", "story.txt", cwd=tmp_path)
    assert proc.returncode == 2 and ".copylint.yaml:" in proc.stderr, proc.stderr


def test_pyproject_is_read_without_tomllib_as_on_python_3_10(tmp_path, monkeypatch):
    """Python 3.10 (which pyproject.toml's requires-python allows) has no tomllib: a
    [tool.copylint] section ended the run as an internal error. tomli, its backport,
    reads it there; without either the config error says what to install."""
    import sys
    import tomllib

    (tmp_path / "pyproject.toml").write_text('[tool.copylint]\nfail-on = "error"\n')
    monkeypatch.setitem(sys.modules, "tomllib", None)  # import tomllib raises ImportError
    monkeypatch.setitem(sys.modules, "tomli", tomllib)  # the backport has the same API
    assert load_config_file(tmp_path / "pyproject.toml").fail_on == Severity.ERROR
    monkeypatch.setitem(sys.modules, "tomli", None)
    with pytest.raises(ConfigError, match=r"pyproject.toml: reading \[tool.copylint\] needs Python 3.11 or the tomli"):
        load_config_file(tmp_path / "pyproject.toml")


@pytest.mark.parametrize("text, wanted", [
    ("fail-on: error\nselect: []\n", r"\.copylint\.yaml:2: 'select' is empty, so no rule would run"),
    ("overrides:\n  - files: [sport/**]\n    select: []\n", r"\.copylint\.yaml:3: 'select' is empty"),
    ("overrides:\n  - files: []\n    ignore: [typo]\n", r"\.copylint\.yaml:2: an override's 'files' is empty"),
])
def test_an_empty_select_or_override_files_is_an_error_at_its_line(tmp_path, text, wanted):
    """``select: []`` (a list whose one entry was commented out) ran no rule and passed
    every file without a word; an override with no ``files`` applied to nothing."""
    cfg = tmp_path / ".copylint.yaml"
    cfg.write_text(text)
    with pytest.raises(ConfigError, match=wanted):
        load_config_file(cfg)


def test_an_empty_select_on_the_command_line_is_no_select(tmp_path):
    """Unlike ``select: []`` in a file, ``--select "$RULES"`` with RULES unset is taken as
    no --select, as every other empty flag is: the config's list runs, never nothing."""
    (tmp_path / ".copylint.yaml").write_text("select: [typo.repeated-word]\n")
    (tmp_path / "news.txt").write_text(STORY)
    for value in ("", " , "):
        proc = run_cli("check", "--format", "json", "--select", value, "news.txt", cwd=tmp_path)
        assert proc.returncode == 1, proc.stderr
        assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["typo.repeated-word"]


@pytest.mark.parametrize("files, wanted", [
    # a loop of two files is reported at the extends line that closes it
    ({"a.yaml": "select: [typo]\nextends: b.yaml\n", "b.yaml": "ignore: [house]\nextends: a.yaml\n"},
     r"b\.yaml:2: extending 'a\.yaml' makes a loop"),
    ({"a.yaml": "fail-on: error\nextends: a.yaml\n"}, r"a\.yaml:2: extending 'a\.yaml' makes a loop"),
    ({"a.yaml": "extends: styles\n", "styles/x.yaml": ""}, r"a\.yaml:1: extended config 'styles' is a folder"),
    ({"a.yaml": "packs: [styles]\n", "styles/x.yaml": ""}, r"a\.yaml:1: pack 'styles' is a folder, not a YAML file"),
    # True is an int to Python: `jobs: true` ran one worker
    ({"a.yaml": "jobs: true\n"}, r"a\.yaml:1: 'jobs' must be a positive integer"),
    # `null:` as a rule id was reported as 'None' at no line
    ({"a.yaml": "rules:\n  null: error\n"}, r"a\.yaml:2: None is no rule id"),
    # a tag on a list was dropped without a word
    ({"a.yaml": "select: !!python/object:os.system [typo]\n"},
     r"a\.yaml:1: unsupported tag 'tag:yaml\.org,2002:python/object:os\.system': a config holds plain data only"),
    ({"a.yaml": "select:\n\t- typo\n"}, r"a\.yaml:2: invalid YAML: a tab where YAML needs spaces"),
    # '' as a path is the config's folder: every YAML file beside it was read as people,
    # the results cache was written beside the stories
    ({"a.yaml": "select: [typo]\npeople: [\"\"]\n"}, r"a\.yaml:2: 'people' holds an empty entry"),
    ({"a.yaml": "cache-dir: ''\n"}, r"a\.yaml:1: 'cache-dir' must be a path"),
    ({"a.yaml": "select: ''\n"}, r"a\.yaml:1: 'select' holds an empty entry"),
    ({"a.yaml": "select: [typo]\nfail-on: error\nselect: [house]\n"}, r"a\.yaml:3: duplicate key 'select'"),
    ({"a.yaml": "rules:\n  house.kyiv: error\n  house.kyiv: info\n"}, r"a\.yaml:3: duplicate key 'house\.kyiv'"),
    ({"a.yaml": "- select\n- typo\n"}, r"a\.yaml:1: the config must be a mapping of keys to values"),
    # these two were reported at the line of the rule and of 'overrides:'
    ({"a.yaml": "rules:\n  typo.repeated-word:\n    allow: [had]\n    severity: loud\n"},
     r"a\.yaml:4: unknown severity 'loud'"),
    ({"a.yaml": "overrides:\n  - files: [a]\n\n  - just a string\n"},
     r"a\.yaml:4: each override must be a mapping with 'files'"),
    ({"a.yaml": "select: [ALL]\n...\n---\nselect: [typo]\n"},
     r"a\.yaml:3: invalid YAML: expected a single document in the stream, but found another document"),
])
def test_a_malformed_config_is_one_error_at_its_file_and_line(tmp_path, files, wanted):
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    with pytest.raises(ConfigError, match=wanted):
        load_config_file(tmp_path / "a.yaml")


def test_a_config_that_is_not_utf8_names_the_line_of_the_byte(tmp_path):
    """The error was Python's codec message ("can't decode byte 0xe9 in position 27")."""
    cfg = tmp_path / ".copylint.yaml"
    cfg.write_bytes(b"select: [typo]\nignore: [caf\xe9]\n")
    with pytest.raises(ConfigError) as exc:
        load_config_file(cfg)
    assert str(exc.value) == f"{cfg}:2: cannot read config: byte 0xe9 is not UTF-8 (save the file as UTF-8)"


@pytest.mark.parametrize("text, wanted", [
    ('[tool.copylint]\nselect = ["typo"\n', r"pyproject\.toml:2: invalid TOML: Unclosed array$"),
    ('[tool.copylint]\nselect = ["typo"]\n\nbad line\n', r"pyproject\.toml:4: invalid TOML: Expected '='"),
    # these two ended as "internal error: AttributeError"
    ("[tool]\ncopylint = 5\n", r"pyproject\.toml:2: \[tool\.copylint\] must be a table"),
    ("tool = 5\n", r"pyproject\.toml: has no \[tool\.copylint\] table"),
    # named with --config, a pyproject.toml without the table ran the defaults unseen
    ('[project]\nname = "x"\n', r"pyproject\.toml: has no \[tool\.copylint\] table"),
])
def test_a_broken_pyproject_is_one_error_at_its_line(tmp_path, text, wanted):
    (tmp_path / "pyproject.toml").write_text(text)
    with pytest.raises(ConfigError, match=wanted):
        load_config_file(tmp_path / "pyproject.toml")


def test_a_pyproject_with_a_byte_order_mark_is_read(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b'\xef\xbb\xbf[tool.copylint]\nfail-on = "error"\n')
    assert load_config_file(tmp_path / "pyproject.toml").fail_on == Severity.ERROR


@pytest.mark.parametrize("args, wanted", [
    (["check", "--jobs", "0", "news.txt"], "Invalid value for '--jobs' / '-j': 0 is not in the range x>=1"),
    (["check", "--fail-on", "fatal", "news.txt"], "Invalid value for '--fail-on': 'fatal' is not one of"),
    (["check", "--config", "sub", "news.txt"], "Invalid value for '--config': File 'sub' is a directory"),
    (["check", "--bogus", "news.txt"], "No such option '--bogus'"),
    (["--bogus"], "No such option '--bogus'"),
    (["explain"], "Missing argument 'RULE_ID'"),
    (["check", "news.txt", "-j"], "Option '-j' requires an argument"),
])
def test_a_bad_flag_is_one_line_and_exit_2(tmp_path, args, wanted):
    """Click printed a usage block of four lines; every other error is one line."""
    (tmp_path / "news.txt").write_text(STORY)
    (tmp_path / "sub").mkdir()
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"copylint: error: {wanted}") and line.endswith(" --help)")


def test_copylint_alone_still_prints_its_help():
    proc = run_cli()
    assert "Commands:" in proc.stdout + proc.stderr and "copylint: error" not in proc.stderr


@pytest.mark.parametrize("text, wanted", [
    # the second override's key was found at the first 'select =' of the section (line 2)
    ('[tool.copylint]\nselect = ["ALL"]\n\n[[tool.copylint.overrides]]\nfiles = ["a/**"]\nselect = ["typo"]\n\n'
     '[[tool.copylint.overrides]]\nfiles = ["b/**"]\nselect = []\n', r"pyproject\.toml:10: 'select' is empty"),
    # a key of the same name in another table came first (line 2)
    ('[tool.other]\nselect = 1\n[tool.copylint]\nignore = ["x"]\nselect = 5\n',
     r"pyproject\.toml:5: 'select' must be a list"),
    # a rule's own table's key was reported at line 1
    ('[tool.copylint]\nselect = ["ALL"]\n[tool.copylint.rules.typo]\nseverity = "loud"\n',
     r"pyproject\.toml:4: unknown severity 'loud'"),
    ('[tool.copylint]\n[[tool.copylint.overrides]]\nfiles = ["a/**"]\n[tool.copylint.overrides.rules]\n'
     '"typo.repeated-word" = {allw = ["x"]}\n', r"pyproject\.toml:5: unknown option 'allw'"),
])
def test_a_pyproject_error_names_the_line_of_its_own_key(tmp_path, text, wanted):
    (tmp_path / "pyproject.toml").write_text(text)
    with pytest.raises(ConfigError, match=wanted):
        load_config_file(tmp_path / "pyproject.toml")


def test_a_pyproject_that_names_the_table_only_in_a_comment_is_no_config(tmp_path):
    """Discovery took any pyproject.toml holding the text "[tool.copylint" (copylint's
    own names it in a comment) for a config."""
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = ["tomli"]  # for [tool.copylint] on 3.10\n')
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[tool.copylint-extra]\nx = 1\n')
    assert find_config(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[[tool.copylint.overrides]]\nfiles = ["a"]\n')
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"


def test_an_empty_config_file_means_the_defaults_and_stops_the_search(tmp_path):
    """An empty (or comments-only) .copylint.yaml is a valid config: every default, and
    the folder's own, so a parent folder's config does not govern it."""
    (tmp_path / ".copylint.yaml").write_text("select: [typo]\nfail-on: error\n")
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / ".copylint.yaml").write_text("# defaults for the desk\n")
    assert find_config(tmp_path / "desk") == tmp_path / "desk" / ".copylint.yaml"
    settings = load_config_file(tmp_path / "desk" / ".copylint.yaml")
    assert settings.select == ["ALL"] and settings.fail_on == Severity.WARNING


def test_a_broken_people_file_is_one_error_not_one_per_story(tmp_path):
    """The rules that read the people base raised its error inside each story's check,
    so a run over an archive printed "story.txt: desk.yaml:3: ..." once per story."""
    (tmp_path / ".copylint.yaml").write_text("select: [facts]\npeople: [desk.yaml]\n")
    (tmp_path / "desk.yaml").write_text("source: s\npeople:\n  - nme: A B\n")
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(STORY)
    proc = run_cli("check", "a.txt", "b.txt", cwd=tmp_path)
    assert proc.returncode == 2
    [line] = proc.stderr.splitlines()
    assert line.startswith(f"copylint: error: {tmp_path / 'desk.yaml'}:3: unknown key 'nme'"), line
