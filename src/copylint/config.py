"""Configuration: ``.copylint.yaml`` or ``[tool.copylint]`` in ``pyproject.toml``.

The closest config file to a linted path wins (walking up from its folder); ``--config``
replaces discovery; CLI flags go on top. ``extends`` chains files. ``overrides`` apply
settings to paths matching globs (a sport desk may differ). Unknown keys are errors that
suggest the nearest valid key; every error names the file and line.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from .hints import did_you_mean
from .model import Severity
from .yamlutil import Located, LocatedList, YamlError, load_located, plain_data_only, read_utf8

CONFIG_NAMES = (".copylint.yaml", ".copylint.yml", "copylint.yaml")


class ConfigError(Exception):
    """A config problem, phrased as ``file:line: message``."""


# key in the file -> Settings attribute
KEYS = {
    "select": "select",
    "ignore": "ignore",
    "rules": "rules",
    "fail-on": "fail_on",
    "packs": "packs",
    "language": "language",
    "languagetool": "languagetool",
    "languagetool-url": "languagetool_url",
    "languagetool-dir": "languagetool_dir",
    "include": "include",
    "exclude": "exclude",
    "accept": "accept",
    "reject": "reject",
    "vocabulary": "vocabulary",
    "people": "people",
    "date": "date",
    "cache": "cache",
    "cache-dir": "cache_dir",
    "jobs": "jobs",
}
OVERRIDE_KEYS = {"files", "select", "ignore", "rules", "language", "accept", "reject"}
TOP_ONLY = {"extends", "overrides"}
LANGUAGES = ("en-US", "en-GB")


@dataclass
class Settings:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    # rule id (or prefix) -> {"severity": ..., option: value}
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    packs: list[str] = field(default_factory=list)
    language: str = "en-US"
    languagetool: bool | None = None  # None: use it when it can be started or reached
    languagetool_url: str | None = None
    languagetool_dir: str | None = None
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    accept: list[str] = field(default_factory=list)
    reject: list[str] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)  # folders of accept.txt / reject.txt
    people: list[str] = field(default_factory=list)
    date: Any = None  # a date to judge every article against (--date)
    cache: bool = True
    cache_dir: str | None = None  # the results cache's folder (default: the user cache folder)
    jobs: int | None = None
    overrides: list[dict[str, Any]] = field(default_factory=list)
    source: str | None = None  # the config file these came from
    root: str | None = None  # its folder: globs and relative paths resolve from here

    def for_path(self, path: str) -> "Settings":
        """These settings with the overrides whose ``files`` globs match ``path``."""
        if not self.overrides:
            return self
        result = self
        for ov in self.overrides:
            root = ov.get("root", self.root)  # globs resolve from the file that wrote them
            if any(_glob_match(_relative(path, root), g) for g in ov["files"]):
                result = dataclasses.replace(result)
                apply_values(result, {k: v for k, v in ov.items() if k not in ("files", "root")}, Path(root or "."))
        return result

    def severity_for(self, rule_id: str, default: Severity) -> Severity:
        best, sev = -1, default
        for key, opts in self.rules.items():
            if "severity" in opts and (rule_id == key or rule_id.startswith(key + ".")):
                if len(key) > best:
                    best, sev = len(key), Severity.parse(opts["severity"])
        return sev

    def options_for(self, rule_id: str) -> dict[str, Any]:
        opts = dict(self.rules.get(rule_id, {}))
        opts.pop("severity", None)
        return opts

    def fingerprint(self) -> str:
        """A stable text of everything that changes findings (for the cache): not where
        the settings came from, which files are searched for, how many workers, the cache
        itself or the severity that fails the run."""
        d = dataclasses.asdict(self)
        for key in ("source", "root", "jobs", "cache", "cache_dir", "fail_on", "include", "exclude"):
            d.pop(key, None)
        return repr(sorted((k, repr(v)) for k, v in d.items()))


def _relative(path: str, root: str | None) -> str:
    p = Path(path)
    if root:
        try:
            return PurePosixPath(p.resolve().relative_to(Path(root).resolve())).as_posix()
        except (ValueError, OSError):
            pass
    return PurePosixPath(p).as_posix()


def _glob_match(rel: str, pattern: str) -> bool:
    """Gitignore-like: a pattern without '/' matches any path component tail, and a
    ``**/`` stands for zero or more folders wherever it is (``stories/**/*.md`` matches
    ``stories/a.md``)."""
    pattern = pattern.rstrip("/")
    return any(_match_one(rel, form) for form in _zero_folder_forms(pattern))


def _zero_folder_forms(pattern: str) -> list[str]:
    """The pattern, and the same with any of its ``**/`` taken out (fnmatch's ``**``
    matches one folder or more, never none)."""
    pieces = re.split(r"(?:(?<=/)|^)\*\*/", pattern)
    forms = [pieces[0]]
    for piece in pieces[1:]:
        forms = [f + joint + piece for f in forms for joint in ("**/", "")]
    return forms


def _match_one(rel: str, pattern: str) -> bool:
    if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(rel, pattern + "/*"):
        return True
    parts = rel.split("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts)
    return any(fnmatch.fnmatchcase("/".join(parts[i:]), pattern) for i in range(len(parts)))


def glob_match(rel: str, pattern: str) -> bool:
    return _glob_match(rel, pattern)


# --------------------------------------------------------------------------- loading


def _as_list(value: Any, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key!r} must be a list of strings")
    if not all(v.strip() for v in value):
        # as a path, '' is the config's own folder: `people: [""]` read every YAML file
        # beside the config as a people file
        raise ConfigError(f"{where}: {key!r} holds an empty entry")
    return list(value)


def _check_builtin_options(rule_id: str, opts: dict, path: str, where: str) -> None:
    """A built-in rule's options are checked as the config is read, so a misspelt or
    mistyped one is reported at its own line ("unknown option 'allw'"), before any
    article is read; a pack's or plugin's rule is checked when it first runs."""
    from .registry import builtin_rules

    options = {k: v for k, v in opts.items() if k != "severity"}
    if not options:
        return  # a severity alone: no rule module need be looked at
    rule = next((r for r in builtin_rules() if r.id == rule_id), None)
    if rule is None:
        return
    try:
        rule.make_options({str(k).replace("-", "_"): v for k, v in options.items()})
    except (TypeError, ValueError) as exc:
        line = next((opts.line_of(str(k)) for k in options
                     if repr(str(k).replace("_", "-")) in str(exc)), None) if isinstance(opts, Located) else None
        raise ConfigError(f"{path}:{line}: {exc}" if line else f"{where}: {exc}") from None


# An empty list here would switch everything off without a word (a select whose one entry
# was commented out ran no rule and passed every file), so it is an error.
_EMPTY = {
    "select": "'select' is empty, so no rule would run; write [ALL] for every rule, name the rules "
              "to run, or leave 'select' out (to skip files, use 'exclude')",
    "files": "an override's 'files' is empty, so it applies to no file; give it globs",
}


def _validate_block(data: Located, path: str, *, allowed: set[str], top: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        where = f"{path}:{data.line_of(str(key))}"
        if key not in allowed:
            if not top and (key in KEYS or key in TOP_ONLY):
                # `fail-on:` in an override was "unknown key 'fail-on' (did you mean 'files'?)"
                raise ConfigError(f"{where}: {key!r} cannot be set per file in an override; an override takes "
                                  f"{', '.join(sorted(allowed))}")
            raise ConfigError(f"{where}: unknown key {key!r}{did_you_mean(key, allowed, cutoff=0.5)}")
        if key in ("select", "ignore", "packs", "include", "exclude", "accept", "reject", "people", "files",
                   "vocabulary"):
            out[key] = _as_list(value, where, key)
            if not out[key] and key in ("select", "files"):
                raise ConfigError(f"{where}: {_EMPTY[key]}")
        elif key == "rules":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: 'rules' must map rule ids to settings")
            rules: dict[str, dict[str, Any]] = {}
            for rid, opts in value.items():
                rwhere = f"{path}:{value.line_of(str(rid))}" if isinstance(value, Located) else where
                if not isinstance(rid, str):  # `null:` or `5:` became None or 5, and lost its line
                    raise ConfigError(f"{rwhere}: {rid!r} is no rule id (quote the id if it is one)")
                if isinstance(opts, str):
                    opts = {"severity": opts}
                if opts is None:
                    opts = {}
                if not isinstance(opts, dict):
                    raise ConfigError(f"{rwhere}: settings of rule {rid!r} must be a mapping or a severity")
                if "severity" in opts:
                    try:
                        Severity.parse(opts["severity"])
                    except ValueError as exc:
                        swhere = f"{path}:{opts.line_of('severity')}" if isinstance(opts, Located) else rwhere
                        raise ConfigError(f"{swhere}: {exc}") from None
                rules[str(rid)] = {str(k).replace("-", "_") if k != "severity" else k: v for k, v in opts.items()}
                _check_builtin_options(str(rid), opts, path, rwhere)
            out[key] = rules
        elif key == "fail-on":
            try:
                out[key] = Severity.parse(value)
            except ValueError as exc:
                raise ConfigError(f"{where}: {exc}") from None
        elif key == "language":
            if value not in LANGUAGES:
                raise ConfigError(f"{where}: language must be one of {', '.join(LANGUAGES)}")
            out[key] = value
        elif key in ("languagetool", "cache"):
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: {key!r} must be true or false")
            out[key] = value
        elif key == "jobs":
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:  # (True is an int)
                raise ConfigError(f"{where}: 'jobs' must be a positive integer")
            out[key] = value
        elif key == "overrides":
            if not isinstance(value, list):
                raise ConfigError(f"{where}: 'overrides' must be a list")
            ovs = []
            for i, item in enumerate(value):
                if not isinstance(item, Located):
                    at = f"{path}:{value.item_lines[i]}" if isinstance(value, LocatedList) else where
                    raise ConfigError(f"{at}: each override must be a mapping with 'files'")
                ov = _validate_block(item, path, allowed=OVERRIDE_KEYS, top=False)
                if "files" not in ov:
                    raise ConfigError(f"{path}:{item.line}: an override needs 'files' (a list of globs)")
                ovs.append(ov)
            out[key] = ovs
        elif key in ("cache-dir", "languagetool-dir", "extends"):
            # '' is the config's folder: `cache-dir: ""` wrote the cache beside the stories
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: {key!r} must be a path")
            out[key] = value
        elif key == "languagetool-url":
            # a number or a list here failed later, as an internal error
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{where}: 'languagetool-url' must be a URL (http://host:port)")
            out[key] = value
        elif key == "date":
            out[key] = parse_date(value, where)  # its error names the file and line, as the others do
        else:
            out[key] = value
    return out


def _read_config_data(path: Path) -> Located | None:
    try:
        text = read_utf8(path, bom=True)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except YamlError as exc:
        raise ConfigError(f"{exc.path}:{exc.line}: cannot read config: {exc.message}") from None
    if path.name == "pyproject.toml":
        tomllib = _toml_reader(path)
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            # tomllib ends its message with "(at line N, column M)": put the line up front
            m = re.search(r"^(.*?) \(at (?:line (\d+), column \d+|end of document)\)$", str(exc))
            if m is None:
                raise ConfigError(f"{path}: invalid TOML: {exc}") from None
            line = m.group(2) or len(text.splitlines()) or 1
            raise ConfigError(f"{path}:{line}: invalid TOML: {m.group(1)}") from None
        tool = data.get("tool", {})
        section = tool.get("copylint") if isinstance(tool, dict) else None
        if section is None:
            return None
        if not isinstance(section, dict):
            line = _toml_key_lines(text).get(("tool", "copylint"), 1)
            raise ConfigError(f"{path}:{line}: [tool.copylint] must be a table of keys and values")
        located = _locate_toml(section, text)
        return located
    try:
        data = load_located(text, str(path), check=plain_data_only("a config"))
    except YamlError as exc:
        raise ConfigError(str(exc)) from None
    if data is None:
        empty = Located()
        empty.key_lines = {}
        empty.line = 1
        return empty
    if not isinstance(data, Located):
        raise ConfigError(f"{path}:1: the config must be a mapping of keys to values")
    return data


def _toml_reader(path: Path):
    """tomllib (Python 3.11+), or tomli, its backport, on Python 3.10: without either a
    [tool.copylint] section ended the run as an internal error."""
    try:
        import tomllib
    except ImportError:
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            raise ConfigError(f"{path}: reading [tool.copylint] needs Python 3.11 or the tomli package "
                              "(pip install tomli), or use .copylint.yaml") from None
    return tomllib


_TOML_HEADER = re.compile(r"^\s*(\[\[?)\s*(.+?)\s*\]\]?\s*(?:#.*)?$")
_TOML_KEY = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[\w-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[\w-]+))*)\s*=""")
_TOML_PART = re.compile(r""""([^"]*)"|'([^']*)'|([\w-]+)""")


