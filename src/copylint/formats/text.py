"""``path:line:col severity rule message``, then the source line with a caret underline.
Colour only on a terminal; ``NO_COLOR`` is honoured by the CLI."""

from __future__ import annotations

from . import BaseFormatter

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


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
                line = f.line_text.replace("\t", " ")
                end_col = f.end_column if f.end_line == f.line else len(line) + 1
                width = max(1, end_col - f.column)
                w(f"    {line}\n")
                w(f"    {' ' * (f.column - 1)}{self._c(_COLORS[sev], '^' * width)}")
                if f.fix is not None and len(f.fix.edits) == 1 and not f.fix.edits[0].text:
                    w(f" {self._c(_DIM, 'fix: delete')}")
                elif f.suggestions:
                    w(f" {self._c(_DIM, 'suggestion:')} {', '.join(repr(s) for s in f.suggestions[:3])}")
                w("\n")
