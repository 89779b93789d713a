"""Checking paragraphs with a running LanguageTool server, through language-tool-python.

Paragraphs are the unit of work and of caching: the ones not in the cache are joined
(blank line between them, up to ``BATCH_CHARS`` per request) and sent together — one
request per paragraph would cost about five times as long — and the answers are split
back per paragraph and stored. Rules that look across paragraphs are disabled by the
grammar rule's defaults, so a paragraph gets the same answer whatever it was sent with.

Every request has a timeout. When the server stops answering, the checker says so once
(a run notice) and returns nothing for the rest of the run in this process; the other
rules carry on.
"""

from __future__ import annotations

import bisect
import math
import os
from dataclasses import dataclass
from typing import Any

from .. import notices
from .cache import ResultCache, make_key

BATCH_CHARS = 16_000
TIMEOUT_ENV = "COPYLINT_LANGUAGETOOL_TIMEOUT"
DEFAULT_TIMEOUT = 30.0
NOTICE_KIND = "languagetool-failed"
SPELLING_PREFIXES = ("MORFOLOGIK_RULE", "HUNSPELL")


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match, in code-point offsets relative to its paragraph."""

    start: int
    end: int
    rule_id: str
    category: str
    issue_type: str
    message: str
    replacements: tuple[str, ...] = ()

    @property
    def is_spelling(self) -> bool:
        return self.rule_id.startswith(SPELLING_PREFIXES)

    def to_json(self) -> list:
        return [self.start, self.end, self.rule_id, self.category, self.issue_type, self.message,
                list(self.replacements)]

    @classmethod
    def from_json(cls, row: list) -> "LTMatch":
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], tuple(row[6]))


@dataclass(frozen=True)
class CheckSettings:
    """What is sent with each request besides the text (part of the cache key)."""

    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    max_replacements: int = 5

    def fingerprint(self) -> str:
        return repr((self.language, sorted(self.disabled_rules), sorted(self.enabled_rules),
                     sorted(self.disabled_categories), self.picky, self.max_replacements))


class LanguageToolFailed(Exception):
    """The server is gone or not answering; nothing more is sent to it in this process."""


def request_timeout() -> float:
    """Seconds per request from the environment; a value that is no finite number is the
    default (an "inf" or "1e999" reached the HTTP client, which failed every request)."""
    try:
        value = float(os.environ.get(TIMEOUT_ENV, DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT
    return max(1.0, value) if math.isfinite(value) else DEFAULT_TIMEOUT


class _Utf16:
    """Offsets between code points (Python) and UTF-16 units (LanguageTool's Java); both
    the identity unless the text has characters outside the BMP (emoji)."""

    def __init__(self, text: str) -> None:
        self.astral = [] if text.isascii() else [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.units = [i + n for n, i in enumerate(self.astral)]  # UTF-16 offset of each

    def to_utf16(self, cp: int) -> int:
        return cp + bisect.bisect_left(self.astral, cp) if self.astral else cp

    def to_cp(self, unit: int) -> int:
        return unit - bisect.bisect_left(self.units, unit - 1) if self.astral else unit


class Checker:
    """Talks to one server for one language and settings; counts what it sends."""

    def __init__(self, url: str, version: str, settings: CheckSettings, cache: ResultCache | None,
                 timeout: float | None = None) -> None:
        self.url = url
        self.version = version
        self.settings = settings
        self.cache = cache
        self.timeout = timeout or request_timeout()
        self.requests = 0  # requests sent (for tests and benchmarks)
        self.paragraphs_sent = 0
        self.failed: str | None = None
        self.rejected = 0  # requests the server refused (their paragraphs went unchecked)
        self._tool: Any = None
        self._fingerprint = settings.fingerprint()

    # ------------------------------------------------------------------ the connection

    def _connect(self) -> Any:
        if self._tool is None:
            import language_tool_python

            tool = language_tool_python.LanguageTool(self.settings.language, remote_server=self.url)
            tool._TIMEOUT = self.timeout  # the library's default is 300 s per try
            tool.disabled_rules = set(self.settings.disabled_rules)
            tool.enabled_rules = set(self.settings.enabled_rules)
            tool.disabled_categories = set(self.settings.disabled_categories)
            tool.picky = self.settings.picky
            self._tool = tool
        return self._tool

    def _send(self, text: str) -> list:
        from .server import healthy

        if self.failed:
            raise LanguageToolFailed(self.failed)
        try:
            tool = self._connect()
            self.requests += 1
            return tool.check(text)
        except Exception as exc:  # language_tool_python wraps socket errors in LanguageToolError
            if healthy(self.url, timeout=min(5.0, self.timeout)):
                raise _RequestRejected(_describe(exc)) from None
            self.failed = (f"LanguageTool at {self.url} stopped answering ({_describe(exc)}); "
                           "its grammar and spelling checks were skipped from then on, other checks ran")
            notices.note(NOTICE_KIND, self.failed)
            raise LanguageToolFailed(self.failed) from None

    # ------------------------------------------------------------------ checking

    def check(self, paragraphs: list[str]) -> list[list[LTMatch]]:
        """LanguageTool's matches for each paragraph (cached ones are not sent again).
        Raises LanguageToolFailed when the server is gone."""
        keys = [make_key(self.version, self._fingerprint, p) for p in paragraphs]
        known: dict[str, list[LTMatch]] = {}
        if self.cache is not None:
            for key, rows in self.cache.get_many(keys).items():
                known[key] = [LTMatch.from_json(r) for r in rows]
        todo: dict[str, str] = {}
        for key, text in zip(keys, paragraphs):
            if key not in known and key not in todo and text.strip():
                todo[key] = text
        fresh: dict[str, list[LTMatch]] = {}
        try:
            for batch in _batches(list(todo.items()), BATCH_CHARS):
                try:
                    fresh.update(self._check_batch(batch))
                except _RequestRejected as exc:
                    self.rejected += 1
                    notices.note("languagetool-rejected", f"LanguageTool refused a request ({exc}); "
                                 "some paragraphs were not checked")
        finally:  # keep what was answered even when the server dies half-way
            if self.cache is not None and fresh:
                self.cache.put_many({k: [m.to_json() for m in v] for k, v in fresh.items()})
        known.update(fresh)
        return [known.get(k, []) for k in keys]

    def _check_batch(self, batch: list[tuple[str, str]]) -> dict[str, list[LTMatch]]:
        joined_parts: list[str] = []
        starts: list[int] = []
        pos = 0
        for _key, text in batch:
            if joined_parts:
                joined_parts.append("\n\n")
                pos += 2
            starts.append(pos)
            joined_parts.append(text)
            pos += len(text)
        joined = "".join(joined_parts)
        matches = self._send(joined)
        self.paragraphs_sent += len(batch)
        offsets = _Utf16(joined)
        out: dict[str, list[LTMatch]] = {key: [] for key, _ in batch}
        limit = self.settings.max_replacements
        for m in matches:
            start = int(m.offset)  # language-tool-python already counts code points here
            end = offsets.to_cp(offsets.to_utf16(start) + int(m.error_length))
            i = bisect.bisect_right(starts, start) - 1
            if i < 0:
                continue
            key, text = batch[i]
            rel_start, rel_end = start - starts[i], end - starts[i]
            if rel_end > len(text) or rel_end <= rel_start:
                continue  # spans the glue between paragraphs
            out[key].append(LTMatch(rel_start, rel_end, str(m.rule_id), str(getattr(m, "category", "")),
                                    str(getattr(m, "rule_issue_type", "")), str(m.message),
                                    tuple(m.replacements[:limit])))
        return out


class _RequestRejected(Exception):
    """The server is up but refused or failed this one request."""


def _describe(exc: BaseException) -> str:
    text = str(exc)
    for marker, short in (("Connection refused", "connection refused"), ("timed out", "timed out"),
                          ("Read timed out", "timed out"), ("RemoteDisconnected", "connection closed"),
                          ("Connection aborted", "connection closed"), ("Connection reset", "connection reset")):
        if marker in text:
            return short
    return type(exc).__name__ + (f": {text[:120]}" if text and len(text) < 200 else "")


def _batches(items: list[tuple[str, str]], limit: int):
    batch: list[tuple[str, str]] = []
    size = 0
    for item in items:
        if batch and size + len(item[1]) > limit:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += len(item[1]) + 2
    if batch:
        yield batch


# --------------------------------------------------------------------------- per process

_checkers: dict[tuple, Checker] = {}
_caches: dict[str, ResultCache] = {}


def checker_for(resources: dict[str, Any], settings: CheckSettings, use_cache: bool = True) -> Checker | None:
    """The process's Checker for this run's server and these settings, or None when the
    run has no LanguageTool (off, unavailable) or it has failed in this process."""
    url = resources.get("languagetool_url")
    if not url:
        return None
    version = str(resources.get("languagetool_version") or "unknown")
    cache_path = resources.get("languagetool_cache") if use_cache else None
    key = (url, version, settings, cache_path)
    checker = _checkers.get(key)
    if checker is None:
        if any(c.failed for c in _checkers.values() if c.url == url):
            return None
        cache = None
        if cache_path:
            cache = _caches.get(cache_path) or _caches.setdefault(cache_path, ResultCache(cache_path))
        checker = _checkers[key] = Checker(url, version, settings, cache)
    return None if checker.failed else checker


def answered(resources: dict[str, Any]) -> bool:
    """Whether this process's LanguageTool for the run (if it has one) has answered every
    request so far: after a failure or a refusal some paragraphs went unchecked, so the
    grammar rule's silence on a story proves nothing."""
    url = resources.get("languagetool_url")
    return bool(url) and not any(c.failed or c.rejected for c in _checkers.values() if c.url == url)


def reset() -> None:
    """Forget this process's checkers (a new run, or tests)."""
    for cache in _caches.values():
        cache.close()
    _checkers.clear()
    _caches.clear()
