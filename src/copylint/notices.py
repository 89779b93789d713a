"""Run notices raised inside rules ("LanguageTool stopped answering"), collected per
process and handed back to the runner, which prints each distinct one once.

A rule cannot return anything but hits, and in a worker process it cannot reach the
run's result; this small queue is the channel. ``kind`` lets the runner (or the part of
the program that owns the notice) recognise it without parsing the message.
"""

from __future__ import annotations

_pending: list[tuple[str, str]] = []


def note(kind: str, message: str) -> None:
    """Queue a notice; the same (kind, message) twice in one process is kept once."""
    if (kind, message) not in _pending:
        _pending.append((kind, message))


def drain() -> list[tuple[str, str]]:
    """Take the queued notices (and empty the queue)."""
    out = list(_pending)
    _pending.clear()
    return out
