"""Output items of a Responses answer (openai-python's names and field order): messages with
``output_text`` parts, function calls, reasoning, and any other item kept as received."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Discriminator, Field, Tag

from .._base import _Model

__all__ = [
    "FunctionTool",
    "InputTokensDetails",
    "OutputTokensDetails",
    "ResponseError",
    "ResponseFunctionToolCall",
    "ResponseOutputItem",
    "ResponseOutputItemOther",
    "ResponseOutputMessage",
    "ResponseOutputRefusal",
    "ResponseOutputText",
    "ResponseReasoningItem",
    "ResponseUsage",
    "Tool",
    "ToolOther",
]


class ResponseOutputText(_Model):
    annotations: list[Any] = Field(default_factory=list)
    text: str
    type: Literal["output_text"] = "output_text"
    logprobs: list[Any] | None = None


class ResponseOutputRefusal(_Model):
    refusal: str
    type: Literal["refusal"] = "refusal"


def _content_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return "refusal" if kind == "refusal" else "output_text"


Content = Annotated[
    Annotated[ResponseOutputText, Tag("output_text")]
    | Annotated[ResponseOutputRefusal, Tag("refusal")],
    Discriminator(_content_kind),
]


class ResponseOutputMessage(_Model):
    id: str
    content: list[Content]
    role: Literal["assistant"] = "assistant"
    status: Literal["in_progress", "completed", "incomplete"]
    type: Literal["message"] = "message"


class ResponseFunctionToolCall(_Model):
    arguments: str
    call_id: str
    name: str
    type: Literal["function_call"] = "function_call"
    id: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class Summary(_Model):
    text: str
    type: Literal["summary_text"] = "summary_text"


class ReasoningContent(_Model):
    text: str
    type: Literal["reasoning_text"] = "reasoning_text"


class ResponseReasoningItem(_Model):
    id: str
    summary: list[Summary]
    type: Literal["reasoning"] = "reasoning"
    content: list[ReasoningContent] | None = None
    encrypted_content: str | None = None
    status: Literal["in_progress", "completed", "incomplete"] | None = None


class ResponseOutputItemOther(_Model):
    """Any other output item (web search calls, tool calls of built-in tools, newer item types):
    kept with every field as received."""

    type: str


_ITEM_KINDS = {"message", "function_call", "reasoning"}


def _item_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return kind if kind in _ITEM_KINDS else "other"


ResponseOutputItem = Annotated[
    Annotated[ResponseOutputMessage, Tag("message")]
    | Annotated[ResponseFunctionToolCall, Tag("function_call")]
    | Annotated[ResponseReasoningItem, Tag("reasoning")]
    | Annotated[ResponseOutputItemOther, Tag("other")],
    Discriminator(_item_kind),
]


class FunctionTool(_Model):
    name: str
    parameters: dict[str, Any] | None = None
    strict: bool | None = None
    type: Literal["function"] = "function"
    description: str | None = None


class ToolOther(_Model):
    """A built-in tool (web search, file search, ...) as given."""

    type: str


def _tool_kind(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return "function" if kind == "function" else "other"


Tool = Annotated[
    Annotated[FunctionTool, Tag("function")] | Annotated[ToolOther, Tag("other")],
    Discriminator(_tool_kind),
]


class InputTokensDetails(_Model):
    cached_tokens: int = 0
    cache_write_tokens: int | None = None


class OutputTokensDetails(_Model):
    reasoning_tokens: int = 0


class ResponseUsage(_Model):
    input_tokens: int
    input_tokens_details: InputTokensDetails
    output_tokens: int
    output_tokens_details: OutputTokensDetails
    total_tokens: int


class ResponseError(_Model):
    code: str
    message: str
