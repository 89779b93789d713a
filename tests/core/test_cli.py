"""The CLI as a user meets it: exit codes, output formats, stdin, bad input, config errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpers import REPO, run_cli

STORY = "Minister defends the the rail plan\n\nThe plan was approved on Monday.\n"
CLEAN = "Minister defends rail plan\n\nThe plan was approved on Monday.\n"
ONLY_MECHANICAL = "select: [structure, typo.repeated-word, typo.double-space, typo.space-before-punctuation, typo.unbalanced-quotes, typo.unbalanced-brackets]\n"


def _project(tmp_path: Path, files: dict[str, str | bytes], config: str | None = ONLY_MECHANICAL) -> Path:
    if config is not None:
        (tmp_path / ".copylint.yaml").write_text(config, encoding="utf-8")
    for name, content in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return tmp_path


def test_findings_give_exit_1_and_text_lines(tmp_path):
    root = _project(tmp_path, {"story.txt": STORY})
    proc = run_cli("check", "story.txt", cwd=root)
    assert proc.returncode == 1, proc.stderr
    first = proc.stdout.splitlines()[0]
    assert first == "story.txt:1:21: error typo.repeated-word the word 'the' is repeated"
    # the caret line underlines " the" under the source line
    lines = proc.stdout.splitlines()
    assert lines[1].strip() == "Minister defends the the rail plan"
    assert lines[2].index("^") - 4 == 20 and lines[2].count("^") == 4
    assert "1 file(s) checked: 1 error(s)" in proc.stderr


def test_statistics_count_each_rule_on_stderr_and_leave_the_report_alone(tmp_path):
    two_slips = "Council backs the the budget\n\nThe budget  was approved on on Monday (in the end.\n"
    root = _project(tmp_path, {"a.txt": STORY, "b.txt": two_slips, "c.txt": CLEAN})
    plain = run_cli("check", "--format", "json", "a.txt", "b.txt", "c.txt", cwd=root)
    proc = run_cli("check", "--format", "json", "--statistics", "a.txt", "b.txt", "c.txt", cwd=root)
    assert proc.returncode == 1 and proc.stdout == plain.stdout  # the report is unchanged
    lines = [line.split() for line in proc.stderr.splitlines() if "file(s)" in line and "checked" not in line]
    # most findings first: "the the" twice in two files and "on on" once, each with a safe
    # fix (delete the copy); then one double space and one bracket left open, in b.txt
    assert lines == [["3", "error", "typo.repeated-word", "in", "2", "file(s),", "3", "with", "a", "safe", "fix"],
                     ["1", "info", "typo.double-space", "in", "1", "file(s),", "1", "with", "a", "safe", "fix"],
                     ["1", "warning", "typo.unbalanced-brackets", "in", "1", "file(s)"]]


def test_clean_file_exit_0(tmp_path):
    root = _project(tmp_path, {"story.txt": CLEAN})
    proc = run_cli("check", "story.txt", cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == ""


def test_fail_on_error_ignores_warnings(tmp_path):
    root = _project(tmp_path, {"story.txt": "Minister defends rail plan\n\nThe plan (approved Monday.\n"})
    assert run_cli("check", "story.txt", cwd=root).returncode == 1
    assert run_cli("check", "--fail-on", "error", "story.txt", cwd=root).returncode == 0


def test_json_format_schema(tmp_path):
    root = _project(tmp_path, {"story.txt": STORY})
    proc = run_cli("check", "--format", "json", "story.txt", cwd=root)
    data = json.loads(proc.stdout)
    assert data["version"] == 1
    assert data["summary"]["findings"] == 1
    f = data["findings"][0]
    assert {k: f[k] for k in ("path", "rule", "severity", "line", "column", "end_line", "end_column")} == {
        "path": "story.txt", "rule": "typo.repeated-word", "severity": "error",
        "line": 1, "column": 21, "end_line": 1, "end_column": 25}
    assert f["fix"] == {"safe": True, "edits": [{"line": 1, "column": 21, "end_line": 1, "end_column": 25, "text": ""}]}


def test_output_file_and_stdin(tmp_path):
    root = _project(tmp_path, {})
    out = tmp_path / "report.json"
    proc = run_cli("check", "-", "--stdin-filename", "desk/story.txt", "--format", "json", "-o", str(out),
                   cwd=root, input=STORY.encode())
    assert proc.returncode == 1
    assert proc.stdout == ""
    data = json.loads(out.read_text())
    assert data["findings"][0]["path"] == "desk/story.txt"


def test_directory_recursion_skips_hidden_and_other_types(tmp_path):
    root = _project(tmp_path, {
        "stories/a.txt": STORY, "stories/sub/b.md": STORY, "stories/.drafts/c.txt": STORY,
        "stories/notes.csv": STORY, ".git/d.txt": STORY,
    })
    proc = run_cli("check", "--format", "json", "stories", cwd=root)
    paths = sorted({f["path"] for f in json.loads(proc.stdout)["findings"]})
    assert paths == [os.path.join("stories", "a.txt"), os.path.join("stories", "sub", "b.md")]


def test_a_file_named_several_ways_is_checked_once(tmp_path):
    """A user's "check ../a/story.md /abs/a/story.md story.md" reported every finding three
    times, and the story as a duplicate headline of itself."""
    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "story.md").write_text("---\ntitle: Storm hits the coast\n---\n\nThe the storm.\n")
    proc = run_cli("check", "--format", "json", "--select", "typo,structure", "../a/story.md",
                   str(folder / "story.md"), "story.md", ".", cwd=folder)
    assert [(f["path"], f["rule"]) for f in json.loads(proc.stdout)["findings"]] == [
        ("../a/story.md", "typo.repeated-word")]


def test_include_exclude_globs(tmp_path):
    root = _project(tmp_path, {"s/a.txt": STORY, "s/b.txt": STORY, "s/c.rst": STORY})
    proc = run_cli("check", "--format", "json", "--exclude", "b.txt", "s", cwd=root)
    assert sorted({f["path"] for f in json.loads(proc.stdout)["findings"]}) == [os.path.join("s", "a.txt")]
    proc = run_cli("check", "--format", "json", "--include", "*.rst", "s", cwd=root)
    assert sorted({f["path"] for f in json.loads(proc.stdout)["findings"]}) == [os.path.join("s", "c.rst")]


def test_a_run_with_no_files_to_check_warns_and_exits_0(tmp_path):
    """An empty folder, a folder wholly excluded and one of unknown types passed in silence."""
    root = _project(tmp_path, {"s/a.txt": STORY, "notes/n.rst": STORY})
    (root / "empty").mkdir()
    for args in (["empty"], ["--exclude", "s", "s"], ["notes"]):
        proc = run_cli("check", *args, cwd=root)
        assert proc.returncode == 0, (args, proc.stderr)
        assert f"copylint: warning: no files to check in {args[-1]}" in proc.stderr, args
    proc = run_cli("check", "s", cwd=root)
    assert proc.returncode == 1 and "no files to check" not in proc.stderr


def test_force_exclude_chooses_named_files_as_a_folder_walk_does(tmp_path):
    """pre-commit names README.md, CHANGELOG.md, requirements.txt: the config's include
    left them out of `check .` but not when they were named."""
    config = ONLY_MECHANICAL + 'include: ["stories/**"]\n'
    root = _project(tmp_path, {"stories/a.md": STORY, "README.md": STORY, "requirements.txt": STORY,
                               "stories/n.rst": STORY}, config=config)
    named = ["README.md", "requirements.txt", "stories/a.md"]
    walked = run_cli("check", "--format", "json", ".", cwd=root)
    forced = run_cli("check", "--format", "json", "--force-exclude", *named, cwd=root)
    paths = lambda proc: sorted({f["path"] for f in json.loads(proc.stdout)["findings"]})  # noqa: E731
    assert paths(walked) == ["stories/a.md", "stories/n.rst"]
    assert paths(forced) == ["stories/a.md"]
    assert paths(run_cli("check", "--format", "json", *named, cwd=root)) == sorted(named)  # as before
    # without include: the article types, as in a folder
    (root / ".copylint.yaml").write_text(ONLY_MECHANICAL + 'exclude: ["README.md"]\n')
    forced = run_cli("check", "--format", "json", "--force-exclude", "README.md", "stories/n.rst",
                     "requirements.txt", cwd=root)
    assert paths(forced) == ["requirements.txt"]


def test_same_output_whatever_jobs(tmp_path):
    files = {f"s/{i:02d}.txt": (STORY if i % 2 else "Headline number %d is here\n\nBody  text (open.\n" % i) for i in range(24)}
    root = _project(tmp_path, files)
    one = run_cli("check", "--format", "json", "-j", "1", "s", cwd=root).stdout
    two = run_cli("check", "--format", "json", "-j", "2", "s", cwd=root).stdout
    assert one == two and json.loads(one)["summary"]["findings"] > 20


def test_missing_path_exit_2_after_checking_others(tmp_path):
    root = _project(tmp_path, {"story.txt": STORY})
    proc = run_cli("check", "nope.txt", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert "story.txt:1:21" in proc.stdout
    assert "copylint: error: nope.txt: no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_binary_file_skipped_with_warning(tmp_path):
    root = _project(tmp_path, {"photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))})
    proc = run_cli("check", "photo.txt", cwd=root)
    assert proc.returncode == 0
    assert "copylint: warning: photo.txt: binary file: skipped" in proc.stderr


def test_broken_utf8_reported_and_rest_checked(tmp_path):
    data = "Minister defends rail plan\n\nThe caf\xe9 plan was approved the the same day.\n".encode("latin-1")
    root = _project(tmp_path, {"story.txt": data})
    proc = run_cli("check", "--format", "json", "story.txt", cwd=root)
    findings = json.loads(proc.stdout)["findings"]
    rules = [(f["rule"], f["line"], f["column"]) for f in findings]
    assert ("copylint.encoding", 3, 8) in rules
    assert ("typo.repeated-word", 3, 31) in rules
    assert (tmp_path / "story.txt").read_bytes() == data  # never modified


def test_reader_notices_follow_ignore_and_config_severity(tmp_path):
    """A desk that knows its archive has a few broken bytes can silence copylint.encoding
    with --ignore or lower it in config, which changes the exit code; the results cache
    does not answer with the earlier run's notice. A select that names no copylint.* id
    still reports it (the file was not read as written); one that names some, follows
    them. A binary file stays a run problem whatever is ignored."""
    data = "Council votes on budget\n\nThe caf\xe9 opened on the the corner.\n".encode("latin-1")
    root = _project(tmp_path, {"desk/story.txt": data, "desk/photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00IHDR"},
                    config=None)

    def run(*args):
        proc = run_cli("check", "--no-languagetool", "--cache-dir", str(root / "cache"), "--format", "json",
                       *args, "desk", cwd=root)
        assert proc.returncode in (0, 1), proc.stderr
        assert "desk/photo.txt: binary file: skipped" in proc.stderr
        return proc.returncode, [(f["rule"], f["severity"]) for f in json.loads(proc.stdout)["findings"]]

    select = ["--select", "typo.repeated-word"]
    assert run(*select) == (1, [("copylint.encoding", "warning"), ("typo.repeated-word", "error")])
    assert run(*select, "--ignore", "copylint.encoding") == (1, [("typo.repeated-word", "error")])
    assert run("--select", "copylint.encoding,copylint.markdown", "--ignore", "copylint.encoding") == (0, [])
    assert run("--select", "typo.repeated-word,copylint.unused-suppression") == (1, [("typo.repeated-word", "error")])
    (root / ".copylint.yaml").write_text("select: [copylint.encoding]\nrules:\n  copylint.encoding: info\n", encoding="utf-8")
    assert run() == (0, [("copylint.encoding", "info")])
    (root / ".copylint.yaml").write_text("ignore: [copylint.encoding]\n", encoding="utf-8")
    rules = [rule for rule, _ in run()[1]]
    assert "typo.repeated-word" in rules and "copylint.encoding" not in rules


def test_utf16_with_a_byte_order_mark_is_read_as_text(tmp_path):
    """Windows editors save "Unicode text" as UTF-16 with a mark; it is checked, with
    lines and columns in characters, not skipped as binary."""
    story = "Minister defends rail plan\r\n\r\nThe plan was approved the the same day.\r\n"
    root = _project(tmp_path, {"le.txt": b"\xff\xfe" + story.encode("utf-16-le"),
                               "be.txt": b"\xfe\xff" + story.encode("utf-16-be"),
                               "wide.txt": b"\xff\xfe\x00\x00" + story.encode("utf-32-le")})
    proc = run_cli("check", "--format", "json", "le.txt", "be.txt", "wide.txt", cwd=root)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["findings"]
    found = {(f["path"], f["line"], f["column"], f["matched"]) for f in findings if f["rule"] == "typo.repeated-word"}
    assert found == {(p, 3, 26, " the") for p in ("le.txt", "be.txt", "wide.txt")}
    # and the three were read as one text: each shares its headline with the other two
    assert sum(f["rule"] == "structure.duplicate-headline" for f in findings) == 3
    assert "binary" not in proc.stderr


def test_broken_utf16_reported_and_rest_checked(tmp_path):
    story = "Minister defends rail plan\n\nThe plan was approved the the same day.\n".encode("utf-16-le")
    data = b"\xff\xfe" + story[:20] + b"\x00\xd8" + story[20:]  # a lone surrogate in the headline
    root = _project(tmp_path, {"story.txt": data})
    proc = run_cli("check", "--format", "json", "story.txt", cwd=root)
    findings = json.loads(proc.stdout)["findings"]
    encoding = [f for f in findings if f["rule"] == "copylint.encoding"]
    assert [(f["line"], f["column"]) for f in encoding] == [(1, 11)]
    assert encoding[0]["message"].startswith("invalid UTF-16 here")
    assert ("typo.repeated-word", 3, 26) in [(f["rule"], f["line"], f["column"]) for f in findings]


def test_pipes_and_broken_links_in_a_folder_are_skipped_not_waited_for(tmp_path):
    """A named pipe found in a folder would block the run until something wrote to it."""
    root = _project(tmp_path, {"desk/story.txt": STORY})
    os.mkfifo(root / "desk" / "feed.txt")
    (root / "desk" / "gone.md").symlink_to(root / "nowhere.md")
    proc = run_cli("check", "desk", cwd=root, timeout=60)
    assert proc.returncode == 1, proc.stderr  # the story's findings; no fatal problem
    assert "desk/story.txt:1:21" in proc.stdout
    assert "copylint: warning: desk/feed.txt: not a regular file (a pipe, socket or device): skipped" in proc.stderr
    assert "copylint: warning: desk/gone.md: broken link: skipped" in proc.stderr
    assert "1 file(s) checked" in proc.stderr


def _alias_bomb(top_key: str) -> str:
    """Nine aliases of nine aliases, nine levels deep: a few lines that expand to 9**10
    values ("billion laughs")."""
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for n in range(1, 9):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]")
    lines.append(f"{top_key}: [" + ", ".join(["*l8"] * 9) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bombs_are_refused_not_expanded(tmp_path):
    """In front matter the block is ignored and the story still checked; in a config or
    a rule pack it is a one-line error with the file and line, exit 2. Each once hung
    the run and took gigabytes."""
    root = _project(tmp_path, {"story.md": "---\n" + _alias_bomb("title") + "---\n# Talks\n\nIt was the the end.\n"})
    proc = run_cli("check", "story.md", cwd=root, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert ("story.md:2:1: warning copylint.front-matter front matter is not valid YAML "
            "(its aliases expand to more than 200,000 values); it was ignored") in proc.stdout
    assert "typo.repeated-word" in proc.stdout

    (root / "bomb.yaml").write_text(_alias_bomb("ignore"), encoding="utf-8")
    proc = run_cli("check", "--config", "bomb.yaml", "story.md", cwd=root, timeout=120)
    assert proc.returncode == 2
    assert "bomb.yaml:1: invalid YAML: its aliases expand to more than 200,000 values" in proc.stderr
    assert "Traceback" not in proc.stderr

    (root / "pack.yaml").write_text("pack: desk\n" + _alias_bomb("rules"), encoding="utf-8")
    proc = run_cli("check", "--pack", "pack.yaml", "story.md", cwd=root, timeout=120)
    assert proc.returncode == 2
    assert "pack.yaml:1: invalid YAML: its aliases expand to more than 200,000 values" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_empty_file_is_fine(tmp_path):
    root = _project(tmp_path, {"empty.txt": "", "blank.md": "\n\n  \n"})
    proc = run_cli("check", "empty.txt", "blank.md", cwd=root)
    assert proc.returncode == 0, proc.stderr
    assert "2 file(s) checked" in proc.stderr


def test_unreadable_file(tmp_path):
    root = _project(tmp_path, {"story.txt": STORY, "locked.txt": STORY})
    (root / "locked.txt").chmod(0)
    try:
        if os.access(root / "locked.txt", os.R_OK):  # root can read anyway
            return
        proc = run_cli("check", "locked.txt", "story.txt", cwd=root)
        assert proc.returncode == 2 and "locked.txt: cannot read" in proc.stderr
    finally:
        (root / "locked.txt").chmod(0o644)


def test_a_misspelt_rule_id_is_an_error_not_a_silent_pass(tmp_path):
    """Selecting or ignoring a rule that does not exist changes nothing, so a typo in a
    CI job's --select made every file pass. It is exit 2, naming where it was written."""
    root = _project(tmp_path, {"story.txt": STORY}, config=None)
    proc = run_cli("check", "--select", "typo.repeatedword", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == (
        "copylint: error: unknown rule or prefix 'typo.repeatedword' in --select "
        "(did you mean 'typo.repeated-word'?); `copylint rules` lists them")
    assert proc.stdout == ""

    (root / ".copylint.yaml").write_text("rules:\n  typo.speling: info\n", encoding="utf-8")
    proc = run_cli("check", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert f"{root / '.copylint.yaml'}:2: unknown rule or prefix 'typo.speling' in 'rules' (did you mean 'typo.spelling'?)" \
        in proc.stderr  # at the line that writes it

    (root / ".copylint.yaml").write_text("overrides:\n  - files: ['*.txt']\n    ignore: [hous]\n", encoding="utf-8")
    proc = run_cli("check", "story.txt", cwd=root)
    assert proc.returncode == 2 and "in an override's 'ignore' (did you mean 'house'?)" in proc.stderr

    # what does exist passes: families, pack rules, LanguageTool's ids under grammar, the tool's own
    (root / ".copylint.yaml").write_text(
        "select: [typo, house.kyiv, grammar.EN_A_VS_AN, copylint.encoding]\nignore: [typo.spelling]\n",
        encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "story.txt", cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert "story.txt:1:21: error typo.repeated-word" in proc.stdout


def test_copylint_is_a_known_prefix_and_a_made_up_copylint_id_is_not(tmp_path):
    """`--select copylint` (the tool's own notices) was refused as unknown while any
    made-up `copylint.<x>` passed silently and selected nothing. Now the prefix and the
    real ids pass, and a made-up one is exit 2 with the nearest id and the list of them
    (`copylint rules` does not show them)."""
    story = ("Council votes on budget\n\n<!-- copylint: ignore copylint.unused-suppression -->\n"
             "The caf\xe9 opened.\n\n<!-- copylint: ignore copylint.nonsense -->\nIt closed.\n").encode("latin-1")
    root = _project(tmp_path, {"story.txt": story}, config=None)

    def check(*args):
        return run_cli("check", "--no-languagetool", "--no-cache", *args, "story.txt", cwd=root)

    proc = check("--select", "copylint", "--format", "json")
    assert proc.returncode == 1, proc.stderr
    # line 3 names a real notice, which no comment suppresses: said, as of a comment that does nothing
    assert [(f["rule"], f["line"]) for f in json.loads(proc.stdout)["findings"]] == [
        ("copylint.unknown-suppression", 3), ("copylint.encoding", 4), ("copylint.unknown-suppression", 6)]

    own = ("copylint's own ids are copylint.encoding, copylint.front-matter, copylint.html, copylint.markdown, "
           "copylint.unknown-suppression, copylint.unused-suppression")
    proc = check("--select", "copylint.nonsense")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == f"copylint: error: unknown rule or prefix 'copylint.nonsense' in --select; {own}"
    proc = check("--ignore", "copylint.encodng")
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("copylint: error: unknown rule or prefix 'copylint.encodng' in --ignore "
                                   f"(did you mean 'copylint.encoding'?); {own}")

    # the real ids still pass in config, as a severity and in an ignore
    (root / ".copylint.yaml").write_text(
        "select: [copylint]\nignore: [copylint.encoding]\n"
        "rules:\n  copylint.unknown-suppression: info\n  copylint.unused-suppression: warning\n", encoding="utf-8")
    proc = check("--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert [(f["rule"], f["severity"], f["line"]) for f in json.loads(proc.stdout)["findings"]] == [
        ("copylint.unknown-suppression", "info", 3), ("copylint.unknown-suppression", "info", 6)]


def test_a_made_up_id_under_a_packs_name_is_unknown(tmp_path):
    """A pack's rule runs its members, which are rules of their own: `--select house.numbrs`
    passed (it selected nothing) because the pack's rule was taken to emit any id under
    its name, and a directive naming it was not reported."""
    story = "Council votes on budget\n\n<!-- copylint: ignore house.numbrs -->\nIt opened.\n"
    root = _project(tmp_path, {"story.txt": story}, config=None)
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--select", "house.numbrs", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("copylint: error: unknown rule or prefix 'house.numbrs' in --select "
                                   "(did you mean 'house.numbers'?); `copylint rules` lists them")
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--format", "json",
                   "--select", "house.numbers,copylint,grammar.EN_A_VS_AN", "story.txt", cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert [(f["rule"], f["message"]) for f in json.loads(proc.stdout)["findings"]] == [
        ("copylint.unknown-suppression",
         "suppression names an unknown rule 'house.numbrs' (did you mean 'house.numbers'?)")]


def test_an_impossible_date_in_a_config_or_pack_names_its_line(tmp_path):
    """YAML reads 2022-13-01 as a date and fails on it: that was an internal error."""
    root = _project(tmp_path, {"story.txt": STORY}, config="select: [typo]\ndate: 2022-13-01\n")
    proc = run_cli("check", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].endswith(".copylint.yaml:2: 2022-13-01 is not a real date")
    (root / ".copylint.yaml").unlink()
    (root / "desk.yaml").write_text("pack: desk\nrules:\n  - id: x\n    kind: existence\n    message: m\n"
                                     "    tokens: [a]\n    since: 2022-02-30\n", encoding="utf-8")
    proc = run_cli("check", "--pack", "desk.yaml", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1] == "copylint: error: desk.yaml:7: 2022-02-30 is not a real date"


def test_a_report_file_is_written_whole_into_a_folder_made_for_it(tmp_path):
    root = _project(tmp_path, {"story.txt": STORY})
    proc = run_cli("check", "--format", "json", "-o", "reports/ci/out.json", "story.txt", cwd=root)
    assert proc.returncode == 1 and proc.stdout == ""
    assert json.loads((root / "reports" / "ci" / "out.json").read_text(encoding="utf-8"))["summary"]["findings"] == 1
    assert [p.name for p in (root / "reports" / "ci").iterdir()] == ["out.json"]  # no temporary file left
    (root / "taken").write_text("a file, not a folder\n", encoding="utf-8")
    proc = run_cli("check", "-o", "taken/out.json", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip().startswith("copylint: error: -o taken/out.json: cannot make its folder: ")
    assert "Traceback" not in proc.stderr and "story.txt" not in proc.stderr  # refused before the run


def test_a_report_or_baseline_is_never_written_over_an_article_it_checked(tmp_path):
    """`-o` naming one of the stories (a slip of the fingers, or a folder's own file) used
    to replace the story with the report: only --fix may write an article."""
    root = _project(tmp_path, {"story.txt": STORY, "desk/lead.md": STORY})
    cases = [
        ("check", "-o", "story.txt", "story.txt"),
        ("check", "--format", "json", "-o", "desk/lead.md", "."),  # found by the folder walk
        ("check", "--fix", "-o", "./story.txt", "story.txt"),
        ("baseline", "-o", "story.txt", "story.txt"),
    ]
    for args in cases:
        proc = run_cli(*args, cwd=root)
        assert proc.returncode == 2, (args, proc.stderr)
        out = args[args.index("-o") + 1]
        assert proc.stderr.strip().splitlines()[-1].startswith(f"copylint: error: -o {out}: that is ")
        assert "an article this run checked" in proc.stderr and "Traceback" not in proc.stderr
        assert (root / "story.txt").read_text(encoding="utf-8") == STORY, args
        assert (root / "desk" / "lead.md").read_text(encoding="utf-8") == STORY, args
    # a report beside the stories, in a file the run does not read, is written as before
    proc = run_cli("check", "--format", "json", "-o", "desk/report.json", ".", cwd=root)
    assert proc.returncode == 1
    assert json.loads((root / "desk" / "report.json").read_text(encoding="utf-8"))["summary"]["findings"] == 2


def test_a_report_to_a_pipe_or_device_is_written_to_it_not_over_it(tmp_path):
    """-o is written through a temporary file and a rename, which replaced whatever the
    name was: `-o /dev/null` as root left a regular file where the device had been, and
    `-o /dev/stdout` failed. A pipe (as safe to try here as a device) stays a pipe and
    gets the report; so does a baseline's."""
    import stat

    root = _project(tmp_path, {"story.txt": STORY})
    fifo = tmp_path / "reader"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so that the writer's open does not wait
    try:
        proc = run_cli("check", "--format", "json", "-o", str(fifo), "story.txt", cwd=root)
        assert proc.returncode == 1, proc.stderr
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        report = json.loads(os.read(reader, 1 << 20))
        assert report["summary"]["findings"] == 1
        proc = run_cli("baseline", "-o", str(fifo), "story.txt", cwd=root)
        assert proc.returncode == 0, proc.stderr
        assert stat.S_ISFIFO(os.stat(fifo).st_mode)
        assert json.loads(os.read(reader, 1 << 20))["findings"][0]["rule"] == "typo.repeated-word"
    finally:
        os.close(reader)
    # standard output by name, as scripts write it
    proc = run_cli("check", "--format", "json", "-o", "/dev/stdout", "story.txt", cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["summary"]["findings"] == 1


def test_unknown_config_key_suggests(tmp_path):
    root = _project(tmp_path, {"story.txt": STORY}, config="select: [typo]\nfail_on: error\n")
    proc = run_cli("check", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines()[-1].endswith(
        ".copylint.yaml:2: unknown key 'fail_on' (did you mean 'fail-on'?)")
    assert "Traceback" not in proc.stderr


def test_malformed_yaml_config_names_line(tmp_path):
    root = _project(tmp_path, {"story.txt": STORY}, config="select: [typo\nignore: x\n")
    proc = run_cli("check", "story.txt", cwd=root)
    assert proc.returncode == 2
    assert ".copylint.yaml:" in proc.stderr and "invalid YAML" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_control_character_in_yaml_is_one_line_naming_its_line(tmp_path):
    """YAML refuses control characters (an escape code pasted from a terminal) before it
    parses anything: a config gave "internal error" over two lines, a large pack two lines
    with a character index, front matter a notice on the wrong line."""
    root = _project(tmp_path, {"story.md": "---\ntitle: Talks\ndate: 2022-01-05\x1b\n---\n# Talks\n\nIt was the the end.\n"},
                    config="select: [ALL]\nignore: [typo.double-space]\n\x1b: 1\n")
    proc = run_cli("check", "--no-languagetool", "story.md", cwd=root)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        f"copylint: error: {root / '.copylint.yaml'}:3: invalid YAML: character U+001B is not allowed"]

    rules = "".join(f"  - id: r{i}\n    kind: phrase\n    message: m\n    phrases: [w{i}]\n" for i in range(400))
    (root / "pack.yaml").write_text("pack: desk\nrules:\n" + rules + "  - id: late\x07\n", encoding="utf-8")
    (root / ".copylint.yaml").unlink()
    proc = run_cli("check", "--no-languagetool", "--pack", "pack.yaml", "story.md", cwd=root)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert line.endswith("pack.yaml:1603: invalid YAML: character U+0007 is not allowed")

    (root / "pack.yaml").unlink()
    proc = run_cli("check", "--no-languagetool", "story.md", cwd=root)
    assert proc.returncode == 1
    assert ("story.md:3:17: warning copylint.front-matter front matter is not valid YAML "
            "(character U+001B is not allowed); it was ignored") in proc.stdout
    assert "typo.repeated-word" in proc.stdout and "Traceback" not in proc.stderr


def test_unknown_format_and_no_paths_are_usage_errors(tmp_path):
    assert run_cli("check", "--format", "xml", "x.txt", cwd=tmp_path).returncode == 2
    assert run_cli("check", cwd=tmp_path).returncode == 2


def test_rules_and_explain_commands():
    proc = run_cli("rules")
    assert proc.returncode == 0
    ids = [line.split()[0] for line in proc.stdout.splitlines()]
    assert "structure.duplicate-headline" in ids and "typo.repeated-word" in ids
    proc = run_cli("explain", "typo.repeated-word")
    assert proc.returncode == 0 and "had had" in proc.stdout
    proc = run_cli("explain", "typo.repeated-wrd")
    assert proc.returncode == 2 and "did you mean 'typo.repeated-word'" in proc.stderr


def test_explain_a_misspelt_pack_rule_is_an_error_as_for_a_built_in():
    """A user's "explain house.kyev" printed the whole house pack and exited 0."""
    proc = run_cli("explain", "house.kyev")
    assert proc.returncode == 2 and "unknown rule 'house.kyev' (did you mean 'house.kyiv'?)" in proc.stderr
    assert run_cli("explain", "house").stdout.startswith("house: House style")


def test_explain_of_a_prefix_or_of_an_unloaded_shipped_pack_says_so():
    """`explain typo` answered "did you mean 'typo.a-an'?" and `explain us.spelling`,
    a rule of the shipped us pack, "did you mean 'house.spelling'?": both misled."""
    proc = run_cli("explain", "structure")
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("copylint: error: 'structure' is a prefix of 3 rules; explain takes one of "
                                   "them: structure.duplicate-headline, structure.duplicate-paragraph, "
                                   "structure.headline-navigation")
    proc = run_cli("explain", "us.spelling")
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("copylint: error: 'us.spelling' is a rule of the shipped pack 'us', which is "
                                   "not loaded here (try: copylint explain --pack us us.spelling)")
    proc = run_cli("explain", "--pack", "us", "us.spelling")  # the hint works
    assert proc.returncode == 0 and proc.stdout.startswith("us.spelling: ")
    # a misspelt id under a shipped pack is still just unknown
    proc = run_cli("explain", "us.speling")
    assert proc.returncode == 2 and "unknown rule 'us.speling'" in proc.stderr


def test_explain_describes_copylints_own_notices(tmp_path):
    """copylint.encoding and the other copylint.* ids reach every report like a rule's
    findings; explain describes them (it said "unknown rule") with the severity they are
    emitted with, and still hints at the nearest id for a misspelt one."""
    from copylint import tool_notices

    for notice_id, description in tool_notices.DESCRIPTIONS.items():
        proc = run_cli("explain", notice_id)
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert lines[0] == f"{notice_id}: {description}"
        assert lines[1].startswith(f"severity: {tool_notices.SEVERITIES[notice_id]} ")
        assert " ".join(lines[3:]) == tool_notices.DOCS[notice_id]
    (tmp_path / "bytes.txt").write_bytes("Council votes on budget\n\nThe caf\xe9 opened.\n".encode("latin-1"))
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--format", "json", "bytes.txt", cwd=tmp_path)
    [finding] = json.loads(proc.stdout)["findings"]
    assert (finding["rule"], finding["severity"]) == ("copylint.encoding", "warning")
    assert "severity: warning " in run_cli("explain", "copylint.encoding").stdout
    proc = run_cli("explain", "copylint.encodng")
    assert proc.returncode == 2 and "did you mean 'copylint.encoding'" in proc.stderr


def _ids_in_report(fmt: str, text: str) -> set[str]:
    """The rule ids a report in ``fmt`` hands its reader, found as that reader finds them."""
    import re
    import xml.etree.ElementTree as ET

    if fmt == "json":
        return {f["rule"] for f in json.loads(text)["findings"]}
    if fmt == "sarif":
        run = json.loads(text)["runs"][0]
        return {r["ruleId"] for r in run["results"]} | {d["id"] for d in run["tool"]["driver"]["rules"]}
    if fmt == "gitlab":
        return {issue["check_name"] for issue in json.loads(text)}
    if fmt == "junit":
        return {e.get("type") for e in ET.fromstring(text).iter() if e.tag in ("failure", "error")}
    if fmt == "github":
        return set(re.findall(r"title=([^:,]+)::", text))
    return set(re.findall(r";code=([^;\]]+);", text))  # azure


def test_every_id_a_report_can_carry_is_explained(tmp_path):
    """`copylint explain copylint.unreadable`, an id the GitLab report gives a file it
    could not check, said "unknown rule"; so did copylint.input (JUnit) and copylint
    (GitHub, Azure). Every id that any report carries on input that raises every notice
    and problem, and every rule's id, is now explained."""
    from click.testing import CliRunner

    from copylint import tool_notices
    from copylint.cli import main

    _project(tmp_path, {
        "bytes.txt": "Council votes on budget\n\nThe caf\xe9 opened.\n".encode("latin-1"),
        "deep.md": "# Deep\n\n" + "> " * 210 + "text\n",
        "page.html": "<html><body><h1>Plan</h1><p>A <![foo[ b.</p></body></html>\n",
        "front.md": "---\ntitle: [unclosed\n---\n# Plan\n\nBody text.\n",
        "notes.md": "# Plan\n\n<!-- copylint: disable typo.speling -->\nText.\n\n"
                    "<!-- copylint: ignore structure.duplicate-paragraph -->\nMore text.\n",
        "story.txt": STORY,
        "image.txt": b"\x00\x01\x02binary\x00" * 20,
    }, config=None)
    emitted: set[str] = set()
    for fmt in ("json", "sarif", "gitlab", "junit", "github", "azure"):
        proc = run_cli("check", "--no-cache", "--format", fmt, ".", "missing.md", cwd=tmp_path,
                       env={"TF_BUILD": "", "GITHUB_ACTIONS": ""})
        assert proc.returncode == 2, proc.stderr  # the missing path
        emitted |= _ids_in_report(fmt, proc.stdout)
    # the walk reached every notice and every id a report gives a path it could not check
    assert set(tool_notices.DESCRIPTIONS) | set(tool_notices.PROBLEMS) <= emitted
    rules = run_cli("rules").stdout.splitlines()
    cli = CliRunner()
    for rule_id in sorted(emitted | {line.split()[0] for line in rules}):
        result = cli.invoke(main, ["explain", rule_id])
        assert result.exit_code == 0, (rule_id, result.output)
        assert result.output.startswith(f"{rule_id}: "), rule_id


def _on_a_terminal(root, env_no_color):
    """The text report as a terminal gets it, with NO_COLOR unset (None) or set to a value."""
    import pty

    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["PYTHONPATH"] = str(REPO / "src")
    if env_no_color is not None:
        env["NO_COLOR"] = env_no_color
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "copylint", "check", "-q", "story.txt"], cwd=root, env=env,
                            stdout=slave, stderr=subprocess.DEVNULL)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the terminal closed (Linux says EIO)
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    assert proc.wait(timeout=300) == 1
    return out.decode("utf-8")


def test_no_color_counts_only_when_it_is_not_empty(tmp_path):
    """no-color.org: NO_COLOR "present and not an empty string" turns colour off; an empty
    NO_COLOR (a CI template's blank default) took the colour away as well."""
    root = _project(tmp_path, {"story.txt": STORY})
    assert "\x1b[" in _on_a_terminal(root, None)
    assert "\x1b[" not in _on_a_terminal(root, "1")
    assert "\x1b[" in _on_a_terminal(root, "")


def test_every_commands_summary_in_help_reads_whole():
    """click cuts a command's summary at its docstring's first full stop: `people --help`
    showed "import  Convert a CSV or JSON export (e.g." and nothing more."""
    from click.testing import CliRunner

    from copylint.cli import main

    groups = [[], ["people"], ["cache"], ["languagetool"], ["vocab"]]
    seen = 0
    for group in groups:
        out = CliRunner().invoke(main, [*group, "--help"]).output
        commands = out.split("Commands:\n", 1)[1].splitlines()
        for line in commands:
            name, summary = line.split(None, 1)
            seen += 1
            assert summary.count("(") == summary.count(")") or summary.endswith("..."), (group, name, summary)
    assert seen >= 15


def test_python_dash_m_and_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("copylint, version ")


def test_a_reader_that_goes_away_stops_the_output_quietly():
    """`copylint check examples | head`: the pipe closes before copylint writes; it stops
    with 141 (128 + SIGPIPE), with no "internal error" line and no complaint from Python
    (with or without buffered output)."""
    for unbuffered in ("1", ""):
        env = dict(os.environ, PYTHONUNBUFFERED=unbuffered)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), env.get("PYTHONPATH", "")) if p)
        proc = subprocess.Popen([sys.executable, "-m", "copylint", "check", "--no-languagetool", "examples"],
                                cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        proc.stdout.close()  # before the first finding is written
        err = proc.stderr.read().decode("utf-8", "replace")
        assert proc.wait(timeout=300) == 141
        assert "internal error" not in err and "Broken pipe" not in err and "Traceback" not in err


def test_a_misspelt_languagetool_mode_in_the_environment_is_an_error(tmp_path):
    """COPYLINT_LANGUAGETOOL=requre was read as "auto": a CI job meant to fail without
    LanguageTool passed without it."""
    (tmp_path / "story.txt").write_text(STORY)
    proc = run_cli("check", "story.txt", cwd=tmp_path, env={"COPYLINT_LANGUAGETOOL": "requre"})
    assert proc.returncode == 2
    assert proc.stderr == "copylint: error: COPYLINT_LANGUAGETOOL='requre': use off, auto or require\n"
