"""The runner: finds files, lints each (in a process pool when there are many), runs
corpus rules once over all facts, and returns findings sorted by path and position —
the same whatever ``--jobs`` is."""

from __future__ import annotations

import dataclasses
import gc
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from . import tool_notices
from .config import ConfigError, ConfigResolver, Settings, glob_match
from .cache import ResultsCache, content_digest, settings_key
from .engine import RuleContext, RuleOptionError, RuleSet, check_document, load_ruleset
from .model import Document, Finding, Severity
from .readers import DEFAULT_SUFFIXES, BinaryFile, read_bytes
from .hints import did_you_mean
from .registry import is_selected, matches_prefix
from .spelling.deletions import BUILD_AFTER
from .spelling.speller import prepare_for_many_searches

MAX_FILE_BYTES = 512 * 1024 * 1024


@dataclass
class Problem:
    """A file that could not be checked (missing, unreadable) or was skipped (binary)."""

    path: str
    message: str
    fatal: bool  # counts towards exit 2


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    bytes_checked: int = 0
    notices: list[str] = field(default_factory=list)  # one-line run notices (LanguageTool...)
    files: list[str] = field(default_factory=list)  # every file checked, as reported


# --------------------------------------------------------------------------- discovery


Globs = tuple[str, list[str]]  # (the folder the globs are read from, the globs)


def discover(paths: Iterable[str], problems: list[Problem],
             globs_for: Callable[[str], tuple[Globs, Globs]] | None = None, gitignore: bool = True,
             force_exclude: bool = False, stdin_filename: str | None = None) -> list[str]:
    """Expand folders recursively (article types, hidden folders and what git ignores
    skipped); explicit files are taken as given unless excluded (and, with
    ``force_exclude``, unless a folder's walk would leave them out by type or include
    globs: a pre-commit hook then checks what ``check .`` checks); a file named twice is
    taken once.
    ``globs_for(folder)`` gives the (include, exclude) globs that decide the entries of
    ``folder``: those of the config that governs it, so each file is chosen by its own
    config whatever order the paths come in. Each list comes with the folder its globs
    are read from, so they mean the same whichever folder is walked."""
    out: list[str] = []
    seen: set[str] = set()
    no_globs: tuple[Globs, Globs] = (("", []), ("", []))

    def globs(folder: str) -> tuple[Globs, Globs]:
        return globs_for(folder) if globs_for else no_globs

    def matches(p: str, globs: Globs) -> bool:
        anchor, patterns = globs
        rel = os.path.relpath(os.path.abspath(p), anchor).replace(os.sep, "/")
        return any(glob_match(rel, g) for g in patterns)

    def wanted(p: str, include: Globs) -> bool:
        if include[1]:
            return matches(p, include)
        return p.lower().endswith(DEFAULT_SUFFIXES)

    def named_file_wanted(p: str) -> bool:
        """A file named on the command line is checked unless an exclude glob matches
        it (or, with ``force_exclude``, a folder's walk would leave it out)."""
        include, exclude = globs(os.path.dirname(os.path.abspath(p)))
        if force_exclude and not wanted(p, include):
            return False
        return not matches(p, exclude)

    for raw in paths:
        if raw == "-":
            # standard input is chosen as the file it names would be
            if stdin_filename is None or named_file_wanted(stdin_filename):
                out.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found = []
            ignored = git_ignored(str(p)) if gitignore else set()
            for dirpath, dirnames, filenames in os.walk(p):
                include, exclude = globs(dirpath)
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".")
                                     and d not in ("node_modules", "__pycache__")
                                     and os.path.normpath(os.path.join(dirpath, d)) not in ignored
                                     and not matches(os.path.join(dirpath, d), exclude))
                for name in filenames:
                    if name.startswith("."):
                        continue
                    full = os.path.normpath(os.path.join(dirpath, name))
                    if (full not in ignored and wanted(full, include) and not matches(full, exclude)
                            and _regular(full, problems)):
                        found.append(full)
            for f in sorted(found):
                if _once(f, seen):
                    out.append(f)
        elif p.exists():
            if named_file_wanted(str(p)) and _once(str(p), seen):
                out.append(str(p))
        else:
            problems.append(Problem(raw, "no such file or directory", True))
    return out


