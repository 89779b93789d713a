"""Finding, reading and validating rule packs. Every error names ``file:line``.

A pack is YAML data checked against ``schema.json`` (with the ``jsonschema`` package),
then against what a schema cannot say: fields that do not belong to a rule's kind,
message placeholders, and patterns that the linear-time engine refuses.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import string
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..config import ConfigError
from ..data import rules_dir
from ..hints import did_you_mean
from ..yamlutil import FAST_SAFE_LOADER, Located, LocatedList, YamlError, load_located, parse_cached, plain_data_only
from .patterns import PatternError, compile_pattern, is_literal

# kinds whose `exceptions` are plain words (acronyms, names), not patterns
WORD_EXCEPTIONS = {"capitalization", "conditional"}
RESERVED = {"typo", "grammar", "structure", "facts", "copylint", "all"}

COMMON_FIELDS = {"id", "kind", "message", "summary", "description", "severity", "link", "regions", "quotes",
                 "names", "exceptions", "unless", "ignorecase", "literal", "safe", "since", "tests"}
KIND_FIELDS = {
    "existence": {"tokens", "openers"},
    "substitution": {"swap", "openers"},
    "consistency": {"groups", "variants", "prefer", "together", "apart", "majority", "openers"},
    "occurrence": {"tokens", "max", "per-words", "min-count", "scope", "max-words", "max-chars", "openers"},
    "capitalization": {"style", "minor-words"},
    "conditional": {"min-letters", "max-letters", "expansions"},
}
PLACEHOLDERS = {
    "existence": {"match"},
    "substitution": {"match", "replacement"},
    "consistency": {"match", "replacement", "first", "variant"},
    "occurrence": {"match", "count", "words", "rate", "max", "unit"},
    "capitalization": {"style", "words", "replacement"},
    "conditional": {"match"},
}


class PackError(ConfigError):
    """A pack problem, phrased as ``file:line: message``."""


@dataclass
class PackSpec:
    name: str
    path: str
    data: Located
    description: str = ""
    default: bool = False
    locale: str | None = None
    sources: list[str] = field(default_factory=list)
    shipped: bool = False

    @property
    def rules(self) -> LocatedList:
        return self.data["rules"]

    def where(self, line: int) -> str:
        return f"{self.path}:{line}"


# --------------------------------------------------------------------------- YAML


_PLAIN = plain_data_only("a pack")


def _load_yaml(text: str, path: str) -> Any:
    """yamlutil.load_located with libyaml's parser when present (packs can be long), and
    plain data only."""
    try:
        return load_located(text, path, FAST_SAFE_LOADER, _PLAIN)
    except YamlError as exc:
        raise PackError(str(exc)) from None


# --------------------------------------------------------------------------- schema


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads((Path(__file__).with_name("schema.json")).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def line_at(data: Any, path) -> int:
    """Line of the deepest located node along a JSON path."""
    line = getattr(data, "line", 1) or 1
    node = data
    for key in path:
        if isinstance(node, Located) and key in node:
            line = node.line_of(str(key))
            node = node[key]
        elif isinstance(node, LocatedList) and isinstance(key, int) and key < len(node):
            line = node.item_lines[key]
            node = node[key]
        else:
            break
    return line


def _error_line(data: Any, error) -> int:
    """The line of a schema error: an unknown key's own line, not that of the mapping
    holding it (a rule of twenty lines was pointed at by its ``- id:``)."""
    if error.validator == "additionalProperties":
        node = data
        for key in error.absolute_path:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
        else:
            extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
            if extra and isinstance(node, Located):
                return node.line_of(str(extra[0]))
    return line_at(data, error.absolute_path)


def _rule_label(data: Any, path) -> str:
    p = list(path)
    if len(p) >= 2 and p[0] == "rules" and isinstance(p[1], int):
        rules = data.get("rules")
        try:
            rid = rules[p[1]].get("id")
        except (AttributeError, IndexError, TypeError):
            rid = None
        return f"rule {rid!r}: " if isinstance(rid, str) else f"rule #{p[1] + 1}: "
    return ""


def _explain(error) -> str:
    v = error.validator
    if v == "additionalProperties":
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        if extra:
            return f"unknown key {extra[0]!r}{did_you_mean(extra[0], error.schema.get('properties', {}))}"
    if v == "required":
        return error.message.replace("is a required property", "is required")
    if v == "oneOf" and len(error.path) >= 2 and error.path[-2] in ("fail", "pass"):  # (a deque: no slices)
        return "an example must be a string, or a mapping with headline, standfirst, body or caption"
    if v in ("oneOf", "anyOf") and isinstance(error.instance, dict) and error.context:
        # a rule that fits none of its kind's shapes: name what each shape needs
        needs: dict[int, list[str]] = {}
        for sub in error.context:
            if sub.validator == "required" and sub.relative_schema_path:
                needs.setdefault(sub.relative_schema_path[0], []).extend(
                    k for k in sub.validator_value if k not in error.instance)
        if needs:
            shapes = " or ".join(" and ".join(repr(k) for k in dict.fromkeys(keys)) for keys in needs.values() if keys)
            kind = str(error.instance.get("kind", "rule"))
            return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind} rule needs {shapes}"
    if v == "oneOf":
        if error.instance in ("", []):  # a string it is: "'' must be a string" said nothing
            return f"{error.instance!r} is empty: give a string or a list of strings"
        return f"{error.instance!r} must be a string or a list of strings"
    if v == "minItems" and "tests" in error.path:
        return f"'{error.path[-1]}' needs at least one example"
    if v == "pattern" and error.path and error.path[-1] in ("id", "pack"):
        return f"{error.instance!r} is not a valid {error.path[-1]} (lower-case letters, digits and '-')"
    return error.message


MAX_SCHEMA_PROBLEMS = 3  # schema problems named in one error


def validate(data: Any, path: str, schema: bool = True) -> None:
    """Check a pack against the JSON Schema (skipped with ``schema=False``) and the rules
    a schema cannot express."""
    if not isinstance(data, Located):
        raise PackError(f"{path}:1: a pack must be a mapping with 'pack' and 'rules'")
    _check_keys_are_text(data, path)
    errors = list(_validator().iter_errors(data)) if schema else []
    if errors:
        def depth_line(e):  # (by the mapping at fault: a misspelt key before the key it misses)
            return (line_at(data, e.absolute_path), -len(e.absolute_path))

        errors.sort(key=depth_line)
        e = errors[0]
        # the next few too, each at its line: fixing one to meet the next costs a run each
        others = [f"line {_error_line(data, o)}: {_explain(o)}" for o in errors[1:MAX_SCHEMA_PROBLEMS]]
        rest = len(errors) - MAX_SCHEMA_PROBLEMS
        more = ("; also " + "; ".join(others) if others else "") + (f" (and {rest} more)" if rest > 0 else "")
        raise PackError(f"{path}:{_error_line(data, e)}: {_rule_label(data, e.absolute_path)}"
                        f"{_explain(e)}{more}")
    _check_semantics(data, path)


def _check_keys_are_text(node: Any, path: str) -> None:
    """YAML reads ``swap: {5: five}`` or ``{no: No.}`` with a number or a boolean as the
    key, which the schema check and the compiler then crashed on; a pack's keys are text."""
    if isinstance(node, Located):
        for key, value in node.items():
            if not isinstance(key, str):
                raise PackError(f"{path}:{node.line_of(str(key))}: key {key!r} is not text; quote it "
                                "(YAML reads yes, no, on, off, null and numbers as other values)")
            _check_keys_are_text(value, path)
    elif isinstance(node, list):
        for item in node:
            _check_keys_are_text(item, path)


