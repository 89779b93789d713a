"""One self-contained HTML page: each story as written (an HTML page as the text its readers
see), its problems marked where they are, with the message and the fix on hover and in a
list below. Editors would rather see the
story with its problems marked than read line numbers (no script, no external file: the
page can be mailed or attached to a CI run).

The story is read again from its file (never written), or from the bytes read from
standard input; a file that cannot be read back (gone since) is shown as the lines the
findings quote.
"""

from __future__ import annotations

import html
from pathlib import Path

from ..model import LINE_BREAK_RE
from ..readers import format_for
from . import BaseFormatter
from ._common import fix_note, shown

_RANK = {"info": 0, "warning": 1, "error": 2}

STYLE = """
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { font: bold 1.3em sans-serif; } h2 { font: bold 1.05em sans-serif; margin-top: 2.5em; }
.totals, .file-totals { font: 0.9em sans-serif; color: #555; }
pre.story { white-space: pre-wrap; font: 14px/1.6 Georgia, serif; background: #fafafa;
  border: 1px solid #ddd; padding: 0.8em 1em; }
pre.story .ln { color: #aaa; font: 11px monospace; display: inline-block; width: 3.5em;
  user-select: none; }
mark { border-radius: 2px; padding: 0 1px; }
mark.error { background: #f8c9c4; border-bottom: 2px solid #c0392b; }
mark.warning { background: #fbe7b0; border-bottom: 2px solid #d68910; }
mark.info { background: #d6eaf8; border-bottom: 2px solid #2e86c1; }
ol.findings { font: 0.9em sans-serif; } ol.findings li { margin: 0.3em 0; }
.sev-error { color: #c0392b; font-weight: bold; } .sev-warning { color: #b9770e; font-weight: bold; }
.sev-info { color: #2e86c1; font-weight: bold; } .rule { color: #666; font-family: monospace; }
.fix { color: #1e8449; } .fix.unsafe { color: #b9770e; }
"""


def _fix_text(f) -> str:
    """The fix or suggestions, for the list and the hover: the text report's words."""
    return " ".join(fix_note(f)).strip()


def _fix_class(f) -> str:
    """An unsafe fix is not shown in the green of one --fix would make."""
    return "fix" if f.fix is None or f.fix.safe else "fix unsafe"


def _read_back(path: str, stdin: tuple[str, bytes] | None) -> str | None:
    """The story's decoded text as the reader saw it, or None when it cannot be read back."""
    if stdin is not None and path == stdin[0]:
        data = stdin[1]
    else:
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
    from ..readers.common import BinaryFile, decode

    try:
        return decode(data)[0]  # the text the reader saw: UTF-16 decoded, the mark dropped
    except BinaryFile:
        return None


def _readable(path: str, source: str, findings: list) -> tuple[list[str], list, dict[int, str]] | None:
    """An HTML page as its reader reads it (the headline and paragraphs a reader sees,
    without tags, scripts or JSON-LD), each finding placed in that text, and the file's
    line where each line of it starts. None when a finding does not name the source as
    read back (the file changed since the check): the story is then shown as written."""
    from ..model import LineIndex
    from ..readers import read_text

    if any(source[f.start_offset:f.end_offset] != f.matched for f in findings):
        return None
    doc = read_text(path, source)
    text = doc.text
    lines = LineIndex(text)
    places = []
    for f in findings:
        start, end = doc.map.text_span(f.start_offset, f.end_offset)
        places.append((*lines.position(start), *lines.position(end)))
    gutter = {}
    for n, line_start in enumerate(lines.starts, 1):
        if line_start < len(text) and text[line_start] != "\n":
            gutter[n] = str(doc.lines.position(doc.map.source_start(line_start))[0])
    return text.split("\n"), places, gutter


def _number(n: int, with_id: bool) -> str:
    """A finding's number after its mark, linking to the list (and the list's target)."""
    anchor = f" id=\"m{n}\"" if with_id else ""
    return f"<a{anchor} href=\"#f{n}\"><sup>{n}</sup></a>"


