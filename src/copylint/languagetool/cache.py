"""An on-disk cache of LanguageTool's answers, one entry per paragraph.

The key is a hash of the paragraph's text, the LanguageTool version, the language and
the settings sent with the request, so an unchanged paragraph is never sent twice and a
new LanguageTool or new settings start afresh. SQLite gives atomic writes and lets
several worker processes share the file. Any trouble with the file (read-only disk, a
corrupt database) turns the cache off for the run instead of failing it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Iterable

from ..data import user_cache_dir

FORMAT = 1  # bump when what is stored changes


def default_path() -> Path:
    return user_cache_dir() / "languagetool-results.sqlite"


def make_key(version: str, settings_fingerprint: str, text: str) -> str:
    h = hashlib.sha256()
    for part in (str(FORMAT), version, settings_fingerprint, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class ResultCache:
    """``get_many(keys) -> {key: value}`` and ``put_many({key: value})``; values are JSON."""

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = Path(path) if path else default_path()
        self._conn: sqlite3.Connection | None = None
        self.broken: str | None = None  # why the cache was turned off

    def _connect(self) -> sqlite3.Connection | None:
        if self._conn is not None or self.broken:
            return self._conn
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                         "stored INTEGER NOT NULL)")
            self._conn = conn
        except (sqlite3.Error, OSError) as exc:
            self.broken = f"{self.path}: {exc}"
        return self._conn

    def get_many(self, keys: Iterable[str]) -> dict[str, object]:
        keys = list(dict.fromkeys(keys))
        conn = self._connect()
        if conn is None or not keys:
            return {}
        found: dict[str, object] = {}
        try:
            for i in range(0, len(keys), 500):
                chunk = keys[i:i + 500]
                rows = conn.execute(f"SELECT key, value FROM results WHERE key IN ({','.join('?' * len(chunk))})",
                                    chunk).fetchall()
                for key, value in rows:
                    found[key] = json.loads(value)
        except (sqlite3.Error, ValueError) as exc:
            self._fail(exc)
            return {}
        return found

    def put_many(self, items: dict[str, object]) -> None:
        conn = self._connect()
        if conn is None or not items:
            return
        now = int(time.time())
        rows = [(k, json.dumps(v, ensure_ascii=False, separators=(",", ":")), now) for k, v in items.items()]
        try:
            with conn:  # one transaction: all or nothing
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany("INSERT OR REPLACE INTO results (key, value, stored) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._fail(exc)

    def count(self) -> int:
        conn = self._connect()
        if conn is None:
            return 0
        try:
            return conn.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        except sqlite3.Error:
            return 0

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        n = self.count()
        conn = self._connect()
        if conn is not None:
            try:
                with conn:
                    conn.execute("DELETE FROM results")
                conn.execute("VACUUM")
            except sqlite3.Error as exc:
                self._fail(exc)
        return n

    def _fail(self, exc: Exception) -> None:
        self.broken = f"{self.path}: {exc}"
        self.close()

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except sqlite3.Error:
                pass
            self._conn = None
