"""What a chat completion stream knows of one choice (:class:`ChoiceState`), and the small
helpers the state machine uses on partial JSON and log probabilities."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import pydantic_core
from pydantic import TypeAdapter

from ....types.parsed import (
    ParsedChatCompletionMessage,
    ParsedChoice,
    ParsedFunction,
    ParsedFunctionToolCall,
)
from ._types import ParsedChoiceSnapshot

__all__ = ["ChoiceState", "logprobs_part", "partial_json", "set_logprobs_part", "validate_logprobs"]

_logprobs_adapter: TypeAdapter[Any] | None = None


def validate_logprobs(value: dict[str, Any]) -> Any:
    """``value`` validated as a choice's ``logprobs`` (whatever type the response models give
    that field: a plain value or a model)."""
    global _logprobs_adapter
    if _logprobs_adapter is None:
        annotation: Any = ParsedChoice.model_fields["logprobs"].annotation
        _logprobs_adapter = TypeAdapter(annotation)
    return _logprobs_adapter.validate_python(value)


def logprobs_part(logprobs: object, name: str) -> list[Any] | None:
    """``logprobs.content`` / ``.refusal``, whether ``logprobs`` is a model or a dict."""
    value = logprobs.get(name) if isinstance(logprobs, Mapping) else getattr(logprobs, name, None)
    return cast("list[Any] | None", value)


def set_logprobs_part(logprobs: object, name: str, value: list[Any]) -> None:
    if isinstance(logprobs, dict):
        logprobs[name] = value
    else:
        setattr(logprobs, name, value)


def partial_json(text: str) -> object | None:
    """Partial JSON decoded so far (incomplete strings and numbers left out); ``None`` when the
    text is not JSON (the complete text is validated, and fails, when it is done)."""
    try:
        decoded: object = pydantic_core.from_json(text, allow_partial=True)
    except ValueError:
        return None
    return decoded


class ChoiceState:
    """What the stream knows of one choice: its accumulated message and the done events
    already fired."""

    def __init__(self, snapshot: ParsedChoiceSnapshot) -> None:
        self.snapshot = snapshot
        self.message: dict[str, Any] = {}
        self.parsed: object | None = None
        self.parsed_arguments: dict[int, object | None] = {}
        self.content_done = False
        self.refusal_done = False
        self.logprobs_content_done = False
        self.logprobs_refusal_done = False
        self.done_tool_calls: set[int] = set()
        self.current_tool_call: int | None = None

    def rebuild_message(self) -> None:
        """Rebuild the snapshot's message from the accumulated deltas and parsed values."""
        data = dict(self.message)
        calls = data.get("tool_calls")
        if calls:
            data["tool_calls"] = [self._tool_call(call) for call in calls]
        data["parsed"] = self.parsed
        self.snapshot.message = ParsedChatCompletionMessage.model_validate(data)

    def _tool_call(self, call: dict[str, Any]) -> ParsedFunctionToolCall:
        function = {"name": "", "arguments": "", **(call.get("function") or {})}
        function["parsed_arguments"] = self.parsed_arguments.get(call.get("index", 0))
        return ParsedFunctionToolCall.model_validate(
            {
                **call,
                "id": call.get("id") or "",
                "type": call.get("type") or "function",
                "function": ParsedFunction.model_validate(function),
            }
        )

    def tool_call(self, index: int) -> ParsedFunctionToolCall | None:
        """The snapshot's tool call with stream index ``index``."""
        for position, call in enumerate(self.message.get("tool_calls") or []):
            if call.get("index", 0) == index:
                calls = self.snapshot.message.tool_calls or []
                return calls[position] if position < len(calls) else None
        return None
