"""copylint as a language server (``copylint lsp``, on standard input and output).

An editor gets the findings of the story being written as diagnostics, with its fixes as
quick fixes. The server is one long-lived process: the dictionary, names, people and packs
are loaded once, so a re-check while typing costs milliseconds instead of a start-up, and
one LanguageTool server serves every check. The same config files, packs and directives
apply as for ``copylint check``; rules over many files (one headline reused by two
articles) need the whole batch and are left to ``check``.

Checks run one at a time on a thread of their own (the rules keep per-process state), a
moment after the last keystroke, and their diagnostics are sent only if the document has
not changed meanwhile.
"""

from __future__ import annotations

import asyncio
import bisect
import os
import queue
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.workspace import TextDocument

from . import __version__, notices, tool_notices
from .config import CONFIG_NAMES, ConfigError, ConfigResolver, Settings, glob_match
from .engine import RuleOptionError, closing_enables, wholly_unused_directive
from .fixer import newline_style
from .languagetool.client import SPELLING_PREFIXES
from .model import BODY_KINDS, Finding, Severity
from .readers import DEFAULT_SUFFIXES, read_text
from .readers.common import DIRECTIVE_RE
from .runner import _WARM_UP, MAX_FILE_BYTES, _init_worker, _ruleset_for, check_rule_names_for, lint_document
from .vocabulary import LISTS

DEBOUNCE_SECONDS = 0.25  # after the last change, before a check
LANGUAGE_SUFFIXES = {"markdown": ".md", "html": ".html", "plaintext": ".txt"}
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error,
              Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_PLAIN_WORDS = re.compile(r"[^\W_](?:[^\W_]|[ '’.,-])*")  # no markup (*, _, [, <, `)
MAX_SUGGESTIONS = 5  # quick fixes offered per finding
ACCEPT_COMMAND = "copylint.accept"  # arguments: the word, the vocabulary folder
VOCABULARY_LISTS = frozenset(LISTS.values())  # accept.txt, reject.txt
_ONE_WORD = re.compile(r"[^\W\d_](?:[^\W_]|['’.-](?=[^\W_]))*")  # a word or name, no spaces or markup


_LANGUAGETOOL_SPELLING = tuple(f"grammar.{p}" for p in SPELLING_PREFIXES)


def _spelling_rule(rule: str) -> bool:
    """A rule whose findings say a word is not known: the word can be accepted."""
    return rule == "typo.spelling" or rule.startswith(_LANGUAGETOOL_SPELLING)
_INDENT = re.compile(r"[ \t]*")


class Positions:
    """Code-point offsets of a text as LSP positions: lines end at \\n, \\r\\n or \\r (as
    the protocol says), characters are counted in the encoding the client agreed to
    (UTF-16 code units unless it chose UTF-8 or UTF-32)."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.encoding = encoding
        self._wide: dict[int, tuple[list[int], list[int]]] = {}  # by line, see _wide_in

    def _wide_in(self, line: int) -> tuple[list[int], list[int]]:
        """The offsets in a line of the characters that take more than one unit of the
        encoding, and the units added up to and with each: a long line is read once, not
        once per position asked for (a one-line story with 100,000 findings)."""
        found = self._wide.get(line)
        if found is None:
            end = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.text)
            offsets: list[int] = []
            added: list[int] = []
            total = 0
            if self.encoding != "utf-32":
                for m in _NON_ASCII.finditer(self.text, self.starts[line], end):
                    ch = m.group()
                    more = len(ch.encode("utf-8", "surrogatepass")) - 1 if self.encoding == "utf-8" \
                        else int(ord(ch) > 0xFFFF)  # a surrogate pair in UTF-16
                    if more:
                        total += more
                        offsets.append(m.start())
                        added.append(total)
            found = self._wide[line] = (offsets, added)
        return found

    def at(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        offsets, added = self._wide_in(line)
        k = bisect.bisect_left(offsets, offset)  # the wide characters before the offset
        character = offset - self.starts[line] + (added[k - 1] if k else 0)
        return types.Position(line=line, character=character)

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.at(start), end=self.at(end))

    def line_start(self, offset: int) -> int:
        return self.starts[bisect.bisect_right(self.starts, offset) - 1]


@dataclass
class Options:
    """What the editor (initializationOptions) or the command line chose; the same keys
    as ``copylint check``'s flags."""

    config: str | None = None
    languagetool: bool | None = None  # False: built-in checks only; True: required
    languagetool_url: str | None = None

    @classmethod
    def merged(cls, base: "Options", raw: Any) -> "Options":
        raw = raw if isinstance(raw, dict) else {}
        lt = raw.get("languagetool", base.languagetool)
        return cls(config=raw.get("config") or base.config,
                   languagetool=lt if isinstance(lt, bool) else base.languagetool,
                   languagetool_url=raw.get("languagetoolUrl") or base.languagetool_url)


