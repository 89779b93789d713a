"""`copylint lsp` driven as an editor drives it: a real server process, real stories, the
protocol spoken by tests/lsp_client.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers import run_cli
from lsp_client import Editor, apply_edits, range_of as _range_of

STORY = """---
title: Talks resume in Kiev
date: 2024-03-05
---

Ukraine's flag 🇺🇦 flew as envoys from Isreal arrived on Tuesday for talks.

The goverment said the talks in Kiev would go on until Friday.
"""

OFF = {"COPYLINT_LANGUAGETOOL": "off"}


def _by_code(diagnostics: list[dict], code: str) -> list[dict]:
    return [d for d in diagnostics if d["code"] == code]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    root = tmp_path / "desk"
    root.mkdir()
    (root / "story.md").write_text(STORY, encoding="utf-8")
    return root


@pytest.fixture
def editor(workspace: Path):
    with Editor(workspace, env=OFF) as ed:
        yield ed


def test_diagnostics_are_the_check_findings_at_utf16_positions(workspace, editor):
    uri = editor.open(workspace / "story.md", STORY)
    diagnostics = editor.diagnostics(uri)

    (isreal,) = _by_code(diagnostics, "typo.spelling")[:1]
    # the flag before it is two characters outside the BMP: four UTF-16 units
    assert isreal["range"] == _range_of(STORY, "Isreal")
    assert isreal["range"]["start"]["character"] == STORY.splitlines()[5].index("Isreal") + 2
    assert isreal["severity"] == 1 and isreal["source"] == "copylint"
    kiev = _by_code(diagnostics, "house.kyiv")
    assert [d["range"] for d in kiev] == [_range_of(STORY, "Kiev"), _range_of(STORY, "Kiev", 1)]
    assert kiev[0]["codeDescription"]["href"].startswith("http")

    # the same findings as `copylint check` on the saved file, line by line
    proc = run_cli("check", "--format", "json", "story.md", cwd=workspace, env=OFF)
    report = json.loads(proc.stdout)
    findings = report["findings"] if isinstance(report, dict) else report
    from_check = sorted((f["rule"], f["line"] - 1) for f in findings)
    from_editor = sorted((d["code"], d["range"]["start"]["line"]) for d in diagnostics)
    assert from_editor == from_check


def test_hover_on_a_finding_gives_its_rule_and_reason(workspace, editor):
    uri = editor.open(workspace / "story.md", STORY)
    diagnostics = editor.diagnostics(uri)
    (kiev,) = _by_code(diagnostics, "house.kyiv")[:1]
    shown = editor.hover(uri, kiev["range"]["start"])
    text = shown["contents"]["value"]
    assert shown["contents"]["kind"] == "markdown"
    assert text.startswith(f"**house.kyiv**: {kiev['message']}")
    assert "*Kyiv, not Kiev*" in text  # the rule's summary, from rules/house.yaml
    assert f"[Style guide]({kiev['codeDescription']['href']})" in text
    (isreal,) = _by_code(diagnostics, "typo.spelling")[:1]
    assert "**typo.spelling**" in editor.hover(uri, isreal["range"]["end"])["contents"]["value"]
    # away from every finding, nothing
    assert editor.hover(uri, {"line": 5, "character": 0}) is None


def test_utf32_positions_when_the_editor_asks_for_them(workspace):
    with Editor(workspace, env=OFF, capabilities={"general": {"positionEncodings": ["utf-32", "utf-16"]}}) as ed:
        assert ed.capabilities["positionEncoding"] == "utf-32"
        uri = ed.open(workspace / "story.md", STORY)
        isreal = _by_code(ed.diagnostics(uri), "typo.spelling")[0]
        line = STORY.splitlines()[5]
        assert isreal["range"]["start"] == {"line": 5, "character": line.index("Isreal")}  # code points
        assert ed.close() == 0


def test_quick_fix_and_ignore_action_change_the_findings(workspace, editor):
    uri = editor.open(workspace / "story.md", STORY)
    diagnostics = editor.diagnostics(uri)
    goverment = next(d for d in diagnostics if d["range"] == _range_of(STORY, "goverment"))

    actions = editor.code_actions(uri, goverment)
    fix = next(a for a in actions if a["title"] == "Replace with 'government'")
    assert fix["kind"] == "quickfix"
    fixed = apply_edits(STORY, fix["edit"]["changes"][uri])
    assert "The government said" in fixed and fixed.replace("government", "goverment") == STORY

    editor.change(uri, fixed)
    after = editor.diagnostics(uri)
    assert not [d for d in after if d["code"] == "typo.spelling" and d["range"]["start"]["line"] == 7]
    assert _by_code(after, "typo.spelling")  # Isreal, in the other paragraph, still there

    # "ignore in this paragraph" writes a directive before the paragraph
    isreal = _by_code(after, "typo.spelling")[0]
    ignore = next(a for a in editor.code_actions(uri, isreal) if a["title"].startswith("Ignore"))
    assert ignore["title"] == "Ignore typo.spelling in this paragraph"
    ignored = apply_edits(fixed, ignore["edit"]["changes"][uri])
    assert "\n<!-- copylint: ignore typo.spelling -->\nUkraine's flag" in ignored
    editor.change(uri, ignored)
    final = editor.diagnostics(uri)
    assert not _by_code(final, "typo.spelling")
    assert len(_by_code(final, "house.kyiv")) == 2  # only that rule, only there


def test_a_fix_that_deletes_says_what_it_deletes(workspace, editor):
    """A user saw "Replace with ''" for the repeated word's fix."""
    uri = editor.open(workspace / "twice.md", "# Talks resume\n\nThe talks went on on Monday.\n")
    (twice,) = _by_code(editor.diagnostics(uri), "typo.repeated-word")
    assert [a["title"] for a in editor.code_actions(uri, twice)][0] == "Delete 'on'"