def _toml_key_lines(text: str) -> dict[tuple, int]:
    """The line of each table and key, by its full path (an array of tables' entries
    numbered): ``("tool", "copylint", "overrides", 1, "select")``. A plain scan, enough
    to point at a key; a key inside an inline table gets its table's line."""
    def parts(key: str) -> tuple:
        return tuple(next(g for g in m.groups() if g is not None) for m in _TOML_PART.finditer(key))

    def numbered(path: tuple) -> tuple:  # [a.b] after [[a]] is in a's last entry
        out: tuple = ()
        for i, part in enumerate(path):
            out += (part,)
            if path[:i + 1] in counts:
                out += (counts[path[:i + 1]],)
        return out

    found: dict[tuple, int] = {}
    counts: dict[tuple, int] = {}
    table: tuple = ()
    for n, line in enumerate(text.splitlines(), 1):
        header = _TOML_HEADER.match(line)
        if header:
            path = parts(header.group(2))
            if header.group(1) == "[[":
                counts[path] = counts.get(path, -1) + 1
            table = numbered(path)
            found.setdefault(table, n)
            continue
        key = _TOML_KEY.match(line)
        if key:
            found.setdefault(table + parts(key.group(1)), n)
    return found


def _locate_toml(section: dict, text: str) -> Located:
    """tomllib gives no positions: each key of the section gets the line it is written on
    (or, failing that, the line of the table holding it), so errors name it as in YAML."""
    lines = _toml_key_lines(text)

    def conv(value: Any, path: tuple, line: int) -> Any:
        if isinstance(value, dict):
            out = Located()
            out.line = line
            out.key_lines = {}
            for k, v in value.items():
                kl = lines.get(path + (k,), line)
                out[k] = conv(v, path + (k,), kl)
                out.key_lines[k] = kl
            return out
        if isinstance(value, list):
            return [conv(v, path + (i,), lines.get(path + (i,), line)) for i, v in enumerate(value)]
        return value

    root = ("tool", "copylint")
    return conv(section, root, lines.get(root, 1))


