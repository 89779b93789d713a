"""Readers turn a file's bytes into a Document: the prose text rules see, with a source
map back to the file, regions (headline, paragraphs...), fields and directives."""

from __future__ import annotations

import os

from .. import tool_notices
from ..model import Document
from .common import ENCODING_NAMES, BinaryFile, decode

FORMATS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}
DEFAULT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")

__all__ = ["BinaryFile", "read_bytes", "read_text", "format_for"]


def format_for(path: str) -> str:
    """The reader for a file name, by its extension (os.path: pathlib costs ten times more
    per call, and this is asked for every file)."""
    return FORMATS.get(os.path.splitext(path)[1].lower(), "text")


def read_text(path: str, source: str, fmt: str | None = None) -> Document:
    """Build a Document from decoded text."""
    fmt = fmt or format_for(path)
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
