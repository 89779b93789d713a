"""``copylint languagetool install | status | clear-cache``: provisioning LanguageTool
without internet access other than a Maven repository, and saying what a check would use."""

from __future__ import annotations

import os
import shutil

import click

from .cli import fail, main


@main.group("languagetool")
def languagetool_group() -> None:
    """Install LanguageTool for offline use and see what copylint will use."""


@languagetool_group.command("install")
@click.option("--dir", "root", type=click.Path(file_okay=False),
              help="Install under this folder (default: $COPYLINT_CACHE_DIR/languagetool or ~/.cache/copylint/languagetool).")
@click.option("--version", "version", metavar="VERSION",
              help="LanguageTool version (default: the one language-tool-python expects).")
@click.option("--offline", is_flag=True, help="Let mvn use only its local repository (mvn -o).")
@click.option("--force", is_flag=True, help="Fetch again even when already installed.")
@click.option("--quiet", "-q", is_flag=True, help="Print only the installation's path.")
def install_cmd(root: str | None, version: str | None, offline: bool, force: bool, quiet: bool) -> None:
    """Fetch LanguageTool's HTTP server and English module from Maven Central with mvn.

    A second run returns at once. Afterwards `copylint check` finds and starts it with no
    further configuration."""
    from pathlib import Path

    from .languagetool.install import InstallError, cache_root, inspect, install, preferred_version

    target_root = cache_root(root)
    wanted = version or preferred_version()
    already = inspect(target_root / wanted, "") is not None and not force
    log = (lambda s: None) if quiet else (lambda s: click.echo(s, err=True))
    try:
        inst = install(version, Path(target_root), offline=offline, force=force, log=log)
    except InstallError as exc:
        fail(str(exc))
    if quiet:
        click.echo(str(inst.path))
        return
    state = "already installed" if already else "installed"
    click.echo(f"LanguageTool {inst.version} {state} in {inst.path}")
    click.echo("  copylint check starts it when needed (or set LTP_JAR_DIR_PATH / languagetool-dir to this folder);")
    click.echo(f"  language-tool-python starts it with LTP_PATH={inst.path.parent}")


@languagetool_group.command("status")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file to read languagetool settings from.")
@click.option("--languagetool-url", metavar="URL", help="Check this server URL.")
def status_cmd(config_path: str | None, languagetool_url: str | None) -> None:
    """Say what LanguageTool copylint would use: version, path, java, server URL."""
    from .config import ConfigResolver
    from .languagetool.cache import ResultCache
    from .languagetool.install import find_installation, java_version, preferred_version
    from .languagetool.server import ServerError, normalize_url, probe
    from .languagetool.session import _configured_dir

    settings = ConfigResolver(config_path, {"languagetool_url": languagetool_url}).base_for(os.getcwd())
    try:
        from importlib.metadata import version as dist_version

        ltp = dist_version("language-tool-python")
    except Exception:
        ltp = "not installed"
    click.echo(f"language-tool-python: {ltp} (expects LanguageTool {preferred_version()})")
    java = java_version()
    click.echo(f"java: {java[0]} (Java {java[1]})" if java else "java: not found on PATH")
    click.echo(f"mvn: {shutil.which('mvn') or 'not found on PATH (needed only to install)'}")
    inst = find_installation(_configured_dir(settings))
    if inst:
        click.echo(f"installation: {inst.path} (LanguageTool {inst.version}, found via {inst.origin})")
    else:
        click.echo("installation: none found (run: copylint languagetool install)")
    usable = False
    if settings.languagetool_url:
        url = normalize_url(settings.languagetool_url)
        try:
            found = probe(url, settings.language, timeout=30)
            click.echo(f"server URL: {url}: reachable, LanguageTool {found}")
            usable = True
        except ServerError as exc:
            click.echo(f"server URL: {url}: {exc}")
    else:
        click.echo("server URL: none configured (copylint starts the installation above when needed)")
        usable = inst is not None and java is not None
    if settings.languagetool is False:
        click.echo("engine: built-in checks only (languagetool: false)")
    else:
        required = " (required)" if settings.languagetool else ""
        click.echo(f"engine: LanguageTool{required} will be used" if usable
                   else f"engine: built-in checks only — LanguageTool is not usable{required}")
    cache = ResultCache(answers_path(settings.cache_dir))
    if cache.path.exists():
        click.echo(f"result cache: {cache.path} ({cache.count()} paragraphs)")
    else:
        click.echo(f"result cache: {cache.path} (empty)")


def answers_path(cache_dir: str | None):
    """Where a check keeps LanguageTool's answers: beside its results (``cache-dir``)."""
    from pathlib import Path

    from .languagetool.cache import default_path

    return Path(cache_dir) / default_path().name if cache_dir else default_path()


@languagetool_group.command("clear-cache")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="The folder given to check --cache-dir (default: the config's cache-dir, else the user cache folder).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file to read cache-dir from.")
def clear_cache_cmd(cache_dir: str | None, config_path: str | None) -> None:
    """Forget LanguageTool's cached answers."""
    from .cli import configured_cache_dir
    from .languagetool.cache import ResultCache

    cache = ResultCache(answers_path(cache_dir or configured_cache_dir(config_path)))
    n = cache.clear() if cache.path.exists() else 0
    click.echo(f"removed {n} cached paragraph result(s) from {cache.path}")
