"""Parsed chat completions: what ``chat.completions.parse()`` and ``.stream()`` return.

The same shapes as openai-python's ``openai.types.chat.ParsedChatCompletion`` and friends:
the plain response types of :mod:`llmswitch.types.chat` plus ``message.parsed`` (the content
validated into the ``response_format`` type) and ``tool_call.function.parsed_arguments`` (the
arguments of a strict tool, validated into the model given to ``pydantic_function_tool``).
The classes are generic over the content type for type checkers; at runtime the plain
(unparametrised) classes are used and ``parsed`` holds whatever was parsed.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from .chat import ChatCompletion, ChatCompletionMessage, Choice, FunctionCall, ToolCall

__all__ = [
    "ContentType",
    "ParsedChatCompletion",
    "ParsedChatCompletionMessage",
    "ParsedChoice",
    "ParsedFunction",
    "ParsedFunctionToolCall",
]

ContentType = TypeVar("ContentType")


class ParsedFunction(FunctionCall):
    parsed_arguments: object | None = None
    """The arguments to call the function with: an instance of the model given to
    ``pydantic_function_tool()``, the JSON-decoded arguments of any other strict tool, else
    ``None``."""


class ParsedFunctionToolCall(ToolCall):
    function: ParsedFunction
    """The function that the model called."""


class ParsedChatCompletionMessage(ChatCompletionMessage, Generic[ContentType]):
    parsed: ContentType | None = None
    """The message content validated into the ``response_format`` type (``None`` without a
    type, on a refusal, or without content)."""

    tool_calls: list[ParsedFunctionToolCall] | None = None  # type: ignore[assignment]
    """The tool calls of the message, with their parsed arguments."""


class ParsedChoice(Choice, Generic[ContentType]):
    message: ParsedChatCompletionMessage[ContentType]
    """The message of this choice, with its parsed content."""


class ParsedChatCompletion(ChatCompletion, Generic[ContentType]):
    choices: list[ParsedChoice[ContentType]]  # type: ignore[assignment]
    """The choices of the completion (more than one when ``n`` > 1)."""
