"""The speller through the real CLI, configured by a project's .copylint.yaml."""

from __future__ import annotations

import json

from helpers import run_cli


def test_config_language_and_vocabulary(tmp_path):
    (tmp_path / ".copylint.yaml").write_text(
        "select: [typo.spelling]\nlanguage: en-GB\naccept: [Arakhamiya, mln]\nreject: [alright]\n",
        encoding="utf-8")
    (tmp_path / "story.md").write_text(
        "# Talks on defence\n\nArakhamiya said the 5 mln plan was alright, but the goverment "
        "had to recieve the colour-coded list first.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", str(tmp_path / "story.md"), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)
    findings = findings["findings"] if isinstance(findings, dict) else findings
    got = [(f["matched"], f["suggestions"][:1]) for f in findings]
    # en-GB: defence and colour are right; Arakhamiya and mln accepted; alright rejected
    assert got == [("alright", got[0][1]), ("goverment", ["government"]), ("recieve", ["receive"])]
    assert findings[1]["line"] == 3 and findings[1]["fix"]["safe"] is True
