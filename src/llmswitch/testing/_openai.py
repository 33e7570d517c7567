"""Fake of OpenAI's wire (and of the OpenAI-compatible presets): JSON, SSE with ``[DONE]``,
base64 embeddings, ``{"error": {...}}`` bodies."""

from __future__ import annotations

import base64
import json
import re
import struct
from typing import Any

import httpx

from ..providers import PROVIDERS
from ._model import FakeError, Kind, Reply

__all__ = ["DEEPSEEK", "DOUBAO", "HUNYUAN", "MOONSHOT", "OPENAI", "OpenAIFake", "sse"]

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    403: "invalid_request_error",
    404: "invalid_request_error",
    409: "invalid_request_error",
    422: "invalid_request_error",
    429: "requests",
}


def sse(events: list[Any], *, done: bool = True) -> bytes:
    """``data: <json>\\n\\n`` per event, then ``data: [DONE]`` if ``done``."""
    out = [b"data: " + json.dumps(e, ensure_ascii=False).encode() + b"\n\n" for e in events]
    if done:
        out.append(b"data: [DONE]\n\n")
    return b"".join(out)


def split_text(text: str) -> list[str]:
    """Split text into word-ish pieces, the way a model streams it."""
    return re.findall(r"\S+\s*|\s+", text) or [text]


class OpenAIFake:
    """Renders OpenAI-format answers for one provider name."""

    def __init__(self, provider: str) -> None:
        self.provider = provider

    def _base(self, base_url: str | None) -> str:
        return (base_url or PROVIDERS[self.provider].base_url or "").rstrip("/")

    def routes(self, base_url: str | None) -> list[tuple[str, str, Kind]]:
        base = re.escape(self._base(base_url))
        return [
            ("POST", base + r"/chat/completions$", "chat"),
            ("POST", base + r"/embeddings$", "embeddings"),
        ]

    def config(self, base_url: str | None) -> dict[str, Any]:
        table: dict[str, Any] = {"api_key": "sk-fake-key-for-tests"}
        if base_url:
            table["base_url"] = base_url
        return table

    def error_body(self, error: FakeError) -> dict[str, Any]:
        return {
            "error": {
                "message": error.message,
                "type": _ERROR_TYPES.get(error.status, "server_error"),
                "param": None,
                "code": error.code,
            }
        }

    def render(self, kind: Kind, request: httpx.Request, reply: Reply) -> httpx.Response:
        body = json.loads(request.content or b"{}")
        if reply.error is not None and not (reply.error.in_body and body.get("stream")):
            headers = {"x-request-id": "req_fake"}
            if reply.error.retry_after is not None:
                headers["retry-after"] = str(reply.error.retry_after)
            status = 200 if reply.error.in_body else reply.error.status
            return httpx.Response(status, json=self.error_body(reply.error), headers=headers)
        if kind == "embeddings":
            return self._embeddings(body, reply)
        message: dict[str, Any] = {"role": "assistant", "content": reply.content}
        finish = reply.finish_reason or "stop"
        if reply.tool_calls:
            message["content"] = None
            message["tool_calls"] = [
                {"id": c["id"], "type": "function",
                 "function": {"name": c["name"], "arguments": c["arguments"]}}
                for c in reply.tool_calls
            ]  # fmt: skip
            finish = reply.finish_reason or "tool_calls"
        usage = {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        }
        head = {"id": "chatcmpl-fake", "created": 1735689600, "model": body.get("model", "")}
        if not body.get("stream"):
            choice = {"index": 0, "message": message, "finish_reason": finish}
            answer = {**head, "object": "chat.completion", "usage": usage, "choices": [choice]}
            return httpx.Response(200, json=answer, headers={"x-request-id": "req_fake"})
        chunk = {**head, "object": "chat.completion.chunk"}
        events: list[Any] = [
            {**chunk, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""},
                                   "finish_reason": None}]}
        ]  # fmt: skip
        for piece in split_text(reply.content or "") if not reply.tool_calls else []:
            events.append({**chunk, "choices": [{"index": 0, "delta": {"content": piece},
                                                 "finish_reason": None}]})  # fmt: skip
        for index, call in enumerate(reply.tool_calls or []):
            first = {"index": index, "id": call["id"], "type": "function",
                     "function": {"name": call["name"], "arguments": ""}}  # fmt: skip
            events.append({**chunk, "choices": [{"index": 0, "delta": {"tool_calls": [first]}}]})
            for piece in split_text(call["arguments"]):
                frag = {"index": index, "function": {"arguments": piece}}
                events.append({**chunk, "choices": [{"index": 0, "delta": {"tool_calls": [frag]}}]})
        events.append({**chunk, "choices": [{"index": 0, "delta": {}, "finish_reason": finish}]})
        if reply.error is not None:
            events.append(self.error_body(reply.error))
            return httpx.Response(
                200, content=sse(events, done=False), headers={"content-type": "text/event-stream"}
            )
        events.append({**chunk, "choices": [], "usage": usage})
        return httpx.Response(
            200, content=sse(events), headers={"content-type": "text/event-stream"}
        )

    def _embeddings(self, body: dict[str, Any], reply: Reply) -> httpx.Response:
        inputs = body.get("input") or []
        dims = body.get("dimensions") or reply.dimensions
        data = []
        for index, _ in enumerate(inputs):
            vector = [round(0.1 * (index + 1) + 0.01 * d, 4) for d in range(dims)]
            value: Any = vector
            if body.get("encoding_format") == "base64":
                value = base64.b64encode(struct.pack(f"<{dims}f", *vector)).decode()
            data.append({"object": "embedding", "index": index, "embedding": value})
        tokens = sum(len(str(t).split()) for t in inputs)
        answer = {"object": "list", "data": data, "model": body.get("model", ""),
                  "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}  # fmt: skip
        return httpx.Response(200, json=answer)


OPENAI = OpenAIFake("openai")
DEEPSEEK = OpenAIFake("deepseek")
MOONSHOT = OpenAIFake("moonshot")
DOUBAO = OpenAIFake("doubao")
HUNYUAN = OpenAIFake("hunyuan")
