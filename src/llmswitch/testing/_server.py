"""A real HTTP server on 127.0.0.1 that plays scripted answers and faults (stdlib only).

Used by llmswitch's own integration, fault and benchmark runs, and by users who want to test
their app against real sockets. Each request takes the next scripted :class:`Action` (or asks
``handler``); the server records every request it saw.

>>> with LoopbackServer() as server:                 # doctest: +SKIP
...     server.enqueue(Action(status=429, headers={"retry-after": "0"}))
...     server.enqueue(Action(body=b'{"ok": true}'))
"""

from __future__ import annotations

import socket
import struct
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

__all__ = ["Action", "LoopbackServer", "RecordedRequest"]


@dataclass
class Action:
    """One scripted answer. ``chunks`` are sent with chunked encoding, one write each."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/json"})
    body: bytes = b""
    chunks: list[bytes] | None = None
    delay: float = 0.0
    """Seconds to wait before sending the status line."""
    chunk_delay: float = 0.0
    """Seconds to wait before each chunk."""
    reset_before_headers: bool = False
    """Drop the connection with a TCP reset before any byte of the answer."""
    reset_after_chunks: int | None = None
    """Reset the connection after this many chunks (a stream cut mid-way)."""
    close_without_end: bool = False
    """End a chunked body without its terminating zero-length chunk, then close."""


@dataclass(frozen=True)
class RecordedRequest:
    """A request as the server received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    at: float
    peer: tuple[str, int] | None = None
    """The client's address and port (a new port is a new connection)."""


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        return

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        recorded = RecordedRequest(
            self.command,
            self.path,
            {k.lower(): v for k, v in self.headers.items()},
            body,
            time.monotonic(),
            (str(self.client_address[0]), int(self.client_address[1])),
        )
        owner = self.server.owner
        action = owner._next_action(recorded)
        if action.delay:
            time.sleep(action.delay)
        if action.reset_before_headers:
            self._reset()
            return
        self.send_response(action.status)
        for key, value in action.headers.items():
            self.send_header(key, value)
        if action.chunks is None:
            self.send_header("content-length", str(len(action.body)))
            self.end_headers()
            self.wfile.write(action.body)
            self.wfile.flush()
            return
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        for index, chunk in enumerate(action.chunks):
            if action.reset_after_chunks is not None and index >= action.reset_after_chunks:
                self._reset()
                return
            if action.chunk_delay:
                time.sleep(action.chunk_delay)
            if chunk:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
        if action.reset_after_chunks is not None and action.reset_after_chunks >= len(
            action.chunks
        ):
            self._reset()
            return
        if action.close_without_end:
            self.close_connection = True
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            return
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _reset(self) -> None:
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

    do_GET = _serve
    do_POST = _serve
    do_PUT = _serve
    do_DELETE = _serve


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024
    owner: LoopbackServer

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that hangs up early (a cancelled stream, a timeout) is not a server error.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class LoopbackServer:
    """Scripted HTTP/1.1 server on an ephemeral 127.0.0.1 port; use as a context manager."""

    def __init__(
        self,
        handler: Callable[[RecordedRequest], Action] | None = None,
        *,
        record: bool = True,
    ) -> None:
        self.handler = handler
        self.record = record
        self.requests: list[RecordedRequest] = []
        self._script: deque[Action] = deque()
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321``."""
        if self._server is None:
            raise RuntimeError("the server is not started; call start() or use `with`")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def enqueue(self, *actions: Action | Iterable[Action]) -> None:
        """Script the next answers, in order."""
        with self._lock:
            for action in actions:
                if isinstance(action, Action):
                    self._script.append(action)
                else:
                    self._script.extend(action)

    def _next_action(self, request: RecordedRequest) -> Action:
        with self._lock:
            if self.record:
                self.requests.append(request)
            if self._script:
                return self._script.popleft()
        if self.handler is not None:
            return self.handler(request)
        return Action(status=599, body=b'{"error": {"message": "no scripted answer left"}}')

    def start(self) -> LoopbackServer:
        """Bind 127.0.0.1:0 and serve in a daemon thread."""
        server = _Server(("127.0.0.1", 0), _Handler)
        server.owner = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, daemon=True, args=(0.05,))
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
