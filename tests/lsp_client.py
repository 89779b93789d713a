"""A small editor for the tests: starts ``copylint lsp`` as a subprocess and speaks the
language server protocol to it over stdin/stdout (Content-Length framed JSON-RPC), written
here from the protocol, not with the server's own library."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from helpers import REPO


def utf16_position(text: str, offset: int) -> dict:
    """The LSP position of a code-point offset: lines end at \\n, \\r\\n or \\r;
    characters are UTF-16 code units."""
    line_start = 0
    line = 0
    i = 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and text[i + 1:i + 2] == "\n" and i + 1 < offset:
            i += 2
            line += 1
            line_start = i
            continue
        if ch in "\r\n":
            line += 1
            line_start = i + 1
        i += 1
    return {"line": line, "character": len(text[line_start:offset].encode("utf-16-le")) // 2}


def range_of(text: str, word: str, nth: int = 0) -> dict:
    """The LSP range of the ``nth`` occurrence of ``word`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {"start": utf16_position(text, start), "end": utf16_position(text, start + len(word))}


def offset_of(text: str, position: dict) -> int:
    """The inverse of utf16_position (for \\n line ends)."""
    lines = text.split("\n")
    start = sum(len(l) + 1 for l in lines[:position["line"]])
    units = 0
    k = start
    while units < position["character"]:
        units += 2 if ord(text[k]) > 0xFFFF else 1
        k += 1
    return k


def apply_edits(text: str, edits: list[dict]) -> str:
    """Apply LSP TextEdits (non-overlapping), last first."""
    spans = sorted(((offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"]), e["newText"])
                    for e in edits), reverse=True)
    for s, e, new in spans:
        text = text[:s] + new + text[e:]
    return text


class Editor:
    def __init__(self, root: Path, *args: str, env: dict | None = None, init_options: dict | None = None,
                 capabilities: dict | None = None) -> None:
        full_env = dict(os.environ)
        full_env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO / "src"), full_env.get("PYTHONPATH", "")) if p)
        full_env.update(env or {})
        self.root = root
        self.proc = subprocess.Popen([sys.executable, "-m", "copylint", "lsp", *args], cwd=root, env=full_env,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.inbox: queue.Queue = queue.Queue()
        self.notifications: list[dict] = []
        self.requests: list[dict] = []  # the server's own requests (all answered with null)
        self.next_id = 0
        self.versions: dict[str, int] = {}
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr = b""
        threading.Thread(target=self._read_stderr, daemon=True).start()
        self.capabilities = self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            "capabilities": capabilities or {}, "initializationOptions": init_options or {}})["capabilities"]
        self.notify("initialized", {})

    def __enter__(self) -> "Editor":
        return self

    def __exit__(self, *exc) -> None:
        """A server the test did not shut down is killed."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    # ------------------------------------------------------------------ wire

    def _read(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            self.inbox.put(json.loads(body.decode("utf-8")))

    def _read_stderr(self) -> None:
        for chunk in iter(lambda: self.proc.stderr.read(4096), b""):
            self.stderr += chunk

    def _send(self, message: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def _next(self, deadline: float) -> dict:
        message = self.inbox.get(timeout=max(0.01, deadline - time.monotonic()))
        if message is None:
            raise AssertionError(f"the server closed its output; stderr: {self.stderr.decode(errors='replace')}")
        if "method" in message and "id" in message:  # a request from the server: answer it
            self.requests.append(message)
            self._send({"id": message["id"], "result": None})
        elif "method" in message:
            self.notifications.append(message)
        return message

    def request(self, method: str, params, timeout: float = 120) -> dict:
        self.next_id += 1
        my_id = self.next_id
        self._send({"id": my_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._next(deadline)
            if message.get("id") == my_id and "method" not in message:
                if "error" in message:
                    raise AssertionError(f"{method} failed: {message['error']}")
                return message["result"]

    def notify(self, method: str, params) -> None:
        self._send({"method": method, "params": params})

    def wait_for(self, predicate, timeout: float = 120) -> dict:
        """The first notification (already received or still to come) that matches."""
        seen = 0
        deadline = time.monotonic() + timeout
        while True:
            for message in self.notifications[seen:]:
                if predicate(message):
                    self.notifications.remove(message)
                    return message
            seen = len(self.notifications)
            try:
                self._next(deadline)
            except queue.Empty:
                raise AssertionError(f"no matching notification in {timeout} s; got "
                                     f"{[m['method'] for m in self.notifications]}") from None

    # ------------------------------------------------------------------ documents

    def diagnostics(self, uri: str, timeout: float = 120) -> list[dict]:
        """The diagnostics published for the document's current version."""
        version = self.versions.get(uri)

        def wanted(m: dict) -> bool:
            p = m.get("params", {})
            return m["method"] == "textDocument/publishDiagnostics" and p.get("uri") == uri and \
                p.get("version", version) == version
        return self.wait_for(wanted, timeout)["params"]["diagnostics"]

    def open(self, path: Path, text: str, language_id: str = "markdown") -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": language_id, "version": 1, "text": text}})
        return uri

    def change(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": self.versions[uri]},
                                               "contentChanges": [{"text": text}]})

    def code_actions(self, uri: str, diagnostic: dict) -> list[dict]:
        return self.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}})

    def hover(self, uri: str, position: dict) -> dict | None:
        return self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": position})

    def close(self) -> int:
        """Shut the server down as an editor does; its exit code."""
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.proc.wait(timeout=30)
        finally:
            for stream in (self.proc.stdin, self.proc.stdout):
                stream.close()
