"""``copylint test-rules``: run the examples every pack rule carries, so a style guide
written as data cannot silently rot. Registered on the main command group."""

from __future__ import annotations

import os

import click

from .cli import EXIT_CLEAN, EXIT_FINDINGS, fail, main
from .config import ConfigResolver


@main.command("test-rules")
@click.argument("packs", nargs=-1)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (for its packs).")
@click.option("--pack", "extra", multiple=True, type=click.Path(), help="Extra rule pack (YAML); repeatable.")
@click.option("--verbose", "-v", is_flag=True, help="List every example, not only failures.")
def test_rules(packs: tuple[str, ...], config_path: str | None, extra: tuple[str, ...], verbose: bool) -> None:
    """Run every pack rule's examples: each fail example must give a finding of its
    rule, each pass example none. PACKS are names of shipped packs or paths to pack
    files; without them, every shipped pack and the packs the config names are tested."""
    from .packs import PackError, pack_specs
    from .packs.loader import read_pack, resolve_entries, shipped_pack_files
    from .packs.testing import run_examples

    try:
        if packs:
            specs = [read_pack(p) for p in resolve_entries(list(packs) + list(extra))]
        else:
            settings = ConfigResolver(config_path, {"packs": list(extra)}).base_for(os.getcwd())
            specs = [read_pack(p, shipped=True) for p in shipped_pack_files().values()]
            seen = {s.path for s in specs}
            specs += [s for s in pack_specs(settings.packs, defaults=False) if s.path not in seen]
    except PackError as exc:
        fail(str(exc))
    if not specs:
        fail("no rule packs to test")
    results = run_examples(specs)
    failures = [r for r in results if not r.ok]
    for r in results:
        if r.ok and not verbose:
            continue
        if r.ok:
            click.echo(f"{r.where}: ok: {r.rule} {r.expect} example")
        elif r.expect == "fail":
            click.echo(f"{r.where}: FAIL: {r.rule}: fail example gave no finding: {r.example!r}")
        else:
            click.echo(f"{r.where}: FAIL: {r.rule}: pass example gave {len(r.found)} finding(s): "
                       f"{r.example!r} -> {r.found[0]}")
    n_rules = len({r.rule for r in results})
    click.echo(f"{len(results)} example(s) of {n_rules} rule(s) in {len(specs)} pack(s): "
               f"{len(failures)} failure(s)", err=True)
    raise click.exceptions.Exit(EXIT_FINDINGS if failures else EXIT_CLEAN)
