"""Command line: arguments and exit codes only; the work is in runner, engine and formats.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage, config
or input error (a missing or unreadable path, a malformed config or pack, an internal error).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__, tool_notices
from .config import ConfigError, ConfigResolver, parse_date
from .model import Severity
from .postrun import check_extras

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a tool killed by a closed pipe


def fail(message: str) -> "click.exceptions.Exit":
    """Print a one-line error and exit 2."""
    click.echo(f"copylint: error: {message}", err=True)
    raise click.exceptions.Exit(EXIT_ERROR)


def _split(values: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


# (click 8.2+ raises this for a group run without a command; it prints the help)
_NO_ARGS_IS_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _usage_error(exc: click.UsageError, ctx: click.Context | None = None) -> "click.exceptions.Exit":
    """A bad flag or value as one line, as every other error is, instead of click's usage
    block: a CI log shows "copylint: error: ..." whatever went wrong."""
    if isinstance(exc, _NO_ARGS_IS_HELP):  # `copylint` alone: click's help, as ever
        raise exc
    ctx = exc.ctx or ctx  # (an option missing its value comes without one)
    command = ctx.command_path if ctx else "copylint"
    fail(f"{exc.format_message().rstrip('.')} (see {command} --help)")


class _Group(click.Group):
    """Turns unexpected exceptions into a one-line error with exit code 2."""

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as exc:  # a bad option before the command's name
            _usage_error(exc)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            try:
                return super().invoke(ctx)
            finally:
                if not sys.stdout.closed:  # (the language server closes its own on exit)
                    sys.stdout.flush()  # a closed pipe shows here, not in Python's exit handler
        except click.UsageError as exc:
            _usage_error(exc, ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException, SystemExit):
            raise
        except ConfigError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            click.echo("copylint: interrupted", err=True)
            raise click.exceptions.Exit(130)
        except BrokenPipeError:
            # the reader went away (`copylint check . | head`): stop quietly, as Unix tools
            # do, and keep Python from complaining again when it flushes stdout at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise click.exceptions.Exit(EXIT_BROKEN_PIPE)
        except Exception as exc:  # never a traceback for users
            if os.environ.get("COPYLINT_DEBUG"):
                raise
            from .runner import CheckCrashed

            if isinstance(exc, CheckCrashed):
                fail(f"{exc.path}: internal error while checking it: {exc.what} (set COPYLINT_DEBUG=1 for details)")
            fail(f"internal error: {type(exc).__name__}: {exc} (set COPYLINT_DEBUG=1 for details)")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="copylint")
def main() -> None:
    """copylint: an editorial copy-check linter for news articles."""


def _formats_help() -> str:
    return "Output format: text (default), json, and the CI formats."


_RUN_OPTIONS = (
    click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file instead of discovering one."),
    click.option("--select", multiple=True, help="Rule ids or prefixes to run (comma-separated; repeatable)."),
    click.option("--ignore", multiple=True, help="Rule ids or prefixes to skip."),
    click.option("--jobs", "-j", type=click.IntRange(min=1), help="Worker processes (default: the config's jobs, else the CPU count)."),
    click.option("--include", multiple=True, help="Globs of files to check in folders (replaces the default article types)."),
    click.option("--exclude", multiple=True, help="Globs of files or folders to skip."),
    click.option("--date", "date_", help="Judge every article as of this date (YYYY-MM-DD)."),
    click.option("--language", type=click.Choice(["en-US", "en-GB"]), help="Spelling variety."),
    click.option("--pack", "packs", multiple=True, type=click.Path(), help="Extra rule pack (YAML); repeatable."),
    click.option("--no-languagetool", is_flag=True, help="Built-in checks only: do not start or use LanguageTool."),
    click.option("--require-languagetool", is_flag=True, help="Exit 2 when LanguageTool cannot be used or dies mid-run."),
    click.option("--languagetool-url", metavar="URL", help="Use the LanguageTool server at URL instead of starting one."),
    click.option("--no-cache", is_flag=True, help="Check every file afresh: neither read nor write cached results."),
    click.option("--cache-dir", type=click.Path(file_okay=False), help="Keep cached results here (default: the config's cache-dir, else $COPYLINT_CACHE_DIR or ~/.cache/copylint)."),
)


def run_options(command):
    """The options that decide what a run finds, shared by check and baseline: a
    baseline is recorded with the settings check will run with."""
    for option in reversed(_RUN_OPTIONS):
        command = option(command)
    return command


def run_settings(select: tuple[str, ...], ignore: tuple[str, ...], include: tuple[str, ...],
                 exclude: tuple[str, ...], date_: str | None, language: str | None, packs: tuple[str, ...],
                 no_languagetool: bool, require_languagetool: bool, languagetool_url: str | None,
                 no_cache: bool, cache_dir: str | None) -> dict[str, Any]:
    """The config values the run options give (None: the config's or the default)."""
    if no_languagetool and require_languagetool:
        fail("--no-languagetool and --require-languagetool contradict each other")
    return {
        "select": _split(select), "ignore": _split(ignore),
        "include": list(include) or None, "exclude": list(exclude) or None,
        "language": language, "packs": [p for p in packs if p],  # (an empty flag is no flag, as for the others)
        "date": parse_date(date_, "--date") if date_ else None,
        "languagetool": False if no_languagetool else (True if require_languagetool else None),
        "languagetool_url": languagetool_url,
        "cache": False if no_cache else None,
        "cache_dir": os.path.abspath(cache_dir) if cache_dir else None,
    }


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@run_options
@click.option("--format", "fmt", default="text", show_default=True, help=_formats_help())
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that makes the exit code 1 (default: the fail-on of each file's config, else warning).")
@click.option("--stdin-filename", help="Path to report (and to find config from) when reading '-'.")
@click.option("--no-color", is_flag=True, help="No colour even on a terminal.")
@click.option("--quiet", "-q", is_flag=True, help="No summary line.")
@click.option("--statistics", is_flag=True, help="After the report, count the findings of each rule (on stderr).")
@click.option("--force-exclude", is_flag=True, help="Apply the include and exclude globs (and the article types) "
              "to files named on the command line too, as to a folder's files (for pre-commit).")
@check_extras
def check(paths: tuple[str, ...], config_path: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
          fmt: str, output: str | None, fail_on: str | None, jobs: int | None, stdin_filename: str | None,
          include: tuple[str, ...], exclude: tuple[str, ...], date_: str | None, language: str | None,
          packs: tuple[str, ...], no_cache: bool, cache_dir: str | None, no_color: bool, quiet: bool,
          statistics: bool = False, force_exclude: bool = False, no_languagetool: bool = False,
          require_languagetool: bool = False, languagetool_url: str | None = None, **extras: Any) -> None:
    """Check article files and folders (or '-' for standard input)."""
    from . import formats
    from .runner import exit_code, run

    if not paths:
        fail("no paths given (try: copylint check stories/)")
    formatter_class = formats.find(fmt)
    if formatter_class is None:
        fail(f"unknown format {fmt!r}; choose from {', '.join(sorted(formats.available()))}")
    if extras.get("diff") and fmt != "text" and not output:
        fail(f"--diff prints the diff on standard output: write the {fmt} report to a file with -o FILE")
    cli_values = run_settings(select, ignore, include, exclude, date_, language, packs, no_languagetool,
                              require_languagetool, languagetool_url, no_cache, cache_dir)
    cli_values["fail_on"] = Severity.parse(fail_on) if fail_on else None
    resolver = ConfigResolver(config_path, cli_values)
    base = resolver.base_for(paths[0] if paths[0] != "-" else os.getcwd())
    if output:  # its folder is made as `copylint baseline -o` makes it, and before the run
        try:
            Path(output).absolute().parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"-o {output}: cannot make its folder: {exc.strerror or exc}")

    stdin_data = sys.stdin.buffer.read() if "-" in paths else None
    progress = _progress_bar() if sys.stderr.isatty() and not quiet else None
    result = run(list(paths), resolver, jobs=jobs, stdin_data=stdin_data,
                 stdin_filename=stdin_filename, progress=progress, force_exclude=force_exclude)
    if progress:
        progress(None)
    if output:
        refuse_to_overwrite_input(output, result.files)

    stdout_used = False
    from .postrun import after_run, wants_post_run

    if wants_post_run(extras):
        post = after_run(result, extras, stdin_data=stdin_data, stdin_filename=stdin_filename,
                         rerun=lambda data: run(list(paths), resolver, jobs=jobs, stdin_data=data,
                                                stdin_filename=stdin_filename, force_exclude=force_exclude))
        if post.exit_code is not None:  # --diff: the diff is on stdout, the report goes to -o
            if output:
                write_report(post.result, formatter_class, output, True, no_color, base, resolver,
                             stdin_filename, stdin_data)
            raise click.exceptions.Exit(post.exit_code)
        result, stdout_used = post.result, post.stdout_used

    write_report(result, formatter_class, output, stdout_used, no_color, base, resolver, stdin_filename, stdin_data)

    for p in result.problems:
        click.echo(f"copylint: {'error' if p.fatal else 'warning'}: {p.path}: {p.message}", err=True)
    for note in result.notices:
        click.echo(f"copylint: {note}", err=True)
    if not result.files_checked and not result.problems:
        from .readers import DEFAULT_SUFFIXES

        # a CI job whose globs match nothing must not pass in silence
        named = [f"- ({stdin_filename})" if p == "-" and stdin_filename else p for p in paths]
        click.echo(f"copylint: warning: no files to check in {' '.join(named)} (folders are searched for "
                   f"{' '.join(DEFAULT_SUFFIXES)} files, or the include globs, less the exclude globs)", err=True)
    if statistics:
        for line in rule_statistics(result.findings):
            click.echo(line, err=True)
    if not quiet:
        counts = {s: sum(1 for f in result.findings if f.severity == s) for s in Severity}
        click.echo(
            f"{result.files_checked} file(s) checked: {counts[Severity.ERROR]} error(s), "
            f"{counts[Severity.WARNING]} warning(s), {counts[Severity.INFO]} info", err=True)
    raise click.exceptions.Exit(exit_code(result, lambda path: resolver.base_for(path).fail_on))


def refuse_to_overwrite_input(output: str, checked: list[str], what: str = "report") -> None:
    """Stop (exit 2) when ``output`` is one of the articles just checked: a report or a
    baseline written there would replace the story, and only --fix may write a story."""
    try:
        out = os.stat(output)
    except OSError:
        return  # not there yet, so no article of this run
    for path in checked:
        try:
            st = os.stat(path)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            fail(f"-o {output}: that is {path}, an article this run checked; the {what} would "
                 "replace it (write it to another file)")


def write_report(result, formatter_class, output: str | None, stdout_used: bool, no_color: bool, base,
                 resolver: ConfigResolver, stdin_filename: str | None, stdin_data: bytes | None) -> None:
    """The report, to ``output`` or else to stdout (stderr when stdout holds fixed text)."""
    # a report file is written whole or not at all: a CI step never uploads half of one
    stream = io.StringIO() if output else (sys.stderr if stdout_used else sys.stdout)
    try:
        color = (not output and not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty())
        # a format that shows the story (html) gets standard input's bytes, not a file
        stdin = (stdin_filename or "-", stdin_data) if stdin_data is not None else None
        formatter = formatter_class(stream, color=color, options={
            "settings": base, "stdin": stdin, "fail_on_for": lambda path: resolver.base_for(path).fail_on})
        formatter.start()
        by_path: dict[str, list] = {}
        for f in result.findings:
            by_path.setdefault(f.path, []).append(f)
        for path in sorted(by_path):
            formatter.file(path, by_path[path])
        formatter.finish(result)
        if output:
            from .fixer import write_output

            try:
                # as on standard output, a file name that is not UTF-8 keeps its bytes
                write_output(Path(output), stream.getvalue().encode("utf-8", "surrogateescape"))
            except OSError as exc:
                fail(f"-o {output}: cannot write the report: {exc.strerror or exc}")
    finally:
        if output:
            stream.close()


def rule_statistics(findings) -> list[str]:
    """One line per rule that found something, most findings first: how many, in how many
    files, how many of them have a fix --fix applies; for tuning a config on an archive."""
    by_rule: dict[str, list] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    rows = sorted(by_rule.items(), key=lambda item: (-len(item[1]), item[0]))
    width = max((len(rule) for rule in by_rule), default=0)
    lines = []
    for rule, found in rows:
        files = len({f.path for f in found})
        fixable = sum(1 for f in found if f.fix is not None and f.fix.safe)
        lines.append(f"{len(found):>7}  {str(found[0].severity):<7}  {rule:<{width}}  "
                     f"in {files} file(s){f', {fixable} with a safe fix' if fixable else ''}")
    return lines


def _progress_bar():
    state = {"n": 0}

    def tick(path):
        if path is None:
            if state["n"] >= 20:
                sys.stderr.write("\r\033[K")
            return
        state["n"] += 1
        if state["n"] >= 20 and state["n"] % 10 == 0:
            sys.stderr.write(f"\rchecked {state['n']} files…")
            sys.stderr.flush()

    return tick


@main.command("rules")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (for packs).")
@click.option("--pack", "packs", multiple=True, type=click.Path(), help="Extra rule pack (YAML).")
def rules_cmd(config_path: str | None, packs: tuple[str, ...]) -> None:
    """List every loaded rule: id, default severity, pack and summary."""
    from .engine import load_ruleset
    from .registry import builtin_rules

    settings = ConfigResolver(config_path, {"packs": list(packs)}).base_for(os.getcwd())
    ruleset = load_ruleset(settings)
    builtin = {r.id for r in builtin_rules()}
    width = max((len(r.id) for r in ruleset.rules), default=10)
    for r in sorted(ruleset.rules, key=lambda r: r.id):
        # a rule an installed package adds is no built-in: say where to look for it
        origin = f"[{r.pack}]" if r.pack else "[built-in]" if r.id in builtin else "[plugin]"
        fixable = " (fix)" if r.fixable else ""
        click.echo(f"{r.id:<{width}}  {str(r.severity):<7}  {origin:<12} {r.summary}{fixable}")


@main.command()
@click.argument("rule_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file (for packs).")
@click.option("--pack", "packs", multiple=True, type=click.Path(), help="Extra rule pack (YAML); repeatable.")
def explain(rule_id: str, config_path: str | None, packs: tuple[str, ...]) -> None:
    """Print one rule's documentation."""
    from .engine import load_ruleset

    settings = ConfigResolver(config_path, {"packs": list(packs)}).base_for(os.getcwd())
    ruleset = load_ruleset(settings)
    r = ruleset.rule_for(rule_id)
    if r is None and (rule_id in tool_notices.DESCRIPTIONS or rule_id in tool_notices.PROBLEMS):
        _explain_notice(rule_id)
        return
    if r is None:
        _explain_unknown(rule_id, ruleset, config_path, packs)
    click.echo(f"{r.id}: {r.summary}")
    click.echo(f"severity: {r.severity}   fixable: {'yes' if r.fixable else 'no'}"
               + (f"   pack: {r.pack}" if r.pack else "") + (f"   defined at: {r.source}" if r.source else ""))
    if r.reads:
        click.echo(f"reads: {', '.join(r.reads)}")
    if r.skips:
        click.echo(f"skips: {', '.join(r.skips)}")
    if r.link:
        click.echo(f"see: {r.link}")
    if r.options is not None:
        import dataclasses

        opts = ", ".join(f"{f.name.replace('_', '-')}={getattr(r.default_options(), f.name)!r}"
                         for f in dataclasses.fields(r.options))
        click.echo(f"options: {opts}")
    if r.doc:
        click.echo("")
        click.echo(r.doc)
    for kind in ("fail", "pass"):
        for ex in r.examples.get(kind, []):
            click.echo(f"  {kind}: {ex}")


def _explain_unknown(rule_id: str, ruleset, config_path: str | None, packs: tuple[str, ...]) -> None:
    """Exit 2 for an id no loaded rule has, saying why when it is no typo: a prefix
    (`explain typo`) was answered "did you mean 'typo.a-an'?", and a rule of a shipped
    pack the config does not load (`explain us.spelling`) "did you mean 'house.spelling'?"."""
    from .engine import load_ruleset
    from .hints import did_you_mean
    from .packs.loader import shipped_pack_files

    members = sorted(rid for rid in ruleset.by_id if rid.startswith(rule_id + "."))
    if members:
        fail(f"{rule_id!r} is a prefix of {len(members)} rules; explain takes one of them: {', '.join(members)}")
    pack = rule_id.split(".", 1)[0]
    if "." in rule_id and pack in shipped_pack_files() and pack not in {x.pack for x in ruleset.rules}:
        settings = ConfigResolver(config_path, {"packs": [*packs, pack]}).base_for(os.getcwd())
        if load_ruleset(settings).by_id.get(rule_id) is not None:
            fail(f"{rule_id!r} is a rule of the shipped pack {pack!r}, which is not loaded here "
                 f"(try: copylint explain --pack {pack} {rule_id})")
    known = [*ruleset.by_id, *tool_notices.DESCRIPTIONS, *tool_notices.PROBLEMS]
    fail(f"unknown rule {rule_id!r}{did_you_mean(rule_id, known)}")


def _explain_notice(notice_id: str) -> None:
    """A copylint.* id that no rule defines (the readers' and the suppression check's
    notices, and the ids reports give a path that could not be checked): they reach
    reports like a rule's, so explain must know them too."""
    import textwrap

    if notice_id in tool_notices.PROBLEMS:
        description, doc = tool_notices.PROBLEMS[notice_id]
        click.echo(f"{notice_id}: {description}")
        click.echo("copylint's own id (not in `copylint rules`)")
    else:
        description, doc = tool_notices.DESCRIPTIONS[notice_id], tool_notices.DOCS[notice_id]
        click.echo(f"{notice_id}: {description}")
        click.echo(f"severity: {tool_notices.SEVERITIES[notice_id]}   fixable: no   "
                   "copylint's own notice (not in `copylint rules`)")
    click.echo("")
    click.echo(textwrap.fill(doc, 88))


@main.group("cache")
def cache_group() -> None:
    """The results cache, from which an unchanged article's findings are read."""


def configured_cache_dir(config_path: str | None) -> str | None:
    """The cache folder a check from the working folder uses: its config's ``cache-dir``
    (None: the user cache folder), so that clearing the cache clears that one."""
    return ConfigResolver(config_path).base_for(os.getcwd()).cache_dir


@cache_group.command("clear")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="The folder given to check --cache-dir (default: the config's cache-dir, else the user cache folder).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Config file to read cache-dir from.")
def cache_clear(cache_dir: str | None, config_path: str | None) -> None:
    """Forget every cached result (LanguageTool's answers: copylint languagetool clear-cache)."""
    from .cache import clear

    removed, folder = clear(cache_dir or configured_cache_dir(config_path))
    click.echo(f"removed {removed} cached result(s) from {folder}")


for _module in ("languagetool_cli", "people_cli", "packs_cli", "integrations_cli", "lsp_cli", "vocab_cli"):
    # command groups added by later features register themselves on ``main`` when present
    try:
        __import__(f"{__package__}.{_module}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"{__package__}.{_module}":
            raise
