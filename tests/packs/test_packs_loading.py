"""Pack files: schema errors name file:line, unsafe patterns are refused or bounded,
packs load from config by path or by a shipped pack's name."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from packtools import lint, write_pack

from copylint.packs import PackError, load_engine
from copylint.packs.loader import read_pack
from helpers import REPO, run_cli

GOOD_RULE = """\
  - id: kyiv
    kind: substitution
    message: "Use {replacement}."
    swap: {Kiev: Kyiv}
    tests: {fail: ["In Kiev."], pass: ["In Kyiv."]}
"""


def _one_rule(rule: str) -> str:
    """A pack holding one rule given as an item of ``rules:``."""
    return "pack: desk\nrules:\n" + rule


def _error(tmp_path, text: str) -> str:
    path = write_pack(tmp_path, "p.yaml", textwrap.dedent(text))
    with pytest.raises(PackError) as exc:
        read_pack(path)
    return str(exc.value).replace(str(tmp_path) + "/", "")


def test_missing_tests_named_with_file_and_line(tmp_path):
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: one
            kind: existence
            message: "no {match}"
            tokens: [foo]
        """)
    assert msg == "p.yaml:3: rule 'one': 'tests' is required"


def test_empty_fail_list_rejected(tmp_path):
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: one
            kind: existence
            message: "no {match}"
            tokens: [foo]
            tests:
              fail: []
              pass: [bar]
        """)
    assert msg == "p.yaml:8: rule 'one': 'fail' needs at least one example"


def test_unknown_key_suggests_the_right_one(tmp_path):
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: one
            kind: substitution
            message: "use {replacement}"
            swapp: {a: b}
            tests: {fail: [a], pass: [b]}
        """)
    # at the key's own line, not the rule's `- id:` (line 3)
    assert msg == ("p.yaml:6: rule 'one': unknown key 'swapp' (did you mean 'swap'?); "
                   "also line 3: 'swap' is required")


def test_unknown_keys_at_the_top_and_in_an_example_name_their_own_lines(tmp_path):
    msg = _error(tmp_path, """\
        pack: desk
        descripton: Sport desk
        rules:
          - id: one
            kind: substitution
            message: "use {replacement}"
            swap: {a: b}
            tests:
              fail: [a]
              pass: [b]
              passs: [c]
        """)
    assert msg == ("p.yaml:2: unknown key 'descripton' (did you mean 'description'?); "
                   "also line 11: unknown key 'passs' (did you mean 'pass'?)")


def test_bad_kind_and_field_of_another_kind(tmp_path):
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: one
            kind: existance
            message: "x"
            tests: {fail: [a], pass: [b]}
        """)
    assert msg.startswith("p.yaml:4: rule 'one': 'existance' is not one of")
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: one
            kind: existence
            message: "x"
            tokens: [a]
            style: title
            tests: {fail: [a], pass: [b]}
        """)
    assert msg == "p.yaml:7: rule 'one': 'style' does not apply to kind existence"


def test_unknown_placeholder_and_duplicate_id(tmp_path):
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: one
            kind: existence
            message: "write {replacement}"
            tokens: [a]
            tests: {fail: [a], pass: [b]}
        """)
    assert msg.startswith("p.yaml:5: rule 'one': unknown placeholder {replacement}")
    msg = _error(tmp_path, "pack: desk\nrules:\n" + GOOD_RULE + GOOD_RULE)
    assert msg == "p.yaml:8: rule 'kyiv': duplicate id (first defined at line 3)"


def test_yaml_syntax_error_and_reserved_name(tmp_path):
    msg = _error(tmp_path, "pack: desk\nrules:\n  - id: [unclosed\n")
    assert msg.startswith("p.yaml:4: invalid YAML")
    assert _error(tmp_path, "pack: typo\nrules:\n" + GOOD_RULE).startswith("p.yaml:1: pack name 'typo' is reserved")


def test_packs_are_data_only(tmp_path):
    # a Python tag must not construct anything: safe YAML refuses it with a line number
    msg = _error(tmp_path, "pack: desk\nrules: !!python/object/apply:os.system ['echo hacked']\n")
    assert msg == ("p.yaml:2: unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system': "
                   "a pack holds plain data only")


def test_backreference_and_lookaround_refused_with_line(tmp_path):
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: doubled
            kind: existence
            message: "x"
            tokens:
              - "foo"
              - "(\\\\w+) \\\\1"
            tests: {fail: [a a], pass: [b]}
        """)
    assert msg.startswith("p.yaml:8: rule 'doubled': backreferences")
    msg = _error(tmp_path, """\
        pack: desk
        rules:
          - id: look
            kind: existence
            message: "x"
            tokens: ["said(?= he)"]
            tests: {fail: [said he], pass: [b]}
        """)
    assert msg.startswith("p.yaml:6: rule 'look': lookahead")


