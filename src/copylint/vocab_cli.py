"""``copylint vocab add``: add words and names to the project's vocabulary folder."""

from __future__ import annotations

import os
from pathlib import Path

import click

from .cli import fail, main


@main.group("vocab")
def vocab() -> None:
    """The project's accept and reject lists (the config key ``vocabulary``)."""


@vocab.command("add")
@click.argument("entries", nargs=-1, required=True)
@click.option("--reject", is_flag=True, help="Add to reject.txt (always reported) instead of accept.txt.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Use this config file instead of the one found from the current folder.")
def add(entries: tuple[str, ...], reject: bool, config_path: str | None) -> None:
    """Add ENTRIES (a word, or a full name in quotes: "Olena Zelenska") to accept.txt in
    the first folder the config's ``vocabulary`` names, as an editor's "add to
    dictionary" does. Entries already there are left as they are."""
    from .config import ConfigResolver
    from .vocabulary import LISTS, VocabularyError, add_entries

    settings = ConfigResolver(config_path).base_for(os.getcwd())
    if not settings.vocabulary:
        where = settings.source or "no config file was found"
        fail(f"{where}: no vocabulary folder: add `vocabulary: [vocab]` to the config "
             "and create the folder vocab (it holds accept.txt and reject.txt)")
    folder = Path(settings.vocabulary[0])
    kind = "reject" if reject else "accept"
    try:
        added = add_entries(folder, list(entries), kind)
    except VocabularyError as exc:
        fail(str(exc))
    target = folder / LISTS[kind]
    if added:
        click.echo(f"added to {target}: {', '.join(added)}")
    else:
        click.echo(f"already in {target}: nothing added")