def config_globs(resolver: ConfigResolver) -> Callable[[str], tuple[Globs, Globs]]:
    """The (include, exclude) globs that govern a folder: the command line's, read from
    the working folder (as ruff and eslint read theirs), or else those of the folder's
    config, read from the config file's folder. A config that cannot be read chooses
    nothing here: checking the file reports it."""
    cwd = os.getcwd()

    def globs_for(folder: str) -> tuple[Globs, Globs]:
        try:
            config = resolver.config_for(folder)
        except ConfigError:
            return (cwd, []), (cwd, [])
        root = os.path.abspath(config.root or cwd)
        cli = resolver.cli_values
        include = (cwd, cli["include"]) if cli.get("include") else (root, config.include)
        exclude = (cwd, cli["exclude"]) if cli.get("exclude") else (root, config.exclude)
        return include, exclude

    return globs_for


def git_ignored(folder: str) -> set[str]:
    """The files and folders under ``folder`` that git ignores (untracked and matched by
    .gitignore, .git/info/exclude or the user's excludes file), as ``folder`` joined to
    each: a site's built pages (Hugo's public/) are no stories to check. Git is asked once,
    and lists an ignored folder whole rather than its files. Nothing when git is missing
    or ``folder`` is in no work tree."""
    import subprocess

    try:
        proc = subprocess.run(["git", "ls-files", "-z", "--others", "--ignored", "--exclude-standard", "--directory"],
                              cwd=folder, capture_output=True, timeout=300)
    except (OSError, subprocess.SubprocessError):
        return set()
    if proc.returncode != 0:
        return set()
    return {os.path.normpath(os.path.join(folder, os.fsdecode(rel))) for rel in proc.stdout.split(b"\0") if rel}


def _once(path: str, seen: set[str]) -> bool:
    """First time this file is met, however it is named ("story.md", "../a/story.md", an
    absolute path, a link to it): one file is checked and reported once, under the name
    first given, and is no duplicate of itself."""
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


