"""``path:line:col severity rule message``, then the source line with a caret underline.
Colour only on a terminal; ``NO_COLOR`` is honoured by the CLI."""

from __future__ import annotations

import unicodedata

from . import BaseFormatter
from ._common import VISIBLE, characters_of, fix_note, shown

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
# the source line as shown (see VISIBLE), so the caret stands under an invisible
# character; a tab is a space
_SHOWN = {**VISIBLE, 0x09: " "}
_SHOWN_RE = characters_of(_SHOWN)


class Formatter(BaseFormatter):
    NAME = "text"
    SUMMARY = "human-readable lines with the source line underlined (default)"

    def _c(self, code: str, s: str) -> str:
        return f"{code}{s}{_RESET}" if self.color else s

    def file(self, path: str, findings: list) -> None:
        w = self.stream.write
        for f in findings:
            sev = str(f.severity)
            w(f"{self._c(_BOLD, f'{f.path}:{f.line}:{f.column}')}: {self._c(_COLORS[sev], sev)} "
              f"{self._c(_DIM, f.rule)} {f.message}\n")
            if f.line_text and not self.options.get("no_source"):
                line = shown(f.line_text, _SHOWN, _SHOWN_RE)
                start = f.column - 1 - f.line_offset  # (a long line is an excerpt)
                end = f.end_column - 1 - f.line_offset if f.end_line == f.line else len(line)
                end = min(end, len(line))
                width = max(1, _cells(line[start:end]))
                w(f"    {line}\n")
                w(f"    {' ' * _cells(line[:start])}{self._c(_COLORS[sev], '^' * width)}")
                label, what = fix_note(f)  # fix, unsafe fix (only with --unsafe-fixes) or suggestion
                if label:
                    w(f" {self._c(_DIM, label)} {what}")
                w("\n")


def _cells(text: str) -> int:
    """Terminal columns ``text`` takes: a wide character (CJK, most emoji) two, a combining
    mark none. Counting characters put the caret left of a slip that followed Chinese
    names or an emoji in a quoted post, by one column per wide character."""
    if text.isascii():
        return len(text)
    n = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Me":
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n