def _placeholders(message: str) -> set[str]:
    names = set()
    for _, name, _, _ in string.Formatter().parse(message):
        if name is not None:
            names.add(name)
    return names


def _check_semantics(data: Located, path: str) -> None:
    if data["pack"] in RESERVED:
        raise PackError(f"{path}:{data.line_of('pack')}: pack name {data['pack']!r} is reserved for built-in rules")
    seen: dict[str, int] = {}
    for i, r in enumerate(data["rules"]):
        line = data["rules"].item_lines[i]
        label = f"{path}:{{}}: rule {r['id']!r}: "
        if r["id"] in seen:
            raise PackError(label.format(r.line_of("id")) + f"duplicate id (first defined at line {seen[r['id']]})")
        seen[r["id"]] = r.line_of("id")
        kind = r["kind"]
        allowed = COMMON_FIELDS | KIND_FIELDS[kind]
        for key in r:
            if key not in allowed:
                raise PackError(label.format(r.line_of(key)) + f"{key!r} does not apply to kind {kind}")
        try:
            names = _placeholders(r["message"])
        except ValueError as exc:
            raise PackError(label.format(r.line_of("message")) + f"bad message template: {exc}") from None
        unknown = sorted(names - PLACEHOLDERS[kind])
        if unknown:
            raise PackError(label.format(r.line_of("message")) + f"unknown placeholder {{{unknown[0]}}} "
                            f"(a {kind} message may use: {', '.join('{' + n + '}' for n in sorted(PLACEHOLDERS[kind]))})")
        if "since" in r and as_date(r["since"]) is None:
            raise PackError(label.format(r.line_of("since")) + f"since: {r['since']!r} is not a date (YYYY-MM-DD)")
        for example in (e for k in ("fail", "pass") for e in r.get("tests", {}).get(k) or []):
            if isinstance(example, dict) and "date" in example and as_date(example["date"]) is None:
                raise PackError(label.format(example.line_of("date")) + f"date: {example['date']!r} is not a date "
                                "(YYYY-MM-DD)")
        literal = r.get("literal", False)
        ignorecase = r.get("ignorecase", True)

        def check_pattern(term: str, where_line: int) -> None:
            # `literal` is about the rule's terms: its exceptions are patterns all the same
            if (literal and key not in ("exceptions", "unless")) or is_literal(term) or \
                    (kind in WORD_EXCEPTIONS and key == "exceptions"):
                return
            try:
                compile_pattern(term, ignorecase)
            except PatternError as exc:
                raise PackError(label.format(where_line) + str(exc)) from None

        for key in ("tokens", "exceptions", "unless"):
            if key in r:
                for j, term in enumerate(r[key]):
                    check_pattern(term, r[key].item_lines[j])
        key = "swap"
        if "swap" in r:
            for term in r["swap"]:
                check_pattern(term, r["swap"].line_of(str(term)))
        if kind == "consistency":
            variants = r.get("variants")
            key = "groups"
            for j, group in enumerate(r["groups"]):
                gline = r["groups"].item_lines[j]
                if variants and len(group) != len(variants):
                    raise PackError(label.format(gline) + f"this group has {len(group)} forms but the rule names "
                                    f"{len(variants)} variants ({', '.join(variants)})")
                for form in group:
                    for term in ([form] if isinstance(form, str) else form):
                        check_pattern(term, gline)
            for key in ("apart", "majority"):
                if key in r and not r.get("together"):
                    raise PackError(label.format(r.line_of(key)) + f"'{key}' applies with 'together: true' only; "
                                    "this rule judges every group on its own already")
            if "apart" in r:
                for j, term in enumerate(r["apart"]):
                    check_pattern(term, r["apart"].item_lines[j])
            if "prefer" in r and r["prefer"] not in (variants or []):
                raise PackError(label.format(r.line_of("prefer")) + f"prefer: {r['prefer']!r} is not one of the "
                                f"rule's variants ({', '.join(variants or []) or 'none named'})")
        if kind == "occurrence":
            has_tokens = "tokens" in r
            has_length = "max-words" in r or "max-chars" in r
            if has_tokens and has_length:
                raise PackError(label.format(r.line) + "an occurrence rule counts either tokens (max) or length "
                                "(max-words / max-chars), not both")
            if has_tokens and "scope" in r:
                raise PackError(label.format(r.line_of("scope")) + "'scope' applies to length limits only")
            if "per-words" in r and not has_tokens:
                raise PackError(label.format(r.line_of("per-words")) + "'per-words' needs 'tokens'")
        if kind == "conditional" and r.get("min-letters", 3) > r.get("max-letters", 6):
            raise PackError(label.format(r.line_of("min-letters")) + "min-letters is larger than max-letters")
        passes = r.get("tests", {}).get("pass") or []  # (a shipped pack skips the schema's pass)
        for j, example in enumerate(passes):
            if isinstance(example, dict) and "fixed" in example:
                raise PackError(label.format(passes.item_lines[j]) + "a pass example has no finding, so no fix to "
                                "check: 'fixed' belongs in a fail example")
        del line


