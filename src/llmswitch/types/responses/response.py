"""``Response``: the answer of ``client.responses.create`` (openai-python's fields, in its
order), plus ``provider`` and ``raw`` as on every llmswitch answer; ``ParsedResponse`` for
``responses.parse``; ``ResponseDeleted`` is not a type in openai (``delete`` returns ``None``)."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from .._base import _Model, _RawModel
from ._items import (
    ResponseError,
    ResponseFunctionToolCall,
    ResponseOutputItem,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseUsage,
    Tool,
)

__all__ = [
    "IncompleteDetails",
    "ParsedResponse",
    "ParsedResponseFunctionToolCall",
    "ParsedResponseOutputMessage",
    "ParsedResponseOutputText",
    "Reasoning",
    "Response",
    "ResponseStatus",
    "ResponseTextConfig",
]

ResponseStatus = Literal["completed", "failed", "in_progress", "cancelled", "queued", "incomplete"]
T = TypeVar("T")


class IncompleteDetails(_Model):
    reason: Literal["max_output_tokens", "content_filter"] | None = None


class Reasoning(_Model):
    effort: str | None = None
    summary: str | None = None


class ResponseTextConfig(_Model):
    format: dict[str, Any] | None = None
    verbosity: str | None = None


class Response(_RawModel):
    id: str
    created_at: float
    error: ResponseError | None = None
    incomplete_details: IncompleteDetails | None = None
    instructions: str | list[Any] | None = None
    metadata: dict[str, str] | None = None
    model: str
    object: Literal["response"] = "response"
    output: list[ResponseOutputItem]
    parallel_tool_calls: bool
    temperature: float | None = None
    tool_choice: str | dict[str, Any]
    tools: list[Tool]
    top_p: float | None = None
    background: bool | None = None
    completed_at: float | None = None
    conversation: dict[str, Any] | None = None
    max_output_tokens: int | None = None
    max_tool_calls: int | None = None
    previous_response_id: str | None = None
    prompt: dict[str, Any] | None = None
    prompt_cache_key: str | None = None
    prompt_cache_retention: str | None = None
    reasoning: Reasoning | None = None
    safety_identifier: str | None = None
    service_tier: str | None = None
    status: ResponseStatus | None = None
    text: ResponseTextConfig | None = None
    top_logprobs: int | None = None
    truncation: Literal["auto", "disabled"] | None = None
    usage: ResponseUsage | None = None
    user: str | None = None

    @property
    def output_text(self) -> str:
        """The text of every ``output_text`` part of every message item, joined (as
        openai-python's property)."""
        texts: list[str] = []
        for item in self.output:
            if isinstance(item, ResponseOutputMessage):
                for part in item.content:
                    if isinstance(part, ResponseOutputText):
                        texts.append(part.text)
        return "".join(texts)


class ParsedResponseOutputText(ResponseOutputText, Generic[T]):
    parsed: T | None = None


class ParsedResponseOutputMessage(ResponseOutputMessage, Generic[T]):
    content: list[Any]


class ParsedResponseFunctionToolCall(ResponseFunctionToolCall):
    parsed_arguments: object = None


class ParsedResponse(Response, Generic[T]):
    """``responses.parse``'s answer: ``output_parsed`` is the first parsed text part."""

    output: list[Any]

    @property
    def output_parsed(self) -> T | None:
        for item in self.output:
            if getattr(item, "type", None) == "message":
                for part in item.content:
                    if getattr(part, "type", None) == "output_text" and part.parsed:
                        parsed: T = part.parsed
                        return parsed
        return None

    @property
    def output_text(self) -> str:
        texts: list[str] = []
        for item in self.output:
            if getattr(item, "type", None) == "message":
                for part in item.content:
                    if getattr(part, "type", None) == "output_text":
                        texts.append(part.text)
        return "".join(texts)