def document_key(uri: str) -> str:
    """The key pygls's workspace files a document under: its URI unquoted, so that
    ``my%20story.md`` and ``my story.md`` are one document. Every look-up and every
    table of ours kept per document uses it; what is sent to the editor keeps the URI
    the editor sent."""
    return unquote(uri)


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return os.path.normpath(unquote(parsed.path))


def to_diagnostics(findings: list[Finding], text: str, encoding: str, regions=(),
                   enables: dict[int, int] | None = None) -> list[types.Diagnostic]:
    """Each finding as a diagnostic at its place in ``text``; ``data`` carries its quick
    fixes (as ranges, worked out here while the offsets still fit the text) and where an
    ignore directive for its paragraph would go. ``enables`` maps a disable comment's
    offset to the enable that ends just it (engine.closing_enables)."""
    positions = Positions(text, encoding)
    blocks = _Blocks(regions)
    newline = newline_style(text)  # (once: it reads the whole text)
    out = []
    for f in findings:
        data: dict[str, Any] = {"rule": f.rule}
        fixes = []
        if f.fix is not None:
            edits = [(positions.range(e.start, e.end), e.text) for e in f.fix.edits]
            title = "Apply the fix" if len(edits) > 1 else \
                f"Replace with '{edits[0][1]}'" if edits[0][1] else \
                f"Delete '{f.matched.strip()}'" if f.matched.strip() else "Delete the space"
            fixes.append({"title": title,
                          "edits": [[_range_list(r), t] for r, t in edits], "preferred": f.fix.safe})
        if (f.fix is not None and len(f.fix.edits) == 1) or _PLAIN_WORDS.fullmatch(f.matched or ""):
            # the other suggestions, in place of the finding's words: where a fix was
            # made there, or where the words hold no markup a replacement could drop
            span = _range_list(positions.range(f.start_offset, f.end_offset))
            taken = {fix["edits"][0][1] for fix in fixes}
            fixes += [{"title": f"Replace with '{s}'", "edits": [[span, s]], "preferred": False}
                      for s in f.suggestions[:MAX_SUGGESTIONS] if s not in taken]
        if wholly_unused_directive(f) and text[f.start_offset:f.end_offset] == f.matched:
            spans, paired = _unused_comment_deletions(text, f.start_offset, f.end_offset,
                                                      (enables or {}).get(f.start_offset))
            fixes.append({"title": "Delete this unused suppression comment" + (" and its enable" if paired else ""),
                          "edits": [[_range_list(positions.range(s, e)), ""] for s, e in spans],
                          "preferred": True})
        if fixes:
            data["fixes"] = fixes
        if _spelling_rule(f.rule) and _ONE_WORD.fullmatch(f.matched or ""):
            data["word"] = f.matched
        # directives do not suppress the tool's own notices: an ignore comment for one
        # would do nothing
        block = None if f.rule.startswith("copylint.") else \
            _block_start(blocks, f.start_offset, f.end_offset, text, positions)
        if block is not None:
            data["ignore_at"] = _range_list(positions.range(block, block))[:2]
            data["indent"] = _INDENT.match(text, block).group()
            data["newline"] = newline  # the comment's line ends as the file's do
        out.append(types.Diagnostic(
            range=positions.range(f.start_offset, f.end_offset), message=f.message,
            severity=SEVERITIES.get(f.severity, types.DiagnosticSeverity.Warning),
            code=f.rule, source="copylint", data=data,
            code_description=types.CodeDescription(href=f.link) if f.link else None))
    return out