def test_the_ignore_action_keeps_lists_whole_and_line_endings_as_they_are(workspace, editor):
    """From a user audit: between two list items the comment split the list in two, and
    in a CRLF file its line ended in LF alone."""
    listed = "# Talks resume\n\nThe talks went on.\n\n- First item.\n- Second item in Kiev.\n"
    uri = editor.open(workspace / "list.md", listed)
    (kiev,) = _by_code(editor.diagnostics(uri), "house.kyiv")
    assert not [a for a in editor.code_actions(uri, kiev) if a["title"].startswith("Ignore")]
    crlf = "Talks resume\r\n\r\nThe talks in Kiev went on.\r\n"
    uri = editor.open(workspace / "crlf.txt", crlf)
    (kiev,) = _by_code(editor.diagnostics(uri), "house.kyiv")
    ignore = next(a for a in editor.code_actions(uri, kiev) if a["title"].startswith("Ignore"))
    assert apply_edits(crlf, ignore["edit"]["changes"][uri]) == (
        "Talks resume\r\n\r\n<!-- copylint: ignore house.kyiv -->\r\nThe talks in Kiev went on.\r\n")


@pytest.mark.parametrize("front", ["title: Talks resume in Kiev", "title: >-\n  Talks resume in Kiev"])
def test_headline_findings_offer_no_ignore_directive(workspace, editor, front):
    """A directive line inside front matter would break it: no such action there, even
    where the headline has a line of its own."""
    text = STORY.replace("title: Talks resume in Kiev", front)
    uri = editor.open(workspace / "story.md", text)
    headline_kiev = next(d for d in editor.diagnostics(uri) if d["range"] == _range_of(text, "Kiev"))
    titles = [a["title"] for a in editor.code_actions(uri, headline_kiev)]
    assert titles == ["Replace with 'Kyiv'"]


def test_config_is_read_and_read_again_when_it_changes(workspace, editor):
    config = workspace / ".copylint.yaml"
    config.write_text("ignore: [house]\n", encoding="utf-8")
    uri = editor.open(workspace / "story.md", STORY)
    assert not _by_code(editor.diagnostics(uri), "house.kyiv")

    config.write_text("ignore: [typo]\n", encoding="utf-8")
    editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    diagnostics = editor.diagnostics(uri)
    assert len(_by_code(diagnostics, "house.kyiv")) == 2
    assert not [d for d in diagnostics if d["code"].startswith("typo.")]


