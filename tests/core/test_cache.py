"""The results cache: an unchanged article is not checked again, and nothing that changes
findings (the article, the config, a pack, the LanguageTool in use) is missed."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from copylint import runner
from copylint.cache import KEEP_ENVIRONMENTS, ResultsCache
from copylint.config import ConfigResolver
from copylint.model import Severity
from helpers import run_cli

STORY = "Council approves budget\n\nThe council approved the the budget on Monday.\n"
OTHER = "Storm closes harbour\n\nThe harbour was closed on Tuesday after the storm.\n"
SAME_HEADLINE = "Council approves budget\n\nThe vote was close, officials said on Monday.\n"


def _desk(tmp_path: Path, files: dict[str, str], config: str = "") -> Path:
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / ".copylint.yaml").write_text(config or "languagetool: false\n", encoding="utf-8")
    for name, text in files.items():
        (desk / name).write_text(text, encoding="utf-8")
    return desk


def _run(desk: Path, cache_dir: Path, monkeypatch, **cli) -> tuple[runner.RunResult, list[str]]:
    """One run in this process, with the names of the files it actually checked."""
    checked: list[str] = []
    real = runner.lint_one

    def counting(path, *args, **kwargs):
        checked.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(runner, "lint_one", counting)
    resolver = ConfigResolver(None, {"cache_dir": str(cache_dir), **cli})
    result = runner.run([str(desk)], resolver, jobs=1)
    return result, sorted(checked)


def _summary(result: runner.RunResult) -> list[tuple]:
    return [(Path(f.path).name, f.rule, f.line, f.column, f.message) for f in result.findings]


def test_a_second_run_checks_nothing_and_reports_the_same(tmp_path, monkeypatch):
    desk = _desk(tmp_path, {"a.txt": STORY, "b.txt": OTHER})
    first, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == ["a.txt", "b.txt"]
    second, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == []
    assert _summary(second) == _summary(first)
    assert ("a.txt", "typo.repeated-word", 3, 25, "the word 'the' is repeated") in _summary(second)
    assert second.files_checked == 2 and second.bytes_checked == first.bytes_checked


def test_an_edited_article_alone_is_checked_again(tmp_path, monkeypatch):
    desk = _desk(tmp_path, {"a.txt": STORY, "b.txt": OTHER})
    _run(desk, tmp_path / "cache", monkeypatch)
    (desk / "a.txt").write_text(STORY.replace("the the", "the"), encoding="utf-8")
    result, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == ["a.txt"]
    assert not [f for f in result.findings if f.rule == "typo.repeated-word"]


def test_other_settings_or_an_edited_pack_check_again(tmp_path, monkeypatch):
    pack = tmp_path / "desk.yaml"
    pack.write_text(
        "pack: desk\nrules:\n  - id: monday\n    kind: existence\n    message: Say the date.\n"
        "    tokens: [Monday]\n    tests: {fail: [on Monday], pass: [on 3 March]}\n", encoding="utf-8")
    desk = _desk(tmp_path, {"a.txt": STORY}, config=f"languagetool: false\npacks: [{pack}]\n")
    first, _ = _run(desk, tmp_path / "cache", monkeypatch)
    assert "desk.monday" in {f.rule for f in first.findings}

    _, checked = _run(desk, tmp_path / "cache", monkeypatch, fail_on=Severity.ERROR)
    assert checked == []  # what fails the run does not change what is found

    ignored, checked = _run(desk, tmp_path / "cache", monkeypatch, ignore=["typo.repeated-word"])
    assert checked == ["a.txt"]
    assert "typo.repeated-word" not in {f.rule for f in ignored.findings}

    pack.write_text(pack.read_text(encoding="utf-8").replace("[Monday]", "[budget]").replace(
        "fail: [on Monday]", "fail: [the budget]").replace("on 3 March", "the plan"), encoding="utf-8")
    edited, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == ["a.txt"]
    hits = [f.matched for f in edited.findings if f.rule == "desk.monday"]
    assert hits == ["budget", "budget"]  # headline and body; Monday no longer


def test_headlines_shared_across_articles_are_found_from_cached_facts(tmp_path, monkeypatch):
    desk = _desk(tmp_path, {"a.txt": STORY, "b.txt": OTHER})
    _run(desk, tmp_path / "cache", monkeypatch)
    (desk / "c.txt").write_text(SAME_HEADLINE, encoding="utf-8")
    result, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == ["c.txt"]
    shared = sorted(Path(f.path).name for f in result.findings if f.rule == "structure.duplicate-headline"
                    and f.message.startswith("another article"))
    assert shared == ["a.txt", "c.txt"]
    again, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == [] and _summary(again) == _summary(result)


def test_fixes_from_cached_findings_edit_the_right_characters(tmp_path):
    desk = _desk(tmp_path, {"a.txt": STORY})
    cache = ["--cache-dir", str(tmp_path / "cache")]
    assert run_cli("check", *cache, "a.txt", cwd=desk).returncode == 1
    proc = run_cli("check", *cache, "--fix", "a.txt", cwd=desk)
    assert (desk / "a.txt").read_text(encoding="utf-8") == STORY.replace("the the", "the"), proc.stderr


def test_cli_output_is_identical_cold_and_warm_and_no_cache_writes_nothing(tmp_path):
    desk = _desk(tmp_path, {"a.txt": STORY, "b.txt": OTHER, "c.txt": SAME_HEADLINE})
    cache = tmp_path / "cache"
    cold = run_cli("check", "--format", "json", "--cache-dir", str(cache), ".", cwd=desk)
    warm = run_cli("check", "--format", "json", "--cache-dir", str(cache), ".", cwd=desk)
    assert cold.returncode == warm.returncode == 1
    assert json.loads(warm.stdout) == json.loads(cold.stdout)
    assert len(list(cache.glob("results/*/*/*.json"))) == 3

    off = tmp_path / "off"
    plain = run_cli("check", "--format", "json", "--no-cache", "--cache-dir", str(off), ".", cwd=desk)
    assert json.loads(plain.stdout) == json.loads(cold.stdout)
    assert not off.exists()


def test_a_damaged_entry_is_a_miss(tmp_path, monkeypatch):
    desk = _desk(tmp_path, {"a.txt": STORY})
    first, _ = _run(desk, tmp_path / "cache", monkeypatch)
    (entry,) = (tmp_path / "cache").glob("results/*/*/*.json")
    entry.write_text('{"content": "', encoding="utf-8")
    result, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == ["a.txt"] and _summary(result) == _summary(first)


def test_an_entry_of_another_shape_is_a_miss_too(tmp_path, monkeypatch):
    """A user edited an entry, keeping its content hash: every run then failed with
    "internal error: ValueError: not enough values to unpack", until the cache was cleared."""
    import json

    desk = _desk(tmp_path, {"a.txt": STORY})
    first, _ = _run(desk, tmp_path / "cache", monkeypatch)
    (entry,) = (tmp_path / "cache").glob("results/*/*/*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    for damage in ({"findings": [[1, 2, 3, 4, 5]]}, {"facts": None}, {"findings": None}):
        entry.write_text(json.dumps({**data, **damage}), encoding="utf-8")
        result, checked = _run(desk, tmp_path / "cache", monkeypatch)
        assert checked == ["a.txt"] and _summary(result) == _summary(first)


def test_an_edit_in_a_folder_of_people_files_checks_again(tmp_path, monkeypatch):
    """A user's config named a folder (people: [desk/], as rules/people/README.md shows):
    only files counted in the cache's key, so an edited person kept the old finding."""
    people = tmp_path / "people"
    people.mkdir()
    person = people / "desk.yaml"
    person.write_text("people:\n  - name: Karl Brindlemoss\n    source: desk\n    positions:\n"
                      "      - {title: Prime Minister, of: GB, start: 2030-01-01}\n", encoding="utf-8")
    story = "Plant visit\n\nPrime Minister Karl Brindlemoss visited the plant.\n"
    desk = _desk(tmp_path, {"a.txt": story},
                 config=f"languagetool: false\nselect: [facts]\ndate: 2028-05-05\npeople: [{people}]\n")
    first, _ = _run(desk, tmp_path / "cache", monkeypatch)
    assert [f.rule for f in first.findings] == ["facts.title-date"]
    # (a start in Boris Johnson's term, as this test once wrote, is refused: one holder at a time)
    person.write_text(person.read_text(encoding="utf-8").replace("2030-01-01", "2027-01-01"), encoding="utf-8")
    second, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == ["a.txt"] and second.findings == [] and second.problems == []


