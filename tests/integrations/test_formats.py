"""The CI formats on real stories: SARIF checked against the official 2.1.0 schema,
GitHub workflow commands parsed back the way the Actions runner reads them, JUnit XML
read by xml.etree and by junitparser, GitLab Code Quality issues and their fingerprints,
``auto`` switching on GITHUB_ACTIONS, and the HTML report's marks read back against the
findings."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import jsonschema

from copylint.formats import available
from copylint.formats._common import VISIBLE
from copylint.formats.github import command, escape_data, escape_property
from copylint.model import Edit, Finding, Fix, Severity
from integration_support import REPO, SARIF_SCHEMA, run_cli

# --------------------------------------------------------------------------- helpers


def json_findings(*paths: str, cwd: Path) -> list[dict]:
    proc = run_cli("check", "--format", "json", *paths, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["findings"]


def sarif(*args: str, cwd: Path) -> dict:
    proc = run_cli("check", "--format", "sarif", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def validate_sarif(doc: dict) -> None:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(doc)


def github_unescape(value: str) -> str:
    return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Split a workflow command as the Actions runner does: '::name props::message'."""
    assert line.startswith("::")
    head, message = line[2:].split("::", 1)
    name, _, props = head.partition(" ")
    fields = {}
    for part in props.split(","):
        if part:
            key, value = part.split("=", 1)
            fields[key] = github_unescape(value)
    return name, fields, github_unescape(message)


# --------------------------------------------------------------------------- SARIF


def test_sarif_is_valid_and_carries_rules_regions_and_fixes(stories: Path) -> None:
    doc = sarif("harbour.txt", "clean.txt", cwd=stories)
    validate_sarif(doc)
    assert doc["version"] == "2.1.0"
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == stories.resolve().as_uri() + "/"

    expected = json_findings("harbour.txt", "clean.txt", cwd=stories)
    results = run["results"]
    assert len(results) == len(expected) == 4

    from copylint.config import Settings
    from copylint.engine import load_ruleset

    ruleset = load_ruleset(Settings())
    rules = run["tool"]["driver"]["rules"]
    # one descriptor per rule that produced a finding, no more
    assert sorted(r["id"] for r in rules) == sorted({f["rule"] for f in expected})
    for descriptor in rules:
        rule = ruleset.by_id[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.summary
        assert descriptor["fullDescription"]["text"].split()[:5] == rule.doc.split()[:5]
        level = {"error": "error", "warning": "warning", "info": "note"}[str(rule.severity)]
        assert descriptor["defaultConfiguration"]["level"] == level

    source_lines = (stories / "harbour.txt").read_text(encoding="utf-8").split("\n")
    for res, f in zip(results, expected):
        assert res["ruleId"] == f["rule"]
        assert rules[res["ruleIndex"]]["id"] == f["rule"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "harbour.txt", "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (
            f["line"], f["column"], f["end_line"], f["end_column"])
        # columns are code points: slicing the decoded line gives the matched text
        line = source_lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == f["matched"]
        assert res["partialFingerprints"]["copylint/v2"]

    by_rule = {r["ruleId"]: r for r in results}
    repeated = by_rule["typo.repeated-word"]
    assert repeated["level"] == "error"
    change = repeated["fixes"][0]["artifactChanges"][0]
    assert change["artifactLocation"]["uri"] == "harbour.txt"
    replacement = change["replacements"][0]
    assert replacement["insertedContent"]["text"] == ""
    assert replacement["deletedRegion"]["startColumn"] == repeated["locations"][0]["physicalLocation"]["region"]["startColumn"]
    assert by_rule["typo.double-space"]["level"] == "note"
    assert "fixes" not in by_rule["typo.unbalanced-brackets"]


def test_sarif_fixes_reproduce_the_fixed_file(stories: Path) -> None:
    """Applying the SARIF replacements by hand gives what --fix writes."""
    original = (stories / "harbour.txt").read_text(encoding="utf-8")
    doc = sarif("harbour.txt", cwd=stories)
    lines = original.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    edits = []
    for res in doc["runs"][0]["results"]:
        for fix in res.get("fixes", []):
            for rep in fix["artifactChanges"][0]["replacements"]:
                r = rep["deletedRegion"]
                s = starts[r["startLine"] - 1] + r["startColumn"] - 1
                e = starts[r["endLine"] - 1] + r["endColumn"] - 1
                edits.append((s, e, rep["insertedContent"]["text"]))
    text = original
    for s, e, t in sorted(edits, reverse=True):
        text = text[:s] + t + text[e:]
    proc = run_cli("check", "--fix", "harbour.txt", cwd=stories)
    assert proc.returncode == 1  # the unclosed bracket has no fix
    assert (stories / "harbour.txt").read_text(encoding="utf-8") == text
    assert "after the arm of" in text and "stopped at about" in text and "remaining cranes, a" in text


def test_sarif_columns_count_code_points_not_utf16(tmp_path: Path) -> None:
    # an emoji is one code point but two UTF-16 units: the column after it shows which
    (tmp_path / "emoji.txt").write_text("Fans cheer\n\nFans 🎉 cheered the the winners.\n", encoding="utf-8")
    doc = sarif("emoji.txt", cwd=tmp_path)
    validate_sarif(doc)
    region = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    line = "Fans 🎉 cheered the the winners."
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == " the"
    assert region["startColumn"] == 19


def test_sarif_numbers_a_slip_repeated_with_the_same_words_around_it(tmp_path: Path) -> None:
    """A user's story wrote "went to Kiev on Monday" twice: both results had one
    fingerprint, and code scanning merges results that share one."""
    (tmp_path / "a.txt").write_text("Big headline today\n\nHe went to Kiev on Monday.\n\n"
                                    "Later, he went to Kiev on Monday.\n", encoding="utf-8")
    doc = sarif("--select", "house.kyiv", "a.txt", cwd=tmp_path)
    validate_sarif(doc)
    prints = [r["partialFingerprints"]["copylint/v2"] for r in doc["runs"][0]["results"]]
    assert len(prints) == 2 and prints[1] == prints[0] + ":2"


def test_sarif_related_locations_and_uri_encoding(tmp_path: Path) -> None:
    """Two stories under one headline point at each other; a space in a name is encoded."""
    head = "Council approves new cycle lanes for the city centre"
    (tmp_path / "first story.txt").write_text(f"{head}\n\nThe vote was close.\n", encoding="utf-8")
    (tmp_path / "second.txt").write_text(f"{head}\n\nWork starts in May.\n", encoding="utf-8")
    doc = sarif(".", cwd=tmp_path)
    validate_sarif(doc)
    results = doc["runs"][0]["results"]
    dup = [r for r in results if r["ruleId"] == "structure.duplicate-headline"]
    assert len(dup) == 2
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in dup}
    assert uris == {"first%20story.txt", "second.txt"}
    for r in dup:
        mine = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        related = r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert related != mine and related in uris
        assert r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1


