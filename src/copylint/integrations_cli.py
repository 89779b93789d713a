"""``copylint baseline``: record today's findings so ``check --baseline`` reports only
new ones. (The ``check`` options --fix, --diff, --baseline and --changed-since live in
postrun.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import click

from .cli import _split, fail, main
from .config import ConfigResolver, parse_date
from .model import Severity


@main.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Baseline file to write (JSON); paths in it are relative to its folder.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file instead of discovering one.")
@click.option("--select", multiple=True, help="Rule ids or prefixes to run (comma-separated; repeatable).")
@click.option("--ignore", multiple=True, help="Rule ids or prefixes to skip.")
@click.option("--include", multiple=True, help="Globs of files to check in folders.")
@click.option("--exclude", multiple=True, help="Globs of files or folders to skip.")
@click.option("--date", "date_", help="Judge every article as of this date (YYYY-MM-DD).")
@click.option("--language", type=click.Choice(["en-US", "en-GB"]), help="Spelling variety.")
@click.option("--pack", "packs", multiple=True, type=click.Path(), help="Extra rule pack (YAML); repeatable.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: CPU count).")
def baseline_cmd(paths: tuple[str, ...], output: str, config_path: str | None, select: tuple[str, ...],
                 ignore: tuple[str, ...], include: tuple[str, ...], exclude: tuple[str, ...],
                 date_: str | None, language: str | None, packs: tuple[str, ...], jobs: int | None) -> None:
    """Record the current findings of PATHS in a baseline file. Later,
    'copylint check --baseline FILE PATHS' reports only findings that are not in it.
    Run it with the same settings as check."""
    from .baseline import Baseline
    from .runner import run

    if not paths:
        fail("no paths given (try: copylint baseline stories/ -o copylint-baseline.json)")
    if "-" in paths:
        fail("a baseline records files: standard input cannot be baselined")
    cli_values = {
        "select": _split(select), "ignore": _split(ignore),
        "include": list(include) or None, "exclude": list(exclude) or None,
        "language": language, "packs": list(packs),
        "date": parse_date(date_, "--date") if date_ else None,
    }
    resolver = ConfigResolver(config_path, cli_values)
    result = run(list(paths), resolver, jobs=jobs)
    for p in result.problems:
        click.echo(f"copylint: {'error' if p.fatal else 'warning'}: {p.path}: {p.message}", err=True)
    if any(p.fatal for p in result.problems):
        fail("baseline not written: some paths could not be checked")
    base_dir = Path(os.path.abspath(os.path.dirname(os.path.abspath(output))))
    baseline = Baseline.from_findings(result.findings, base_dir)
    try:
        baseline.write(output)
    except OSError as exc:
        fail(f"{output}: cannot write baseline: {exc.strerror or exc}")
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in Severity}
    click.echo(f"copylint: recorded {len(result.findings)} finding(s) from {result.files_checked} file(s) "
               f"in {output} ({counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s), "
               f"{counts[Severity.INFO]} info)", err=True)
