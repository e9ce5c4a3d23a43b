"""A minimal Language Server Protocol client: JSON-RPC over the stdio of a real language server.

Enough for the editor tests: initialize, answer the server's request for its settings
(as an editor does), open a document, ask for hover and completion, and collect the
diagnostics the server publishes. A reader thread hands
every message to a queue, so a server that stops answering ends the test by timeout.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
import time
from pathlib import Path
from typing import IO, Any

TIMEOUT = 60.0


class LanguageServer:
    def __init__(self, command: list[str], root: Path, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=subprocess.DEVNULL)
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.logged: list[str] = []
        self._next_id = 0
        assert self.process.stdout is not None
        threading.Thread(target=self._read_all, args=(self.process.stdout,), daemon=True).start()
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(),
                                    "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
                                    "capabilities": {"workspace": {"configuration": True},
                                                     "textDocument": {"hover": {"contentFormat": ["markdown"]}}}})
        self._configured = False
        self.notify("initialized", {})
        deadline = time.monotonic() + TIMEOUT
        while not self._configured:  # the server asks for its settings once it is initialized
            self._handle(self._take(deadline))

    def __enter__(self) -> LanguageServer:
        return self

    def __exit__(self, *_: object) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()

    def open(self, path: Path, text: str | None = None) -> str:
        uri = path.resolve().as_uri()
        content = path.read_text("utf-8") if text is None else text
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1,
                                                              "text": content}})
        return uri

    def hover(self, uri: str, line: int, character: int) -> str:
        result = self.request("textDocument/hover", _position(uri, line, character))
        contents = (result or {}).get("contents", "")
        return str(contents.get("value", "") if isinstance(contents, dict) else contents)

    def completion_labels(self, uri: str, line: int, character: int) -> set[str]:
        result = self.request("textDocument/completion", _position(uri, line, character))
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        return {item["label"] for item in items}

    def wait_for_diagnostics(self, uri: str) -> list[dict[str, Any]]:
        deadline = time.monotonic() + TIMEOUT
        while uri not in self.diagnostics:
            self._handle(self._take(deadline))
        return self.diagnostics[uri]

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        wanted = self._next_id
        self._send({"jsonrpc": "2.0", "id": wanted, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self._take(deadline)
            if message.get("id") == wanted and "method" not in message:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result")
            self._handle(message)

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _handle(self, message: dict[str, Any]) -> None:
        method = message.get("method")
        if method == "textDocument/publishDiagnostics":
            self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
        elif method in ("window/logMessage", "window/showMessage"):
            self.logged.append(str(message["params"].get("message")))
        elif method is not None and "id" in message:  # a request of the server: answer every one
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": self._answer(message)})

    def _answer(self, message: dict[str, Any]) -> Any:
        if message["method"] == "workspace/configuration":
            self._configured = True
            return [self.settings.get(item.get("section", ""), None) for item in message["params"]["items"]]
        return None

    def _take(self, deadline: float) -> dict[str, Any]:
        try:
            message = self.messages.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise TimeoutError(f"no answer from the language server within {TIMEOUT:.0f} s") from None
        if message is None:
            raise ConnectionError(f"the language server ended (exit code {self.process.poll()})")
        return message

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read_all(self, stream: IO[bytes]) -> None:
        try:
            while (message := _read_message(stream)) is not None:
                self.messages.put(message)
        finally:
            self.messages.put(None)


def _read_message(stream: IO[bytes]) -> dict[str, Any] | None:
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length is None:
        return None
    payload: dict[str, Any] = json.loads(stream.read(length))
    return payload


def _position(uri: str, line: int, character: int) -> dict[str, Any]:
    return {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}
