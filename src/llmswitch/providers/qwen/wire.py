"""DashScope native wire shapes: private pydantic models of its answers (built once, at import)
and the OpenAI → DashScope message conversion.

Wire facts: ``spec/wire-qwen-glm-openai.md`` 1.3 (messages; text models need string content,
the multimodal endpoint takes ``{"text"}``/``{"image"}``/``{"audio"}``/``{"video"}`` parts),
1.4 (``output.choices`` / legacy ``output.text``, list content on the multimodal path, usage
names), 1.6 (embeddings).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from ...errors import InvalidRequestError
from ...types import FunctionCall, ToolCall, Usage
from .routing import has_media, model_family_multimodal

__all__ = [
    "EmbeddingBody",
    "NativeBody",
    "NativeToolCall",
    "convert_messages",
    "native_tool_calls",
    "native_usage",
    "text_of",
    "wants_multimodal",
]


class NativeFunction(BaseModel):
    name: str | None = None
    arguments: str | None = None


class NativeToolCall(BaseModel):
    index: int = 0
    id: str | None = None
    type: str | None = None
    function: NativeFunction | None = None


class NativeMessage(BaseModel):
    role: str | None = None
    content: str | list[dict[str, Any]] | None = None
    reasoning_content: str | None = None
    tool_calls: list[NativeToolCall] | None = None


class NativeChoice(BaseModel):
    index: int | None = None
    finish_reason: str | None = None
    message: NativeMessage | None = None
    logprobs: Any = None


class NativeOutput(BaseModel):
    choices: list[NativeChoice] | None = None
    text: str | None = None
    finish_reason: str | None = None


class NativeUsage(BaseModel):
    input_tokens: int = 0
    output_tokens: int = 0
    total_tokens: int | None = None
    prompt_tokens_details: dict[str, Any] | None = None
    input_tokens_details: dict[str, Any] | None = None
    output_tokens_details: dict[str, Any] | None = None


def merged_prompt_details(
    input_details: dict[str, Any] | None, prompt_details: dict[str, Any] | None
) -> dict[str, Any] | None:
    """``input_tokens_details`` (text/image/audio tokens, multimodal path [M]) and
    ``prompt_tokens_details`` (``cached_tokens`` [H] tongyi.py ``_native_usage_to_openai``) as
    one OpenAI ``prompt_tokens_details``."""
    if not input_details:
        return prompt_details
    if not prompt_details:
        return input_details
    return {**input_details, **prompt_details}


class NativeBody(BaseModel):
    """A chat answer or one stream event's data (``code`` set means an error)."""

    output: NativeOutput | None = None
    usage: NativeUsage | None = None
    request_id: str = ""
    code: str | None = None
    message: str | None = None


class EmbeddingItem(BaseModel):
    text_index: int = 0
    embedding: list[float]


class EmbeddingOutput(BaseModel):
    embeddings: list[EmbeddingItem]


class EmbeddingUsageBody(BaseModel):
    total_tokens: int = 0


class EmbeddingBody(BaseModel):
    output: EmbeddingOutput | None = None
    usage: EmbeddingUsageBody | None = None
    request_id: str = ""
    code: str | None = None


def native_usage(usage: NativeUsage | None) -> Usage | None:
    """``input_tokens``/``output_tokens`` → OpenAI's names; total computed when missing."""
    if usage is None:
        return None
    total = usage.total_tokens
    return Usage(
        prompt_tokens=usage.input_tokens,
        completion_tokens=usage.output_tokens,
        total_tokens=total if total is not None else usage.input_tokens + usage.output_tokens,
        prompt_tokens_details=merged_prompt_details(
            usage.input_tokens_details, usage.prompt_tokens_details
        ),
        completion_tokens_details=usage.output_tokens_details,
    )


def native_tool_calls(calls: list[NativeToolCall] | None) -> list[ToolCall] | None:
    """Whole tool calls of a non-stream answer."""
    if not calls:
        return None
    return [
        ToolCall(
            id=call.id or "",
            function=FunctionCall(
                name=(call.function.name or "") if call.function else "",
                arguments=(call.function.arguments or "") if call.function else "",
            ),
        )
        for call in calls
    ]


def text_of(content: str | list[dict[str, Any]] | None) -> str | None:
    """Answer text: a string, or the joined ``{"text"}`` parts of a multimodal answer."""
    if content is None or isinstance(content, str):
        return content
    return "".join(part.get("text", "") for part in content if isinstance(part, dict))


def wants_multimodal(model: str, messages: list[dict[str, Any]]) -> bool:
    """True for a model of a multimodal family (``routing.py``), or when a message carries an
    image, audio or video part."""
    return model_family_multimodal(model) or has_media(messages)


def _native_part(part: Any) -> dict[str, Any]:
    if not isinstance(part, dict):
        raise InvalidRequestError(f"a content part must be a dict, got {type(part).__name__}")
    kind = part.get("type")
    if kind is None:
        return part  # already DashScope's form: {"text": ...}, {"image": ...}, ...
    if kind == "text":
        return {"text": part.get("text", "")}
    if kind == "image_url":
        image = part.get("image_url")
        return {"image": image.get("url") if isinstance(image, dict) else image}
    if kind == "input_audio":
        audio = part.get("input_audio") or {}
        return {"audio": audio.get("data") or audio.get("url")}
    if kind in ("video_url", "video"):
        video = part.get(kind)
        return {"video": video.get("url") if isinstance(video, dict) else video}
    raise InvalidRequestError(
        f"content part type {kind!r} is not supported by DashScope; use text, image_url,"
        " input_audio or video_url"
    )


def _convert(message: dict[str, Any], multimodal: bool) -> dict[str, Any]:
    role = message.get("role")
    content = message.get("content")
    changed: dict[str, Any] = {}
    if role == "developer":
        changed["role"] = "system"
    # Reasoning is never sent back: DashScope does not take it as input and would bill it
    # again [H] dashscope 2.0.2 tongyi.py ``_to_native_messages``.
    strip = "reasoning_content" in message
    if multimodal:
        if isinstance(content, str):
            changed["content"] = [{"text": content}]
        elif isinstance(content, list):
            changed["content"] = [_native_part(p) for p in content]
        elif content is None:
            changed["content"] = []
    elif isinstance(content, list):
        changed["content"] = "".join(_native_part(p).get("text", "") for p in content)
    elif content is None and role == "assistant":
        changed["content"] = ""
    if strip:
        out = {k: v for k, v in message.items() if k != "reasoning_content"}
        out.update(changed)
        return out
    return {**message, **changed} if changed else message


def convert_messages(messages: list[dict[str, Any]], multimodal: bool) -> list[dict[str, Any]]:
    """OpenAI messages → DashScope's; messages that need no change are not copied."""
    out = messages
    for index, message in enumerate(messages):
        converted = _convert(message, multimodal)
        if converted is not message:
            if out is messages:
                out = list(messages)
            out[index] = converted
    return out