def test_pathological_pattern_runs_in_linear_time(tmp_path):
    """(a+)+$ takes exponential time on a backtracking engine; on RE2 it is one pass.
    Run in a subprocess with a timeout so a regression shows as a failure, not a hang."""
    pack = write_pack(tmp_path, "p.yaml", textwrap.dedent("""\
        pack: desk
        rules:
          - id: evil
            kind: existence
            message: "x {match}"
            tokens: ["(a+)+$"]
            tests: {fail: ["aaaa"], pass: ["aaab"]}
        """))
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from copylint import lint_text\n"
        "from copylint.config import Settings\n"
        "text = 'Head\\n\\n' + 'a' * 200000 + 'b'\n"
        "print(len(lint_text(text, path='x.txt', config=Settings(select=['desk'], packs=[%r]))))\n"
    ) % (str(REPO / "src"), str(pack))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "0"
    found = lint("Head\n\naaaa", ["desk"], packs=[str(pack)])
    assert [f.matched for f in found] == ["aaaa"]


def test_config_packs_by_shipped_name_and_by_path(tmp_path):
    write_pack(tmp_path, "desk.yaml", "pack: desk\nrules:\n" + GOOD_RULE)
    (tmp_path / ".copylint.yaml").write_text("packs: [us, desk.yaml]\nselect: [us, desk]\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Talks\n\nThe defence minister flew to Kiev.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(story), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    import json

    found = sorted((f["rule"], f["matched"]) for f in json.loads(proc.stdout)["findings"])
    assert found == [("desk.kyiv", "Kiev"), ("us.spelling", "defence")]


def test_unknown_pack_is_a_config_error(tmp_path):
    (tmp_path / ".copylint.yaml").write_text("packs: [nosuchpack]\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Talks\n\nBody.\n", encoding="utf-8")
    proc = run_cli("check", str(story), cwd=tmp_path)
    assert proc.returncode == 2
    assert ".copylint.yaml:1: pack 'nosuchpack' not found" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_broken_pack_on_the_command_line_exits_2_with_file_line(tmp_path):
    bad = write_pack(tmp_path, "bad.yaml", "pack: desk\nrules:\n  - id: x\n    kind: existence\n    message: m\n"
                     "    tokens: ['(?<=a)b']\n    tests: {fail: [ab], pass: [b]}\n")
    story = tmp_path / "story.txt"
    story.write_text("Talks\n\nBody.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Talks\n\nBody.\n", encoding="utf-8")
    proc = run_cli("check", "--pack", str(bad), str(story), str(tmp_path / "other.txt"), cwd=tmp_path)
    assert proc.returncode == 2
    assert f"{bad}:6: rule 'x': lookbehind is not supported" in proc.stderr
    assert proc.stderr.count("lookbehind") == 1  # reported once, not once per file
    assert "Traceback" not in proc.stderr


def test_user_pack_named_house_replaces_the_shipped_one(tmp_path):
    own = write_pack(tmp_path, "house.yaml", "pack: house\nrules:\n" + GOOD_RULE)
    engine = load_engine([str(own)])
    assert [r.id for r in engine.rules] == ["house.kyiv"]
    assert engine.rules[0].source == f"{own}:3"


def test_apart_and_majority_need_together(tmp_path):
    message = _error(tmp_path, _one_rule("""\
          - id: mix
            kind: consistency
            message: "{match} / {first}"
            groups: [[color, colour]]
            apart: ["col.*"]
            tests: {fail: ["color colour"], pass: ["color"]}
        """))
    assert message.startswith("p.yaml:7: rule 'mix': 'apart' applies with 'together: true' only")


def test_schema_errors_name_what_a_kind_needs_and_every_problem_with_its_line(tmp_path):
    """From a user audit: an occurrence rule with neither tokens nor a length limit was
    reported as the whole rule "is not valid under any of the given schemas", and a
    second mistake only as "(and 1 more problem(s))"."""
    message = _error(tmp_path, _one_rule("""\
          - id: r1
            kind: occurrence
            message: "x"
            tests: {fail: [a], pass: [b]}
        """))
    assert message == "p.yaml:3: rule 'r1': an occurrence rule needs 'tokens' and 'max' or 'max-words' or 'max-chars'"
    message = _error(tmp_path, _one_rule("""\
          - id: r1
            kind: existence
            message: "x"
            tokens: "foo"
            severity: 3
            tests: {fail: [foo], pass: [b]}
        """))
    assert message == ("p.yaml:6: rule 'r1': 'foo' is not of type 'array'; "
                       "also line 7: 3 is not one of ['error', 'warning', 'info']")


def test_a_pack_that_is_not_utf8_names_the_line(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_bytes(b"pack: desk\nrules:\n  - id: r1\n    kind: existence\n    message: \"caf\xe9\"\n")
    with pytest.raises(PackError) as exc:
        read_pack(path)
    assert str(exc.value) == f"{path}:5: cannot read pack: byte 0xe9 is not UTF-8 (save the pack as UTF-8)"


def test_two_locale_packs_conflict():
    with pytest.raises(PackError, match="fixes the locale"):
        load_engine(["us", "uk"])


def test_a_value_of_the_wrong_shape_is_named_not_a_crash(tmp_path):
    """A schema 'one of' error below the top level (a mapping where the words go, a
    number as an example) once crashed the message builder ("internal error:
    TypeError"), found by fuzzing a config and pack."""
    msg = _error(tmp_path, _one_rule(GOOD_RULE.replace("{Kiev: Kyiv}", "{Kiev: {extends: bar}}")))
    assert msg == "p.yaml:6: rule 'kyiv': {'extends': 'bar'} must be a string or a list of strings"
    msg = _error(tmp_path, _one_rule(GOOD_RULE.replace('fail: ["In Kiev."]', "fail: [5]")))
    assert msg == ("p.yaml:7: rule 'kyiv': an example must be a string, or a mapping with headline, "
                   "standfirst, body or caption")


def test_a_literal_rule_s_exceptions_are_still_checked_as_patterns(tmp_path):
    """`literal: true` makes the rule's words literal, not its exceptions, which are
    compiled as patterns; a broken one was let through the loader and crashed the
    compiler ("internal error: PatternError"), found by fuzzing a config and pack."""
    msg = _error(tmp_path, _one_rule(GOOD_RULE + '    literal: true\n    exceptions: ["foo (bar"]\n'))
    assert msg.startswith("p.yaml:9: rule 'kyiv': invalid pattern 'foo (bar': missing )")


@pytest.mark.parametrize("swap, line, key", [("{5: five}", 6, "5"), ("\n      no: No.", 7, "False")])
def test_a_key_that_yaml_reads_as_no_text_is_named_at_its_line(tmp_path, swap, line, key):
    """``swap: {5: five}`` ended as "internal error: TypeError: 'int' object is not
    iterable"; ``no:`` became the key False."""
    msg = _error(tmp_path, _one_rule(GOOD_RULE.replace(" {Kiev: Kyiv}", " " + swap)))
    assert msg.startswith(f"p.yaml:{line}: key {key} is not text; quote it")


def test_a_tab_in_a_pack_is_named_as_a_tab(tmp_path):
    """libyaml said only "found character that cannot start any token"."""
    msg = _error(tmp_path, "pack: desk\nrules:\n\t- id: x\n")
    assert msg == "p.yaml:3: invalid YAML: a tab where YAML needs spaces (indent with spaces, not tabs)"


def test_a_folder_named_as_a_pack_is_called_a_folder(tmp_path, monkeypatch):
    """It was "pack not found (not a file, nor a shipped pack ...)"."""
    from copylint.packs.loader import resolve_entries

    (tmp_path / "style").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(PackError) as exc:
        resolve_entries(["style"])
    assert str(exc.value) == "style: is a folder, not a pack file (name a YAML file)"


@pytest.mark.parametrize("text", ["", "# nothing yet\n", "- kyiv\n"])
def test_an_empty_pack_or_a_list_is_named_as_no_pack(tmp_path, text):
    assert _error(tmp_path, text) == "p.yaml:1: a pack must be a mapping with 'pack' and 'rules'"


def test_a_duplicate_key_in_a_pack_is_named_at_its_line(tmp_path):
    msg = _error(tmp_path, _one_rule(GOOD_RULE + "    swap: {Kiev: Kyiv}\n"))
    assert msg == "p.yaml:8: duplicate key 'swap'"


@pytest.mark.parametrize("swap", ["''", "[]"])
def test_an_empty_replacement_is_called_empty(tmp_path, swap):
    """It was "'' must be a string or a list of strings"."""
    msg = _error(tmp_path, _one_rule(GOOD_RULE.replace("{Kiev: Kyiv}", "{Kiev: " + swap + "}")))
    assert msg == f"p.yaml:6: rule 'kyiv': {swap} is empty: give a string or a list of strings"
