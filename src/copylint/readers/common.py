"""Helpers shared by the readers: decoding bytes, suppression comments, front matter."""

from __future__ import annotations

import datetime as dt
import gc
import re
from contextlib import contextmanager
from typing import Any, Iterator

from ..model import Directive, Document, LineIndex, TextBuilder

DIRECTIVE_RE = re.compile(r"<!--\s*copylint\s*:\s*(disable|enable|ignore)\b([^>]*?)\s*-->", re.I)
_BINARY_SNIFF = 8192


class BinaryFile(Exception):
    """The bytes are not text (NUL bytes in the first 8 KiB)."""


def decode(data: bytes) -> tuple[str, list[tuple[int, int]], bool]:
    """Decode UTF-8 text. Returns (text, invalid byte runs as (start, end) code-point
    offsets, had_bom). Each undecodable byte becomes one U+FFFD, so the rest of the
    file keeps its positions and is still checked."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise BinaryFile()
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        return data.decode("utf-8"), [], bom
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    bad: list[tuple[int, int]] = []
    for m in re.finditer(r"[\udc80-\udcff]+", text):
        bad.append((m.start(), m.end()))
    text = re.sub(r"[\udc80-\udcff]", "\ufffd", text)
    return text, bad, bom


def parse_directive(match: re.Match) -> tuple[str, tuple[str, ...]]:
    action = match.group(1).lower()
    rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
    return action, rules


def directive_at(match: re.Match, src_offset: int, text_offset: int, lines: LineIndex) -> Directive:
    action, rules = parse_directive(match)
    line, col = lines.position(src_offset)
    return Directive(action, rules, text_offset, line, col)


FIELD_ALIASES = {
    "headline": ("title", "headline"),
    "standfirst": ("description", "subtitle", "summary", "standfirst", "dek"),
    "byline": ("author", "byline", "authors"),
    "date": ("date", "published", "pubdate", "publishDate", "datePublished", "published_at"),
    "section": ("section", "category", "desk"),
}


def coerce_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
        if m:
            try:
                return dt.date.fromisoformat(m.group(1))
            except ValueError:
                return None
    return None


def front_matter_disabled(meta: dict) -> tuple[str, ...]:
    """``copylint: {disable: [ids]}`` or ``copylint-disable: [ids]`` in front matter."""
    value = None
    block = meta.get("copylint")
    if isinstance(block, dict):
        value = block.get("disable")
    if value is None:
        value = meta.get("copylint-disable") or meta.get("copylint_disable")
    if isinstance(value, str):
        return tuple(v for v in re.split(r"[\s,]+", value) if v)
    if isinstance(value, list):
        return tuple(str(v) for v in value)
    return ()


def empty_document(path: str, source: str, fmt: str) -> Document:
    b = TextBuilder()
    return Document(path=path, source=source, text="", map=b.map, format=fmt)


@contextmanager
def gc_paused(size: int, threshold: int = 1_000_000) -> Iterator[None]:
    """Pause the cyclic garbage collector while a big file is parsed: a parser makes
    millions of small objects that are all alive until the end, and repeated full
    collections over them cost about a third of the reading time."""
    if size < threshold or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
