"""``copylint people``: import officeholders into the people base, check people files,
and show what the base knows about a name."""

from __future__ import annotations

from pathlib import Path

import click

from .cli import fail, main


@main.group("people")
def people() -> None:
    """The people base behind the facts.title-* rules (rules/people/*.yaml)."""


@people.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the people file here (default: print it).")
@click.option("--source", help="Where the data comes from (recorded in the file).")
@click.option("--skip-unknown", is_flag=True, help="Skip rows whose position is not a known title, with a warning.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The date the export was taken (default: today): open terms are known up to it.")
def import_cmd(file: str, output: str | None, source: str | None, skip_unknown: bool, as_of) -> None:
    """Convert a CSV or JSON export, such as Wikidata's "position held" with start and end
    dates, into a people file. Add it to the base with the config key ``people``. The file
    records ``as_of`` so that, past that date, an open term is not taken as still held."""
    from .people.importer import ImportError_, import_file
    from .people.kb import KBError, load_kb

    path = Path(file)
    if not path.is_file():
        fail(f"{file}: file not found")
    if output:  # its folder is made, as `copylint check -o` makes it
        try:
            Path(output).absolute().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"-o {output}: cannot make its folder: {exc.strerror or exc}")
    if as_of is not None:
        from .readers.common import EARLIEST_DATE, LATEST_DATE, judged_date

        if not judged_date(as_of.date()):
            fail(f"--as-of: {as_of.date()} is outside the years copylint judges articles in "
                 f"({EARLIEST_DATE.year} to {LATEST_DATE.year})")
    try:
        kb = load_kb()
        warnings: list[str] = []
        text, n_people, n_positions = import_file(kb, path, Path(output) if output else None, source,
                                                  skip_unknown, warnings, as_of.date() if as_of else None)
    except (ImportError_, KBError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"-o {output}: cannot write the people file: {exc.strerror or exc}")
    for w in warnings:
        click.echo(f"copylint: warning: {w}", err=True)
    if output:
        click.echo(f"wrote {output}: {n_people} people, {n_positions} positions", err=True)
    else:
        click.echo(text, nl=False)


def configured_people(config_path: str | None) -> list[str]:
    """The config's ``people`` files and folders (found from the working folder, as
    check finds it): the base a check there judges titles by."""
    import os

    from .config import ConfigResolver

    return list(ConfigResolver(config_path).base_for(os.getcwd()).people)


@people.command("check")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=True))
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file whose people key to load too.")
def check_cmd(files: tuple[str, ...], config_path: str | None) -> None:
    """Load the shipped base, the config's people files and FILES; report the first
    malformed entry as file:line, overlapping terms of one office for one person and two
    holders at once of an office that has one (a President, a Prime Minister) among them."""
    from .people.kb import KBError, load_kb

    try:
        kb = load_kb([*configured_people(config_path), *files])
    except KBError as exc:
        fail(str(exc))
    n = sum(len(p.positions) for p in kb.people.values())
    click.echo(f"people base OK: {len(kb.people)} people, {n} positions")


@people.command("show")
@click.argument("name", nargs=-1, required=True)
@click.option("--people", "extra", multiple=True, type=click.Path(), help="Extra people file or folder.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file whose people key to load too.")
def show_cmd(name: tuple[str, ...], extra: tuple[str, ...], config_path: str | None) -> None:
    """What the base knows about NAME (a full name or a surname), with the config's
    people files."""
    from .people.kb import KBError, load_kb, name_keys

    try:
        kb = load_kb([*configured_people(config_path), *extra])
    except KBError as exc:
        fail(str(exc))
    keys = name_keys(" ".join(name))
    found = next((kb.full_index[k] for k in keys if k in kb.full_index), None) or \
        next((kb.surname_index[k] for k in keys if k in kb.surname_index), [])
    if not found:
        fail(f"no one called {' '.join(name)!r} in the people base")
    for person in found:
        click.echo(f"{person.name}  ({person.where})")
        for p in person.positions:
            end = p.end.isoformat() if p.end else (f"open (known to {p.as_of})" if p.as_of else "open")
            click.echo(f"  {kb.office_label(p):<34} {p.start.isoformat()} .. {end}   [{p.source}]")
