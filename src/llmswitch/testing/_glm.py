"""Fake of Zhipu's v4 wire: OpenAI-like JSON, ``data:`` SSE with ``[DONE]``, usage only in the
last chunk, whole tool calls in one delta, ``data: {"error": ...}`` frames, and
``{"error": {"code": "<digits>", "message"}}`` errors (spec/wire-qwen-glm-openai.md 3.4-3.7)."""

from __future__ import annotations

import json
import re
from typing import Any

import httpx

from ._model import FakeError, Kind, Reply
from ._openai import split_text, sse

__all__ = ["GLM", "GLMFake"]

DEFAULT_BASE_URL = "https://open.bigmodel.cn/api/paas/v4"
LOG_ID = "20250101120000fakefakefakefake00"
_SSE_HEADERS = {"content-type": "text/event-stream;charset=UTF-8", "x-log-id": LOG_ID}
# A code per HTTP status, for FakeError without one (spec 3.7).
_CODES = {400: "1210", 401: "1002", 403: "1220", 404: "1211", 429: "1302", 500: "500"}


class GLMFake:
    """Renders GLM answers."""

    def routes(self, base_url: str | None) -> list[tuple[str, str, Kind]]:
        base = re.escape((base_url or DEFAULT_BASE_URL).rstrip("/"))
        return [
            ("POST", base + r"/chat/completions$", "chat"),
            ("POST", base + r"/embeddings$", "embeddings"),
        ]

    def config(self, base_url: str | None) -> dict[str, Any]:
        table: dict[str, Any] = {"api_key": "fakeid.fake-secret-for-tests"}
        if base_url:
            table["base_url"] = base_url
        return table

    def error_body(self, error: FakeError) -> dict[str, Any]:
        code = error.code or _CODES.get(error.status, "500")
        return {"error": {"code": code, "message": error.message}}

    def render(self, kind: Kind, request: httpx.Request, reply: Reply) -> httpx.Response:
        body = json.loads(request.content or b"{}")
        stream = bool(body.get("stream"))
        error = reply.error
        if error is not None and not (error.in_body and stream and kind == "chat"):
            headers = {"x-log-id": LOG_ID}
            if error.retry_after is not None:
                headers["retry-after"] = str(error.retry_after)
            status = 200 if error.in_body else error.status
            return httpx.Response(status, json=self.error_body(error), headers=headers)
        if kind == "embeddings":
            return self._embeddings(body, reply)
        head = {"id": LOG_ID, "created": 1735689600, "model": body.get("model", "")}
        usage = {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        }
        calls = [
            {"id": c["id"], "index": i, "type": "function",
             "function": {"name": c["name"], "arguments": c["arguments"]}}
            for i, c in enumerate(reply.tool_calls or [])
        ]  # fmt: skip
        finish = reply.finish_reason or ("tool_calls" if calls else "stop")
        if not stream:
            message: dict[str, Any] = {"role": "assistant", "content": reply.content}
            if calls:
                message = {"role": "assistant", "content": None, "tool_calls": calls}
            choice = {"index": 0, "finish_reason": finish, "message": message}
            answer = {**head, "request_id": LOG_ID, "choices": [choice], "usage": usage}
            return httpx.Response(200, json=answer, headers={"x-log-id": LOG_ID})
        events: list[Any] = []
        for piece in split_text(reply.content) if reply.content and not calls else []:
            delta: dict[str, Any] = {"role": "assistant", "content": piece}
            events.append({**head, "choices": [{"index": 0, "delta": delta}]})
        if calls:  # whole tool calls in one delta, as GLM sends them
            delta = {"role": "assistant", "tool_calls": calls}
            events.append({**head, "choices": [{"index": 0, "delta": delta}]})
        if error is not None:
            events.append(self.error_body(error))
            return httpx.Response(200, content=sse(events, done=False), headers=_SSE_HEADERS)
        last = {"index": 0, "finish_reason": finish, "delta": {"role": "assistant", "content": ""}}
        events.append({**head, "choices": [last], "usage": usage})
        return httpx.Response(200, content=sse(events), headers=_SSE_HEADERS)

    def _embeddings(self, body: dict[str, Any], reply: Reply) -> httpx.Response:
        inputs = body.get("input") or []
        if isinstance(inputs, str):
            inputs = [inputs]
        dims = body.get("dimensions") or reply.dimensions
        data = [
            {"embedding": [round(0.1 * (i + 1) + 0.01 * d, 4) for d in range(dims)],
             "index": i, "object": "embedding"}
            for i in range(len(inputs))
        ]  # fmt: skip
        tokens = sum(len(str(t).split()) for t in inputs)
        answer = {"model": body.get("model", ""), "data": data, "object": "list",
                  "usage": {"completion_tokens": 0, "prompt_tokens": tokens,
                            "total_tokens": tokens}}  # fmt: skip
        return httpx.Response(200, json=answer, headers={"x-log-id": LOG_ID})


GLM = GLMFake()