def test_an_unknown_word_is_added_to_the_vocabulary_folder(workspace, editor):
    """With a vocabulary folder in the config, a spelling finding offers to accept the
    word: the server adds it to accept.txt and checks the story again without it."""
    (workspace / "vocab").mkdir()
    (workspace / ".copylint.yaml").write_text("vocabulary: [vocab]\n", encoding="utf-8")
    uri = editor.open(workspace / "story.md", STORY)
    isreal = next(d for d in editor.diagnostics(uri) if d["range"] == _range_of(STORY, "Isreal"))
    (action,) = [a for a in editor.code_actions(uri, isreal) if a["title"].startswith("Add ")]
    assert action["title"] == "Add 'Isreal' to the accept list (vocab/accept.txt)"
    assert "edit" not in action  # the server writes the list, not the editor
    editor.request("workspace/executeCommand", action["command"])
    after = editor.diagnostics(uri)
    assert (workspace / "vocab" / "accept.txt").read_text(encoding="utf-8") == "Isreal\n"
    assert not [d for d in after if d["range"] == _range_of(STORY, "Isreal")]
    assert [d for d in after if d["range"] == _range_of(STORY, "goverment")]  # the rest stays
    # a folder the config does not name is refused, and nothing is written
    editor.request("workspace/executeCommand", {"command": action["command"]["command"],
                                                "arguments": ["goverment", str(workspace)]})
    shown = editor.wait_for(lambda m: m["method"] == "window/showMessage")
    assert "no vocabulary folder" in shown["params"]["message"]
    assert not (workspace / "accept.txt").exists()


def test_without_a_vocabulary_folder_no_accept_action_is_offered(workspace, editor):
    uri = editor.open(workspace / "story.md", STORY)
    isreal = next(d for d in editor.diagnostics(uri) if d["range"] == _range_of(STORY, "Isreal"))
    assert not [a for a in editor.code_actions(uri, isreal) if a["title"].startswith("Add ")]


def test_broken_config_is_one_message_and_the_server_stays_up(workspace, editor):
    config = workspace / ".copylint.yaml"
    config.write_text("select: [typo\n", encoding="utf-8")
    uri = editor.open(workspace / "story.md", STORY)
    shown = editor.wait_for(lambda m: m["method"] == "window/showMessage")
    assert shown["params"]["type"] == 1  # an error
    assert ".copylint.yaml" in shown["params"]["message"] and "\n" not in shown["params"]["message"]

    config.write_text("select: [typo]\n", encoding="utf-8")
    editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    diagnostics = editor.diagnostics(uri)
    assert diagnostics and all(d["code"].startswith("typo.") for d in diagnostics)
    assert editor.close() == 0
    assert b"Traceback" not in editor.stderr


def test_a_config_written_before_the_first_story_is_opened_is_found(workspace, editor):
    """The server's warm-up looks for a config before any story is open and kept what it
    found: a config the user wrote after the server started, before opening a story,
    was never read (the broken-config test above failed when the warm-up came first)."""
    (workspace / "sub").mkdir()
    other = editor.open(workspace / "sub" / "other.md", STORY)
    editor.diagnostics(other)  # checks run in turn: the warm-up is over
    (workspace / ".copylint.yaml").write_text("select: [typo\n", encoding="utf-8")
    editor.open(workspace / "story.md", STORY)
    shown = editor.wait_for(lambda m: m["method"] == "window/showMessage")
    assert shown["params"]["type"] == 1 and ".copylint.yaml" in shown["params"]["message"]
    assert editor.close() == 0


def test_only_the_latest_text_is_reported_and_other_files_are_left_alone(workspace, editor):
    uri = editor.open(workspace / "story.md", STORY)
    editor.diagnostics(uri)
    # three edits in quick succession: the diagnostics that come are for the last text
    editor.change(uri, STORY.replace("Isreal", "Israel"))
    editor.change(uri, STORY.replace("Isreal", "Israel").replace("goverment", "government"))
    editor.change(uri, STORY.replace("Isreal", "Israel").replace("goverment", "government").replace("Kiev", "Kyiv"))
    assert editor.diagnostics(uri) == []

    script = workspace / "build.py"
    py_uri = editor.open(script, "print('Isreal goverment')\n", language_id="python")
    assert editor.diagnostics(py_uri) == []


def test_untitled_markdown_buffer_is_checked(workspace, editor):
    uri = "untitled:Untitled-1"
    editor.versions[uri] = 1
    editor.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "markdown", "version": 1, "text": "The goverment met.\n"}})
    (d,) = editor.diagnostics(uri)
    assert d["code"] == "typo.spelling" and d["range"] == _range_of("The goverment met.\n", "goverment")


def test_lone_surrogate_from_the_editor_is_a_notice_not_a_crash(workspace, editor):
    # JSON lets an editor send half a surrogate pair ("\\ud83c"); no encoder takes it, and
    # the house pack's byte-level matcher stopped on it with a traceback in the log
    text = "Kiev talks\n\nThe goverment met \ud83c in Kiev.\n"
    uri = editor.open(workspace / "broken.md", text)
    diagnostics = editor.diagnostics(uri)
    (notice,) = _by_code(diagnostics, "copylint.encoding")
    assert notice["range"]["start"] == {"line": 2, "character": text.splitlines()[2].index("\ud83c")}
    assert _by_code(diagnostics, "typo.spelling")[0]["range"] == _range_of(text, "goverment")
    assert len(_by_code(diagnostics, "house.kyiv")) == 2
    assert editor.close() == 0
    assert b"Traceback" not in editor.stderr