def _comment_deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """What to delete to take out the comment at [start, end): its whole line, line break
    included, when nothing else is on it (and one of two blank lines it stood between);
    otherwise the comment and the spaces on one side of it, so that the sentence keeps
    one space between its words and none before its punctuation."""
    ws = " \t"
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    m = _LINE_BREAK.search(text, end)
    line_end, next_line = (m.start(), m.end()) if m else (len(text), len(text))
    before, after = text[line_start:start], text[end:line_end]
    lead = len(before) - len(before.rstrip(ws))
    trail = len(after) - len(after.lstrip(ws))
    if not before.strip(ws) and not after.strip(ws):
        # a comment line ends the paragraph before it: between two lines of text an empty
        # line stays in its place, so they remain two paragraphs
        if line_start == 0:
            blank_before = True
        else:
            pe = line_start - (2 if text[line_start - 2:line_start] == "\r\n" else 1)
            blank_before = not text[max(text.rfind("\n", 0, pe), text.rfind("\r", 0, pe)) + 1:pe].strip(ws)
        m = _LINE_BREAK.search(text, next_line)
        after_line = (next_line, m.start(), m.end()) if m else (next_line, len(text), len(text))
        blank_after = not text[after_line[0]:after_line[1]].strip(ws)
        if not blank_before and not blank_after:
            return line_start, line_end
        if blank_before and blank_after and after_line[2] > next_line:
            return line_start, after_line[2]  # blank, comment, blank: one blank line stays
        return line_start, next_line
    if not after.strip(ws):
        return start - lead, end + trail  # "met <!-- x -->" at the end of a line
    if trail and (lead or not before.strip(ws)):
        return start, end + trail  # "met <!-- x --> and", "<!-- x --> The"
    if lead and before.strip(ws):
        return start - lead, end  # "met <!-- x -->."
    return start, end


def _unused_comment_deletions(text: str, start: int, end: int,
                              enable_at: int | None) -> tuple[list[tuple[int, int]], bool]:
    """The spans deleting the unused comment at [start, end) deletes, and whether they take
    the enable at ``enable_at`` too: an enable left behind would end nothing and read as a
    leftover. With only white space between the two they go as one span, so the lines
    around them join as for one comment; spans that would overlap keep the enable."""
    m = DIRECTIVE_RE.match(text, enable_at) if enable_at is not None else None
    if m is None:
        return [_comment_deletion(text, start, end)], False
    if not text[end:m.start()].strip():
        return [_comment_deletion(text, start, m.end())], True
    first, second = _comment_deletion(text, start, end), _comment_deletion(text, m.start(), m.end())
    return ([first, second], True) if first[1] <= second[0] else ([first], False)


def _range_list(r: types.Range) -> list[int]:
    return [r.start.line, r.start.character, r.end.line, r.end.character]


class _Blocks:
    """The body blocks of a story (source offsets), for the innermost one holding a span."""

    def __init__(self, regions) -> None:
        body = sorted((s, e) for kind, s, e in regions if kind in BODY_KINDS)
        self.starts = [s for s, _ in body]
        self.ends = [e for _, e in body]
        self.reach = []  # the furthest end up to each block: a walk back stops where none reaches
        furthest = -1
        for e in self.ends:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def holding(self, start: int, end: int) -> int | None:
        k = bisect.bisect_right(self.starts, start) - 1
        while k >= 0 and self.reach[k] >= end:
            if self.ends[k] >= end:
                return self.starts[k]
            k -= 1
        return None


def _block_start(blocks: _Blocks, start: int, end: int, text: str, positions: Positions) -> int | None:
    """Where ``<!-- copylint: ignore RULE -->`` goes for the body block holding a finding:
    the start of the block's first line, when only indentation or a quote marker comes
    before the block there (so the comment takes a line of its own). Findings in the
    headline or front matter, or in a list item, have none."""
    best = blocks.holding(start, end)
    if best is None:
        return None
    line_start = positions.line_start(best)
    if text[line_start:best].strip(" \t>"):
        return None  # a list item: a comment between two items would split the list in two
    return line_start