def as_date(value: Any) -> dt.date | None:
    """A rule's ``since`` or an example's ``date``: YAML reads 2019-08-14 as a date; a
    quoted "2019-08-14" is taken too. None for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


# --------------------------------------------------------------------------- files


_PACK_KEY_RE = re.compile(r"^pack\s*:", re.M)


def read_pack(path: str | Path, shipped: bool = False) -> PackSpec:
    p = Path(path)
    shown = str(p)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PackError(f"{shown}: pack file not found") from None
    except UnicodeDecodeError as exc:
        line = p.read_bytes()[:exc.start].count(b"\n") + 1
        raise PackError(f"{shown}:{line}: cannot read pack: byte {exc.object[exc.start]:#04x} is not UTF-8 "
                        "(save the pack as UTF-8)") from None
    except OSError as exc:
        raise PackError(f"{shown}: cannot read pack: {exc.strerror or exc}") from None
    data = parse_cached(text, shown, _load_yaml, __file__)
    # shipped packs are schema-checked by the test suite (tests/packs): at run time the
    # schema pass would cost most of a second at every start, in every worker
    validate(data, shown, schema=not shipped)
    return PackSpec(name=data["pack"], path=shown, data=data, description=data.get("description", ""),
                    default=bool(data.get("default", False)), locale=data.get("locale"),
                    sources=list(data.get("sources", [])), shipped=shipped)


def shipped_pack_files() -> dict[str, Path]:
    """Shipped packs by name: the YAML files at the top of the rules folder that declare
    ``pack:`` (other data files may live there too)."""
    found: dict[str, Path] = {}
    folder = rules_dir()
    if not folder.is_dir():
        return found
    for f in sorted(folder.glob("*.yaml")):
        try:
            head = f.read_text(encoding="utf-8")[:4096]
        except (OSError, UnicodeDecodeError):
            continue
        m = re.search(r"^pack\s*:\s*['\"]?([a-z][a-z0-9-]*)", head, re.M)
        if m:
            found[m.group(1)] = f
    return found


def resolve_entries(entries: list[str]) -> list[Path]:
    """Turn ``packs:`` / ``--pack`` entries into files. An entry that is not a file and
    whose last part names a shipped pack (``us``, ``uk``) means that pack."""
    shipped = shipped_pack_files()
    out: list[Path] = []
    for entry in entries:
        p = Path(entry)
        if p.is_file():
            out.append(p)
            continue
        name = p.name[:-5] if p.name.endswith(".yaml") else p.name[:-4] if p.name.endswith(".yml") else p.name
        if name in shipped and p.suffix == "":
            out.append(shipped[name])
            continue
        if p.is_dir():
            raise PackError(f"{entry}: is a folder, not a pack file (name a YAML file)")
        names = ", ".join(sorted(shipped)) or "none"
        raise PackError(f"{entry}: pack not found (not a file, nor a shipped pack: {names})")
    return out
