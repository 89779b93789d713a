"""``copylint baseline``: record today's findings so ``check --baseline`` reports only
new ones. (The ``check`` options --fix, --diff, --baseline and --changed-since live in
postrun.py.)"""

from __future__ import annotations

import os
from pathlib import Path

import click

from .cli import fail, main, refuse_to_overwrite_input, run_options, run_settings
from .config import ConfigResolver
from .model import Severity


@main.command("baseline")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="Baseline file to write (JSON); paths in it are relative to its folder.")
@run_options
def baseline_cmd(paths: tuple[str, ...], output: str, config_path: str | None, jobs: int | None,
                 **options) -> None:
    """Record the current findings of PATHS in a baseline file. Later,
    'copylint check --baseline FILE PATHS' reports only findings that are not in it.
    Run it with the same settings as check (it takes the same run options)."""
    from .baseline import Baseline
    from .runner import run

    if not paths:
        fail("no paths given (try: copylint baseline stories/ -o copylint-baseline.json)")
    if "-" in paths:
        fail("a baseline records files: standard input cannot be baselined")
    resolver = ConfigResolver(config_path, run_settings(**options))
    result = run(list(paths), resolver, jobs=jobs)
    for p in result.problems:
        click.echo(f"copylint: {'error' if p.fatal else 'warning'}: {p.path}: {p.message}", err=True)
    for note in result.notices:
        click.echo(f"copylint: {note}", err=True)
    if any(p.fatal for p in result.problems):
        fail("baseline not written: some paths could not be checked")
    refuse_to_overwrite_input(output, result.files, "baseline")
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
