"""The library API and third-party rules through the ``copylint.rules`` entry-point group."""

from __future__ import annotations

import json
import os
import textwrap

import copylint
from copylint.config import Settings
from helpers import run_cli

PLUGIN = textwrap.dedent('''
    from copylint.model import Hit
    from copylint.registry import rule

    @rule("desk.no-exclamation", "Exclamation marks in news copy", severity="info", skips=("quote",))
    def no_exclamation(doc, ctx):
        """Exclamation marks belong in quotes, not in the paper's own voice."""
        for i, ch in enumerate(doc.text):
            if ch == "!":
                yield Hit(i, i + 1, "exclamation mark in news copy")
''')


def test_lint_text_returns_findings_with_source_positions():
    findings = copylint.lint_text("Talks resume in in Kyiv\n\nBody text here.\n", path="story.txt",
                                  config=Settings(select=["typo.repeated-word"]))
    assert [(f.rule, f.line, f.column, f.end_column, f.matched) for f in findings] == [
        ("typo.repeated-word", 1, 16, 19, " in")]


def test_lint_paths_on_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Storm hits the the coast\n\nBody.\n")
    (tmp_path / "b.txt").write_text("Storm hits the the coast\n\nOther body.\n")
    findings = copylint.lint_paths([tmp_path], config=Settings(select=["typo.repeated-word", "structure"]))
    got = [(os.path.basename(f.path), f.rule) for f in findings]
    assert got == [("a.txt", "structure.duplicate-headline"), ("a.txt", "typo.repeated-word"),
                   ("b.txt", "structure.duplicate-headline"), ("b.txt", "typo.repeated-word")]
    dup = findings[0]
    assert dup.related[0].path.endswith("b.txt") and dup.related[0].line == 1


def test_lint_paths_raises_for_a_path_it_cannot_check(tmp_path):
    """A user's script got [] for a missing file, where the command line exits 2: a
    missing story is no clean story. A binary file is skipped, as the CLI skips it."""
    import pytest

    (tmp_path / "a.txt").write_text("Head line\n\nThe the end.\n")
    (tmp_path / "photo.txt").write_bytes(b"\x00\x01binary")
    assert [f.rule for f in copylint.lint_paths([tmp_path], config=Settings(select=["typo.repeated-word"]))] == [
        "typo.repeated-word"]
    with pytest.raises(copylint.LintError) as exc:
        copylint.lint_paths([tmp_path / "nosuch.md", tmp_path / "a.txt"])
    assert exc.value.problems == [(str(tmp_path / "nosuch.md"), "no such file or directory")]


def test_entry_point_plugin_rule_runs(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "desk_rules.py").write_text(PLUGIN)
    dist = site / "desk_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: desk-rules\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[copylint.rules]\ndesk = desk_rules\n")
    story = tmp_path / "story.txt"
    story.write_text('Cup final tonight!\n\nThe fans sang "We won!" and left.\n')
    env = {"PYTHONPATH": os.pathsep.join([str(site)])}
    proc = run_cli("rules", cwd=tmp_path, env=env)
    listed = next(line for line in proc.stdout.splitlines() if line.startswith("desk.no-exclamation"))
    assert "[plugin]" in listed  # it said [built-in]
    # run_cli prepends the checkout's src to PYTHONPATH; the plugin's site follows it
    proc = run_cli("check", "--format", "json", "--select", "desk", str(story), cwd=tmp_path, env=env)
    found = [(f["line"], f["column"]) for f in json.loads(proc.stdout)["findings"]]
    assert found == [(1, 18)]  # the "!" inside the quotation is skipped


def test_a_long_lived_caller_does_not_keep_every_settings_and_rule_set(monkeypatch):
    """The per-settings options cache is emptied past its size: a process that lints one
    text at a time with new settings (a CMS hook, the language server after config edits)
    kept every rule set alive through it before (18 GB after 31,000 configs). Results do
    not change when it is emptied."""
    import weakref

    from copylint import engine

    monkeypatch.setattr(engine, "_OPTIONS_CACHE_SIZE", 40, raising=False)
    engine._OPTIONS_CACHE.clear()
    text = "Talks resume in Kiev\n\nThe goverment said on Thursday that the the talks would resume.\n"
    first = None
    old_settings = None
    for i in range(12):
        settings = Settings(languagetool=False)
        found = [(f.rule, f.line, f.column) for f in copylint.lint_text(text, path="a.txt", config=settings)]
        assert len(engine._OPTIONS_CACHE) <= 40
        first = first or found
        assert found == first
        if i == 0:
            old_settings = weakref.ref(settings)
        del settings
    # (the repeated word is reported with the space before it, which its fix deletes too)
    assert ("typo.spelling", 3, 5) in first and ("typo.repeated-word", 3, 40) in first
    import gc

    gc.collect()
    assert old_settings() is None  # the first call's settings are no longer held anywhere


