"""Qianfan v1 wire shapes and conversions: native answer/embedding models (built once at
import), model → endpoint lookup, OpenAI → v1 messages, and the ``is_end`` stream parser.
Wire facts: ``spec/wire-ernie-sensenova.md`` section 1 (1.1, 1.3–1.5, 1.7).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from ..._sse import SSEEvent
from ...errors import (
    APIConnectionError,
    APIError,
    InvalidRequestError,
)
from ...types import (
    ChatCompletionChunk,
    EmbeddingUsage,
    Usage,
    attach_raw,
    normalize_finish_reason,
)
from .._base import (
    path_segment,
    validation_error,
)
from .v1_tables import V1_ENDPOINTS

__all__ = [
    "ErnieV1ChunkParser",
    "convert_messages",
    "v1_endpoint",
]


class _FunctionCall(BaseModel):
    name: str = ""
    arguments: str = ""
    thoughts: str | None = None


class _Usage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class _V1Answer(BaseModel):
    """A v1 chat answer, stream chunk or error body (one model: parse once)."""

    id: str = ""
    created: int = 0
    result: str = ""
    is_truncated: bool = False
    need_clear_history: bool = False
    finish_reason: str | None = None
    is_end: bool = False
    usage: _Usage | None = None
    function_call: _FunctionCall | None = None
    error_code: int | None = None
    error_msg: str = ""


class _V1EmbeddingItem(BaseModel):
    index: int = 0
    embedding: list[float]


class _V1Embeddings(BaseModel):
    data: list[_V1EmbeddingItem] = []
    usage: EmbeddingUsage | None = None
    error_code: int | None = None
    error_msg: str = ""


def v1_endpoint(model: str, endpoints: Mapping[str, str], provider: str = "ernie") -> str:
    """The endpoint path segment for ``model``: config first, then the table, then the name.
    It lands in a path on Baidu's host that carries the app's access token, so it is checked
    (:func:`~llmswitch.providers._base.path_segment`): ``../`` and the like are refused."""
    found = endpoints.get(model)
    if found is not None:
        return path_segment(found, provider, f"endpoints[{model!r}] (from the config)")
    lowered = model.lower()
    found = endpoints.get(lowered) or V1_ENDPOINTS.get(lowered)
    if found is not None:
        return path_segment(found, provider, f"endpoints[{lowered!r}] (from the config)")
    return path_segment(lowered, provider)


def _text(content: Any) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if any(isinstance(p, dict) and p.get("type") not in (None, "text") for p in content):
        raise InvalidRequestError("ERNIE v1 chat takes text only; remove the image parts")
    return "".join(p.get("text", "") for p in content if isinstance(p, dict))


def _finish(answer: _V1Answer) -> str:
    if answer.function_call is not None:
        return "tool_calls"
    if answer.need_clear_history:
        return "content_filter"
    if answer.finish_reason:
        return normalize_finish_reason(answer.finish_reason) or "stop"
    return "length" if answer.is_truncated else "stop"


def _call_id(answer: _V1Answer) -> str:
    return f"call_{answer.id or 'ernie'}"


def _usage(usage: _Usage | None) -> Usage | None:
    if usage is None:
        return None
    return Usage(
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens,
    )


def convert_messages(
    messages: list[dict[str, Any]], provider: str
) -> tuple[str | None, list[dict[str, Any]]]:
    """OpenAI messages → (top-level ``system``, v1 ``messages``) per spec 1.3 / 1.6."""
    system: list[str] = []
    out: list[dict[str, Any]] = []
    names: dict[str, str] = {}
    for message in messages:
        role = message.get("role")
        if role in ("system", "developer"):
            system.append(_text(message.get("content")))
            continue
        if role == "assistant" and message.get("tool_calls"):
            calls = message["tool_calls"]
            if len(calls) > 1:
                raise InvalidRequestError(
                    f"{provider}: ERNIE v1 takes one function call per assistant turn, this"
                    f" message has {len(calls)}"
                )
            function = calls[0].get("function") or {}
            names[calls[0].get("id", "")] = function.get("name", "")
            out.append(
                {
                    "role": "assistant",
                    "content": _text(message.get("content")),
                    "function_call": {
                        "name": function.get("name", ""),
                        "arguments": function.get("arguments", ""),
                    },
                }
            )
            continue
        if role in ("tool", "function"):
            call_id = message.get("tool_call_id", "")
            name = message.get("name") or names.get(call_id) or call_id
            out.append({"role": "function", "name": name, "content": _text(message["content"])})
            continue
        content = message.get("content")
        if isinstance(content, str) and not message.keys() - {"role", "content"}:
            out.append(message)
        else:
            out.append({"role": role, "content": _text(content)})
    return ("\n".join(system) if system else None), out


class _CodeErrors(Protocol):
    """What the stream parser needs of the v1 adapter: its name and its error-code table."""

    name: str

    def code_error(
        self, answer: _V1Answer, status: int, body: bytes, headers: Mapping[str, str]
    ) -> APIError: ...


class ErnieV1ChunkParser:
    """``data: {...}`` events until one has ``is_end: true`` (no ``[DONE]``); an event with
    ``error_code`` raises the mapped error."""

    __slots__ = ("_adapter", "_model", "_started", "done")

    def __init__(self, adapter: _CodeErrors, model: str) -> None:
        self._adapter = adapter
        self._model = model
        self._started = False
        self.done = False

    def feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        data = event.data
        try:
            answer = _V1Answer.model_validate_json(data)
        except ValidationError as exc:
            raise validation_error(exc, self._adapter.name, data) from None
        if answer.error_code is not None:
            raise self._adapter.code_error(answer, 200, data.encode(), {})
        delta: dict[str, Any] = {"content": answer.result or None}
        if not self._started:
            delta["role"] = "assistant"
            self._started = True
        finish: str | None = None
        usage: Usage | None = None
        if answer.function_call is not None:
            call = answer.function_call
            delta["tool_calls"] = [
                {"index": 0, "id": _call_id(answer), "type": "function",
                 "function": {"name": call.name, "arguments": call.arguments}}
            ]  # fmt: skip
        if answer.is_end:
            self.done = True
            finish = _finish(answer)
            usage = _usage(answer.usage)
        # One validated build of the whole chunk (cheaper than constructing each nested model).
        chunk = ChatCompletionChunk.model_validate(
            {
                "id": answer.id,
                "created": answer.created,
                "model": self._model,
                "usage": usage,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
        )
        attach_raw(chunk, data, self._adapter.name)
        return [chunk]

    def close(self) -> list[ChatCompletionChunk]:
        if not self.done:
            raise APIConnectionError(
                "the ERNIE stream ended before its last chunk (is_end: true); the answer is"
                " incomplete",
                provider=self._adapter.name,
                retryable=False,
            )
        return []
