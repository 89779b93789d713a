"""Suppression comments, front-matter lists and [sic]."""

from __future__ import annotations

import pytest

from copylint import lint_text
from copylint.config import Settings

MECH = Settings(select=["typo.repeated-word", "typo.double-space", "copylint"])
UNUSED_ID = "copylint.unused-suppression"


def _rules_lines(findings):
    return [(f.rule, f.line) for f in findings]


def test_disable_enable_block():
    text = (
        "Headline for the story here\n\n"
        "First the the slip.\n\n"
        "<!-- copylint: disable typo.repeated-word -->\n\n"
        "Second the the slip.\n\n"
        "<!-- copylint: enable typo.repeated-word -->\n\n"
        "Third the the slip.\n"
    )
    assert _rules_lines(lint_text(text, "s.txt", MECH)) == [("typo.repeated-word", 3), ("typo.repeated-word", 11)]


def test_disable_by_prefix_and_all():
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: disable typo -->\n\n"
        "A the the  slip.\n\n"
        "<!-- copylint: enable typo -->\n\n"
        "<!-- copylint: disable -->\n\n"
        "B the the  slip.\n"
    )
    assert lint_text(text, "s.txt", MECH) == []


def test_ignore_next_block_only():
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: ignore typo.repeated-word -->\n"
        "A the the slip.\n\n"
        "B the the slip.\n"
    )
    assert _rules_lines(lint_text(text, "s.txt", MECH)) == [("typo.repeated-word", 6)]


def test_disable_next_line_covers_the_next_line_with_words_only():
    """ESLint's and markdownlint's spelling, which a user tried first: it covers the line
    after the comment (blank lines skipped), in a multi-line paragraph only that line, and
    nothing after it. It was read as "disable" with a rule named "-next-line", which
    disabled the named rule to the end of the file."""
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: disable-next-line typo.repeated-word -->\n\n"
        "A the the slip.\n\n"
        "B the the slip.\n\n"
        "C the the slip.\n"
        "<!-- copylint: ignore-next-line -->\n"
        "D the the slip.\n"
        "E the the slip.\n"
    )
    for path in ("s.txt", "s.md"):
        assert _rules_lines(lint_text(text, path, MECH)) == [
            ("typo.repeated-word", 7), ("typo.repeated-word", 9), ("typo.repeated-word", 12)], path
    inline = "Headline for the story here\n\nA the the slip. <!-- copylint: disable-next-line -->\nB the the slip.\n"
    assert _rules_lines(lint_text(inline, "s.md", MECH)) == [("typo.repeated-word", 3)]


@pytest.mark.parametrize("path", ["s.md", "s.txt", "s.html"])
def test_a_comment_meant_as_a_suppression_that_is_none_is_reported(path):
    """A misspelt verb, a missing colon or a misspelt "copylint" suppressed nothing, and
    nothing said so. A comment about something else is no suppression."""
    comments = ["<!-- copylint: ignroe typo.repeated-word -->", "<!-- copylint ignore typo.repeated-word -->",
                "<!-- copylnt: ignore typo.repeated-word -->", "<!-- copyright 2024 Reuters -->"]
    if path.endswith(".html"):
        text = "<h1>Headline for the story here</h1>\n" + "".join(f"{c}\n<p>A the the slip.</p>\n" for c in comments)
    else:
        text = "Headline for the story here\n\n" + "".join(f"{c}\nA the the slip.\n\n" for c in comments)
    found = lint_text(text, path, MECH)
    notices = [f.message for f in found if f.rule == "copylint.unknown-suppression"]
    assert notices == [
        "unknown suppression 'ignroe' (did you mean 'ignore'?): use disable, enable, ignore or disable-next-line",
        "a suppression needs a colon after 'copylint' (<!-- copylint: ignore ... -->); this one does nothing",
        "'copylnt' is not 'copylint': this comment is no suppression"]
    assert sum(f.rule == "typo.repeated-word" for f in found) == 4


