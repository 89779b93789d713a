"""Front matter at the top of a Markdown story: YAML between ``---`` lines (Jekyll, Hugo,
Eleventy) or TOML between ``+++`` lines (Hugo).

Besides the parsed mapping, each top-level string value keeps its place in the file, so a
headline taken from ``title:`` is checked, and reported, where it was typed. A malformed
block never stops the story being read: it becomes a notice and the body is still checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import tool_notices
from ..yamlutil import FAST_SAFE_LOADER, error_place, single_node
from .common import rule_name_at
from .spans import Piece, align

_YAML_OPEN = re.compile(r"\ufeff?---[ \t]*\r?\n")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_TOML_OPEN = re.compile(r"\ufeff?\+\+\+[ \t]*\r?\n")
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*\r?$", re.M)

NOTICE_ID = tool_notices.FRONT_MATTER


@dataclass
class FrontMatter:
    start: int  # the opening fence
    end: int  # just after the closing fence line
    data: dict[str, Any] = field(default_factory=dict)
    # top-level key -> one list of pieces per string it holds (a list of authors gives several)
    values: dict[str, list[list[Piece]]] = field(default_factory=dict)
    # (rule id, message, source start, source end)
    notices: list[tuple[str, str, int, int]] = field(default_factory=list)
    # strings between quote marks: (source start, end, characters a fix may not write there)
    quoted: list[tuple[int, int, str]] = field(default_factory=list)


def read_front_matter(source: str) -> FrontMatter | None:
    """The front matter at the top of ``source``, or None when there is none."""
    for opener, closer, parse in ((_YAML_OPEN, _YAML_CLOSE, _parse_yaml), (_TOML_OPEN, _TOML_CLOSE, _parse_toml)):
        m = opener.match(source)
        if not m:
            continue
        close = closer.search(source, m.end())
        if close is None:
            return None  # an unclosed fence is a thematic break, not front matter
        end = close.end()
        if end < len(source) and source[end] == "\n":
            end += 1
        fm = FrontMatter(start=0, end=end)
        parse(source, m.end(), close.start(), fm)
        return fm
    return None


_DISABLE_KEY = re.compile(r"copylint[-_]disable|\bdisable\b")


def disable_entry_span(source: str, name: str) -> tuple[int, int] | None:
    """Where the front matter's disable list (``copylint: {disable: [...]}``,
    ``copylint-disable: ...``, or TOML's alike) writes ``name``: the first time it stands as
    a word of its own after the key. None when it cannot be found."""
    fm = read_front_matter(source)
    if fm is None:
        return None
    key = _DISABLE_KEY.search(source, 0, fm.end)
    if key is None:
        return None
    m = rule_name_at(source, name, key.end(), fm.end)
    return (m.start(), m.end()) if m else None


# --------------------------------------------------------------------------- YAML


def _parse_yaml(source: str, body_start: int, body_end: int, fm: FrontMatter) -> None:
    body = source[body_start:body_end]
    try:
        loader = FAST_SAFE_LOADER(body)
        try:
            node = single_node(loader, body)
            try:
                data = loader.construct_document(node) if node is not None else None
            except (ValueError, OverflowError):
                if not isinstance(node, yaml.MappingNode):
                    raise
                data = _mapping_by_key(loader, node, body_start, fm)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        index, problem = error_place(exc, body)
        at = min(body_start + (index or 0), body_end)
        fm.notices.append((NOTICE_ID, f"front matter is not valid YAML ({problem}); it was ignored",
                           at, min(at + 1, body_end)))
        return
    except (RecursionError, ValueError, TypeError, OverflowError) as exc:
        fm.notices.append((NOTICE_ID, f"front matter could not be read ({type(exc).__name__}); it was ignored",
                           body_start, body_start))
        return
    if data is None:
        return
    if not isinstance(data, dict):
        fm.notices.append((NOTICE_ID, "front matter is not a mapping of keys to values; it was ignored",
                           body_start, body_end))
        return
    fm.data = {str(k): v for k, v in data.items()}
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        found = []
        for scalar in _string_scalars(value_node):
            value = scalar.value.strip()
            if value:
                start, end = body_start + scalar.start_mark.index, body_start + scalar.end_mark.index
                found.append(align(value, source, start, end, escapes=True))
                if scalar.style in _YAML_QUOTED:
                    fm.quoted.append((start, end, _YAML_QUOTED[scalar.style]))
        if found:
            fm.values[str(key_node.value)] = found


def _mapping_by_key(loader, node, body_start: int, fm: FrontMatter) -> dict:
    """A mapping one of whose values YAML cannot build, built key by key: a day no
    calendar has ("date: 2024-02-30") stays the text it is, with a notice at it, and the
    other keys (the headline) are kept; any other value that cannot be built is left out."""
    data = {}
    for key_node, value_node in node.value:
        loader.constructed_objects, loader.recursive_objects, loader.state_generators = {}, {}, []
        try:
            key = loader.construct_object(key_node, deep=True)
            data[key] = loader.construct_object(value_node, deep=True)
        except (ValueError, OverflowError, TypeError):
            at = body_start + value_node.start_mark.index
            if value_node.tag == "tag:yaml.org,2002:timestamp":
                fm.notices.append((NOTICE_ID, f"{value_node.value!r} is not a real date; it was not used",
                                   at, body_start + value_node.end_mark.index))
            else:
                fm.notices.append((NOTICE_ID, f"front matter value {value_node.value!r} could not be read; it was ignored",
                                   at, body_start + value_node.end_mark.index))
    return data


_NULL_TAG = "tag:yaml.org,2002:null"
# what ends or escapes a quoted YAML scalar, by its style
_YAML_QUOTED = {'"': '"\\', "'": "'"}


def _string_scalars(node) -> list:
    """Scalar nodes holding text: the value itself, the items of a list, or the ``name``
    of a mapping (``author: {name: ...}``)."""
    if isinstance(node, yaml.ScalarNode):
        return [] if node.tag == _NULL_TAG else [node]
    if isinstance(node, yaml.SequenceNode):
        out = []
        for item in node.value:
            if isinstance(item, (yaml.ScalarNode, yaml.MappingNode)):
                out.extend(_string_scalars(item))
        return out
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == "name" and isinstance(v, yaml.ScalarNode):
                return [v]
    return []


# --------------------------------------------------------------------------- TOML


# what ends or escapes a TOML string, by its first character (a list may hold either kind)
_TOML_QUOTED = {'"': '"\\', "'": "'", "[": '"\'\\'}


def _parse_toml(source: str, body_start: int, body_end: int, fm: FrontMatter) -> None:
    try:
        import tomllib  # Python 3.11+
    except ImportError:  # pragma: no cover - Python 3.10
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            fm.notices.append((NOTICE_ID, "TOML front matter needs Python 3.11 or the tomli package; it was ignored",
                               body_start, body_start))
            return
    body = source[body_start:body_end]
    try:
        data = tomllib.loads(body.replace("\r\n", "\n"))
    except (tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
        fm.notices.append((NOTICE_ID, f"front matter is not valid TOML ({exc}); it was ignored",
                           body_start, min(body_start + 1, body_end)))
        return
    fm.data = data
    # top-level keys end before the first [table] header
    table = re.search(r"^[ \t]*\[", body, re.M)
    top_end = body_start + (table.start() if table else len(body))
    for key, value in data.items():
        strings = [value] if isinstance(value, str) else \
            [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
        strings = [s.strip() for s in strings if s.strip()]
        if not strings:
            continue
        line = re.compile(r"^[ \t]*([\"']?)" + re.escape(key) + r"\1[ \t]*=[ \t]*", re.M).search(source, body_start, top_end)
        if line is None:
            continue
        pos = line.end()
        stop = top_end
        if source[pos:pos + 1] in _TOML_QUOTED:
            fm.quoted.append((pos, stop, _TOML_QUOTED[source[pos]]))
        if source[pos:pos + 3] not in ('"""', "'''") and source[pos:pos + 1] != "[":
            nl = source.find("\n", pos, top_end)
            stop = top_end if nl == -1 else nl
        found = []
        for s in strings:
            pieces = align(s, source, pos, stop, escapes=True)
            verbatim_ends = [p[2] for p in pieces if p[0] == "v"]
            if verbatim_ends:
                pos = verbatim_ends[-1]
            found.append(pieces)
        fm.values[key] = found