def code_actions(uri: str, diagnostics: list[types.Diagnostic], vocabulary: str | None = None) -> list[types.CodeAction]:
    """Quick fixes from the diagnostics the editor asks about: each fix and suggestion, an
    ignore directive for the rule in that paragraph and, where the config names a
    vocabulary folder, adding an unknown word to its accept list."""
    actions = []
    for d in diagnostics:
        data = d.data if isinstance(d.data, dict) else None
        if d.source != "copylint" or data is None:
            continue
        for fix in data.get("fixes", ()):
            edits = [types.TextEdit(range=_range_of(r), new_text=t) for r, t in fix["edits"]]
            actions.append(types.CodeAction(
                title=fix["title"], kind=types.CodeActionKind.QuickFix, diagnostics=[d],
                is_preferred=bool(fix.get("preferred")),
                edit=types.WorkspaceEdit(changes={uri: edits})))
        if "ignore_at" in data:
            line, character = data["ignore_at"]
            at = types.Position(line=line, character=character)
            comment = f"{data.get('indent', '')}<!-- copylint: ignore {data['rule']} -->{data.get('newline', chr(10))}"
            actions.append(types.CodeAction(
                title=f"Ignore {data['rule']} in this paragraph", kind=types.CodeActionKind.QuickFix,
                diagnostics=[d],
                edit=types.WorkspaceEdit(changes={uri: [types.TextEdit(range=types.Range(start=at, end=at),
                                                                       new_text=comment)]})))
        if vocabulary and "word" in data:
            title = f"Add '{data['word']}' to the accept list ({Path(vocabulary).name}/accept.txt)"
            actions.append(types.CodeAction(
                title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[d],
                command=types.Command(title=title, command=ACCEPT_COMMAND, arguments=[data["word"], vocabulary])))
    return actions


def hover_text(diagnostics: list[types.Diagnostic], at: types.Position, rule_for) -> str | None:
    """What the rules say about the findings under the cursor, as Markdown: each
    finding's rule, its message and why the rule exists (``copylint explain``'s text), so
    the desk reads the reason where the word is; for the tool's own copylint.* notices,
    which no rule defines, their description and documentation, as ``explain`` gives
    them. ``rule_for`` maps a finding's id to its rule (None for an unknown one)."""
    here = (at.line, at.character)
    parts = []
    for d in diagnostics:
        start, end = (d.range.start.line, d.range.start.character), (d.range.end.line, d.range.end.character)
        if d.source != "copylint" or not start <= here <= end:
            continue
        rule_id = d.code if isinstance(d.code, str) else ""
        rule = rule_for(rule_id)
        lines = [f"**{rule_id}**: {d.message}"]
        if rule is not None:
            lines.append(f"*{rule.summary}*")
            if rule.doc:
                lines.append(rule.doc.strip())
            if rule.link:
                lines.append(f"[Style guide]({rule.link})")
        elif rule_id in tool_notices.DESCRIPTIONS:  # the tool's own notice: no rule says why
            lines.append(f"*{tool_notices.DESCRIPTIONS[rule_id]}*")
            lines.append(tool_notices.DOCS[rule_id])
        parts.append("\n\n".join(lines))
    return "\n\n---\n\n".join(parts) if parts else None


def _range_of(r: list[int]) -> types.Range:
    return types.Range(start=types.Position(line=r[0], character=r[1]),
                       end=types.Position(line=r[2], character=r[3]))


class _Protocol(LanguageServerProtocol):
    """pygls's protocol, except that a change to a document the editor never opened is let
    pass: pygls would look the document up, fail with a KeyError and show the editor an
    error, though there is nothing to check (didSave and didClose of one do no harm)."""

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: types.DidChangeTextDocumentParams):
        if document_key(params.text_document.uri) not in self.workspace.text_documents:
            return
        yield from super().lsp_text_document__did_change(params)


class _Checker:
    """One thread running the checks in turn. Stopping it drops the queued checks and
    does not wait for the one under way: a ThreadPoolExecutor's shutdown waited for
    them all, and "shutdown" during a long check went unanswered for minutes. (Not a
    daemon thread: one still inside a C++ extension at exit aborted the process with
    "terminate called without an active exception".)"""

    def __init__(self) -> None:
        self.jobs: queue.SimpleQueue = queue.SimpleQueue()
        self.busy = False  # a job under way
        # started by the first job: a server built and dropped without one (a test that
        # calls a method directly) leaves no thread behind to hold the process at exit
        self.thread: threading.Thread | None = None

    def submit(self, fn, *args) -> None:
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="copylint-check")
            self.thread.start()
        self.jobs.put((fn, args))

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            fn, args = job
            self.busy = True
            try:
                fn(*args)
            except Exception:  # (each job says its own errors; one failing stops no other)
                pass
            finally:
                self.busy = False

    def stop(self) -> None:
        """Drop the queued jobs; the thread ends after the one under way."""
        if self.thread is None:
            return
        try:
            while True:
                self.jobs.get_nowait()
        except queue.Empty:
            pass
        self.jobs.put(None)