def test_a_front_matter_copylint_entry_with_a_wrong_key_is_reported():
    for entry, message in (
            ("copylint: {disabel: [typo.repeated-word]}",
             "front matter's 'copylint' has no key 'disabel' (did you mean 'disable'?); it takes 'disable'"),
            ("copylint: [typo.repeated-word]",
             "front matter's 'copylint' takes a mapping, as in 'copylint: {disable: [house.numbers]}'; it was ignored"),
            # a number, or nothing, under disable disabled nothing without a word
            ("copylint: {disable: 5}",
             "front matter's 'copylint: disable' takes a list of rule ids, as in 'disable: [house.numbers]'; "
             "it was ignored"),
            ("copylint:\n  disable:",
             "front matter's 'copylint: disable' takes a list of rule ids, as in 'disable: [house.numbers]'; "
             "it was ignored")):
        text = f"---\ntitle: Headline for the story here\n{entry}\n---\n\nA the the slip.\n"
        found = lint_text(text, "s.md", MECH)
        assert [(f.rule, f.line, f.message) for f in found if f.rule.startswith("copylint")] == [
            ("copylint.unknown-suppression", 3, message)]


def test_unknown_rule_in_suppression_is_reported():
    text = "Headline for the story here\n\n<!-- copylint: disable typo.speling -->\n\nBody text.\n"
    found = lint_text(text, "s.txt", MECH)
    assert [(f.rule, f.line, f.message) for f in found] == [
        ("copylint.unknown-suppression", 3,
         "suppression names an unknown rule 'typo.speling' (did you mean 'typo.spelling'?)")]


def test_an_unknown_suppression_names_the_close_id_as_select_does():
    """A misspelt id in a comment or the front matter's list said only that it was
    unknown, where --select with the same slip named the id meant. Nothing close, no hint;
    the hint is in the message, not offered as a replacement of the comment's text."""
    text = ("---\ntitle: Talks resume\ncopylint:\n  disable: [house.kyev, typo.nonsense]\n---\n\n"
            "<!-- copylint: disable house.kyev typo.nonsense -->\n\nBody text.\n")
    found = lint_text(text, "s.md", Settings(select=["typo", "house", "copylint"], languagetool=False))
    # each at the misspelt name, in the front matter's list and in the comment (a user saw
    # the front matter's at its opening fence and the comment's under "<!--")
    assert [(f.line, f.column, f.matched, f.message, f.suggestions) for f in found] == [
        (4, 13, "house.kyev", "front matter disables an unknown rule 'house.kyev' (did you mean 'house.kyiv'?)", ()),
        (4, 25, "typo.nonsense", "front matter disables an unknown rule 'typo.nonsense'", ()),
        (7, 24, "house.kyev", "suppression names an unknown rule 'house.kyev' (did you mean 'house.kyiv'?)", ()),
        (7, 35, "typo.nonsense", "suppression names an unknown rule 'typo.nonsense'", ())]


def test_unknown_suppression_takes_its_severity_from_config():
    """Config's severity for copylint.unknown-suppression was ignored, so a desk could not
    make a misspelt directive fail (or stop failing) its job as it can any other id."""
    text = ("---\ntitle: Budget vote\ncopylint:\n  disable: [structure.duplicate-para]\n---\n\n"
            "<!-- copylint: disable typo.speling -->\n\nBody text.\n")
    for severity in ("error", "info"):
        settings = Settings(select=MECH.select, rules={"copylint.unknown-suppression": {"severity": severity}})
        assert [(f.rule, f.line, f.severity.name) for f in lint_text(text, "s.md", settings)] == [
            ("copylint.unknown-suppression", 4, severity.upper()),
            ("copylint.unknown-suppression", 7, severity.upper())]


