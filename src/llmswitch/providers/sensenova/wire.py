"""SenseNova native wire shapes (answers, stream frames, embeddings, errors) and the stream
parser: private pydantic models built once at import. Wire facts: ``spec/wire-ernie-sensenova.md``
section 3 (``data``/``error`` envelopes, string ``delta`` in stream choices, ``[DONE]``).
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasPath, BaseModel, Field, ValidationError, model_validator

from ..._sse import SSEEvent
from ...errors import APIConnectionError, InvalidRequestError
from ...types import (
    ChatCompletionChunk,
    ChunkChoice,
    FunctionCall,
    Usage,
    attach_raw,
)
from .._base import ErrorMapper, validation_error

__all__ = [
    "SenseNovaChunkParser",
    "_SNAnswer",
    "_SNEmbeddings",
    "_SNError",
    "_usage",
    "model_items",
    "native_messages",
]


class _SNError(BaseModel):
    code: int | str | None = None
    message: str = ""


class _SNToolCall(BaseModel):
    id: str = ""
    type: str = "function"
    function: FunctionCall


class _SNChoice(BaseModel):
    index: int = 0
    message: str | None = None
    delta: str | None = None
    finish_reason: str | None = None
    tool_calls: list[_SNToolCall] | None = None
    reasoning_content: str | None = None


class _SNUsage(BaseModel):
    prompt_tokens: int = 0
    knowledge_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class _SNData(BaseModel):
    id: str = ""
    choices: list[_SNChoice] = []
    usage: _SNUsage | None = None


class _SNAnswer(BaseModel):
    data: _SNData | None = None
    error: _SNError | None = None


class _SNEmbeddingItem(BaseModel):
    index: int = 0
    embedding: list[float]


class _SNEmbeddings(BaseModel):
    embeddings: list[_SNEmbeddingItem] | None = None
    usage: _SNUsage | None = None
    error: _SNError | None = None


def _usage(usage: _SNUsage | None) -> Usage | None:
    """Knowledge-base tokens count as prompt tokens (spec S4, langchain4j)."""
    if usage is None:
        return None
    return Usage(
        prompt_tokens=usage.prompt_tokens + usage.knowledge_tokens,
        completion_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens,
    )


# One-pass parse of a stream frame straight into the OpenAI-shaped chunk (``data.choices[]``
# with a string ``delta``, ``data.usage``): one ``model_validate_json`` per frame.
class _FrameChoice(ChunkChoice):
    @model_validator(mode="before")
    @classmethod
    def _native(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        delta: dict[str, Any] = {
            "content": value.get("delta") or None,
            "reasoning_content": value.get("reasoning_content"),
        }
        calls = value.get("tool_calls")
        if isinstance(calls, list) and calls:
            delta["tool_calls"] = [
                {**call, "index": i, "type": "function"} if isinstance(call, dict) else call
                for i, call in enumerate(calls)
            ]
        return {
            "index": value.get("index", 0),
            "finish_reason": value.get("finish_reason"),
            "delta": delta,
        }


class _FrameUsage(Usage):
    knowledge_tokens: int = Field(0, exclude=True, repr=False)


class _Frame(ChatCompletionChunk):
    id: str = Field("", validation_alias=AliasPath("data", "id"))
    choices: list[_FrameChoice] = Field(  # type: ignore[assignment]
        default_factory=list, validation_alias=AliasPath("data", "choices")
    )
    usage: _FrameUsage | None = Field(None, validation_alias=AliasPath("data", "usage"))
    error: _SNError | None = Field(None, exclude=True, repr=False)


class SenseNovaChunkParser:
    """``data:{"data": {...}}`` events until ``data:[DONE]``; ``data:{"error": ...}`` raises."""

    __slots__ = ("_adapter", "_model", "_started", "done")

    def __init__(self, adapter: ErrorMapper, model: str) -> None:
        self._adapter = adapter
        self._model = model
        self._started = False
        self.done = False

    def feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        data = event.data
        if data == "[DONE]":
            self.done = True
            return []
        try:
            frame = _Frame.model_validate_json(data)
        except ValidationError as exc:
            raise validation_error(exc, self._adapter.name, data) from None
        if frame.error is not None or (not frame.choices and not frame.id):
            raise self._adapter.map_error(200, data.encode(), {})
        values = frame.__dict__
        values["model"] = self._model
        if not self._started and frame.choices:
            frame.choices[0].delta.__dict__["role"] = "assistant"
            self._started = True
        final = False
        for choice in frame.choices:
            final = final or choice.finish_reason is not None
        usage = frame.usage
        if final and usage is not None:
            # Knowledge-base tokens count as prompt tokens (spec S4, langchain4j).
            usage.__dict__["prompt_tokens"] = usage.prompt_tokens + usage.knowledge_tokens
        else:
            values["usage"] = None
        attach_raw(frame, data, self._adapter.name)
        return [frame]

    def close(self) -> list[ChatCompletionChunk]:
        if not self.done:
            raise APIConnectionError(
                "the SenseNova stream ended before its end marker (data:[DONE]); the answer is"
                " incomplete",
                provider=self._adapter.name,
                retryable=False,
            )
        return []


# ---- outgoing messages --------------------------------------------------------------------
# Native vision parts [M] platform.sensenova.cn docs name text / image_url / image_file_id /
# video_url / video_file_id; the nesting is [L] (LazyLLM ``_format_vl_chat_image_url``): a URL
# is a plain string, not OpenAI's ``{"url": ...}``, and an inline image is
# ``{"type": "image_base64", "image_base64": "<bare base64>"}``.
_NATIVE_PART_TYPES = frozenset(
    {"text", "image_url", "image_base64", "image_file_id", "video_url", "video_file_id"}
)
_REASONING_KEYS = ("reasoning_content", "reasoning")


def _url_of(value: Any) -> Any:
    return value.get("url") if isinstance(value, dict) else value


def _native_part(part: Any) -> Any:
    if not isinstance(part, dict):
        return part
    kind = part.get("type")
    if kind == "image_url":
        url = _url_of(part.get("image_url"))
        if isinstance(url, str) and url.startswith("data:"):
            return {"type": "image_base64", "image_base64": url.split("base64,", 1)[-1]}
        return {"type": "image_url", "image_url": url}
    if kind in ("video_url", "video"):
        return {"type": "video_url", "video_url": _url_of(part.get(kind))}
    if kind not in _NATIVE_PART_TYPES:
        raise InvalidRequestError(
            f"content part type {kind!r} is not supported by SenseNova's native API; use text,"
            " image_url (http(s) or data: URL), image_file_id, video_url or video_file_id"
        )
    return part


def native_messages(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """OpenAI messages → SenseNova's native ones: a null assistant content is ``""``, content
    parts take the native shape, reasoning is not sent back (the deep-reasoning and 6.7 docs
    [M]). Messages that need no change are not copied."""
    out = messages
    for index, message in enumerate(messages):
        changed = message
        content = message.get("content")
        if message.get("role") == "assistant" and content is None:
            changed = {**changed, "content": ""}
        elif isinstance(content, list):
            parts = [_native_part(p) for p in content]
            if any(a is not b for a, b in zip(parts, content, strict=True)):
                changed = {**changed, "content": parts}
        if any(key in message for key in _REASONING_KEYS):
            changed = {k: v for k, v in changed.items() if k not in _REASONING_KEYS}
        if changed is not message:
            if out is messages:
                out = list(messages)
            out[index] = changed
    return out


def model_items(payload: Any) -> list[dict[str, Any]] | None:
    """The models of a ``GET /llm/models`` answer as OpenAI ``Model`` dicts, or ``None`` when
    the body has no list. The body is not documented (the SDK's ``Model.list`` is a generic
    ``ListableAPIResource`` [H] sensenova 1.0.6): a list under ``data``, ``data.models`` or
    ``models`` is read, each id from ``id``, ``model`` or ``name``."""
    found: Any = None
    if isinstance(payload, dict):
        data = payload.get("data")
        if isinstance(data, dict):
            data = data.get("models", data.get("data"))
        found = data if isinstance(data, list) else payload.get("models")
    if not isinstance(found, list):
        return None
    items: list[dict[str, Any]] = []
    for item in found:
        if isinstance(item, str):
            items.append({"id": item})
        elif isinstance(item, dict):
            model_id = item.get("id") or item.get("model") or item.get("name")
            if isinstance(model_id, str):
                created = item.get("created")
                items.append(
                    {
                        **item,
                        "id": model_id,
                        "object": "model",
                        "created": created if isinstance(created, int) else 0,
                        "owned_by": str(item.get("owned_by") or "sensetime"),
                    }
                )
    return items