def test_a_cache_path_that_is_a_file_is_one_notice_not_a_failure(tmp_path):
    desk = _desk(tmp_path, {"a.txt": STORY})
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder", encoding="utf-8")
    proc = run_cli("check", "--cache-dir", str(blocker / "inside"), "a.txt", cwd=desk)
    assert proc.returncode == 1, proc.stderr
    assert "results cache turned off" in proc.stderr and "Traceback" not in proc.stderr
    assert "typo.repeated-word" in proc.stdout


def test_results_are_not_kept_when_languagetool_was_meant_to_run_and_could_not(tmp_path, monkeypatch):
    """A server that is not there: the run reports without grammar, and the next run tries
    again instead of serving those incomplete results."""
    desk = _desk(tmp_path, {"a.txt": STORY}, config="select: [typo, grammar]\n")
    dead = {"languagetool_url": "http://127.0.0.1:9"}  # nothing listens on the discard port
    first, checked = _run(desk, tmp_path / "cache", monkeypatch, **dead)
    assert checked == ["a.txt"]
    assert any("LanguageTool" in n or "languagetool" in n.lower() for n in first.notices), first.notices
    assert not list((tmp_path / "cache").glob("results/*/*/*.json"))
    _, checked = _run(desk, tmp_path / "cache", monkeypatch, **dead)
    assert checked == ["a.txt"]