class CopylintServer(LanguageServer):
    def __init__(self, options: Options) -> None:
        super().__init__("copylint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.options = options
        self.root: str | None = None
        self.resolver: ConfigResolver | None = None
        self.checker = _Checker()
        self.pending: dict[str, asyncio.TimerHandle] = {}  # by document_key
        self.loop: asyncio.AbstractEventLoop | None = None
        self.lt_session = None  # opened by the first check that needs LanguageTool
        self.said: set[str] = set()  # messages shown once
        self.published: dict[str, list[types.Diagnostic]] = {}  # last sent, by document_key
        self.published_versions: dict[str, int | None] = {}  # the document version each list is of
        self._lock = threading.Lock()
        self.shut_down = False  # "shutdown" received

    def document(self, uri: str) -> TextDocument | None:
        """The open document at a URI, however the editor escaped it."""
        return self.workspace.text_documents.get(document_key(uri))

    def diagnosed_as_it_stands(self, uri: str) -> bool:
        """Whether the last diagnostics sent are of the document's current text: the
        ranges of their fixes hold only for that text."""
        doc = self.document(uri)
        key = document_key(uri)
        return doc is not None and key in self.published and self.published_versions.get(key) == doc.version

    def open_documents(self) -> list[TextDocument]:
        return list(self.workspace.text_documents.values())

    # ------------------------------------------------------------------ settings

    def new_resolver(self) -> None:
        values: dict[str, Any] = {"languagetool": self.options.languagetool,
                                  "languagetool_url": self.options.languagetool_url}
        self.resolver = ConfigResolver(self.options.config, values)
        _init_worker(self.resolver, self.lt_session.resources if self.lt_session else {})

    def document_path(self, uri: str, language_id: str | None) -> tuple[str, Settings] | None:
        """The path a document is checked (and its config found) as, with its settings, or
        None when it is no article: another language, or excluded by the config."""
        path = uri_to_path(uri)
        suffix = LANGUAGE_SUFFIXES.get(language_id or "")
        if path is None:
            if suffix is None:
                return None
            path = os.path.join(self.root or os.getcwd(), "untitled" + suffix)
        elif not path.lower().endswith(DEFAULT_SUFFIXES) and suffix is not None:
            path += suffix  # a story saved without its extension, in a Markdown buffer
        settings = self.resolver.for_path(path)
        if not self.wanted(path, settings):
            return None
        return path, settings

    def vocabulary_of(self, uri: str) -> str | None:
        """The first vocabulary folder of a document's settings, if its config names one."""
        try:
            found = self.document_path(uri, None)
        except ConfigError:
            return None
        return found[1].vocabulary[0] if found and found[1].vocabulary else None

    def vocabularies(self) -> set[str]:
        """The vocabulary folders of the open documents' settings."""
        return {v for doc in self.open_documents() if (v := self.vocabulary_of(doc.uri))}

    @staticmethod
    def wanted(path: str, settings: Settings) -> bool:
        root = settings.root or os.path.dirname(path)
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        if any(glob_match(rel, g) for g in settings.exclude):
            return False
        if settings.include:
            return any(glob_match(rel, g) for g in settings.include)
        return path.lower().endswith(DEFAULT_SUFFIXES)

    def watch_settings_files(self) -> None:
        """Ask the editor to report changes on disk to the files _settings_file names:
        Neovim and VS Code's client send didChangeWatchedFiles only for what a server
        registered, so a config edited elsewhere was never read again."""
        workspace = self.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace else None
        if not (watched and watched.dynamic_registration):
            return
        watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in SETTINGS_GLOBS]
        self.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
            id="copylint-settings-files", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))

    # ------------------------------------------------------------------ checks

    def schedule(self, uri: str, delay: float) -> None:
        key = document_key(uri)
        old = self.pending.pop(key, None)
        if old is not None:
            old.cancel()
        loop = self.loop = asyncio.get_running_loop()
        self.pending[key] = loop.call_later(delay, self._start, key)

    def _start(self, key: str) -> None:
        self.pending.pop(key, None)
        doc = self.workspace.text_documents.get(key)
        if doc is None:
            return
        # checked, and published, under the URI the editor opened it with
        self.checker.submit(self._check, doc.uri, doc.version, doc.source, doc.language_id)

    def _check(self, uri: str, version: int | None, text: str, language_id: str | None) -> None:
        doc = self.document(uri)
        if doc is None or doc.version != version:
            return  # closed or changed while queued: the check of the newer text is behind this one
        try:
            diagnostics = self.diagnose(uri, text, language_id)
        except ConfigError as exc:
            self.say(str(exc), types.MessageType.Error)
            return
        except Exception as exc:  # the server stays up; the editor's log says why
            self.log(f"copylint could not check {uri}: {type(exc).__name__}: {exc}")
            return
        for _kind, message in notices.drain():
            self.say(message, types.MessageType.Warning)
        if diagnostics is not None:
            self.publish(uri, version, diagnostics)

    def diagnose(self, uri: str, text: str, language_id: str | None) -> list[types.Diagnostic] | None:
        found = self.document_path(uri, language_id)
        if found is None:
            return []  # not an article: nothing to show (and a stale list cleared)
        path, settings = found
        check_rule_names_for(self.resolver, path)  # a misspelt id would select nothing, unsaid
        if len(text) > MAX_FILE_BYTES:
            self.say(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB: not checked", types.MessageType.Warning)
            return []
        self.open_languagetool(settings)
        doc = read_text(path, text)
        try:
            findings, _facts = lint_document(doc, settings)
        except RuleOptionError as exc:
            self.say(str(exc), types.MessageType.Error)
            return None
        findings.sort(key=Finding.sort_key)
        # regions are in the reader's text offsets, findings in the source's
        regions = [(r.kind, *doc.map.span(r.start, r.end)) for r in doc.regions]
        return to_diagnostics(findings, text, self.workspace.position_encoding or "utf-16", regions,
                              closing_enables(doc))

    def open_languagetool(self, settings: Settings) -> None:
        """One LanguageTool for the server's life, started by the first check that has a
        rule needing it; a start that fails is said once and the built-in checks go on."""
        if self.lt_session is not None:
            return
        from .languagetool.session import open_session

        self.lt_session = open_session(_ruleset_for(settings).selected(settings), settings)
        why = self.lt_session.unavailable  # (None when switched off or not needed)
        if why and self.lt_session.required:
            self.say(f"LanguageTool is required but cannot be used: {why}", types.MessageType.Error)
        elif why:
            self.say(f"grammar checks skipped: {why}; the other checks run", types.MessageType.Info)
        _init_worker(self.resolver, self.lt_session.resources)

    def warm_up(self) -> None:
        """Load every rule's data before the first story arrives."""
        try:
            settings = self.resolver.for_path(os.path.join(self.root or os.getcwd(), "warm-up.txt"))
            lint_document(read_text("warm-up.txt", _WARM_UP), settings,
                          {})  # (no LanguageTool: started by the first real check)
            notices.drain()
        except Exception:  # a broken config is reported by the first check
            pass
        # the warm-up looked for a config before any story was open; one the user writes
        # before opening the first story (an editor need not say so) must still be found
        self.resolver.forget_found_configs()

    # ------------------------------------------------------------------ messages

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        def send() -> None:
            doc = self.document(uri)
            if doc is None or doc.version != version:
                return  # closed or changed since: a newer check is on its way
            self.published[document_key(uri)] = diagnostics
            self.published_versions[document_key(uri)] = version
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics))
        self.loop.call_soon_threadsafe(send)

    def say(self, message: str, kind: types.MessageType) -> None:
        with self._lock:
            if message in self.said:
                return
            self.said.add(message)
        params = types.ShowMessageParams(type=kind, message=f"copylint: {message}")
        self.loop.call_soon_threadsafe(self.window_show_message, params)

    def log(self, message: str) -> None:
        params = types.LogMessageParams(type=types.MessageType.Warning, message=message)
        self.loop.call_soon_threadsafe(self.window_log_message, params)

    def close(self) -> None:
        for handle in self.pending.values():
            handle.cancel()
        self.pending.clear()
        self.checker.stop()
        if self.lt_session is not None:
            self.lt_session.close()
            self.lt_session = None