@pytest.mark.parametrize("path, story", [
    ("s.txt", "Headline for the story here\n\n{}\n\nA the the  slip.\n\n{}\n\nB the the  slip.\n\n"
              "{}\nC the the slip.\n\nD the the slip.\n"),
    ("s.md", "# Headline for the story here\n\n{}\n\nA the the  slip.\n\n{}\n\nB the the  slip.\n\n"
             "{}\nC the the slip.\n\nD the the slip.\n"),
    ("s.html", "<html><body><h1>Headline for the story here</h1>{}<p>A the the  slip.</p>{}"
               "<p>B the the  slip.</p>{}<p>C the the slip.</p><p>D the the slip.</p></body></html>"),
])
def test_a_rule_list_may_follow_an_equals_sign_or_a_colon(path, story):
    """pylint's "disable=a,b" and flake8's "disable: a" were read as rules named
    '=a' and ':', which suppressed nothing and were reported as unknown."""
    text = story.format("<!-- copylint: disable=typo.repeated-word,typo.double-space -->",
                        "<!-- copylint: enable : typo.repeated-word, typo.double-space -->",
                        "<!-- copylint: ignore:typo.repeated-word -->")
    found = lint_text(text, path, MECH)
    # the paragraph of each finding: the last of "A the", "B the"... before it
    where = [max("ABCD", key=lambda p: text.rfind(p + " the", 0, f.start_offset)) for f in found]
    assert sorted(zip(where, (f.rule for f in found))) == [
        ("B", "typo.double-space"), ("B", "typo.repeated-word"), ("D", "typo.repeated-word")]


def test_sic_suppresses_typo_rules_on_that_word():
    text = "Headline for the story here\n\nThe sign read \"the the [sic] end\". And the the end.\n"
    found = lint_text(text, "s.txt", MECH)
    assert [(f.rule, f.column) for f in found] == [("typo.repeated-word", 43)]


def test_cross_article_duplicate_headline_can_be_suppressed_in_one_file(tmp_path):
    from copylint import lint_paths

    (tmp_path / "a.txt").write_text("Storm hits the coast overnight\n\nBody one.\n")
    (tmp_path / "b.txt").write_text(
        "<!-- copylint: disable structure.duplicate-headline -->\n"
        "Storm hits the coast overnight\n\nBody two, a planned repost.\n")
    found = lint_paths([tmp_path], config=Settings(select=["structure"]))
    assert [(f.path.rsplit("/", 1)[-1], f.rule) for f in found] == [("a.txt", "structure.duplicate-headline")]


def test_front_matter_list_disables_rules_for_the_whole_file():
    text = (
        "---\ntitle: Storm hits the the coast overnight\n"
        "copylint:\n  disable: [typo.repeated-word]\n---\n\n"
        "Waves hit the the harbour  wall.\n"
    )
    found = lint_text(text, "s.md", MECH)
    assert [(f.rule, f.line) for f in found] == [("typo.double-space", 7)]


def test_markdown_html_comment_directives():
    text = (
        "# Storm hits the coast overnight\n\n"
        "<!-- copylint: ignore typo.repeated-word -->\n"
        "Waves hit the the harbour.\n\n"
        "Boats left the the harbour.\n"
    )
    assert [(f.rule, f.line) for f in lint_text(text, "s.md", MECH)] == [("typo.repeated-word", 6)]



FLOOD_STORY = """---
title: Council approves flood barrier after decade of delays
date: 2024-03-14
---

The county council voted 9-2 on Tuesday to fund a flood barrier on the River Severn,
ending a decade of argument over who should pay for it.

<!-- copylint: disable typo.spelling -->

The goverment's share of the cost was confirmed last month.

<!-- copylint: disable typo.spelling -->

Ysgol Gymraeg Aberystwyth pupils presented a petition to the cabinet in Cwmbran.

<!-- copylint: enable typo.spelling -->

Work is due to start in the spring and finsh by 2027.
"""


def test_a_second_disable_keeps_the_first_holding_and_is_reported_as_redundant():
    """Two editors each wrapped part of a story: the first disable holds until the enable,
    so the typo between the two comments stays suppressed. The second comment changes
    nothing whatever the run, so it is the one called unused (the first is not)."""
    found = lint_text(FLOOD_STORY, "story.md", Settings(select=["typo", "copylint"], languagetool=False))
    assert [(f.rule, f.line, f.matched) for f in found if f.rule != UNUSED_ID] == [("typo.spelling", 19, "finsh")]
    assert [(f.line, f.message) for f in found if f.rule == UNUSED_ID] == [
        (13, "unused suppression: 'typo.spelling' is already disabled from line 9")]


