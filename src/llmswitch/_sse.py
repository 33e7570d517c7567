"""An incremental Server-Sent Events decoder: bytes in, events out, no IO.

Follows the WHATWG ``text/event-stream`` rules: LF, CR and CRLF line ends (also when a CRLF is
split across two reads), ``data:`` with or without the space, multi-line data joined by ``\\n``,
comments, ``event:``, ``id:`` (sticky, ignored when it holds NUL) and ``retry:`` (digits only).
Feeding the same bytes in any split yields the same events, in time linear in the input; a
line or an event larger than 16 MiB (:data:`MAX_LINE_BYTES`, :data:`MAX_EVENT_BYTES`) raises
:class:`~llmswitch.errors.APIResponseValidationError` (code ``sse_line_too_large`` or
``sse_event_too_large``).

One deliberate leniency: :meth:`SSEDecoder.flush` dispatches an event left pending at end of
stream (a server that omits the final blank line), as openai-python does; the strict spec would
drop it. Stream parsers decide themselves whether the stream ended properly.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .errors import APIResponseValidationError

__all__ = ["MAX_EVENT_BYTES", "MAX_LINE_BYTES", "SSEDecoder", "SSEEvent"]

_LINE_END = re.compile(rb"\r\n|\r|\n")


class SSEEvent(NamedTuple):
    """One dispatched event (immutable). ``event`` defaults to ``"message"`` as the spec says.

    A named tuple rather than a frozen dataclass: it is made once per event on the hot path,
    and a frozen dataclass costs four times as much to create."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None
    comment: str | None = None
    """The last comment line inside this event's block (an extension: DashScope puts the HTTP
    status of an in-stream error there, as ``:HTTP_STATUS/400``)."""


MAX_LINE_BYTES = 16 * 1024 * 1024
"""Longest SSE line accepted (16 MiB); a longer one raises ``APIResponseValidationError``."""
MAX_EVENT_BYTES = 16 * 1024 * 1024
"""Most memory one event's data may hold over its lines (16 MiB, each ``data:`` line counted as
its length plus :data:`LINE_OVERHEAD`); more raises ``APIResponseValidationError``."""
LINE_OVERHEAD = 48
"""Bytes counted per data line on top of its length (the object that holds it), so that a
flood of tiny ``data:`` lines is bounded by memory, not only by bytes received."""