def make_server(options: Options) -> CopylintServer:
    server = CopylintServer(options)

    @server.feature(types.INITIALIZE)
    def initialize(ls: CopylintServer, params: types.InitializeParams) -> None:
        ls.options = Options.merged(ls.options, params.initialization_options)
        folders = params.workspace_folders or []
        root = uri_to_path(folders[0].uri) if folders else (uri_to_path(params.root_uri) if params.root_uri else None)
        ls.root = root or params.root_path
        ls.loop = asyncio.get_running_loop()
        ls.new_resolver()

    @server.feature(types.INITIALIZED)
    def initialized(ls: CopylintServer, params: types.InitializedParams) -> None:
        ls.watch_settings_files()
        ls.checker.submit(ls.warm_up)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CopylintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CopylintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: CopylintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = uri_to_path(params.text_document.uri) or ""
        if _settings_file(path):
            reload(ls)
        else:
            ls.schedule(params.text_document.uri, 0)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: CopylintServer, params: types.DidChangeWatchedFilesParams) -> None:
        if any(_settings_file(uri_to_path(c.uri) or "") for c in params.changes):
            reload(ls)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: CopylintServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings.get("copylint") if isinstance(params.settings, dict) else None
        if settings:
            ls.options = Options.merged(ls.options, settings)
            reload(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CopylintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = ls.pending.pop(document_key(uri), None)
        if handle is not None:
            handle.cancel()
        ls.published.pop(document_key(uri), None)
        ls.published_versions.pop(document_key(uri), None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: CopylintServer, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        diagnostics = ls.published.get(document_key(uri))
        if not diagnostics:
            return None
        doc = ls.document(uri)
        try:
            found = ls.document_path(uri, doc.language_id if doc is not None else None)
        except ConfigError:
            return None
        ruleset = _ruleset_for(found[1]) if found else None
        text = hover_text(diagnostics, params.position, ruleset.rule_for if ruleset else lambda _id: None)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: CopylintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        actions = code_actions(uri, params.context.diagnostics, ls.vocabulary_of(uri))
        if not ls.diagnosed_as_it_stands(uri):
            # edited since the check: the edits' ranges are of the old text and would land
            # elsewhere; the check under way brings new ones
            actions = [a for a in actions if a.edit is None]
        return actions

    @server.command(ACCEPT_COMMAND)
    def accept(ls: CopylintServer, word: str, folder: str) -> None:
        """Add the word to the folder's accept.txt (a folder the config names, nothing
        else), then check every open story again."""
        from .vocabulary import VocabularyError, add_entries

        if folder not in ls.vocabularies() or not isinstance(word, str):
            ls.say(f"copylint: {folder!r} is no vocabulary folder of this workspace's config",
                   types.MessageType.Error)
            return
        try:
            add_entries(Path(folder), [word])
        except VocabularyError as exc:
            ls.say(f"copylint: {exc}", types.MessageType.Error)
            return
        reload(ls)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: CopylintServer, params: None) -> None:
        ls.close()
        ls.shut_down = True

    @server.feature(types.EXIT)
    def exit_(ls: CopylintServer, params: None) -> None:
        ls.close()
        if ls.checker.busy:
            # Python would wait at exit for the check under way to end (its thread is
            # joined); the editor asked the server to go now
            sys.stdout.flush()
            os._exit(0 if ls.shut_down else 1)

    def reload(ls: CopylintServer) -> None:
        """A config file or pack changed: read the settings again, check every open story."""
        def rebuild() -> None:
            ls.new_resolver()
            ls.said.clear()
        ls.checker.submit(rebuild)
        for doc in ls.open_documents():
            ls.schedule(doc.uri, 0)

    return server


def _settings_file(path: str) -> bool:
    """A file whose change can change the findings: a config file, pyproject.toml, a
    rule pack (YAML) or a vocabulary list."""
    name = Path(path).name
    return name in CONFIG_NAMES or name == "pyproject.toml" or name.endswith((".yaml", ".yml")) or \
        name in VOCABULARY_LISTS


# the files _settings_file names, as globs for the editor to watch
SETTINGS_GLOBS = [*(f"**/{name}" for name in CONFIG_NAMES), "**/pyproject.toml", "**/*.yaml", "**/*.yml",
                  *(f"**/{name}" for name in sorted(VOCABULARY_LISTS))]


def serve(options: Options) -> None:
    server = make_server(options)
    try:
        server.start_io()
    finally:
        server.close()  # input closed without "exit": the check thread ends too