def test_closing_clears_and_shutdown_exits_cleanly(workspace, editor):
    uri = editor.open(workspace / "story.md", STORY)
    assert editor.diagnostics(uri)
    editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert editor.wait_for(lambda m: m["method"] == "textDocument/publishDiagnostics")["params"]["diagnostics"] == []
    assert editor.close() == 0
    assert (workspace / "story.md").read_text(encoding="utf-8") == STORY  # the server never writes
    assert b"Traceback" not in editor.stderr


def test_languagetool_out_of_reach_is_said_once_and_the_rest_is_checked(workspace):
    with Editor(workspace, env={"COPYLINT_LANGUAGETOOL": "auto"},
                init_options={"languagetoolUrl": "http://127.0.0.1:9/v2"}) as ed:
        uri = ed.open(workspace / "story.md", STORY)
        shown = ed.wait_for(lambda m: m["method"] == "window/showMessage")
        assert shown["params"]["message"].startswith("copylint: grammar checks skipped")
        assert _by_code(ed.diagnostics(uri), "typo.spelling")
        ed.change(uri, STORY + "\nOne more line.\n")
        ed.diagnostics(uri)
        assert not [m for m in ed.notifications if m["method"] == "window/showMessage"]
        assert ed.close() == 0


def test_without_pygls_the_command_says_how_to_install_it(tmp_path):
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "pygls.py").write_text("raise ModuleNotFoundError(\"No module named 'pygls'\", name='pygls')\n")
    proc = run_cli("lsp", env={"PYTHONPATH": str(shadow)}, input=b"")
    assert proc.returncode == 2
    assert proc.stderr.strip() == ("copylint: error: the language server needs pygls (pygls is missing): "
                                   "pip install 'copylint[lsp]'")


def test_crlf_lines_and_an_incremental_edit(workspace, editor):
    text = STORY.replace("\n", "\r\n")
    uri = editor.open(workspace / "story.md", text)
    isreal = _by_code(editor.diagnostics(uri), "typo.spelling")[0]
    assert isreal["range"] == _range_of(text, "Isreal")  # \r\n is one line end
    # the editor sends only the changed range, as editors do while typing
    editor.versions[uri] += 1
    editor.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": editor.versions[uri]},
        "contentChanges": [{"range": isreal["range"], "text": "Israel"}]})
    after = editor.diagnostics(uri)
    assert [d["range"]["start"]["line"] for d in _by_code(after, "typo.spelling")] == [7]  # goverment
    assert _by_code(after, "typo.spelling")[0]["range"] == _range_of(text.replace("Isreal", "Israel"), "goverment")


@pytest.mark.parametrize("method", ["textDocument/didChange", "textDocument/didSave", "textDocument/didClose"])
def test_notes_about_a_document_never_opened_are_let_pass(workspace, editor, method):
    """An editor may send a change, save or close for a document it never opened to us (a
    race on start-up, a buffer opened before the server): no error pop-up, and the server
    goes on checking the stories that are open."""
    stray = (workspace / "never-opened.md").as_uri()
    params = {"textDocument": {"uri": stray}}
    if method == "textDocument/didChange":
        params = {"textDocument": {"uri": stray, "version": 2},
                  "contentChanges": [{"text": "The goverment met.\n"}]}
    editor.notify(method, params)

    uri = editor.open(workspace / "story.md", STORY)
    kiev = _by_code(editor.diagnostics(uri), "house.kyiv")[0]
    assert editor.hover(uri, kiev["range"]["start"])["contents"]["value"].startswith("**house.kyiv**")
    assert editor.close() == 0
    assert not [m for m in editor.notifications if m["method"] == "window/showMessage"]
    assert not [m for m in editor.notifications if m["method"] == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == stray and m["params"]["diagnostics"]]  # not checked
    assert not [m for m in editor.notifications
                if m["method"] == "window/logMessage" and m["params"]["type"] == 1]  # no error logged
    assert b"Traceback" not in editor.stderr