def test_a_disable_under_a_disabled_prefix_is_redundant_and_its_enable_ends_nothing():
    """'disable typo' then 'disable typo.repeated-word': the second adds nothing, and its
    'enable typo.repeated-word' does not re-enable the rule inside the disabled prefix;
    'enable typo' ends both."""
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: disable typo -->\n\n"
        "A the the  slip.\n\n"
        "<!-- copylint: disable typo.repeated-word -->\n\n"
        "B the the slip.\n\n"
        "<!-- copylint: enable typo.repeated-word -->\n\n"
        "C the the slip.\n\n"
        "<!-- copylint: enable typo -->\n\n"
        "D the the slip.\n"
    )
    found = lint_text(text, "s.txt", MECH)
    assert _rules_lines(found) == [
        (UNUSED_ID, 7), ("typo.repeated-word", 17)]
    assert found[0].message == "unused suppression: 'typo.repeated-word' is already disabled from line 3"


def test_an_enable_ends_each_name_it_covers_and_only_those():
    """Names are tracked one by one: 'enable typo.repeated-word' ends that name of a
    two-name disable and leaves the other holding; 'enable typo' ends a disabled rule under
    it; a bare 'enable' ends every disable still open."""
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: disable typo.repeated-word, typo.double-space -->\n\n"
        "<!-- copylint: enable typo.repeated-word -->\n\n"
        "A the the  slip.\n\n"
        "<!-- copylint: enable typo -->\n\n"
        "B the the  slip.\n\n"
        "<!-- copylint: disable typo.repeated-word -->\n\n"
        "<!-- copylint: disable typo.double-space -->\n\n"
        "C the the  slip.\n\n"
        "<!-- copylint: enable -->\n\n"
        "D the the  slip.\n"
    )
    found = lint_text(text, "s.txt", MECH)
    assert _rules_lines(found) == [
        (UNUSED_ID, 3),  # its typo.repeated-word was enabled again at once
        ("typo.repeated-word", 7),
        ("typo.repeated-word", 11), ("typo.double-space", 11),
        ("typo.repeated-word", 21), ("typo.double-space", 21)]


def test_a_second_bare_disable_is_redundant():
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: disable -->\n\n"
        "A the the slip.\n\n"
        "<!-- copylint: disable -->\n\n"
        "<!-- copylint: disable typo.double-space -->\n\n"
        "B the the  slip.\n"
    )
    found = lint_text(text, "s.txt", MECH)
    assert [(f.rule, f.line, f.message) for f in found] == [
        (UNUSED_ID, 7, "unused suppression: all rules are already disabled from line 3"),
        (UNUSED_ID, 9, "unused suppression: 'typo.double-space' is already disabled from line 3")]


def test_an_ignore_inside_a_disabled_range_suppresses_and_both_count_as_used():
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: disable typo.repeated-word -->\n\n"
        "<!-- copylint: ignore typo.repeated-word -->\n"
        "A the the slip.\n\n"
        "<!-- copylint: enable typo.repeated-word -->\n\n"
        "<!-- copylint: ignore typo.repeated-word -->\n"
        "B the the slip.\n\n"
        "C the the slip.\n"
    )
    assert _rules_lines(lint_text(text, "s.txt", MECH)) == [("typo.repeated-word", 13)]


# --------------------------------------------------------------------------- unused suppressions

UNUSED = "copylint.unused-suppression"


def _unused(findings):
    return [(f.line, f.column, f.matched, f.message) for f in findings if f.rule == UNUSED]