def test_a_broken_config_is_the_documented_lint_error(tmp_path):
    """From an integration audit: a CMS catching copylint.LintError, as the README and
    the error's own docstring ("a broken config") promise, crashed on a ConfigError
    from lint_paths and lint_text."""
    import pytest

    story = tmp_path / "story.md"
    story.write_text("The goverment said.\n")
    config = tmp_path / "desk.yaml"
    config.write_text("ignore: [typo.spelling\n")
    with pytest.raises(copylint.LintError) as exc:
        copylint.lint_paths([story], config=config)
    ((path, message),) = exc.value.problems
    assert path == str(story) and message.startswith(f"{config}:2: invalid YAML")
    with pytest.raises(copylint.LintError) as exc:
        copylint.lint_text("The goverment said.\n", path="story.md", config=config)
    ((path, message),) = exc.value.problems
    assert path == "story.md" and message.startswith(f"{config}:2: invalid YAML")
    with pytest.raises(copylint.LintError, match="pack not found"):
        copylint.lint_text("The goverment said.\n", path="story.md", config=Settings(packs=["nosuch"]))
    with pytest.raises(copylint.LintError, match="option 'allow' of rule typo.repeated-word"):
        copylint.lint_text("The the end.\n", config=Settings(rules={"typo.repeated-word": {"allow": 3}}))


def test_lint_text_refuses_a_misspelt_rule_id_as_the_command_line_does(tmp_path):
    """lint_paths and `check` refuse `select: [typo.speling]`; lint_text returned no
    findings at all for it, so a CMS passed every story."""
    import pytest

    with pytest.raises(copylint.LintError, match=r"unknown rule or prefix 'typo.speling' in 'select' "
                                                 r"\(did you mean 'typo.spelling'\?\)"):
        copylint.lint_text("The goverment said.\n", config=Settings(select=["typo.speling"]))
    config = tmp_path / ".copylint.yaml"
    config.write_text("ignore: [typo.double-spaces]\n")
    with pytest.raises(copylint.LintError, match=r"\.copylint\.yaml:1: unknown rule or prefix 'typo.double-spaces'"):
        copylint.lint_text("The goverment said.\n", path=str(tmp_path / "story.md"))


BROKEN_PLUGIN = textwrap.dedent('''
    from copylint.registry import rule

    @rule("desk.fragile", "A desk rule with a bug")
    def fragile(doc, ctx):
        """Fails on one story, as a buggy rule does."""
        if "storm" in doc.text:
            raise ValueError("cannot read the storm")
        return iter(())
''')


def test_a_rule_that_fails_on_a_story_names_that_story(tmp_path):
    """A rule's exception ended the run with "internal error: ValueError: ..." and no
    file name, so the desk could not tell which of its stories to look at."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "fragile_rules.py").write_text(BROKEN_PLUGIN)
    dist = site / "fragile_rules-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: fragile-rules\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[copylint.rules]\nfragile = fragile_rules\n")
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "a.txt").write_text("Calm day at sea\n\nThe sea was calm.\n")
    (stories / "b.txt").write_text("Storm at sea\n\nThe storm hit the coast.\n")
    env = {"PYTHONPATH": str(site)}
    for jobs in ("1", "2"):
        proc = run_cli("check", "--no-cache", "--jobs", jobs, "--select", "desk", "stories", cwd=tmp_path, env=env)
        assert proc.returncode == 2
        assert proc.stderr.strip() == (f"copylint: error: {os.path.join('stories', 'b.txt')}: internal error while "
                                       "checking it: ValueError: cannot read the storm (set COPYLINT_DEBUG=1 for details)")