def load_config_file(path: str | Path, _seen: tuple[str, ...] = ()) -> Settings:
    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"{path}: is a folder, not a config file")
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    key = str(path.resolve())
    data = _read_config_data(path)
    settings = Settings()
    if data is None:  # a pyproject.toml named by --config or extends: it would set nothing, unseen
        raise ConfigError(f"{path}: has no [tool.copylint] table")
    values = _validate_block(data, str(path), allowed=set(KEYS) | TOP_ONLY, top=True)
    if "extends" in values:
        where = f"{path}:{data.line_of('extends')}"
        base_path = (path.parent / values["extends"]).resolve()
        if base_path.is_dir():
            raise ConfigError(f"{where}: extended config {values['extends']!r} is a folder, not a file")
        if not base_path.is_file():
            raise ConfigError(f"{where}: extended config {values['extends']!r} not found")
        if str(base_path) in _seen + (key,):  # said here, at the line that closes the loop
            raise ConfigError(f"{where}: extending {values['extends']!r} makes a loop (it is this file, "
                              "or extends it)")
        settings = load_config_file(base_path, _seen + (key,))
    for folder in values.get("vocabulary", ()):
        if not (path.parent / folder).is_dir():
            raise ConfigError(f"{path}:{data.line_of('vocabulary')}: vocabulary folder {folder!r} not found "
                              "(it holds accept.txt and reject.txt)")
    for key in ("packs", "people"):
        for entry in values.get(key, ()):
            if not _entry_found(key, path.parent / entry):
                problem = (f"pack {entry!r} is a folder, not a YAML file" if key == "packs" and
                           (path.parent / entry).is_dir() else _not_found(key, entry))
                raise ConfigError(f"{path}:{data.line_of(key)}: {problem}")
    apply_values(settings, values, path.parent)
    settings.source, settings.root = str(path), str(path.parent)
    return settings