def test_a_directive_that_suppressed_nothing_is_reported_at_itself_naming_the_idle_ids():
    """One finding per directive, spanning the comment and naming only its idle ids; a
    directive that did suppress a finding, an 'enable' and a '[sic]' are not reported."""
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: ignore typo.repeated-word -->\n"
        "A the the slip.\n\n"
        "<!-- copylint: ignore typo.repeated-word, typo.double-space -->\n"
        "B the the slip.\n\n"
        "<!-- copylint: disable typo.double-space -->\n\n"
        "Nothing to see here at all.\n\n"
        "<!-- copylint: enable typo.double-space -->\n\n"
        "The sign read \"Bidens Plumbing\" [sic] in the window.\n"
    )
    found = lint_text(text, "s.txt", MECH)
    assert _unused(found) == [
        (6, 1, "<!-- copylint: ignore typo.repeated-word, typo.double-space -->",
         "unused suppression: no 'typo.double-space' finding here to suppress"),
        (9, 1, "<!-- copylint: disable typo.double-space -->",
         "unused suppression: no 'typo.double-space' finding here to suppress"),
    ]
    assert {f.severity.name for f in found if f.rule == UNUSED} == {"INFO"}
    assert [f.rule for f in found if f.rule != UNUSED] == []


def test_a_front_matter_entry_that_suppressed_nothing_is_reported_where_it_is_written():
    text = (
        "---\ntitle: Storm hits the the coast overnight\n"
        "copylint:\n  disable: [typo.repeated-word, typo.double-space]\n---\n\n"
        "Waves hit the harbour wall.\n"
    )
    assert _unused(lint_text(text, "s.md", MECH)) == [
        (4, 33, "typo.double-space", "unused suppression: no 'typo.double-space' finding in this file to suppress")]


def test_a_comment_is_wholly_unused_only_when_every_name_of_it_is_idle():
    """What the language server offers to delete: a comment whose every name this run
    found idle or redundant; not one with a name in use, a misspelt name, or a name this
    run could not judge (typo.spelling without LanguageTool)."""
    from copylint.engine import wholly_unused_directive

    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: ignore typo.repeated-word, typo.double-space -->\nA plain line.\n\n"
        "<!-- copylint: ignore typo.repeated-word, typo.double-space -->\nA the the slip.\n\n"
        "<!-- copylint: ignore typo.repeated-word, typo.speling -->\nA plain line.\n\n"
        "<!-- copylint: ignore typo.repeated-word, typo.spelling -->\nA plain line.\n\n"
        "<!-- copylint: disable typo.double-space -->\n\n<!-- copylint: disable typo -->\n\nA the the slip.\n"
    )
    settings = Settings(select=["typo", "copylint"], languagetool=False)
    found = [f for f in lint_text(text, "s.txt", settings) if f.rule == UNUSED_ID]
    assert [(f.line, wholly_unused_directive(f)) for f in found] == [
        (3, True), (6, False), (9, False), (12, False), (15, True)]


@pytest.mark.parametrize("comments, paired", [
    (["disable typo.double-space, typo.repeated-word", "enable typo.repeated-word typo.double-space"], True),
    (["disable", "enable"], True),
    (["disable typo.double-space", "ignore house", "enable typo.double-space"], True),
    (["disable typo.double-space", "enable typo"], False),  # names more than it
    (["disable typo.double-space, house", "enable house", "enable typo.double-space, house"], False),
    (["disable typo.double-space", "disable house", "enable typo.double-space"], False),
    # the second disable holds nothing (the first does): the enable ends the first
    (["disable typo", "disable typo", "enable typo", "enable typo"], False),
])
def test_an_enable_goes_with_its_disable_only_when_it_ends_just_that_one(comments, paired):
    """What the language server deletes with an unused disable: the enable that ends it
    and nothing else. Any doubt keeps the enable."""
    from copylint.engine import closing_enables
    from copylint.readers import read_text

    text = "Headline for the story here\n\n" + "".join(f"<!-- copylint: {c} -->\n\nClean.\n\n" for c in comments)
    found = closing_enables(read_text("s.txt", text))
    assert found == ({text.index("<!--"): text.index("<!-- copylint: enable")} if paired else {})


