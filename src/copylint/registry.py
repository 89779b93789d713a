"""Rule metadata and rule discovery.

A Python rule is a function ``check(doc, ctx) -> Iterator[Hit]`` decorated with
:func:`rule`; a corpus rule (decides once per run, over every file) is a pair of
functions ``collect(doc, ctx) -> facts`` and ``finish(facts_by_path, ctx) -> Iterator[(path, Hit-like Finding)]``
declared with :func:`corpus_rule`. The decorators register nothing: built-in rules are
found by scanning the ``copylint.rules`` package, third-party ones through the
``copylint.rules`` entry-point group, and rule packs (YAML) add compiled rules at load time.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, get_args, get_origin, get_type_hints

from .model import Severity

ENTRY_POINT_GROUP = "copylint.rules"


@dataclass
class Rule:
    """One rule's metadata and behaviour.

    ``reads``: region kinds the rule looks at (empty = the whole text).
    ``skips``: region kinds, "quote" (direct quotations) or "note" (correction and update
    notes, see ``Document.notes``) whose hits are dropped.
    ``options``: a dataclass type; its defaults are the rule's defaults, config overrides them.
    ``needs``: resources such as "languagetool" the runner must provide.
    ``ids``: for rules that emit several ids (e.g. grammar.* from LanguageTool), the prefix
    they emit under; selection matches either.
    ``also_emits``: ids the rule reports outside its own ("grammar" reports LanguageTool's
    spelling matches as typo.spelling), so that a suppression of one of them is not called
    unused by a run in which the rule could not run.
    """

    id: str
    summary: str
    severity: Severity = Severity.WARNING
    check: Callable[..., Iterable[Any]] | None = None
    collect: Callable[..., Any] | None = None
    finish: Callable[..., Iterable[Any]] | None = None
    reads: tuple[str, ...] = ()
    skips: tuple[str, ...] = ()
    fixable: bool = False
    options: type | None = None
    needs: tuple[str, ...] = ()
    doc: str = ""
    link: str | None = None
    pack: str | None = None  # name of the pack a compiled rule came from
    source: str | None = None  # "file:line" where the rule is defined (packs)
    emits_prefix: bool = False  # True when the rule emits ids under "<id>." (grammar)
    also_emits: tuple[str, ...] = ()
    priority: int = 50  # overlap resolution: higher wins (house 90, typo 70, grammar 30)
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def is_corpus(self) -> bool:
        return self.collect is not None

    def default_options(self) -> Any:
        return self.options() if self.options is not None else None

    def make_options(self, values: dict[str, Any] | None) -> Any:
        """Build the options object from config values; unknown names raise ValueError."""
        if self.options is None:
            if values:
                raise ValueError(f"rule {self.id} takes no options")
            return None
        names = {f.name for f in dataclasses.fields(self.options)}
        values = dict(values or {})
        converted = {k.replace("-", "_"): v for k, v in values.items()}
        unknown = sorted(set(converted) - names)
        if unknown:
            from .hints import did_you_mean

            written = {_written(n) for n in names}
            raise ValueError(f"unknown option {_written(unknown[0])!r} for rule {self.id}"
                             f"{did_you_mean(_written(unknown[0]), written)}")
        hints = get_type_hints(self.options)
        for name, value in converted.items():
            wanted = _wanted_type(value, hints.get(name))
            if wanted:
                raise ValueError(f"option {_written(name)!r} of rule {self.id} must be {wanted}, not {value!r}")
        return self.options(**converted)


def _written(name: str) -> str:
    """An option's name as a config writes it and `explain` shows it (min-words)."""
    return name.replace("_", "-")


MAX_COUNT_OPTION = 10_000


def _wanted_type(value: Any, hint: Any) -> str | None:
    """What an option's value should be, when a config gives another type (``allow: 5``
    for a list of words would fail later, inside the rule, as an internal error)."""
    if hint is bool:
        return None if isinstance(value, bool) else "true or false"
    if hint is int:
        # every whole-number option counts words, days or years: a negative one read as
        # nonsense ("used only in the -5 days before a term begins"), and a huge number of
        # days overflowed the calendar inside the rule (an internal error)
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_COUNT_OPTION
        return None if ok else f"a whole number from 0 to {MAX_COUNT_OPTION}"
    if hint is float:
        return None if isinstance(value, (int, float)) and not isinstance(value, bool) else "a number"
    if hint is str:
        return None if isinstance(value, str) else "a string"
    if get_origin(hint) is list and get_args(hint) == (str,):
        return None if isinstance(value, list) and all(isinstance(v, str) for v in value) else "a list of strings"
    return None


