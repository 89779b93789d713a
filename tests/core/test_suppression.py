"""Suppression comments, front-matter lists and [sic]."""

from __future__ import annotations

from copylint import lint_text
from copylint.config import Settings

MECH = Settings(select=["typo.repeated-word", "typo.double-space", "copylint"])


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


def test_unknown_rule_in_suppression_is_reported():
    text = "Headline for the story here\n\n<!-- copylint: disable typo.speling -->\n\nBody text.\n"
    found = lint_text(text, "s.txt", MECH)
    assert [(f.rule, f.line, f.message) for f in found] == [
        ("copylint.unknown-suppression", 3, "suppression names an unknown rule 'typo.speling'")]


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