def test_only_what_this_run_selected_can_prove_a_directive_unused():
    """A desk that runs only some rules must not be told to delete a directive another
    run needs: a rule that is not selected, a prefix part of which is ignored, and 'all
    rules' while anything is left out are not judged. The same story with all of
    structure selected is judged (all rules only with LanguageTool, see below)."""
    text = (
        "Headline for the story here\n\n"
        "<!-- copylint: ignore structure.duplicate-paragraph -->\n"
        "A plain sentence that stands alone.\n\n"
        "<!-- copylint: ignore structure -->\n"
        "Another plain sentence here.\n\n"
        "<!-- copylint: ignore -->\n"
        "A third plain sentence.\n"
    )
    assert _unused(lint_text(text, "s.txt", MECH)) == []
    ignoring = Settings(select=["typo", "structure", "copylint"], ignore=["structure.duplicate-headline"])
    assert [line for line, _, _, _ in _unused(lint_text(text, "s.txt", ignoring))] == [3]
    found = lint_text(text, "s.txt", Settings(select=["typo", "structure", "copylint"]))
    assert [(line, m) for line, _, _, m in _unused(found)] == [
        (3, "unused suppression: no 'structure.duplicate-paragraph' finding here to suppress"),
        (6, "unused suppression: no 'structure' finding here to suppress")]


def test_the_check_is_an_ordinary_id_that_can_be_ignored_or_raised():
    text = "Headline for the story here\n\n<!-- copylint: ignore typo.repeated-word -->\nA clean line.\n"
    off = Settings(select=MECH.select, ignore=["copylint.unused-suppression"])
    assert _unused(lint_text(text, "s.txt", off)) == []
    raised = Settings(select=MECH.select, rules={"copylint.unused-suppression": {"severity": "warning"}})
    assert [f.severity.name for f in lint_text(text, "s.txt", raised) if f.rule == UNUSED] == ["WARNING"]


def test_a_cross_article_rule_that_asked_about_the_headline_keeps_its_directive(tmp_path):
    """Whether another article shares the headline is known only after every file is
    read; the directive over the headline is not called unused, alone or with its twin."""
    from copylint import lint_paths

    (tmp_path / "b.txt").write_text(
        "<!-- copylint: disable structure.duplicate-headline -->\n"
        "Storm hits the coast overnight\n\nBody two, a planned repost.\n")
    alone = lint_paths([tmp_path / "b.txt"], config=Settings(select=["structure", UNUSED]))
    assert _unused(alone) == []
    (tmp_path / "a.txt").write_text("Storm hits the coast overnight\n\nBody one.\n")
    both = lint_paths([tmp_path], config=Settings(select=["structure", UNUSED]))
    assert [(f.path.rsplit("/", 1)[-1], f.rule) for f in both] == [("a.txt", "structure.duplicate-headline")]


def test_cli_select_and_ignore(tmp_path):
    """Through the command line: --select narrows what is judged, --ignore turns it off."""
    import json

    from helpers import run_cli

    (tmp_path / "s.txt").write_text(
        "Headline for the story here\n\n"
        "<!-- copylint: ignore typo.repeated-word -->\nA clean line.\n\n"
        "<!-- copylint: ignore style -->\nAnother clean line.\n", encoding="utf-8")

    def ids(*args):
        proc = run_cli("check", "--no-languagetool", "--no-cache", "--format", "json", *args, "s.txt", cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        return [(f["rule"], f["line"]) for f in json.loads(proc.stdout)["findings"]]

    assert ids() == [(UNUSED, 3), (UNUSED, 6)]
    assert ids("--select", "typo,copylint.unused-suppression") == [(UNUSED, 3)]
    assert ids("--ignore", "copylint.unused-suppression") == []


def test_a_file_answered_from_the_results_cache_reports_the_same(tmp_path, monkeypatch):
    from copylint import runner
    from copylint.config import ConfigResolver

    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "s.txt").write_text(
        "Headline for the story here\n\n<!-- copylint: ignore typo.repeated-word -->\nA clean line.\n\n"
        "<!-- copylint: ignore typo.repeated-word -->\nA the the slip.\n", encoding="utf-8")
    checked = []
    real = runner.lint_one
    monkeypatch.setattr(runner, "lint_one", lambda path, *a, **k: checked.append(path) or real(path, *a, **k))
    runs = []
    for _ in range(2):
        resolver = ConfigResolver(None, {"cache_dir": str(tmp_path / "cache"), "languagetool": False})
        runs.append([(f.rule, f.line, f.message) for f in runner.run([str(tmp_path / "desk")], resolver, jobs=1).findings])
    assert len(checked) == 1  # the second run read the cache
    assert runs[0] == runs[1] == [(UNUSED, 3, "unused suppression: no 'typo.repeated-word' finding here to suppress")]