def _namespace_priority(rule_id: str) -> int:
    ns = rule_id.split(".", 1)[0]
    return {"typo": 70, "grammar": 30, "structure": 60, "facts": 80, "copylint": 100}.get(ns, 90)


def rule(
    id: str,
    summary: str,
    *,
    severity: str | Severity = Severity.WARNING,
    reads: Iterable[str] = (),
    skips: Iterable[str] = (),
    fixable: bool = False,
    options: type | None = None,
    needs: Iterable[str] = (),
    link: str | None = None,
    emits_prefix: bool = False,
    also_emits: Iterable[str] = (),
) -> Callable[[Callable], Callable]:
    """Attach rule metadata to a ``check(doc, ctx)`` function. The function's docstring
    is the rule's documentation (``copylint explain``)."""

    def wrap(fn: Callable) -> Callable:
        fn.copylint_rule = Rule(
            id=id, summary=summary, severity=Severity.parse(severity), check=fn,
            reads=tuple(reads), skips=tuple(skips), fixable=fixable, options=options,
            needs=tuple(needs), doc=inspect.cleandoc(fn.__doc__ or ""), link=link,
            emits_prefix=emits_prefix, also_emits=tuple(also_emits), priority=_namespace_priority(id),
        )
        return fn

    return wrap


def corpus_rule(
    id: str,
    summary: str,
    *,
    collect: Callable,
    check: Callable | None = None,
    severity: str | Severity = Severity.WARNING,
    reads: Iterable[str] = (),
    skips: Iterable[str] = (),
    fixable: bool = False,
    options: type | None = None,
    link: str | None = None,
) -> Callable[[Callable], Callable]:
    """Declare a corpus rule: ``collect(doc, ctx)`` runs per file (in workers) and returns
    picklable facts; the decorated ``finish(facts, ctx)`` runs once per run with
    ``facts`` a list of ``(path, facts)`` sorted by path and yields Findings. An optional
    ``check(doc, ctx)`` also runs per file, for the part of the rule one file decides."""

    def wrap(fn: Callable) -> Callable:
        fn.copylint_rule = Rule(
            id=id, summary=summary, severity=Severity.parse(severity), collect=collect,
            check=check, finish=fn, reads=tuple(reads), skips=tuple(skips), fixable=fixable, options=options,
            doc=inspect.cleandoc(fn.__doc__ or ""),
            link=link, priority=_namespace_priority(id),
        )
        return fn

    return wrap


def rules_in_module(module: Any) -> Iterator[Rule]:
    for value in vars(module).values():
        meta = getattr(value, "copylint_rule", None)
        if isinstance(meta, Rule):
            yield meta


def builtin_rules() -> list[Rule]:
    """Every rule defined in the modules of the ``copylint.rules`` package."""
    from . import rules as package

    found: list[Rule] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found.extend(rules_in_module(module))
    return found


def plugin_rules() -> list[Rule]:
    """Rules from installed distributions' ``copylint.rules`` entry points. An entry point
    names a module (all its rules) or a single decorated function."""
    from importlib.metadata import entry_points

    found: list[Rule] = []
    for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        obj = ep.load()
        meta = getattr(obj, "copylint_rule", None)
        if isinstance(meta, Rule):
            found.append(meta)
        else:
            found.extend(rules_in_module(obj))
    return found


# the names that select (or suppress) every rule
ALL_NAMES = ("ALL", "all", "*")


def matches_prefix(rule_id: str, prefix: str) -> bool:
    """``typo`` selects ``typo.spelling``; ``ALL`` selects everything."""
    if prefix in ALL_NAMES:
        return True
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def prefix_specificity(rule_id: str, prefixes: Iterable[str]) -> int:
    """Length of the most specific prefix in ``prefixes`` matching ``rule_id`` (-1: none)."""
    best = -1
    for p in prefixes:
        if matches_prefix(rule_id, p):
            best = max(best, 0 if p in ALL_NAMES else len(p))
    return best


def is_selected(rule_id: str, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """Most specific prefix wins; on a tie, ignore wins."""
    s = prefix_specificity(rule_id, select)
    i = prefix_specificity(rule_id, ignore)
    return s >= 0 and s > i
