"""The events a :class:`ChatCompletionStream` yields, as openai-python names them.

Per chunk: ``chunk`` first, then per choice ``content.delta``, ``refusal.delta``,
``tool_calls.function.arguments.delta``, ``logprobs.content.delta``, ``logprobs.refusal.delta``,
then the ``*.done`` events of whatever has just ended (content and refusal when the choice
finishes or a tool call starts; a tool call's arguments when the next one starts or the choice
finishes).
"""

from __future__ import annotations

from typing import Any, Generic, Literal

from pydantic import BaseModel, ConfigDict

from ....types.chat import ChatCompletionChunk
from ..._types import ResponseFormatT
from ._types import ParsedChatCompletionSnapshot

__all__ = [
    "ChatCompletionStreamEvent",
    "ChunkEvent",
    "ContentDeltaEvent",
    "ContentDoneEvent",
    "FunctionToolCallArgumentsDeltaEvent",
    "FunctionToolCallArgumentsDoneEvent",
    "LogprobsContentDeltaEvent",
    "LogprobsContentDoneEvent",
    "LogprobsRefusalDeltaEvent",
    "LogprobsRefusalDoneEvent",
    "RefusalDeltaEvent",
    "RefusalDoneEvent",
]


class _Event(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)


class ChunkEvent(_Event):
    """Every chunk, with the completion accumulated so far."""

    type: Literal["chunk"]
    chunk: ChatCompletionChunk
    snapshot: ParsedChatCompletionSnapshot


class ContentDeltaEvent(_Event):
    """A chunk with ``delta.content``."""

    type: Literal["content.delta"]
    delta: str
    snapshot: str
    """The content so far."""
    parsed: object | None = None
    """The content so far decoded as partial JSON (with a ``response_format`` type)."""


class ContentDoneEvent(_Event, Generic[ResponseFormatT]):
    """The content of a choice is complete."""

    type: Literal["content.done"]
    content: str
    parsed: ResponseFormatT | None = None
    """The content validated into the ``response_format`` type (if one was given)."""


class RefusalDeltaEvent(_Event):
    """A chunk with ``delta.refusal``."""

    type: Literal["refusal.delta"]
    delta: str
    snapshot: str


class RefusalDoneEvent(_Event):
    """The refusal of a choice is complete."""

    type: Literal["refusal.done"]
    refusal: str


class FunctionToolCallArgumentsDeltaEvent(_Event):
    """A chunk with a fragment of a tool call's arguments."""

    type: Literal["tool_calls.function.arguments.delta"]
    name: str
    index: int
    arguments: str
    """The arguments (JSON text) so far."""
    parsed_arguments: object
    """The arguments so far decoded as partial JSON (strict tools only, else ``None``)."""
    arguments_delta: str
    """This chunk's fragment of the arguments."""


class FunctionToolCallArgumentsDoneEvent(_Event):
    """The arguments of a tool call are complete."""

    type: Literal["tool_calls.function.arguments.done"]
    name: str
    index: int
    arguments: str
    parsed_arguments: object
    """An instance of the tool's model (``pydantic_function_tool``), the decoded JSON of
    another strict tool, else ``None``."""


class LogprobsContentDeltaEvent(_Event):
    """A chunk with log probabilities of content tokens."""

    type: Literal["logprobs.content.delta"]
    content: list[Any]
    snapshot: list[Any]


class LogprobsContentDoneEvent(_Event):
    """The content log probabilities of a choice are complete."""

    type: Literal["logprobs.content.done"]
    content: list[Any]


class LogprobsRefusalDeltaEvent(_Event):
    """A chunk with log probabilities of refusal tokens."""

    type: Literal["logprobs.refusal.delta"]
    refusal: list[Any]
    snapshot: list[Any]


class LogprobsRefusalDoneEvent(_Event):
    """The refusal log probabilities of a choice are complete."""

    type: Literal["logprobs.refusal.done"]
    refusal: list[Any]


ChatCompletionStreamEvent = (
    ChunkEvent
    | ContentDeltaEvent
    | ContentDoneEvent[ResponseFormatT]
    | RefusalDeltaEvent
    | RefusalDoneEvent
    | FunctionToolCallArgumentsDeltaEvent
    | FunctionToolCallArgumentsDoneEvent
    | LogprobsContentDeltaEvent
    | LogprobsContentDoneEvent
    | LogprobsRefusalDeltaEvent
    | LogprobsRefusalDoneEvent
)
"""Any event of a chat completion stream, generic over the ``response_format`` type."""
