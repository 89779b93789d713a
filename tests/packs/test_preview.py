"""copylint preview-rules: a draft of a pack run on an archive beside the live pack."""

from __future__ import annotations

import textwrap

from helpers import run_cli

LIVE = textwrap.dedent("""\
    pack: desk
    rules:
      - id: kyiv
        kind: substitution
        message: "Use {replacement}, not {match}."
        swap: {Kiev: Kyiv}
        exceptions: ["chicken Kiev"]
        tests: {fail: ["in Kiev"], pass: ["in Kyiv"]}
      - id: utilise
        kind: substitution
        message: "Use {replacement}."
        swap: {utilise: use}
        tests: {fail: ["utilise it"], pass: ["use it"]}
    """)
# the draft drops the chicken Kiev exception, drops utilise, adds amid
DRAFT = textwrap.dedent("""\
    pack: desk
    rules:
      - id: kyiv
        kind: substitution
        message: "Use {replacement}, not {match}."
        swap: {Kiev: Kyiv}
        tests: {fail: ["in Kiev"], pass: ["in Kyiv"]}
      - id: amid
        kind: substitution
        message: "Write {replacement}, not {match}."
        swap: {amid: among}
        tests: {fail: ["amid talks"], pass: ["among friends"]}
    """)
STORIES = {
    "a.txt": "Talks in Kiev resume\n\nTalks resumed in Kiev amid fighting, and chicken Kiev was served.\n",
    "b.txt": "Council meets\n\nThe council will utilise the hall on Monday.\n",
    "c.txt": "Markets rise\n\nShares rose on Monday.\n",
}


def _setup(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name, text in STORIES.items():
        (archive / name).write_text(text, encoding="utf-8")
    (tmp_path / "live.yaml").write_text(LIVE, encoding="utf-8")
    (tmp_path / "draft.yaml").write_text(DRAFT, encoding="utf-8")
    return archive


def _row(out: str, rule: str) -> list[str]:
    return next(line for line in out.splitlines() if line.startswith(rule + " ")).split()


def test_the_preview_counts_what_the_draft_adds_and_takes_away(tmp_path):
    archive = _setup(tmp_path)
    before = {p.name: p.read_bytes() for p in archive.iterdir()}
    proc = run_cli("preview-rules", "draft.yaml", "archive", "--against", "live.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "on 3 article(s)" in out
    # rule, live, draft, added, gone, articles
    assert _row(out, "desk.kyiv")[:6] == ["desk.kyiv", "2", "3", "1", "0", "1"]
    amid, utilise = _row(out, "desk.amid"), _row(out, "desk.utilise")
    assert amid[:6] == ["desk.amid", "-", "1", "1", "0", "1"] and "new rule" in " ".join(amid)
    assert utilise[:6] == ["desk.utilise", "1", "-", "0", "1", "0"] and "removed" in " ".join(utilise)
    # samples name the place: the chicken Kiev the draft now flags, the utilise it no longer does
    assert "+ archive/a.txt:3:50: Use Kyiv, not Kiev." in out
    assert "- archive/b.txt:3:18: Use use." in out
    assert {p.name: p.read_bytes() for p in archive.iterdir()} == before


def test_without_a_live_pack_the_preview_lists_the_drafts_findings(tmp_path):
    archive = _setup(tmp_path)
    proc = run_cli("preview-rules", "draft.yaml", "archive", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "no live pack of that name" in proc.stdout
    assert _row(proc.stdout, "desk.kyiv")[:3] == ["desk.kyiv", "3", "1"]


def test_a_changed_message_is_no_finding_added_or_gone_and_the_config_ignores_count(tmp_path):
    """From an audit: a rule whose message alone changed showed one finding added and
    one gone; a rule the config ignores for part of the archive was counted there; and
    the configured pack's own file was called "no live pack of that name"."""
    archive = _setup(tmp_path)
    (archive / "sport").mkdir()
    (archive / "sport" / "d.txt").write_text("Cup final\n\nFans travelled from Kiev.\n", encoding="utf-8")
    (tmp_path / "draft.yaml").write_text(LIVE.replace("Use {replacement}, not {match}.", "Write {replacement}."),
                                         encoding="utf-8")
    (tmp_path / ".copylint.yaml").write_text(
        "packs: [live.yaml]\noverrides:\n  - files: ['archive/sport/**']\n    ignore: [desk.kyiv]\n", encoding="utf-8")
    proc = run_cli("preview-rules", "draft.yaml", "archive", "--against", "live.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert _row(proc.stdout, "desk.kyiv")[:6] == ["desk.kyiv", "2", "2", "0", "0", "1"]  # sport/ left out
    itself = run_cli("preview-rules", "live.yaml", "archive", cwd=tmp_path)
    assert "this file is the live pack" in itself.stdout


def test_a_broken_draft_is_one_line_naming_the_file(tmp_path):
    archive = _setup(tmp_path)
    (tmp_path / "draft.yaml").write_text("pack: desk\nrules:\n  - id: [oops\n", encoding="utf-8")
    proc = run_cli("preview-rules", "draft.yaml", str(archive), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.startswith("copylint: error: ") and "draft.yaml" in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_a_rule_firing_in_a_fifth_of_a_real_archive_is_called_broad():
    from copylint.packs.preview import Preview, RuleCounts

    counts = RuleCounts("desk.kyiv", draft=30, articles={f"{i}.txt" for i in range(5)})
    assert Preview("desk", articles=25).broad(counts)  # 5 of 25
    assert not Preview("desk", articles=26).broad(counts)  # under a fifth
    assert not Preview("desk", articles=10).broad(RuleCounts("desk.kyiv", articles={"a", "b", "c"}))  # too few to say
