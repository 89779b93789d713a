"""The HTML report: every finding's link from the list lands on its place in the story,
also when two findings mark exactly the same words."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import run_cli


def test_findings_on_the_same_words_each_have_their_anchor(tmp_path: Path) -> None:
    # the headline is both in title case (style) and shared by the two stories (structure)
    story = ("---\ntitle: Fire Destroys Warehouse In Leeds\n---\n\n"
             "A fire destroyed a warehouse in Leeds on Monday night, crews said.\n")
    (tmp_path / "z.md").write_text(story, encoding="utf-8")
    (tmp_path / "z2.md").write_text(story, encoding="utf-8")
    proc = run_cli("check", "--no-languagetool", "--no-cache", "--format", "html", "z.md", "z2.md", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    page = proc.stdout
    ids = re.findall(r'id="(m\d+)"', page)
    links = re.findall(r'href="#(m\d+)"', page)
    assert len(links) == len(re.findall(r"<li ", page)) >= 4
    assert sorted(links) == sorted(ids)  # one target per link, none twice
    # the two findings on the headline of z.md: one mark, two numbers, both reachable
    headline = re.search(r"<mark [^>]*>Fire Destroys Warehouse In Leeds</mark>((?:<a [^>]*><sup>\d+</sup></a>)+)", page)
    assert headline is not None and len(re.findall(r"<sup>", headline.group(1))) == 2
