"""YAML loading that keeps line numbers, so config and pack errors can name ``file:line``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import yaml

# libyaml's safe loader when PyYAML was built with it (about ten times faster; the same
# nodes and the same marks), else the pure-Python one
FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(Exception):
    """A problem in a YAML file, already phrased as ``file:line: message``."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


def error_place(exc: yaml.YAMLError, text: str) -> tuple[int | None, str]:
    """Where in ``text`` a YAML error is (a character index, or None) and what it is, in
    one line. A character YAML refuses (a control character) raises a ReaderError, which
    has no mark and would print as two lines; its position counts bytes under libyaml,
    but it is the first such character in the text, so it is found by value."""
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.character, int):
        at = text.find(chr(exc.character))
        return (at if at >= 0 else None), f"character U+{exc.character:04X} is not allowed"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    context = getattr(exc, "context", None)
    problem = getattr(exc, "problem", None) or context or str(exc).splitlines()[0]
    at = mark.index if mark is not None else None
    if at is not None and text[at:at + 1] == "\t":
        # libyaml says only "found character that cannot start any token"
        problem = "a tab where YAML needs spaces (indent with spaces, not tabs)"
    elif problem.startswith("but ") and context:  # "but found another document" alone says little
        problem = f"{context}, {problem}"
    return at, problem


def read_utf8(path: Path, bom: bool = False) -> str:
    """A data file's text. Raises OSError, or YamlError naming the line of the first byte
    that is not UTF-8: Python's own message counts bytes from the start of the file."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(str(path), raw[:exc.start].count(b"\n") + 1,
                        f"byte {raw[exc.start]:#04x} is not UTF-8 (save the file as UTF-8)") from None


class Located(dict):
    """A mapping that remembers the line of each key and of itself (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LocatedList(list):
    line: int = 0
    item_lines: list[int]


MAX_EXPANDED_NODES = 200_000  # values a document may hold once its aliases are expanded


def single_node(loader, text: str) -> yaml.Node | None:
    """The document's node graph, refused when its aliases expand too far. Nine aliases
    of nine aliases of ... ("billion laughs") compose to a small graph that expands to
    billions of values: walking it, as building the data does, hung the run and took
    gigabytes. A document with no anchor (no ``&``) has no alias and is not walked; a long
    one whose values are mostly written out (a people file that names "AT&T") is kept."""
    node = loader.get_single_node()
    if node is None or "&" not in text:
        return node
    seen, distinct, stack = 0, set(), [node]
    while stack:
        n = stack.pop()
        seen += 1
        distinct.add(id(n))
        # a long file without aliases visits each value once: only expansion is refused
        if seen > MAX_EXPANDED_NODES and seen > 10 * len(distinct):
            raise yaml.MarkedYAMLError(problem=f"its aliases expand to more than {MAX_EXPANDED_NODES:,} values",
                                       problem_mark=node.start_mark)
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                stack.append(k)
                stack.append(v)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return node


PLAIN_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")}


def plain_data_only(what: str) -> Callable[[yaml.Node], None]:
    """A ``check`` for load_located that refuses any tag beyond YAML's plain types: a
    config or a pack is data, and a tag on a list or mapping (``!!python/object ...``)
    was otherwise dropped without a word."""
    def check(node: yaml.Node) -> None:
        stack = [node]
        while stack:
            n = stack.pop()
            if n.tag not in PLAIN_TAGS:
                raise YamlError("", n.start_mark.line + 1, f"unsupported tag {n.tag!r}: {what} holds plain data only")
            if isinstance(n, yaml.MappingNode):
                for k, v in n.value:
                    stack.extend((k, v))
            elif isinstance(n, yaml.SequenceNode):
                stack.extend(n.value)
    return check


def _construct(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.line = node.start_mark.line + 1
        out.key_lines = {}
        for key_node, value_node in node.value:
            key = _value(key_node, loader)
            if isinstance(key, (list, dict)):
                raise YamlError("", key_node.start_mark.line + 1, "a mapping key must be a plain value")
            if key in out:
                raise YamlError("", key_node.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _construct(value_node, loader)
            out.key_lines[str(key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LocatedList(_construct(n, loader) for n in node.value)
        seq.line = node.start_mark.line + 1
        seq.item_lines = [n.start_mark.line + 1 for n in node.value]
        return seq
    return _value(node, loader)


def _value(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except (ValueError, OverflowError) as exc:  # YAML reads 2022-13-01 as a date, and fails
        line = node.start_mark.line + 1
        if node.tag == "tag:yaml.org,2002:timestamp":
            raise YamlError("", line, f"{node.value} is not a real date") from None
        raise YamlError("", line, f"cannot read {node.value!r}: {exc}") from None


def load_located(text: str, path: str, loader_class: type = yaml.SafeLoader,
                 check: Callable[[yaml.Node], None] | None = None) -> Any:
    """Parse YAML text into Located/LocatedList/scalars. Errors raise YamlError.
    ``check`` may refuse the node graph before anything is built from it."""
    loader = None
    try:
        loader = loader_class(text)  # (the pure parser refuses a control character at once)
        node = single_node(loader, text)
        if node is None:
            return None
        if check is not None:
            check(node)
        return _construct(node, loader)
    except YamlError as exc:
        raise YamlError(path, exc.line, exc.message) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        at, problem = error_place(exc, text)
        if mark is not None:
            line = mark.line + 1
        else:  # YAML counts a lone "\r" as a line break too
            line = (len(text[:at + 1].splitlines()) or 1) if at is not None else None
        raise YamlError(path, line, f"invalid YAML: {problem}") from None
    finally:
        if loader is not None:
            loader.dispose()


def parse_cached(text: str, path: str, parse: Callable[[str, str], Any], code_file: str) -> Any:
    """``parse(text, path)``, read back from the user's cache folder when this exact text
    was parsed before by this code: the people data and the rule packs are long, and
    parsing them was a third of a one-file run's start-up; unpickling takes a tenth of
    that. Only what parsed cleanly is kept, so every error comes from ``parse`` itself
    and is worded as ever. A cache that cannot be read or written is no error."""
    import hashlib

    from .data import MISSING, read_pickled, user_cache_dir, write_pickled

    code = _code_digest(code_file)
    if code is None:
        return parse(text, path)
    digest = hashlib.sha1(code + b"\0" + text.encode("utf-8", "surrogatepass"))
    slot = hashlib.sha1(str(Path(path).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    cached = user_cache_dir() / "yaml" / f"{slot}-{digest.hexdigest()[:20]}.pickle"
    data = read_pickled(cached)
    if data is MISSING:
        data = parse(text, path)
        write_pickled(cached, data, f"{slot}-*.pickle")
    return data


@lru_cache(maxsize=8)
def _code_digest(code_file: str) -> bytes | None:
    """What the parse of a cached file depends on besides its text: this module, the
    caller's module and PyYAML's version (read once per process), or None if unreadable."""
    import hashlib

    try:
        code = Path(__file__).read_bytes() + Path(code_file).read_bytes()
    except OSError:
        return None
    return hashlib.sha1(code + yaml.__version__.encode()).digest()