def _entry_found(key: str, entry: Path) -> bool:
    """A ``packs`` entry is a file or a shipped pack's bare name; a ``people`` entry a
    file or folder. Said here, the error names the config that lists the entry."""
    if key == "people":
        return entry.exists()
    from .packs.loader import shipped_pack_files

    return entry.is_file() or (entry.suffix == "" and entry.name in shipped_pack_files())


def _not_found(key: str, entry: str) -> str:
    if key == "people":
        return f"people file or folder {entry!r} not found"
    from .packs.loader import shipped_pack_files

    return f"pack {entry!r} not found (not a file, nor a shipped pack: {', '.join(sorted(shipped_pack_files()))})"


def apply_values(settings: Settings, values: dict[str, Any], base: Path) -> None:
    for key, value in values.items():
        if key == "extends":
            continue
        if key == "overrides":
            settings.overrides = list(settings.overrides) + [dict(ov, root=str(base)) for ov in value]
            continue
        attr = KEYS[key]
        if key == "rules":
            merged = {k: dict(v) for k, v in settings.rules.items()}
            for rid, opts in value.items():
                merged.setdefault(rid, {}).update(opts)
            settings.rules = merged
        elif key == "cache-dir":
            settings.cache_dir = str(base / os.path.expanduser(value))
        elif key in ("packs", "people"):
            setattr(settings, attr, [str((base / p)) for p in value])
        elif key in ("accept", "reject", "ignore"):
            # lists that add up: an extending file, an override and --ignore each add to
            # what is left out, never bring back what another left out
            setattr(settings, attr, _joined(getattr(settings, attr), value))
        elif key == "vocabulary":
            _add_vocabulary(settings, [base / folder for folder in value])
        elif key == "date":
            settings.date = parse_date(value, f"config {key}")
        else:
            setattr(settings, attr, value)