def _suppressed_by_scan(s, rule_id: str, start: int, end: int) -> bool:
    """The plain statement: every range that covers the finding, each looked at."""
    from copylint.registry import matches_prefix

    hit = False
    for name in s.file_rules:
        if matches_prefix(rule_id, name):
            s.file_used.add(name)
            hit = True
    for rs, re_, rules, dn in s.ranges:
        if rs <= start and end <= re_:
            if not rules:
                s.used.add((dn, ""))
                hit = True
            for name in rules:
                if matches_prefix(rule_id, name):
                    s.used.add((dn, name))
                    hit = True
    return hit


def test_suppressed_agrees_with_a_scan_of_every_range() -> None:
    # nested and overlapping ranges of several names: the walk back from the finding must
    # answer as a look at every range does, and mark the same names used
    import random

    from copylint.engine import Suppressions

    rng = random.Random(11)
    names = [(), ("typo",), ("typo.spelling",), ("house.kyiv",), ("typo", "house")]
    for _ in range(3000):
        ranges = []
        for dn in range(rng.randint(0, 8)):
            a, b = rng.randint(0, 40), rng.randint(0, 40)
            ranges.append((min(a, b), max(a, b), rng.choice(names), dn))
        fast = Suppressions(list(ranges), ())
        slow = Suppressions(list(ranges), ())
        for _ in range(10):
            rule_id = rng.choice(["typo.spelling", "typo.double-space", "house.kyiv", "style.x"])
            start = rng.randint(0, 40)
            end = rng.randint(start, 40)
            assert fast.suppressed(rule_id, start, end) == _suppressed_by_scan(slow, rule_id, start, end)
        assert fast.used == slow.used, ranges


def test_a_suppression_of_copylints_own_notices_is_said_to_do_nothing():
    """Comments and the front matter's list do not suppress copylint's own notices, yet a
    comment naming one (`ignore copylint.unused-suppression`, `disable copylint.encoding`)
    was neither unknown nor ever judged unused: it did nothing without a word, and the
    notice it was meant to hide stayed."""
    text = ("---\ntitle: Council votes on the budget\ncopylint:\n  disable: [copylint.front-matter]\n---\n\n"
            "<!-- copylint: disable copylint.encoding, typo.repeated-word -->\n"
            "The caf\ufffd opened and the the doors.\n\n"
            "<!-- copylint: ignore copylint -->\nIt closed.\n")
    found = lint_text(text, "story.md", MECH)
    notices = [(f.line, f.matched, f.message) for f in found if f.rule == "copylint.unknown-suppression"]
    assert [(line, matched) for line, matched, _ in notices] == [
        (4, "copylint.front-matter"), (7, "copylint.encoding"), (10, "copylint")]
    assert notices[1][2] == ("suppression names 'copylint.encoding', copylint's own notice, which no suppression "
                             "reaches: leave it out with `ignore:` in the config or --ignore copylint.encoding")
    assert notices[0][2].startswith("front matter disables 'copylint.front-matter', copylint's own notice,")
    assert "copylint's own notices, which no suppression reaches: leave them out" in notices[2][2]
    # the rule named beside the notice is suppressed as before
    assert "typo.repeated-word" not in [f.rule for f in found]
