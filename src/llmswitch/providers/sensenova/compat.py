"""SenseNova's OpenAI-compatible gateways: ``token.sensenova.cn/v1`` (SenseNova 6.7+, token
plan) and ``api.sensenova.cn/compatible-mode/v1`` (older), chosen with ``region = "token"`` /
``"compatible"``.

Wire facts [M] OpenSenseNova/SenseNova6.7 ``API.md`` (the vendor's repository): OpenAI's body
and parts (``image_url`` with an http(s) or ``data:`` URL), the reasoning text in
``message.reasoning`` / ``delta.reasoning`` (not ``reasoning_content``; the openai SDK keeps it
only as an extra field), ``max_tokens`` counting the reasoning too, ``reasoning`` not to be sent
back, a usage-only chunk (``choices: []``) before ``[DONE]``, ``finish_reason: ""`` while
running, ``usage.prompt_tokens_details.cached_tokens``. The gateway whitelists
``reasoning_effort`` and rejects ``thinking`` / ``enable_thinking`` [L] (a third-party doc
quoting the platform's parameter table); its accepted values are not documented.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import httpx

from ..._sse import SSEEvent
from ...types import ChatCompletion, ChatCompletionChunk
from .._base import OPENAI_PLATFORM_PARAMS, OPTIONAL_CHAT_PARAMS, ChatParams, ParamSupport
from ..openai import OpenAIAdapter, OpenAIChunkParser

__all__ = ["COMPAT_HOSTS", "SenseNovaCompatibleAdapter"]

COMPAT_HOSTS: Mapping[str, str] = {
    "token": "https://token.sensenova.cn/v1",
    "compatible": "https://api.sensenova.cn/compatible-mode/v1",
}

_REASONING_KEYS = ("reasoning", "reasoning_content")


def _reasoning_as_openai_name(holder: Any) -> None:
    """``reasoning`` → ``reasoning_content`` (llmswitch's name for reasoning text) on a message
    or delta; the provider's field stays as it came."""
    extra = holder.__pydantic_extra__
    if extra and isinstance(extra.get("reasoning"), str) and "reasoning_content" not in extra:
        extra["reasoning_content"] = extra["reasoning"]


class _Parser(OpenAIChunkParser):
    __slots__ = ()

    def feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        chunks = super().feed(event)
        for chunk in chunks:
            for choice in chunk.choices:
                _reasoning_as_openai_name(choice.delta)
        return chunks


class SenseNovaCompatibleAdapter(OpenAIAdapter):
    """OpenAI's wire at a SenseNova gateway, with its reasoning field read as
    ``reasoning_content``."""

    PARAMS: ClassVar[Mapping[str, ParamSupport]] = {
        **{name: ParamSupport("native") for name in OPTIONAL_CHAT_PARAMS},
        **OPENAI_PLATFORM_PARAMS,
        "reasoning_effort": ParamSupport(
            "native", "accepted by the 6.7 gateway; its values are not documented"
        ),
        "max_tokens": ParamSupport("native", "counts the reasoning too"),
    }
    default_encoding_format: ClassVar[str | None] = None

    def chat_body(self, params: ChatParams) -> dict[str, Any]:
        body = super().chat_body(params)
        messages = body["messages"]
        if any(isinstance(m, dict) and any(k in m for k in _REASONING_KEYS) for m in messages):
            # Reasoning is not sent back [M] SN67 API.md.
            body["messages"] = [
                {k: v for k, v in m.items() if k not in _REASONING_KEYS}
                if isinstance(m, dict)
                else m
                for m in messages
            ]
        return body

    def parse_chat_response(self, response: httpx.Response) -> ChatCompletion:
        completion = super().parse_chat_response(response)
        for choice in completion.choices:
            _reasoning_as_openai_name(choice.message)
        return completion

    def chunk_parser(self, params: ChatParams) -> OpenAIChunkParser:
        return _Parser(self)