def _joined(first: list[str], more: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *more]))


def _add_vocabulary(settings: Settings, folders: list[Path]) -> None:
    """The folders' entries join ``accept`` and ``reject`` (so the results cache's key
    changes when a list does); the folders are kept for ``copylint vocab add``."""
    from .vocabulary import VocabularyError, folder_entries

    for folder in folders:
        try:
            accept, reject = folder_entries(folder)
        except VocabularyError as exc:
            raise ConfigError(str(exc)) from None
        settings.accept = list(settings.accept) + accept
        settings.reject = list(settings.reject) + reject
        settings.vocabulary = list(settings.vocabulary) + [str(folder)]


def parse_date(value: Any, what: str = "date"):
    import datetime as dt

    from .readers.common import EARLIEST_DATE, LATEST_DATE, judged_date

    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    else:
        try:
            day = dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            raise ConfigError(f"{what}: {value!r} is not a date (YYYY-MM-DD)") from None
    if not judged_date(day):
        raise ConfigError(f"{what}: {day} is outside the years copylint judges articles in "
                          f"({EARLIEST_DATE.year} to {LATEST_DATE.year})")
    return day


# a [tool.copylint...] table header, not the words in a comment (copylint's own
# pyproject.toml names "[tool.copylint]" in one)
_TOOL_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*tool\.copylint[ \t]*[.\]]", re.M)


