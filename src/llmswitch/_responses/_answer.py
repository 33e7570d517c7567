"""A chat answer → a Responses ``Response`` (IO-free, shared by every adapter).

Output items in openai's order: a ``reasoning`` item when the provider returned reasoning text
(``reasoning_content``), then one ``message`` item with an ``output_text`` part (or a
``refusal`` part), then one ``function_call`` item per tool call. ``finish_reason`` ``length``
→ status ``incomplete`` with ``incomplete_details.reason = "max_output_tokens"``,
``content_filter`` → ``incomplete`` / ``"content_filter"``; anything else → ``completed``.
Usage maps ``prompt_tokens`` → ``input_tokens`` (cached tokens kept), ``completion_tokens``
→ ``output_tokens`` (reasoning tokens kept); details are ints, never null.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..types import ChatCompletion, CompletionUsage
from ..types.responses import Response
from ._request import plain

__all__ = ["Echo", "chat_to_response", "new_id", "response_usage"]


def new_id(prefix: str) -> str:
    """A fresh id in openai's style (``resp_…``, ``msg_…``, ``fc_…``, ``rs_…``)."""
    return f"{prefix}_{uuid.uuid4().hex}"


@dataclass(slots=True)
class Echo:
    """What a ``Response`` repeats of its request (openai echoes these), and its id, chosen
    before the call so that stream events and the final answer share it."""

    id: str = field(default_factory=lambda: new_id("resp"))
    model: str = ""
    fields: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, args: Mapping[str, Any], model: str) -> Echo:
        """The echo of a call's given arguments (``args``)."""
        tools = [plain(t) for t in args.get("tools") or ()]
        reasoning = plain(args.get("reasoning")) or {}
        text = plain(args.get("text")) or {}
        fields: dict[str, Any] = {
            "instructions": args.get("instructions"),
            "metadata": dict(args.get("metadata") or {}),
            "parallel_tool_calls": args.get("parallel_tool_calls", True),
            "temperature": args.get("temperature"),
            "tool_choice": plain(args.get("tool_choice")) or "auto",
            "tools": tools,
            "top_p": args.get("top_p"),
            "background": False,
            "max_output_tokens": args.get("max_output_tokens"),
            "previous_response_id": args.get("previous_response_id"),
            "reasoning": {"effort": reasoning.get("effort"), "summary": reasoning.get("summary")},
            "store": args.get("store", True),
            "text": {"format": text.get("format") or {"type": "text"},
                     **({"verbosity": text["verbosity"]} if text.get("verbosity") else {})},
            "truncation": "disabled",
            "user": args.get("user"),
        }  # fmt: skip
        if fields["parallel_tool_calls"] is None:
            fields["parallel_tool_calls"] = True
        return cls(model=model, fields=fields)

    def response(self, **values: Any) -> dict[str, Any]:
        """A ``Response`` body with this echo, ``values`` on top."""
        body: dict[str, Any] = {
            "id": self.id,
            "object": "response",
            "created_at": values.pop("created_at", None) or time.time(),
            "status": "in_progress",
            "error": None,
            "incomplete_details": None,
            "model": self.model,
            "output": [],
            "usage": None,
            **self.fields,
        }
        body.update(values)
        return body


def response_usage(usage: CompletionUsage | None) -> dict[str, Any] | None:
    """Chat usage → Responses usage (details as ints)."""
    if usage is None:
        return None
    prompt = usage.prompt_tokens or 0
    completion = usage.completion_tokens or 0
    cached = getattr(usage.prompt_tokens_details, "cached_tokens", None) or 0
    reasoning = getattr(usage.completion_tokens_details, "reasoning_tokens", None) or 0
    return {
        "input_tokens": prompt,
        "input_tokens_details": {"cached_tokens": cached},
        "output_tokens": completion,
        "output_tokens_details": {"reasoning_tokens": reasoning},
        "total_tokens": usage.total_tokens or prompt + completion,
    }


def status_of(finish_reason: str | None) -> tuple[str, dict[str, Any] | None]:
    """``(status, incomplete_details)`` of a chat finish reason."""
    if finish_reason == "length":
        return "incomplete", {"reason": "max_output_tokens"}
    if finish_reason == "content_filter":
        return "incomplete", {"reason": "content_filter"}
    return "completed", None


def reasoning_item(text: str, item_id: str | None = None) -> dict[str, Any]:
    return {
        "id": item_id or new_id("rs"),
        "type": "reasoning",
        "summary": [],
        "content": [{"type": "reasoning_text", "text": text}],
        "status": "completed",
    }


def message_item(
    text: str | None, refusal: str | None, status: str, item_id: str | None = None
) -> dict[str, Any]:
    content: list[dict[str, Any]] = []
    if refusal:
        content.append({"type": "refusal", "refusal": refusal})
    else:
        content.append({"type": "output_text", "text": text or "", "annotations": [],
                        "logprobs": []})  # fmt: skip
    return {
        "id": item_id or new_id("msg"),
        "type": "message",
        "role": "assistant",
        "status": status,
        "content": content,
    }


def call_item(
    call_id: str, name: str, arguments: str, item_id: str | None = None
) -> dict[str, Any]:
    return {
        "id": item_id or new_id("fc"),
        "type": "function_call",
        "status": "completed",
        "call_id": call_id,
        "name": name,
        "arguments": arguments,
    }


def chat_to_response(completion: ChatCompletion, echo: Echo) -> Response:
    """The ``Response`` of a (non-stream) chat answer."""
    output: list[dict[str, Any]] = []
    status, incomplete = "completed", None
    if completion.choices:
        choice = completion.choices[0]
        message = choice.message
        status, incomplete = status_of(choice.finish_reason)
        if message.reasoning_content:
            output.append(reasoning_item(message.reasoning_content))
        calls = message.tool_calls or []
        if message.content or message.refusal or not calls:
            item_status = "incomplete" if status == "incomplete" else "completed"
            output.append(message_item(message.content, message.refusal, item_status))
        for call in calls:
            function = call.function
            output.append(call_item(call.id, function.name, function.arguments or ""))
    body = echo.response(
        created_at=float(completion.created) if completion.created else None,
        status=status,
        incomplete_details=incomplete,
        model=completion.model or echo.model,
        output=output,
        usage=response_usage(completion.usage),
        completed_at=time.time(),
    )
    response = Response.model_validate(body)
    response.with_raw(completion._raw, completion.provider)
    request_id = completion._request_id
    if request_id:
        response.__dict__["_request_id_value"] = request_id
    return response
