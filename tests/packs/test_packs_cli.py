"""copylint test-rules, rules and explain with packs; the shipped packs' examples."""

from __future__ import annotations

import textwrap

from packtools import write_pack

from copylint.packs import pack_specs
from copylint.packs.loader import read_pack, shipped_pack_files
from copylint.packs.testing import run_examples
from helpers import run_cli


def test_every_shipped_pack_rule_passes_its_examples():
    specs = [read_pack(p, shipped=True) for p in shipped_pack_files().values()]
    assert {s.name for s in specs} >= {"house", "us", "uk"}
    results = run_examples(specs)
    failures = [f"{r.where}: {r.rule} {r.expect}: {r.example!r} -> {r.found}" for r in results if not r.ok]
    assert failures == []
    # every rule carries at least one example of each sort
    for spec in specs:
        for rule in spec.rules:
            assert rule["tests"]["fail"] and rule["tests"]["pass"], rule["id"]


def test_test_rules_command_on_shipped_packs():
    proc = run_cli("test-rules")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 failure(s)" in proc.stderr
    assert "in 3 pack(s)" in proc.stderr


def test_test_rules_reports_each_failure_with_file_line(tmp_path):
    pack = write_pack(tmp_path, "desk.yaml", textwrap.dedent("""\
        pack: desk
        rules:
          - id: kyiv
            kind: substitution
            message: "Use {replacement}."
            swap: {Kiev: Kyiv}
            tests:
              fail:
                - "Talks resumed in Kyiv."
              pass:
                - "Talks resumed in Kiev."
                - "Talks resumed in Kyiv."
        """))
    proc = run_cli("test-rules", str(pack))
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines == [
        f"{pack}:9: FAIL: desk.kyiv: fail example gave no finding: 'Talks resumed in Kyiv.'",
        f"{pack}:11: FAIL: desk.kyiv: pass example gave 1 finding(s): 'Talks resumed in Kiev.' -> Use Kyiv.",
    ]
    assert "3 example(s) of 1 rule(s) in 1 pack(s): 2 failure(s)" in proc.stderr


def test_a_fail_example_can_say_what_the_fix_makes_of_it(tmp_path):
    """From an audit: a fail example passed on any finding, so fixes such as "IPhone",
    "OKAY" and "3Rd-floor" passed CI. A fail example's `fixed` is checked against the
    example with the rule's fixes applied; a pass example has no fix to check."""
    pack = write_pack(tmp_path, "desk.yaml", textwrap.dedent("""\
        pack: desk
        rules:
          - id: brands
            kind: substitution
            message: "Write {replacement}."
            swap: {iphone: iPhone}
            tests:
              fail:
                - {body: "Iphone sales rose.", fixed: "iPhone sales rose."}
                - {body: "He sold his iphone.", fixed: "He sold his IPhone."}
              pass: ["iPhone sales rose."]
        """))
    proc = run_cli("test-rules", str(pack))
    assert proc.returncode == 1
    assert proc.stdout.splitlines() == [
        f"{pack}:10: FAIL: desk.brands: the fix gave 'He sold his iPhone.', not the example's 'fixed'"]
    pack.write_text(pack.read_text().replace('pass: ["iPhone sales rose."]',
                                             'pass: [{body: "iPhone sales rose.", fixed: "x"}]'))
    proc = run_cli("test-rules", str(pack))
    assert proc.returncode == 2 and f"{pack}:11: rule 'brands': a pass example has no finding" in proc.stderr


def test_test_rules_on_a_broken_pack_exits_2(tmp_path):
    pack = write_pack(tmp_path, "desk.yaml", "pack: desk\nrules:\n  - id: x\n    kind: existence\n")
    proc = run_cli("test-rules", str(pack))
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"copylint: error: {pack}:3: rule 'x': ")


def test_rules_lists_pack_rules_with_their_pack(tmp_path):
    proc = run_cli("rules", "--pack", "us", cwd=tmp_path)
    assert proc.returncode == 0
    lines = {line.split()[0]: line for line in proc.stdout.splitlines()}
    assert "[house]" in lines["house.kyiv"] and "Kyiv, not Kiev" in lines["house.kyiv"]
    assert "[us]" in lines["us.spelling"]
    assert "uk.spelling" not in lines  # not loaded unless named


def test_explain_shows_examples_link_and_origin(tmp_path):
    proc = run_cli("explain", "house.kyiv", cwd=tmp_path)
    assert proc.returncode == 0
    out = proc.stdout
    assert "pack: house" in out and "house.yaml:" in out
    assert "see: https://en.wikipedia.org/wiki/KyivNotKiev" in out
    assert "  fail: Talks resumed in Kiev on Monday." in out
    assert "  pass: The restaurant still serves chicken Kiev." in out
    assert "skips: quote" in out


def test_default_packs_and_named_packs():
    names = [s.name for s in pack_specs([])]
    assert names == ["house"]  # us and uk wait to be named
    assert [s.name for s in pack_specs(["uk"])] == ["house", "uk"]


def test_every_shipped_pack_passes_the_full_schema():
    from copylint.packs.loader import _load_yaml, validate

    for path in shipped_pack_files().values():
        validate(_load_yaml(path.read_text(encoding="utf-8"), str(path)), str(path), schema=True)