def test_a_required_languagetool_that_is_missing_fails_every_run(tmp_path):
    desk = _desk(tmp_path, {"a.txt": STORY}, config="select: [typo, grammar]\n")
    env = {"COPYLINT_CACHE_DIR": str(tmp_path / "empty"), "LTP_PATH": str(tmp_path / "empty"),
           "LTP_JAR_DIR_PATH": ""}
    for _ in range(2):
        proc = run_cli("check", "--require-languagetool", "--cache-dir", str(tmp_path / "cache"), "a.txt",
                       cwd=desk, env=env)
        assert proc.returncode == 2 and "not installed" in proc.stderr


def test_a_missing_languagetool_is_still_mentioned_on_a_warm_run(tmp_path):
    desk = _desk(tmp_path, {"a.txt": STORY}, config="select: [typo, grammar]\n")
    env = {"COPYLINT_CACHE_DIR": str(tmp_path / "empty"), "LTP_PATH": str(tmp_path / "empty"),
           "LTP_JAR_DIR_PATH": "", "COPYLINT_LANGUAGETOOL": "auto"}
    runs = [run_cli("check", "--cache-dir", str(tmp_path / "cache"), "a.txt", cwd=desk, env=env) for _ in range(2)]
    assert len(list((tmp_path / "cache").glob("results/*/*/*.json"))) == 1
    assert [r.stdout for r in runs] == [runs[0].stdout] * 2
    assert all("grammar checks skipped" in r.stderr for r in runs)


def test_old_environments_are_pruned(tmp_path):
    base = tmp_path / "cache" / "results"
    old = time.time() - 3600
    for n in range(KEEP_ENVIRONMENTS + 2):
        folder = base / f"old{n}"
        folder.mkdir(parents=True)
        os.utime(folder, (old - n, old - n))
    cache = ResultsCache(tmp_path / "cache", "current")
    cache.folder.mkdir(parents=True)
    cache.prune()
    left = sorted(p.name for p in base.iterdir())
    assert left == ["current"] + [f"old{n}" for n in range(KEEP_ENVIRONMENTS - 1)]


def test_cache_clear_forgets_every_result(tmp_path, monkeypatch):
    desk = _desk(tmp_path, {"a.txt": STORY, "b.txt": OTHER})
    _run(desk, tmp_path / "cache", monkeypatch)
    proc = run_cli("cache", "clear", "--cache-dir", str(tmp_path / "cache"))
    assert proc.returncode == 0 and proc.stdout.startswith("removed 2 cached result(s)")
    _, checked = _run(desk, tmp_path / "cache", monkeypatch)
    assert checked == ["a.txt", "b.txt"]


def test_cache_clear_clears_the_folder_the_config_names(tmp_path, monkeypatch):
    """A desk whose config says ``cache-dir: .cache`` ran `copylint cache clear` and was
    told "removed 0": the command cleared the user cache folder, not the desk's."""
    desk = _desk(tmp_path, {"a.txt": STORY, "b.txt": OTHER}, "languagetool: false\ncache-dir: .cache\n")
    _run(desk, desk / ".cache", monkeypatch)
    proc = run_cli("cache", "clear", cwd=desk, env={"COPYLINT_CACHE_DIR": str(tmp_path / "elsewhere")})
    assert proc.returncode == 0 and proc.stdout.startswith("removed 2 cached result(s)"), proc.stdout + proc.stderr
    _, checked = _run(desk, desk / ".cache", monkeypatch)
    assert checked == ["a.txt", "b.txt"]


def test_languagetool_clear_cache_clears_the_answers_beside_the_configs_cache_dir(tmp_path):
    from copylint.languagetool.cache import ResultCache, default_path

    desk = _desk(tmp_path, {}, "cache-dir: .cache\n")
    answers = ResultCache(desk / ".cache" / default_path().name)
    answers.put_many({"a paragraph's key": []})
    answers.close()
    proc = run_cli("languagetool", "clear-cache", cwd=desk, env={"COPYLINT_CACHE_DIR": str(tmp_path / "elsewhere")})
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("removed 1 cached paragraph result(s)"), proc.stdout
    assert ResultCache(desk / ".cache" / default_path().name).count() == 0
