"""``copylint lsp``: the language server for editors (the server is in lsp.py)."""

from __future__ import annotations

import click

from .cli import fail, main


@main.command("lsp")
@click.option("--config", "config_path", type=click.Path(dir_okay=False),
              help="Use this config file for every document instead of discovering one.")
@click.option("--no-languagetool", is_flag=True, help="Built-in checks only: do not start or use LanguageTool.")
@click.option("--languagetool-url", metavar="URL", help="Use the LanguageTool server at URL instead of starting one.")
def lsp(config_path: str | None, no_languagetool: bool, languagetool_url: str | None) -> None:
    """Run as a language server on standard input and output (for editors).

    Diagnostics while you type, fixes as quick fixes, an "ignore in this paragraph"
    action; config files and packs are read as `copylint check` reads them. The editor
    may pass the same choices as initializationOptions: {"config": PATH,
    "languagetool": false, "languagetoolUrl": URL}."""
    try:
        from .lsp import Options, serve
    except ImportError as exc:
        fail(f"the language server needs pygls ({exc.name} is missing): pip install 'copylint[lsp]'")
    serve(Options(config=config_path, languagetool=False if no_languagetool else None,
                  languagetool_url=languagetool_url))