def test_sarif_reports_unreadable_paths_as_notifications(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine headline here\n\nA fine story.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "sarif", "ok.txt", "missing.txt", cwd=tmp_path)
    assert proc.returncode == 2
    doc = json.loads(proc.stdout)
    validate_sarif(doc)
    invocation = doc["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    note = invocation["toolExecutionNotifications"][0]
    assert note["level"] == "error"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "missing.txt"


def test_sarif_describes_each_of_copylints_own_notices(tmp_path: Path) -> None:
    """The notices copylint makes about its input (broken bytes, front matter or markup it
    could not read, Markdown nested past the parser's limit, a suppression naming no rule)
    have no Rule to describe them: a code-scanning view still shows what each means."""
    from copylint.formats._common import TOOL_NOTICES

    (tmp_path / "bytes.txt").write_bytes("Council votes on budget\n\nThe caf\xe9 opened.\n".encode("latin-1"))
    (tmp_path / "deep.md").write_text(
        "---\ntitle: [unclosed\n---\n# Council votes on budget\n\n"
        "<!-- copylint: ignore typo.no-such-rule -->\nThe vote was close.\n\n"
        + "> " * 210 + "The goverment met.\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><body><h1>Council votes on budget</h1><![foo[ broken ]]><p>The vote was close.</p></body></html>\n",
        encoding="utf-8")
    doc = sarif("--no-languagetool", "--no-cache", "bytes.txt", "deep.md", "page.html", cwd=tmp_path)
    validate_sarif(doc)
    described = {d["id"]: d["shortDescription"]["text"] for d in doc["runs"][0]["tool"]["driver"]["rules"]
                 if d["id"].startswith("copylint.")}
    assert sorted(described) == ["copylint.encoding", "copylint.front-matter", "copylint.html",
                                 "copylint.markdown", "copylint.unknown-suppression"]
    for rule_id, text in described.items():
        assert text == TOOL_NOTICES[rule_id] and text != rule_id


def test_sarif_describes_a_broken_utf16_file_as_such(tmp_path: Path) -> None:
    """A UTF-16 file (byte-order mark first, as Windows saves "Unicode text") with a lone
    surrogate gets the encoding notice too: the description code scanning shows beside
    it must not say the file is not valid UTF-8."""
    text = "Council votes on budget\n\nThe vote was close.\n".encode("utf-16-le")
    (tmp_path / "wide.txt").write_bytes(b"\xff\xfe" + text[:40] + b"\x00\xd8" + text[40:])
    doc = sarif("--no-languagetool", "--no-cache", "wide.txt", cwd=tmp_path)
    validate_sarif(doc)
    run = doc["runs"][0]
    [result] = [r for r in run["results"] if r["ruleId"] == "copylint.encoding"]
    assert result["message"]["text"].startswith("invalid UTF-16 here")
    [described] = [d["shortDescription"]["text"] for d in run["tool"]["driver"]["rules"]
                   if d["id"] == "copylint.encoding"]
    assert "UTF-16" in described and "not valid UTF-8" not in described


# ids spelled "copylint.<name>" in the source that are not finding ids: a config file's
# name, the entry-point group of rule plugins, the language server's command, and the
# type GitLab and JUnit reports give a file that could not be checked (no finding, so
# no rule descriptor; tool_notices.PROBLEMS describes them for explain)
NOT_NOTICE_IDS = {"copylint.yaml", "copylint.rules", "copylint.accept", "copylint.unreadable", "copylint.input"}


def test_every_notice_id_in_the_source_is_described() -> None:
    """Every copylint.* finding id written in the source has a description for SARIF's
    rule descriptors, and is written only in copylint/tool_notices.py: an emitter that
    spelled out a new id of its own would send it out undescribed."""
    import ast
    import re

    from copylint.formats._common import TOOL_NOTICES

    src = REPO / "src" / "copylint"
    where: dict[str, list[str]] = {}
    for path in sorted(src.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    re.fullmatch(r"copylint\.[\w-]+", node.value) and node.value not in NOT_NOTICE_IDS:
                where.setdefault(node.value, []).append(path.relative_to(src).as_posix())
    assert {"copylint.encoding", "copylint.markdown", "copylint.html", "copylint.front-matter",
            "copylint.unknown-suppression"} <= set(where)  # the scan sees the emitters' ids
    assert sorted(set(where) - set(TOOL_NOTICES)) == []
    assert {rule_id: files for rule_id, files in where.items() if set(files) != {"tool_notices.py"}} == {}


def test_sarif_on_reuters_articles_validates(tmp_path: Path) -> None:
    """Real wire copy (Reuters-21578): whatever the rules find, the report is valid."""
    from integration_support import reuters_articles

    for a in reuters_articles(25):
        (tmp_path / f"{a['id']}.txt").write_text(f"{a['headline']}\n\n{a['body']}\n", encoding="utf-8")
    proc = run_cli("check", "--format", "sarif", "-o", "report.sarif", ".", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    doc = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    validate_sarif(doc)
    results = doc["runs"][0]["results"]
    assert results, "25 wire stories should produce some findings"
    ids = {d["id"] for d in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} == ids


# --------------------------------------------------------------------------- GitHub


def test_github_annotations_for_a_story(stories: Path) -> None:
    proc = run_cli("check", "--format", "github", "harbour.txt", cwd=stories)
    assert proc.returncode == 1
    lines = proc.stdout.strip().split("\n")
    expected = json_findings("harbour.txt", cwd=stories)
    assert len(lines) == len(expected)
    kinds = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(lines, expected):
        name, props, message = parse_command(line)
        assert name == kinds[f["severity"]]
        assert props == {"file": "harbour.txt", "line": str(f["line"]), "col": str(f["column"]),
                         "endLine": str(f["end_line"]), "endColumn": str(f["end_column"]), "title": f["rule"]}
        assert message.startswith(f["message"])


def test_ci_reports_give_repository_paths_from_a_subfolder_and_no_dot_dot(tmp_path: Path) -> None:
    """From a user audit: a job that runs from a subfolder ("cd content && copylint check
    .") gave annotations a path GitHub could not place, and SARIF put a file outside the
    working folder at "../b/..." under %SRCROOT%. In a GitHub or GitLab job the checkout
    is the root; a file outside the root gets an absolute file:// URI."""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.txt").write_text("Storm hits\n\nThe the storm.\n")
    env = {"GITHUB_WORKSPACE": str(tmp_path)}
    proc = run_cli("check", "--format", "github", "--select", "typo", ".", cwd=tmp_path / "content", env=env)
    assert proc.stdout.startswith("::error file=content/a.txt,line=3,")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "c.txt").write_text("Storm hits\n\nThe the storm.\n")
    doc = sarif("--select", "typo", "../b", cwd=tmp_path / "content")
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": (tmp_path / "b" / "c.txt").as_uri()}


def test_github_escaping_round_trips() -> None:
    tricky = "50% of 'a,b': line one\r\nline two"
    assert escape_data(tricky) == "50%25 of 'a,b': line one%0D%0Aline two"
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    line = command("warning", tricky, file="desk/a,b: c.md", line=3, title="house.kyiv")
    assert "\n" not in line and "\r" not in line
    name, props, message = parse_command(line)
    assert (name, props["file"], props["line"], props["title"], message) == (
        "warning", "desk/a,b: c.md", "3", "house.kyiv", tricky)


def test_github_escapes_a_real_file_name(tmp_path: Path) -> None:
    (tmp_path / "a,b:c.txt").write_text("Odd name\n\nIt was the the end.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "github", "a,b:c.txt", cwd=tmp_path)
    assert proc.stdout.startswith("::error file=a%2Cb%3Ac.txt,line=3,col=11,endLine=3,endColumn=15,"
                                  "title=typo.repeated-word::")


# --------------------------------------------------------------------------- JUnit


def test_junit_report_parses_and_counts(stories: Path) -> None:
    proc = run_cli("check", "--format", "junit", "-o", "report.xml", "clean.txt", "harbour.txt", cwd=stories)
    assert proc.returncode == 1
    tree = ET.parse(stories / "report.xml")
    root = tree.getroot()
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"clean.txt", "harbour.txt"}
    harbour = suites["harbour.txt"]
    cases = harbour.findall("testcase")
    assert len(cases) == 4 and harbour.get("failures") == "3" and harbour.get("tests") == "4"
    failures = [c.find("failure") for c in cases]
    assert [f.get("type") if f is not None else None for f in failures] == [
        "typo.repeated-word", None, "typo.space-before-punctuation", "typo.unbalanced-brackets"]
    assert "harbour.txt:3:74: error typo.repeated-word" in failures[0].text
    # the double space is info, below the run's fail-on (warning): a passing case whose
    # output says what it is, as the run passes on it (a user saw it fail in JUnit alone)
    assert "info typo.double-space" in cases[1].find("system-out").text
    clean = suites["clean.txt"]
    assert clean.get("failures") == "0" and len(clean.findall("testcase")) == 1
    assert clean.find("testcase").find("failure") is None
    assert root.get("tests") == "5" and root.get("failures") == "3"
    proc = run_cli("check", "--format", "junit", "--fail-on", "info", "harbour.txt", cwd=stories)
    assert ET.fromstring(proc.stdout).get("failures") == "4"


def test_junit_report_read_by_junitparser(stories: Path) -> None:
    import junitparser
    proc = run_cli("check", "--format", "junit", "-o", "report.xml", "clean.txt", "harbour.txt", cwd=stories)
    assert proc.returncode == 1
    xml = junitparser.JUnitXml.fromfile(str(stories / "report.xml"))
    seen = {}
    for suite in xml:
        for case in suite:
            seen.setdefault(suite.name, []).append(
                [type(r).__name__ for r in case.result])
    assert seen["clean.txt"] == [[]]
    assert seen["harbour.txt"] == [["Failure"], [], ["Failure"], ["Failure"]]


def test_junit_marks_a_skipped_binary_file_as_skipped(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "a.txt").write_text("Head line\n\nBody.\n")
    root = ET.fromstring(run_cli("check", "--format", "junit", ".", cwd=tmp_path).stdout)
    photo = [s for s in root.findall("testsuite") if s.get("name") == "photo.txt"][0]
    assert photo.find("testcase").find("skipped").get("message").startswith("binary file")
    assert root.get("skipped") == "1" and root.get("errors") == "0"


def test_junit_handles_control_characters_and_errors(tmp_path: Path) -> None:
    (tmp_path / "ctl.txt").write_text("Bell\n\nA bell \x07 rang rang today.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "junit", "ctl.txt", "gone.txt", cwd=tmp_path)
    assert proc.returncode == 2
    root = ET.fromstring(proc.stdout)
    gone = [s for s in root.findall("testsuite") if s.get("name") == "gone.txt"][0]
    assert gone.find("testcase").find("error") is not None
    ctl = [s for s in root.findall("testsuite") if s.get("name") == "ctl.txt"][0]
    failures = [f for case in ctl.findall("testcase") for f in case.findall("failure")]
    # the bell itself is reported, its line quoted in the XML without it breaking the file
    assert sorted(f.get("type") for f in failures) == ["typo.invisible-character", "typo.repeated-word"]


# --------------------------------------------------------------------------- GitLab

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def gitlab(*args: str, cwd: Path) -> tuple[int, list[dict]]:
    proc = run_cli("check", "--format", "gitlab", *args, cwd=cwd)
    return proc.returncode, json.loads(proc.stdout)


def test_gitlab_code_quality_issues_for_stories(stories: Path) -> None:
    """Every finding becomes one issue with the fields GitLab requires, on the finding's
    lines, and a file that cannot be read is an issue too (never a silent pass)."""
    code, issues = gitlab("clean.txt", "harbour.txt", "gone.txt", cwd=stories)
    assert code == 2
    expected = json_findings("harbour.txt", cwd=stories)
    found, unreadable = issues[:-1], issues[-1]
    assert len(found) == len(expected) == 4
    for issue, f in zip(found, expected):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == f["rule"]
        assert issue["description"].startswith(f["message"])
        assert issue["severity"] == {"error": "major", "warning": "minor", "info": "info"}[f["severity"]]
        assert issue["location"] == {"path": "harbour.txt", "lines": {"begin": f["line"], "end": f["end_line"]}}
    assert found[1]["check_name"] == "typo.double-space" and found[1]["severity"] == "info"
    assert unreadable["check_name"] == "copylint.unreadable" and unreadable["severity"] == "blocker"
    assert unreadable["location"] == {"path": "gone.txt", "lines": {"begin": 1}}
    assert all(i["severity"] in GITLAB_SEVERITIES for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_follow_findings_across_edits(tmp_path: Path) -> None:
    """GitLab keys an issue on its fingerprint alone: a paragraph added above must leave
    the old issues' fingerprints alone, and one slip made twice in the same words must
    still give two issues."""
    story = tmp_path / "desk" / "story.txt"
    story.parent.mkdir()
    slip = "The mayor said the the budget would pass."
    story.write_text(f"Budget vote delayed\n\n{slip}\n\n{slip}\n", encoding="utf-8")
    _, before = gitlab("desk", cwd=tmp_path)
    repeated = [i for i in before if i["check_name"] == "typo.repeated-word"]
    assert len(repeated) == 2 and repeated[0]["fingerprint"] != repeated[1]["fingerprint"]
    assert {i["location"]["path"] for i in before} == {"desk/story.txt"}

    story.write_text(f"Budget vote delayed\n\nCouncillors met on Monday.\n\n{slip}\n\n{slip}\n",
                     encoding="utf-8")
    _, after = gitlab(str(story), cwd=tmp_path)  # an absolute path is still reported relative
    moved = [i for i in after if i["check_name"] == "typo.repeated-word"]
    assert [i["location"]["lines"]["begin"] for i in moved] == [5, 7]
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in repeated]
    assert {i["location"]["path"] for i in after} == {"desk/story.txt"}

    other = tmp_path / "desk" / "other.txt"
    other.write_text(story.read_text(encoding="utf-8").replace("Budget vote delayed", "Schools wait for funds"),
                     encoding="utf-8")
    _, both = gitlab("desk", cwd=tmp_path)  # the same words in another file are other issues
    assert sorted(i["check_name"] for i in both) == sorted([i["check_name"] for i in after] * 2)
    assert len({i["fingerprint"] for i in both}) == len(both)


def test_gitlab_fingerprint_survives_a_sentence_added_next_to_the_finding(tmp_path: Path) -> None:
    """Its words of context ran on into the next sentence: appending "The mayor
    disagreed." after "...official in Kiev." made the Kiev issue "new" and "fixed"."""
    story = tmp_path / "s.txt"
    story.write_text("Talks resume\n\nThe envoy met the official in Kiev.\n", encoding="utf-8")
    _, before = gitlab("--no-languagetool", "s.txt", cwd=tmp_path)
    story.write_text("Talks resume\n\nThe envoy met the official in Kiev. The mayor disagreed.\n", encoding="utf-8")
    _, after = gitlab("--no-languagetool", "s.txt", cwd=tmp_path)
    assert [i["check_name"] for i in before] == ["house.kyiv"]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


# --------------------------------------------------------------------------- Azure


def azure_unescape(value: str) -> str:
    return (value.replace("%0D", "\r").replace("%0A", "\n").replace("%5D", "]").replace("%3B", ";")
            .replace("%AZP25", "%"))


def parse_logissue(line: str) -> tuple[dict[str, str], str]:
    """Split a logging command as the Azure agent does: '##vso[task.logissue k=v;...]message'."""
    assert line.startswith("##vso[task.logissue ")
    head, message = line[len("##vso[task.logissue "):].split("]", 1)
    props = dict(part.split("=", 1) for part in head.split(";") if part)
    return {k: azure_unescape(v) for k, v in props.items()}, azure_unescape(message)


def test_azure_issues_for_a_story(stories: Path) -> None:
    proc = run_cli("check", "--format", "azure", "harbour.txt", "gone.txt", cwd=stories)
    assert proc.returncode == 2
    lines = proc.stdout.strip().split("\n")
    expected = json_findings("harbour.txt", cwd=stories)
    assert len(lines) == len(expected) + 1
    for line, f in zip(lines, expected):
        if f["severity"] == "info":  # no issue type for it: a plain log line
            assert line.startswith(f"harbour.txt:{f['line']}:{f['column']}: info {f['rule']} {f['message']}")
            continue
        props, message = parse_logissue(line)
        assert props == {"type": f["severity"], "sourcepath": str(stories / "harbour.txt"),
                         "linenumber": str(f["line"]), "columnnumber": str(f["column"]), "code": f["rule"]}
        assert message.startswith(f["message"])
    props, message = parse_logissue(lines[-1])
    assert (props["type"], props["sourcepath"], message) == ("error", str(stories / "gone.txt"),
                                                             "no such file or directory")


def test_azure_escaping_round_trips() -> None:
    from copylint.formats.azure import log_issue

    tricky = "100% sure; [a] and ]b\r\nnext line"
    line = log_issue("warning", tricky, sourcepath="/desk/a;b].md", linenumber=3, code="house.kyiv")
    assert "\n" not in line and "\r" not in line
    props, message = parse_logissue(line)
    assert (props["sourcepath"], props["linenumber"], message) == ("/desk/a;b].md", "3", tricky)


# --------------------------------------------------------------------------- text


def test_text_caret_line_tells_an_unsafe_deletion_from_a_safe_one(tmp_path: Path) -> None:
    """--fix deletes a repeated word but leaves a breadcrumb before the headline to
    --unsafe-fixes (it could be the headline's own first words): the caret line says so."""
    (tmp_path / "story.txt").write_text(
        "Home News Council approves new budget for city schools\n\n"
        "The council met on the the Monday to approve it.\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--no-cache",
                   "--select", "structure.headline-navigation,typo.repeated-word", "story.txt", cwd=tmp_path)
    lines = proc.stdout.split("\n")
    crumb = lines.index("story.txt:1:1: warning structure.headline-navigation "
                        "site navigation ('Home News') is glued to the front of the headline")
    assert lines[crumb + 2] == "    ^^^^^^^^^^ unsafe fix: delete"
    repeated = next(i for i, line in enumerate(lines) if line.startswith("story.txt:3:") and "repeated-word" in line)
    assert lines[repeated + 2] == "    " + " " * len("The council met on the") + "^^^^ fix: delete"  # " the"

    # and --fix indeed takes only the safe one
    run_cli("check", "--no-languagetool", "--no-cache", "--fix",
            "--select", "structure.headline-navigation,typo.repeated-word", "story.txt", cwd=tmp_path)
    assert (tmp_path / "story.txt").read_text(encoding="utf-8").split("\n")[::2] == [
        "Home News Council approves new budget for city schools", "The council met on the Monday to approve it."]


def test_text_caret_line_names_a_replacement_fix_safe_or_unsafe_and_else_suggestions(tmp_path: Path) -> None:
    """Under the caret: 'fix:' what --fix makes (with the other suggestions after it),
    'unsafe fix:' what only --unsafe-fixes makes, 'suggestion:' where there is no fix."""
    story = ("Council approves budget\n\n"
             "The council met on Thursday, March 8, 2019.\n\n"
             "Schools will recieve more.\n\n"
             "Prime Minister Volodymyr Zelenskyy spoke.\n")
    (tmp_path / "story.txt").write_text(story, encoding="utf-8")
    select = "facts.weekday-date,typo.spelling,facts.title-never-held"
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--select", select, "story.txt", cwd=tmp_path)
    lines = proc.stdout.split("\n")
    carets = {line.split(": ")[0].split(":")[1]: lines[i + 2].strip() for i, line in enumerate(lines)
              if line.startswith("story.txt:")}
    assert carets == {
        "3": "^" * len("Thursday, March 8, 2019") + " unsafe fix: 'Friday, March 8, 2019'",
        "5": "^^^^^^^ fix: 'receive' (or 'relieve')",
        "7": "^" * len("Prime Minister Volodymyr Zelenskyy") + " suggestion: 'Ukrainian President'",
    }

    # and --fix indeed makes the safe fix alone
    run_cli("check", "--no-languagetool", "--no-cache", "--fix", "--select", select, "story.txt", cwd=tmp_path)
    assert (tmp_path / "story.txt").read_text(encoding="utf-8") == story.replace("recieve", "receive")


def test_ci_formats_tell_a_safe_fix_an_unsafe_fix_and_a_suggestion_apart(tmp_path: Path) -> None:
    """GitHub, GitLab, Azure and SARIF put after the message, in brackets, what the text
    report puts under the caret, and JUnit puts it on a line of its own: 'fix:' for what
    --fix makes, 'unsafe fix:' for what only --unsafe-fixes makes, 'suggestion:' where
    there is no fix (each said "suggestion:" whatever the fix, and nothing for a
    deletion). Each report still reads back
    as its consumer reads it (GitHub's and Azure's escaping, JSON, SARIF's schema, XML)."""
    (tmp_path / "story.txt").write_text(
        "Council approves budget\n\n"
        "The council met on Thursday, March 8, 2019.\n\n"
        "Schools will recieve more.\n\n"
        "Prime Minister Volodymyr Zelenskyy spoke.\n\n"
        "It was the the end.  Really.\n", encoding="utf-8")
    args = ("--no-languagetool", "--no-cache", "--select",
            "facts.weekday-date,typo.spelling,facts.title-never-held,typo.repeated-word,typo.double-space", "story.txt")
    notes = [" (unsafe fix: 'Friday, March 8, 2019')", " (fix: 'receive' (or 'relieve'))",
             " (suggestion: 'Ukrainian President')", " (fix: delete)", " (fix: ' ')"]
    expected = json_findings(*args, cwd=tmp_path)
    assert [(f["line"], f["column"], f["severity"]) for f in expected] == [
        (3, 20, "error"), (5, 14, "error"), (7, 1, "error"), (9, 11, "error"), (9, 20, "info")]
    wanted = [f["message"] + note for f, note in zip(expected, notes)]

    proc = run_cli("check", "--format", "github", *args, cwd=tmp_path)
    assert [parse_command(line)[2] for line in proc.stdout.splitlines()] == wanted

    _, issues = gitlab(*args, cwd=tmp_path)
    assert [i["description"] for i in issues] == wanted

    proc = run_cli("check", "--format", "azure", *args, cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert [parse_logissue(line)[1] for line in lines[:4]] == wanted[:4]
    assert lines[4] == f"story.txt:9:20: info typo.double-space {wanted[4]}"  # info: a plain log line

    doc = sarif(*args, cwd=tmp_path)
    validate_sarif(doc)
    assert [r["message"]["text"] for r in doc["runs"][0]["results"]] == wanted

    run_cli("check", "--format", "junit", "--fail-on", "info", "-o", "report.xml", *args, cwd=tmp_path)
    bodies = [f.text for f in ET.parse(tmp_path / "report.xml").iter("failure")]
    assert [b.splitlines()[-1] for b in bodies] == [note[2:-1] for note in notes]


# --------------------------------------------------------------------------- auto


def test_auto_is_github_inside_actions_azure_in_pipelines_and_text_elsewhere(stories: Path) -> None:
    inside = run_cli("check", "--format", "auto", "harbour.txt", cwd=stories, env={"GITHUB_ACTIONS": "true"})
    azure = run_cli("check", "--format", "auto", "harbour.txt", cwd=stories,
                    env={"GITHUB_ACTIONS": "", "TF_BUILD": "True"})
    outside = run_cli("check", "--format", "auto", "harbour.txt", cwd=stories,
                      env={"GITHUB_ACTIONS": "", "TF_BUILD": ""})
    assert inside.stdout.startswith("::error file=harbour.txt,line=3,col=74")
    assert azure.stdout.startswith("##vso[task.logissue type=error;sourcepath=")
    assert outside.stdout.startswith("harbour.txt:3:74: error typo.repeated-word")


def test_every_format_accepts_the_same_findings() -> None:
    """Each registered formatter renders findings with fixes, related locations and
    suggestions without needing the Document."""
    from copylint.model import Location
    from copylint.runner import RunResult

    f = Finding(path="desk/a.md", rule="typo.repeated-word", severity=Severity.ERROR, message="twice",
                line=2, column=5, end_line=2, end_column=9, suggestions=("x",),
                fix=Fix((Edit(10, 14, "", 2, 5, 2, 9),)), matched=" the", line_text="Saw the the cat",
                related=(Location("desk/b.md", 1, 1, 1, 4, "there"),))
    result = RunResult(findings=[f], files_checked=1)
    result.files = ["desk/a.md"]
    for name, cls in available().items():
        out = io.StringIO()
        fmt = cls(out, options={})
        fmt.start()
        fmt.file("desk/a.md", [f])
        fmt.finish(result)
        assert "desk/a.md" in out.getvalue() or "desk%2Fa.md" in out.getvalue(), name


# --------------------------------------------------------------------------- HTML


class _Marks(HTMLParser):
    """The <mark> pieces of an HTML report (text and title) and its finding list items."""

    def __init__(self) -> None:
        super().__init__()
        self.marks: list[tuple[str, str]] = []
        self.items = 0
        self.open: list[str] = []
        self._mark: list | None = None

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "meta"):
            self.open.append(tag)
        if tag == "mark":
            self._mark = [dict(attrs).get("title", ""), ""]
        if tag == "li":
            self.items += 1

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()
        if tag == "mark":
            self.marks.append((self._mark[0], self._mark[1]))
            self._mark = None

    def handle_data(self, data):
        if self._mark is not None:
            self._mark[1] += data


def test_html_marks_every_finding_on_the_story_as_written(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "examples"
    shutil.copytree(REPO / "examples", folder, ignore=shutil.ignore_patterns("ci"))
    before = {p: p.read_bytes() for p in folder.iterdir()}
    findings = json_findings("--no-languagetool", ".", cwd=folder)
    proc = run_cli("check", "--no-languagetool", "--format", "html", ".", cwd=folder)
    assert proc.returncode == 1, proc.stderr
    assert {p: p.read_bytes() for p in folder.iterdir()} == before  # read back, never written
    page = _Marks()
    page.feed(proc.stdout)
    page.close()
    assert page.open == []  # every tag closed, in order
    assert page.items == len(findings) and len(findings) > 10
    # findings are numbered in the order of the list (by path, then position); the pieces
    # of the story marked with a finding's number are exactly the text it names
    ordered = sorted(findings, key=lambda f: (f["path"], f["line"], f["column"], f["end_line"],
                                               f["end_column"], f["rule"], f["message"]))
    for n, f in enumerate(ordered, 1):
        pieces = [text for title, text in page.marks
                  if any(line.startswith(f"{n}. {f['rule']}: ") for line in title.split("\n"))]
        # (an invisible character is shown as the visible mark that stands for it; an HTML
        # page is shown as its readers see it, white space collapsed as a browser does)
        expected = f["matched"].replace("\n", "").translate(VISIBLE)
        if f["path"].endswith(".html"):
            expected = " ".join(f["matched"].split())
        assert "".join(pieces) == expected, (n, f)
    assert any("\n" in f["matched"] for f in findings)  # a finding over two lines is among them
    # the zero-width space in an example is marked as a character one can see
    assert any(f["rule"] == "typo.invisible-character" for f in findings)
    assert "\u200b" not in proc.stdout and "\u00a4" in "".join(text for _, text in page.marks)


def test_html_shows_a_story_from_standard_input_from_the_bytes_read(tmp_path: Path) -> None:
    # a file of the reported name with other words must not be shown in its place
    (tmp_path / "story.txt").write_text("Nothing here\n\nAll clear.\n", encoding="utf-8")
    story = "Storm hits coast\n\nThe storm damaged the harbour wall, and boats will recieve repairs.\n"
    proc = run_cli("check", "--no-languagetool", "--format", "html", "--stdin-filename", "story.txt", "-",
                   cwd=tmp_path, input=story.encode())
    assert proc.returncode == 1, proc.stderr
    page = _Marks()
    page.feed(proc.stdout)
    assert [text for _, text in page.marks] == ["recieve"]
    assert "harbour wall" in proc.stdout and "All clear" not in proc.stdout


def test_html_tells_an_unsafe_fix_from_a_safe_one(tmp_path: Path) -> None:
    """--fix makes the safe fixes only; the report says which fixes wait for
    --unsafe-fixes (a breadcrumb that may be the headline's own words, a weekday that
    may be right where the date is the slip), for deletions and replacements alike."""
    import re
    from html import unescape

    (tmp_path / "story.txt").write_text(
        "Home News Council approves new budget for city schools\n\n"
        "The council met on Thursday, March 8, 2019, to approve the the budget, and schools will "
        "recieve more.\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--format", "html", "story.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    listed = {m["rule"]: (m["cls"], unescape(m["fix"])) for m in re.finditer(
        r'<span class="rule">(?P<rule>[^<]+)</span>[^<]*<span class="(?P<cls>fix[^"]*)">(?P<fix>[^<]*)</span>',
        proc.stdout)}
    assert listed == {
        "structure.headline-navigation": ("fix unsafe", "unsafe fix: delete"),
        "facts.weekday-date": ("fix unsafe", "unsafe fix: 'Friday, March 8, 2019'"),
        "typo.repeated-word": ("fix", "fix: delete"),
        "typo.spelling": ("fix", "fix: 'receive' (or 'relieve')"),  # the other suggestion after the fix
    }
    # the hover over the marked words says the same
    page = _Marks()
    page.feed(proc.stdout)
    titles = dict((text, title) for title, text in page.marks)
    assert titles["Home News "].endswith("(unsafe fix: delete)")
    assert titles["Thursday, March 8, 2019"].endswith("(unsafe fix: 'Friday, March 8, 2019')")
    assert titles[" the"].endswith("(fix: delete)")


def test_html_shows_an_html_page_as_its_readable_text_with_findings_in_place(tmp_path: Path) -> None:
    """A CMS export was shown as its markup: the copy editor had to find the story among
    meta tags, a script and JSON-LD. It is shown as the text readers see, each finding
    marked on its words (through an entity and a tag inside the word), the gutter giving
    the file's line of each line of text."""
    page = ("<html><head><title>Port reopens</title>\n"
            "<script>var teh = 1;</script>\n<meta name=\"description\" content=\"x\">\n</head>\n"
            "<body><article><h1>Port reopens</h1>\n"
            "<p>The port&rsquo;s  owners said ships would <em>rec</em>ieve fuel.</p>\n"
            "</article></body></html>\n")
    (tmp_path / "port.html").write_text(page, encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--format", "html", "port.html", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    story = re.search(r'<pre class="story">(.*?)</pre>', proc.stdout, re.S).group(1)
    assert "&lt;" not in story and "teh" not in story  # no tags, no script
    marks = _Marks()
    marks.feed(proc.stdout)
    assert sorted(text for _, text in marks.marks) == ["  ", "recieve"]  # (a typed double space is kept)
    assert "The port’s" in story
    lines = re.findall(r'<span class="ln">(\d*)</span>(.*)', story)
    assert [(n, text) for n, text in lines if text][-1][0] == "6"  # the paragraph's line in the file


def test_html_marks_a_finding_in_a_file_whose_lines_end_with_a_lone_cr(tmp_path: Path) -> None:
    """Findings count a lone CR as a line end (as editors do); the page split the story at
    LF only, showed it as one line, and marked nothing: the list's link led nowhere."""
    (tmp_path / "cr.txt").write_bytes(b"Storm hits coast\r\rThe storm damaged the wall.\rBoats will recieve repairs.\r")
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--format", "html", "cr.txt", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    marks = _Marks()
    marks.feed(proc.stdout)
    assert [text for _, text in marks.marks] == ["recieve"]
    assert '<span class="ln">4</span>Boats will <mark' in proc.stdout


def test_a_file_name_that_is_not_utf8_is_reported_in_every_format(tmp_path):
    """An old CMS export named café.md in Latin-1: the text report printed it, but every
    report written with -o, the GitLab report and the baseline stopped with "internal
    error: UnicodeEncodeError". The name's bytes are written back as they are on disk."""
    import os

    folder = tmp_path / "desk"
    folder.mkdir()
    name = b"caf\xe9.md"
    try:
        with open(os.path.join(os.fsencode(folder), name), "wb") as fh:
            fh.write(b"Council meets today\n\nThe goverment said.\n")
    except OSError:
        import pytest
        pytest.skip("this file system takes only UTF-8 names")
    for fmt in sorted(available()):
        if fmt == "auto":
            continue
        out = tmp_path / f"report.{fmt}"
        proc = run_cli("check", "--no-languagetool", "--format", fmt, "-o", str(out), "desk", cwd=tmp_path)
        assert proc.returncode == 1, (fmt, proc.stderr)
        if fmt == "junit":  # XML cannot hold the byte: the name loses it, the report still parses
            suites = ET.fromstring(out.read_bytes()).findall("testsuite")
            assert [s.get("name") for s in suites] == [os.path.join("desk", "caf.md")]
        elif fmt == "sarif":  # a URI: the byte percent-encoded
            assert b"caf%E9.md" in out.read_bytes()
        else:
            assert b"caf\xe9.md" in out.read_bytes(), fmt
    report = json.loads((tmp_path / "report.json").read_bytes().decode("utf-8", "surrogateescape"))
    assert [(f["path"], f["rule"]) for f in report["findings"]] == [(os.path.join("desk", "caf\udce9.md"), "typo.spelling")]
    # a baseline records the file and suppresses its finding
    proc = run_cli("baseline", "--no-languagetool", "-o", "b.json", "desk", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("check", "--no-languagetool", "--baseline", "b.json", "desk", cwd=tmp_path)
    assert proc.returncode == 0 and "1 finding(s) in the baseline not shown" in proc.stderr


def test_the_text_reports_caret_counts_wide_characters_as_two_columns(tmp_path):
    """The underline was placed by characters: after Chinese names or an emoji in a
    quoted post, which a terminal shows two columns wide, it stood left of the slip."""
    (tmp_path / "story.txt").write_text("Talks resume today\n\n中文 said the the end. 😀 and the the end.\n"
                                        "Cafe\u0301 owner said the the plan.\n", encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--select", "typo.repeated-word", "story.txt", cwd=tmp_path)
    lines = proc.stdout.splitlines()
    assert lines[0].startswith("story.txt:3:12: ")
    # "中文 said the" is 13 columns (two wide characters), then " the" underlined
    assert lines[2] == "    " + " " * 13 + "^^^^ fix: delete"
    assert lines[3].startswith("story.txt:3:31: ")
    # "中文 said the the end. 😀 and the": 30 characters, 33 columns
    assert lines[5] == "    " + " " * 33 + "^^^^ fix: delete"
    assert lines[6].startswith("story.txt:4:21: ")
    # a combining accent takes no column: "Café owner said the" is 19 columns over 20 characters
    assert lines[8] == "    " + " " * 19 + "^^^^ fix: delete"