@pytest.mark.parametrize("name", ["my story.md", "café story.md"])
def test_a_story_whose_uri_has_escapes_is_checked_under_the_editors_uri(workspace, editor, name):
    """Editors percent-encode a space or a non-ASCII letter in a file's URI; pygls keys
    its documents by the decoded URI. The story is still checked, its diagnostics come
    under the URI the editor sent (its own key for the buffer), and hover, a config
    change and closing find it."""
    path = workspace / name
    path.write_text(STORY, encoding="utf-8")
    uri = editor.open(path, STORY)
    assert "%20" in uri and (name.isascii() or "%C3%A9" in uri)  # as VS Code writes it
    kiev = _by_code(editor.diagnostics(uri), "house.kyiv")
    assert [d["range"] for d in kiev] == [_range_of(STORY, "Kiev"), _range_of(STORY, "Kiev", 1)]
    assert editor.hover(uri, kiev[0]["range"]["start"])["contents"]["value"].startswith("**house.kyiv**")

    editor.change(uri, STORY.replace("Isreal", "Israel"))
    assert not [d for d in editor.diagnostics(uri) if d["range"] == _range_of(STORY, "Isreal")]

    # a config change checks every open story again: still published under the editor's URI
    config = workspace / ".copylint.yaml"
    config.write_text("ignore: [house]\n", encoding="utf-8")
    editor.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.as_uri(), "type": 2}]})
    after = editor.diagnostics(uri)
    assert after and not _by_code(after, "house.kyiv")

    editor.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    cleared = editor.wait_for(lambda m: m["method"] == "textDocument/publishDiagnostics")["params"]
    assert (cleared["uri"], cleared["diagnostics"]) == (uri, [])
    assert editor.close() == 0
    assert not [m for m in editor.notifications if m["method"] == "textDocument/publishDiagnostics"
                and m["params"]["uri"] != uri]  # nothing under a decoded URI the editor never used


DIRECTIVES = """---
title: Council approves flood barrier
date: 2024-03-14
---

The county council voted 9-2 on Tuesday to fund a flood barrier.

<!-- copylint: ignore typo.repeated-word -->

Residents have lobbied for the barrier since the 2014 floods.

<!-- copylint: ignore typo.repeated-word, typo.double-space -->
Work will start in the the spring, officials said.

The cost <!-- copylint: ignore structure.duplicate-paragraph --> was confirmed last month.

The mayor <!-- copylint: ignore typo.nonsense --> welcomed the vote.
"""


def test_copylint_notices_offer_no_ignore_directive(workspace, editor):
    """Directives do not suppress the tool's own notices: "Ignore copylint.<id> in this
    paragraph" wrote a comment that did nothing."""
    uri = editor.open(workspace / "story.md", DIRECTIVES)
    diagnostics = editor.diagnostics(uri)
    (unknown,) = _by_code(diagnostics, "copylint.unknown-suppression")
    assert unknown["range"]["start"]["line"] == 16  # inside the mayor's paragraph
    assert editor.code_actions(uri, unknown) == []
    for d in _by_code(diagnostics, "copylint.unused-suppression"):
        assert not [a for a in editor.code_actions(uri, d) if a["title"].startswith("Ignore")]
    # a rule's finding in a paragraph still offers it
    kiev_story = DIRECTIVES.replace("The mayor", "The mayor of Kiev")
    editor.change(uri, kiev_story)
    (kiev,) = _by_code(editor.diagnostics(uri), "house.kyiv")
    assert "Ignore house.kyiv in this paragraph" in [a["title"] for a in editor.code_actions(uri, kiev)]


def test_hover_on_a_copylint_notice_gives_its_description_and_documentation(workspace, editor):
    """No rule explains a copylint.* id: the hover showed the message alone. It now says
    what `copylint explain` says."""
    from copylint import tool_notices

    uri = editor.open(workspace / "story.md", DIRECTIVES)
    (unknown,) = _by_code(editor.diagnostics(uri), "copylint.unknown-suppression")
    text = editor.hover(uri, unknown["range"]["start"])["contents"]["value"]
    assert text == (f"**copylint.unknown-suppression**: {unknown['message']}\n\n"
                    f"*{tool_notices.DESCRIPTIONS['copylint.unknown-suppression']}*\n\n"
                    f"{tool_notices.DOCS['copylint.unknown-suppression']}")