def _regular(path: str, problems: list[Problem]) -> bool:
    """Whether a file found in a folder can be read as a story. A named pipe would block
    the run until something wrote to it, and a link to nothing is no article, so both are
    skipped with a warning; a file named on the command line is read whatever it is."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        problems.append(Problem(path, "broken link: skipped", False))
        return False
    if not stat.S_ISREG(mode):
        problems.append(Problem(path, "not a regular file (a pipe, socket or device): skipped", False))
        return False
    return True


# --------------------------------------------------------------------------- one file


@dataclass
class FileResult:
    path: str
    findings: list[Finding]
    facts: dict[str, Any]
    problem: Problem | None = None
    size: int = 0
    notices: list[tuple[str, str]] = field(default_factory=list)  # (kind, message) raised by rules
    content: str = ""  # hash of the bytes that were checked (the results cache's check)


class _State:
    """Per-process state: the resolver and rule sets, built once per worker."""

    resolver: ConfigResolver | None = None
    rulesets: dict[str, RuleSet] = {}
    resources: dict[str, Any] = {}


def _ruleset_for(settings: Settings) -> RuleSet:
    key = repr((settings.source, tuple(settings.packs)))
    rs = _State.rulesets.get(key)
    if rs is None:
        rs = _State.rulesets[key] = load_ruleset(settings)
    return rs


def lint_document(doc: Document, settings: Settings, resources: dict[str, Any] | None = None) -> tuple[list[Finding], dict[str, Any]]:
    ruleset = _ruleset_for(settings)
    return check_document(doc, ruleset.selected(settings), settings, ruleset,
                          resources if resources is not None else _State.resources)


def read_path(path: str, stdin_data: bytes | None = None, display: str | None = None) -> tuple[Document | None, Problem | None, bytes]:
    shown = display or path
    if path == "-":
        data = stdin_data or b""
    else:
        try:
            size = os.path.getsize(path)
            if size > MAX_FILE_BYTES:
                return None, Problem(shown, f"file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB: skipped", True), b""
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            return None, Problem(shown, f"cannot read: {exc.strerror or exc}", True), b""
    try:
        doc = read_bytes(shown, data)
    except BinaryFile:
        return None, Problem(shown, "binary file: skipped", False), data
    return doc, None, data


class CheckCrashed(Exception):
    """A rule failed on one file: the run stops (exit 2) with the file's name, which a
    bare internal error left out, so a user could not tell which story to look at."""

    def __init__(self, path: str, what: str) -> None:
        super().__init__(path, what)
        self.path, self.what = path, what

    def __str__(self) -> str:
        return f"{self.path}: {self.what}"


def lint_one(path: str, stdin_data: bytes | None = None, display: str | None = None) -> FileResult:
    shown = display or path
    doc, problem, data = read_path(path, stdin_data, display)
    if doc is None:
        return FileResult(shown, [], {}, problem, len(data))
    settings = _State.resolver.for_path(shown if path == "-" else path)
    _ruleset_for(settings)  # a config or pack error is no crash: it is raised as it is
    try:
        findings, facts = lint_document(doc, settings)
    except (ConfigError, RuleOptionError):
        raise
    except Exception as exc:
        if os.environ.get("COPYLINT_DEBUG"):
            raise
        raise CheckCrashed(shown, f"{type(exc).__name__}: {exc}") from None
    from .notices import drain

    return FileResult(shown, findings, facts, None, len(data), drain(), content_digest(data))


def _init_worker(resolver: ConfigResolver, resources: dict[str, Any]) -> None:
    if _State.resolver is not resolver:  # a forked worker keeps the rule sets it inherited
        _State.rulesets = {}
    _State.resolver = resolver
    _State.resources = resources


# A short story that makes every rule load its data (dictionary, names, people, packs).
# (The possessive and the "former" make the titles rule compile all its mention patterns.)
_WARM_UP = ("Kiev talks resume as President Joe Biden meets Zelenskyy\n\n"
            "KYIV, Ukraine — The goverment in Kiev will recieve aid, according to Ukraine's Prime Minister "
            "Denys Shmyhal, who met Olena Zelenska, former President Petro Poroshenko and the NATO chief on Monday.\n")


def _warm_up(settings: Settings, paths: list[str] = ()) -> None:
    """Run the selected rules (LanguageTool's aside) once on a small story in this process
    before the pool forks, so the workers share the data they load instead of each
    loading it again; and read a line in each other format among ``paths`` (Markdown,
    HTML), so that their readers are imported once too. For many files, the speller's
    deletion index too, which a first run on a machine builds: once here, not per worker."""
    from .notices import drain
    from .readers import format_for, read_text

    for fmt in sorted({format_for(p) for p in paths} - {"text"}):
        read_text("warm-up", "Warm-up.\n", fmt)
    ruleset = _ruleset_for(settings)
    rules = [r for r in ruleset.selected(settings) if "languagetool" not in r.needs]
    try:
        check_document(read_text("warm-up.txt", _WARM_UP), rules, settings, ruleset, {})
    except (ConfigError, RuleOptionError):
        pass  # reported per file
    if len(paths) >= BUILD_AFTER:
        prepare_for_many_searches()  # (only spellers the rules loaded)
    drain()


def _keep_loaded_data(stage: str) -> None:
    """Move everything alive to the garbage collector's permanent generation, once the
    rules are built (stage "rules") and once they have loaded their data (stage "data":
    dictionaries, people, compiled patterns). Those objects live for the whole run, and
    otherwise every full collection walks all of them again (and, in forked workers,
    writing to them copies the parent's memory pages). Each stage is done once per
    process, so a long-lived caller of ``run`` does not keep freezing each run's objects."""
    if stage not in _FROZEN:
        _FROZEN.add(stage)
        gc.freeze()


_FROZEN: set[str] = set()


def _pool_context():
    """Fork where the platform has it: workers start at once with the parent's loaded data."""
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def _lint_in_worker(path: str) -> FileResult:
    try:
        return lint_one(path)
    except (ConfigError, RuleOptionError) as exc:
        return FileResult(path, [], {}, Problem(path, str(exc), True))


# --------------------------------------------------------------------------- the run


def run(paths: list[str], resolver: ConfigResolver, *, jobs: int | None = None,
        stdin_data: bytes | None = None, stdin_filename: str | None = None,
        progress=None, resources: dict[str, Any] | None = None, force_exclude: bool = False) -> RunResult:
    """Check ``paths``; ``force_exclude``: files named in them are chosen by the include
    and exclude globs (and article types) as a folder's files are."""
    result = RunResult()
    resources = resources or {}
    base = resolver.base_for(paths[0] if paths and paths[0] != "-" else os.getcwd())
    files = discover(paths, result.problems, config_globs(resolver), force_exclude=force_exclude,
                     stdin_filename=stdin_filename)
    disk_files = [f for f in files if f != "-"]
    _init_worker(resolver, resources)  # this process lints too (stdin, small runs, --fix)
    cached = _CachedRun.open(base, resolver, result) if disk_files else None
    file_results: list[FileResult] = []
    todo = disk_files
    if cached is not None:
        todo = []
        for f in disk_files:
            hit = cached.lookup(f)
            if hit is None:
                todo.append(f)
                continue
            file_results.append(hit)
            if progress:
                progress(f)
    if todo or "-" in files:
        file_results += _check_files(todo, "-" in files, resolver, base, resources, jobs, stdin_data,
                                     stdin_filename, progress, cached, result)
    elif cached is not None:
        cached.repeat_languagetool_notice(base, result)

    facts_by_rule: dict[str, list[tuple[str, Any]]] = {}
    for fr in file_results:
        if fr.problem:
            result.problems.append(fr.problem)
            continue
        result.files_checked += 1
        result.files.append(fr.path)
        result.bytes_checked += fr.size
        result.findings.extend(fr.findings)
        for rid, f in fr.facts.items():
            facts_by_rule.setdefault(rid, []).append((fr.path, f))
    if facts_by_rule:
        _finish_corpus_rules(facts_by_rule, resolver, base, resources, result)
    if cached is not None:
        cached.close(result)
    result.findings.sort(key=Finding.sort_key)
    result.problems.sort(key=lambda p: p.path)
    return result


def _check_rule_names(settings: Settings, ruleset: RuleSet, cli_values: dict[str, Any]) -> None:
    """Every rule id or prefix in --select, --ignore and the config (select, ignore, the
    per-rule settings, its overrides) must name some rule. A misspelt one selects or
    ignores nothing without a word, so ``--select typo.speling`` passed CI on every file."""
    config = f"{settings.source}: " if settings.source else ""
    blocks = [("", {"select": settings.select, "ignore": settings.ignore, "rules": settings.rules}),
              *(("an override's ", ov) for ov in settings.overrides)]
    for where, values in blocks:
        for key in ("select", "ignore", "rules"):
            for name in values.get(key) or ():
                if ruleset.known(name):
                    if key == "rules":
                        _check_pack_rule_settings(name, values["rules"][name], ruleset, settings.source, where)
                    continue
                on_cli = not where and name in (cli_values.get(key) or ())
                head, place = ("", f"--{key}") if on_cli else (_where_written(settings.source, name) or config,
                                                               f"{where}{key!r}")
                if name.startswith("copylint."):  # `copylint rules` does not list the tool's own ids
                    listed = f"copylint's own ids are {', '.join(sorted(tool_notices.DESCRIPTIONS))}"
                else:
                    listed = "`copylint rules` lists them"
                raise ConfigError(f"{head}unknown rule or prefix {name!r} in {place}{ruleset.hint(name)}; {listed}")


def check_rule_names_for(resolver: ConfigResolver, path: str) -> None:
    """The rule-name check of a run, for one story checked on its own (the library's
    lint_text, the language server): a misspelt id there also selected nothing, silently."""
    base = resolver.base_for(path)
    _check_rule_names(base, _ruleset_for(base), resolver.cli_values)


def _check_pack_rule_settings(name: str, opts: dict[str, Any], ruleset: RuleSet, source: str | None,
                              where: str) -> None:
    """A pack's rules take a severity from a config, nothing more: their options are
    the pack's. ``house.kyiv: {exceptions: [...]}`` or a misspelt ``severty`` did
    nothing without a word."""
    extra = sorted(k for k in opts if k != "severity")
    if not extra or not all(r.pack for r in ruleset.rules if matches_prefix(r.id, name)):
        return
    head = _where_written(source, name) or (f"{source}: " if source else "")
    hint = did_you_mean(extra[0], {"severity"}, cutoff=0.6)
    raise ConfigError(f"{head}{where}'rules' gives {name!r} the setting {extra[0]!r}{hint}, but a pack's rule takes "
                      "only a severity here; its other settings are the pack's (copy the rule into a pack of your "
                      "own, with another id, and ignore this one)")


def _where_written(source: str | None, name: str) -> str | None:
    """"file:line: " for the first line of a config file that writes ``name`` as a word
    of its own (the lists keep no lines once read), or None."""
    if not source:
        return None
    from .readers.common import rule_name_at

    try:
        text = Path(source).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    m = rule_name_at(text, name)
    return f"{source}:{text.count(chr(10), 0, m.start()) + 1}: " if m else None


def _check_files(todo: list[str], with_stdin: bool, resolver: ConfigResolver, base: Settings,
                 resources: dict[str, Any], jobs: int | None, stdin_data: bytes | None,
                 stdin_filename: str | None, progress, cached: "_CachedRun | None",
                 result: RunResult) -> list[FileResult]:
    """Check the files the cache could not answer for: one LanguageTool server for all of
    them (started only when a selected rule needs it), in a process pool when there are
    many. Their results go into the cache."""
    from .languagetool.session import open_session

    try:
        ruleset = _ruleset_for(base)
        selected = ruleset.selected(base)
    except (ConfigError, ValueError):
        ruleset, selected = None, []  # reported below, as before
    if ruleset is not None:  # a misspelt rule id is one config error, before LanguageTool starts
        _check_rule_names(base, ruleset, resolver.cli_values)
    lt_session = open_session(selected, base) if selected else None
    if lt_session is not None:
        resources = {**resources, **lt_session.resources}
    _init_worker(resolver, resources)
    _ruleset_for(base)  # a broken rule pack is one config error (exit 2), not one per file
    if base.people:  # so is a broken people file: the rules load it, and said it once per story
        from .people.kb import KBError, load_kb

        try:
            load_kb(base.people)
        except KBError as exc:
            raise ConfigError(str(exc)) from None
    _keep_loaded_data("rules")

    file_results: list[FileResult] = []
    if with_stdin:
        file_results.append(lint_one("-", stdin_data, stdin_filename or "<stdin>"))
    # never more workers than files: the pool forks them all at once, and `-j 200` on a
    # dozen stories started two hundred processes that had nothing to do
    jobs = min(jobs or base.jobs or os.cpu_count() or 1, max(1, len(todo)))
    if jobs > 1 and len(todo) >= 8:
        from concurrent.futures import ProcessPoolExecutor  # (imported only for a pool: 15 ms)

        context = _pool_context()
        if context is not None:
            _warm_up(base, todo)
            _keep_loaded_data("data")
        with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, mp_context=context,
                                 initargs=(resolver, resources)) as pool:
            for fr in pool.map(_lint_in_worker, todo, chunksize=max(1, min(16, len(todo) // (jobs * 4) or 1))):
                file_results.append(fr)
                if progress:
                    progress(fr.path)
    else:
        for n, f in enumerate(todo):
            file_results.append(_lint_in_worker(f))
            if progress:
                progress(f)
            if n == 0 and len(todo) > 1:
                _keep_loaded_data("data")  # the first file loaded what the rules need
    if lt_session is not None:
        lt_session.close()
    raised = [n for fr in file_results for n in fr.notices]
    for _kind, message in raised:
        if message not in result.notices:
            result.notices.append(message)
    if lt_session is not None:
        lt_session.finish(result, raised)
    if cached is not None and cached.may_keep(lt_session, base):
        for fr in file_results:
            cached.store(fr)
    return file_results


def _finish_corpus_rules(facts_by_rule: dict[str, list[tuple[str, Any]]], resolver: ConfigResolver,
                         base: Settings, resources: dict[str, Any], result: RunResult) -> None:
    """Run each corpus rule once over the facts every file gave it."""
    for rid, items in sorted(facts_by_rule.items()):
        rule = _corpus_rule(rid, base)
        if rule is None:
            continue
        items.sort(key=lambda x: x[0])
        ctx = RuleContext(rule, rule.make_options(base.options_for(rid)), base, resources)
        for finding in rule.finish(items, ctx):
            settings = resolver.for_path(finding.path)
            if is_selected(finding.rule, settings.select, settings.ignore):
                sev = settings.severity_for(finding.rule, finding.severity)
                if sev != finding.severity:
                    finding = dataclasses.replace(finding, severity=sev)
                result.findings.append(finding)


def _corpus_rule(rule_id: str, base: Settings):
    """The corpus rule behind cached facts: from the run's rule set when files were
    checked, else from the built-in and plugin rules (rule packs have no corpus rules, so
    a run answered wholly from the cache need not load them)."""
    key = repr((base.source, tuple(base.packs)))
    if key in _State.rulesets:
        return _State.rulesets[key].by_id.get(rule_id)
    rule = _code_rules().by_id.get(rule_id)
    return rule if rule is not None and rule.is_corpus else None


def _code_rules() -> RuleSet:
    """The built-in and plugin rules, without the rule packs (slower to load)."""
    if "" not in _State.rulesets:
        from .registry import builtin_rules, plugin_rules

        _State.rulesets[""] = RuleSet([*builtin_rules(), *plugin_rules()])
    return _State.rulesets[""]


class _CachedRun:
    """The results cache as one run uses it: which settings each file is checked under,
    and whether the run may keep what it found."""

    def __init__(self, cache: ResultsCache, resolver: ConfigResolver, result: RunResult) -> None:
        self.cache = cache
        self.resolver = resolver
        self.result = result
        self._keys: dict[int, tuple[Settings, str]] = {}  # id(settings) -> (settings kept alive, key)
        self._key_of_fingerprint: dict[str, str] = {}
        self._engines: dict[tuple, str] = {}
        self._key_of_path: dict[str, str] = {}

    @classmethod
    def open(cls, base: Settings, resolver: ConfigResolver, result: RunResult) -> "_CachedRun | None":
        if not base.cache:
            return None
        return cls(ResultsCache.open(base.cache_dir), resolver, result)

    def _settings_key(self, path: str) -> str:
        from .languagetool.session import expected_engine

        settings = self.resolver.for_path(path)
        known = self._keys.get(id(settings))
        if known is not None:
            return known[1]
        lt = (settings.languagetool, settings.languagetool_url, settings.languagetool_dir, settings.root)
        if lt not in self._engines:
            self._engines[lt] = expected_engine(settings)
        fingerprint = settings.fingerprint() + "\0" + self._engines[lt]
        if fingerprint not in self._key_of_fingerprint:
            self._key_of_fingerprint[fingerprint] = settings_key(settings, self._engines[lt])
        key = self._key_of_fingerprint[fingerprint]
        if settings is self.resolver.base_for(path):  # shared by many files: remember it
            self._keys[id(settings)] = (settings, key)
        return key

    def lookup(self, path: str) -> FileResult | None:
        try:
            if os.path.getsize(path) > MAX_FILE_BYTES:
                return None  # not read at all: the check says why
            key = self._key_of_path[path] = self._settings_key(path)
        except (ConfigError, OSError):
            return None  # the check reports it
        entry = self.cache.lookup(path, path, key)
        if entry is None:
            return None
        return FileResult(path, self.cache.findings_of(path, entry), entry["facts"], None,
                          entry["size"], [], entry["content"])

    def store(self, fr: FileResult) -> None:
        """Keep a file's results unless something went wrong while checking it."""
        key = self._key_of_path.get(fr.path)
        if key is None or fr.problem is not None or fr.notices or not fr.content:
            return
        self.cache.store(fr.path, fr.path, key, fr.content, fr.size, fr.findings, fr.facts)

    def may_keep(self, lt_session, base: Settings) -> bool:
        """Results are kept unless LanguageTool was meant to run and could not: they lack
        its findings (and a required LanguageTool must fail the next run too)."""
        from .languagetool.session import required

        if lt_session is None or not lt_session.unavailable:
            return True
        expected = any(e.startswith(("local", "remote")) for e in self._engines.values())
        return not expected and not required(base)

    def repeat_languagetool_notice(self, base: Settings, result: RunResult) -> None:
        """A run answered wholly from the cache starts no LanguageTool, but says, as the
        run that filled the cache did, that grammar checks were skipped for want of one."""
        from .languagetool.session import Session, needs_languagetool

        missing = [e for e in self._engines.values() if e.startswith("none: ")]
        if missing and needs_languagetool(_code_rules().selected(base)):
            Session(unavailable=missing[0][len("none: "):]).finish(result, [])

    def close(self, result: RunResult) -> None:
        if self.cache.broken:
            result.notices.append(self.cache.broken)
        self.cache.prune()


def exit_code(result: RunResult, fail_on_for: Callable[[str], Severity]) -> int:
    """2 for a fatal problem; 1 when a finding reaches the fail-on of its own file's
    config (``fail_on_for(path)``); else 0."""
    if any(p.fatal for p in result.problems):
        return 2
    if any(f.severity >= fail_on_for(f.path) for f in result.findings):
        return 1
    return 0
