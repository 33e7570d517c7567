"""``responses.stream(...)``: a context manager around a Responses stream whose
``get_final_response()`` is parsed (``text_format``, ``parsed_arguments``) as in
openai-python's ``ResponseStreamManager``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Any

from ..lib import parse_response
from ._stream import AsyncResponseStream, ResponseStream

__all__ = ["AsyncResponseStreamManager", "ResponseStreamManager"]


class _Parsed:
    def __init__(self, text_format: Any, input_tools: Any) -> None:
        self._text_format = text_format
        self._input_tools = input_tools

    def _parse(self, response: Any) -> Any:
        return parse_response(
            text_format=self._text_format, input_tools=self._input_tools, response=response
        )


class ResponseStreamManager(_Parsed):
    """Entered, sends the request and gives the stream; left, closes it."""

    def __init__(
        self, open: Callable[[], ResponseStream], text_format: Any, input_tools: Any
    ) -> None:
        super().__init__(text_format, input_tools)
        self._open = open
        self._stream: ResponseStream | None = None

    def __enter__(self) -> ResponseStream:
        stream = self._open()
        stream._parse_final = self._parse
        self._stream = stream
        return stream

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncResponseStreamManager(_Parsed):
    """Async twin of :class:`ResponseStreamManager`."""

    def __init__(
        self,
        open: Callable[[], Awaitable[AsyncResponseStream]],
        text_format: Any,
        input_tools: Any,
    ) -> None:
        super().__init__(text_format, input_tools)
        self._open = open
        self._stream: AsyncResponseStream | None = None

    async def __aenter__(self) -> AsyncResponseStream:
        stream = await self._open()
        stream._parse_final = self._parse
        self._stream = stream
        return stream

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
