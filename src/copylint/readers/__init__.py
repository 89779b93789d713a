"""Readers turn a file's bytes into a Document: the prose text rules see, with a source
map back to the file, regions (headline, paragraphs...), fields and directives."""

from __future__ import annotations

import os
import re

from .. import tool_notices
from ..model import Document
from .common import ENCODING_NAMES, BinaryFile, dateline_date, decode

FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}
DEFAULT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]+")
_LONE_CR_RE = re.compile("\r(?!\n)")

__all__ = ["BinaryFile", "read_bytes", "read_text", "format_for"]


def format_for(path: str) -> str:
    """The reader for a file name, by its extension (os.path: pathlib costs ten times more
    per call, and this is asked for every file)."""
    return FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def read_text(path: str, source: str, fmt: str | None = None) -> Document:
    """Build a Document from decoded text. Text handed over by an editor or a caller may
    hold lone surrogates (JSON can carry "\\ud800"), which no encoder takes and which
    would stop the rules that work on bytes: each becomes U+FFFD, as an undecodable
    byte does, with a ``copylint.encoding`` notice."""
    lone = [] if source.isascii() or _encodes(source) else [m.span() for m in _LONE_SURROGATE_RE.finditer(source)]
    if lone:
        source = _LONE_SURROGATE_RE.sub(lambda m: "\ufffd" * len(m.group()), source)
    if "\r" in source:
        # A lone CR ends a line (classic Mac OS files, some CMS exports), as editors and
        # the LSP count lines: read as LF, one character for one, so every offset and
        # a --fix of the file's own text (which keeps its CRs) still agree.
        source = _LONE_CR_RE.sub("\n", source)
    doc = _read(path, source, fmt or format_for(path))
    if "date" not in doc.fields:  # front matter and HTML meta win over the dateline
        date = dateline_date(doc)
        if date is not None:
            doc.fields["date"] = date
    for start, end in lone:
        doc.notices.append((tool_notices.ENCODING,
                            "lone UTF-16 surrogates here, which no file can hold: each was read as U+FFFD", start, end))
    return doc


def _encodes(source: str) -> bool:
    """No lone surrogate: encoding in C is ten times faster than looking for one."""
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _read(path: str, source: str, fmt: str) -> Document:
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(path, source)
    if fmt == "html":
        from .html import read_html

        return read_html(path, source)
    from .plain import read_plain

    return read_plain(path, source)


def read_bytes(path: str, data: bytes, fmt: str | None = None) -> Document:
    """Decode and read. Raises BinaryFile for binary data; broken UTF-8 (or UTF-16)
    becomes a notice on the Document (``copylint.encoding``) and the rest is still read."""
    source, bad, bom = decode(data)
    doc = read_text(path, source, fmt)
    for start, end in bad:
        doc.notices.append((tool_notices.ENCODING,
                            f"invalid {ENCODING_NAMES.get(bom, bom)} here: the bytes were replaced by U+FFFD",
                            start, end))
    return doc
