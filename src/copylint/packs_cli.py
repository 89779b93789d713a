"""``copylint test-rules``: run the examples every pack rule carries, so a style guide
written as data cannot silently rot; ``copylint preview-rules``: a draft pack's findings on
an archive beside the live pack's, before it goes live. Registered on the main command group."""

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
        elif r.expect == "fail" and r.fixed is not None:
            click.echo(f"{r.where}: FAIL: {r.rule}: the fix gave {r.fixed!r}, not the example's 'fixed'")
        elif r.expect == "fail":
            click.echo(f"{r.where}: FAIL: {r.rule}: fail example gave no finding: {r.example!r}")
        else:
            click.echo(f"{r.where}: FAIL: {r.rule}: pass example gave {len(r.found)} finding(s): "
                       f"{r.example!r} -> {r.found[0]}")
    n_rules = len({r.rule for r in results})
    click.echo(f"{len(results)} example(s) of {n_rules} rule(s) in {len(specs)} pack(s): "
               f"{len(failures)} failure(s)", err=True)
    raise click.exceptions.Exit(EXIT_FINDINGS if failures else EXIT_CLEAN)


@main.command("preview-rules")
@click.argument("draft")
@click.argument("paths", nargs=-1, required=True)
@click.option("--against", "live", help="The live pack to compare with (a path or a shipped pack's name); "
              "default: the shipped or configured pack of the draft's name.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--examples", "-n", default=5, show_default=True, help="Sample findings to show per rule and change.")
def preview_rules(draft: str, paths: tuple[str, ...], live: str | None, config_path: str | None, examples: int) -> None:
    """Preview a draft rule pack on an archive before it goes live: each rule's findings
    in the live pack and in the draft, what the draft adds and takes away (with samples),
    in how many articles each rule fires, and the rules that never fire or fire in a fifth
    of the articles or more. DRAFT is a pack file (or a shipped pack's name); PATHS are
    article files and folders. Files are read, never written; the exit code is 0."""
    from .packs import PackError, pack_specs
    from .packs.loader import read_pack, resolve_entries
    from .packs.preview import preview, report
    from .runner import Problem, discover

    resolver = ConfigResolver(config_path, {})
    itself = False  # the draft is the configured pack's own file
    try:
        [draft_path] = resolve_entries([draft])
        spec = read_pack(draft_path)
        if live is not None:
            [live_path] = resolve_entries([live])
            live_spec = read_pack(live_path)
        else:
            base = resolver.base_for(os.getcwd())
            same_name = [s for s in pack_specs(list(base.packs)) if s.name == spec.name]
            live_spec = next((s for s in same_name if os.path.realpath(s.path) != os.path.realpath(spec.path)), None)
            itself = live_spec is None and bool(same_name)
    except PackError as exc:
        fail(str(exc))
    if live_spec is not None and live_spec.name != spec.name:
        fail(f"{live_spec.path}: pack {live_spec.name!r} is not the draft's pack {spec.name!r}")
    problems: list[Problem] = []
    files = discover(list(paths), problems)
    for p in problems:
        click.echo(f"copylint: {p.path}: {p.message}", err=True)
    if not files:
        fail("no article files to preview on")
    result = preview(spec, live_spec, files, resolver)
    compared = live_spec is not None
    if compared:
        against = f" against {live_spec.path}"
    elif itself:
        against = (" (this file is the live pack, so there is nothing to compare: findings only; edit a copy, "
                   "or give the committed version with --against)")
    else:
        against = " (no live pack of that name: findings only)"
    click.echo(f"draft pack {spec.name!r} ({spec.path}) on {result.articles} article(s), "
               f"{result.bytes / 1e6:.2f} MB{against}")
    for line in report(result, compared, examples):
        click.echo(line)
    for line in result.unreadable:
        click.echo(f"copylint: {line}", err=True)
    raise click.exceptions.Exit(EXIT_CLEAN)