def find_config(start: str | Path) -> Path | None:
    """The closest config file at or above ``start`` (a file or folder)."""
    p = Path(start)
    try:
        p = p.resolve()
    except OSError:
        return None
    folder = p if p.is_dir() else p.parent
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = d / name
            if candidate.is_file():
                return candidate
            if candidate.is_dir():
                # skipped, a parent's config (or none) would judge the stories unannounced
                raise ConfigError(f"{candidate}: a folder, not a config file (rename or remove it)")
        pyproject = d / "pyproject.toml"
        if pyproject.is_file():
            try:
                text = pyproject.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if _TOOL_TABLE.search(text):
                return pyproject
    return None


class ConfigResolver:
    """Finds and caches the Settings for each linted path (closest config wins)."""

    def __init__(self, explicit: str | None = None, cli_values: dict[str, Any] | None = None,
                 settings: Settings | None = None) -> None:
        """``settings``: use these for every path, with no discovery (the library API's
        ``config=Settings(...)``); their overrides still apply per path."""
        self.explicit = explicit
        self.cli_values = cli_values or {}
        self.fixed = settings
        self._by_file: dict[str, tuple[Settings, Settings]] = {}
        self._config_by_folder: dict[str, Path | None] = {}

    def forget_found_configs(self) -> None:
        """Look for config files again at the next path: one created since would
        otherwise never be found (see the language server's warm-up)."""
        self._by_file.clear()
        self._config_by_folder.clear()

    def _with_cli(self, settings: Settings) -> Settings:
        """The command line on top: --select replaces the config's list, --ignore and the
        other lists add to theirs."""
        settings = dataclasses.replace(settings)
        for attr, value in self.cli_values.items():
            if value is None:
                continue
            if attr in ("select", "ignore") and not value:
                continue
            if attr in ("packs", "accept", "reject", "ignore"):
                setattr(settings, attr, _joined(getattr(settings, attr), value))
            else:
                setattr(settings, attr, value)
        return settings

    def base_for(self, path: str) -> Settings:
        """The settings of the config that covers ``path``, command line on top (no
        overrides: those are per file)."""
        return self._entry(path)[1]

    def config_for(self, path: str) -> Settings:
        """The settings of the config that covers ``path`` as the file gives them, without
        the command line (whose globs are read from another folder)."""
        return self._entry(path)[0]

    def _entry(self, path: str) -> tuple[Settings, Settings]:
        """(the config as loaded, the same with the command line on top)."""
        if self.fixed is not None:
            return self.fixed, self.fixed
        if self.explicit:
            cfg: Path | None = Path(self.explicit)
        else:
            start = path if path != "-" else os.getcwd()
            folder = start if os.path.isdir(start) else os.path.dirname(os.path.abspath(start))
            if folder not in self._config_by_folder:  # one walk up per folder, not per file
                self._config_by_folder[folder] = find_config(folder)
            cfg = self._config_by_folder[folder]
        key = str(cfg) if cfg else ""
        if key not in self._by_file:
            loaded = load_config_file(cfg) if cfg else Settings(root=os.getcwd())
            self._by_file[key] = (loaded, self._with_cli(loaded))
        return self._by_file[key]

    def for_path(self, path: str) -> Settings:
        """The settings for one file: its config, the overrides that match it, then the
        command line on top of both."""
        loaded, base = self._entry(path)
        overridden = loaded.for_path(path)
        return base if overridden is loaded else self._with_cli(overridden)
