"""Fake of SenseNova's native wire: answers wrapped in ``data``, string ``message`` / ``delta``,
``data:`` SSE (no space) ending with ``data:[DONE]``, top-level ``embeddings[]``,
``{"error": {"code", "message", "details"}}`` bodies with gRPC-style codes."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from ._model import FakeError, Kind, Reply
from ._openai import split_text

__all__ = ["SENSENOVA", "SenseNovaFake"]

_BASE = "https://api.sensenova.cn/v1"
# HTTP status → gRPC-style error.code (spec 3.7).
_CODES = {400: 3, 401: 16, 403: 7, 404: 5, 409: 10, 429: 8, 500: 13, 503: 14, 504: 4}


def _frame(payload: Any) -> bytes:
    return b"data:" + json.dumps(payload, ensure_ascii=False).encode() + b"\n\n"


class SenseNovaFake:
    """Renders SenseNova-format answers."""

    def routes(self, base_url: str | None) -> list[tuple[str, str, Kind]]:
        base = re.escape((base_url or _BASE).rstrip("/"))
        return [
            ("POST", base + r"/llm/chat-completions$", "chat"),
            ("POST", base + r"/llm/embeddings$", "embeddings"),
        ]

    def config(self, base_url: str | None) -> dict[str, Any]:
        table: dict[str, Any] = {
            "access_key": "fakeSenseNovaAccessKeyId",
            "secret_key": "fakeSenseNovaSecretKey-0123456789abcdef",
        }
        if base_url:
            table["base_url"] = base_url
        return table

    @staticmethod
    def error_body(error: FakeError) -> dict[str, Any]:
        code = int(error.code) if error.code and error.code.isdigit() else None
        return {
            "error": {
                "code": code or _CODES.get(error.status, 13),
                "message": error.message,
                "details": [],
            }
        }

    def render(self, kind: Kind, request: httpx.Request, reply: Reply) -> httpx.Response:
        body = json.loads(request.content or b"{}")
        headers = {"x-request-id": "fake-sensenova-request"}
        if reply.error is not None and not (reply.error.in_body and body.get("stream")):
            if reply.error.retry_after is not None:
                headers["retry-after"] = str(reply.error.retry_after)
            status = 200 if reply.error.in_body else reply.error.status
            return httpx.Response(status, json=self.error_body(reply.error), headers=headers)
        if kind == "embeddings":
            texts = body.get("input") or []
            items = [
                {
                    "index": i,
                    "status_code": "SUCCESS",
                    "status_message": "",
                    "embedding": [
                        round(0.1 * (i + 1) + 0.01 * d, 4) for d in range(reply.dimensions)
                    ],
                }
                for i, _ in enumerate(texts)
            ]
            tokens = sum(len(str(t).split()) for t in texts)
            usage = {
                "prompt_tokens": tokens,
                "knowledge_tokens": 0,
                "completion_tokens": 0,
                "total_tokens": tokens,
            }
            return httpx.Response(200, json={"embeddings": items, "usage": usage}, headers=headers)
        usage = {
            "prompt_tokens": reply.prompt_tokens,
            "knowledge_tokens": 0,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        }
        calls = [
            {
                "id": c["id"],
                "type": "function",
                "function": {"name": c["name"], "arguments": c["arguments"]},
            }
            for c in reply.tool_calls or []
        ]
        finish = reply.finish_reason or ("tool_calls" if calls else "stop")
        if not body.get("stream"):
            choice: dict[str, Any] = {
                "index": 0,
                "role": "assistant",
                "finish_reason": finish,
                "message": "" if calls else (reply.content or ""),
            }
            if calls:
                choice["tool_calls"] = calls
            data = {"id": "fake-sensenova-id", "choices": [choice], "usage": usage, "plugins": {}}
            return httpx.Response(200, json={"data": data}, headers=headers)
        frames = []
        for piece in [] if calls else split_text(reply.content or ""):
            choice = {"index": 0, "role": "assistant", "delta": piece, "finish_reason": ""}
            data = {"id": "fake-sensenova-id", "choices": [choice], "usage": usage, "plugins": {}}
            frames.append(_frame({"data": data, "status": {"code": 0, "message": "ok"}}))
        if reply.error is not None:
            frames.append(_frame(self.error_body(reply.error)))
        else:
            choice = {"index": 0, "role": "assistant", "delta": "", "finish_reason": finish}
            if calls:
                choice["tool_calls"] = calls
            data = {"id": "fake-sensenova-id", "choices": [choice], "usage": usage, "plugins": {}}
            frames.append(_frame({"data": data, "status": {"code": 0, "message": "ok"}}))
            frames.append(b"data:[DONE]\n\n")
        return httpx.Response(
            200, content=b"".join(frames), headers={**headers, "content-type": "text/event-stream"}
        )


SENSENOVA = SenseNovaFake()