class SSEDecoder:
    """Feed bytes with :meth:`feed`, get the completed events; call :meth:`flush` at the end.

    Linear in its input: an unfinished line is kept as the list of reads that make it up and
    joined once, when its end arrives (it is never rescanned), and data lines are kept as bytes
    and decoded once per event. ``max_line`` and ``max_event`` bound the memory a server can
    make it hold; past them an :class:`~llmswitch.errors.APIResponseValidationError` naming
    ``provider`` is raised.
    """

    __slots__ = (
        "_comment",
        "_cr",
        "_data",
        "_data_size",
        "_event",
        "_last_id",
        "_max_event",
        "_max_line",
        "_parts",
        "_parts_len",
        "_provider",
        "_retry",
        "_started",
    )

    def __init__(
        self,
        *,
        provider: str = "",
        max_line: int = MAX_LINE_BYTES,
        max_event: int = MAX_EVENT_BYTES,
    ) -> None:
        self._parts: list[bytes] = []  # the unfinished last line, as the reads that brought it
        self._parts_len = 0
        self._cr = False  # the unfinished part ends with a CR (maybe half of a CRLF)
        self._data: list[bytes] = []
        self._data_size = 0
        self._event: str | None = None
        self._last_id: str | None = None
        self._retry: int | None = None
        self._comment: str | None = None
        self._started = False
        self._provider = provider
        self._max_line = max_line
        self._max_event = max_event

    @property
    def pending(self) -> bool:
        """True when bytes or an undispatched event are waiting (a cut-off stream)."""
        return bool(self._parts_len) or bool(self._data)

    def _too_big(self, what: str, size: int, limit: int) -> APIResponseValidationError:
        self._parts.clear()
        self._parts_len = 0
        self._data.clear()
        self._data_size = 0
        return APIResponseValidationError(
            f"the stream sent an SSE {what} of more than {limit} bytes (got {size});"
            " the server is broken or hostile",
            provider=self._provider,
            code=f"sse_{what}_too_large",
            retryable=False,
        )

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """Take the next bytes of the stream and return the events they complete."""
        if not self._started:
            chunk = self._start(chunk)
            if not chunk:
                return []
        parts = self._parts
        if parts:
            if b"\n" not in chunk and b"\r" not in chunk and not self._cr:
                # Still no line end: keep the read; what came before is not rescanned.
                parts.append(chunk)
                self._parts_len += len(chunk)
                if self._parts_len > self._max_line:
                    raise self._too_big("line", self._parts_len, self._max_line)
                return []
            parts.append(chunk)
            buffer = b"".join(parts)
            parts.clear()
            self._parts_len = 0
        else:
            buffer = chunk
        events: list[SSEEvent] = []
        if b"\r" in buffer:
            self._cr = False
            rest = self._lines_with_cr(buffer, events)
        else:
            lines = buffer.split(b"\n")
            rest = lines.pop()
            data = self._data
            for line in lines:
                # Inline fast path for the lines providers send (data, blank, comment, event, id);
                # anything else goes through the general field parser.
                if line.startswith(b"data:"):
                    value = line[6:] if line[5:6] == b" " else line[5:]
                    data.append(value)
                    self._data_size += len(value) + LINE_OVERHEAD
                    if self._data_size > self._max_event:
                        raise self._too_big("event", self._data_size, self._max_event)
                elif not line:
                    if data:
                        events.append(
                            SSEEvent(
                                data[0].decode("utf-8", "replace")
                                if len(data) == 1
                                else b"\n".join(data).decode("utf-8", "replace"),
                                self._event or "message",
                                self._last_id,
                                self._retry,
                                self._comment,
                            )
                        )
                        data.clear()
                        self._data_size = 0
                    self._event = None
                    self._comment = None
                elif line[0] == 58:  # b":" starts a comment
                    self._comment = line[1:].decode("utf-8", "replace").strip()
                elif line.startswith(b"event:"):
                    value = line[7:] if line[6:7] == b" " else line[6:]
                    self._event = value.decode("utf-8", "replace")
                else:
                    self._line(line, events)
        if rest:
            if len(rest) > self._max_line:
                raise self._too_big("line", len(rest), self._max_line)
            parts.append(rest)
            self._parts_len = len(rest)
        return events

    def _start(self, chunk: bytes) -> bytes:
        """Strip a leading BOM (held back while only its first bytes have arrived)."""
        if self._parts:
            chunk = b"".join(self._parts) + chunk
            self._parts.clear()
            self._parts_len = 0
        if len(chunk) < 3 and b"\xef\xbb\xbf".startswith(chunk):
            if chunk:
                self._parts.append(chunk)
                self._parts_len = len(chunk)
            return b""
        self._started = True
        return chunk[3:] if chunk.startswith(b"\xef\xbb\xbf") else chunk

    def _lines_with_cr(self, buffer: bytes, events: list[SSEEvent]) -> bytes:
        """The general path (CR or CRLF line ends); returns the unfinished rest."""
        pos = 0
        end = len(buffer)
        while True:
            match = _LINE_END.search(buffer, pos)
            if match is None:
                return buffer[pos:]
            if match.group() == b"\r" and match.end() == end:
                self._cr = True  # a CR at the very end may be the first half of a CRLF: wait
                return buffer[pos:]
            self._line(buffer[pos : match.start()], events)
            pos = match.end()

    def _dispatch(self, events: list[SSEEvent]) -> None:
        data = self._data
        if data:
            text = b"\n".join(data).decode("utf-8", "replace")
            events.append(SSEEvent(text, self._event or "message", self._last_id, self._retry,
                                   self._comment))  # fmt: skip
            data.clear()
            self._data_size = 0
        self._event = None
        self._comment = None

    def flush(self) -> list[SSEEvent]:
        """End of stream: process a last unterminated line and dispatch a pending event."""
        events: list[SSEEvent] = []
        buffer = b"".join(self._parts)
        self._parts.clear()
        self._parts_len = 0
        self._cr = False
        if buffer.endswith(b"\r"):
            buffer = buffer[:-1]
        if buffer:
            self._line(buffer, events)
        self._dispatch(events)
        return events

    def _line(self, raw: bytes, events: list[SSEEvent]) -> None:
        if not raw:
            self._dispatch(events)
            return
        if raw[0] == 58:  # b":"
            self._comment = raw[1:].decode("utf-8", "replace").strip()
            return
        field, sep, value = raw.partition(b":")
        if sep and value[:1] == b" ":
            value = value[1:]
        if field == b"data":
            self._data.append(value)
            self._data_size += len(value) + LINE_OVERHEAD
            if self._data_size > self._max_event:
                raise self._too_big("event", self._data_size, self._max_event)
        elif field == b"event":
            self._event = value.decode("utf-8", "replace")
        elif field == b"id":
            if b"\x00" not in value:
                self._last_id = value.decode("utf-8", "replace")
        elif field == b"retry" and value.isdigit():
            self._retry = int(value)