def test_an_unused_directive_is_deleted_by_its_quick_fix(workspace, editor):
    """A comment all of whose names suppressed nothing is offered for deletion: its line
    when it stands alone (with one of the blank lines around it), the comment and a space
    inside a sentence. One that still suppresses something is not offered."""
    uri = editor.open(workspace / "story.md", DIRECTIVES)
    unused = _by_code(editor.diagnostics(uri), "copylint.unused-suppression")
    assert [d["range"]["start"]["line"] for d in unused] == [7, 11, 14]
    offered = {d["range"]["start"]["line"]: [a for a in editor.code_actions(uri, d)] for d in unused}
    assert offered[11] == []  # its typo.repeated-word is in use: only typo.double-space is idle
    text = DIRECTIVES
    for line in (14, 7):  # the later first, so that the earlier edit's positions still hold
        (delete,) = offered[line]
        assert delete["title"] == "Delete this unused suppression comment" and delete["isPreferred"]
        text = apply_edits(text, delete["edit"]["changes"][uri])
    assert text == DIRECTIVES.replace("<!-- copylint: ignore typo.repeated-word -->\n\n", "").replace(
        "<!-- copylint: ignore structure.duplicate-paragraph --> ", "")
    assert "flood barrier.\n\nResidents have" in text and "The cost was confirmed" in text

    editor.change(uri, text)
    after = editor.diagnostics(uri)
    assert [(d["code"], d["range"]["start"]["line"]) for d in after if d["code"].startswith("copylint.")] == [
        ("copylint.unused-suppression", 9), ("copylint.unknown-suppression", 14)]
    assert not [d for d in after if not d["code"].startswith("copylint.")]  # nothing came back


PAIRS = DIRECTIVES[:DIRECTIVES.index("<!--")] + """<!-- copylint: disable typo.repeated-word -->

Residents have lobbied for the barrier since the 2014 floods.

<!-- copylint: enable typo.repeated-word -->

Work will start in the spring, officials said.

<!-- copylint: disable typo.double-space -->

The cost was confirmed last month.

<!-- copylint: enable typo -->

The mayor welcomed the vote.
"""


def test_deleting_an_unused_disable_takes_the_enable_that_ends_just_it(workspace, editor):
    """The quick fix deleted the disable and left its enable, which then ended nothing.
    It now deletes both when the enable names the same rules and ends nothing else; an
    enable of something wider (typo after typo.double-space) may end another disable
    one day, and stays."""
    uri = editor.open(workspace / "story.md", PAIRS)
    unused = _by_code(editor.diagnostics(uri), "copylint.unused-suppression")
    assert [d["range"]["start"]["line"] for d in unused] == [7, 15]
    (paired,), (alone,) = (editor.code_actions(uri, d) for d in unused)
    assert paired["title"] == "Delete this unused suppression comment and its enable"
    assert len(paired["edit"]["changes"][uri]) == 2
    assert apply_edits(PAIRS, paired["edit"]["changes"][uri]) == PAIRS.replace(
        "<!-- copylint: disable typo.repeated-word -->\n\n", "").replace(
        "<!-- copylint: enable typo.repeated-word -->\n\n", "")
    assert alone["title"] == "Delete this unused suppression comment"
    assert apply_edits(PAIRS, alone["edit"]["changes"][uri]) == PAIRS.replace(
        "<!-- copylint: disable typo.double-space -->\n\n", "")


@pytest.mark.parametrize("before, after", [
    ("One.\n\n<!-- copylint: disable x -->\n\n<!-- copylint: enable x -->\n\nTwo.", "One.\n\nTwo."),
    ("One.\n<!-- copylint: disable x -->\n<!-- copylint: enable x -->\nTwo.", "One.\n\nTwo."),
    ("One <!-- copylint: disable x --> <!-- copylint: enable x --> two.", "One two."),
    ("One <!-- copylint: disable x --> two <!-- copylint: enable x -->.", "One two."),
])
def test_a_disable_and_its_enable_are_deleted_as_the_text_around_them_reads(before, after):
    """With nothing but space between them, the two go as one span: a blank line stays
    between paragraphs, and no gap is left inside a sentence."""
    from copylint.lsp import _unused_comment_deletions

    spans, paired = _unused_comment_deletions(before, before.index("<!--"), before.index("-->") + 3,
                                              before.index("<!-- copylint: enable"))
    assert paired
    for s, e in sorted(spans, reverse=True):
        before = before[:s] + before[e:]
    assert before == after


