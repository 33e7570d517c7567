"""An incremental Server-Sent Events decoder: bytes in, events out, no IO.

Follows the WHATWG ``text/event-stream`` rules: LF, CR and CRLF line ends (also when a CRLF is
split across two reads), ``data:`` with or without the space, multi-line data joined by ``\\n``,
comments, ``event:``, ``id:`` (sticky, ignored when it holds NUL) and ``retry:`` (digits only).
Feeding the same bytes in any split yields the same events.

One deliberate leniency: :meth:`SSEDecoder.flush` dispatches an event left pending at end of
stream (a server that omits the final blank line), as openai-python does; the strict spec would
drop it. Stream parsers decide themselves whether the stream ended properly.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["SSEDecoder", "SSEEvent"]

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


class SSEDecoder:
    """Feed bytes with :meth:`feed`, get the completed events; call :meth:`flush` at the end."""

    __slots__ = ("_buffer", "_comment", "_data", "_event", "_last_id", "_retry", "_started")

    def __init__(self) -> None:
        self._buffer = b""
        self._data: list[str] = []
        self._event: str | None = None
        self._last_id: str | None = None
        self._retry: int | None = None
        self._comment: str | None = None
        self._started = False

    @property
    def pending(self) -> bool:
        """True when bytes or an undispatched event are waiting (a cut-off stream)."""
        return bool(self._buffer) or bool(self._data)

    def feed(self, chunk: bytes) -> list[SSEEvent]:
        """Take the next bytes of the stream and return the events they complete."""
        buffer = self._buffer + chunk if self._buffer else chunk
        if not self._started and buffer:
            if len(buffer) < 3 and b"\xef\xbb\xbf".startswith(buffer):
                self._buffer = buffer
                return []
            if buffer.startswith(b"\xef\xbb\xbf"):
                buffer = buffer[3:]
            self._started = True
        events: list[SSEEvent] = []
        if b"\r" not in buffer:
            lines = buffer.split(b"\n")
            self._buffer = lines.pop()
            data = self._data
            for line in lines:
                # Inline fast path for the lines providers send (data, blank, comment, event, id);
                # anything else goes through the general field parser.
                if line.startswith(b"data:"):
                    value = line[6:] if line[5:6] == b" " else line[5:]
                    data.append(value.decode("utf-8", "replace"))
                elif not line:
                    if data:
                        events.append(
                            SSEEvent(
                                "\n".join(data),
                                self._event or "message",
                                self._last_id,
                                self._retry,
                                self._comment,
                            )
                        )
                        data.clear()
                    self._event = None
                    self._comment = None
                elif line[0] == 58:  # b":" starts a comment
                    self._comment = line[1:].decode("utf-8", "replace").strip()
                elif line.startswith(b"event:"):
                    value = line[7:] if line[6:7] == b" " else line[6:]
                    self._event = value.decode("utf-8", "replace")
                else:
                    self._line(line, events)
            return events
        pos = 0
        end = len(buffer)
        while True:
            match = _LINE_END.search(buffer, pos)
            if match is None:
                break
            if match.group() == b"\r" and match.end() == end:
                break  # a CR at the very end may be the first half of a CRLF: wait
            self._line(buffer[pos : match.start()], events)
            pos = match.end()
        self._buffer = buffer[pos:]
        return events

    def flush(self) -> list[SSEEvent]:
        """End of stream: process a last unterminated line and dispatch a pending event."""
        events: list[SSEEvent] = []
        buffer, self._buffer = self._buffer, b""
        if buffer.endswith(b"\r"):
            buffer = buffer[:-1]
        if buffer:
            self._line(buffer, events)
        self._line(b"", events)
        return events

    def _line(self, raw: bytes, events: list[SSEEvent]) -> None:
        if not raw:
            if self._data:
                events.append(
                    SSEEvent(
                        data="\n".join(self._data),
                        event=self._event or "message",
                        id=self._last_id,
                        retry=self._retry,
                        comment=self._comment,
                    )
                )
                self._data.clear()
            self._event = None
            self._comment = None
            return
        line = raw.decode("utf-8", "replace")
        if line[0] == ":":
            self._comment = line[1:].strip()
            return
        field, sep, value = line.partition(":")
        if sep and value[:1] == " ":
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id":
            if "\x00" not in value:
                self._last_id = value
        elif field == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