class Formatter(BaseFormatter):
    NAME = "html"
    SUMMARY = "one HTML page: each story with its problems marked in place"

    def start(self) -> None:
        self.by_path: dict[str, list] = {}

    def file(self, path: str, findings: list) -> None:
        self.by_path.setdefault(path, []).extend(findings)

    def finish(self, result) -> None:
        w = self.stream.write
        checked = list(getattr(result, "files", None) or [])
        paths = [p for p in dict.fromkeys(checked + sorted(self.by_path)) if self.by_path.get(p)]
        total = sum(len(v) for v in self.by_path.values())
        w("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<title>copylint report</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n")
        w("<h1>copylint report</h1>\n")
        w(f"<p class=\"totals\">{len(checked) or len(paths)} file(s) checked, {total} finding(s)"
          f" in {len(paths)} file(s).</p>\n")
        number = 0
        for path in paths:
            findings = sorted(self.by_path[path], key=lambda f: f.sort_key())
            anchors = list(range(number + 1, number + len(findings) + 1))
            number += len(findings)
            counts = {s: sum(1 for f in findings if str(f.severity) == s) for s in ("error", "warning", "info")}
            w(f"<h2>{html.escape(path)}</h2>\n<p class=\"file-totals\">"
              + ", ".join(f"{n} {s}" + ("s" if n != 1 and s != "info" else "") for s, n in counts.items() if n)
              + "</p>\n")
            w(self._story(path, findings, anchors))
            w("<ol class=\"findings\">\n")
            for n, f in zip(anchors, findings):
                sev = str(f.severity)
                fix = _fix_text(f)
                link = f" <a href=\"{html.escape(f.link)}\">style guide</a>" if f.link else ""
                w(f"<li id=\"f{n}\" value=\"{n}\"><a href=\"#m{n}\">{f.line}:{f.column}</a> "
                  f"<span class=\"sev-{sev}\">{sev}</span> <span class=\"rule\">{html.escape(f.rule)}</span> "
                  f"{html.escape(f.message)}"
                  + (f" <span class=\"{_fix_class(f)}\">{html.escape(fix)}</span>" if fix else "") + link
                  + "</li>\n")
            w("</ol>\n")
        if not paths:
            w("<p>No findings.</p>\n")
        w("</body>\n</html>\n")

    def _story(self, path: str, findings: list, anchors: list[int]) -> str:
        """The story with its findings marked: an HTML page as the text its readers see (a
        copy editor reads the copy, not the tags and scripts around it; the gutter gives
        the file's line of each line of text, and the list keeps the file's line:column);
        any other file as written, line by line."""
        source = _read_back(path, self.options.get("stdin"))
        readable = None
        if source is not None and format_for(path) == "html":
            readable = _readable(path, source, findings)
        if readable is not None:
            text_lines, places, gutter = readable
            lines_at = {i + 1: line for i, line in enumerate(text_lines)}
            shown = list(lines_at)
        elif source is None:
            # (an excerpt of a long line is padded back to its columns)
            lines_at = {f.line: " " * f.line_offset + f.line_text for f in findings}
            shown = sorted(lines_at)
            places = [(f.line, f.column, f.end_line, f.end_column) for f in findings]
            gutter = {n: str(n) for n in shown}
        else:
            # lines as the findings count them: a lone CR (an old Mac or CMS export) ends one too
            lines_at = {i + 1: line for i, line in enumerate(LINE_BREAK_RE.split(source))}
            shown = list(lines_at)
            places = [(f.line, f.column, f.end_line, f.end_column) for f in findings]
            gutter = {n: str(n) for n in shown}
        # per line, the findings that cover each character span: [start, end) in columns
        cover: dict[int, list[tuple[int, int, int, object]]] = {}
        for n, f, (line0, column, end_line, end_column) in zip(anchors, findings, places):
            for line in range(line0, end_line + 1):
                text = lines_at.get(line)
                if text is None:
                    continue
                start = column - 1 if line == line0 else 0
                end = end_column - 1 if line == end_line else len(text.rstrip("\r"))
                if end <= start:
                    end = start + 1  # a finding at a point (a missing mark) shows as one character
                cover.setdefault(line, []).append((start, end, n, f))
        placed: set[int] = set()  # findings whose anchor is placed (a span may run over lines)
        out = ["<pre class=\"story\">"]
        last = 0
        for line in shown:
            if source is None and last and line != last + 1:
                out.append("<span class=\"ln\">…</span>\n")
            last = line
            text = lines_at[line].rstrip("\r")
            out.append(f"<span class=\"ln\">{gutter.get(line, '')}</span>"
                       f"{self._marked(text, cover.get(line, []), placed)}\n")
        out.append("</pre>\n")
        return "".join(out)

    @staticmethod
    def _marked(text: str, spans: list, placed: set[int]) -> str:
        """The line with every finding's span in a <mark>; where findings overlap, the piece
        carries all their messages and the colour of the gravest."""
        text = shown(text)  # an invisible character marked must be seen
        if not spans:
            return html.escape(text)
        cuts = sorted({0, len(text)} | {min(s, len(text)) for s, _, _, _ in spans}
                      | {min(e, len(text)) for _, e, _, _ in spans})
        pieces = []
        for a, b in zip(cuts, cuts[1:]):
            piece = html.escape(text[a:b])
            over = [(n, f) for s, e, n, f in spans if s <= a and b <= e]
            if not over:
                pieces.append(piece)
                continue
            grave = max((str(f.severity) for _, f in over), key=_RANK.get)
            title = "\n".join(f"{n}. {f.rule}: {f.message}" + (f" ({_fix_text(f)})" if _fix_text(f) else "")
                              for n, f in over)
            ids = [n for n, _ in over if n not in placed]
            placed.update(ids)
            anchor = f" id=\"m{ids[0]}\"" if ids else ""
            # the mark holds one id; the others, for findings of exactly the same text, are
            # on their own numbers, so every link from the list lands here
            pieces.append(f"<mark class=\"{grave}\"{anchor} title=\"{html.escape(title)}\">{piece}</mark>"
                          + "".join(_number(n, with_id=k > 0) for k, n in enumerate(ids)))
        # a point finding past the end of the line (a missing full stop) is shown after it
        for s, e, n, f in spans:
            if s >= len(text) and n not in placed:
                placed.add(n)
                pieces.append(f"<mark class=\"{f.severity}\" id=\"m{n}\" title=\"{html.escape(f.message)}\">&nbsp;</mark>"
                              f"<a href=\"#f{n}\"><sup>{n}</sup></a>")
        return "".join(pieces)