@pytest.mark.parametrize("before, after", [
    ("The cost <!-- copylint: ignore x --> was confirmed.", "The cost was confirmed."),
    ("The cost was confirmed <!-- copylint: ignore x -->.", "The cost was confirmed."),
    ("The cost was confirmed. <!-- copylint: ignore x -->\nNext.", "The cost was confirmed.\nNext."),
    ("<!-- copylint: ignore x --> The cost.", "The cost."),
    ("One.\n<!-- copylint: ignore x -->\nTwo.", "One.\n\nTwo."),  # still two paragraphs
    ("One.\r\n\r\n<!-- copylint: ignore x -->\r\n\r\nTwo.", "One.\r\n\r\nTwo."),
    ("One.\n\n<!-- copylint: ignore x -->\nTwo.", "One.\n\nTwo."),
    ("<!-- copylint: ignore x -->\n\nOne.", "One."),
])
def test_deleting_a_comment_leaves_the_text_around_it_as_it_read(before, after):
    from copylint.lsp import _comment_deletion

    start = before.index("<!--")
    s, e = _comment_deletion(before, start, before.index("-->") + 3)
    assert before[:s] + before[e:] == after


def test_no_quick_fix_edits_from_diagnostics_of_an_older_text(workspace, editor):
    """From an integration audit: a word typed before a misspelling, then the quick fix
    taken before the new check came back, wrote the fix at the old place and made
    "Todagovernmenterment said." of the story."""
    text = "The goverment said.\n"
    uri = editor.open(workspace / "stale.md", text)
    (old,) = editor.diagnostics(uri)
    editor.change(uri, "Today the goverment said.\n")
    stale = editor.code_actions(uri, old)  # answered before the check after the change
    assert [a for a in stale if "edit" in a] == []
    (new,) = editor.diagnostics(uri)
    fix = next(a for a in editor.code_actions(uri, new) if a["title"] == "Replace with 'government'")
    assert apply_edits("Today the goverment said.\n", fix["edit"]["changes"][uri]) == "Today the government said.\n"


def test_a_misspelt_rule_id_in_the_config_is_said_not_silently_nothing(workspace, editor):
    """`check` exits 2 for `select: [typo.speling]`; the server showed no finding and no
    word, as if the story were clean."""
    (workspace / ".copylint.yaml").write_text("select: [typo.speling]\n", encoding="utf-8")
    editor.open(workspace / "story.md", STORY)
    shown = editor.wait_for(lambda m: m["method"] == "window/showMessage")
    assert shown["params"]["type"] == 1
    assert "unknown rule or prefix 'typo.speling' in 'select' (did you mean 'typo.spelling'?)" in shown["params"]["message"]


def test_a_queued_check_of_a_text_changed_since_is_skipped(monkeypatch):
    """From an integration audit: in a long story every pause in typing queued a check
    behind the one running, and each ran in turn on a text already replaced (its
    diagnostics then dropped), so the findings came seconds behind the typing."""
    from copylint.lsp import CopylintServer, Options

    server = CopylintServer(Options())
    monkeypatch.setattr(server, "document", lambda uri: type("Doc", (), {"version": 3}))
    checked = []
    monkeypatch.setattr(server, "diagnose", lambda uri, text, language_id: checked.append(text))
    server._check("file:///desk/story.md", 2, "the text of version 2", "markdown")
    server._check("file:///desk/story.md", 3, "the text of version 3", "markdown")
    assert checked == ["the text of version 3"]
    # no job was submitted, so no check thread was started: that thread is no daemon, and
    # one started with the server held pytest at exit after the whole suite had passed
    assert server.checker.thread is None


def test_the_server_asks_to_be_told_of_config_changes_on_disk(workspace):
    """Neovim and VS Code's language client send didChangeWatchedFiles only for the
    files a server registered for; the server registered for none, so a config edited
    outside the editor was never read again, though the README says it is."""
    caps = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
    with Editor(workspace, env=OFF, capabilities=caps) as editor:
        # answered after the "initialized" that the registration answers
        editor.hover((workspace / "story.md").as_uri(), {"line": 0, "character": 0})
        (registration,) = editor.requests[0]["params"]["registrations"]
        assert editor.requests[0]["method"] == "client/registerCapability"
        assert registration["method"] == "workspace/didChangeWatchedFiles"
        globs = {w["globPattern"] for w in registration["registerOptions"]["watchers"]}
        assert {"**/.copylint.yaml", "**/.copylint.yml", "**/copylint.yaml", "**/pyproject.toml",
                "**/*.yaml", "**/*.yml", "**/accept.txt", "**/reject.txt"} <= globs
        assert editor.close() == 0


def test_shutdown_does_not_wait_for_a_check_under_way():
    """From an integration audit: "shutdown" during the check of a long one-line story
    (120,000 findings) was answered only when the check ended, over a minute later, and
    "exit" then waited for it too; an editor gives up and kills the server. A check that
    never ends stands for it here."""
    import threading

    from copylint.lsp import CopylintServer, Options

    server = CopylintServer(Options())
    running, release = threading.Event(), threading.Event()
    server.checker.submit(lambda: (running.set(), release.wait()))
    queued = []
    server.checker.submit(lambda: queued.append("ran"))
    assert running.wait(30)
    closing = threading.Thread(target=server.close, daemon=True)
    closing.start()
    closing.join(30)
    try:
        assert not closing.is_alive(), "close() waited for the check"
    finally:
        release.set()
    server.checker.thread.join(30)
    assert not server.checker.thread.is_alive() and queued == []  # what was queued behind it was dropped


SLOW_RULE = '''
import os
import time

from copylint.registry import rule


@rule("desk.slow", "Stands for a long check", severity="info")
def slow(doc, ctx):
    \"\"\"Takes ten minutes over a story that says SLOW.\"\"\"
    if "SLOW" in doc.text:
        open(os.environ["SLOW_STARTED"], "w").close()
        time.sleep(600)
    yield from ()
'''


def test_shutdown_and_exit_during_a_long_check_end_the_server_at_once(workspace, tmp_path):
    """An editor gives a server a few seconds to answer "shutdown" and go on "exit";
    the server waited for the check under way to end, and Python again at exit."""
    import time

    from helpers import REPO

    site = tmp_path / "site"
    site.mkdir()
    (site / "desk_rules.py").write_text(SLOW_RULE)
    (site / "desk_rules-1.0.dist-info").mkdir()
    (site / "desk_rules-1.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: desk-rules\nVersion: 1.0\n")
    (site / "desk_rules-1.0.dist-info" / "entry_points.txt").write_text("[copylint.rules]\ndesk = desk_rules\n")
    (workspace / ".copylint.yaml").write_text("select: [typo, desk]\n")
    started = tmp_path / "started"
    env = {**OFF, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), str(site)]), "SLOW_STARTED": str(started)}
    with Editor(workspace, env=env) as editor:
        editor.open(workspace / "slow.md", "A SLOW story.\n")
        deadline = time.monotonic() + 120
        while not started.exists():
            assert time.monotonic() < deadline and editor.proc.poll() is None, editor.stderr
            time.sleep(0.05)
        assert editor.close() == 0
        assert b"Traceback" not in editor.stderr


def test_a_story_with_many_findings_reads_its_text_once_not_once_per_finding(monkeypatch):
    """From an integration audit: a one-line story of 1.4 MB with 120,000 findings took 4 s
    to check and 180 s more to turn into diagnostics, as the file's line-ending style was
    counted over the whole text again for each finding."""
    import copylint
    from copylint import lsp
    from copylint.config import Settings
    from copylint.readers import read_text

    text = "The goverment said the the talks would go on.\n\n" * 3
    findings = copylint.lint_text(text, "story.md", Settings(select=["typo"], languagetool=False))
    assert len(findings) == 6
    doc = read_text("story.md", text)
    regions = [(r.kind, *doc.map.span(r.start, r.end)) for r in doc.regions]  # as the server gives them
    counted = []
    real = lsp.newline_style
    monkeypatch.setattr(lsp, "newline_style", lambda t: counted.append(1) or real(t))
    diagnostics = lsp.to_diagnostics(findings, text, "utf-16", regions)
    assert sum("ignore_at" in d.data for d in diagnostics) == 6 and diagnostics[0].data["newline"] == "\n"
    assert len(counted) <= 1


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_in_each_encoding_count_what_precedes_on_the_line(encoding):
    """Positions count the units of a line's wide characters once per line; every
    offset still gets the units of the text before it on its line, as encoded."""
    from lsprotocol import types

    from copylint.lsp import Positions

    text = "Flag 🇺🇦 e\u0301 北京 𝒜 \ud83c end\r\nplain line\rCafé 😀 x\n\nlast 😀"
    positions = Positions(text, encoding)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n" or (ch == "\r" and text[i + 1:i + 2] != "\n")]
    for offset in range(len(text) + 1):
        line = max(k for k, s in enumerate(starts) if s <= offset)
        before = text[starts[line]:offset]
        units = len(before) if encoding == "utf-32" else \
            len(before.encode(encoding if encoding == "utf-8" else "utf-16-le", "surrogatepass")) // (
                1 if encoding == "utf-8" else 2)
        assert positions.at(offset) == types.Position(line=line, character=units), offset
